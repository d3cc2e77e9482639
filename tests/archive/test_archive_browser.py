"""The archive page in a real headless Chromium (Debian's `chromium` + `chromium-driver`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from citecheck import Status
from citecheck.render.archive import render_archive
from tests.browser import headless_chromium, skip_without_chromium

from .pages import archive_reports

pytestmark = pytest.mark.browser

skip_without_chromium()

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402


@pytest.fixture(scope="module")
def driver() -> Iterator[WebDriver]:
    with headless_chromium() as chrome:
        yield chrome


@pytest.fixture
def opened(driver: WebDriver, tmp_path: Path) -> WebDriver:
    page = tmp_path / "audit.html"
    page.write_text(
        render_archive(archive_reports(), failures=[("desk/binary.md", "not a text file")]),
        encoding="utf-8",
    )
    driver.get_log("browser")  # drop messages from earlier pages
    driver.get(page.as_uri())
    return driver


def test_the_page_is_styled_and_nothing_is_blocked_or_run(opened: WebDriver) -> None:
    assert opened.title == "Citation audit of 3 articles"
    severe = [e for e in opened.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []  # the CSP hash lets the page's own style in, and nothing else is asked
    verdict = opened.find_element(By.CSS_SELECTOR, ".verdict")
    assert verdict.value_of_css_property("border-left-style") == "solid"  # styles applied
    assert opened.execute_script("return window.__pwned === undefined") is True
    assert opened.find_elements(By.CSS_SELECTOR, "main img") == []
    names = [a.text for a in opened.find_elements(By.CSS_SELECTOR, ".article-table a")]
    assert names[0] == "desk/wrong-figures.md"  # most findings first
    assert any("onerror" in n for n in names)  # the hostile name shown as text


def test_chart_bars_are_drawn_to_scale(opened: WebDriver) -> None:
    bars = opened.find_elements(By.CSS_SELECTOR, "svg.counts .bar-row")
    assert len(bars) == len(Status)  # one bar per status, zero counts included
    widths = {
        b.get_attribute("data-status"): (
            int(b.get_attribute("data-count") or 0),
            b.find_element(By.CSS_SELECTOR, "rect").rect["width"],
        )
        for b in bars
    }
    top_count, top_width = max(widths.values())
    assert top_width > 50  # rendered, not collapsed
    for count, width in widths.values():
        assert width == pytest.approx(top_width * count / top_count, abs=1.5)
    fill = opened.find_element(By.CSS_SELECTOR, '.bar-row[data-status="unsupported"] rect')
    assert fill.value_of_css_property("fill") == "rgb(213, 94, 0)"  # Okabe–Ito vermilion


def test_an_article_link_jumps_to_its_findings(opened: WebDriver) -> None:
    link = opened.find_element(By.CSS_SELECTOR, ".article-table a")
    target = (link.get_attribute("href") or "").rsplit("#", 1)[1]
    link.click()
    assert opened.execute_script("return location.hash") == f"#{target}"
    section = opened.find_element(By.ID, target)
    top = opened.execute_script("return arguments[0].getBoundingClientRect().top", section)
    assert -2 <= top < 200  # scrolled to the section
    assert section.value_of_css_property("outline-style") == "solid"  # :target is marked
    assert "desk/wrong-figures.md" in section.find_element(By.TAG_NAME, "h3").text
    statuses = [
        f.get_attribute("data-status") for f in section.find_elements(By.CSS_SELECTOR, ".finding")
    ]
    assert "contradicted" in statuses  # the wire's figures, changed
    back = section.find_element(By.CSS_SELECTOR, ".back a")
    back.click()
    assert opened.execute_script("return location.hash") == "#articles-title"


def test_sources_and_failures_are_listed(opened: WebDriver) -> None:
    rows = opened.find_elements(By.CSS_SELECTOR, ".source-table tbody tr")
    assert len(rows) == 2
    assert rows[0].text.startswith("inline text (")
    assert "/nonexistent/wire-9.txt" in rows[1].text
    assert "no such file" in rows[1].text
    failures = opened.find_element(By.CSS_SELECTOR, ".failure-list").text
    assert failures == "desk/binary.md: not a text file"


def test_phone_width_does_not_scroll_sideways(opened: WebDriver) -> None:
    opened.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True},
    )
    try:
        opened.refresh()
        width = opened.execute_script("return document.documentElement.clientWidth")
        assert opened.execute_script("return document.documentElement.scrollWidth") <= width
        png = opened.get_screenshot_as_png()
        assert png.startswith(b"\x89PNG")
    finally:
        opened.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
