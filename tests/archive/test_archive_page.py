"""The archive page as HTML: totals, order, sources, failures, escaping, determinism."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

import citecheck
from citecheck.render.archive import render_archive, tally_sources
from citecheck.report import Report

from .pages import archive_reports


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return archive_reports()


@pytest.fixture(scope="module")
def page(reports: list[Report]) -> str:
    return render_archive(reports, failures=[("desk/binary.md", "not a text file")])


def test_the_page_is_deterministic_and_is_the_html_format_for_several(
    reports: list[Report], page: str
) -> None:
    assert render_archive(reports, failures=[("desk/binary.md", "not a text file")]) == page
    assert citecheck.format_report(reports, "html") == render_archive(reports)
    single = citecheck.format_report(reports[0], "html")
    assert "Citation audit" not in single  # one article keeps the single report


def test_totals_and_chart_count_every_claim(reports: list[Report], page: str) -> None:
    for status in ("supported", "contradicted", "unsupported", "unknown_source"):
        expected = sum(r.summary.count(citecheck.Status(status)) for r in reports)
        assert f'<tr class="st-{status}" data-status="{status}">' in page
        assert f'data-status="{status}" data-count="{expected}"' in page  # the chart's bar
    assert page.count('<g class="bar-row') == len(citecheck.Status)
    assert "✗ 2 of 3 articles fail the check" in page
    assert "1 article was not checked (see below)" in page


def test_articles_are_sorted_by_findings_and_link_to_their_sections(
    reports: list[Report], page: str
) -> None:
    table = page[page.index('<table class="article-table">') :]
    table = table[: table.index("</table>")]
    findings = [int(n) for n in re.findall(r'data-findings="(\d+)"', table)]
    assert findings == sorted(findings, reverse=True)
    assert findings[0] == len(reports[1].findings()) >= 2
    links = re.findall(r'<a href="#(article-\d+)">', table)
    assert links[0] == "article-2"  # desk/wrong-figures.md, given second
    for anchor in links:
        assert f'id="{anchor}"' in page


def test_sources_that_fail_most(reports: list[Report], page: str) -> None:
    tallies = tally_sources(reports)
    assert tallies[0].label.startswith("inline text (")
    wrong = reports[1]
    # the wire's figures are changed in the claims citing it
    assert tallies[0].contradicted == wrong.summary.contradicted >= 1
    assert tallies[0].failing >= tallies[0].contradicted
    assert tallies[0].claims == 3  # two claims of one article, one of another
    assert tallies[0].articles == {0, 1}  # the same wire text in two articles: one source
    lost = next(t for t in tallies if t.label == "/nonexistent/wire-9.txt")
    assert lost.load_errors == 1
    assert "no such file" in (lost.error or "")
    section = page[page.index('id="sources-title"') :]
    assert "/nonexistent/wire-9.txt" in section[: section.index("</section>")]


def test_failures_and_text_are_escaped_under_a_strict_policy(page: str) -> None:
    assert "desk/binary.md" in page
    assert "not a text file" in page
    assert "<img" not in page
    assert "&lt;img src=x onerror=" in page
    assert "<script" not in page
    css = page[page.index("<style>") + 7 : page.index("</style>")]
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert f"default-src 'none'; style-src 'sha256-{digest}'" in page
