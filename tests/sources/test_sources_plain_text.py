"""Issue 12, item 5: plain-text sources lose their page furniture and name their title."""

from __future__ import annotations

from pathlib import Path

import pytest

import citecheck
from citecheck.lang import get_language
from citecheck.render import format_report
from citecheck.sources.load import load_source
from citecheck.sources.plain_text import main_text

SCRAPED = """TITLE: Port of Halvermund annual report 2024

Skip to content
Home | News | Business | Port | Jobs
Menu
Search

We use cookies to improve your experience. By continuing you accept our cookie policy.
Accept all

The Port of Halvermund handled 15.3 million tonnes of cargo in 2024, a record.
Container volumes rose 6 percent, the port authority said.

Share this article
Advertisement
Related articles
Port news | Record volumes | Container traffic | Halvermund jobs
© 2025 Halvermund Port Authority. All rights reserved.
"""
BODY = (
    "The Port of Halvermund handled 15.3 million tonnes of cargo in 2024, a record.\n"
    "Container volumes rose 6 percent, the port authority said."
)
WORDS = get_language("en").boilerplate


def test_a_scraped_text_page_keeps_its_sentences_and_names_its_title(tmp_path: Path) -> None:
    page = tmp_path / "report.txt"
    page.write_text(SCRAPED, encoding="utf-8")
    source = load_source(page, id="1")
    assert source.title == "Port of Halvermund annual report 2024"
    assert source.text == BODY


def test_evidence_comes_from_the_sentences_not_the_menus(tmp_path: Path) -> None:
    page = tmp_path / "report.txt"
    page.write_text(SCRAPED, encoding="utf-8")
    report = citecheck.verify(
        "Halvermund posted record port volumes [1]. The site uses cookies [1].", {1: page}
    )
    record, cookies = report.claims
    assert all("|" not in e.quote for e in record.evidence)
    assert cookies.status is not citecheck.Status.SUPPORTED  # the cookie notice is not evidence
    assert report.sources[0].title == "Port of Halvermund annual report 2024"


def test_the_title_is_shown_in_the_text_report(tmp_path: Path) -> None:
    page = tmp_path / "report.txt"
    page.write_text(SCRAPED, encoding="utf-8")
    report = citecheck.verify(
        "The port handled 14.8 million tonnes of cargo in 2024 [1].", {1: page}
    )
    out = format_report(report, "text")
    assert "source 1 (Port of Halvermund annual report 2024): " in out


def test_the_html_title_names_an_html_source(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(
        "<html><head><title>Harbour board minutes</title></head><body><article>"
        "<p>The harbour board approved dredging of the east channel on Monday.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    assert load_source(page).title == "Harbour board minutes"


@pytest.mark.parametrize(
    "text",
    [
        "Home | News | Sport\n",  # nothing but furniture: kept rather than lost
        "Prices rose 4 percent in March.\nWages rose 2 percent.\n",  # nothing to drop
    ],
)
def test_a_text_is_never_emptied_and_clean_text_is_untouched(text: str) -> None:
    result = main_text(text, WORDS)
    assert result.text == text
    assert result.dropped == 0


def test_sentences_that_mention_cookies_or_menus_in_prose_stay() -> None:
    text = (
        "The bakery sold 4,000 cookies at the fair, its owner said.\n"
        "The menu changes every season, the chef said.\n"
    )
    assert main_text(text, WORDS).text == text


def test_title_only_counts_at_the_top() -> None:
    body = "\n".join(f"Line {n} of the report says something." for n in range(12))
    result = main_text(body + "\nTITLE: Not a title\n", WORDS)
    assert result.title is None
