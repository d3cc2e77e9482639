"""Issue 14, item 1: files an untrusted article names are read only from inside the source root.

End to end, through `verify(Path)`, `verify(str)` and the command line, on a scratch git
repository whose `.git/config` holds a fake token (`tests/sources/test_sources_confine.py`
checks the policy itself): every hostile reference is `unknown_source` with a reason
that says why, the token never reaches any output, and paths given by the person
running the command (`--source`, `--sources-dir`, `verify(sources=...)`) stay trusted,
except that links inside `--sources-dir` must stay inside it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import citecheck
from citecheck import Status
from tests.cli.support import run_main
from tests.sources.test_sources_confine import TOKEN, make_repository

symlinks = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges")

HOSTILE = {
    "2": ("../.git/config", "hidden file or folder ('.git')"),
    "3": ("/etc/passwd.txt", "absolute paths are not allowed"),
    "4": ("~/.ssh/id_rsa.txt", "home folders ('~') are not allowed"),
    "5": ("file:///etc/passwd", "file: URLs are not allowed"),
    "6": ("../../outside/secret.txt", "'..' leads outside the source root"),
    "7": ("%2e%2e/.env", "hidden file or folder ('.env')"),
    "8": ("../sources/config.yaml", "not a source file type"),
    "9": ("../.github/notes.txt", "hidden file or folder ('.github')"),
}
LINKS = {
    "10": ("link-out.txt", "a link to a file outside the source root"),
    "11": ("link-config.txt", "hidden file or folder ('.git')"),
    "12": ("zero.txt", "a link to a file outside the source root"),
    "13": ("pipe.txt", "not a regular file"),
    "14": ("up/outside/secret.txt", "a link to a file outside the source root"),
}


def write_article(repo: Path, entries: dict[str, tuple[str, str]]) -> Path:
    """An article citing `notes.txt` as [1] and every hostile target, listed as links."""
    lines = ["The ILO met on Friday [1].", ""]
    lines += [f"Claim number {sid} is stated here [{sid}]." for sid in entries]
    lines += ["", "## References", "", "1. [Notes](notes.txt)"]
    lines += [f"{sid}. [Entry {sid}]({target})" for sid, (target, _) in entries.items()]
    article = repo / "articles" / "story.md"
    article.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return article


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the root comes from the article, not the current folder
    return make_repository(tmp_path)


def reasons_by_id(report: citecheck.Report) -> dict[str, str]:
    return {s.id: s.error or "" for s in report.sources}


def test_verify_path_refuses_every_hostile_reference_saying_why(repo: Path) -> None:
    entries = {**HOSTILE, **(LINKS if sys.platform != "win32" else {})}
    report = citecheck.verify(write_article(repo, entries))
    errors = reasons_by_id(report)
    for sid, (_target, why) in entries.items():
        assert why in errors[sid], (sid, errors[sid])
        claim = next(c for c in report.claims if sid in c.citations)
        assert claim.status is Status.UNKNOWN_SOURCE
        assert any(why in reason for reason in claim.reasons)
    assert report.claims[0].status is Status.SUPPORTED  # notes.txt is inside: read
    assert TOKEN not in report.model_dump_json()
    assert str(repo.parent / "outside") not in report.model_dump_json()


def test_a_file_inside_the_root_is_read_and_named_as_written(repo: Path) -> None:
    report = citecheck.verify(write_article(repo, {"2": ("../sources/1.txt", "")}))
    origins = {s.id: s.origin for s in report.sources}
    assert origins == {"1": "notes.txt", "2": "../sources/1.txt"}
    assert all(s.error is None for s in report.sources)


def test_verify_text_uses_the_work_tree_of_the_current_folder(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = write_article(repo, HOSTILE).read_text(encoding="utf-8")
    monkeypatch.chdir(repo / "articles")
    report = citecheck.verify(article)
    assert report.claims[0].status is Status.SUPPORTED
    assert "hidden file or folder ('.git')" in reasons_by_id(report)["2"]
    assert TOKEN not in report.model_dump_json()


def test_verify_text_outside_any_repository_is_confined_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = tmp_path / "plain"
    (here / "inner").mkdir(parents=True)
    (here / "inner" / "a.txt").write_text("The ILO met on Friday.", encoding="utf-8")
    (tmp_path / "secret.txt").write_text(f"token {TOKEN}", encoding="utf-8")
    monkeypatch.chdir(here)
    article = (
        "The ILO met on Friday [1]. It said so [2].\n\n## References\n\n"
        "1. [a](inner/a.txt)\n2. [s](../secret.txt)\n"
    )
    report = citecheck.verify(article)
    errors = reasons_by_id(report)
    assert errors["1"] == ""
    assert "'..' leads outside the source root" in errors["2"]


def test_the_source_root_option_narrows_the_root(repo: Path) -> None:
    article = write_article(repo, {"2": ("../sources/1.txt", "")})
    report = citecheck.verify(article, source_root=repo / "articles")
    assert "'..' leads outside the source root" in reasons_by_id(report)["2"]
    assert reasons_by_id(report)["1"] == ""


def test_given_sources_are_trusted(repo: Path) -> None:
    secret = repo.parent / "outside" / "secret.txt"
    report = citecheck.verify("The ILO met [1].", {1: secret})
    assert report.sources[0].error is None  # the caller chose it


def test_the_command_line_refuses_and_never_prints_the_token(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = write_article(repo, HOSTILE)
    for output_format in ("json", "text", "sarif"):
        run = run_main(capsys, "check", str(article), "--output-format", output_format)
        assert run.exit_code == 1, run.stderr
        assert TOKEN not in run.stdout + run.stderr


def test_the_source_root_flag(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = write_article(repo, {"2": ("../sources/1.txt", "")})
    run = run_main(
        capsys,
        "check",
        str(article),
        "--output-format",
        "json",
        "--source-root",
        str(article.parent),
    )
    data = json.loads(run.stdout)
    errors = {s["id"]: s["error"] for s in data["sources"]}
    assert "'..' leads outside the source root" in errors["2"]


@symlinks
def test_a_link_out_of_the_sources_dir_is_that_ids_unknown_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "outside.txt").write_text(f"token {TOKEN}", encoding="utf-8")
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "1.txt").write_text("The ILO met on Friday.", encoding="utf-8")
    (folder / "2.txt").symlink_to(tmp_path / "outside.txt")
    (tmp_path / "a.md").write_text("The ILO met on Friday [1]. It said so [2].\n", encoding="utf-8")
    run = run_main(capsys, "check", "a.md", "--sources-dir", "sources", "--output-format", "json")
    assert run.exit_code == 1, run.stderr
    data = json.loads(run.stdout)
    errors = {s["id"]: s["error"] for s in data["sources"]}
    assert errors["1"] is None
    assert "a link to a file outside sources" in errors["2"]
    assert [c["status"] for c in data["claims"]] == ["supported", "unknown_source"]
    assert TOKEN not in run.stdout + run.stderr


@symlinks
def test_walked_articles_that_link_outside_are_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "outside.md").write_text(f"The token is {TOKEN} [1].\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "story.md").write_text("The ILO met on Friday.\n", encoding="utf-8")
    (docs / "leak.md").symlink_to(tmp_path / "outside.md")
    (docs / "inside.md").symlink_to("story.md")
    run = run_main(capsys, "check", "docs", "--output-format", "json", "--offline")
    data = json.loads(run.stdout)
    names = [r["article"] for r in data["reports"]] if "reports" in data else [data["article"]]
    assert names == ["docs/inside.md"]  # a link inside stays (story.md is the same file)
    assert TOKEN not in run.stdout + run.stderr
    explicit = run_main(capsys, "check", "docs/leak.md", "--output-format", "json", "--offline")
    assert json.loads(explicit.stdout)["article"] == "docs/leak.md"  # named: trusted
