"""Time of parsing hostile shapes of input (runs of blank lines, unclosed front matter,
thousands of ignore comments, nested footnote HTML …): each should take well under a
second at 100k repetitions, because every parsing step is linear.

    python benchmarks/hostile_parse.py [--repeat 3]

The shapes are the ones `tests/parse/test_robustness.py` checks for exact offsets.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.parse.test_robustness import HOSTILE  # noqa: E402

import citecheck  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| shape | characters | claims | parse CPU s (min of repeats) |")
    print("|---|---:|---:|---:|")
    for name in sorted(HOSTILE):
        article = HOSTILE[name]
        best = float("inf")
        claims = 0
        for _ in range(args.repeat):
            began = time.process_time()
            claims = len(citecheck.parse(article).claims)
            best = min(best, time.process_time() - began)
        print(f"| {name} | {len(article):,} | {claims:,} | {best:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
