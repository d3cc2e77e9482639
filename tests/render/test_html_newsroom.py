"""Issue 12, items 2 and 11 in the HTML report (without a browser; see test_html_browser.py).

HTML articles are shown as a reader sees them, with their claims highlighted and the
JSON offsets still pointing into the HTML; claims are named by line and marker, and
long rows of chips collapse behind a count.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml.html import HtmlElement

import citecheck
from citecheck.render.html import MAX_OPEN_CHIPS, render_html
from citecheck.report import Report

HTML_ARTICLE = """<!DOCTYPE html>
<html><head><title>Harbour news</title>
<style>p { color: red }</style>
<script>var secret = "<p>never shown</p>";</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News menu</a></nav>
<h1>Harbour dredging &quot;starts&quot;</h1>
<p>The harbour authority began dredging the east channel
   on Monday.<sup id="cite_ref-1"><a href="#cite_note-1">[1]</a></sup> The work will cost
   &euro;2.1&nbsp;million, officials said.</p>
<h2>References</h2>
<ol class="references"><li id="cite_note-1"><a href="#cite_ref-1">^</a>
<a href="sources/1.txt">Harbour board minutes</a></li></ol>
</body></html>
"""
SOURCE = "The harbour authority began dredging the east channel on Monday."


def _report(tmp_path: Path) -> Report:
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "1.txt").write_text(SOURCE, encoding="utf-8")
    page = tmp_path / "dredging.html"
    page.write_text(HTML_ARTICLE, encoding="utf-8")
    return citecheck.verify(page, source_root=tmp_path)  # outside any repository


def _article_div(page: str) -> HtmlElement:
    (div,) = lxml.html.document_fromstring(page).xpath('//div[@id="article"]')
    return div


def _shown(element: HtmlElement) -> str:
    copy = lxml.html.fromstring(lxml.html.tostring(element, encoding="unicode", with_tail=False))
    for glyph in copy.find_class("glyph"):
        glyph.drop_tree()
    return str(copy.text_content())


def test_an_html_article_is_shown_as_a_reader_sees_it(tmp_path: Path) -> None:
    report = _report(tmp_path)
    assert report.display is not None
    shown = _shown(_article_div(render_html(report)))
    assert shown == report.display.text
    assert shown.startswith('Harbour dredging "starts"\n\nThe harbour authority began dredging')
    for hidden in ("DOCTYPE", "color: red", "never shown", "Home", "News menu", "<", "&quot;"):
        assert hidden not in shown
    assert "€2.1 million, officials said." in shown
    assert "[1] Harbour board minutes" in shown


def test_its_claims_are_highlighted_in_the_visible_text(tmp_path: Path) -> None:
    report = _report(tmp_path)
    assert report.display is not None
    div = _article_div(render_html(report))
    by_index = {int(e.get("data-claim")): e for e in div.xpath(".//span[@data-claim]")}
    monday = next(c for c in report.claims if "Monday" in c.text)
    element = by_index[monday.index]
    assert _shown(element) == "The harbour authority began dredging the east channel on Monday.[1]"
    assert [m.text_content() for m in element.find_class("marker")] == ["[1]"]
    assert element.get("data-status") == "supported"


def test_json_offsets_still_point_into_the_html(tmp_path: Path) -> None:
    report = _report(tmp_path)
    monday = next(c for c in report.claims if "Monday" in c.text)
    written = HTML_ARTICLE[monday.start : monday.end]
    assert written.startswith(
        "The harbour authority began dredging the east channel\n   on Monday."
    )
    assert "<sup" in written  # the marker as written, tags and all
    assert report.article_text == HTML_ARTICLE
    again = Report.model_validate_json(report.model_dump_json())
    assert render_html(again) == render_html(report)  # the same page from the JSON


def test_text_and_markdown_articles_have_no_display_text() -> None:
    report = citecheck.verify("# Title\n\nPrices rose [1].\n", {1: "Prices rose."})
    assert report.display is None


def _findings_report(n: int) -> Report:
    article = "\n\n".join(
        f"Officials said the budget for site {k} rose by {k + 2} percent." for k in range(n)
    )
    return citecheck.verify(article + "\n\nThe port expanded [1].", {1: "The port expanded."})


def test_chips_name_claims_by_line_and_marker_never_by_number() -> None:
    report = citecheck.verify(
        "Prices rose 4 percent in March [1].\n\nOfficials said wages fell [2].\n\n"
        "The mayor called the vote 'a turning point.'\n",
        {1: "Prices rose 4 percent in March.", 2: "The bakery opened."},
    )
    page = render_html(report)
    doc = lxml.html.document_fromstring(page)
    jumps = [a.text_content() for a in doc.xpath('//p[@class="verdict-jumps no-print"]//a')]
    assert [re.sub(r"^\W+", "", j) for j in jumps] == [
        "line 3 · [2], unsupported",
        "line 5, uncited",
    ]
    cited = [a.text_content() for a in doc.xpath('//li[@data-source="1"]//a[@class]')]
    assert [re.sub(r"^\W+", "", c) for c in cited] == ["line 1 · [1], supported"]
    assert not re.search(r"[Cc]laim \d", doc.text_content())
    details = [h.text_content() for h in doc.xpath("//article[@class]/h3")]
    assert any(d.endswith("line 3 · [2]: Unsupported") for d in details)


def test_claims_sharing_a_line_and_marker_get_their_place() -> None:
    report = citecheck.verify(
        "Prices rose 4 percent. Wages fell 2 percent. Rents rose 9 percent [1].",
        {1: "The bakery opened."},
        marker_scope="sentence",
    )
    page = render_html(report)
    jumps = [
        re.sub(r"^\W+", "", a.text_content())
        for a in lxml.html.document_fromstring(page).xpath(
            '//p[contains(@class, "verdict-jumps")]//a'
        )
    ]
    assert jumps == [
        "line 1 (1st), uncited",
        "line 1 (2nd), uncited",
        "line 1 · [1], unsupported",
    ]


def test_more_than_ten_chips_collapse_into_a_count_with_a_toggle() -> None:
    doc = lxml.html.document_fromstring(render_html(_findings_report(MAX_OPEN_CHIPS + 3)))
    (toggle,) = doc.xpath('//p[contains(@class, "verdict-jumps")]/button[@class="chips-toggle"]')
    assert toggle.text_content() == f"{MAX_OPEN_CHIPS + 3} findings"
    assert toggle.get("aria-expanded") == "false"
    (chips,) = doc.xpath(f'//span[@id="{toggle.get("aria-controls")}"]')
    assert chips.get("hidden") is not None
    assert len(chips.xpath(".//a")) == MAX_OPEN_CHIPS + 3


def test_ten_chips_stay_open() -> None:
    doc = lxml.html.document_fromstring(render_html(_findings_report(MAX_OPEN_CHIPS)))
    assert not doc.xpath('//button[@class="chips-toggle"]')
    assert len(doc.xpath('//p[contains(@class, "verdict-jumps")]//a')) == MAX_OPEN_CHIPS


def test_the_page_stays_deterministic_and_escaped(tmp_path: Path) -> None:
    report = _report(tmp_path)
    page = render_html(report)
    assert page == render_html(_report(tmp_path))
    assert "<script>var secret" not in page
    assert "never shown" not in page.split('id="citecheck-data"')[0]
