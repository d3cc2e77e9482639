"""Run checklist pairs through `citecheck.verify()` and score them.

Only the public API is used and statuses are compared as their `.value` strings, so the
runner works on today's matcher and keeps working when a new status (`contradicted`) lands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import citecheck

from .loader import CATEGORIES, Pair

_MARKERS = re.compile(r"\s*\[(?:\d+(?:\s*[,–-]\s*\d+)*|\^[^\]\s]+)\]")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})


def support_article(claim: str) -> str:
    """The claim as one paragraph ending in a single `[1]` marker (as benchmarks/accuracy.py)."""
    text = " ".join(_MARKERS.sub("", claim).split())
    if text and text[-1] in ".!?":
        return f"{text[:-1]} [1]{text[-1]}"
    return f"{text} [1]"


def _fold(text: str) -> str:
    """Case-, whitespace- and quote-style-insensitive form for matching `names`."""
    return " ".join(text.translate(_QUOTES).casefold().split())


def names_in(names: Iterable[str], reasons: Sequence[str]) -> bool:
    """Whether every word of `names` occurs in the joined reasons."""
    joined = _fold(" | ".join(reasons))
    return all(_fold(name) in joined for name in names)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What `verify()` said about one single-claim article."""

    status: str  # `Status.value`; "error" when verify raised, "none" when no claim came back
    reasons: tuple[str, ...]
    ok: bool  # `Report.ok`: whether CI would pass


def judge(claim: str, source_text: str) -> Verdict:
    """Verify `claim [1]` against source "1"; a library error is recorded, never raised."""
    try:
        report = citecheck.verify(support_article(claim), {"1": source_text})
    except citecheck.CitecheckError as exc:
        return Verdict(status="error", reasons=(f"{type(exc).__name__}: {exc}",), ok=False)
    cited = [c for c in report.claims if "1" in c.citations] or list(report.claims)
    if not cited:
        return Verdict(status="none", reasons=(), ok=report.ok)
    # Several sentences citing [1] (a claim the parser split): the weakest one decides.
    worst = min(cited, key=lambda c: c.status.value == "supported")
    reasons = tuple(r for c in cited for r in c.reasons)
    return Verdict(status=str(worst.status.value), reasons=reasons, ok=report.ok)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One pair's two verdicts and what they count for."""

    pair: Pair
    kept: Verdict  # the supported claim
    edit: Verdict  # the edited claim

    @property
    def kept_ok(self) -> bool:
        """The supported claim came back `supported`."""
        return self.kept.status == "supported"

    @property
    def exact(self) -> bool:
        """The edited claim got exactly the expected status."""
        return self.edit.status == self.pair.expect

    @property
    def right(self) -> bool:
        """Both halves right: the pass criterion of issue 11."""
        return self.kept_ok and self.exact

    @property
    def is_edit(self) -> bool:
        """The pair expects the edit to be flagged (not a paraphrase or scope trap)."""
        return self.pair.expect != "supported"

    @property
    def caught(self) -> bool:
        """An edit that should be flagged came back as anything but `supported`."""
        return self.is_edit and self.edit.status != "supported"

    @property
    def named(self) -> bool:
        """A caught edit whose reasons name every word of `names`."""
        return self.caught and names_in(self.pair.names, self.edit.reasons)

    @property
    def failing_supported(self) -> int:
        """How many of the pair's must-be-supported claims would fail CI (0-2)."""
        must = [self.kept] + ([] if self.is_edit else [self.edit])
        return sum(not v.ok for v in must)


def run_pairs(pairs: Iterable[Pair], sources: Mapping[str, str]) -> list[Outcome]:
    """Judge both claims of every pair; `sources` maps source key to text."""
    return [
        Outcome(
            pair=p,
            kept=judge(p.supported, sources[p.source]),
            edit=judge(p.edited, sources[p.source]),
        )
        for p in pairs
    ]


@dataclass(frozen=True, slots=True)
class Row:
    """Per-category figures of the results table."""

    name: str
    pairs: int
    right: int
    kept: int
    edits: int
    caught: int
    exact: int
    named: int
    failing: int

    @classmethod
    def of(cls, name: str, outcomes: Sequence[Outcome]) -> Row:
        """Count `outcomes` (one category, or all of them for the totals row)."""
        return cls(
            name=name,
            pairs=len(outcomes),
            right=sum(o.right for o in outcomes),
            kept=sum(o.kept_ok for o in outcomes),
            edits=sum(o.is_edit for o in outcomes),
            caught=sum(o.caught for o in outcomes),
            exact=sum(o.exact for o in outcomes),
            named=sum(o.named for o in outcomes),
            failing=sum(o.failing_supported for o in outcomes),
        )


def _pct(num: int, den: int) -> str:
    return "—" if den == 0 else f"{100 * num / den:.1f}"


def rows(outcomes: Sequence[Outcome], order: Sequence[str] = CATEGORIES) -> list[Row]:
    """One row per category present in `outcomes` (in `order`), then a total row."""
    present = [c for c in order if any(o.pair.category == c for o in outcomes)]
    per = [Row.of(c, [o for o in outcomes if o.pair.category == c]) for c in present]
    return [*per, Row.of("**total**", outcomes)]


TABLE_HEADER = (
    "| category | pairs | right % | supported kept % | edits caught % | exact status % "
    "| reasons name value % of caught | supported failing CI |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|"
)


def table(outcomes: Sequence[Outcome], order: Sequence[str] = CATEGORIES) -> str:
    """The Markdown results table; `exact status` counts every pair, paraphrases included."""
    lines = [TABLE_HEADER]
    for r in rows(outcomes, order):
        lines.append(
            f"| {r.name} | {r.pairs} | {_pct(r.right, r.pairs)} | {_pct(r.kept, r.pairs)} "
            f"| {_pct(r.caught, r.edits)} | {_pct(r.exact, r.pairs)} "
            f"| {_pct(r.named, r.caught)} | {r.failing} |"
        )
    return "\n".join(lines)
