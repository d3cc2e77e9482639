"""What crosses the judge seam: plain data only.

A judge sees claim texts and candidate passages (source id, span, text) and answers
with verdicts (status, score, evidence spans, typed reasons). It knows nothing of
articles, file formats, markers or reports.
"""

from __future__ import annotations

from dataclasses import dataclass

from citecheck.report import Evidence, Reason, Status

#: The statuses a judge may give: the rest (uncited, unknown_source, exempt) are decided
#: around it, from markers and sources.
JUDGE_STATUSES: frozenset[Status] = frozenset(
    {Status.SUPPORTED, Status.PARTIAL, Status.CONTRADICTED, Status.UNSUPPORTED}
)


@dataclass(frozen=True, slots=True)
class Passage:
    """A candidate passage: `text == source_text[start:end]` of source `source_id`."""

    source_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class JudgeRequest:
    """One claim to judge against its candidate passages."""

    claim: str
    passages: tuple[Passage, ...]
    context: str = ""  # the text before the claim in its paragraph


@dataclass(frozen=True, slots=True)
class Verdict:
    """A judge's answer: supported, partial, contradicted or unsupported, with its grounds."""

    status: Status  # one of JUDGE_STATUSES
    score: float  # in [0, 1], never NaN
    evidence: tuple[Evidence, ...] = ()  # source.text[e.start:e.end] == e.quote
    reasons: tuple[Reason, ...] = ()
    missing_terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """One claim to check against the sources it cites (what the matcher is asked)."""

    text: str
    source_ids: tuple[str, ...]
    context: str = ""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A given source that supports an uncited claim."""

    source_id: str
    score: float
    evidence: Evidence | None = None
