"""The judge: claim items + retrieved evidence -> verdict, score and specific reasons.

`Judge` is a small protocol so that a model-based judge (an NLI model, MiniCheck) can
replace the default without touching parsing, retrieval or rendering. The default,
`LexicalJudge`, is deterministic and CPU-only: a logistic combination of the signals
in `features.py`, with coefficients fitted by `benchmarks/fit.py` and shipped in
`judge_model.json`.
"""

from __future__ import annotations

import math
from typing import Protocol

import numpy as np

from citecheck.fitted import LogisticModel, load_model
from citecheck.match.lexical.analyse import ClaimFacts
from citecheck.match.lexical.features import BACKED, Conflict, conflicts, features
from citecheck.match.lexical.retrieve import Retrieval, Window
from citecheck.match.types import Verdict
from citecheck.report import Evidence, Status

#: Claims the sources contradict are never supported: a changed number or date, or a name
#: no cited source mentions, caps the score between the partial and supported thresholds;
#: a flipped polarity caps it below partial.
_POLARITY = frozenset({"negation", "antonym"})


class Judge(Protocol):
    """Decides whether retrieved evidence supports a claim."""

    def judge(self, facts: ClaimFacts, retrieval: Retrieval, source_ids: list[str]) -> Verdict:
        """The verdict on one claim; `source_ids` name `retrieval.sources` in order."""
        ...


def default_model() -> LogisticModel:
    """The shipped coefficients (`citecheck/match/judge_model.json`)."""
    return load_model("citecheck.match.lexical", "judge_model.json")


def _absent_name(facts: ClaimFacts, retrieval: Retrieval) -> bool:
    """A name the claim gives that no cited source mentions (then it is not supported)."""
    return any(
        item.kind == "name" and retrieval.anywhere[row] < BACKED
        for row, item in enumerate(facts.items)
        if len(retrieval.anywhere)
    )


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _name(source_ids: list[str], position: int) -> str:
    return f"source {source_ids[position]}"


class LexicalJudge:
    """The default judge: coverage of the claim's items, agreement of facts, polarity."""

    def __init__(self, model: LogisticModel | None = None) -> None:
        self.model = model or default_model()
        self.supported = self.model.thresholds["supported"]  # score at or above: supported
        self.partial = self.model.thresholds["partial"]  # at or above (below supported): partial

    def judge(self, facts: ClaimFacts, retrieval: Retrieval, source_ids: list[str]) -> Verdict:
        found = conflicts(facts, retrieval)
        values = features(facts, retrieval, found)
        score = self.model.score(values)
        if any(c.kind in _POLARITY for c in found):
            score = min(score, 0.5 * self.partial)
        elif found or _absent_name(facts, retrieval):
            score = min(score, 0.5 * (self.partial + self.supported))
        if not facts.items:
            score = 0.0
        if score >= self.supported:
            status = Status.SUPPORTED
        elif score >= self.partial:
            status = Status.PARTIAL
        else:
            status = Status.UNSUPPORTED
        evidence = [
            piece
            for window in retrieval.windows
            for piece in evidence_pieces(facts, retrieval, window, source_ids)
        ]
        missing = [
            item.surface
            for row, item in enumerate(facts.items)
            if len(retrieval.covered) and retrieval.covered[row] < BACKED
        ]
        if not len(retrieval.covered):
            missing = [i.surface for i in facts.items]
        reasons = self._reasons(facts, retrieval, source_ids, found, status, values)
        return Verdict(
            status=status,
            score=score if math.isfinite(score) else 0.0,
            evidence=evidence,
            reasons=reasons,
            missing_terms=missing,
        )

    @staticmethod
    def _reasons(
        facts: ClaimFacts,
        retrieval: Retrieval,
        source_ids: list[str],
        found: list[Conflict],
        status: Status,
        values: dict[str, float],
    ) -> list[str]:
        reasons: list[str] = []
        for c in found:
            who = _name(source_ids, c.source)
            if c.kind == "negation":
                if c.source_says:
                    reasons.append(f"{who} says the opposite: '{c.source_says}'")
                else:
                    reasons.append(
                        f"{who} says the opposite: it does not negate what the claim denies"
                    )
            else:
                reasons.append(f"{who} says '{c.source_says}', the claim says '{c.claim_says}'")
        if not facts.items:
            reasons.append("the claim has no content words to check")
            return reasons
        if not retrieval.windows:
            cited = ", ".join(source_ids)
            reasons.append(f"nothing in source(s) {cited} matches the claim")
            return reasons
        conflicted = {c.claim_says for c in found}
        absent = [
            item
            for row, item in enumerate(facts.items)
            if retrieval.anywhere[row] < BACKED and item.surface not in conflicted
        ]
        facts_absent = [
            i for i in absent if i.kind in ("name", "number", "date") or i.weight >= 3.5
        ]
        if status is not Status.SUPPORTED:
            for item in facts_absent[:4]:
                reasons.append(f"no cited source mentions '{item.surface}'")
        apart = [
            item.surface
            for row, item in enumerate(facts.items)
            if retrieval.anywhere[row] >= BACKED and retrieval.covered[row] < BACKED
        ]
        if apart and status is not Status.SUPPORTED:
            listed = ", ".join(f"'{a}'" for a in apart[:4])
            reasons.append(
                f"{listed} appear(s) in the source but not in the passages that match the rest"
            )
        best = retrieval.windows[0]
        lead_piece = evidence_pieces(facts, retrieval, best, source_ids)[0]
        quote = _short(lead_piece.quote)
        who = _name(source_ids, best.source)
        if status is Status.SUPPORTED:
            lead = (
                f"{who} backs it" if len(retrieval.windows) == 1 else "the cited passages back it"
            )
            unseen = ", ".join(f"'{i.surface}'" for i in facts_absent[:4])
            reasons.append(
                f"{lead}: '{quote}'" + (f" (not in the source: {unseen})" if unseen else "")
            )
        elif not found:
            share = round(100 * values["cov_multi"])
            reasons.append(
                f"the closest passage ({who}) backs about {share}% of the claim: '{quote}'"
            )
        return reasons


def evidence_pieces(
    facts: ClaimFacts, retrieval: Retrieval, window: Window, source_ids: list[str]
) -> list[Evidence]:
    """A window as evidence an editor can read: only the sentences that back something.

    A window of up to three sentences may hold a sentence that backs nothing (two
    sentences that do, with one between them); quoting it would bury the evidence. The
    window is cut into runs of consecutive backing sentences, strongest first.
    """
    index = retrieval.sources[window.source]
    credits = retrieval.presence[window.source][:, window.first : window.last + 1]
    weights = np.array([item.weight for item in facts.items], dtype=np.float64)
    total = float(weights.sum())
    backing = [k for k in range(credits.shape[1]) if bool((credits[:, k] >= BACKED).any())]
    if not backing:
        backing = list(range(credits.shape[1]))
    runs: list[list[int]] = []
    for k in backing:
        if runs and k == runs[-1][1] + 1:
            runs[-1][1] = k
        else:
            runs.append([k, k])
    pieces = []
    for first, last in runs:
        run_credits = credits[:, first : last + 1].max(axis=1)
        coverage = float(weights @ run_credits / total) if total > 0 else 0.0
        start, end, quote = index.quote(window.first + first, window.first + last)
        pieces.append(
            Evidence(
                source_id=source_ids[window.source],
                quote=quote,
                start=start,
                end=end,
                score=min(1.0, max(0.0, coverage)) if math.isfinite(coverage) else 0.0,
                matched_terms=[
                    item.surface
                    for row, item in enumerate(facts.items)
                    if run_credits[row] >= BACKED
                ],
            )
        )
    pieces.sort(key=lambda piece: -piece.score)  # stable: ties keep source order
    return pieces
