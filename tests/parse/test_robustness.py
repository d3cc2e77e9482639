"""Hostile input for the parser: linear time, offsets in bounds, no exception escapes."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citecheck
from citecheck import CitecheckError
from citecheck.parse import ParsedArticle
from tests.parse.util import check, words_in_order

N = 100_000

HOSTILE = {
    # Format detection once scanned each run of blank lines from every line in it.
    "blank-run-then-table": "\n" * N + " " * N + "| a | b |",
    "spaced-blank-run": " \n" * N + "x.",
    "unclosed-front-matter": "---\n" + "key: value\n" * N,
    "front-matter-then-fences": "---\n---\n" * N,
    "toml-fences": "+++\n" * N,
    "blank-lines-then-fence": "\n" * N + "---\ntitle: x\n",
    "alerts": "> [!NOTE]\n" * N,
    "ignores": "<!-- citecheck: ignore -->\n" * (N // 10) + "A claim.",
    "ignores-and-blank-lines": "<!-- citecheck: ignore -->\n\n" * (N // 10) + "A claim.",
    "offs": "<!-- citecheck: off -->" * (N // 10),
    "note-refs": '<p>x<a href="#fn1" class="footnote-ref"><sup>1</sup></a>' * (N // 50),
    "notes": '<section class="footnotes"><ol>'
    + '<li id="fn1">x <a href="#fnref1" class="footnote-back">r</a>' * (N // 50),
    "nested-notes-lists": '<div class="footnotes">' * (N // 25) + "<ol><li>x" * (N // 10),
    "note-in-note": '<li role="doc-endnote" id="fn1">' * (N // 30) + "x." + "</li>" * (N // 30),
    "backlink-wrappers": '<p>a<span class="mw-cite-backlink">' * (N // 40) + "b.",
    "doi-entries": "References\n" + "[1] doi doi: doi.org/10.1/ " * (N // 25),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_shapes_parse_with_exact_offsets(name: str) -> None:
    # Their timing (linear; the quadratic shapes once took minutes) is measured by
    # benchmarks/hostile_parse.py, never asserted here.
    article = HOSTILE[name]
    check(article, citecheck.parse(article))


# Any mix of the constructs these parser items added: offsets stay exact, nothing escapes.
PIECES = [
    "---", "---\n", "+++", "+++\n", "...\n", "title: x\n", 'title = "x"\n', "\ufeff", "\n",
    "\n\n", "\r\n", " ", "> ", "> [!NOTE]\n", "[!TIP]", "> [!warning]", "[!",
    "<!-- citecheck: ignore -->",
    "<!-- citecheck: ignore why -->", "<!-- citecheck: off -->", "<!-- citecheck: on -->", "<!--",
    "-->", "<p>", "</p>", "<sup>1</sup>",
    '<sup class="reference"><a href="#cite_note-1">[1]</a></sup>',
    '<a href="#fn1" class="footnote-ref" role="doc-noteref"><sup>1</sup></a>',
    '<sup id="fnref:1"><a href="#fn:1" class="footnote-ref">1</a></sup>',
    '<section class="footnotes" role="doc-endnotes">', "</section>", '<ol class="references">',
    "<ol>", "</ol>", '<li id="fn1">', '<li id="cite_note-x-2">', "<li>", "</li>",
    '<span class="mw-cite-backlink">', "</span>", '<a href="#fnref1" class="footnote-back">',
    "</a>", '<a href="sources/a.txt">', '<aside role="doc-footnote" id="fn1">', "</aside>",
    "[^1]", "[^1]: ", "[1]", "1. ", "References\n", "doi:10.1234/x.y", "https://doi.org/10.1/z",
    "[a](sources/b.pdf)", "[t](#top)", "Wages rose", ". ", "x_(y)", "**",
]  # fmt: skip

articles = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map(
    "".join
)


def _words_in(span: str, text: str) -> bool:
    """`text`'s words in order in `span`, read raw or as a browser shows it (tags dropped)."""
    shown = html.unescape(_TAG.sub("", span)).replace("\xa0", " ")
    return words_in_order(span, text) or words_in_order(shown, text)


_TAG = re.compile(r"</?[A-Za-z][^>]{0,500}>")


def _check(article: str, parsed: ParsedArticle) -> None:
    """`check`, except that in HTML words may also be looked for in the span without tags.

    Inline tags join words as a browser does (`ab</span>cd` reads "abcd"), so the raw
    span need not hold the claim's words.
    """
    if parsed.format != "html":
        check(article, parsed)
        return
    previous_end = 0
    for i, claim in enumerate(parsed.claims):
        assert claim.index == i
        assert previous_end <= claim.start < claim.end <= len(article)
        previous_end = claim.end
        assert _words_in(article[claim.start : claim.end], claim.text), claim
        for marker in claim.markers:
            assert article[marker.start : marker.end] == marker.text
            assert claim.start <= marker.start < marker.end <= claim.end
    for ref in parsed.references.values():
        assert 0 <= ref.start < ref.end <= len(article)
        assert _words_in(article[ref.start : ref.end], ref.text), ref


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles, st.sampled_from(["auto", "text", "markdown", "html"]))
def test_new_constructs_keep_the_offset_contract(article: str, fmt: str) -> None:
    try:
        parsed = citecheck.parse(article, format=fmt)
    except CitecheckError:
        return
    _check(article, parsed)
    assert parsed.title is None or (parsed.title.strip() and "\n" not in parsed.title)
    previous = -1
    for unused in parsed.unused_suppressions:
        assert 0 <= unused.start < unused.end <= len(article)
        assert article[unused.start : unused.end].startswith("<!--")
        assert unused.start > previous
        previous = unused.start
        assert (
            unused.line
            == article.count("\n", 0, unused.start)
            + article.count("\r", 0, unused.start)
            - article.count("\r\n", 0, unused.start)
            + 1
        )
    for ref in parsed.references.values():
        assert ref.target is None or (ref.target and not ref.target.startswith("#"))
    assert citecheck.parse(article, format=fmt) == parsed  # deterministic
