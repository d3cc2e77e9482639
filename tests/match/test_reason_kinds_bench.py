"""No conflict reason pairs values of different kinds, on every dev record (issue 11).

Runs `kind_errors` over the typed reasons of every record of the support dev files (the
same check as `benchmarks/accuracy.py --check-reasons`). The package's tests work without
that data: the folder is given by `CITECHECK_BENCH` (CI sets it to `../shared/bench`), and
the test is skipped when it is not.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import citecheck
from citecheck.match.lexical.kinds import kind_errors

BENCH = os.environ.get("CITECHECK_BENCH", "")
SUPPORT_SETS = ("wice", "expertqa", "attributionbench", "summedits")
_MARKERS = re.compile(r"\s*\[(?:\d+(?:\s*[,–-]\s*\d+)*|\^[^\]\s]+)\]")


def _article(claim: str) -> str:
    text = " ".join(_MARKERS.sub("", claim).split())
    if text and text[-1] in ".!?":
        return f"{text[:-1]} [1]{text[-1]}"
    return f"{text} [1]"


@pytest.mark.parametrize("name", SUPPORT_SETS)
def test_no_reason_pairs_values_of_different_kinds(name: str) -> None:
    if not BENCH:
        pytest.skip("set CITECHECK_BENCH to the folder of the dev data (../shared/bench)")
    path = Path(BENCH) / f"{name}-dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not there")
    errors: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            report = citecheck.verify(
                _article(str(record["claim"])),
                {"1": str(record["source"])},
                marker_scope="paragraph",
            )
            for claim in report.claims:
                errors.extend(f"{record['id']}: {e}" for e in kind_errors(claim.details))
    assert errors == [], "\n".join(errors[:20])
