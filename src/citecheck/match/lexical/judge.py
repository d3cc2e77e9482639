"""The lexical judge: claim items + retrieved evidence -> verdict, score and typed reasons.

The default judge, deterministic and CPU-only: a logistic combination of the signals
in `features.py`, with coefficients fitted by `benchmarks/fit.py` and shipped in
`judge_model.json`, then rules for contradictions. It implements the `Judge` protocol
(`citecheck.match.protocol`): `prepare` indexes a source text once (`index.py`),
`judge_many` analyses a batch of claims in one pipeline pass.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from citecheck.fitted import LogisticModel, load_model
from citecheck.lang import Language
from citecheck.match.lexical.analyse import ClaimFacts, analyse_all
from citecheck.match.lexical.contrast import Contrast, Finding, contrast, credit_agreed
from citecheck.match.lexical.features import BACKED, FEATURES, features
from citecheck.match.lexical.index import SourceIndex, build_index
from citecheck.match.lexical.normalize import Lexicon
from citecheck.match.lexical.retrieve import Retrieval, Window, retrieve
from citecheck.match.types import JudgeRequest, Passage, Verdict
from citecheck.reasons import QUOTE_CHARS, reason, shorten
from citecheck.report import Evidence, Reason, Status

#: A word weighs this much or more to be named when no cited source has it.
_DISTINCTIVE_WEIGHT = 3.5
#: At most this many absent or displaced terms are named in reasons.
_NAMED_TERMS = 4
#: A claim that adds a fact is `partial` (not `unsupported`) when one sentence backs at
#: least this share of it.
REST_BACKED = 0.6


def default_model() -> LogisticModel:
    """The shipped coefficients (`judge_model.json`), checked against `FEATURES`."""
    return load_model("citecheck.match.lexical", "judge_model.json", FEATURES)


def _absent_name(facts: ClaimFacts, retrieval: Retrieval) -> bool:
    """A name the claim gives that no cited source mentions (then it is not supported)."""
    return any(
        item.kind == "name" and retrieval.anywhere[row] < BACKED
        for row, item in enumerate(facts.items)
        if len(retrieval.anywhere)
    )


class LexicalJudge:
    """The default judge: coverage of the claim's items, agreement of facts, polarity.

    Scores are capped by rules a reader would apply: where the sentence that restates a
    clause of the claim says otherwise (a figure, a date, a polarity, a direction, a role,
    a quotation, a modality or a quantifier: `contrast/`) the claim is `contradicted`;
    a fact the claim adds, or a name no cited source mentions, keeps it below `supported`,
    and a claim whose other words one passage backs is `partial` at least.
    """

    name = "lexical"
    passage_chars: int | None = None

    def __init__(self, language: Language, model: LogisticModel | None = None) -> None:
        self.language = language
        self.lexicon = Lexicon(language)
        self.model = model or default_model()
        self.supported = self.model.thresholds["supported"]  # score at or above: supported
        self.partial = self.model.thresholds["partial"]  # at or above (below supported): partial

    def prepare(self, text: str) -> SourceIndex:
        """Index one source text: sentences, word keys, numbers, dates, inverted index."""
        return build_index(text, self.lexicon)

    def analyse(self, claims: Sequence[str]) -> list[ClaimFacts]:
        """The claims' items, in one pass of the language's pipeline."""
        return analyse_all(claims, self.lexicon)

    def judge_many(
        self, requests: Sequence[JudgeRequest], prepared: Mapping[str, object]
    ) -> list[Verdict]:
        facts = self.analyse([r.claim for r in requests])
        return [
            self.judge_facts(f, r.passages, prepared) for f, r in zip(facts, requests, strict=True)
        ]

    def judge_facts(
        self, facts: ClaimFacts, passages: Sequence[Passage], prepared: Mapping[str, object]
    ) -> Verdict:
        """The verdict on one analysed claim against its candidate passages."""
        source_ids = [s for s in dict.fromkeys(p.source_id for p in passages) if s in prepared]
        if not source_ids:
            return Verdict(
                status=Status.UNSUPPORTED,
                score=0.0,
                reasons=(reason("sources_unreadable"),),
                missing_terms=tuple(i.surface for i in facts.items),
            )
        indexes: list[SourceIndex] = []
        masks: list[npt.NDArray[np.bool_] | None] = []
        for source_id in source_ids:
            index = prepared[source_id]
            if not isinstance(index, SourceIndex):
                raise TypeError(f"source {source_id!r} was not prepared by the lexical judge")
            indexes.append(index)
            masks.append(_sentence_mask(index, [p for p in passages if p.source_id == source_id]))
        retrieval = retrieve(facts, indexes, self.lexicon, masks)
        return self.judge(facts, retrieval, source_ids)

    def judge(self, facts: ClaimFacts, retrieval: Retrieval, source_ids: list[str]) -> Verdict:
        """The verdict on one claim, from what retrieval found in its cited sources."""
        found = contrast(facts, retrieval, self.lexicon)
        credit_agreed(facts, retrieval, found)
        values = features(facts, retrieval, self.lexicon, found)
        score = self.model.score(values)
        contradictions = found.contradictions
        additions = found.additions
        middle = 0.5 * (self.partial + self.supported)
        if contradictions:
            score = min(score, 0.5 * self.partial)
        elif additions or _absent_name(facts, retrieval):
            score = min(score, middle)
            if additions and values["cov_multi"] >= REST_BACKED:
                score = max(score, self.partial)  # the rest is backed: partial at least
        if not facts.items:
            score = 0.0
        if contradictions:
            status = Status.CONTRADICTED
        elif score >= self.supported:
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
            evidence=tuple(evidence),
            reasons=tuple(reasons),
            missing_terms=tuple(missing),
        )

    @staticmethod
    def _reasons(
        facts: ClaimFacts,
        retrieval: Retrieval,
        source_ids: list[str],
        found: Contrast,
        status: Status,
        values: dict[str, float],
    ) -> list[Reason]:
        reasons: list[Reason] = []
        for f in found.findings:
            reasons.append(finding_reason(f, source_ids))
        if not facts.items:
            reasons.append(reason("no_content_words"))
            return reasons
        if not retrieval.windows:
            reasons.append(reason("no_match", sources=list(source_ids)))
            return reasons
        named = " ".join(f"{f.claim_value} {f.source_value}" for f in found.findings).lower()
        absent = [
            item
            for row, item in enumerate(facts.items)
            if retrieval.anywhere[row] < BACKED and item.surface.lower() not in named
        ]
        facts_absent = [
            i
            for i in absent
            if i.kind in ("name", "number", "date") or i.weight >= _DISTINCTIVE_WEIGHT
        ]
        if status is not Status.SUPPORTED:
            for item in facts_absent[:_NAMED_TERMS]:
                code = "term_absent" if item.kind == "word" else f"{item.kind}_absent"
                reasons.append(reason(code, term=item.surface))
        apart = [
            item.surface
            for row, item in enumerate(facts.items)
            if retrieval.anywhere[row] >= BACKED and retrieval.covered[row] < BACKED
        ]
        if apart and status is not Status.SUPPORTED:
            reasons.append(reason("terms_apart", terms=apart[:_NAMED_TERMS]))
        best = retrieval.windows[0]
        lead_piece = evidence_pieces(facts, retrieval, best, source_ids)[0]
        quote = shorten(lead_piece.quote, QUOTE_CHARS)
        source = source_ids[best.source]
        if status is Status.SUPPORTED:
            unseen = [i.surface for i in facts_absent[:_NAMED_TERMS]]
            if len(retrieval.windows) == 1:
                reasons.append(reason("backed_by", source=source, quote=quote, unseen=unseen))
            else:
                reasons.append(reason("backed_together", quote=quote, unseen=unseen))
        elif not found.contradictions:
            share = round(100 * values["cov_multi"])
            reasons.append(reason("partly_backed", source=source, share=share, quote=quote))
        return reasons


def finding_reason(finding: Finding, source_ids: Sequence[str]) -> Reason:
    """The typed reason of a finding of `contrast/`."""
    if finding.code == "added_content":
        return reason("added_content", term=shorten(finding.claim_value, QUOTE_CHARS))
    if finding.code == "quote_absent":
        return reason("quote_absent", quote=shorten(finding.claim_value, QUOTE_CHARS))
    params: dict[str, str] = {
        "source": source_ids[finding.source],
        "source_value": shorten(finding.source_value, QUOTE_CHARS),
        "claim_value": shorten(finding.claim_value, QUOTE_CHARS),
        "kind": finding.kind,
    }
    if finding.code == "quote_mismatch":
        params["diff"] = finding.diff
    return reason(finding.code, **params)


def _sentence_mask(index: SourceIndex, passages: Sequence[Passage]) -> npt.NDArray[np.bool_] | None:
    """Sentences inside the candidate passages (None when a passage is the whole text)."""
    if any(p.start <= 0 and p.end >= len(index.text) for p in passages):
        return None
    mask = np.zeros(index.size, dtype=bool)
    for p in passages:
        mask |= (index.starts >= p.start) & (index.ends <= p.end)
    return mask


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
                matched_terms=tuple(
                    item.surface
                    for row, item in enumerate(facts.items)
                    if run_credits[row] >= BACKED
                ),
            )
        )
    pieces.sort(key=lambda piece: -piece.score)  # stable: ties keep source order
    return pieces


def lexical_judge(language: Language, options: object = None) -> LexicalJudge:
    """The registry's factory for the lexical judge (it takes no options)."""
    return LexicalJudge(language)
