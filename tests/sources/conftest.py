"""Fixtures for the source tests: a private cache folder and options for a loopback server."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck import Options

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>ILO meeting | Example News</title>
  <meta property="og:title" content="ILO members meet in Geneva">
  <script>var tracking = "do not read me";</script>
  <style>body { color: black; }</style>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav>
  <main>
    <article>
      <h1>ILO members meet in Geneva</h1>
      <p>The International Labour Organization met in Geneva on Friday to discuss new
      standards for platform workers, according to officials familiar with the talks.</p>
      <p>Delegates from 187 member states attended the session, which ran for three days
      and ended with a draft convention on minimum pay for delivery riders.</p>
      <p>The director-general said the agreement was a first step and that governments
      would now consult employers and unions before a final vote next June.</p>
    </article>
  </main>
  <footer><p>Copyright 2026 Example News. All rights reserved. Cookie settings.</p></footer>
</body>
</html>
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test writes to the user's cache: the default cache folder is a temporary one."""
    folder = tmp_path / "default-cache"
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def loopback_options(cache_dir: Path) -> Options:
    """Options that let the tests reach their own server on 127.0.0.1."""
    return Options(allow_private_urls=True, cache_dir=cache_dir, timeout=5)
