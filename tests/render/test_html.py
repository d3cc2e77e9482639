"""The HTML report, read back with an HTML parser: structure, escaping, legend, counts."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement

import citecheck
from citecheck.render import RenderOptions
from citecheck.render import html as html_renderer
from citecheck.render.html import render, render_html
from citecheck.render.labels import LOOKS
from citecheck.render.textmarks import context_around, mark_terms, showable
from citecheck.report import Reason, Report, Status
from tests.render.reports import PIECES, SOURCE_1, make_report


def _parse(page: str) -> HtmlElement:
    return lxml.html.document_fromstring(page)


def _text_without_glyphs(element: HtmlElement) -> str:
    """The element's text as a reader sees it, minus the decorative status glyphs."""
    copy = lxml.html.fromstring(lxml.html.tostring(element, encoding="unicode", with_tail=False))
    for glyph in copy.find_class("glyph"):
        glyph.drop_tree()
    return str(copy.text_content())


def _data(doc: HtmlElement) -> dict[str, object]:
    (block,) = doc.xpath('//script[@id="citecheck-data"]')
    assert block.get("type") == "application/json"
    data = json.loads(block.text)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def report() -> Report:
    return make_report()


@pytest.fixture(scope="module")
def page(report: Report) -> str:
    return render_html(report)


@pytest.fixture(scope="module")
def doc(page: str) -> HtmlElement:
    return _parse(page)


def test_every_claim_is_a_focusable_highlight_with_its_status(
    report: Report, doc: HtmlElement
) -> None:
    highlights = doc.xpath('//div[@id="article"]//span[@data-claim]')
    assert [h.get("data-status") for h in highlights] == [s.value for _, s, _ in PIECES]
    for claim, element in zip(report.claims, highlights, strict=True):
        assert element.get("role") == "button"
        assert element.get("tabindex") == "0"
        assert f"st-{claim.status.value}" in element.get("class").split()
        label = element.get("aria-label")
        assert LOOKS[claim.status].label.lower() in label
        assert claim.text.replace("\n", " ") in label
        glyph = element.find_class("glyph")[0]
        assert glyph.text == LOOKS[claim.status].glyph
        assert glyph.get("aria-hidden") == "true"


def test_the_article_is_shown_as_written_with_paragraphs(report: Report, doc: HtmlElement) -> None:
    (article,) = doc.xpath('//div[@id="article"]')
    assert _text_without_glyphs(article) == showable(report.article_text)
    assert "\n\n" in _text_without_glyphs(article)


def test_markers_are_marked_inside_their_claim(doc: HtmlElement) -> None:
    markers = [m.text for m in doc.xpath('//span[@data-claim]//span[@class="marker"]')]
    assert markers == ["[1]", "[1]", "[2]", "[3]"]


def test_hostile_article_text_is_inert_text(page: str, doc: HtmlElement) -> None:
    scripts = doc.xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/json", None]
    assert "window.__pwned" not in scripts[1].text
    assert not doc.xpath("//img")
    assert not [e for e in doc.iter() if any(a.startswith("on") for a in e.attrib)]
    assert "&lt;script&gt;window.__pwned = 1;" in page
    assert "\x00" not in page
    assert "\u2400" in page  # NUL shown as a visible symbol
    assert "🧪" in page
    assert "\u202eevil\u202c" in page  # kept, but isolated by CSS (unicode-bidi)


def test_json_data_cannot_break_out_of_its_script_block(page: str, report: Report) -> None:
    block = page.split('<script type="application/json" id="citecheck-data">', 1)[1]
    raw = block.split("</script>", 1)[0]
    assert not set(raw) & {"<", ">", "&", "\u2028", "\u2029"}
    data = json.loads(raw)
    assert [c["status"] for c in data["claims"]] == [c.status.value for c in report.claims]
    partial = data["claims"][2]
    assert partial["reasons"] == ["the source does not mention pensions <or> a treaty"]
    assert partial["missing"] == ["treaty", "pensions"]


def test_line_separators_in_data_are_escaped() -> None:
    report = make_report()
    claims = list(report.claims)
    odd = Reason(code="test_note", message="split\u2028here\u2029too </script><!--")
    claims[3] = claims[3].model_copy(update={"details": (*claims[3].details, odd)})
    page = render_html(report.with_claims(claims))
    raw = page.split('id="citecheck-data">', 1)[1].split("</script>", 1)[0]
    assert "\\u2028" in raw
    assert "\\u2029" in raw
    assert json.loads(raw)["claims"][3]["reasons"][-1] == "split\u2028here\u2029too </script><!--"


def test_content_security_policy_allows_only_the_inline_assets(doc: HtmlElement) -> None:
    (meta,) = doc.xpath('//meta[@http-equiv="Content-Security-Policy"]')
    policy = {part.split()[0]: part.split()[1:] for part in meta.get("content").split(";")}
    assert policy["default-src"] == ["'none'"]
    (style,) = doc.xpath("//style")
    (script,) = doc.xpath("//script[not(@type)]")
    for directive, element in (("style-src", style), ("script-src", script)):
        digest = hashlib.sha256(element.text.encode("utf-8")).digest()
        assert policy[directive] == [f"'sha256-{base64.b64encode(digest).decode()}'"]
    head = doc.find("head")
    assert list(head).index(meta) < list(head).index(style)


def test_nothing_is_loaded_from_the_network(doc: HtmlElement) -> None:
    assert not doc.xpath("//link | //script[@src] | //img | //iframe | //object")
    assert not doc.xpath("//*[@style]")


def test_legend_shows_every_status_with_distinct_cues(doc: HtmlElement) -> None:
    items = doc.xpath('//section[@class="legend"]//li')
    assert [i.get("data-status") for i in items] == [s.value for s in Status]
    glyphs = [i.find_class("glyph")[0].text for i in items]
    assert len(set(glyphs)) == len(Status)
    lines = [(look.underline, look.lines) for look in LOOKS.values()]
    assert len(set(lines)) == len(Status)
    css = doc.xpath("//style")[0].text
    for status, look in LOOKS.items():
        rule = re.search(r"\.st-" + status.value + r" \{([^}]*)\}", css)
        assert rule is not None
        assert f"--line: {look.underline};" in rule.group(1)
        if look.lines != "underline":
            assert f"--lines: {look.lines};" in rule.group(1)


def test_chart_counts_match_the_summary(report: Report, doc: HtmlElement) -> None:
    rows = doc.xpath('//svg[@class="counts"]/*[@data-status]')
    assert {r.get("data-status"): int(r.get("data-count")) for r in rows} == {
        s.value: report.summary.count(s) for s in Status
    }
    for row in rows:
        texts = [t.text_content() for t in row.iter("{*}text", "text")]
        assert texts[-1] == row.get("data-count")


def test_bar_lengths_follow_the_counts() -> None:
    report = make_report()
    first = report.claims[0]
    statuses = [Status.SUPPORTED] * 4 + [Status.UNCITED] * 2 + [Status.UNSUPPORTED]
    claims = [first.model_copy(update={"index": i, "status": s}) for i, s in enumerate(statuses)]
    report = report.with_claims(claims)
    assert report.summary.supported == 4
    doc = _parse(render_html(report))
    widths = {
        row.get("data-status"): float(row.xpath(".//*[local-name()='rect']")[0].get("width"))
        for row in doc.xpath('//svg[@class="counts"]/*[@data-status]')
    }
    assert widths["supported"] > widths["uncited"] > widths["unsupported"] > widths["partial"]
    assert widths["partial"] == 0
    assert widths["uncited"] == pytest.approx(widths["supported"] / 2)


def test_verdict_says_whether_ci_would_pass(report: Report, doc: HtmlElement) -> None:
    (verdict,) = doc.xpath('//section[contains(@class, "verdict")]')
    assert verdict.get("data-ok") == "false"
    text = verdict.text_content()
    assert "Fails: 3 claims fail" in text
    for status in report.fail_on:
        assert LOOKS[status].label.lower() in text

    passing = make_report()
    claims = [c for c in passing.claims if c.status is not Status.UNSUPPORTED]
    passing = Report.model_validate({**dict(passing), "fail_on": ["unsupported"], "claims": claims})
    verdict = _parse(render_html(passing)).xpath('//section[contains(@class, "verdict")]')[0]
    assert verdict.get("data-ok") == "true"
    assert "Passes" in verdict.text_content()


def test_verdict_links_to_every_finding(report: Report, doc: HtmlElement) -> None:
    links = doc.xpath('//p[contains(@class, "verdict-jumps")]/a')
    expected = [c.index for c in report.claims if c.status not in (Status.SUPPORTED, Status.EXEMPT)]
    assert [a.get("href") for a in links] == [f"#claim-{i}" for i in expected]
    assert "unsupported" in links[1].text_content()


def test_every_internal_link_has_a_target(doc: HtmlElement) -> None:
    ids = {e.get("id") for e in doc.iter() if e.get("id")}
    hrefs = [a.get("href") for a in doc.iter("a") if a.get("href", "").startswith("#")]
    assert hrefs
    assert {h[1:] for h in hrefs} <= ids
    for name in ("aria-controls", "aria-labelledby", "aria-describedby"):
        for element in doc.xpath(f"//*[@{name}]"):
            assert set(element.get(name).split()) <= ids


def test_sources_list_origins_titles_links_and_errors(doc: HtmlElement) -> None:
    items = doc.xpath('//ul[@class="source-list"]/li')
    assert [i.get("data-source") for i in items] == ["1", "2", "3"]
    link = items[0].xpath(".//a[@class='origin']")[0]
    assert link.get("href") == "https://example.org/ilo?a=1&b=<2>"
    assert link.get("rel") == "noopener noreferrer"
    assert items[0].find_class("source-title")[0].text == 'ILO "press" note'
    assert items[1].xpath(".//code[@class='origin']")[0].text == "sources/ministry.txt"
    assert "connection refused" in items[2].find_class("source-error")[0].text_content()
    assert not items[1].find_class("source-error")


def test_evidence_is_shown_in_the_context_of_its_source(doc: HtmlElement) -> None:
    (detail,) = doc.xpath('//article[@class="detail st-supported"]')
    (context,) = detail.find_class("context")
    quote = context.find_class("quote")[0].text_content()
    assert (
        quote == "The International Labour Organization met in Geneva on Friday to discuss wages."
    )
    assert context.text_content().startswith("Opening remarks were brief. ")
    assert context.text_content().endswith(
        "Delegates approved a convention on platform work after long talks. "
        "Closing remarks followed."
    )
    terms = [t.text for t in context.xpath('.//mark[@class="term"]')]
    assert terms == ["met", "Geneva", "Friday"]


def test_matched_terms_mark_longer_word_forms(doc: HtmlElement) -> None:
    (detail,) = doc.xpath('//article[@class="detail st-partial"]')
    terms = [t.text for t in detail.xpath('.//mark[@class="term"]')]
    assert terms == ["Delegates", "approved", "work"]
    assert [m.text for m in detail.find_class("term-missing")] == ["treaty", "pensions"]
    claim = detail.find_class("detail-claim")[0]
    assert [m.text for m in claim.xpath('.//mark[@class="miss"]')] == ["treaty", "pensions"]
    assert claim.text_content() == "Delegates approved a treaty on gig work and pensions [1]."


def test_the_printable_list_skips_exempt_claims(report: Report, doc: HtmlElement) -> None:
    details = doc.xpath('//section[@class="appendix"]/article')
    expected = [c.index for c in report.claims if c.status is not Status.EXEMPT]
    assert [int(d.get("data-claim")) for d in details] == expected


def test_title_is_escaped_and_can_be_chosen(report: Report) -> None:
    doc = _parse(render_html(report, title="Check <b>me</b> & co"))
    assert doc.find(".//title").text == "Check <b>me</b> & co"
    assert doc.find(".//h1").text == "Check <b>me</b> & co"
    assert not doc.xpath("//h1/b")
    assert _parse(render_html(report)).find(".//title").text == "Citation check: news/<wages>.md"


def test_output_is_deterministic_and_format_report_is_the_renderer(report: Report) -> None:
    first = render_html(report)
    assert render_html(make_report()) == first
    assert citecheck.format_report(report, "html") == first
    assert render([report], RenderOptions()) == first


def test_output_does_not_depend_on_hash_seeds(page: str) -> None:
    program = (
        "import sys; from tests.render.reports import make_report; "
        "from citecheck.render.html import render_html; "
        "sys.stdout.buffer.write(render_html(make_report()).encode('utf-8'))"
    )
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"  # differs from ours
    other = subprocess.run(
        [sys.executable, "-c", program],
        env={**os.environ, "PYTHONHASHSEED": seed},
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout
    assert other == page.encode("utf-8")


def test_verify_report_renders_its_statuses() -> None:
    article = (
        "The International Labour Organization met in Geneva on Friday to discuss wages [1].\n\n"
        "The ministry said unemployment fell to 3 percent last year."
    )
    sources = {1: "The International Labour Organization met in Geneva on Friday to discuss wages."}
    report = citecheck.verify(article, sources)
    doc = _parse(render_html(report))
    statuses = [h.get("data-status") for h in doc.xpath("//span[@data-claim]")]
    assert statuses == [c.status.value for c in report.claims]
    assert statuses[0] == "supported"
    assert statuses[-1] == "uncited"
    assert render_html(report) == render_html(citecheck.verify(article, sources))


@pytest.mark.parametrize(
    "article",
    [
        "# Wages\n\nThe ILO met in **Geneva** on [Friday](https://x.test) [1].\n\n"
        "- Unemployment fell to 3 percent last year.\n",
        "<h1>Wages</h1>\n<p>The ILO met in <b>Geneva</b> on Friday [1].</p>\n"
        "<p>Unemployment fell to 3 percent last year &amp; more.</p>\n",
    ],
    ids=["markdown", "html"],
)
def test_markup_articles_are_shown_as_written(article: str) -> None:
    """Markdown as written; HTML as a reader sees it (issue 12), never as live markup."""
    report = citecheck.verify(article, {1: "The ILO met in Geneva on Friday."})
    doc = _parse(render_html(report))
    (div,) = doc.xpath('//div[@id="article"]')
    shown = report.display.text if report.display is not None else article
    assert (report.display is not None) == article.startswith("<h1>")
    assert _text_without_glyphs(div) == shown
    assert not div.xpath(".//b | .//h1 | .//a | .//p")  # the markup is text, not elements
    spans = (
        [(d.start, d.end) for d in report.display.claims]
        if report.display is not None
        else [(c.start, c.end) for c in report.claims]
    )
    for (start, end), element in zip(spans, div.xpath(".//span[@data-claim]"), strict=True):
        assert _text_without_glyphs(element) == shown[start:end]


def test_empty_report_renders() -> None:
    report = Report(article_chars=0, claims=[], sources=[], article_text="")
    doc = _parse(render_html(report))
    assert doc.xpath('//section[contains(@class, "verdict")]')[0].get("data-ok") == "true"
    assert "No sources were given" in doc.text_content()


def test_overlapping_or_out_of_range_spans_do_not_break_the_article() -> None:
    report = make_report()
    claims = list(report.claims)
    claims[2] = claims[2].model_copy(update={"start": claims[1].start + 3})  # overlaps claim 1
    claims[5] = claims[5].model_copy(update={"end": 10**6})  # past the end
    report = report.with_claims(claims)
    doc = _parse(render_html(report))
    (article,) = doc.xpath('//div[@id="article"]')
    assert _text_without_glyphs(article) == showable(report.article_text)


def test_a_report_read_back_from_json_renders_the_same_page(report: Report) -> None:
    loaded = Report.model_validate_json(report.model_dump_json())
    assert loaded == report
    assert render_html(loaded) == render_html(report)


def test_a_report_without_its_article_text_is_a_clear_error(report: Report) -> None:
    bare = report.model_copy(update={"article_text": None})
    with pytest.raises(citecheck.InvalidOptionsError, match="article text"):
        render_html(bare)


def test_missing_source_text_still_shows_the_quote() -> None:
    report = make_report().model_copy(update={"source_texts": {}})
    doc = _parse(render_html(report))
    (context,) = doc.xpath('//article[@class="detail st-supported"]')[0].find_class("context")
    assert context.text_content() == context.find_class("quote")[0].text_content()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_article_text_stays_text(article: str) -> None:
    report = Report(article_chars=len(article), claims=[], sources=[], article_text=article)
    page = render_html(report)
    page.encode("utf-8")  # no lone surrogates left
    doc = _parse(page)
    assert len(doc.xpath("//script")) == 2
    (div,) = doc.xpath('//div[@id="article"]')
    assert div.text_content() == showable(article).replace("\r\n", "\n").replace("\r", "\n")


def test_showable_replaces_one_for_one() -> None:
    text = "a\x00b\x1b\x7f\ud800\tc\n🧪"
    shown = showable(text)
    assert len(shown) == len(text)
    assert shown == "a\u2400b\u241b\u2421\ufffd\tc\n🧪"


def test_mark_terms_splits_and_keeps_the_text() -> None:
    parts = mark_terms("Met in GENEVA; meeting-goers met.", ["met", "geneva", "meet"])
    assert "".join(p for p, _ in parts) == "Met in GENEVA; meeting-goers met."
    assert [p for p, hit in parts if hit] == ["Met", "GENEVA", "meeting", "met"]
    assert mark_terms("abc", []) == [("abc", False)]
    assert mark_terms("", ["x"]) == []


def test_context_is_cut_at_words_with_ellipses() -> None:
    start = SOURCE_1.index("Delegates")
    end = SOURCE_1.index("talks.") + len("talks.")
    before, after = context_around(SOURCE_1, start, end, 30)
    assert before.startswith("…")
    assert SOURCE_1[:start].endswith(before[1:])
    assert after == " Closing remarks followed."
    assert context_around(SOURCE_1, 0, 5, 3)[0] == ""


def test_renderer_assets_are_package_data() -> None:
    assert "@media print" in html_renderer._asset("report.css")
    assert "textContent" in html_renderer._asset("report.js")
    assert "innerHTML" not in html_renderer._asset("report.js")
