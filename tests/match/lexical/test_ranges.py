"""A range whose unit follows its second figure ("32-37%", "10-12 million euros") is a
range of that unit: both ends are compared as such, never as bare counts."""

from __future__ import annotations

import pytest

import citecheck
from citecheck import Status


def _check(claim: str, source: str) -> citecheck.ClaimResult:
    return citecheck.verify(claim, {"1": source}).claims[0]


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        (
            "Sunni Islam is followed by 32-37% of people [1].",
            "Sunni Islam is followed by 32-37% of people in Iraq.",
        ),
        (
            "The repairs will cost 10-12 million euros [1].",
            "The repairs will cost 10 to 12 million euros, the council said.",
        ),
        (
            "The repairs will cost 10-12 million euros [1].",
            "The repairs will cost about 11 million euros, the council said.",
        ),
        (  # an en dash between spaces, a unit after it
            "It generally takes about 1-3 months to become an agent [1].",
            "It generally takes about 1 – 3 months to become a real estate agent.",
        ),
    ],
)
def test_the_same_range_or_a_figure_inside_it_is_supported(claim: str, source: str) -> None:
    assert _check(claim, source).status is Status.SUPPORTED


@pytest.mark.parametrize(
    ("claim", "source", "says"),
    [
        (
            "Sunni Islam is followed by 32-37% of people [1].",
            "Sunni Islam is followed by 42-47% of people in Iraq.",
            "source 1 says '42-47%', the claim says '32-37%'",
        ),
        (
            "The repairs will cost 10-12 million euros [1].",
            "The repairs will cost 20-22 million euros, the council said.",
            "source 1 says '20-22 million euros', the claim says '10-12 million euros'",
        ),
    ],
)
def test_another_range_is_contradicted_with_both_ranges_named(
    claim: str, source: str, says: str
) -> None:
    result = _check(claim, source)
    assert result.status is Status.CONTRADICTED
    assert says in result.reasons


def test_a_range_of_percentages_is_never_paired_with_a_count() -> None:
    result = _check(
        "Sunni Islam is followed by 32-37% of people [1].",
        "Iraq's Muslims follow two distinct traditions, majority Shia Islam and minority Sunni"
        " Islam.",
    )
    assert result.status is not Status.SUPPORTED
    conflicts = [d for d in result.details if d.code == "number_conflict"]
    assert conflicts == [], [d.message for d in conflicts]  # two traditions are not 32%


def test_a_range_written_with_to_is_a_range_and_a_change_from_is_not() -> None:
    result = _check(
        "Organic sales growth is within its long-term target range of 2-4% [1].",
        "We expect organic sales growth to be within our 3% to 5% long-term target range.",
    )
    assert result.status is Status.CONTRADICTED
    assert "source 1 says '3% to 5%', the claim says '2-4%'" in result.reasons
    change = _check("Sales rose from 4% to 8% [1].", "Sales rose from 4% to 7% last year.")
    assert "source 1 says '7%', the claim says '8%'" in change.reasons
