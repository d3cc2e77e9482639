"""Fuzz the parser and `verify()` for a bounded time.

Drives a Hypothesis property with random bytes (Hypothesis' fuzz mode,
`fuzz_one_input`), so any bytes become a well-formed article of text and citation
markers. Stops after `--seconds`; exits 1 on the first input that makes citecheck
raise anything but its own errors or break a span invariant, after printing it.
Seeded, so a CI run is repeatable; pass `--seed` to explore elsewhere.

    python fuzz/fuzz_parser.py --seconds 60
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from hypothesis import given, settings
from hypothesis import strategies as st

import citecheck
from citecheck import CitecheckError, InternalError

PIECES = [
    "[1]", "[2, 3]", "[1-4]", "[4-1]", "[1-99999999]", "[^a]", "[^a]: note", "[", "]", "[]",
    "[[1]]", "[1,,2]", "[-1]", "[citation needed]", "[sic]", "](", "(", ")", ".", "...", "?",
    "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u200b", "\u202e", "\x00", "\ufeff", "😀",
    "# ", "## ", "- ", "* ", "1. ", "> ", "```", "`", "|", "**", "<p>", "</p>", "<script>",
    "<!--", "-->", "<!-- citecheck: ignore -->", "<!-- citecheck: off -->",
    "<!-- citecheck: on -->", "References", "Dr. ", "U.S. ", "Jan. ", "3.5", '"', "'",
]  # fmt: skip

ARTICLE = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=60).map(
    "".join
)
FORMAT = st.sampled_from(["auto", "text", "markdown", "html"])
SOURCES = {"1": "The ILO met in Geneva on Friday.", "2": "Wages rose 5% in 2024.", "a": "Note."}


@settings(database=None, deadline=None)
@given(ARTICLE, FORMAT)
def check(article: str, fmt: str) -> None:
    try:
        report = citecheck.verify(article, SOURCES, format=fmt)
    except InternalError:
        raise
    except CitecheckError:
        return
    previous_end = 0
    for claim in report.claims:
        assert 0 <= claim.start < claim.end <= len(article), "span outside the article"
        assert claim.start >= previous_end, "claims overlap or are out of order"
        previous_end = claim.end
        for marker in claim.markers:
            assert article[marker.start : marker.end] == marker.text, "marker span is off"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    fuzz_one = check.hypothesis.fuzz_one_input  # type: ignore[attr-defined]
    deadline = time.monotonic() + args.seconds
    runs = 0
    while time.monotonic() < deadline:
        data = rng.randbytes(rng.randint(1, 4096))
        try:
            fuzz_one(data)
        except Exception as exc:  # any failure is a finding: report and stop
            print(f"FAILED after {runs} inputs: {type(exc).__name__}: {exc}", file=sys.stderr)
            print(f"reproduce: --seed {args.seed}, input bytes: {data!r}", file=sys.stderr)
            return 1
        runs += 1
    print(f"fuzz: {runs} inputs in {args.seconds:.0f} s, no failures (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
