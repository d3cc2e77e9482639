"""Issue 12, item 9: `exclude` and --sources-dir hold for files named on the command line.

pre-commit names every staged file, sources included; with force-exclude (on in the
hook, `--force-exclude`, or `force-exclude = true`) those files are skipped as ruff
skips them, so a source is never checked as an article.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from tests.cli.support import invoke
from tests.cli.test_hooks import hook_fields

ARTICLE = "The harbour authority began dredging the east channel on Monday [1].\n"
SOURCE = "The harbour authority began dredging the east channel on Monday.\n"
# A source read as an article: two uncited statements with figures.
NOISY = "Dredgers removed 40,000 cubic metres of silt.\nThe work cost 2.1 million euros.\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "dredging.md").write_text(
        ARTICLE + "\n## References\n\n[1] sources/1.txt\n", encoding="utf-8"
    )
    (tmp_path / "content" / "sources").mkdir()
    (tmp_path / "content" / "sources" / "1.txt").write_text(SOURCE + NOISY, encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "2.md").write_text(NOISY, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.citecheck]\nexclude = ["sources", ".*"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def _checked(*args: str) -> list[str]:
    run = invoke("check", *args, "--output-format", "json")
    assert run.exit_code in (0, 1), run.stderr
    data = json.loads(run.stdout)
    reports = data.get("reports", [data])
    return [r["article"] for r in reports]


STAGED = ("content/dredging.md", "content/sources/1.txt", "sources/2.md")


def test_named_files_are_all_checked_by_default(site: Path) -> None:
    assert _checked(*STAGED) == list(STAGED)


def test_force_exclude_skips_named_files_that_exclude_matches(site: Path) -> None:
    assert _checked("--force-exclude", *STAGED) == ["content/dredging.md"]


def test_force_exclude_skips_named_files_under_the_sources_dir(site: Path) -> None:
    (site / "pyproject.toml").write_text("[tool.citecheck]\nexclude = []\n", encoding="utf-8")
    named = ("content/dredging.md", "sources/2.md")
    assert _checked("--force-exclude", "--sources-dir", "sources", *named) == [named[0]]
    assert _checked("--sources-dir", "sources", *named) == list(named)


def test_force_exclude_can_be_set_in_the_configuration(site: Path) -> None:
    (site / "pyproject.toml").write_text(
        '[tool.citecheck]\nexclude = ["sources"]\nforce-exclude = true\n', encoding="utf-8"
    )
    assert _checked(*STAGED) == ["content/dredging.md"]
    assert _checked("--no-force-exclude", *STAGED) == list(STAGED)


def test_force_exclude_must_be_a_boolean(site: Path) -> None:
    (site / "citecheck.toml").write_text('force-exclude = "yes"\n', encoding="utf-8")
    run = invoke("check", "content/dredging.md")
    assert run.exit_code == 2
    assert "force-exclude must be true or false" in run.stderr


def test_when_every_named_file_is_excluded_there_is_nothing_to_report(site: Path) -> None:
    run = invoke("check", "--force-exclude", "content/sources/1.txt", "sources/2.md")
    assert run.exit_code == 0, run.stdout + run.stderr
    assert "error" not in run.stderr


def test_the_hook_as_documented_finds_nothing_in_source_files(site: Path) -> None:
    """Run the hook's entry on every staged file, as pre-commit does."""
    entry = shlex.split(hook_fields()["entry"])
    assert entry[:2] == ["citecheck", "check"]
    run = invoke(*entry[1:], *STAGED)
    assert run.exit_code == 0, run.stdout + run.stderr
    assert "sources/" not in run.stdout
    assert run.stdout.strip().endswith("no findings in 2 claims.")
