"""The report models: the contract every part of citecheck speaks.

Parsing, matching and rendering all meet here, and a finished `Report` holds
everything a renderer needs: typed reasons (`Reason`: a stable code, its parameters
and the message rendered from them), typed suppressions, each claim's severity
(computed once, from `fail_on`), and the texts the offsets point into. Renderers
only read a `Report`; they never reach back into parsing or matching. The models
are immutable after construction and double as the documentation of the JSON
output (`citecheck schema` prints their JSON Schema). Offsets are 0-based
character offsets into the text the user gave; lines and columns are 1-based and
derived from offsets. No model holds a lone surrogate: each is replaced with U+FFFD
at construction (one for one, so offsets hold; `Report.warnings` and
`SourceInfo.warnings` say so), so any report can be written as JSON or UTF-8.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    computed_field,
    model_validator,
)

from citecheck.surrogates import replace_lone_surrogates, surrogate_note

#: Version of the JSON format; 2 added typed reasons, suppressions, severity and the texts;
#: 3 added the `contradicted` status (and its reason codes, docs/reasons.md).
REPORT_FORMAT_VERSION = 3


class Status(StrEnum):
    """The verdict on one claim."""

    SUPPORTED = "supported"
    PARTIAL = "partial"
    CONTRADICTED = "contradicted"
    UNSUPPORTED = "unsupported"
    UNCITED = "uncited"
    UNKNOWN_SOURCE = "unknown_source"
    EXEMPT = "exempt"


Severity = Literal["error", "warning"]

#: Statuses that fail a check by default (`partial` only warns; `exempt`/`supported` pass).
DEFAULT_FAIL_ON: frozenset[Status] = frozenset(
    {Status.CONTRADICTED, Status.UNCITED, Status.UNSUPPORTED, Status.UNKNOWN_SOURCE}
)

#: Statuses worth telling a user about: a warning when they do not fail the check.
PROBLEM_STATUSES: tuple[Status, ...] = (
    Status.CONTRADICTED,
    Status.UNSUPPORTED,
    Status.UNCITED,
    Status.UNKNOWN_SOURCE,
    Status.PARTIAL,
)


def parse_fail_on(value: object) -> frozenset[Status]:
    """The one reading of `fail_on`: `"uncited,unsupported"`, a list, or `"none"`.

    Case, spaces and dashes are forgiven (`"Unknown-Source"`); an empty value or
    `"none"` fails on nothing. Raises `ValueError` naming the known statuses.
    """
    if isinstance(value, frozenset | set | list | tuple):
        items: list[object] = list(value)
    elif isinstance(value, str):
        items = list(value.split(","))
    else:
        raise ValueError(f"expected statuses as a string or a list, got {type(value).__name__}")
    parts = [str(item).strip().lower().replace("-", "_") for item in items if str(item).strip()]
    if parts in ([], ["none"]):
        return frozenset()
    known = {s.value: s for s in Status}
    for part in parts:
        if part not in known:
            raise ValueError(f"unknown status {part!r}; choose from {', '.join(known)} or none")
    return frozenset(known[p] for p in parts)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


_replaced: ContextVar[list[int] | None] = ContextVar("citecheck_replaced", default=None)


def _valid_text(value: str) -> str:
    """Lone surrogates replaced with U+FFFD, counted for the model being built."""
    text, count = replace_lone_surrogates(value)
    if count:
        counter = _replaced.get()
        if counter is not None:
            counter[0] += count
    return text


#: Text in a report: never a lone surrogate (each is replaced with U+FFFD, one for one).
Text = Annotated[str, AfterValidator(_valid_text)]


def _noting_replacements(data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
    """Build a model with `warnings`, noting there how many lone surrogates were replaced
    in it (those of models given as plain data inside it included; models given as
    models were checked when they were made)."""
    outer = _replaced.get()
    counter = [0]
    token = _replaced.set(counter)
    try:
        model = handler(data)
    finally:
        _replaced.reset(token)
    if outer is not None:
        outer[0] += counter[0]
    if not counter[0] or not isinstance(data, dict):
        return model
    # Built again with the note (rare): a frozen model, also built through __init__.
    note = surrogate_note(counter[0])
    token = _replaced.set([0])  # counted already
    try:
        return handler({**data, "warnings": (*data.get("warnings", ()), note)})
    finally:
        _replaced.reset(token)


class Marker(_Model):
    """One citation marker as written in the article, e.g. `[1, 2]` or `[^note]`."""

    text: Text = Field(description="The marker exactly as written.")
    start: int = Field(ge=0, description="Offset of the marker in the article.")
    end: int = Field(ge=0)
    ids: tuple[Text, ...] = Field(description="Source ids the marker names, ranges expanded.")
    kind: Literal["numeric", "footnote", "citation_needed"] = "numeric"


ReasonParam = Text | int | float | bool | list[Text]


class Reason(_Model):
    """Why a claim has its status: a stable code, its parameters, and the message for people.

    Codes are documented in docs/reasons.md; a renderer or a script branches on
    `code` and reads `params`, never parses `message`.
    """

    code: Text = Field(description="Stable identifier, e.g. 'number_conflict', 'name_absent'.")
    params: dict[Text, ReasonParam] = Field(
        default_factory=dict, description="The values the message names (source id, values…)."
    )
    message: Text = Field(description="The reason in English, rendered from code and params.")


class Suppression(_Model):
    """Why a finding is not shown as one: an inline comment, a disabled range, a baseline."""

    kind: Literal["inline", "baseline"] = Field(
        description="'inline': a comment in the article (`<!-- citecheck: ignore -->`, or "
        "inside `off` … `on`); 'baseline': recorded in the baseline file."
    )
    reason: Text = Field(default="", description="The justification given, if any.")


class UnusedSuppression(_Model):
    """An inline `citecheck: ignore` or `off` comment that suppresses no claim.

    Reported as a warning (rule `citecheck/unused-suppression`), like ruff's unused
    `noqa`: a stale comment could otherwise hide a future finding. It never fails a check.
    """

    action: Literal["ignore", "off"] = Field(description="The comment's keyword.")
    reason: Text = Field(default="", description="The justification the comment gives.")
    text: Text = Field(description="The comment as written in the article.")
    start: int = Field(ge=0, description="Offset of the comment in the article.")
    end: int = Field(ge=0)
    line: int = Field(ge=1)
    column: int = Field(ge=1)


class DisplaySpan(_Model):
    """A span of `Display.text`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ClaimDisplay(_Model):
    """Where a claim and its markers stand in the display text."""

    index: int = Field(ge=0, description="The claim's index.")
    start: int = Field(ge=0, description="Offset of the claim in `Display.text`.")
    end: int = Field(ge=0)
    markers: tuple[DisplaySpan, ...] = Field(
        default=(), description="Its markers in `Display.text`, in order."
    )


class Display(_Model):
    """An HTML article as a reader sees it, for reports that show the article.

    `text` is the visible text (no tags, scripts, styles or navigation; entities
    decoded); spans here index `text`. Claim offsets elsewhere in the report still
    index the HTML as given (`article_text`).
    """

    text: Text
    claims: tuple[ClaimDisplay, ...] = ()


class Evidence(_Model):
    """A passage of a source that backs (part of) a claim."""

    source_id: Text
    quote: Text = Field(description="`source.text[start:end]`, exactly.")
    start: int = Field(ge=0, description="Offset of the quote in the source text.")
    end: int = Field(ge=0)
    score: float = Field(ge=0.0, le=1.0, description="How much of the claim this passage covers.")
    page: int | None = Field(default=None, description="1-based page, for paged sources (PDF).")
    matched_terms: tuple[Text, ...] = Field(
        default=(), description="Claim words this passage backs (for highlighting)."
    )


ClaimKind = Literal["sentence", "clause", "heading", "list_item", "quote", "table_cell", "code"]


def severity_of(
    status: Status, suppression: Suppression | None, fail_on: Iterable[Status]
) -> Severity | None:
    """`error` if a claim fails the check, `warning` if it is a problem that does not."""
    if suppression is not None:
        return None
    if status in set(fail_on):
        return "error"
    if status in PROBLEM_STATUSES:
        return "warning"
    return None


class ClaimResult(_Model):
    """One claim of the article and what citecheck found about it."""

    index: int = Field(ge=0, description="Position of the claim in the article, from 0.")
    text: Text = Field(description="The claim's plain text, markers and markup removed.")
    start: int = Field(ge=0, description="Offset where the claim starts in the article.")
    end: int = Field(ge=0, description="Offset just past the claim (markers included).")
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    paragraph: int = Field(ge=0, description="Index of the paragraph or block, from 0.")
    kind: ClaimKind = "sentence"
    markers: tuple[Marker, ...] = ()
    citations: tuple[Text, ...] = Field(
        default=(),
        description="Source ids the claim cites: its markers' ids, or the ids of the marker "
        "that covers it under paragraph scope.",
    )
    status: Status
    score: float | None = Field(
        default=None, ge=0.0, le=1.0, description="Support by the cited sources; None if unchecked."
    )
    needs_citation: bool
    suggested_citations: tuple[Text, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    details: tuple[Reason, ...] = Field(
        default=(), description="Why the claim has its status, as typed reasons."
    )
    missing_terms: tuple[Text, ...] = Field(
        default=(), description="Words, names, numbers or dates no cited source backs."
    )
    suppression: Suppression | None = Field(
        default=None, description="Set when an inline comment or the baseline hides the finding."
    )
    severity: Severity | None = Field(
        default=None,
        description="'error' when the claim fails the check (its status is in fail_on), "
        "'warning' for other problems, None otherwise or when suppressed.",
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_derived(cls, data: Any) -> Any:
        """`reasons` is derived from `details`; JSON read back carries it, so drop it."""
        if isinstance(data, dict) and "reasons" in data:
            data = {k: v for k, v in data.items() if k != "reasons"}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def reasons(self) -> list[str]:
        """The messages of `details`, in order (the reasons as text, as in format 1)."""
        return [d.message for d in self.details]


class SourceInfo(_Model):
    """A source as citecheck saw it."""

    id: Text
    origin: Text = Field(description="Where it came from: 'inline', a file path or a URL.")
    title: Text | None = None
    content_type: Text | None = None
    chars: int = Field(ge=0, default=0)
    sentences: int = Field(ge=0, default=0)
    error: Text | None = Field(default=None, description="Why it could not be used, if so.")
    warnings: tuple[Text, ...] = Field(
        default=(),
        description="How the source was read, where it matters (a guessed encoding, say).",
    )
    cited_by: tuple[int, ...] = Field(default=(), description="Indexes of claims citing it.")

    @model_validator(mode="wrap")
    @classmethod
    def _note_replacements(cls, data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        return _noting_replacements(data, handler)


class Summary(_Model):
    """Counts of claims per status."""

    total: int = 0
    supported: int = 0
    partial: int = 0
    contradicted: int = 0
    unsupported: int = 0
    uncited: int = 0
    unknown_source: int = 0
    exempt: int = 0
    suppressed: int = 0

    def count(self, status: Status) -> int:
        return int(getattr(self, status.value))

    @classmethod
    def of(cls, claims: Sequence[ClaimResult]) -> Summary:
        """The counts of `claims`."""
        counts = {s.value: 0 for s in Status}
        for claim in claims:
            counts[claim.status.value] += 1
        suppressed = sum(c.suppression is not None for c in claims)
        return cls(total=len(claims), suppressed=suppressed, **counts)


class Report(_Model):
    """Everything citecheck found about one article.

    Each claim's `severity` and the `summary` are derived here, at construction, from
    the claims and `fail_on`: whatever is given for them is recomputed, so they can
    never disagree with the claims.
    """

    format_version: int = REPORT_FORMAT_VERSION
    article: Text | None = Field(default=None, description="Article path or name, when known.")
    title: Text | None = Field(default=None, description="The article's title, when it has one.")
    article_chars: int = Field(ge=0)
    claims: tuple[ClaimResult, ...]
    sources: tuple[SourceInfo, ...]
    summary: Summary = Field(default_factory=Summary, description="Claims per status.")
    fail_on: tuple[Status, ...] = Field(default=tuple(sorted(DEFAULT_FAIL_ON, key=str)))
    article_text: Text | None = Field(
        default=None, description="The article as given: what claim offsets point into."
    )
    source_texts: dict[Text, Text] | None = Field(
        default=None,
        description="The text of each loaded source by id: what evidence offsets point into.",
    )
    display: Display | None = Field(
        default=None,
        description="HTML articles: the visible text and the claims' spans in it, for the HTML "
        "report (offsets elsewhere stay offsets into the HTML).",
    )
    unused_suppressions: tuple[UnusedSuppression, ...] = Field(
        default=(),
        description="Inline suppression comments that suppress no claim (warnings, never failing).",
    )
    config_files: tuple[Text, ...] = Field(
        default=(),
        description="The configuration files the command line applied to this article, the "
        "repository root's first (empty from the library, or when none was found).",
    )
    warnings: tuple[Text, ...] = Field(
        default=(),
        description="Things worth knowing about the report itself (characters replaced "
        "so that it can be written as UTF-8, say).",
    )

    @model_validator(mode="wrap")
    @classmethod
    def _note_replacements(cls, data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        return _noting_replacements(data, handler)

    @model_validator(mode="before")
    @classmethod
    def _derive(cls, data: Any) -> Any:
        """Severities and the summary from the claims and `fail_on`; `ok` is dropped."""
        if not isinstance(data, dict):
            return data
        data = {k: v for k, v in data.items() if k != "ok"}
        fail_on = parse_fail_on(data.get("fail_on", sorted(DEFAULT_FAIL_ON, key=str)))
        claims = []
        for raw in data.get("claims", ()):
            claim = raw if isinstance(raw, ClaimResult) else ClaimResult.model_validate(raw)
            level = severity_of(claim.status, claim.suppression, fail_on)
            claims.append(
                claim if claim.severity == level else claim.model_copy(update={"severity": level})
            )
        data["claims"] = tuple(claims)
        data["fail_on"] = tuple(sorted(fail_on, key=str))
        data["summary"] = Summary.of(claims)
        return data

    def with_claims(self, claims: Sequence[ClaimResult]) -> Report:
        """This report with other claims (severities and summary derived again)."""
        return Report.model_validate({**dict(self), "claims": tuple(claims)})

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when no claim fails the check (no claim of severity `error`)."""
        return not any(c.severity == "error" for c in self.claims)

    def findings(self) -> list[ClaimResult]:
        """Claims that fail the check (severity `error`): what makes CI red."""
        return [c for c in self.claims if c.severity == "error"]

    def problems(self) -> list[ClaimResult]:
        """Claims to show a user: findings and warnings, in article order."""
        return [c for c in self.claims if c.severity is not None]


class ReportSet(_Model):
    """The JSON output for several articles."""

    format_version: int = REPORT_FORMAT_VERSION
    ok: bool = Field(description="True when every report is ok.")
    reports: tuple[Report, ...] = Field(description="One report per article, in the order given.")

    @classmethod
    def of(cls, reports: Sequence[Report]) -> ReportSet:
        return cls(ok=all(r.ok for r in reports), reports=tuple(reports))


def normalize_claim(text: str) -> str:
    """The claim text with case, Unicode forms and whitespace folded."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def claim_hash(claim: ClaimResult) -> str:
    """A fingerprint of a finding that survives edits elsewhere in the article.

    It hashes the normalised claim text and the status, never line numbers, so
    baselines and code-scanning alerts follow a claim when text moves around it.
    """
    payload = f"{claim.status.value}\0{normalize_claim(claim.text)}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
