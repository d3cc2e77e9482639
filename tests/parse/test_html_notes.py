"""HTML footnotes and reference lists as generators write them: markers cite the notes' ids."""

from __future__ import annotations

from citecheck.parse import ParsedArticle
from tests.parse.util import parse

MEDIAWIKI = """<div class="mw-parser-output">
<p>The port handled 14.8 million containers.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1"><span class="cite-bracket">&#91;</span>1<span class="cite-bracket">&#93;</span></a></sup> Volumes rose 6%.<sup id="cite_ref-Smith2020_3-0" class="reference"><a href="#cite_note-Smith2020-3">[3]</a></sup></p>
<p>Rents rose too.<sup id="cite_ref-Smith2020_3-1" class="reference"><a href="#cite_note-Smith2020-3">[3]</a></sup></p>
<div class="reflist"><div class="mw-references-wrap"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> <span class="reference-text"><cite class="citation web"><a href="/wiki/Port_Authority" title="Port Authority">Port Authority</a>. <a rel="nofollow" class="external text" href="https://port.example/report-2024">"Annual report 2024"</a>.</cite></span></li>
<li id="cite_note-Smith2020-3"><span class="mw-cite-backlink">^ <a href="#cite_ref-Smith2020_3-0"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-Smith2020_3-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text">Smith, J. (2020). <a href="sources/smith.pdf">sources/other.txt</a>.</span></li>
</ol></div></div>
<p>After the notes.</p>
</div>
"""  # noqa: E501

PANDOC = """<p>The port handled 14.8 million containers.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> Volumes rose 6%.<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a></p>
<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes">
<hr />
<ol>
<li id="fn1"><p>Port Authority, <a href="https://port.example/r">annual report</a>.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
<li id="fn2"><p>First paragraph of the note.</p>
<p>See <a href="sources/volumes.csv">the data</a>.<a href="#fnref2" class="footnote-back" role="doc-backlink">↩︎</a></p></li>
</ol>
</section>
"""  # noqa: E501

HUGO = """<p>The port handled 14.8 million containers.<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup></p>
<div class="footnotes" role="doc-endnotes">
<hr>
<ol>
<li id="fn:1">
<p>Port Authority, <a href="https://port.example/r">report</a>.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
</li>
</ol>
</div>
"""  # noqa: E501

MARKDOWN_IT = """<p>The port handled 14.8 million containers.<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup></p>
<hr class="footnotes-sep">
<section class="footnotes">
<ol class="footnotes-list">
<li id="fn1" class="footnote-item"><p>Port Authority, <a href="https://port.example/r">report</a>. <a href="#fnref1" class="footnote-backref">↩︎</a></p>
</li>
</ol>
</section>
"""  # noqa: E501

KRAMDOWN = """<p>The port handled 14.8 million containers.<sup id="fnref:port" role="doc-noteref"><a href="#fn:port" class="footnote" rel="footnote">1</a></sup></p>
<div class="footnotes" role="doc-endnotes">
  <ol>
    <li id="fn:port" role="doc-endnote">
      <p>Port Authority, <a href="https://port.example/r">report</a>. <a href="#fnref:port" class="reversefootnote" role="doc-backlink">&#8617;</a></p>
    </li>
  </ol>
</div>
"""  # noqa: E501

PYTHON_MARKDOWN = """<p>The port handled 14.8 million containers.<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>
<div class="footnote">
<hr />
<ol>
<li id="fn:1">
<p>Port Authority, <a href="https://port.example/r">report</a>.&#160;<a class="footnote-backref" href="#fnref:1" title="Jump back to footnote 1 in the text">&#8617;</a></p>
</li>
</ol>
</div>
"""  # noqa: E501

CLAIM = "The port handled 14.8 million containers."


def claims(parsed: ParsedArticle) -> list[tuple[str, list[str]]]:
    return [(c.text, c.citations) for c in parsed.claims]


def test_mediawiki_markers_cite_their_notes() -> None:
    parsed = parse(MEDIAWIKI)
    assert parsed.format == "html"
    assert claims(parsed) == [
        (CLAIM, ["1"]),
        ("Volumes rose 6%.", ["3"]),
        ("Rents rose too.", ["3"]),
        ("After the notes.", []),
    ]
    first = parsed.claims[0].markers[0]
    assert MEDIAWIKI[first.start : first.end].startswith('<sup id="cite_ref-1" class="reference">')
    assert MEDIAWIKI[first.start : first.end].endswith("</a></sup>")
    assert sorted(parsed.references) == ["1", "3"]


def test_mediawiki_targets_skip_backlinks_and_wiki_pages() -> None:
    refs = parse(MEDIAWIKI).references
    one, three = refs["1"], refs["3"]
    assert one.target == "https://port.example/report-2024"
    assert one.text == 'Port Authority. "Annual report 2024".'
    assert three.target == "sources/smith.pdf"  # the href, not the text "sources/other.txt"
    assert three.text == "Smith, J. (2020). sources/other.txt."
    assert MEDIAWIKI[three.start : three.end].startswith("Smith, J. (2020).")


def test_mediawiki_notes_are_keyed_by_the_number_their_markers_show() -> None:
    # The named note is listed first (ordinal 1) and its anchor has no number: the marker says 7.
    article = (
        '<p>Rents rose.<sup class="reference"><a href="#cite_note-smith">[7]</a></sup></p>'
        '<ol class="references"><li id="cite_note-smith"><span class="mw-cite-backlink">'
        '<a href="#cite_ref-smith">^</a></span> <a href="https://x.example/s">Smith</a></li>'
        '<li id="cite_note-Lee-8"><a href="https://x.example/l">Lee</a></li></ol>'
    )
    parsed = parse(article)
    assert claims(parsed) == [("Rents rose.", ["7"])]
    assert {k: r.target for k, r in parsed.references.items()} == {
        "7": "https://x.example/s",
        "8": "https://x.example/l",
    }


def test_pandoc_footnotes() -> None:
    parsed = parse(PANDOC)
    assert claims(parsed) == [(CLAIM, ["1"]), ("Volumes rose 6%.", ["2"])]
    marker = parsed.claims[0].markers[0]
    assert (
        marker.text
        == '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>'
    )
    assert PANDOC[marker.start : marker.end] == marker.text
    refs = parsed.references
    assert refs["1"].target == "https://port.example/r"
    assert refs["1"].text == "Port Authority, annual report."  # no backlink arrow
    assert refs["2"].text == "First paragraph of the note. See the data."
    assert refs["2"].target == "sources/volumes.csv"


def test_hugo_goldmark_footnotes() -> None:
    parsed = parse(HUGO)
    assert claims(parsed) == [(CLAIM, ["1"])]
    assert parsed.claims[0].markers[0].text.startswith('<sup id="fnref:1">')
    assert parsed.references["1"].target == "https://port.example/r"
    assert parsed.references["1"].text == "Port Authority, report."


def test_markdown_it_footnotes() -> None:
    parsed = parse(MARKDOWN_IT)
    assert claims(parsed) == [(CLAIM, ["1"])]
    assert parsed.references["1"].target == "https://port.example/r"
    assert "↩" not in parsed.references["1"].text


def test_kramdown_named_footnote_is_keyed_by_its_number() -> None:
    parsed = parse(KRAMDOWN)
    assert claims(parsed) == [(CLAIM, ["1"])]
    assert list(parsed.references) == ["1"]
    assert parsed.references["1"].target == "https://port.example/r"


def test_python_markdown_footnotes() -> None:
    parsed = parse(PYTHON_MARKDOWN)
    assert claims(parsed) == [(CLAIM, ["1"])]
    assert parsed.references["1"].target == "https://port.example/r"


def test_aside_notes() -> None:
    article = (
        '<p>Wages rose.<a href="#fn1" role="doc-noteref"><sup>1</sup></a></p>'
        '<aside id="fn1" role="doc-footnote"><p>Ministry, '
        '<a href="sources/wages.txt">wages</a>.</p></aside>'
        '<aside class="footnotes" role="doc-endnotes"><ol><li id="fn2">Second, '
        '<a href="https://x.example/2">two</a>.</li></ol></aside><p>Prices fell.</p>'
    )
    parsed = parse(article)
    assert claims(parsed) == [("Wages rose.", ["1"]), ("Prices fell.", [])]
    assert {k: r.target for k, r in parsed.references.items()} == {
        "1": "sources/wages.txt",
        "2": "https://x.example/2",
    }


def test_notes_without_end_tags() -> None:
    article = (
        '<p>Wages rose.<sup><a href="#fn1">[1]</a></sup> Prices fell.<sup><a href="#fn2">[2]</a>'
        '</sup></p><section class="footnotes"><ol><li id="fn1">One, https://x.example/1'
        '<li id="fn2">Two, <a href="sources/two.txt">two</a></ol></section><p>After.</p>'
    )
    parsed = parse(article)
    assert claims(parsed) == [("Wages rose.", ["1"]), ("Prices fell.", ["2"]), ("After.", [])]
    assert {k: r.target for k, r in parsed.references.items()} == {
        "1": "https://x.example/1",
        "2": "sources/two.txt",
    }


def test_a_paragraph_note_ends_at_the_next_block() -> None:
    article = (
        '<p>Wages rose.<sup><a href="#fn1">[1]</a></sup>\n<p id="fn1">1. Ministry, '
        "https://x.example/w\n<p>Prices fell.\n"
    )
    parsed = parse(article)
    assert claims(parsed) == [("Wages rose.", ["1"]), ("Prices fell.", [])]
    assert parsed.references["1"].target == "https://x.example/w"


def test_in_page_links_with_numbers_are_not_markers() -> None:
    article = '<p>See chapter <a href="#ch3">3</a> and table <a href="#t2">2</a> of the report.</p>'
    parsed = parse(article)
    assert claims(parsed) == [("See chapter 3 and table 2 of the report.", [])]


def test_a_list_with_ids_that_no_marker_names_stays_claims() -> None:
    article = (
        '<p>Intro.</p><ol><li id="item1">Wages rose.</li><li id="item2">Prices fell.</li></ol>'
    )
    parsed = parse(article)
    assert claims(parsed) == [("Intro.", []), ("Wages rose.", []), ("Prices fell.", [])]
    assert parsed.references == {}
