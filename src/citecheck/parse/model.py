"""What the parser hands to the rest of the pipeline.

Parsing knows nothing of sources: it turns article text into claims with their
markers and exact spans, plus the article's own reference list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from citecheck.parse.textmap import MappedText
from citecheck.report import Marker

ClaimKind = Literal["sentence", "clause", "heading", "list_item", "quote", "table_cell", "code"]


@dataclass(frozen=True, slots=True)
class Reference:
    """One entry of the article's reference list or a footnote definition."""

    id: str
    text: str  # the entry's text, without its label
    start: int  # span of the whole entry in the article
    end: int
    url: str | None = None  # first http(s) URL in the entry
    target: str | None = None  # a file path or URL the entry names, if any


@dataclass(frozen=True, slots=True)
class ParsedClaim:
    """A sentence, or the clause before a mid-sentence marker."""

    index: int
    text: str  # plain text: markers and markup removed, whitespace folded
    start: int  # span in the original article; article[start:end] holds the claim
    end: int
    line: int  # 1-based, of `start`
    column: int  # 1-based, of `start`
    end_line: int
    end_column: int
    paragraph: int  # index of the block (paragraph, heading, list item, ...) from 0
    kind: ClaimKind = "sentence"
    markers: tuple[Marker, ...] = ()
    citation_needed: bool = False  # a `[citation needed]` tag was attached
    context: str = ""  # plain text of the claims before it in the same paragraph
    suppressed: str | None = None  # reason of an inline `citecheck: ignore`, "" if none given
    notes: tuple[str, ...] = ()  # parser findings about this claim's markers (capped ranges, ...)
    covered_by: tuple[str, ...] = ()  # paragraph scope: ids of the later marker that covers it

    @property
    def marker_ids(self) -> list[str]:
        """Source ids named by the claim's own markers, in first-seen order, no duplicates."""
        seen: dict[str, None] = {}
        for marker in self.markers:
            for source_id in marker.ids:
                seen.setdefault(source_id, None)
        return list(seen)

    @property
    def citations(self) -> list[str]:
        """Source ids the claim cites: its markers', or those of the marker covering it."""
        return self.marker_ids or list(self.covered_by)


@dataclass(frozen=True, slots=True)
class UnusedSuppression:
    """A `<!-- citecheck: ignore|off -->` comment that suppresses no claim (like an unused noqa)."""

    action: Literal["ignore", "off"]
    reason: str  # what followed the keyword, "" if nothing did
    start: int  # span of the whole comment in the article
    end: int
    line: int  # 1-based, of `start`
    column: int  # 1-based, of `start`


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article split into claims, with its reference list."""

    text: str
    format: Literal["text", "markdown", "html"]
    claims: list[ParsedClaim]
    references: dict[str, Reference] = field(default_factory=dict)
    title: str | None = None  # the `title` of the article's front matter, if it has one
    unused_suppressions: list[UnusedSuppression] = field(default_factory=list)
    # HTML articles: the text a reader sees, mapped into the HTML (`parse/display.py`).
    display: MappedText | None = None
