"""Checking articles: one job per article, in worker processes when asked.

A job carries everything its worker needs (text, options, source flags), so
workers share nothing; results come back in input order whatever the finishing
order, and a failure in one article is reported without stopping the others.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from citecheck.cli.sourcing import (
    SourceValue,
    merge_sources,
    sources_from_references,
    sources_in_directory,
)
from citecheck.config import Options
from citecheck.errors import CitecheckError
from citecheck.report import Report, Summary
from citecheck.verify import verify


@dataclass(frozen=True, slots=True)
class Job:
    """One article to check."""

    name: str
    text: str
    base: Path  # the article's directory: relative reference targets start here
    options: Options
    flag_sources: dict[str, SourceValue] = field(default_factory=dict)
    sources_dir: Path | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """An article that could not be checked, with a one-line reason."""

    name: str
    message: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What checking one article gave: a report or a failure, and notes for stderr."""

    result: Report | Failure
    notes: tuple[str, ...] = ()


def run_job(job: Job) -> Outcome:
    """Check one article; never raises for bad input."""
    try:
        if not job.text.strip():
            return Outcome(empty_report(job))
        from_dir = sources_in_directory(job.sources_dir) if job.sources_dir else {}
        references, notes = sources_from_references(job.text, job.base, job.options)
        merged = merge_sources(references, from_dir, job.flag_sources)
        sources: dict[str | int, SourceValue] = dict(merged.items())
        report = verify(job.text, sources, options=job.options, article_name=job.name)
        return Outcome(report, tuple(f"{job.name}: {note}" for note in notes))
    except CitecheckError as exc:
        return Outcome(Failure(job.name, str(exc)))
    except RecursionError:
        return Outcome(Failure(job.name, "the article is nested too deeply to check"))
    except Exception as exc:  # a bug, not bad input: still one line, never a traceback
        message = f"internal error ({type(exc).__name__}: {exc}); please report it"
        return Outcome(Failure(job.name, message))


def empty_report(job: Job) -> Report:
    """An empty article has no claims, so nothing fails: a report with none."""
    report = Report(
        article=job.name,
        article_chars=len(job.text),
        claims=[],
        sources=[],
        summary=Summary(),
        fail_on=sorted(job.options.fail_on, key=str),
    )
    return report.attach_texts(job.text, {})


def default_workers(requested: int, jobs: int) -> int:
    """`--jobs 0` means one worker per core; never more workers than articles."""
    cores = os.cpu_count() or 1
    wanted = cores if requested == 0 else requested
    return max(1, min(wanted, jobs))


#: Opens the progress display and gives the function to call as each job finishes.
ProgressFactory = Callable[[], AbstractContextManager[Callable[[Job], None]]]


def run_all(
    jobs: Sequence[Job],
    workers: int,
    progress: ProgressFactory | None = None,
) -> list[Outcome]:
    """Run every job, in `workers` processes when more than one; results in input order.

    The progress display starts only after the worker processes are forked, so
    no display thread is ever copied into a worker.
    """
    display = progress if progress is not None else _no_progress
    if workers <= 1 or len(jobs) <= 1:
        outcomes = []
        with display() as on_done:
            for job in jobs:
                outcomes.append(run_job(job))
                on_done(job)
        return outcomes
    with ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts) as pool:
        futures = {pool.submit(run_job, job): job for job in jobs}
        try:
            with display() as on_done:
                for future in as_completed(futures):
                    on_done(futures[future])
        except KeyboardInterrupt:
            # Ctrl-C reaches the whole process group: workers ignore it, the
            # parent drops the queued articles and stops without a traceback.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        return [future.result() for future in futures]


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _no_progress() -> Iterator[Callable[[Job], None]]:
    yield lambda _job: None
