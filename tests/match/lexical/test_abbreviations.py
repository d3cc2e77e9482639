"""Dotted abbreviations ("U.S.", "Ph.D.") are one word, their letters: "U.S." is the "US"
a claim names, never a party "U" against "US"."""

from __future__ import annotations

import pytest

from citecheck.report import Status
from tests.match.support import Harness, messages

SOURCE = (
    "Soccer draws less money and less prestige than other sports that are more popular in "
    "the U.S. Clubs in the U.K. pay more."
)


@pytest.mark.parametrize("country", ["US", "U.S."])
def test_dotted_abbreviation_is_its_letters(country: str) -> None:
    claim = (
        "Soccer draws less money and less prestige than other sports that are more popular "
        f"in the {country}."
    )
    verdict = Harness({"1": SOURCE}).check(claim)
    assert verdict.status is Status.SUPPORTED, messages(verdict)


def test_another_dotted_abbreviation_is_a_changed_party() -> None:
    verdict = Harness({"1": "The treaty was first signed by the U.S. in 1998."}).check(
        "The treaty was first signed by the U.K. in 1998."
    )
    assert verdict.status is Status.CONTRADICTED, messages(verdict)
    (conflict,) = [r for r in verdict.reasons if r.code == "role_conflict"]
    assert conflict.params["claim_value"] == "U.K."
    assert conflict.params["source_value"] == "U.S."


def test_degree_with_dots_backs_the_degree_without() -> None:
    verdict = Harness({"1": "She earned a Ph.D. in chemistry from Halden University."}).check(
        "She earned a PhD in chemistry from Halden University."
    )
    assert verdict.status is Status.SUPPORTED, messages(verdict)
