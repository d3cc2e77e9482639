"""docs/reasons.md documents every reason code, and conflict reasons compare like with like."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import citecheck
from citecheck.match.lexical.kinds import CONFLICT_CODES, kind_errors
from citecheck.reasons import CATALOGUE, reason
from citecheck.report import Status

DOC = Path(__file__).resolve().parent.parent / "docs" / "reasons.md"


def test_every_code_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", text, flags=re.MULTILINE))
    assert set(CATALOGUE) - documented == set()
    assert documented - set(CATALOGUE) == set(), "docs/reasons.md lists a code that is gone"


def test_every_conflict_code_is_in_the_catalogue() -> None:
    assert set(CATALOGUE) >= CONFLICT_CODES


def test_conflict_reasons_name_both_sides() -> None:
    for code in CONFLICT_CODES:
        params = {"source": "1", "source_value": "SRC", "claim_value": "CLM", "kind": "k"}
        if code == "quote_mismatch":
            params["diff"] = "-a +b"
        message = reason(code, **params).message
        assert "SRC" in message, code
        assert "CLM" in message, code


MIXED = [
    reason("number_conflict", source="1", source_value="6 million pounds",
           claim_value="21 June 2017", kind="count"),
    reason("number_conflict", source="1", source_value="12 percent", claim_value="2019",
           kind="percent"),
    reason("unit_conflict", source="1", source_value="2 miles", claim_value="2 hours",
           kind="measure"),
    reason("direction_conflict", source="1", source_value="rose", claim_value="voted",
           kind="direction"),
    reason("quantifier_conflict", source="1", source_value="the council",
           claim_value="a majority", kind="quantifier"),
]  # fmt: skip
ALIKE = [
    reason("number_conflict", source="1", source_value="4-3", claim_value="unanimously",
           kind="tally"),
    reason("date_conflict", source="1", source_value="June 2017", claim_value="July 2017",
           kind="monthday"),
    reason("unit_conflict", source="1", source_value="2 miles", claim_value="2 kilometres",
           kind="measure"),
    reason("unit_conflict", source="1", source_value="0.2 percentage points",
           claim_value="0.2 percent", kind="percent"),
    reason("direction_conflict", source="1", source_value="has fallen 12",
           claim_value="has risen 12", kind="direction"),
    reason("role_conflict", source="1", source_value="Parents criticized",
           claim_value="Teachers criticized", kind="agent"),
]  # fmt: skip


@pytest.mark.parametrize("detail", MIXED, ids=lambda r: r.message)
def test_values_of_different_kinds_are_caught(detail: citecheck.Reason) -> None:
    assert kind_errors([detail])


def test_values_of_one_kind_pass() -> None:
    assert kind_errors(ALIKE) == []


def test_the_issue_example_pairs_like_with_like() -> None:
    """The claim's day is not paired with the source's amount (issue 11)."""
    source = "Becker owed creditors 6 million pounds. The court declared him bankrupt in June 2017."
    report = citecheck.verify("Becker was declared bankrupt on 21 June 2017 [1].", {1: source})
    (claim,) = report.claims
    assert kind_errors(claim.details) == []
    conflicts = [d for d in claim.details if d.code in CONFLICT_CODES]
    assert not any("6 million" in str(d.params) for d in conflicts), claim.reasons
    assert claim.status is Status.PARTIAL  # the day is a detail the source does not give
    assert any(d.code == "added_content" and "21 June" in str(d.params) for d in claim.details)
