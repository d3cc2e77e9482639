"""Scaffolding matcher (to be replaced): word overlap with the best source sentence."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from citecheck.config import Options
from citecheck.match.model import ClaimQuery, NeedDecision, Suggestion, Verdict
from citecheck.report import Evidence, Status

_WORD = re.compile(r"\w+")
_SENT = re.compile(r"[^.!?\n]+[.!?]?")
_STOP = frozenset(
    {"the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "with", "at", "by", "is"}
)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP}


class Matcher:
    """Checks claims against sources indexed once at construction."""

    def __init__(self, sources: Mapping[str, str], options: Options) -> None:
        self.options = options
        self._sentences = {
            sid: [(m.start(), m.end(), _words(m.group())) for m in _SENT.finditer(text)]
            for sid, text in sources.items()
        }
        self._texts = dict(sources)

    def _best(self, words: set[str], source_id: str) -> tuple[float, Evidence | None]:
        best: tuple[float, Evidence | None] = (0.0, None)
        for start, end, sent in self._sentences.get(source_id, []):
            cover = len(words & sent) / max(1, len(words))
            if cover > best[0]:
                quote = self._texts[source_id][start:end]
                best = (
                    cover,
                    Evidence(source_id=source_id, quote=quote, start=start, end=end, score=cover),
                )
        return best

    def check(self, queries: Sequence[ClaimQuery]) -> list[Verdict]:
        out = []
        for q in queries:
            words = _words(q.text)
            scored = [self._best(words, sid) for sid in q.source_ids]
            score = max((s for s, _ in scored), default=0.0)
            evidence = [e for _, e in scored if e is not None]
            status = (
                Status.SUPPORTED
                if score >= 0.7
                else Status.PARTIAL
                if score >= 0.4
                else Status.UNSUPPORTED
            )
            out.append(Verdict(status=status, score=score, evidence=evidence[:1]))
        return out

    def need(self, texts: Sequence[tuple[str, str]]) -> list[NeedDecision]:
        return [NeedDecision(needs_citation=len(_words(t)) >= 4, score=0.5) for t, _ in texts]

    def suggest(self, text: str, context: str = "") -> list[Suggestion]:
        words = _words(text)
        out = []
        for sid in sorted(self._texts):
            score, ev = self._best(words, sid)
            if score >= 0.7:
                out.append(Suggestion(source_id=sid, score=score, evidence=ev))
        return out

    def sentence_count(self, source_id: str) -> int:
        return len(self._sentences.get(source_id, []))
