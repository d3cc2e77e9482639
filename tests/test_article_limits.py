"""Issue 14, item 7: articles are sized before they are parsed; odd encodings and
running out of memory are clear.

- An article over `max_article_chars` is refused before any parsing, whatever it came
  as: `verify(str)`, `verify(Path)`, `parse`, `verify_many`, a file or standard input
  on the command line.
- A UTF-16 article with a byte-order mark is read as text, from the command line and
  through `verify(Path)`.
- Running out of memory names the step and only the options that bound it.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

import citecheck
from citecheck import InvalidInputError, Job, Status
from citecheck.sources.store import SourceStore
from tests.cli.support import invoke, run_main
from tests.sources.bounded import run_bounded

TEXT = "The ILO met in Geneva on Friday [1].\n"
SOURCE = "The ILO met in Geneva on Friday."


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing fails the test: the size check must come first."""

    def parsed(*args: object, **kwargs: object) -> None:
        raise AssertionError("the article was parsed before its size was checked")

    monkeypatch.setattr(importlib.import_module("citecheck.checker"), "read_claims", parsed)
    article = importlib.import_module("citecheck.parse.article")
    for name in ("detect_format", "read_text", "read_html", "read_claims"):
        monkeypatch.setattr(article, name, parsed)


def _first_failure(article: str | Path) -> str:
    outcome = next(iter(citecheck.verify_many([Job(article, {1: SOURCE})], max_article_chars=20)))
    assert outcome.failure is not None
    return outcome.failure.message


@pytest.mark.usefixtures("no_parsing")
@pytest.mark.parametrize(
    "run",
    [
        lambda big, path: citecheck.verify(big, {1: SOURCE}, max_article_chars=20),
        lambda big, path: citecheck.verify(path, {1: SOURCE}, max_article_chars=20),
        lambda big, path: citecheck.parse(big, max_article_chars=20),
        lambda big, path: citecheck.parse(path, max_article_chars=20),
        lambda big, path: _first_failure(big),
        lambda big, path: _first_failure(path),
    ],
    ids=["verify-str", "verify-path", "parse-str", "parse-path", "many-str", "many-path"],
)
def test_the_size_is_checked_before_any_parsing(
    tmp_path: Path, run: Callable[[str, Path], object]
) -> None:
    big = TEXT * 3
    path = tmp_path / "big.md"
    path.write_text(big, encoding="utf-8")
    try:
        message = run(big, path)
    except InvalidInputError as exc:
        message = str(exc)
    assert "max_article_chars" in str(message)


@pytest.mark.usefixtures("no_parsing")
@pytest.mark.parametrize("stdin", [False, True])
def test_the_command_line_checks_the_size_first(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stdin: bool,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "citecheck.toml").write_text("max-article-chars = 20\n", encoding="utf-8")
    (tmp_path / "big.md").write_text(TEXT * 3, encoding="utf-8")
    run = invoke("check", "-", stdin=TEXT * 3) if stdin else run_main(capsys, "check", "big.md")
    assert run.exit_code == 2
    assert "max_article_chars" in run.stderr


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-16-le"])
def test_a_utf16_article_with_a_bom_is_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], codec: str
) -> None:
    monkeypatch.chdir(tmp_path)
    bom = {"utf-16": b"", "utf-16-be": b"\xfe\xff", "utf-16-le": b"\xff\xfe"}[codec]
    (tmp_path / "a.md").write_bytes(bom + TEXT.encode(codec))
    (tmp_path / "1.txt").write_text(SOURCE, encoding="utf-8")
    report = citecheck.verify(tmp_path / "a.md", {1: tmp_path / "1.txt"})
    assert report.claims[0].status is Status.SUPPORTED
    assert report.article_text == TEXT
    run = run_main(capsys, "check", "a.md", "--source", "1=1.txt", "--output-format", "json")
    assert run.exit_code == 0, run.stderr
    assert json.loads(run.stdout)["claims"][0]["status"] == "supported"


def test_a_utf16_article_on_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from citecheck.cli import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "1.txt").write_text(SOURCE, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["check", "-", "--source", "1=1.txt", "--output-format", "json"],
        input=b"\xff\xfe" + TEXT.encode("utf-16-le"),
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["claims"][0]["status"] == "supported"


@pytest.mark.parametrize(
    ("target", "step", "limits", "not_named"),
    [
        (
            "citecheck.checker.read_claims",
            "parsing the article into claims",
            ["max_article_chars (now 5,000,000)", "max_claims (now 50,000)"],
            "max_source_chars",
        ),
        (
            "citecheck.checker.assemble",
            "building the report",
            ["max_claims (now 50,000)"],
            "max_download_bytes",
        ),
    ],
)
def test_out_of_memory_names_the_step_and_its_limits(
    monkeypatch: pytest.MonkeyPatch, target: str, step: str, limits: list[str], not_named: str
) -> None:
    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(target, exhausted)
    with pytest.raises(InvalidInputError) as caught:
        citecheck.verify(TEXT, {1: SOURCE}, max_sources_per_article=7)
    message = str(caught.value)
    assert message.startswith(f"out of memory while {step}; lower ")
    assert all(limit in message for limit in limits)
    assert not_named not in message


def test_out_of_memory_loading_sources_names_source_limits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def exhausted(self: SourceStore, *args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(SourceStore, "load", exhausted)
    outcome = next(iter(citecheck.verify_many([Job(TEXT, {1: SOURCE})])))
    assert outcome.failure is not None
    assert outcome.failure.message == (
        "out of memory while loading the sources; lower max_sources_per_article (now 200), "
        "max_source_chars (now 50,000,000) or max_download_bytes (now 10,000,000)"
    )


def test_really_running_out_of_memory_while_parsing_says_so() -> None:
    outcome = run_bounded(
        """
        import citecheck
        citecheck.verify("Warm [1].", {1: "Warm."})
        try:
            citecheck.verify("Geneva [1] " * 454_545, {1: "Geneva."}, max_claims=10**7)
            result = "checked"
        except citecheck.InvalidInputError as exc:
            result = str(exc)
        """,
        memory_mb=450,
        timeout=120,
    )
    assert outcome.error is None, outcome.raw
    assert "out of memory while parsing the article into claims" in (outcome.result or "")
    assert "max_claims (now 10,000,000)" in (outcome.result or "")
