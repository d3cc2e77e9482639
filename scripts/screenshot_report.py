"""Screenshot the HTML report of the bundled example (for docs/report-screenshot.png).

Needs Debian's `chromium` and `chromium-driver` and the dev extras (selenium):

    python scripts/screenshot_report.py                       # desktop, docs/report-screenshot.png
    python scripts/screenshot_report.py --width 390 --height 844 --out /tmp/phone.png

It checks the example, writes the report to a temporary file, opens it in headless
Chromium, opens the details of the first claim with the chosen status and saves a PNG.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

import citecheck

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ilo-meeting"


def build_report() -> citecheck.Report:
    """The bundled example's report, named by its path in the repository."""
    article = (EXAMPLE / "article.txt").read_text(encoding="utf-8")
    # Relative paths, so the page shows the sources' origins as they are in the repository.
    sources = {p.stem: p.relative_to(ROOT) for p in sorted((EXAMPLE / "sources").glob("*.txt"))}
    return citecheck.verify(article, sources, article_name="examples/ilo-meeting/article.txt")


def screenshot(html: str, out: Path, width: int, height: int, status: str | None) -> None:
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium is None or driver_path is None:
        sys.exit("needs chromium and chromedriver (apt-get install chromium chromium-driver)")
    with tempfile.TemporaryDirectory(prefix="citecheck-shot-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for arg in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--window-size={width},{height}",
        ):
            options.add_argument(arg)
        driver = webdriver.Chrome(options=options, service=Service(driver_path))
        try:
            if width < 500:  # below Chromium's smallest window: emulate a phone screen
                driver.execute_cdp_cmd(
                    "Emulation.setDeviceMetricsOverride",
                    {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True},
                )
            driver.get(page.as_uri())
            if status:
                # The first claim with that status, else the first finding, else none.
                claims = driver.find_elements(
                    By.CSS_SELECTOR, f'.claim[data-status="{status}"]'
                ) or driver.find_elements(By.CSS_SELECTOR, ".verdict-jumps a")
                if claims:
                    claims[0].click()
                    driver.execute_script("window.scrollTo(0, 0)")
            out.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(out))
        finally:
            driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report-screenshot.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1100)
    parser.add_argument(
        "--open",
        default="unsupported",
        help="status of the claim whose details to open ('' for none)",
    )
    parser.add_argument("--html", type=Path, help="also keep the report's HTML here")
    args = parser.parse_args()
    os.chdir(ROOT)
    html = build_report().to_html()
    if args.html:
        args.html.write_text(html, encoding="utf-8")
    screenshot(html, args.out, args.width, args.height, args.open or None)
    print(args.out)


if __name__ == "__main__":
    main()
