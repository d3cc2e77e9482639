"""Citation markers: every form, what is not a marker, and hostile brackets."""

from __future__ import annotations

import pytest

from citecheck.parse.markers import find_markers
from tests.parse.util import by_text, parse, texts


@pytest.mark.parametrize(
    ("article", "ids"),
    [
        ("Wages rose [1].", ["1"]),
        ("Wages rose [1, 2].", ["1", "2"]),
        ("Wages rose [1,2].", ["1", "2"]),
        ("Wages rose [1][2].", ["1", "2"]),
        ("Wages rose [1-3].", ["1", "2", "3"]),
        ("Wages rose [1–3].", ["1", "2", "3"]),
        ("Wages rose [1, 3-4].", ["1", "3", "4"]),
        ("Wages rose.[1]", ["1"]),
        ("Wages rose.[1][2]", ["1", "2"]),
        ("Wages rose [^1].", ["1"]),
        ("Wages rose [^note].", ["note"]),
    ],
)
def test_marker_forms(article: str, ids: list[str]) -> None:
    parsed = parse(article)
    assert texts(parsed) == ["Wages rose."]
    assert parsed.claims[0].citations == ids
    assert parsed.claims[0].end == len(article)


def test_marker_kinds_and_text() -> None:
    article = "A rose [1]. B fell [^n]. C held [citation needed]."
    kinds = [(m.text, m.kind) for c in parse(article).claims for m in c.markers]
    assert kinds == [
        ("[1]", "numeric"),
        ("[^n]", "footnote"),
        ("[citation needed]", "citation_needed"),
    ]


def test_marker_after_full_stop_belongs_to_the_sentence_before() -> None:
    parsed = parse("Lee met Houngbo on Friday.[1] They discussed policy [2].")
    assert [(c.text, c.citations) for c in parsed.claims] == [
        ("Lee met Houngbo on Friday.", ["1"]),
        ("They discussed policy.", ["2"]),
    ]


def test_mid_sentence_marker_makes_a_clause() -> None:
    parsed = parse("Lee said wages rose [1], while prices fell sharply [2].")
    assert [(c.text, c.kind, c.citations) for c in parsed.claims] == [
        ("Lee said wages rose,", "clause", ["1"]),
        ("while prices fell sharply.", "clause", ["2"]),
    ]


def test_end_marker_covers_the_whole_sentence() -> None:
    claim = parse("Lee said wages rose, while prices fell [2].").claims[0]
    assert claim.kind == "sentence"
    assert claim.text == "Lee said wages rose, while prices fell."


@pytest.mark.parametrize(
    "article",
    [
        "He wrote [sic] that it was fine.",
        "Officials at [the ILO] agreed.",
        "See [the report](https://example.org) for more.",
        "See [the report][rep] for more.\n\n[rep]: https://example.org",
        "- [ ] Check the figures.",
        "- [x] Check the figures.",
    ],
)
def test_brackets_that_are_not_markers(article: str) -> None:
    parsed = parse(article)
    assert all(not c.markers for c in parsed.claims)
    assert parsed.claims


def test_citation_needed_variants() -> None:
    parsed = parse(
        "A rose [citation needed]. B fell [Citation Needed]. C held {{citation needed}}."
    )
    assert texts(parsed) == ["A rose.", "B fell.", "C held."]
    assert all(c.citation_needed and c.citations == [] for c in parsed.claims)


def test_code_spans_hold_no_markers() -> None:
    parsed = parse("Use `items[1]` in code, as shown [2].", format="markdown")
    assert parsed.claims[0].citations == ["2"]
    assert parsed.claims[0].text == "Use items[1] in code, as shown."


# Hostile brackets (issue 7) ---------------------------------------------------


@pytest.mark.parametrize(
    ("article", "ids", "note"),
    [
        ("Bad [1,,2].", ["1", "2"], "empty item"),
        ("Bad [1-].", [], "not a number or a range"),
        ("Bad [-1].", [], "not a number or a range"),
        ("Bad [5-1].", ["1", "2", "3", "4", "5"], "backwards range"),
        ("Bad [1-100000000].", ["1"], "max_marker_range"),
        ("Bad [1-500].", ["1", "500"], "max_marker_range"),
        ("Bad [99999999999999999999].", [], "implausible source number"),
        ("Bad [[1]].", ["1"], "doubled brackets"),
    ],
)
def test_hostile_markers_are_read_with_a_note(article: str, ids: list[str], note: str) -> None:
    claim = parse(article).claims[0]
    assert claim.text == "Bad."
    assert claim.citations == ids
    assert any(note in n for n in claim.notes), claim.notes


def test_max_marker_range_option_is_respected() -> None:
    assert parse("A [1-5].", max_marker_range=3).claims[0].citations == ["1", "5"]
    assert parse("A [1-5].", max_marker_range=5).claims[0].citations == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize(
    "article", ["Open [ bracket.", "Empty [] brackets.", "Dash [-] here.", "["]
)
def test_stray_brackets_stay_text(article: str) -> None:
    parsed = parse(article)
    assert all(not c.markers for c in parsed.claims)


def test_only_markers() -> None:
    assert parse("[1][2]").claims == []
    assert parse("[1]\n\n[2]").claims == []


def test_marker_paragraph_covers_the_claim_before_it() -> None:
    parsed = parse("Wages rose.\n\n[3]")
    assert parsed.claims[0].citations == ["3"]


def test_huge_range_is_linear() -> None:
    article = "Claim [1-999999]. " * 2000
    parsed = parse(article)
    assert len(parsed.claims) == 2000
    assert parsed.claims[-1].citations == ["1", "999999"]


def test_find_markers_offsets() -> None:
    text = "x [1, 2] y [^a] z"
    found = find_markers(text)
    assert [text[m.start : m.end] for m in found] == ["[1, 2]", "[^a]"]
    assert [m.ids for m in found] == [("1", "2"), ("a",)]


def test_footnote_definitions_are_references_not_claims() -> None:
    parsed = parse("Wages rose [^1].\n\n[^1]: Labour Ministry data, https://moel.go.kr/x.")
    assert texts(parsed) == ["Wages rose."]
    ref = parsed.references["1"]
    assert ref.url == "https://moel.go.kr/x"
    assert by_text(parsed, "Wages").citations == ["1"]


def test_clause_keeps_its_closing_bracket() -> None:
    parsed = parse("Wages (as Yonhap reported [1]) rose sharply [2].")
    assert [(c.text, c.citations) for c in parsed.claims] == [
        ("Wages (as Yonhap reported)", ["1"]),
        ("rose sharply.", ["2"]),
    ]


@pytest.mark.parametrize(
    "article",
    [
        "Prices fell [1], officials said.",
        "Prices fell [1] on Friday.",
        "Prices fell [1], according to the ministry's latest report.",
    ],
)
def test_a_short_or_attribution_tail_stays_with_its_marker(article: str) -> None:
    parsed = parse(article)
    assert len(parsed.claims) == 1
    assert parsed.claims[0].kind == "sentence"
    assert parsed.claims[0].citations == ["1"]


def test_a_real_second_clause_is_split_off() -> None:
    parsed = parse("Lee said wages rose [1], while prices fell sharply across the country.")
    assert [(c.text, c.kind, c.citations) for c in parsed.claims] == [
        ("Lee said wages rose,", "clause", ["1"]),
        ("while prices fell sharply across the country.", "clause", []),
    ]
