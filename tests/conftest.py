"""Shared fixtures: the bundled example, read from the project (never from ../shared)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests with a fixed seed, so a red run is repeatable and a green one
# cannot turn red by chance; developers' runs stay random and explore further.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ilo-meeting"


@pytest.fixture(scope="session")
def example_article() -> str:
    return (EXAMPLE / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_sources() -> dict[str, str]:
    return {
        p.stem: p.read_text(encoding="utf-8") for p in sorted((EXAMPLE / "sources").glob("*.txt"))
    }


@pytest.fixture(autouse=True)
def _private_download_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test writes to the user's cache folder, whatever it loads."""
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path_factory.mktemp("citecheck-cache")))
