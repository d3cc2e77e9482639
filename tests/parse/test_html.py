"""HTML articles: visible text only, offsets into the HTML source, markers in <sup>."""

from __future__ import annotations

import html

from citecheck.config import Options
from citecheck.parse import ParsedArticle, parse_article
from tests.parse.util import by_text, parse, texts, words_in_order

ARTICLE = """<!DOCTYPE html>
<html>
<head><title>Not a claim</title><style>p { color: red; }</style>
<script>var claim = "not a claim [1]";</script></head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
<h1>Korea seeks ILO guidance</h1>
<p>President <b>Lee</b> met Director-General Houngbo on Friday [1]. Wages &amp; jobs were
discussed<sup><a href="#ref2">[2]</a></sup>.</p>
<p>Lee hopes the ILO will help<sup>1</sup>, and Houngbo agreed<sup>2</sup>.</p>
<ul><li>Workers must be protected [1].</li></ul>
<blockquote><p>We will help, Houngbo said [2].</p></blockquote>
<!-- citecheck: ignore opinion -->
<p>This marks a strategic shift.</p>
<table><tr><td>2024</td><td>12,000 jobs [1]</td></tr></table>
<pre>code [1]</pre>
<h2>References</h2>
<ol>
<li><a href="https://en.yna.co.kr/view/AEN1">Yonhap report</a></li>
<li>Ministry release, https://moel.go.kr/release</li>
</ol>
</article>
</body>
</html>
"""


def test_detected_as_html() -> None:
    assert parse(ARTICLE).format == "html"


def test_only_visible_text_becomes_claims() -> None:
    parsed = parse(ARTICLE)
    joined = " ".join(texts(parsed))
    assert "Not a claim" not in joined
    assert "color" not in joined
    assert "not a claim" not in joined
    assert "Home" not in joined


def test_claims_and_kinds() -> None:
    parsed = parse(ARTICLE)
    assert [(c.text, c.kind, c.citations) for c in parsed.claims] == [
        ("Korea seeks ILO guidance", "heading", []),
        ("President Lee met Director-General Houngbo on Friday.", "sentence", ["1"]),
        ("Wages & jobs were discussed.", "sentence", ["2"]),
        ("Lee hopes the ILO will help,", "clause", ["1"]),
        ("and Houngbo agreed.", "clause", ["2"]),
        ("Workers must be protected.", "list_item", ["1"]),
        ("We will help, Houngbo said.", "quote", ["2"]),
        ("This marks a strategic shift.", "sentence", []),
        ("2024", "table_cell", []),
        ("12,000 jobs", "table_cell", ["1"]),
        ("code [1]", "code", []),
        ("References", "heading", []),
    ]


def test_offsets_point_into_the_html() -> None:
    parsed = parse(ARTICLE)
    claim = by_text(parsed, "President")
    assert ARTICLE[claim.start : claim.end] == (
        "President <b>Lee</b> met Director-General Houngbo on Friday [1]."
    )
    wages = by_text(parsed, "Wages")
    assert ARTICLE[wages.start : wages.end] == (
        'Wages &amp; jobs were\ndiscussed<sup><a href="#ref2">[2]</a></sup>.'
    )
    assert wages.markers[0].text == '<sup><a href="#ref2">[2]</a></sup>'
    sup = by_text(parsed, "Lee hopes").markers[0]
    assert ARTICLE[sup.start : sup.end] == "<sup>1</sup>"
    line = ARTICLE.count("\n", 0, claim.start) + 1
    assert claim.line == line


def test_suppression_comment_in_html() -> None:
    parsed = parse(ARTICLE)
    assert by_text(parsed, "This marks").suppressed == "opinion"
    assert by_text(parsed, "Workers").suppressed is None


def test_references_from_an_ordered_list() -> None:
    refs = parse(ARTICLE).references
    assert refs["1"].url == "https://en.yna.co.kr/view/AEN1"
    assert refs["1"].text == "Yonhap report"
    assert refs["2"].url == "https://moel.go.kr/release"


def test_html_fragment_and_entities() -> None:
    article = "<p>Caf&eacute; prices rose &#8212; sharply [1].</p><p>Second&nbsp;one.</p>"
    parsed = parse_html(article)
    assert texts(parsed) == ["Café prices rose — sharply.", "Second one."]
    first = parsed.claims[0]
    assert article[first.start : first.end] == "Caf&eacute; prices rose &#8212; sharply [1]."


def test_broken_html_does_not_raise() -> None:
    for article in ["<p>Unclosed <b>bold [1].", "<p><![if !supportLists]>x<![endif]>y.</p>", "<p"]:
        parse_html(article)


def test_crlf_html_offsets() -> None:
    article = "<p>One claim [1].</p>\r\n<p>Two\r\nclaim [2].</p>"
    parsed = parse_html(article)
    two = parsed.claims[1]
    assert article[two.start : two.end] == "Two\r\nclaim [2]."
    assert (two.line, two.column) == (2, 4)


def parse_html(article: str) -> ParsedArticle:
    """Parse as HTML; entities decode, so words are checked against the unescaped span."""
    parsed = parse_article(article, Options(format="html"))
    for claim in parsed.claims:
        span = html.unescape(article[claim.start : claim.end])
        assert words_in_order(span.replace("\xa0", " "), claim.text), (span, claim.text)
    return parsed


def test_unclosed_comment_keeps_offsets() -> None:
    # Found by the fuzzer: the defused copy of the HTML must be what positions refer to.
    article = "Ḓ[^a]: noteDr. <!--never closed"
    parsed = parse(article, format="html")
    assert [c.text for c in parsed.claims] == ["Ḓ[^a]: noteDr.", "!--never closed"]


def test_hidden_elements_and_footers_are_not_claims() -> None:
    article = (
        "<article><p>Visible claim [1].</p>"
        '<p hidden>Hidden one.</p><div style="display: none">Also hidden.</div>'
        '<span aria-hidden="true">Icon text.</span>'
        "<footer>© 2025 News Corp. All rights reserved.</footer></article>"
    )
    assert texts(parse(article)) == ["Visible claim."]


def test_hidden_paragraph_without_end_tag_hides_only_itself() -> None:
    article = "<p hidden>Hidden one.<p>Visible claim [1].</p><ul><li hidden>Gone<li>Item [2].</ul>"
    assert texts(parse(article)) == ["Visible claim.", "Item."]
