"""Issue 14, item 4: a marker- or footnote-dense article at the size limit stays cheap.

`max_claims` (default 50,000) is counted while parsing: the article that passes it is
refused as soon as claim 50,001 is found, naming where, without building the rest.
The heavy cases run in a child process under a memory limit (`tests/sources/bounded.py`);
the figures for the full-size cases are in `benchmarks/RESULTS.md`
(`python benchmarks/scaling.py --dense`).
"""

from __future__ import annotations

import ast
import gc
import time

import pytest

import citecheck
from citecheck import InvalidInputError, Options
from citecheck.lang import get_language
from citecheck.parse.blocks import Block
from citecheck.parse.claims import block_claims
from citecheck.parse.textmap import MappedText
from tests.sources.bounded import run_bounded

LIMIT_MESSAGE = "more than 50,000 claims (option max_claims)"


def refused_in_a_child(make_article: str) -> tuple[str, float, int]:
    """Verify the article `make_article` builds, in a child limited to 1 GB of address space."""
    outcome = run_bounded(
        f"""
        import citecheck
        article = {make_article}
        assert len(article) <= citecheck.Options().max_article_chars
        try:
            citecheck.verify(article, {{1: "The ILO met in Geneva on Friday."}})
            result = "checked"
        except citecheck.InvalidInputError as exc:
            result = str(exc)
        """,
        memory_mb=1024,
        timeout=120,
    )
    assert outcome.error is None, outcome.raw
    return ast.literal_eval(outcome.result or "''"), outcome.elapsed, outcome.max_rss_mb


@pytest.mark.slow
def test_five_megabytes_of_dense_markers_stop_at_the_claim_limit() -> None:
    message, elapsed, rss = refused_in_a_child('"Geneva [1] " * 454_545')
    assert LIMIT_MESSAGE in message
    assert "claim 50,001 starts at line 1, column 550001" in message
    assert elapsed < 30
    assert rss < 1024


@pytest.mark.slow
def test_a_hundred_thousand_footnotes_stop_at_the_claim_limit() -> None:
    message, elapsed, rss = refused_in_a_child(
        '"".join(f"Claim {i} here.[^{i}]\\n" for i in range(100_000)) + "\\n"'
        ' + "".join(f"[^{i}]: Note {i}.\\n" for i in range(100_000))'
    )
    assert LIMIT_MESSAGE in message
    assert "starts at line 50001, column 1" in message
    assert elapsed < 30
    assert rss < 1024


@pytest.mark.parametrize("count", [3, 4])
def test_the_limit_is_exact_and_an_option(count: int) -> None:
    article = "Geneva [1] " * count
    if count <= 3:
        report = citecheck.verify(article, {1: "Geneva."}, max_claims=3)
        assert len(report.claims) == count
    else:
        with pytest.raises(InvalidInputError, match=r"more than 3 claims \(option max_claims\)"):
            citecheck.verify(article, {1: "Geneva."}, max_claims=3)


def test_parse_counts_claims_across_blocks_and_code() -> None:
    article = "First [1].\n\nSecond [1].\n\n```\ncode\n```\n"
    assert len(citecheck.parse(article, max_claims=3).claims) == 3
    with pytest.raises(InvalidInputError, match="claim 3 starts at line 6, column 1"):
        citecheck.parse(article, max_claims=2)


def _block_cpu(markers: int) -> float:
    text = "Geneva [1] " * markers
    offsets = list(range(len(text)))
    block = Block(kind="paragraph", text=MappedText(text, offsets, [o + 1 for o in offsets]))
    gc.collect()
    gc.disable()  # the collector's passes grow with everything else alive in the run
    try:
        started = time.process_time()
        claims, _ = block_claims(block, 100, get_language("en"))
        elapsed = time.process_time() - started
    finally:
        gc.enable()
    assert len(claims) == markers
    return elapsed


def test_a_marker_dense_sentence_splits_in_linear_time() -> None:
    """One sentence with a marker after every word: 8x the markers, about 8x the time.

    Slicing the rest of the sentence at each marker (the old `_split_mid`) made it
    over 30x here, and minutes at 5 MB.
    """
    _block_cpu(1_000)  # warm up
    small = min(_block_cpu(40_000) for _ in range(2))
    large = min(_block_cpu(320_000) for _ in range(2))
    assert large < 14 * max(small, 0.01), (small, large)


def test_options_know_the_new_limits() -> None:
    assert Options().max_claims == 50_000
    with pytest.raises(citecheck.InvalidOptionsError):
        Options.build(max_claims=0)
