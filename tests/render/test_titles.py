"""Issue 12, item 1: a front-matter `title` names the article in the reports."""

from __future__ import annotations

import citecheck
from citecheck.render import format_report

ARTICLE = """---
title: "Harbour dredging starts | <b>early</b>"
date: 2025-03-02
---
The harbour authority began dredging the east channel on Monday [1].
"""
SOURCE = "The harbour authority said it will begin dredging the west channel in June."


def _report() -> citecheck.Report:
    return citecheck.verify(ARTICLE, {1: SOURCE}, article_name="content/posts/dredging.md")


def test_the_report_carries_the_front_matter_title() -> None:
    assert _report().title == "Harbour dredging starts | <b>early</b>"


def test_text_output_names_the_article_by_path_and_title() -> None:
    lines = format_report(_report(), "text").splitlines()
    assert lines[0] == "content/posts/dredging.md — Harbour dredging starts | <b>early</b>"
    assert lines[1].startswith("content/posts/dredging.md:5:1 ")  # locations stay paths


def test_markdown_output_names_the_article_by_its_title_escaped() -> None:
    out = format_report([_report()], "markdown")
    assert (
        "- content/posts/dredging.md: Harbour dredging starts \\| \\<b\\>early\\</b\\> (1 finding)"
        in out.splitlines()
    )


def test_html_report_title_and_heading_use_the_title() -> None:
    page = format_report(_report(), "html")
    expected = "Citation check: Harbour dredging starts | &lt;b&gt;early&lt;/b&gt;"
    assert f"<title>{expected}</title>" in page
    assert f"<h1>{expected}</h1>" in page
    assert '<p class="article-name">content/posts/dredging.md</p>' in page


def test_without_a_title_the_path_names_the_article() -> None:
    report = citecheck.verify("Prices rose [1].", {1: "Prices rose."}, article_name="a.md")
    assert report.title is None
    assert "<title>Citation check: a.md</title>" in format_report(report, "html")
    assert format_report(report, "text").splitlines()[0] != "a.md — "
