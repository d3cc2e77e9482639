"""Running `citecheck check` over many articles: where, and what happens as each finishes.

The command builds the jobs; this module picks the executor (this process, a pool
of worker processes for `--jobs N`, or Dask for `--dask`), runs `batch.verify_many`,
streams each finished report to the audit file (`--output-format jsonl`), advances
the progress bar, and keeps only what the chosen output needs. Ctrl-C stops
submitting, cancels what is queued, stops the workers and leaves whole lines only.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field

from rich.console import Console

from citecheck.batch import BatchStats, Failure, Job, Outcome, verify_many
from citecheck.checker import Checker
from citecheck.cli.audit import AuditWriter
from citecheck.cli.output import progress_bar
from citecheck.report import Report


class InterruptedRunError(Exception):
    """Ctrl-C: the run stopped; the message says what was kept."""


@dataclass(slots=True)
class RunResult:
    """What the output and the exit code need of a run, in input order."""

    reports: list[Report] = field(default_factory=list)  # kept only when collecting
    failures: list[Failure] = field(default_factory=list)
    not_ok: int = 0  # checked articles whose report fails the check
    stats: BatchStats = field(default_factory=BatchStats)


@dataclass(frozen=True, slots=True)
class RunPlan:
    """How to run: where, what to skip, where each report goes."""

    workers: int = 1
    dask: str | None = None  # a scheduler address, or "local"
    skip: dict[str, bool] = field(default_factory=dict)  # audit hashes done -> report ok
    audit: AuditWriter | None = None
    collect: bool = True  # keep the reports (every output but jsonl)
    adjust: Callable[[Report], Report] | None = None  # the baseline, report by report
    progress: bool = False


def run(jobs: list[Job], engine: Checker, plan: RunPlan, err: Console) -> RunResult:
    """Check `jobs` as `plan` says; raise `InterruptedRunError` on Ctrl-C."""
    result = RunResult()
    if not jobs:
        return result
    with ExitStack() as stack:
        executor = stack.enter_context(_executor(plan, len(jobs)))
        bar = progress_bar(err, len(jobs)) if plan.progress else nullcontext(None)
        advance = stack.enter_context(bar)

        outcomes = verify_many(
            jobs,
            executor=executor,
            checker=engine,
            on_done=advance,
            stats=result.stats,
            skip=plan.skip,
            ordered=plan.collect,
        )
        try:
            for outcome in outcomes:
                _record(outcome, plan, result)
        except KeyboardInterrupt:
            close = getattr(outcomes, "close", None)
            if close is not None:
                close()  # cancels the queued chunks
            raise InterruptedRunError(_interrupted(plan, len(jobs))) from None
    return result


def _record(outcome: Outcome, plan: RunPlan, result: RunResult) -> None:
    """Keep what the output needs of one outcome; stream its audit line."""
    if outcome.failure is not None:
        result.failures.append(outcome.failure)
    elif outcome.skipped:
        result.not_ok += outcome.hash is not None and not plan.skip.get(outcome.hash, True)
    elif outcome.report is not None:
        report = plan.adjust(outcome.report) if plan.adjust is not None else outcome.report
        if plan.audit is not None and outcome.hash is not None:
            plan.audit.write(outcome.name, outcome.hash, report)
        result.not_ok += not report.ok
        if plan.collect:
            result.reports.append(report)


def _interrupted(plan: RunPlan, total: int) -> str:
    audit = plan.audit
    if audit is None:
        return "stopped by Ctrl-C; nothing was written"
    where = str(audit.path) if audit.path is not None else "standard output"
    done = audit.written + len(plan.skip)
    resume = f"; rerun with --resume {audit.path} to finish" if audit.path is not None else ""
    return f"stopped by Ctrl-C; {done} of {total} articles are in {where}{resume}"


@contextmanager
def _executor(plan: RunPlan, count: int) -> Iterator[Executor | None]:
    """This process, a process pool, or Dask, as the plan says."""
    if plan.dask is not None:
        from citecheck.cluster import LOCAL, dask_executor

        workers = max(1, min(plan.workers, count)) if plan.dask == LOCAL else None
        with dask_executor(plan.dask, workers=workers) as executor:
            yield executor
        return
    if min(plan.workers, count) <= 1:
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=min(plan.workers, count), initializer=ignore_interrupts)
    try:
        yield pool
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown(wait=True)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel queued chunks and end the workers now, not after their current chunk."""
    pool.shutdown(wait=False, cancel_futures=True)
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()


def ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops them itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def default_workers(requested: int, jobs: int) -> int:
    """`--jobs 0` means one worker per core; never more workers than articles."""
    cores = os.cpu_count() or 1
    wanted = cores if requested == 0 else requested
    return max(1, min(wanted, jobs))
