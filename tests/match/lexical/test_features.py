"""The lexical judge's features, one at a time."""

from __future__ import annotations

from citecheck.lang import get_language
from citecheck.match.lexical.features import sub_claim_support
from citecheck.match.lexical.judge import LexicalJudge
from citecheck.match.lexical.retrieve import retrieve


def test_each_sub_claim_gets_its_own_best_sentence() -> None:
    judge = LexicalJudge(get_language("en"))
    source = (
        "The bridge opened to traffic in 1932. Tolls were abolished long ago. "
        "Engineers praised its steel arch design."
    )
    index = judge.prepare(source)
    both, one = judge.analyse(
        [
            "The bridge opened to traffic in 1932, and engineers praised its steel arch design.",
            "The bridge opened to traffic in 1932, and critics mocked its narrow pedestrian lanes.",
        ]
    )
    backed = sub_claim_support(both, retrieve(both, [index], judge.lexicon))
    half = sub_claim_support(one, retrieve(one, [index], judge.lexicon))
    # Both clauses are backed, each by a different sentence; in the second claim the
    # weakest clause has almost nothing behind it.
    assert backed >= 0.9
    assert half < 0.5
    assert half < backed
