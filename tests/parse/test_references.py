"""Reference targets: a link's href wins over its text; `doi` entries name a DOI."""

from __future__ import annotations

import pytest

from tests.parse.util import parse, texts


def refs_md(entries: str) -> dict[str, tuple[str | None, str | None]]:
    article = "Wages rose [1]. Prices fell [2].\n\n## References\n\n" + entries
    parsed = parse(article, format="markdown")
    return {k: (r.target, r.url) for k, r in parsed.references.items()}


# Item 5: footnote and entry links use their href, not their text. ---------------------------


@pytest.mark.parametrize(
    "entry",
    [
        "[^1]: [Report of the ministry](sources/report.pdf)",
        "[^1]: [sources/other.txt](sources/report.pdf)",
        "[^1]: [https://example.com/elsewhere](sources/report.pdf)",
        "[^1]: [see above](#top), then the [report](sources/report.pdf).",
        '[^1]: The [report](sources/report.pdf "Ministry report"), mirrored as notes.txt',
    ],
)
def test_markdown_footnote_targets_its_href(entry: str) -> None:
    article = f"Wages rose [^1].\n\n{entry}\n"
    parsed = parse(article, format="markdown")
    assert parsed.references["1"].target == "sources/report.pdf"
    assert parsed.claims[0].citations == ["1"]


def test_markdown_list_entry_targets_its_href_and_keeps_its_url() -> None:
    refs = refs_md(
        "1. [Ministry data, sources/wages.txt](sources/report.pdf)\n"
        "2. [Bank of Korea report](https://bok.or.kr/report) (also at https://mirror.example/r)\n"
    )
    assert refs["1"] == ("sources/report.pdf", None)
    assert refs["2"] == ("https://bok.or.kr/report", "https://bok.or.kr/report")


@pytest.mark.parametrize(
    ("li", "target"),
    [
        ('<a href="sources/report.pdf">the report</a>', "sources/report.pdf"),
        ('<a href="sources/report.pdf">sources/other.txt</a>', "sources/report.pdf"),
        ('<a href="sources/report.pdf">https://example.com/x</a>', "sources/report.pdf"),
        (
            '<a href="#cite_ref-1">^</a> <a href="sources/report.pdf">report</a>',
            "sources/report.pdf",
        ),
        (
            '<a href="/wiki/Jane_Smith">Smith</a> (2020). <a href="https://x.org/r">R</a>',
            "https://x.org/r",
        ),
        ('<a href="mailto:desk@example.com">desk</a>, <a href="data/r.csv">data</a>', "data/r.csv"),
        ('<a href="//example.org/r">Report</a>', "https://example.org/r"),
        ('<a href="sources/report.html#p3">Report</a>', "sources/report.html"),
        ('<a href="#top">Back to top</a>', None),
    ],
)
def test_html_entry_targets_its_first_external_href(li: str, target: str | None) -> None:
    article = f"<p>Wages rose [1].</p><h2>Sources</h2><ol><li>{li}</li></ol>"
    parsed = parse(article, format="html")
    assert parsed.references["1"].target == target
    assert texts(parsed) == ["Wages rose.", "Sources"]


def test_in_page_links_are_never_targets_even_alone() -> None:
    parsed = parse("Wages rose [^1].\n\n[^1]: As [noted above](#method).\n", format="markdown")
    assert parsed.references["1"].target is None


def test_a_bare_url_keeps_its_underscores_and_balanced_parentheses() -> None:
    refs = refs_md("1. Wiki, https://en.wikipedia.org/wiki/Foo_(bar).\n2. https://x.org/a_/b\n")
    assert refs["1"][0] == "https://en.wikipedia.org/wiki/Foo_(bar)"
    assert refs["2"][0] == "https://x.org/a_/b"


# Item 6: `doi:` entries. ----------------------------------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        "Smith, J. (2020). Title. doi:10.1234/abc.567",
        "Smith, J. (2020). Title. doi:10.1234/abc.567.",
        "Smith, J. (2020). Title. DOI: 10.1234/abc.567",
        "Smith, J. (2020). Title. doi 10.1234/abc.567, p. 4.",
        "Smith, J. (2020). Title. https://doi.org/10.1234/abc.567",
        "Smith, J. (2020). Title. http://dx.doi.org/10.1234/abc.567.",
        "Smith, J. (2020). Title. doi.org/10.1234/abc.567",
        "Smith, J. (2020). [Title](https://doi.org/10.1234/abc.567).",
        "Smith, J. (2020). Title (doi:10.1234/abc.567).",
    ],
)
def test_doi_entries_in_a_numbered_list(entry: str) -> None:
    article = f"Wages rose [1].\n\n## References\n\n1. {entry}\n"
    parsed = parse(article, format="markdown")
    assert parsed.references["1"].target == "doi:10.1234/abc.567"
    assert texts(parsed) == ["Wages rose.", "References"]


def test_doi_entries_in_plain_text() -> None:
    article = (
        "Wages rose [1]. Prices fell [2].\n\nReferences\n"
        "[1] Smith, J. (2020). Wages. doi:10.1234/abc.567\n"
        "[2] Lee, K. Prices. Journal 4(2). doi:10.5555/(SICI)12-34\n"
    )
    parsed = parse(article, format="text")
    assert parsed.references["1"].target == "doi:10.1234/abc.567"
    assert parsed.references["2"].target == "doi:10.5555/(SICI)12-34"
    one = parsed.references["1"]
    assert article[one.start : one.end] == "Smith, J. (2020). Wages. doi:10.1234/abc.567"


def test_a_url_before_the_doi_wins() -> None:
    refs = refs_md("1. Smith (2020). https://journal.example/a1, doi:10.1234/abc\n")
    assert refs["1"] == ("https://journal.example/a1", "https://journal.example/a1")


def test_doi_like_text_without_doi_is_not_a_target() -> None:
    refs = refs_md("1. Smith (2020). Table 10.1234/5 of the yearbook.\n")
    assert refs["1"][0] is None
