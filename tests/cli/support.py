"""Helpers for the command-line tests: fixture copies, runners and hand-built reports."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from citecheck.cli import app, main
from citecheck.report import (
    ClaimResult,
    Evidence,
    Marker,
    Reason,
    Report,
    SourceInfo,
    Status,
    Suppression,
)

DATA = Path(__file__).resolve().parent.parent / "data"
CLI_DATA = DATA / "cli"
SARIF_SCHEMA = DATA / "sarif-schema-2.1.0.json"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def copy_fixtures(target: Path) -> Path:
    """Copy the CLI fixture articles and sources into `target` (a tmp dir) and return it."""
    shutil.copytree(CLI_DATA, target, dirs_exist_ok=True)
    return target


def invoke(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Run:
    """Run `citecheck ARGS` through typer's CliRunner."""
    result = CliRunner().invoke(app, list(args), env=env, input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    """Run the console entry point `main()` in-process (click usage errors included)."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    code = exit_info.value.code
    return Run(code if isinstance(code, int) else 0, captured.out, captured.err)


def claim(
    index: int,
    text: str,
    status: Status,
    *,
    line: int = 1,
    column: int = 1,
    paragraph: int = 0,
    reasons: list[str] | None = None,
    evidence: list[Evidence] | None = None,
    citations: list[str] | None = None,
    suppressed: str | None = None,
    start: int = 0,
) -> ClaimResult:
    """A hand-built claim result (renderer tests never depend on the matcher)."""
    cites = citations if citations is not None else (["1"] if status != Status.UNCITED else [])
    return ClaimResult(
        index=index,
        text=text,
        start=start,
        end=start + len(text),
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(text),
        paragraph=paragraph,
        markers=[Marker(text=f"[{c}]", start=start, end=start + 3, ids=[c]) for c in cites],
        citations=cites,
        status=status,
        score=None if status == Status.UNCITED else 0.5,
        needs_citation=status != Status.EXEMPT,
        evidence=evidence or [],
        details=[Reason(code="test_note", message=r) for r in reasons or []],
        suppression=None if suppressed is None else Suppression(kind="inline", reason=suppressed),
    )


def report(article: str | None, claims: list[ClaimResult]) -> Report:
    """A report over `claims` with a consistent summary."""
    chars = max((c.end for c in claims), default=0)
    return Report(
        article=article,
        article_chars=chars,
        claims=claims,
        sources=[SourceInfo(id="1", origin="sources/1.txt", chars=100)],
    )
