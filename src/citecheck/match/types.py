"""What the matcher is asked and what it answers.

The judge knows nothing of file formats or articles: it sees a claim's text
(and the text before it), the sources the claim cites, and returns a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from citecheck.report import Evidence, Status


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """One claim to check against the sources it cites."""

    text: str
    source_ids: tuple[str, ...]
    context: str = ""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judge's answer: supported, partial or unsupported, with its grounds."""

    status: Status
    score: float  # in [0, 1], never NaN
    evidence: list[Evidence] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    missing_terms: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class NeedDecision:
    """Whether a sentence states something a reader would need a source for."""

    needs_citation: bool
    score: float  # in [0, 1]
    reason: str | None = None  # why, for the report (e.g. "reads as unattributed analysis")
    statement: bool = True  # False for questions, fragments and transitions: not claims at all


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A given source that supports an uncited claim."""

    source_id: str
    score: float
    evidence: Evidence | None = None
