"""Property-based search for failures: arbitrary text with markers sprinkled in.

Whatever the article, `verify()` returns a report whose spans are exact, ordered and
deterministic, or raises one of citecheck's own errors.
"""

from __future__ import annotations

import math
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citecheck
from citecheck import CitecheckError, InternalError

PIECES = [
    "[1]", "[2]", "[1, 2]", "[1,2]", "[1][2]", "[1-3]", "[1–3]", "[^1]", "[^note]", ".[1]",
    "[", "]", "[]", "[[1]]", "[1,,2]", "[1-]", "[-1]", "[5-1]", "[1-100000000]",
    "[99999999999999999999]", "[sic]", "[citation needed]", "[text](http://x.y)",
    ".", "?", "!", "...", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u200b", "\u202e",
    "\x00", "\x07", "😀", "שלום", "مرحبا", "# ", "- ", "> ", "```", "`", "**", "_",
    "<script>alert(1)</script>", "<p>", "</p>", "<!-- citecheck: ignore -->",
    "<!-- citecheck: off -->", "<!-- citecheck: on -->", "[^1]: A note.", "References\n",
    "Dr. ", "U.S. ", "3.5 ", "No. 10 ", '"Quoted." ', "The ILO met in Geneva on Friday",
    "Lee said wages rose 5% in 2024", "It did not happen",
]  # fmt: skip

articles = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map(
    "".join
)
SOURCES = {
    "1": "The ILO met in Geneva on Friday. Lee said wages rose 5% in 2024.",
    "2": "It did not happen. Dr. Houngbo spoke at No. 10 Downing Street.",
    "note": "A footnote source about the ILO.",
}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp"}


def _visible(text: str) -> str:
    return "".join(
        ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in _INVISIBLE
    )


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column; `\r\n`, `\r` and `\n` each end a line."""
    before = text[:offset]
    breaks = list(re.finditer(r"\r\n|\r|\n", before))
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


@SETTINGS
@given(articles)
def test_verify_never_raises_foreign_errors(article: str) -> None:
    try:
        report = citecheck.verify(article, SOURCES)
    except InternalError:
        raise
    except CitecheckError:
        return
    for claim in report.claims:
        assert claim.score is None or (0.0 <= claim.score <= 1.0 and not math.isnan(claim.score))
        for evidence in claim.evidence:
            assert SOURCES[evidence.source_id][evidence.start : evidence.end] == evidence.quote


@SETTINGS
@given(articles, st.sampled_from(["text", "markdown"]))
def test_claim_spans_are_exact_ordered_and_hold_the_claim(article: str, fmt: str) -> None:
    report = citecheck.verify(article, SOURCES, format=fmt)
    previous_end = 0
    for claim in report.claims:
        assert 0 <= claim.start < claim.end <= len(article)
        assert claim.start >= previous_end, "claims overlap or are out of order"
        previous_end = claim.end
        span = article[claim.start : claim.end]
        assert _is_subsequence(_visible(claim.text), _visible(span)), (claim.text, span)
        assert (claim.line, claim.column) == _line_col(article, claim.start)
        for marker in claim.markers:
            assert article[marker.start : marker.end] == marker.text


@SETTINGS
@given(articles)
def test_same_input_gives_byte_identical_json(article: str) -> None:
    first = citecheck.verify(article, SOURCES).model_dump_json()
    second = citecheck.verify(article, dict(reversed(SOURCES.items()))).model_dump_json()
    assert first == second
