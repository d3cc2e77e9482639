"""`Matcher`: index every source once, then answer claims in batches.

check: claim items (one `nlp.pipe` pass) -> evidence windows in the cited sources ->
the judge's verdict. need: does an uncited sentence need a source. suggest: which
given sources support an uncited claim.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from citecheck.config import Options
from citecheck.match.lexical.analyse import ClaimFacts, analyse_all
from citecheck.match.lexical.index import SourceIndex, build_index
from citecheck.match.lexical.judge import Judge, LexicalJudge
from citecheck.match.lexical.retrieve import retrieve
from citecheck.match.types import ClaimQuery, NeedDecision, Suggestion, Verdict
from citecheck.need.decide import decide
from citecheck.report import Status


class Matcher:
    """Checks claims against sources indexed once at construction."""

    def __init__(
        self, sources: Mapping[str, str], options: Options, judge: Judge | None = None
    ) -> None:
        self.options = options
        self.judge: Judge = judge or LexicalJudge()
        self._indexes: dict[str, SourceIndex] = {
            sid: build_index(sid, text) for sid, text in sources.items()
        }

    def _verdict(self, facts: ClaimFacts, source_ids: Sequence[str]) -> Verdict:
        ids = [s for s in dict.fromkeys(source_ids) if s in self._indexes]
        if not ids:
            return Verdict(
                status=Status.UNSUPPORTED,
                score=0.0,
                reasons=["none of the cited sources could be read"],
                missing_terms=[i.surface for i in facts.items],
            )
        retrieval = retrieve(facts, [self._indexes[s] for s in ids])
        verdict = self.judge.judge(facts, retrieval, ids)
        limit = self.options.max_evidence
        if len(verdict.evidence) > limit:
            verdict = Verdict(
                status=verdict.status,
                score=verdict.score,
                evidence=verdict.evidence[:limit],
                reasons=verdict.reasons,
                missing_terms=verdict.missing_terms,
            )
        return verdict

    def check(self, queries: Sequence[ClaimQuery]) -> list[Verdict]:
        """One verdict per query, in order; claims are analysed in one batch."""
        facts = analyse_all([q.text for q in queries])
        return [self._verdict(f, q.source_ids) for f, q in zip(facts, queries, strict=True)]

    def need(self, pairs: Sequence[tuple[str, str]]) -> list[NeedDecision]:
        """For each (sentence, context before it): does it need a citation?"""
        facts = analyse_all([text for text, _ in pairs])
        return [decide(text, ctx, f) for (text, ctx), f in zip(pairs, facts, strict=True)]

    def suggest(self, text: str, context: str = "") -> list[Suggestion]:
        """Given sources that support an uncited claim, best first."""
        return self.suggest_many([(text, context)])[0]

    def suggest_many(self, pairs: Sequence[tuple[str, str]]) -> list[list[Suggestion]]:
        """`suggest` for many (claim, context) pairs, analysed in one batch."""
        return [self._suggest(f) for f in analyse_all([text for text, _ in pairs])]

    def _suggest(self, facts: ClaimFacts) -> list[Suggestion]:
        out: list[Suggestion] = []
        for sid in sorted(self._indexes):
            verdict = self._verdict(facts, [sid])
            if verdict.status is Status.SUPPORTED:
                best = verdict.evidence[0] if verdict.evidence else None
                out.append(Suggestion(source_id=sid, score=verdict.score, evidence=best))
        out.sort(key=lambda s: (-s.score, s.source_id))
        return out

    def sentence_count(self, source_id: str) -> int:
        """How many sentences the index holds for a source (0 if unknown)."""
        index = self._indexes.get(source_id)
        return index.size if index is not None else 0
