"""The visible text and the title of an HTML page, with lxml.

Used where trafilatura finds no main text (short pages, link lists), so that a
source is never lost just because it does not look like an article.
"""

from __future__ import annotations

import re
from typing import Any

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_HIDDEN_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def _parse(html: str) -> Any:
    import lxml.html
    from lxml import etree

    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.LxmlError, ValueError):
        return None


def html_title(html: str) -> str | None:
    """The page's title: `og:title`, else `<title>`, else its first `<h1>`."""
    root = _parse(html)
    if root is None:
        return None
    candidates = [
        *root.xpath("//meta[@property='og:title']/@content"),
        *(t.text_content() for t in root.xpath("//title")),
        *(h.text_content() for h in root.xpath("//h1")),
    ]
    for candidate in candidates:
        title = " ".join(str(candidate).split())
        if title:
            return title
    return None


def visible_text(html: str) -> str:
    """Every piece of text a reader would see, one block per line."""
    from lxml import etree

    root = _parse(html)
    if root is None:
        return ""
    for element in root.xpath("|".join(f"//{tag}" for tag in _HIDDEN_TAGS)):
        element.drop_tree()
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None
        if event == "start":
            if tag in _BLOCK_TAGS or tag == "br":
                parts.append("\n")
            if tag is not None and element.text:
                parts.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if element.tail:
                parts.append(element.tail)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
