"""`verify_many`: check many articles, sharing their sources, on any `concurrent.futures.Executor`.

    for outcome in citecheck.verify_many(jobs, executor=ProcessPoolExecutor(2)):
        print(outcome.name, outcome.report.ok if outcome.report else outcome.failure)

How a run goes:

1. This process reads each article and resolves its sources (its reference list,
   then the sources the job gives), loading each distinct origin once for the whole
   run through one `SourceStore` (each URL fetched once). It does so lazily, a chunk
   at a time, while workers check the chunks before: a 100,000-article archive
   starts at once and stays within bounded memory.
2. Articles go to the executor in chunks; a chunk carries the distinct source texts its
   articles cite once, and each article names its sources by content hash.
3. Each worker process keeps one `Checker` per (judge, language), whose prepared-text
   cache indexes each distinct source text once per worker, however many articles
   cite it (`batch_worker.py`).
4. Outcomes come back in input order (or as they finish, `ordered=False`): a `Report`,
   or a `Failure` for that article, never an exception that ends the run. Reports are
   byte-identical whichever executor ran them (`None`: this process; a
   `ProcessPoolExecutor`; a Dask `Client.get_executor()`). A chunk lost with its
   worker is retried once, then its articles are `worker` failures (`batch_run.py`).

Each checked article's outcome carries `hash`, the content hash of everything its
report depends on (`fingerprint.py`); `skip` names hashes already done, so a rerun
checks only what changed or is missing. `stats` (a `BatchStats`) counts loads,
preparations and citations across every worker.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Generator, Iterable, Iterator, Mapping
from concurrent.futures import Executor
from contextlib import suppress
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from citecheck.batch_run import Finished, run_chunks
from citecheck.batch_worker import Chunk, Task, check_chunk, engine_key, failed, worker_engine
from citecheck.config import Options
from citecheck.errors import CitecheckError
from citecheck.fingerprint import job_hash
from citecheck.report import Report
from citecheck.sources.model import GivenSource, SourceLike
from citecheck.sources.store import SourceStore, text_hash

if TYPE_CHECKING:
    from citecheck.checker import Checker, Wanted

#: Articles sent to a worker at a time: fewer, larger tasks keep scheduler overhead low.
DEFAULT_CHUNK_SIZE = 8


@dataclass(frozen=True, slots=True)
class Job:
    """One article to check: its text or file, and the sources it is given."""

    article: str | Path
    sources: Mapping[str | int, GivenSource] | None = None  # win over its reference list
    name: str | None = None  # as reports show it; a file's path by default
    options: Options | None = None  # this article's options (default: the run's)

    @property
    def shown_name(self) -> str:
        if self.name is not None:
            return self.name
        return str(self.article) if isinstance(self.article, Path) else "<article>"


FailureKind = Literal["input", "internal", "worker"]


@dataclass(frozen=True, slots=True)
class Failure:
    """An article that could not be checked, with a one-line reason."""

    name: str
    message: str
    kind: FailureKind = "input"  # bad input; a citecheck bug; a worker that died


@dataclass(frozen=True, slots=True)
class Outcome:
    """What checking one article gave: a report, a failure, or `skipped` (done before)."""

    name: str
    report: Report | None = None
    failure: Failure | None = None
    hash: str | None = None  # content hash of article, sources, options and version
    skipped: bool = False  # its hash was in `skip`: checked by an earlier run

    @property
    def ok(self) -> bool:
        """Checked, and nothing in it fails."""
        return self.report is not None and self.report.ok


@dataclass(slots=True)
class WorkerStats:
    """What one worker process did in a run."""

    chunks: int = 0
    articles: int = 0
    preparations: int = 0
    prepare_hits: int = 0
    peak_rss_kb: int = 0
    busy_seconds: float = 0.0  # wall time in chunks
    cpu_seconds: float = 0.0  # CPU time in chunks (less than busy: it waited for a core)


@dataclass(slots=True)
class BatchStats:
    """What an archive run did, summed over the parent and every worker."""

    articles: int = 0  # jobs given
    checked: int = 0  # articles with a report
    failed: int = 0  # articles with a failure
    skipped: int = 0  # articles whose hash was in `skip`
    claims: int = 0  # claims in the reports
    citations: int = 0  # (article, loaded source) pairs: preparations without sharing
    distinct_sources: int = 0  # distinct source texts sent to workers
    loads: int = 0  # origins loaded by the parent (files read, URLs fetched)
    preparations: int = 0  # source texts prepared, all workers together
    prepare_hits: int = 0  # prepared texts served from a worker's cache
    chunks: int = 0  # chunks run
    retried_chunks: int = 0  # chunks run a second time after losing their worker
    lost_chunks: int = 0  # chunks lost twice: their articles are `worker` failures
    workers: dict[str, WorkerStats] = field(default_factory=dict)  # by host:pid

    def record_chunk(self, finished: Finished) -> None:
        """Count a finished chunk and what its worker reported."""
        self.chunks += 1
        self.retried_chunks += finished.attempts > 1
        result = finished.result
        if result is None:
            self.lost_chunks += 1
            return
        worker = self.workers.setdefault(result.worker, WorkerStats())
        worker.chunks += 1
        worker.articles += len(result.outcomes)
        worker.preparations += result.preparations
        worker.prepare_hits += result.prepare_hits
        worker.peak_rss_kb = max(worker.peak_rss_kb, result.peak_rss_kb)
        worker.busy_seconds += result.seconds
        worker.cpu_seconds += result.cpu_seconds
        self.preparations += result.preparations
        self.prepare_hits += result.prepare_hits

    def record_outcome(self, outcome: Outcome) -> None:
        """Count one article's outcome."""
        if outcome.skipped:
            self.skipped += 1
        elif outcome.report is not None:
            self.checked += 1
            self.claims += len(outcome.report.claims)
        else:
            self.failed += 1


def verify_many(
    jobs: Iterable[Job],
    *,
    executor: Executor | None = None,
    options: Options | None = None,
    checker: Checker | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    on_done: Callable[[Outcome], None] | None = None,
    stats: BatchStats | None = None,
    skip: Container[str] | None = None,
    ordered: bool = True,
    in_flight: int | None = None,
) -> Iterator[Outcome]:
    """Check every job; yield one `Outcome` per job, in input order (`ordered=False`: as
    they finish).

    `executor` is any `concurrent.futures.Executor` (None: in this process). `on_done`
    is called as each article finishes (in finishing order), for progress displays and
    streaming output. `skip` holds hashes already checked: those jobs are read and
    hashed but not checked, and come back `skipped`. `stats` receives the run's counts.
    `in_flight` bounds the chunks submitted at once (default: two per worker).
    """
    from citecheck.checker import Checker

    engine = checker if checker is not None else Checker(options)
    run = _Run(engine, stats if stats is not None else BatchStats(), on_done, ordered)
    chunks = run.chunks(jobs, max(1, chunk_size), skip)

    finished_chunks: Generator[Finished, None, None] = (
        (Finished(c, check_chunk(c, lambda o: _engine_for(o, engine))) for c in chunks)
        if executor is None
        else run_chunks(chunks, executor, in_flight=in_flight)
    )
    try:
        for finished in finished_chunks:
            run.finish(finished)
            yield from run.ready()
        yield from run.ready(final=True)
    finally:
        finished_chunks.close()  # on an early exit: cancel what is still queued
        run.stats.loads = run.loads()


class _Run:
    """One run's state: its store, hashes of articles in flight, finished outcomes."""

    def __init__(
        self,
        engine: Checker,
        stats: BatchStats,
        on_done: Callable[[Outcome], None] | None,
        ordered: bool,
    ) -> None:
        self.engine = engine
        self.stores: dict[tuple[object, ...], SourceStore] = {}  # one per way of loading
        self.stats = stats
        self.on_done = on_done
        self.ordered = ordered
        self.hashes: dict[int, str] = {}  # position -> hash, for articles in flight
        self.done: dict[int, Outcome] = {}  # finished, not yet yielded
        self.next = 0  # the next position to yield, in input order
        self.sources: set[str] = set()  # hashes of the distinct source texts sent

    def chunks(
        self, jobs: Iterable[Job], size: int, skip: Container[str] | None
    ) -> Iterator[Chunk]:
        """Stage jobs lazily into chunks; failures and skipped jobs finish at once.

        A chunk's articles are read first, then all the sources they want are loaded in
        one go (URLs fetched concurrently), then each article is resolved from the store.
        """
        numbered = enumerate(jobs)
        while group := list(islice(numbered, size)):
            chunk = Chunk()
            for position, staged in self._stage_group(group):
                if isinstance(staged, Outcome):
                    self.publish(position, staged)
                    continue
                digest = job_hash(staged.resolved, _version())
                if skip is not None and digest in skip:
                    name = staged.resolved.name or "<article>"
                    self.publish(position, Outcome(name, hash=digest, skipped=True))
                    continue
                self.hashes[position] = digest
                self.stats.citations += len(staged.resolved.sources)
                _add_task(chunk, staged, self.sources)
                self.stats.distinct_sources = len(self.sources)
            if chunk.tasks:
                yield chunk

    def _stage_group(self, group: list[tuple[int, Job]]) -> list[tuple[int, Task | Outcome]]:
        """Read a group of jobs, load their sources together, resolve each."""
        self.stats.articles += len(group)
        wanted: list[tuple[int, Wanted | Outcome]] = [
            (position, _want(job, self.engine)) for position, job in group
        ]
        values: dict[int, list[SourceLike]] = {}
        for _, w in wanted:
            if not isinstance(w, Outcome):
                values.setdefault(id(self.store_for(w.options)), []).extend(w.sources.values())
        for store in self.stores.values():
            if id(store) in values:
                with suppress(CitecheckError):  # a source that cannot load fails per article
                    store.prefetch(values[id(store)])
        return [
            (
                position,
                w if isinstance(w, Outcome) else _resolve(position, w, self.store_for(w.options)),
            )
            for position, w in wanted
        ]

    def store_for(self, options: Options) -> SourceStore:
        """The run's store for articles loading their sources with `options`."""
        key = _loading_key(options)
        store = self.stores.get(key)
        if store is None:
            store = self.stores[key] = SourceStore(options, self.engine.prepared)
        return store

    def loads(self) -> int:
        return sum(store.stats.loads for store in self.stores.values())

    def finish(self, finished: Finished) -> None:
        self.stats.record_chunk(finished)
        self.stats.loads = self.loads()
        if finished.result is not None:
            for position, outcome in finished.result.outcomes:
                self.publish(position, replace(outcome, hash=self.hashes.pop(position, None)))
            return
        why = f"the worker checking it was lost twice ({finished.lost})"
        for task in finished.chunk.tasks:
            self.hashes.pop(task.position, None)
            self.publish(task.position, failed(task, why, "worker"))

    def publish(self, position: int, outcome: Outcome) -> None:
        self.stats.record_outcome(outcome)
        self.done[position] = outcome
        if self.on_done is not None:
            self.on_done(outcome)

    def ready(self, *, final: bool = False) -> Iterator[Outcome]:
        """Finished outcomes that may be yielded now (all of them at the end)."""
        if not self.ordered:
            for position in sorted(self.done):
                yield self.done.pop(position)
            return
        while self.next in self.done:
            yield self.done.pop(self.next)
            self.next += 1
        if final:  # every position has finished by now
            for position in sorted(self.done):
                yield self.done.pop(position)


def _version() -> str:
    from citecheck import __version__

    return __version__


def _want(job: Job, engine: Checker) -> Wanted | Outcome:
    """Read one job's article and what sources it wants; a bad article is its outcome."""
    name = job.shown_name
    try:
        return engine.wanted(job.article, job.sources, article_name=name, options=job.options)
    except CitecheckError as exc:
        return Outcome(name, failure=Failure(name, str(exc)))
    except Exception as exc:  # a bug: one article fails, the run goes on
        return Outcome(name, failure=Failure(name, _internal(exc), "internal"))


def _resolve(position: int, wanted: Wanted, store: SourceStore) -> Task | Outcome:
    """Load a read article's sources (found in the store when prefetched)."""
    from citecheck.checker import Checker

    name = wanted.name or "<article>"
    try:
        resolved = Checker.load_wanted(wanted, store)
    except CitecheckError as exc:
        return Outcome(name, failure=Failure(name, str(exc)))
    except Exception as exc:  # a bug: one article fails, the run goes on
        return Outcome(name, failure=Failure(name, _internal(exc), "internal"))
    hashes = {sid: text_hash(s.text) for sid, s in resolved.sources.items()}
    return Task(position, resolved, hashes)


#: Options that shape how an article reads or is checked, not how its sources load.
_NOT_LOADING = frozenset(
    {
        "format",
        "marker_scope",
        "fail_on",
        "suggest_citations",
        "judge",
        "language",
        "max_article_chars",
        "max_marker_range",
        "max_evidence",
    }
)


def _loading_key(options: Options) -> tuple[object, ...]:
    """What decides how sources load: every option but those that cannot (a new option
    counts until listed, so two ways of loading never share a store by mistake)."""
    return tuple(
        (name, getattr(options, name))
        for name in sorted(Options.model_fields)
        if name not in _NOT_LOADING
    )


def _internal(exc: Exception) -> str:
    return f"internal error ({type(exc).__name__}: {exc}); please report it"


def _add_task(chunk: Chunk, task: Task, seen: set[str]) -> None:
    """Add `task` to `chunk`, its source texts moved into the chunk's table (once each)."""
    sources = task.resolved.sources
    for sid, source in sources.items():
        chunk.texts.setdefault(task.hashes[sid], source.text)
        seen.add(task.hashes[sid])
    light = {sid: s.model_copy(update={"text": ""}) for sid, s in sources.items()}
    chunk.tasks.append(replace(task, resolved=replace(task.resolved, sources=light)))


def _engine_for(options: Options, default: Checker) -> Checker:
    """The run's own engine when it fits the article's options, else a kept one."""
    return default if engine_key(options) == engine_key(default.options) else worker_engine(options)
