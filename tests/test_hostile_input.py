"""Hostile and huge input: a report or a citecheck error, never a crash or a hang."""

from __future__ import annotations

import pytest

import citecheck
from citecheck import CitecheckError, InvalidInputError, Status

SOURCE = "The ILO met in Geneva on Friday. Wages rose 5% in 2024."


def _spans_are_sane(article: str, report: citecheck.Report) -> None:
    previous_end = 0
    for claim in report.claims:
        assert 0 <= claim.start < claim.end <= len(article)
        assert claim.start >= previous_end
        previous_end = claim.end
        for marker in claim.markers:
            assert article[marker.start : marker.end] == marker.text
            assert all(source_id for source_id in marker.ids)


@pytest.mark.parametrize(
    "article",
    ["[1]", "[1][2] [3]", "[1].", ".[1]", "[^1]", "[1, 2, 3]\n\n[4]"],
)
def test_articles_that_are_only_markers(article: str) -> None:
    report = citecheck.verify(article, {1: SOURCE})
    _spans_are_sane(article, report)


@pytest.mark.parametrize(
    "bracket", ["[", "]", "[]", "[[1]]", "[1,,2]", "[1-]", "[-1]", "[,]", "[ ]"]
)
def test_malformed_brackets_are_not_markers_with_bogus_ids(bracket: str) -> None:
    article = f"The ILO met in Geneva on Friday {bracket}."
    report = citecheck.verify(article, {1: SOURCE, 2: SOURCE})
    _spans_are_sane(article, report)
    for claim in report.claims:
        assert set(claim.citations) <= {"1", "2"}


def test_exploding_range_is_capped_and_reported() -> None:
    article = "The ILO met in Geneva on Friday [1-100000000]."
    report = citecheck.verify(article, {1: SOURCE})
    (claim,) = report.claims
    assert len(claim.citations) <= 100
    assert any("100000000" in reason or "range" in reason for reason in claim.reasons)


def test_range_limit_is_an_option() -> None:
    article = "The ILO met in Geneva on Friday [1-5]."
    report = citecheck.verify(article, {1: SOURCE}, max_marker_range=3)
    assert len(report.claims[0].citations) <= 3
    assert report.claims[0].reasons


def test_backwards_range_never_explodes() -> None:
    report = citecheck.verify("The ILO met in Geneva on Friday [5-1].", {1: SOURCE})
    assert len(report.claims[0].citations) <= 5


def test_absurd_marker_number_is_handled() -> None:
    article = "The ILO met in Geneva on Friday [99999999999999999999]."
    report = citecheck.verify(article, {1: SOURCE})
    _spans_are_sane(article, report)
    claim = report.claims[0]
    assert claim.status in (Status.UNKNOWN_SOURCE, Status.UNCITED, Status.EXEMPT)


@pytest.mark.parametrize(
    "noise",
    ["\x00", "\x07", "\u200b", "\u202e", "\u2066", "😀", "שלום עולם", "\t", "\u00a0", "\ufeff"],
)
def test_control_invisible_and_rtl_characters_keep_offsets_exact(noise: str) -> None:
    article = (
        f"The ILO{noise} met in Geneva on Friday [1].\r\n\r\nWages{noise} rose 5% in 2024 [1]."
    )
    report = citecheck.verify(article, {1: SOURCE})
    _spans_are_sane(article, report)
    assert len(report.claims) == 2
    assert report.claims[1].line == 3


def test_script_tags_in_plain_text_are_text() -> None:
    article = "The ILO met <script>alert(1)</script> in Geneva on Friday [1]."
    report = citecheck.verify(article, {1: SOURCE}, format="text")
    _spans_are_sane(article, report)
    assert "script" in report.claims[0].text


def test_one_enormous_word() -> None:
    article = "x" * 200_000 + " [1]."
    report = citecheck.verify(article, {1: SOURCE})
    _spans_are_sane(article, report)
    assert report.claims


@pytest.mark.slow
def test_a_million_character_article() -> None:
    sentence = "The ILO met in Geneva on Friday to discuss wages [1]. "
    article = sentence * (1_000_000 // len(sentence) + 1)
    report = citecheck.verify(article, {1: SOURCE})
    assert report.summary.total == len(report.claims) > 10_000


def test_source_over_the_limit_is_reported_not_checked() -> None:
    report = citecheck.verify("The ILO met [1].", {1: SOURCE * 10}, max_source_chars=100)
    assert report.claims[0].status is Status.UNKNOWN_SOURCE
    assert "max_source_chars" in (report.sources[0].error or "")


@pytest.mark.slow
def test_a_source_of_tens_of_megabytes() -> None:
    big = ("Filler sentence number one about harbours and ships. " * 400_000) + SOURCE
    assert len(big) > 20_000_000
    report = citecheck.verify("The ILO met in Geneva on Friday [1].", {1: big})
    assert report.claims[0].status is Status.SUPPORTED


@pytest.mark.parametrize("source", [b"bytes", 3.14, None, ["list"], {"a": 1}])
def test_source_that_is_not_text_is_a_typed_error(source: object) -> None:
    with pytest.raises(InvalidInputError):
        citecheck.verify("The ILO met [1].", {1: source})  # type: ignore[dict-item]


def test_footnote_ids_with_spaces_and_carets_normalise() -> None:
    article = "The ILO met in Geneva on Friday.[^geneva]\n\n[^geneva]: Wire report."
    report = citecheck.verify(article, {" ^geneva ": SOURCE})
    assert report.claims[0].citations == ("geneva",)
    assert report.claims[0].status is not Status.UNKNOWN_SOURCE


def test_errors_are_citecheck_errors() -> None:
    assert issubclass(InvalidInputError, CitecheckError)
    with pytest.raises(CitecheckError):
        citecheck.verify(None, {})  # type: ignore[arg-type]
