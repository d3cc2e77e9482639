"""A judge that is not the lexical one, to prove the seam: word overlap over windows.

It asks for candidate windows (`passage_chars`), so the matcher's window path is used,
and it quotes whole candidate passages as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from citecheck.config import Options
from citecheck.lang import Language
from citecheck.match.types import JudgeRequest, Verdict
from citecheck.reasons import reason
from citecheck.report import Evidence, Status

_WORD = re.compile(r"\w+")


class OverlapJudge:
    """Supported when most of the claim's words are in one candidate passage."""

    name = "overlap"
    passage_chars: int | None = 200

    def __init__(self) -> None:
        self.prepared_texts: list[str] = []

    def prepare(self, text: str) -> object:
        self.prepared_texts.append(text)
        return frozenset(w.lower() for w in _WORD.findall(text))

    def judge_many(
        self, requests: Sequence[JudgeRequest], prepared: Mapping[str, object]
    ) -> list[Verdict]:
        out = []
        for request in requests:
            words = {w.lower() for w in _WORD.findall(request.claim)}
            best = None
            best_share = 0.0
            for passage in request.passages:
                assert passage.source_id in prepared
                have = {w.lower() for w in _WORD.findall(passage.text)}
                share = len(words & have) / len(words) if words else 0.0
                if share > best_share:
                    best, best_share = passage, share
            status = Status.SUPPORTED if best_share >= 0.8 else Status.UNSUPPORTED
            evidence = ()
            if best is not None:
                evidence = (
                    Evidence(
                        source_id=best.source_id,
                        quote=best.text,
                        start=best.start,
                        end=best.end,
                        score=best_share,
                    ),
                )
            reasons = (
                ()
                if status is Status.SUPPORTED
                else (
                    reason(
                        "no_backing_passage", sources=[p.source_id for p in request.passages[:1]]
                    ),
                )
            )
            out.append(Verdict(status=status, score=best_share, evidence=evidence, reasons=reasons))
        return out


def overlap_judge(language: Language, options: Options) -> OverlapJudge:
    """The entry point's factory."""
    return OverlapJudge()
