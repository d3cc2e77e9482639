"""Hostile input for the parser: linear time, offsets in bounds, no exception escapes."""

from __future__ import annotations

import time

import pytest

import citecheck
from tests.parse_util import check

N = 100_000

HOSTILE = {
    # Format detection once scanned each run of blank lines from every line in it.
    "blank-run-then-table": "\n" * N + " " * N + "| a | b |",
    "spaced-blank-run": " \n" * N + "x.",
    "unclosed-front-matter": "---\n" + "key: value\n" * N,
    "front-matter-then-fences": "---\n---\n" * N,
    "toml-fences": "+++\n" * N,
    "blank-lines-then-fence": "\n" * N + "---\ntitle: x\n",
    "alerts": "> [!NOTE]\n" * N,
    "ignores": "<!-- citecheck: ignore -->\n" * (N // 10) + "A claim.",
    "ignores-and-blank-lines": "<!-- citecheck: ignore -->\n\n" * (N // 10) + "A claim.",
    "offs": "<!-- citecheck: off -->" * (N // 10),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_shapes_parse_in_linear_time(name: str) -> None:
    article = HOSTILE[name]
    began = time.perf_counter()
    parsed = citecheck.parse(article)
    elapsed = time.perf_counter() - began
    check(article, parsed)
    # Linear work is well under a second here; the quadratic shapes took minutes.
    assert elapsed < 10, f"{name}: {elapsed:.1f}s"
