"""Plain-text sources (pages saved or scraped as text): the article's lines and its title.

A page copied out of a browser keeps its menus, cookie notice, share buttons and
copyright line around the article. HTML sources lose them to trafilatura; a text
source gets the same treatment here, line by line and conservatively: a line goes
only when the language's lists say it is page furniture (a menu of section names, a
cookie notice, "Advertisement", "© 2025 …"), so evidence comes from the sentences.
A `TITLE:` line at the top names the source and is not part of its text. When
nothing would be left, the text is kept as it was: a source is never lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from citecheck.lang import BoilerplateWords

__all__ = ["PlainText", "main_text"]

#: A title line is looked for among this many first non-blank lines.
TITLE_LINES = 10
#: Lines longer than this are content, whatever words they use (a cookie notice aside).
MAX_FURNITURE_CHARS = 300
#: A menu line: at least this many items between separators ("Home | News | Sport").
MENU_ITEMS = 3
#: …each of at most this many words.
MENU_ITEM_WORDS = 4

_SEPARATORS = re.compile(r"\s*[|·•»›>]\s*")
_TOKENS = re.compile(r"[^\W\d_]+|&", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s*$")
_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


@dataclass(frozen=True, slots=True)
class PlainText:
    """A text source's main text, its title (if it names one) and how many lines went."""

    text: str
    title: str | None
    dropped: int


@dataclass(frozen=True, slots=True)
class _Patterns:
    title: re.Pattern[str] | None
    phrase: re.Pattern[str] | None
    cookie: re.Pattern[str] | None
    copyright: re.Pattern[str] | None
    navigation: frozenset[str]


@cache
def _patterns(words: BoilerplateWords) -> _Patterns:
    def any_of(phrases: tuple[str, ...], whole: bool = False) -> re.Pattern[str] | None:
        if not phrases:
            return None
        body = "|".join(f"(?:{p})" for p in phrases)
        return re.compile(rf"(?:{body})[.:!]?\Z" if whole else body, re.IGNORECASE)

    labels = "|".join(words.title_labels)
    return _Patterns(
        title=re.compile(rf"\s*(?:{labels})\s*:\s*(\S.*?)\s*\Z", re.IGNORECASE) if labels else None,
        phrase=any_of(words.phrases, whole=True),
        cookie=any_of(words.cookie),
        copyright=any_of(words.copyright),
        navigation=words.navigation,
    )


def main_text(text: str, words: BoilerplateWords) -> PlainText:
    """The text without page furniture and without its title line; the title."""
    patterns = _patterns(words)
    lines = text.split("\n")
    title, title_at = _title(lines, patterns)
    kept: list[str] = []
    dropped = 0
    for n, line in enumerate(lines):
        if n == title_at:
            continue
        if line.strip() and _furniture(line.strip(), patterns):
            dropped += 1
            continue
        kept.append(line)
    if not any(line.strip() for line in kept):
        return PlainText(text, title, 0)  # only furniture: keep everything rather than nothing
    if not dropped and title_at is None:
        return PlainText(text, None, 0)
    joined = _BLANK_RUNS.sub("\n\n", "\n".join(kept)).strip("\n")
    return PlainText(joined, title, dropped)


def _title(lines: list[str], patterns: _Patterns) -> tuple[str | None, int | None]:
    if patterns.title is None:
        return None, None
    seen = 0
    for n, line in enumerate(lines):
        if not line.strip():
            continue
        found = patterns.title.match(line)
        if found:
            return " ".join(found.group(1).split()), n
        seen += 1
        if seen >= TITLE_LINES:
            break
    return None, None


def _furniture(line: str, patterns: _Patterns) -> bool:
    """Whether a (stripped, non-blank) line is menu, cookie, share or copyright text."""
    if len(line) > 2 * MAX_FURNITURE_CHARS:
        return False
    if patterns.cookie is not None and patterns.cookie.search(line):
        return True
    if len(line) > MAX_FURNITURE_CHARS:
        return False
    if patterns.copyright is not None and patterns.copyright.search(line):
        return True
    if patterns.phrase is not None and patterns.phrase.match(line):
        return True
    return _menu(line, patterns.navigation)


def _menu(line: str, navigation: frozenset[str]) -> bool:
    """A line of section names: every word a navigation word, or items between separators."""
    if _SENTENCE_END.search(line):
        return False
    tokens = [t.lower() for t in _TOKENS.findall(line)]
    if tokens and navigation and all(t in navigation for t in tokens) and len(tokens) <= 12:
        return True
    items = [item for item in _SEPARATORS.split(line) if item]
    return len(items) >= MENU_ITEMS and all(len(item.split()) <= MENU_ITEM_WORDS for item in items)
