"""English page furniture in plain-text sources: menus, cookie notices, share buttons.

A page saved or scraped as text keeps what a browser showed around the article; these
lines are not evidence. Used by `sources/plain_text.py`; phrases are regular-expression
alternatives matched case-insensitively against a whole (short) line.
"""

from __future__ import annotations

#: Labels of a title line at the top of a text source ("TITLE: Port annual report").
TITLE_LABELS: tuple[str, ...] = ("title", "headline")

#: Words that menu and navigation lines are made of.
NAVIGATION: frozenset[str] = frozenset(
    {"home", "news", "sport", "sports", "business", "politics", "world", "local", "opinion"}
    | {"culture", "arts", "science", "health", "technology", "tech", "travel", "weather"}
    | {"video", "videos", "podcasts", "live", "menu", "search", "login", "log", "sign", "in"}
    | {"up", "out", "register", "subscribe", "account", "contact", "about", "us", "careers"}
    | {"privacy", "terms", "help", "faq", "sitemap", "archive", "latest", "popular", "more"}
    | {"share", "print", "email", "facebook", "twitter", "x", "linkedin", "instagram"}
    | {"youtube", "whatsapp", "rss", "newsletter", "newsletters", "skip", "to", "content"}
    | {"main", "back", "top", "next", "previous", "prev", "page", "section", "sections"}
    | {"economy", "markets", "lifestyle", "entertainment", "education", "environment"}
    | {"and", "the", "of", "&", "all", "topics", "shop", "jobs", "events", "obituaries"}
)

#: Short lines that are page furniture, whatever surrounds them.
PHRASES: tuple[str, ...] = (
    r"advertisement",
    r"sponsored(?: content)?",
    r"skip to (?:main )?content",
    r"back to top",
    r"share (?:this|on \w+)(?: article| story| page)?",
    r"read more(?: \w+)?",
    r"related (?:articles|stories|content|posts)",
    r"most (?:read|popular|viewed)",
    r"(?:sign up|subscribe) (?:for|to) (?:our|the) (?:\w+ )?newsletters?.*",
    r"(?:sign|log) (?:in|up)(?: or (?:sign|log) (?:in|up))?",
    r"follow us(?: on \w+)?",
    r"(?:view|see) (?:all )?comments",
    r"comments? \(\d+\)",
    r"image (?:source|caption|credit)s?:.*",
    r"photo(?:graph)?: .{0,60}",
    r"accept(?: all)?(?: cookies)?",
    r"reject(?: all)?(?: cookies)?",
    r"manage (?:cookies|preferences|settings)",
)

#: Cookie and consent notices (a line mentioning cookies and consent or tracking).
COOKIE: tuple[str, ...] = (
    r"\bcookies?\b.*\b(?:use|uses|accept|consent|agree|policy|settings|preferences|privacy)\b",
    r"\b(?:use|uses|accept|consent|agree|policy|settings|preferences|privacy)\b.*\bcookies?\b",
)

#: Copyright lines.
COPYRIGHT: tuple[str, ...] = (
    r"^\s*(?:©|\(c\)|copyright\b)",
    r"\ball rights reserved\b",
)
