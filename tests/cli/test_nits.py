"""Issue 12, item 13: the baseline note, "did you mean" for config keys, stable JUnit names."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from citecheck.config import Options
from citecheck.errors import InvalidOptionsError
from citecheck.render import format_report
from citecheck.report import Status
from tests.cli.support import claim, copy_fixtures, invoke, report


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_fixtures(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def test_write_baseline_says_how_many_findings_went_to_which_file(work: Path) -> None:
    run = invoke("check", "story.md", "--sources-dir", "sources", "--write-baseline", "b.json")
    assert run.exit_code == 0
    notes = [line for line in run.stderr.splitlines() if "wrote" in line]
    assert notes == ["citecheck: wrote 2 findings to b.json"]


def test_write_baseline_is_silent_under_quiet(work: Path) -> None:
    run = invoke(
        "check", "story.md", "--sources-dir", "sources", "--write-baseline", "b.json", "-q"
    )
    assert run.exit_code == 0
    assert (work / "b.json").is_file()
    assert "wrote" not in run.stderr
    assert run.stderr == ""


def test_a_single_finding_is_singular(work: Path) -> None:
    (work / "one.md").write_text("Ministers promised a report next spring [9].\n", "utf-8")
    run = invoke("check", "one.md", "--write-baseline", "one.json")
    assert "citecheck: wrote 1 finding to one.json" in run.stderr.splitlines()


@pytest.mark.parametrize(
    ("key", "suggestion"),
    [("fial-on", "'fail-on'"), ("marker_scop", "'marker_scope'"), ("exlude", "'exclude'")],
)
def test_an_unknown_config_key_gets_did_you_mean(work: Path, key: str, suggestion: str) -> None:
    (work / "citecheck.toml").write_text(f'{key} = "x"\n', encoding="utf-8")
    run = invoke("check", "story.md")
    assert run.exit_code == 2
    assert f"unknown option '{key}'; did you mean {suggestion}?" in run.stderr


def test_no_suggestion_when_nothing_is_close() -> None:
    with pytest.raises(InvalidOptionsError) as info:
        Options.from_mapping({"zzzzqq": 1})
    assert "did you mean" not in str(info.value)


def test_junit_test_names_survive_edits_that_move_the_claim() -> None:
    text = "Unemployment fell to 3 percent last year."

    def names(line: int, column: int) -> list[str]:
        found = report("story.md", [claim(0, text, Status.UNCITED, line=line, column=column)])
        root = ET.fromstring(format_report([found], "junit"))
        return [case.get("name") or "" for case in root.iter("testcase")]

    assert names(3, 1) == names(40, 7) == [text]
