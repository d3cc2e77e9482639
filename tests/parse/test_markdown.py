"""Markdown articles: block kinds, inline markup stripped, offsets into the source."""

from __future__ import annotations

from tests.parse.util import by_text, parse, texts

ARTICLE = """\
# Korea seeks ILO guidance

President **Lee** met *Director-General* Houngbo on Friday [1]. \
The talks covered [AI and jobs](https://example.org/ai) [2].

## Key points

- Lee wants the ILO to shape policy [2].
- [x] Houngbo offered guidance [1].
1. Numbered item with a claim [1].

> Workers must be protected, Houngbo said [1].

```python
items[1] = "not a claim [2]"
```

    indented code [3]

| Year | Jobs lost |
|------|-----------|
| 2024 | 12,000 [1] |

Inline `code [9]` is not a marker, but this is [2].
<!-- an ordinary comment -->
A footnote backs this [^src].

[^src]: Labour ministry release, https://moel.go.kr/release.
[1]: https://en.yna.co.kr/view/AEN1
[wire]: https://example.org/wire
"""


def test_detected_as_markdown() -> None:
    assert parse(ARTICLE).format == "markdown"


def test_block_kinds() -> None:
    parsed = parse(ARTICLE)
    kinds = {c.text: c.kind for c in parsed.claims}
    assert kinds["Korea seeks ILO guidance"] == "heading"
    assert kinds["Key points"] == "heading"
    assert kinds["Lee wants the ILO to shape policy."] == "list_item"
    assert kinds["Houngbo offered guidance."] == "list_item"
    assert kinds["Numbered item with a claim."] == "list_item"
    assert kinds["Workers must be protected, Houngbo said."] == "quote"
    assert kinds['items[1] = "not a claim [2]"'] == "code"
    assert kinds["indented code [3]"] == "code"
    assert kinds["2024"] == "table_cell"
    assert kinds["12,000"] == "table_cell"


def test_inline_markup_is_stripped_and_links_keep_their_text() -> None:
    parsed = parse(ARTICLE)
    assert by_text(parsed, "President").text == (
        "President Lee met Director-General Houngbo on Friday."
    )
    assert by_text(parsed, "The talks").text == "The talks covered AI and jobs."
    assert by_text(parsed, "The talks").citations == ["2"]


def test_code_holds_no_markers() -> None:
    parsed = parse(ARTICLE)
    for claim in parsed.claims:
        if claim.kind == "code":
            assert claim.markers == ()
    inline = by_text(parsed, "Inline code")
    assert inline.text == "Inline code [9] is not a marker, but this is."
    assert inline.citations == ["2"]


def test_markers_in_every_block_kind() -> None:
    parsed = parse(ARTICLE)
    assert by_text(parsed, "Lee wants").citations == ["2"]
    assert by_text(parsed, "Houngbo offered").citations == ["1"]
    assert by_text(parsed, "Workers must").citations == ["1"]
    assert by_text(parsed, "12,000").citations == ["1"]
    assert by_text(parsed, "A footnote").citations == ["src"]


def test_definitions_are_references_not_claims() -> None:
    parsed = parse(ARTICLE)
    assert not any("moel.go.kr" in c.text or "yna.co.kr" in c.text for c in parsed.claims)
    assert parsed.references["src"].url == "https://moel.go.kr/release"
    assert parsed.references["1"].target == "https://en.yna.co.kr/view/AEN1"
    assert parsed.references["wire"].url == "https://example.org/wire"


def test_comments_are_not_text() -> None:
    parsed = parse(ARTICLE)
    assert not any("comment" in c.text for c in parsed.claims)


def test_heading_offsets_exclude_hashes() -> None:
    parsed = parse(ARTICLE)
    heading = parsed.claims[0]
    assert ARTICLE[heading.start : heading.end] == "Korea seeks ILO guidance"
    assert (heading.line, heading.column) == (1, 3)


def test_setext_headings_and_rules() -> None:
    parsed = parse(
        "Title here\n==========\n\nBody claim [1].\n\n---\n\nMore text.", format="markdown"
    )
    assert [(c.text, c.kind) for c in parsed.claims] == [
        ("Title here", "heading"),
        ("Body claim.", "sentence"),
        ("More text.", "sentence"),
    ]


def test_emphasis_markers_are_not_confused_with_arithmetic() -> None:
    parsed = parse("It grew 2 * 3 percent and snake_case stayed **bold** [1].", format="markdown")
    assert texts(parsed) == ["It grew 2 * 3 percent and snake_case stayed bold."]


def test_reference_style_links_and_images() -> None:
    parsed = parse(
        "See the [wire report][wire] and ![a chart](chart.png) for details [1].\n\n"
        "[wire]: https://example.org/wire",
        format="markdown",
    )
    assert texts(parsed) == ["See the wire report and for details."]
    assert parsed.claims[0].citations == ["1"]


def test_references_heading_in_markdown() -> None:
    article = (
        "Wages rose [1]. Prices fell [2].\n\n## References\n\n"
        "1. Ministry data. https://moel.go.kr/data\n"
        "2. [Bank of Korea](https://bok.or.kr/report) report\n\n"
        "## Next section\n\nAnother claim.\n"
    )
    parsed = parse(article)
    assert texts(parsed) == [
        "Wages rose.",
        "Prices fell.",
        "References",
        "Next section",
        "Another claim.",
    ]
    assert parsed.references["1"].url == "https://moel.go.kr/data"
    assert parsed.references["2"].url == "https://bok.or.kr/report"


def test_crlf_markdown() -> None:
    article = "# Title\r\n\r\n- item one [1]\r\n- item two [2]\r\n\r\nBody [1].\r\n"
    parsed = parse(article)
    assert [(c.text, c.line) for c in parsed.claims] == [
        ("Title", 1),
        ("item one", 3),
        ("item two", 4),
        ("Body.", 6),
    ]


def test_sup_numbers_are_markers_in_markdown() -> None:
    article = "Lee hopes the ILO will help<sup>1</sup>, and Houngbo agreed<sup>[2]</sup>."
    parsed = parse(article, format="markdown")
    assert [(c.text, c.citations) for c in parsed.claims] == [
        ("Lee hopes the ILO will help,", ["1"]),
        ("and Houngbo agreed.", ["2"]),
    ]
    assert parsed.claims[0].markers[0].text == "<sup>1</sup>"


def test_bracketed_entries_with_links_are_references_without_a_title() -> None:
    article = (
        "Wages rose [1].\n\n[1] Yonhap report https://yna.co.kr/x\n"
        "[2] Local file sources/two.txt\n\n[3] A claim that starts with its marker."
    )
    parsed = parse(article)
    assert texts(parsed) == ["Wages rose.", "A claim that starts with its marker."]
    assert parsed.claims[1].citations == ["3"]
    assert parsed.references["2"].target == "sources/two.txt"
