"""The report models: the contract every part of citecheck speaks.

Parsing, matching and rendering all meet here. The models double as the
documentation of the JSON output (`citecheck schema` prints their JSON Schema).
Offsets are 0-based character offsets into the text the user gave; lines and
columns are 1-based and derived from offsets.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field, model_validator

REPORT_FORMAT_VERSION = 1


class Status(StrEnum):
    """The verdict on one claim."""

    SUPPORTED = "supported"
    PARTIAL = "partial"
    UNSUPPORTED = "unsupported"
    UNCITED = "uncited"
    UNKNOWN_SOURCE = "unknown_source"
    EXEMPT = "exempt"


#: Statuses that fail a check by default (`partial` only warns; `exempt`/`supported` pass).
DEFAULT_FAIL_ON: frozenset[Status] = frozenset(
    {Status.UNCITED, Status.UNSUPPORTED, Status.UNKNOWN_SOURCE}
)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=False, extra="forbid", use_enum_values=False)


class Marker(_Model):
    """One citation marker as written in the article, e.g. `[1, 2]` or `[^note]`."""

    text: str = Field(description="The marker exactly as written.")
    start: int = Field(ge=0, description="Offset of the marker in the article.")
    end: int = Field(ge=0)
    ids: list[str] = Field(description="Source ids the marker names, ranges expanded.")
    kind: Literal["numeric", "footnote", "citation_needed"] = "numeric"


class Evidence(_Model):
    """A passage of a source that backs (part of) a claim."""

    source_id: str
    quote: str = Field(description="`source.text[start:end]`, exactly.")
    start: int = Field(ge=0, description="Offset of the quote in the source text.")
    end: int = Field(ge=0)
    score: float = Field(ge=0.0, le=1.0, description="How much of the claim this passage covers.")
    page: int | None = Field(default=None, description="1-based page, for paged sources (PDF).")
    matched_terms: list[str] = Field(
        default_factory=list, description="Claim words this passage backs (for highlighting)."
    )


class ClaimResult(_Model):
    """One claim of the article and what citecheck found about it."""

    index: int = Field(ge=0, description="Position of the claim in the article, from 0.")
    text: str = Field(description="The claim's plain text, markers and markup removed.")
    start: int = Field(ge=0, description="Offset where the claim starts in the article.")
    end: int = Field(ge=0, description="Offset just past the claim (markers included).")
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    paragraph: int = Field(ge=0, description="Index of the paragraph or block, from 0.")
    kind: str = Field(
        default="sentence",
        description="sentence, clause, heading, list_item, quote, table_cell or code.",
    )
    markers: list[Marker] = Field(default_factory=list)
    citations: list[str] = Field(default_factory=list, description="Source ids the markers name.")
    status: Status
    score: float | None = Field(
        default=None, ge=0.0, le=1.0, description="Support by the cited sources; None if unchecked."
    )
    needs_citation: bool
    suggested_citations: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
    missing_terms: list[str] = Field(
        default_factory=list, description="Words, names, numbers or dates no cited source backs."
    )
    suppressed: str | None = Field(
        default=None, description="Set when an inline `citecheck: ignore` covers the claim."
    )


class SourceInfo(_Model):
    """A source as citecheck saw it."""

    id: str
    origin: str = Field(description="Where it came from: 'inline', a file path or a URL.")
    title: str | None = None
    content_type: str | None = None
    chars: int = Field(ge=0, default=0)
    sentences: int = Field(ge=0, default=0)
    error: str | None = Field(default=None, description="Why it could not be used, if so.")
    warnings: list[str] = Field(
        default_factory=list,
        description="How the source was read, where it matters (a guessed encoding, say).",
    )
    cited_by: list[int] = Field(default_factory=list, description="Indexes of claims citing it.")


class Summary(_Model):
    """Counts of claims per status."""

    total: int = 0
    supported: int = 0
    partial: int = 0
    unsupported: int = 0
    uncited: int = 0
    unknown_source: int = 0
    exempt: int = 0
    suppressed: int = 0

    def count(self, status: Status) -> int:
        return int(getattr(self, status.value))


class Report(_Model):
    """Everything citecheck found about one article."""

    format_version: int = REPORT_FORMAT_VERSION
    article: str | None = Field(default=None, description="Article path or name, when known.")
    article_chars: int = Field(ge=0)
    claims: list[ClaimResult]
    sources: list[SourceInfo]
    summary: Summary
    fail_on: list[Status] = Field(default_factory=lambda: sorted(DEFAULT_FAIL_ON, key=str))

    # The texts the offsets point into; kept out of the JSON but needed by renderers.
    _article_text: str = PrivateAttr(default="")
    _source_texts: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _drop_derived(cls, data: Any) -> Any:
        """`ok` is derived; a report read back from JSON carries it, so drop it on input."""
        if isinstance(data, dict) and "ok" in data:
            data = {k: v for k, v in data.items() if k != "ok"}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when no claim (unless suppressed) has a status in `fail_on`."""
        failing = set(self.fail_on)
        return not any(c.status in failing and c.suppressed is None for c in self.claims)

    def findings(self) -> list[ClaimResult]:
        """Claims whose status fails the check and that are not suppressed."""
        failing = set(self.fail_on)
        return [c for c in self.claims if c.status in failing and c.suppressed is None]

    @property
    def article_text(self) -> str:
        """The article as given (not serialised)."""
        return self._article_text

    @property
    def source_texts(self) -> dict[str, str]:
        """The text of each loaded source by id (not serialised)."""
        return dict(self._source_texts)

    def to_html(self, *, title: str | None = None) -> str:
        """The report as one self-contained HTML page (see `citecheck.render.html`)."""
        from citecheck.render.html import render_html

        return render_html(self, title=title)

    def attach_texts(self, article_text: str, source_texts: dict[str, str]) -> Report:
        """Keep the texts the offsets point into, for renderers."""
        self._article_text = article_text
        self._source_texts = dict(source_texts)
        return self
