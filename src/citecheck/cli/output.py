"""What the command writes: the rendered report, the step summary, notes, errors, progress.

Standard output carries only the report (or nothing, with --output-file);
everything else goes to standard error, one line at a time. Messages quote file
names and article text, so each goes through `escape.safe_line`: controls show as
escapes and no line can be read as a CI workflow command.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

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
    failures: Sequence[tuple[str, str]] = (),
) -> None:
    """Render the reports to the output file or stdout (plus the GitHub step summary).

    Several articles as html make the archive page, which lists `failures` too.
    """
    color = output_file is None and output_format == "text" and stdout_color()
    options = RenderOptions(color=color, tool_version=__version__, quiet=quiet, several=several)
    if output_format == "html" and several:
        from citecheck.render.archive import render_archive

        text = render_archive(reports, failures=failures, tool_version=__version__)
    else:
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


class RateColumn(ProgressColumn):
    """Articles per second, over the last half minute."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(
            "" if speed is None else f"{speed:,.1f} articles/s", style="progress.data.speed"
        )


@contextmanager
def progress_bar(err: Console, total: int) -> Iterator[Callable[[Outcome], None]]:
    """A progress bar on stderr with rate and ETA, advanced once per finished article."""
    with Progress(
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=total)
        yield lambda outcome: bar.update(task, advance=1, description=safe_line(outcome.name))
