"""parse_article on plain text: the seed article, paragraphs, context, lines, odd characters."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.errors import InvalidInputError
from citecheck.parse import parse_article
from tests.parse.util import by_text, parse, texts

SEED = (Path(__file__).parent.parent / "data" / "seed_article.txt").read_text(encoding="utf-8")


def test_seed_article_claims() -> None:
    parsed = parse(SEED)
    assert parsed.format == "text"
    # 8 paragraphs: 1 + 2 + 3 + 2 + 2 + 2 + 1 + 2 sentences.
    assert len(parsed.claims) == 15
    per_paragraph = [sum(1 for c in parsed.claims if c.paragraph == p) for p in range(8)]
    assert per_paragraph == [1, 2, 3, 2, 2, 2, 1, 2]
    assert all(c.kind == "sentence" for c in parsed.claims)


def test_seed_markers_belong_to_the_sentence_they_end() -> None:
    parsed = parse(SEED)
    for claim in parsed.claims:
        span = SEED[claim.start : claim.end]
        if claim.markers:
            # The marker stands right before the sentence's full stop.
            assert span.endswith(tuple(f"[{m.ids[0]}]." for m in claim.markers))
            assert "[" not in claim.text
        else:
            assert "[" not in span
    cited = [c.marker_ids for c in parsed.claims if c.marker_ids]
    assert cited == [["1"], ["2"], ["1"], ["2"], ["1"], ["1"], ["2"], ["1"]]
    assert by_text(parsed, "Lee said he hopes").marker_ids == ["2"]
    assert by_text(parsed, "President Lee hopes the ILO").marker_ids == []


def test_seed_lines_and_columns() -> None:
    parsed = parse(SEED)
    for claim in parsed.claims:
        line_start = SEED.rfind("\n", 0, claim.start) + 1
        assert claim.line == SEED.count("\n", 0, claim.start) + 1
        assert claim.column == claim.start - line_start + 1
        assert claim.end_line == SEED.count("\n", 0, claim.end) + 1


def test_context_is_the_paragraph_so_far() -> None:
    parsed = parse("First claim. Second claim. Third claim.\n\nNew paragraph.")
    assert [c.context for c in parsed.claims] == [
        "",
        "First claim.",
        "First claim. Second claim.",
        "",
    ]


def test_context_is_bounded() -> None:
    parsed = parse("Word here. " * 500)
    assert len(parsed.claims[-1].context) <= 1000


def test_paragraphs_are_separated_by_blank_lines() -> None:
    parsed = parse("One.\nTwo.\n\n  \nThree.\r\n\r\nFour.")
    assert [c.paragraph for c in parsed.claims] == [0, 0, 1, 2]


@pytest.mark.parametrize(
    "article",
    [
        "Lee met Houngbo [1].\r\nThey spoke [2].\r\n\r\nNext paragraph [1].",
        "Lee met Houngbo [1].\rThey spoke [2].\r\rNext paragraph [1].",
        "Lee\u00a0met\u00a0Houngbo [1].\tThey spoke [2].\n\nNext paragraph [1].",
        "\u200bLee met\u200d Houngbo [1]. They \u202espoke\u202c [2].\n\nNext paragraph [1].",
        "Lee met Houngbo 👩‍🚀 [1]. They spoke 🇰🇷 [2].\n\nNext paragraph [1].",
        "Lee met\x00 Houngbo\x07 [1]. They spoke [2].\n\nNext paragraph [1].",
        "\ufeffLee met Houngbo [1]. They spoke [2].\n\nNext paragraph [1].",
    ],
)
def test_odd_characters_keep_offsets(article: str) -> None:
    parsed = parse(article)
    assert [c.citations for c in parsed.claims] == [["1"], ["2"], ["1"]]
    assert [c.paragraph for c in parsed.claims] == [0, 0, 1]
    for claim in parsed.claims:
        assert article[claim.markers[0].start : claim.end].startswith("[")


def test_crlf_lines_are_counted_once() -> None:
    parsed = parse("A one.\r\n\r\nB two.\r\n\r\nC three.")
    assert [(c.line, c.column) for c in parsed.claims] == [(1, 1), (3, 1), (5, 1)]


def test_right_to_left_text() -> None:
    parsed = parse("قال الوزير إن الأجور ارتفعت [1]. وانخفضت الأسعار [2].")
    assert [c.citations for c in parsed.claims] == [["1"], ["2"]]


def test_html_tags_inside_plain_text_are_text() -> None:
    parsed = parse("Use <script>alert(1)</script> carefully [1]. Then stop.", format="text")
    assert parsed.claims[0].citations == ["1"]
    assert "script" in parsed.claims[0].text


@pytest.mark.parametrize("article", ["", "   ", "\n\n\n", "...", "[1]"])
def test_empty_articles_have_no_claims(article: str) -> None:
    assert parse(article).claims == []


def test_not_text_is_a_citecheck_error() -> None:
    with pytest.raises(InvalidInputError):
        parse_article(b"bytes")  # type: ignore[arg-type]


def test_suppression_comments() -> None:
    article = (
        "<!-- citecheck: ignore opinion piece -->\nA claim. B claim.\n\n"
        "<!-- citecheck: off -->\nC claim. D claim.\n<!-- citecheck: on -->\n\nE claim.\n\n"
        "F claim. <!-- citecheck: ignore --> G claim."
    )
    parsed = parse(article)
    assert [(c.text, c.suppressed) for c in parsed.claims] == [
        ("A claim.", "opinion piece"),
        ("B claim.", None),
        ("C claim.", ""),
        ("D claim.", ""),
        ("E claim.", None),
        ("F claim.", None),
        ("G claim.", ""),
    ]
    assert all("citecheck" not in c.text for c in parsed.claims)


def test_off_with_a_reason_until_the_end() -> None:
    parsed = parse("A claim.\n\n<!-- citecheck: off satire section -->\n\nB claim. C claim.")
    assert [c.suppressed for c in parsed.claims] == [None, "satire section", "satire section"]


def test_references_section_in_plain_text() -> None:
    article = (
        "Lee met Houngbo [1]. Wages rose [2].\n\n"
        "References\n"
        "[1] Yonhap, Lee meets ILO chief. https://en.yna.co.kr/view/AEN2025.\n"
        "[2] Ministry data, sources/wages.txt\n"
    )
    parsed = parse(article)
    assert texts(parsed) == ["Lee met Houngbo.", "Wages rose.", "References"]
    assert parsed.claims[-1].kind == "heading"
    one, two = parsed.references["1"], parsed.references["2"]
    assert one.url == one.target == "https://en.yna.co.kr/view/AEN2025"
    assert one.text.startswith("Yonhap, Lee meets ILO chief.")
    assert two.url is None
    assert two.target == "sources/wages.txt"
    assert article[two.start : two.end] == "Ministry data, sources/wages.txt"


def test_numbered_sources_section() -> None:
    article = (
        "Wages rose [1].\n\nSources:\n1. Ministry report https://moel.go.kr/r\n"
        "2. Union statement,\n   continued on a second line.\n\nA closing line."
    )
    parsed = parse(article)
    assert texts(parsed) == ["Wages rose.", "Sources:", "A closing line."]
    assert parsed.references["2"].text == "Union statement, continued on a second line."


def test_a_million_characters() -> None:
    paragraph = "Dr. Lee met the U.S. envoy on Jan. 5 [1]. Wages rose 3.5 percent [2].\n\n"
    article = paragraph * (1_000_000 // len(paragraph))
    parsed = parse_article(article)
    assert len(parsed.claims) == 2 * (1_000_000 // len(paragraph))
    last = parsed.claims[-1]
    assert article[last.start : last.end] == "Wages rose 3.5 percent [2]."
    assert last.line == article.count("\n", 0, last.start) + 1


def test_plain_text_headlines_and_bylines_are_headings() -> None:
    from citecheck.parse import parse_article

    article = (
        "Port of Halvermund reports record volumes\n\n"
        "By the Economy Desk\n\n"
        "The port handled 14.8 million containers in 2024.\n\n"
        "Volumes rose sharply [1]\n\n"
        "A closing line without a full stop"
    )
    kinds = {c.text: c.kind for c in parse_article(article).claims}
    assert kinds["Port of Halvermund reports record volumes"] == "heading"
    assert kinds["By the Economy Desk"] == "heading"
    assert kinds["The port handled 14.8 million containers in 2024."] == "sentence"
    assert kinds["Volumes rose sharply"] == "sentence"  # it cites a source: a claim
    assert kinds["A closing line without a full stop"] == "sentence"  # nothing follows it
