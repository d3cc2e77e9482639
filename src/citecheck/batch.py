"""`verify_many`: check many articles, sharing their sources, on any `concurrent.futures.Executor`.

    for outcome in citecheck.verify_many(jobs, executor=ProcessPoolExecutor(2)):
        print(outcome.name, outcome.report.ok if outcome.report else outcome.failure)

How a run goes:

1. This process reads every article and resolves its sources (its reference list,
   then the sources the job gives), loading each distinct origin once for the whole
   run through one `SourceStore` (each URL fetched once).
2. Articles go to the executor in chunks; a chunk carries the distinct source texts its
   articles cite once, and each article names its sources by content hash.
3. Each worker process keeps one `Checker` per set of options, whose prepared-text
   cache indexes each distinct source text once per worker, however many articles
   cite it.
4. Outcomes come back in input order: a `Report`, or a `Failure` for that article,
   never an exception that ends the run. Reports are byte-identical whichever executor
   ran them (`None`: this process; a `ProcessPoolExecutor`; a Dask `Client.get_executor()`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from citecheck.config import Options
from citecheck.errors import CitecheckError, InternalError
from citecheck.report import Report
from citecheck.sources.model import GivenSource, Source
from citecheck.sources.store import SourceStore, text_hash

if TYPE_CHECKING:
    from citecheck.checker import Checker, Resolved

#: Articles sent to a worker at a time: fewer, larger tasks keep scheduler overhead low.
DEFAULT_CHUNK_SIZE = 8
#: Engines a worker keeps, one per distinct set of options.
_ENGINES_PER_WORKER = 8


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
    """What checking one article gave: a report or a failure."""

    name: str
    report: Report | None = None
    failure: Failure | None = None

    @property
    def ok(self) -> bool:
        """Checked, and nothing in it fails."""
        return self.report is not None and self.report.ok


@dataclass(frozen=True, slots=True)
class _Task:
    """One article for a worker: resolved, its sources' texts replaced by their hashes."""

    position: int
    resolved: Resolved
    hashes: dict[str, str]  # source id -> hash of its text


@dataclass(slots=True)
class _Chunk:
    tasks: list[_Task] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # hash -> source text, once per chunk


def verify_many(
    jobs: Iterable[Job],
    *,
    executor: Executor | None = None,
    options: Options | None = None,
    checker: Checker | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    on_done: Callable[[Outcome], None] | None = None,
) -> Iterator[Outcome]:
    """Check every job; yield one `Outcome` per job, in input order.

    `executor` is any `concurrent.futures.Executor` (None: in this process). `on_done`
    is called as each article finishes (in finishing order), for progress displays.
    """
    from citecheck.checker import Checker

    engine = checker if checker is not None else Checker(options)
    store = engine.new_store()
    staged: list[_Task | Outcome] = [
        _stage(position, job, engine, store) for position, job in enumerate(jobs)
    ]
    for item in staged:
        if isinstance(item, Outcome) and on_done is not None:
            on_done(item)
    chunks = _chunks([t for t in staged if isinstance(t, _Task)], chunk_size)
    done = _run(chunks, executor, engine, store, on_done)
    for position, item in enumerate(staged):
        yield item if isinstance(item, Outcome) else done[position]


def _stage(position: int, job: Job, engine: Checker, store: SourceStore) -> _Task | Outcome:
    """Read one job's article and load its sources; a bad article becomes its outcome."""
    name = job.shown_name
    try:
        resolved = engine.resolve(
            job.article, job.sources, store, article_name=name, options=job.options
        )
    except CitecheckError as exc:
        return Outcome(name, failure=Failure(name, str(exc)))
    except Exception as exc:  # a bug: one article fails, the run goes on
        message = f"internal error ({type(exc).__name__}: {exc}); please report it"
        return Outcome(name, failure=Failure(name, message, "internal"))
    hashes = {sid: text_hash(s.text) for sid, s in resolved.sources.items()}
    return _Task(position, resolved, hashes)


def _chunks(tasks: Sequence[_Task], size: int) -> list[_Chunk]:
    """Tasks in chunks of `size`, each chunk carrying its distinct source texts once."""
    chunks: list[_Chunk] = []
    for start in range(0, len(tasks), max(1, size)):
        chunk = _Chunk()
        for task in tasks[start : start + size]:
            texts = {task.hashes[sid]: s.text for sid, s in task.resolved.sources.items()}
            chunk.texts.update(texts)
            light = {
                sid: s.model_copy(update={"text": ""}) for sid, s in task.resolved.sources.items()
            }
            chunk.tasks.append(replace(task, resolved=replace(task.resolved, sources=light)))
        chunks.append(chunk)
    return chunks


def _run(
    chunks: list[_Chunk],
    executor: Executor | None,
    engine: Checker,
    store: SourceStore,
    on_done: Callable[[Outcome], None] | None,
) -> dict[int, Outcome]:
    done: dict[int, Outcome] = {}
    lock = threading.Lock()

    def finish(results: list[tuple[int, Outcome]]) -> None:
        with lock:
            for position, outcome in results:
                done[position] = outcome
                if on_done is not None:
                    on_done(outcome)

    if executor is None:
        for chunk in chunks:
            finish(_run_chunk_with(chunk, lambda options: _engine_for(options, engine), store))
        return done
    futures = {executor.submit(run_chunk, chunk): chunk for chunk in chunks}
    for future in as_completed(futures):
        chunk = futures[future]
        try:
            results = future.result()
        except Exception as exc:  # the worker died, or the task could not be sent
            why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            results = [
                (t.position, _failed(t, f"the worker checking it failed ({why})", "worker"))
                for t in chunk.tasks
            ]
        finish(results)
    return done


def _failed(task: _Task, message: str, kind: FailureKind) -> Outcome:
    name = task.resolved.name or "<article>"
    return Outcome(name, failure=Failure(name, message, kind))


def check_chunk(
    chunk: _Chunk, engine: Checker, store: SourceStore | None = None
) -> list[tuple[int, Outcome]]:
    """Check a chunk's articles with `engine` (its texts restored from the chunk's table)."""
    out: list[tuple[int, Outcome]] = []
    for task in chunk.tasks:
        resolved = task.resolved
        sources: dict[str, Source] = {
            sid: s if s.text else s.model_copy(update={"text": chunk.texts[task.hashes[sid]]})
            for sid, s in resolved.sources.items()
        }
        name = resolved.name or "<article>"
        try:
            report = engine.check(replace(resolved, sources=sources), store)
        except CitecheckError as exc:
            kind: FailureKind = "internal" if isinstance(exc, InternalError) else "input"
            out.append((task.position, _failed(task, str(exc), kind)))
            continue
        out.append((task.position, Outcome(name, report=report)))
    return out


#: What shapes an engine: its judge and its language (other options apply per article).
_EngineKey = tuple[str, str]
_engines: OrderedDict[_EngineKey, Checker] = OrderedDict()
_engines_lock = threading.Lock()


def _key(options: Options) -> _EngineKey:
    return (options.judge, options.language)


def _worker_engine(options: Options) -> Checker:
    """This process's engine for `options`' judge and language, built once and kept."""
    from citecheck.checker import Checker

    key = _key(options)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = Checker(Options(judge=options.judge, language=options.language))
            _engines[key] = engine
            while len(_engines) > _ENGINES_PER_WORKER:
                _engines.popitem(last=False)
        else:
            _engines.move_to_end(key)
        return engine


def _engine_for(options: Options, default: Checker) -> Checker:
    return default if _key(options) == _key(default.options) else _worker_engine(options)


def _run_chunk_with(
    chunk: _Chunk, engine_for: Callable[[Options], Checker], store: SourceStore | None = None
) -> list[tuple[int, Outcome]]:
    out: list[tuple[int, Outcome]] = []
    by_engine: dict[_EngineKey, _Chunk] = {}
    for task in chunk.tasks:
        part = by_engine.setdefault(_key(task.resolved.options), _Chunk(texts=chunk.texts))
        part.tasks.append(task)
    for part in by_engine.values():
        engine = engine_for(part.tasks[0].resolved.options)
        out.extend(check_chunk(part, engine, store))
    return sorted(out, key=lambda item: item[0])


def run_chunk(chunk: _Chunk) -> list[tuple[int, Outcome]]:
    """The task a worker runs (top level, so it pickles): check one chunk of articles."""
    return _run_chunk_with(chunk, _worker_engine)
