"""Issue 12, item 10: a suppression comment that suppresses nothing is a warning in every output.

Like ruff's unused `noqa`: reported with its line and column under its own rule
(`citecheck/unused-suppression`), never failing the check.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

import citecheck
from citecheck.report import Report
from tests.cli.support import SARIF_SCHEMA, invoke

ARTICLE = """# Port news

The port handled 15 million tonnes last year [1].

<!-- citecheck: ignore nothing left to hide -->

Dockers met the port authority on Tuesday [1].
"""
SOURCE = "The port handled 15 million tonnes last year. Dockers met the port authority on Tuesday."


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "news.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "1.txt").write_text(SOURCE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def _check(fmt: str) -> tuple[int, str]:
    run = invoke("check", "news.md", "-s", "1=1.txt", "--output-format", fmt)
    return run.exit_code, run.stdout


def test_the_report_carries_the_comment_with_its_place() -> None:
    report = citecheck.verify(ARTICLE, {1: SOURCE})
    assert report.ok
    (unused,) = report.unused_suppressions
    assert (unused.action, unused.reason, unused.line, unused.column) == (
        "ignore",
        "nothing left to hide",
        5,
        1,
    )
    assert unused.text == "<!-- citecheck: ignore nothing left to hide -->"
    assert ARTICLE[unused.start : unused.end] == unused.text
    again = Report.model_validate_json(report.model_dump_json())
    assert again.unused_suppressions == report.unused_suppressions


def test_text_warns_and_exits_0(work: Path) -> None:
    code, out = _check("text")
    assert code == 0
    assert (
        'news.md:5:1 unused-suppression "<!-- citecheck: ignore nothing left to hide -->" — '
        "'citecheck: ignore' suppresses no claim: remove it or move it next to its claim"
    ) in out.splitlines()
    assert out.splitlines()[-1] == "Found 0 errors and 1 warning in 3 claims."


def test_github_annotation_is_a_warning(work: Path) -> None:
    code, out = _check("github")
    assert code == 0
    warnings = [line for line in out.splitlines() if line.startswith("::warning ")]
    assert len(warnings) == 1
    assert "file=news.md,line=5,col=1,title=citecheck%3A unused-suppression::" in warnings[0]
    assert not any(line.startswith("::error") for line in out.splitlines())


def test_sarif_has_its_own_rule_and_a_warning_result(work: Path) -> None:
    code, out = _check("sarif")
    assert code == 0
    log = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    (result,) = run["results"]
    assert result["ruleId"] == "citecheck/unused-suppression"
    assert rules[result["ruleIndex"]] == "citecheck/unused-suppression"
    assert result["level"] == "warning"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (5, 1)
    assert "suppressionHash/v1" in result["partialFingerprints"]


def test_markdown_row_is_a_warning(work: Path) -> None:
    code, out = _check("markdown")
    assert code == 0
    assert out.startswith("## citecheck passes")
    rows = [line for line in out.splitlines() if "unused-suppression" in line]
    assert len(rows) == 1
    assert rows[0].startswith("| ⚠️ | `unused-suppression` | news.md:5:1 |")


def test_junit_case_passes_with_a_warning(work: Path) -> None:
    code, out = _check("junit")
    assert code == 0
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    assert suite.get("failures") == "0"
    cases = [c for c in suite.iter("testcase") if "unused-suppression" in (c.get("name") or "")]
    assert len(cases) == 1
    assert cases[0].get("line") == "5"
    assert cases[0].find("failure") is None
    out_text = cases[0].findtext("system-out") or ""
    assert out_text.startswith("warning: unused-suppression")


def test_a_used_suppression_is_not_reported(work: Path) -> None:
    used = ARTICLE.replace("-->\n\nDockers", "-->\nDockers")  # now it reaches a claim
    (work / "news.md").write_text(used, encoding="utf-8")
    code, out = _check("text")
    assert code == 0
    assert "unused-suppression" not in out
