"""The HTML report in a real headless Chromium (Debian's `chromium` + `chromium-driver`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import citecheck
from citecheck.report import Report
from tests.browser import headless_chromium, skip_without_chromium
from tests.conftest import EXAMPLE
from tests.render.reports import make_report

pytestmark = pytest.mark.browser

skip_without_chromium()

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402


@pytest.fixture(scope="module")
def driver() -> Iterator[WebDriver]:
    with headless_chromium() as chrome:
        yield chrome


def _open(driver: WebDriver, report: Report, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(citecheck.format_report(report, "html"), encoding="utf-8")
    driver.get_log("browser")  # drop messages from earlier pages
    driver.get(page.as_uri())


def _severe_logs(driver: WebDriver) -> list[dict[str, Any]]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _panel(driver: WebDriver) -> WebElement:
    return driver.find_element(By.ID, "panel")


def _claim(driver: WebDriver, status: str) -> WebElement:
    return driver.find_element(By.CSS_SELECTOR, f'.claim[data-status="{status}"]')


def test_claims_are_highlighted_with_status_colour_and_underline(
    driver: WebDriver, tmp_path: Path
) -> None:
    report = make_report()
    _open(driver, report, tmp_path)
    claims = driver.find_elements(By.CSS_SELECTOR, "#article .claim")
    assert [c.get_attribute("data-status") for c in claims] == [
        c.status.value for c in report.claims
    ]
    styles = {
        c.get_attribute("data-status"): (
            c.value_of_css_property("text-decoration-style"),
            c.value_of_css_property("text-decoration-color"),
        )
        for c in claims
        if c.get_attribute("data-status") != "exempt"
    }
    assert len({style for style, _ in styles.values()}) == 5
    assert len({colour for _, colour in styles.values()}) == 5
    assert styles["unsupported"][0] == "wavy"
    assert "no-js" not in (driver.find_element(By.TAG_NAME, "html").get_attribute("class") or "")
    assert _severe_logs(driver) == []  # the CSP hashes let our own script and style run


def test_clicking_a_claim_opens_its_evidence(driver: WebDriver, tmp_path: Path) -> None:
    _open(driver, make_report(), tmp_path)
    assert not _panel(driver).is_displayed()
    claim = _claim(driver, "partial")
    claim.click()
    panel = _panel(driver)
    assert panel.is_displayed()
    assert claim.get_attribute("aria-expanded") == "true"
    assert panel.find_element(By.ID, "panel-heading").text == "line 1 · [1] (2nd)"
    announced = driver.find_element(By.ID, "panel-announce").get_attribute("textContent")
    assert announced == "line 1 · [1] (2nd), Partly supported: details shown"  # screen readers
    assert panel.find_element(By.CSS_SELECTOR, ".panel-status").text.endswith("Partly supported")
    quote = panel.find_element(By.CSS_SELECTOR, ".evidence mark.quote")
    assert quote.text == "Delegates approved a convention on platform work after long talks."
    terms = [t.text for t in panel.find_elements(By.CSS_SELECTOR, "mark.term")]
    assert terms == ["Delegates", "approved", "work"]
    context = panel.find_element(By.CSS_SELECTOR, ".evidence .context").text
    assert "to discuss wages." in context.split("Delegates")[0]
    missing = [t.text for t in panel.find_elements(By.CSS_SELECTOR, ".term-missing")]
    assert missing == ["treaty", "pensions"]
    in_claim = [t.text for t in panel.find_elements(By.CSS_SELECTOR, ".panel-claim mark.miss")]
    assert in_claim == ["treaty", "pensions"]
    assert "pensions <or> a treaty" in panel.text
    assert "50%" in panel.text


def test_verdict_links_open_their_claim(driver: WebDriver, tmp_path: Path) -> None:
    _open(driver, make_report(), tmp_path)
    driver.find_element(By.CSS_SELECTOR, '.verdict-jumps a[href="#claim-4"]').click()
    assert _panel(driver).get_attribute("data-claim") == "4"
    assert driver.switch_to.active_element.get_attribute("id") == "claim-4"
    link = _panel(driver).find_element(By.CSS_SELECTOR, ".evidence figcaption a")
    assert link.get_attribute("href").endswith("#source-2")


def test_keyboard_tab_enter_escape_and_next_finding(driver: WebDriver, tmp_path: Path) -> None:
    _open(driver, make_report(), tmp_path)
    body = driver.find_element(By.TAG_NAME, "body")
    body.click()
    for _ in range(40):  # Tab until the first claim has focus
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.switch_to.active_element.get_attribute("data-claim") is not None:
            break
    focused = driver.switch_to.active_element
    assert focused.get_attribute("data-claim") == "0"
    focused.send_keys(Keys.TAB)
    second = driver.switch_to.active_element
    assert second.get_attribute("data-claim") == "1"
    second.send_keys(Keys.ENTER)
    assert _panel(driver).is_displayed()
    assert _panel(driver).get_attribute("data-claim") == "1"

    second.send_keys(Keys.TAB)  # the open panel follows focus
    assert _panel(driver).get_attribute("data-claim") == "2"

    driver.switch_to.active_element.send_keys("n")  # next finding skips supported/exempt
    assert driver.switch_to.active_element.get_attribute("data-claim") == "3"
    assert _panel(driver).get_attribute("data-claim") == "3"

    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not _panel(driver).is_displayed()
    assert driver.switch_to.active_element.get_attribute("data-claim") == "3"

    driver.switch_to.active_element.send_keys(Keys.SPACE)
    assert _panel(driver).is_displayed()


def test_script_in_article_and_sources_does_not_run(driver: WebDriver, tmp_path: Path) -> None:
    evil = "<script>window.__pwned = 1; document.title = 'pwned'</script>"
    img = "<img src=x onerror=\"window.__pwned = 2; document.title = 'pwned'\">"
    article = f"The ILO met in Geneva on Friday {evil} [1]. A claim {img} with no source."
    source = f"The ILO met in Geneva on Friday {evil} {img} to discuss wages."
    report = citecheck.verify(article, {1: source}, article_name=f"{img}.md")
    _open(driver, report, tmp_path)
    for claim in driver.find_elements(By.CSS_SELECTOR, "#article .claim"):
        claim.click()
    assert driver.execute_script("return window.__pwned === undefined") is True
    assert driver.title != "pwned"
    assert driver.find_elements(By.CSS_SELECTOR, "#article img, #panel img") == []
    shown = driver.execute_script(
        "var a = document.getElementById('article').cloneNode(true);"
        "a.querySelectorAll('.glyph').forEach(function (g) { g.remove(); });"
        "return a.textContent;"
    )
    assert shown == article


def test_phone_width_shows_the_panel_as_a_bottom_sheet(driver: WebDriver, tmp_path: Path) -> None:
    driver.execute_cdp_cmd(  # a phone screen: narrower than Chromium's smallest window
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True},
    )
    _open(driver, make_report(), tmp_path)
    try:
        width = driver.execute_script("return document.documentElement.clientWidth")
        assert width == 390
        scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
        assert scroll_width <= width  # nothing forces sideways scrolling
        _claim(driver, "unknown_source").click()  # the last claim: below the fold
        rect = driver.execute_script(
            "var r = document.getElementById('panel').getBoundingClientRect();"
            "return [r.left, r.width, r.bottom, r.top, window.innerHeight];"
        )
        left, panel_width, bottom, top, height = rect
        assert left == 0
        assert panel_width == width
        assert bottom == pytest.approx(height, abs=1)
        assert top > height / 3
        claim = driver.execute_script(
            "return document.querySelector('.claim.current').getBoundingClientRect().bottom"
        )
        assert claim <= top  # the selected claim stays visible above the sheet
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_print_lists_every_finding_and_hides_the_chrome(driver: WebDriver, tmp_path: Path) -> None:
    _open(driver, make_report(), tmp_path)
    _claim(driver, "uncited").click()
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not _panel(driver).is_displayed()
        assert not driver.find_element(By.CSS_SELECTOR, ".help").is_displayed()
        details = driver.find_elements(By.CSS_SELECTOR, ".appendix .detail")
        assert len(details) == 5
        assert all(d.is_displayed() for d in details)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert not driver.find_element(By.CSS_SELECTOR, ".appendix").is_displayed()


def test_example_report_screenshot(driver: WebDriver, tmp_path: Path) -> None:
    article = (EXAMPLE / "article.txt").read_text(encoding="utf-8")
    sources = {p.stem: p for p in sorted((EXAMPLE / "sources").glob("*.txt"))}
    report = citecheck.verify(article, sources, article_name="examples/ilo-meeting/article.txt")
    _open(driver, report, tmp_path)
    shown = driver.find_elements(By.CSS_SELECTOR, "#article .claim")
    assert [c.get_attribute("data-status") for c in shown] == [
        c.status.value for c in report.claims
    ]
    uncited = driver.find_element(By.CSS_SELECTOR, '.claim[data-status="uncited"]')
    uncited.click()
    assert _panel(driver).find_element(By.CSS_SELECTOR, ".panel-status").text.endswith("Uncited")
    png = driver.get_screenshot_as_png()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "example.png").write_bytes(png)
    assert _severe_logs(driver) == []


def test_without_scripts_the_details_are_listed(driver: WebDriver, tmp_path: Path) -> None:
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        _open(driver, make_report(), tmp_path)
        assert driver.find_element(By.CSS_SELECTOR, ".appendix").is_displayed()
        assert not driver.find_element(By.CSS_SELECTOR, ".help").is_displayed()
        assert len(driver.find_elements(By.CSS_SELECTOR, ".appendix .detail")) == 5
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


# --- issue 12: report labels, chips, the phone sheet, HTML articles -----------------------


def _many_findings() -> Report:
    """A long article with 14 uncited claims, one per paragraph."""
    paragraphs = [
        f"Officials said the {name} budget rose by {n + 3} percent last year."
        for n, name in enumerate(
            [
                *("library", "pool", "park", "road", "school", "bus", "water", "housing"),
                *("museum", "harbour", "bridge", "tram", "clinic", "market"),
            ]
        )
    ]
    filler = "The council meets on the first Tuesday of each month in the town hall."
    article = "\n\n".join(f"{p}\n\n{filler}" for p in paragraphs)
    return citecheck.verify(article, {}, article_name="budget.md")


def test_phone_sheet_never_covers_the_claim_it_describes(driver: WebDriver, tmp_path: Path) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 700, "deviceScaleFactor": 2, "mobile": True},
    )
    _open(driver, _many_findings(), tmp_path)
    try:
        _claim(driver, "uncited").click()
        check = (
            "var s = document.getElementById('panel').getBoundingClientRect();"
            "var c = document.querySelector('.claim.current').getBoundingClientRect();"
            "return [c.top, c.bottom, s.top];"
        )
        for _ in range(5):  # next finding, with the sheet's own button and with the key
            top, bottom, sheet = driver.execute_script(check)
            assert top >= 0
            assert bottom <= sheet, (top, bottom, sheet)
            _panel(driver).find_element(By.CSS_SELECTOR, '.panel-nav[data-step="1"]').click()
        driver.switch_to.active_element.send_keys("n")
        top, bottom, sheet = driver.execute_script(check)
        assert top >= 0
        assert bottom <= sheet
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_more_than_ten_findings_collapse_behind_a_toggle(driver: WebDriver, tmp_path: Path) -> None:
    _open(driver, _many_findings(), tmp_path)
    toggle = driver.find_element(By.CSS_SELECTOR, ".verdict-jumps .chips-toggle")
    assert toggle.is_displayed()
    assert toggle.text == "14 findings"
    chips = driver.find_element(By.ID, toggle.get_attribute("aria-controls"))
    assert not chips.is_displayed()
    toggle.click()
    assert chips.is_displayed()
    assert toggle.get_attribute("aria-expanded") == "true"
    links = chips.find_elements(By.CSS_SELECTOR, "a.jump")
    assert len(links) == 14
    assert links[2].text.startswith("?")
    assert "line 9" in links[2].text
    assert not any("claim" in link.text.lower() for link in links)
    links[2].click()
    assert _panel(driver).find_element(By.ID, "panel-heading").text == "line 9"
    toggle.click()
    assert not chips.is_displayed()
    assert _severe_logs(driver) == []


def test_without_scripts_collapsed_chips_are_listed(driver: WebDriver, tmp_path: Path) -> None:
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        _open(driver, _many_findings(), tmp_path)
        assert not driver.find_element(By.CSS_SELECTOR, ".chips-toggle").is_displayed()
        chips = driver.find_element(By.CSS_SELECTOR, ".verdict-jumps .chips")
        assert chips.is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


HTML_ARTICLE = """<!DOCTYPE html>
<html><head><title>Harbour news</title><style>p { color: red }</style>
<script>document.title = "pwned"; window.__pwned = 1;</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News menu</a></nav>
<h1>Harbour dredging &quot;starts&quot;</h1>
<p>The harbour authority began dredging the east channel on Monday.<sup><a
href="#cite_note-1">[1]</a></sup> Officials said the work would cost &euro;2 million.</p>
<ol class="references"><li id="cite_note-1"><a href="#cite_ref-1">^</a> Harbour minutes</li></ol>
</body></html>
"""


def test_an_html_article_shows_its_visible_text_with_claims(
    driver: WebDriver, tmp_path: Path
) -> None:
    report = citecheck.verify(
        HTML_ARTICLE,
        {1: "The harbour authority began dredging the east channel on Monday."},
        article_name="dredging.html",
    )
    assert report.display is not None
    _open(driver, report, tmp_path)
    shown = driver.execute_script(
        "var a = document.getElementById('article').cloneNode(true);"
        "a.querySelectorAll('.glyph').forEach(function (g) { g.remove(); });"
        "return a.textContent;"
    )
    assert shown == report.display.text
    assert 'Harbour dredging "starts"' in shown
    for hidden in ("DOCTYPE", "color: red", "pwned", "News menu", "<sup", "&quot;", "&euro;"):
        assert hidden not in shown
    assert driver.execute_script("return window.__pwned === undefined") is True
    supported = _claim(driver, "supported")
    assert supported.text.endswith("on Monday.[1]")
    supported.click()
    panel = _panel(driver)
    assert panel.find_element(By.ID, "panel-heading").text == "line 6 · [1]"
    assert panel.find_element(By.CSS_SELECTOR, ".panel-claim").text == (
        "The harbour authority began dredging the east channel on Monday.[1]"
    )
    uncited = _claim(driver, "uncited")
    assert uncited.text.endswith("Officials said the work would cost €2 million.")
    assert _severe_logs(driver) == []
