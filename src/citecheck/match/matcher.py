"""`Matcher`: claims × prepared sources -> verdicts, through any judge, in batches.

The matcher builds each claim's candidate passages (whole cited sources, or windows
shortlisted lexically for judges that want them), asks the judge in one batch, and
caps the evidence. For uncited claims it shortlists the given sources cheaply (how
much of the claim's weight each source's vocabulary holds) and judges only the
shortlist, so a costly judge never reads every source for every uncited sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from citecheck.match.lexical.analyse import ClaimFacts
from citecheck.match.lexical.index import SourceIndex
from citecheck.match.lexical.judge import LexicalJudge
from citecheck.match.lexical.retrieve import retrieve
from citecheck.match.protocol import Judge
from citecheck.match.types import ClaimQuery, JudgeRequest, Passage, Suggestion, Verdict
from citecheck.report import Status

#: A source is judged for an uncited claim only if its vocabulary holds this share of the
#: claim's weight (words, names, numbers and dates, by rarity)...
SHORTLIST_MIN_SHARE = 0.34
#: ...and only the best this-many sources are.
SHORTLIST_SIZE = 8
#: Candidate windows per cited source, for judges that read passages.
WINDOWS_PER_SOURCE = 3


class Matcher:
    """Checks claims against prepared sources with one judge."""

    def __init__(
        self,
        judge: Judge,
        indexer: LexicalJudge,
        prepared: Mapping[str, object],
        indexes: Mapping[str, SourceIndex],
        max_evidence: int,
    ) -> None:
        self.judge = judge
        self.indexer = indexer  # lexical analysis and indexes: shortlists and windows
        self.prepared = dict(prepared)  # source id -> judge.prepare(text)
        self.indexes = dict(indexes)  # source id -> lexical index of its text
        self.max_evidence = max_evidence

    def check(self, queries: Sequence[ClaimQuery]) -> list[Verdict]:
        """One verdict per query, in order, from one batch of the judge."""
        facts = self._facts_if_needed([q.text for q in queries])
        requests = [
            JudgeRequest(claim=q.text, passages=self._passages(q.source_ids, f), context=q.context)
            for q, f in zip(queries, facts, strict=True)
        ]
        verdicts = self.judge.judge_many(requests, self.prepared) if requests else []
        return [self._capped(v) for v in verdicts]

    def suggest_many(self, pairs: Sequence[tuple[str, str]]) -> list[list[Suggestion]]:
        """For each uncited (claim, context): the given sources that support it, best first."""
        if not self.prepared or not pairs:
            return [[] for _ in pairs]
        facts = self.indexer.analyse([text for text, _ in pairs])
        requests: list[JudgeRequest] = []
        owners: list[tuple[int, str]] = []
        for k, ((text, context), f) in enumerate(zip(pairs, facts, strict=True)):
            for source_id in self.shortlist(f):
                passages = self._passages((source_id,), f)
                requests.append(JudgeRequest(claim=text, passages=passages, context=context))
                owners.append((k, source_id))
        verdicts = self.judge.judge_many(requests, self.prepared) if requests else []
        found: list[list[Suggestion]] = [[] for _ in pairs]
        for (k, source_id), verdict in zip(owners, verdicts, strict=True):
            if verdict.status is Status.SUPPORTED:
                best = verdict.evidence[0] if verdict.evidence else None
                found[k].append(Suggestion(source_id=source_id, score=verdict.score, evidence=best))
        for suggestions in found:
            suggestions.sort(key=lambda s: (-s.score, s.source_id))
        return found

    def shortlist(self, facts: ClaimFacts) -> list[str]:
        """Sources worth judging for a claim: enough of its weight is in their vocabulary."""
        total = sum(i.weight for i in facts.items)
        if total <= 0:
            return []
        scored: list[tuple[float, str]] = []
        for source_id in sorted(self.indexes):
            index = self.indexes[source_id]
            held = sum(i.weight for i in facts.items if _in_vocabulary(i.kind, i.key, index))
            share = held / total
            if share >= SHORTLIST_MIN_SHARE:
                scored.append((-share, source_id))
        return [source_id for _, source_id in sorted(scored)[:SHORTLIST_SIZE]]

    def sentence_count(self, source_id: str) -> int:
        """How many sentences a source has (0 if unknown)."""
        index = self.indexes.get(source_id)
        return index.size if index is not None else 0

    def _facts_if_needed(self, texts: list[str]) -> list[ClaimFacts | None]:
        if self.judge.passage_chars is None:
            return [None] * len(texts)
        return list(self.indexer.analyse(texts))

    def _passages(self, source_ids: Sequence[str], facts: ClaimFacts | None) -> tuple[Passage, ...]:
        """Candidate passages: whole sources, or the best lexical windows of each."""
        ids = [s for s in dict.fromkeys(source_ids) if s in self.indexes]
        if self.judge.passage_chars is None or facts is None:
            return tuple(_whole(s, self.indexes[s]) for s in ids)
        out: list[Passage] = []
        for source_id in ids:
            out.extend(_windows(source_id, self.indexes[source_id], facts, self))
        return tuple(out)

    def _capped(self, verdict: Verdict) -> Verdict:
        if len(verdict.evidence) <= self.max_evidence:
            return verdict
        return replace(verdict, evidence=verdict.evidence[: self.max_evidence])


def _in_vocabulary(kind: str, key: str, index: SourceIndex) -> bool:
    if kind == "number":
        return key in index.number_postings
    if kind == "date":
        return key in index.date_postings
    return key in index.vocab or bool(index.same_stem(key))


def _whole(source_id: str, index: SourceIndex) -> Passage:
    return Passage(source_id=source_id, start=0, end=len(index.text), text=index.text)


def _windows(
    source_id: str, index: SourceIndex, facts: ClaimFacts, matcher: Matcher
) -> list[Passage]:
    """The best few windows of one source for a claim, each grown to about `passage_chars`."""
    size = matcher.judge.passage_chars or 0
    if index.size == 0:
        return []
    retrieval = retrieve(facts, [index], matcher.indexer.lexicon)
    weights = np.array([i.weight for i in facts.items], dtype=np.float64)
    presence = retrieval.presence[0]
    scores = weights @ presence if len(weights) else np.zeros(index.size)
    order = np.argsort(-scores, kind="stable")[:WINDOWS_PER_SOURCE]
    passages: list[Passage] = []
    for centre in sorted(int(i) for i in order):
        first = last = centre
        while int(index.ends[last]) - int(index.starts[first]) < size:
            grown = False
            if first > 0:
                first -= 1
                grown = True
            if last + 1 < index.size and int(index.ends[last]) - int(index.starts[first]) < size:
                last += 1
                grown = True
            if not grown:
                break
        start, end, text = index.quote(first, last)
        passages.append(Passage(source_id=source_id, start=start, end=end, text=text))
    return passages
