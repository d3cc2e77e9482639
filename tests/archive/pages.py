"""Reports for the archive-page tests, made by citecheck itself from small articles."""

from __future__ import annotations

from pathlib import Path

import citecheck
from citecheck.report import Report

WIRE = "The port handled 12 million containers in 2023. The mayor opened the new terminal."
EVIL = "<img src=x onerror=\"window.__pwned = 1; document.title = 'pwned'\">"


def archive_reports() -> list[Report]:
    """Three articles: two findings against the wire, one clean, one with a lost source."""
    wrong = citecheck.verify(
        "The port handled 15 million containers in 2024 [1]. "
        "The mayor closed the old terminal [1]. Rents fell sharply [3].",
        {1: WIRE},
        article_name="desk/wrong-figures.md",
    )
    clean = citecheck.verify(
        "The mayor opened the new terminal [1].", {1: WIRE}, article_name="desk/clean.md"
    )
    lost = citecheck.verify(
        "The mayor resigned on Friday [1].",
        {1: Path("/nonexistent/wire-9.txt")},
        article_name=f"desk/{EVIL}.md",
    )
    return [clean, wrong, lost]
