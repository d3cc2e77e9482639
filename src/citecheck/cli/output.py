"""What the command writes: the rendered report, the step summary, notes, errors, progress.

Standard output carries only the report (or nothing, with --output-file);
everything else goes to standard error, one line at a time. Messages quote file
names and article text, so each goes through `escape.safe_line`: controls show as
escapes and no line can be read as a CI workflow command.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from citecheck import __version__
from citecheck.batch import Outcome
from citecheck.errors import InvalidOptionsError
from citecheck.render import RenderOptions, get_renderer
from citecheck.render.escape import safe_line
from citecheck.report import Report

PROG = "citecheck"


def emit(
    reports: list[Report],
    output_format: str,
    output_file: Path | None,
    *,
    quiet: bool,
    several: bool,
) -> None:
    """Render the reports to the output file or stdout (plus the GitHub step summary)."""
    color = output_file is None and output_format == "text" and stdout_color()
    options = RenderOptions(color=color, tool_version=__version__, quiet=quiet, several=several)
    text = get_renderer(output_format)(reports, options)
    if output_file is not None:
        try:
            output_file.write_text(text, encoding="utf-8")
        except OSError as exc:
            why = exc.strerror or exc
            raise InvalidOptionsError(f"--output-file {output_file}: cannot write: {why}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format == "github" and summary_file:
        write_step_summary(Path(summary_file), reports)


def write_step_summary(path: Path, reports: list[Report]) -> None:
    """Append the Markdown report: GitHub shows only 10 annotations of a kind per step."""
    markdown = get_renderer("markdown")(reports, RenderOptions(tool_version=__version__))
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(markdown + "\n")
    except OSError as exc:
        error(f"GITHUB_STEP_SUMMARY {path}: cannot write: {exc.strerror or exc}", level="warning")


def stdout_color() -> bool:
    """Colour on a terminal unless NO_COLOR is set (no-color.org); FORCE_COLOR forces it."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def note(err: Console, message: str) -> None:
    """An informational line on stderr (callers skip it under --quiet)."""
    err.print(f"{PROG}: {safe_line(message)}")


def error(message: str, level: str = "error") -> None:
    """`citecheck: error: ...` on stderr, always on one line."""
    line = safe_line(" ".join(message.split()))
    sys.stderr.write(f"{PROG}: {level}: {line}\n")
    sys.stderr.flush()


@contextmanager
def progress_bar(err: Console, total: int) -> Iterator[Callable[[Outcome], None]]:
    """A progress bar on stderr, advanced once per finished article."""
    with Progress(
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=total)
        yield lambda outcome: bar.update(task, advance=1, description=safe_line(outcome.name))
