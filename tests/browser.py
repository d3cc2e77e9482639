"""A headless Chromium for the browser tests: Debian's `chromium` and `chromium-driver`.

The HTML report and the archive page are tested as a reader's browser renders them; both
test modules start the browser the same way, from here.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

#: What a browser test module needs to run, said once when it is skipped.
MISSING = "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"

#: Flags for a quiet, offline, reproducible headless browser.
ARGUMENTS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
)


def skip_without_chromium() -> None:
    """Skip the calling test module when the browser or its driver is not installed."""
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip(MISSING, allow_module_level=True)


@contextmanager
def headless_chromium() -> Iterator[WebDriver]:
    """A headless Chromium with a throw-away profile and its console log kept."""
    assert CHROMIUM is not None
    assert CHROMEDRIVER is not None
    profile = tempfile.mkdtemp(prefix="citecheck-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (*ARGUMENTS, f"--user-data-dir={profile}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    chrome = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield chrome
    finally:
        chrome.quit()
        shutil.rmtree(profile, ignore_errors=True)
