"""Issue 12: the newsroom examples give exactly their deliberate findings, nothing else.

`examples/hugo-site/` is checked as pre-commit checks it (the hook's command on every
staged file under content/, sources included) and as a directory; the HTML exports
(`examples/html-exports/`) with MediaWiki references and Pandoc footnotes are checked
through their own notes. Each example's README lists the deliberate errors.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from tests.cli.support import invoke
from tests.cli.test_hooks import hook_fields

ROOT = Path(__file__).resolve().parent.parent
HUGO = ROOT / "examples" / "hugo-site"
EXPORTS = ROOT / "examples" / "html-exports"

Finding = tuple[str, int, str, str]  # article, line, status, start of the claim

HUGO_FINDINGS: list[Finding] = [
    ("content/posts/harbour-dredging/index.md", 12, "contradicted", "The project will cost 2.4"),
    ("content/posts/harbour-dredging/index.md", 15, "uncited", "Residents say the dredgers"),
]
EXPORT_FINDINGS: list[Finding] = [
    ("mediawiki.html", 19, "contradicted", "The keeper's house was converted"),
    ("mediawiki.html", 19, "uncited", "The lighthouse was automated in 1979"),
    ("pandoc.html", 25, "uncited", "Operators expect fares"),
    ("pandoc.html", 27, "contradicted", "The crossing takes 50 minutes"),
]


@pytest.fixture
def no_step_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def _findings(run_stdout: str, prefix: str = "") -> list[Finding]:
    data = json.loads(run_stdout)
    reports = data.get("reports", [data])
    found = []
    for report in reports:
        article = report["article"].removeprefix(prefix)
        for claim in report["claims"]:
            if claim["severity"] is not None:
                found.append((article, claim["line"], claim["status"], claim["text"]))
    return found


def _matches(found: list[Finding], expected: list[Finding]) -> bool:
    return len(found) == len(expected) and all(
        f[:3] == e[:3] and f[3].startswith(e[3]) for f, e in zip(found, expected, strict=True)
    )


def _staged(site: Path, files: str) -> list[str]:
    """What pre-commit hands the hook: every file under the site that `files` matches."""
    pattern = re.compile(files)
    hook = re.compile(hook_fields()["files"])
    every = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return [f for f in every if pattern.search(f) and hook.search(f)]


def test_the_hugo_site_under_pre_commit_reports_only_the_deliberate_errors(
    monkeypatch: pytest.MonkeyPatch, no_step_summary: None
) -> None:
    monkeypatch.chdir(HUGO)
    config = (HUGO / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    files = re.search(r"^\s+files: (\S+)$", config, re.MULTILINE)
    assert files is not None
    staged = _staged(HUGO, files.group(1))
    assert "content/posts/harbour-dredging/sources/board-minutes.txt" in staged
    assert "content/_index.md" in staged
    entry = shlex.split(hook_fields()["entry"])
    run = invoke(*entry[1:], *staged, "--output-format", "json")
    assert run.exit_code == 1, run.stderr
    found = _findings(run.stdout)
    assert _matches(found, HUGO_FINDINGS), found
    data = json.loads(run.stdout)
    checked = [r["article"] for r in data["reports"]]
    assert checked == [
        "content/posts/harbour-dredging/index.md",
        "content/posts/library-hours/index.md",
    ]
    assert data["reports"][0]["title"] == "Dredging of the east channel begins"


def test_the_hugo_site_as_a_directory_gives_the_same_findings(
    monkeypatch: pytest.MonkeyPatch, no_step_summary: None
) -> None:
    monkeypatch.chdir(HUGO)
    run = invoke("check", "content", "--output-format", "json")
    assert run.exit_code == 1, run.stderr
    assert _matches(_findings(run.stdout), HUGO_FINDINGS)


def test_the_hugo_text_report_names_the_article_by_its_title(
    monkeypatch: pytest.MonkeyPatch, no_step_summary: None
) -> None:
    monkeypatch.chdir(HUGO)
    out = invoke("check", "content").stdout.splitlines()
    assert out[0] == "content/posts/harbour-dredging/index.md — Dredging of the east channel begins"
    assert out[-1] == "Found 2 errors in 10 claims of 2 articles."


def test_the_html_exports_report_only_their_deliberate_errors(
    monkeypatch: pytest.MonkeyPatch, no_step_summary: None
) -> None:
    monkeypatch.chdir(EXPORTS)
    run = invoke("check", ".", "--output-format", "json")
    assert run.exit_code == 1, run.stderr
    found = _findings(run.stdout)
    assert _matches(found, EXPORT_FINDINGS), found


@pytest.mark.parametrize("export", ["mediawiki.html", "pandoc.html"])
def test_each_export_reads_its_notes_as_its_sources(
    export: str, monkeypatch: pytest.MonkeyPatch, no_step_summary: None
) -> None:
    monkeypatch.chdir(EXPORTS)
    run = invoke("check", export, "--output-format", "json")
    report = json.loads(run.stdout)
    assert [s["error"] for s in report["sources"]] == [None, None]
    assert all(s["origin"].startswith("sources/") for s in report["sources"])
    assert all(s["title"] for s in report["sources"])
    supported = [c for c in report["claims"] if c["status"] == "supported"]
    assert len(supported) >= 3
    shown = report["display"]["text"]
    assert "<" not in shown
    assert "document.documentElement" not in shown
    assert "↩" not in shown  # backlinks are not text a reader needs


def test_the_example_readmes_list_the_findings_the_tests_hold() -> None:
    hugo = (HUGO / "README.md").read_text(encoding="utf-8")
    exports = (EXPORTS / "README.md").read_text(encoding="utf-8")
    for _, line, status, start in HUGO_FINDINGS:
        assert f'| {line} | "{start}' in hugo
        assert f"`{status}`" in hugo
    for article, line, status, start in EXPORT_FINDINGS:
        assert f'| `{article}` | {line} | "{start}' in exports
        assert f"`{status}`" in exports
