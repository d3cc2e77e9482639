"""Figures typed by the date slot they stand in, even when their value cannot be a date."""

from __future__ import annotations

import pytest

from citecheck.report import Status
from tests.match.support import Harness, messages

SOURCE = (
    "Mara Ellison was sworn in as mayor of Tolvik on 24 November. The ferry line opened in "
    "December 1871 and carried 40 passengers a day."
)


@pytest.fixture(scope="module")
def tolvik() -> Harness:
    return Harness({"1": SOURCE})


@pytest.mark.parametrize(
    "claim",
    [
        "Mara Ellison was sworn in as mayor of Tolvik on 24 November.",
        "The ferry line opened in December 1871.",
    ],
)
def test_date_as_the_source_gives_it_is_backed(tolvik: Harness, claim: str) -> None:
    verdict = tolvik.check(claim)
    assert verdict.status is Status.SUPPORTED, messages(verdict)


def test_day_past_31_after_on_is_the_days_slot(tolvik: Harness) -> None:
    verdict = tolvik.check("Mara Ellison was sworn in as mayor of Tolvik on 74 November.")
    assert verdict.status is Status.CONTRADICTED
    (conflict,) = [r for r in verdict.reasons if r.code == "date_conflict"]
    assert conflict.params["claim_value"] == "74 November"
    assert conflict.params["source_value"] == "24 November"


def test_four_digits_after_a_month_are_its_year(tolvik: Harness) -> None:
    verdict = tolvik.check("The ferry line opened in December 6871.")
    assert verdict.status is Status.CONTRADICTED
    (conflict,) = [r for r in verdict.reasons if r.code == "date_conflict"]
    assert (conflict.params["claim_value"], conflict.params["source_value"]) == ("6871", "1871")
