"""What the format readers produce: blocks of mapped plain text and directives."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from citecheck.lang import Language
from citecheck.parse.textmap import MappedText

__all__ = ["Block", "BlockKind", "Directive", "parse_directive", "refs_title"]

BlockKind = Literal["paragraph", "heading", "list_item", "quote", "table_cell", "code", "reference"]


@dataclass(slots=True)
class Block:
    """A paragraph, heading, list item, quote, table cell, code block or reference entry."""

    kind: BlockKind
    text: MappedText
    ref_id: str | None = None  # for reference entries: the label ("1", "note")
    url: str | None = None  # first link target inside the block (HTML href, Markdown link)
    protected: str | None = None  # same-length copy of text.text with code spans blanked
    ordinal: int = 0  # 1-based position in an ordered list, 0 otherwise
    start: int = 0  # article offset where the block's source starts (for directives)
    end: int = 0  # article offset where the block's source ends (for directives)
    links: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline `<!-- citecheck: ... -->` comment, at article offset `end`."""

    action: Literal["ignore", "off", "on"]
    reason: str
    start: int
    end: int


_DIRECTIVE = re.compile(
    r"\s*citecheck\s*:\s*(?P<action>ignore|off|on|disable|enable|skip)\b[\s:\-]*(?P<reason>.*)",
    re.IGNORECASE | re.DOTALL,
)
_ACTIONS: dict[str, Literal["ignore", "off", "on"]] = {
    "ignore": "ignore",
    "skip": "ignore",
    "off": "off",
    "disable": "off",
    "on": "on",
    "enable": "on",
}


def parse_directive(body: str, start: int, end: int) -> Directive | None:
    """The directive in an HTML comment's body, if it is one."""
    m = _DIRECTIVE.match(body[:2000])
    if m is None:
        return None
    action = _ACTIONS[m.group("action").lower()]
    reason = " ".join(m.group("reason").split())
    return Directive(action, reason, start, end)


@cache
def _refs_title(language: Language) -> re.Pattern[str]:
    titles = "|".join(language.reference_titles)
    return re.compile(rf"[#*_\s]*(?:{titles})[*_\s]*:?[*_#\s]*\Z", re.IGNORECASE)


def refs_title(line: str, language: Language) -> bool:
    """Whether a line or heading is the title of a reference list ("References", "Sources")."""
    return len(line) <= 60 and _refs_title(language).match(line) is not None
