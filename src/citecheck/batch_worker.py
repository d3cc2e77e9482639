"""The worker side of an archive run: check one chunk of articles, say what it cost.

`run_chunk` is the task every executor runs (a top-level function, so it pickles by
reference for process pools and Dask alike). A worker process keeps one `Checker`
per (judge, language) for its lifetime, so each distinct source text is prepared
once per worker, however many chunks cite it. Every article gets its own outcome: an
article that raises becomes a failure and the rest of the chunk is still checked.
"""

from __future__ import annotations

import os
import resource
import socket
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from citecheck.config import Options
from citecheck.errors import CitecheckError, InternalError
from citecheck.sources.model import Source
from citecheck.sources.store import SourceStore, StoreStats

if TYPE_CHECKING:
    from citecheck.batch import FailureKind, Outcome
    from citecheck.checker import Checker, Resolved

#: Engines a worker keeps, one per distinct (judge, language).
ENGINES_PER_WORKER = 8


@dataclass(frozen=True, slots=True)
class Task:
    """One article for a worker: resolved, its sources' texts replaced by their hashes."""

    position: int
    resolved: Resolved
    hashes: dict[str, str]  # source id -> hash of its text


@dataclass(slots=True)
class Chunk:
    """Articles sent to a worker together, with the distinct source texts they cite once."""

    tasks: list[Task] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # hash -> source text


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """A chunk's outcomes and what checking it cost the worker that ran it."""

    outcomes: list[tuple[int, Outcome]]
    worker: str  # host:pid of the worker process
    preparations: int  # source texts prepared (indexed) for this chunk
    prepare_hits: int  # prepared texts found in the worker's cache
    peak_rss_kb: int  # the worker process's peak resident memory so far
    seconds: float  # wall time spent in the chunk
    cpu_seconds: float  # CPU time of the worker process in the chunk


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def peak_rss_kb() -> int:
    """This process's peak resident set size in KiB (macOS reports bytes)."""
    peak = int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return peak // 1024 if sys.platform == "darwin" else peak


def failed(task: Task, message: str, kind: FailureKind) -> Outcome:
    """`task`'s article as a failure with a one-line reason."""
    from citecheck.batch import Failure, Outcome

    name = task.resolved.name or "<article>"
    return Outcome(name, failure=Failure(name, message, kind))


def _failure_of(exc: Exception) -> tuple[str, FailureKind]:
    """A one-line reason and its kind: bad input, or a citecheck bug."""
    if isinstance(exc, CitecheckError):
        return str(exc), "internal" if isinstance(exc, InternalError) else "input"
    if isinstance(exc, MemoryError):
        return "out of memory checking this article", "input"
    return f"internal error ({type(exc).__name__}: {exc}); please report it", "internal"


def check_task(task: Task, texts: dict[str, str], engine: Checker, store: SourceStore) -> Outcome:
    """One article's outcome: its report, or a failure if checking it raised."""
    from citecheck.batch import Outcome

    resolved = task.resolved
    sources: dict[str, Source] = {
        sid: s if s.text else s.model_copy(update={"text": texts[task.hashes[sid]]})
        for sid, s in resolved.sources.items()
    }
    name = resolved.name or "<article>"
    try:
        report = engine.check(replace(resolved, sources=sources), store)
    except RecursionError:
        return failed(task, "the article is nested too deeply to check", "input")
    except Exception as exc:  # one article fails; the chunk goes on
        message, kind = _failure_of(exc)
        return failed(task, message, kind)
    return Outcome(name, report=report)


def check_chunk(chunk: Chunk, engine_for: Callable[[Options], Checker]) -> ChunkResult:
    """Check every article of `chunk`, each with the engine for its options."""
    started, cpu = time.perf_counter(), time.process_time()
    counted = StoreStats()
    out: list[tuple[int, Outcome]] = []
    for task in chunk.tasks:
        engine = engine_for(task.resolved.options)
        store = SourceStore(engine.options, engine.prepared)
        store.stats = counted  # one tally for the chunk, whatever the engine
        out.append((task.position, check_task(task, chunk.texts, engine, store)))
    return ChunkResult(
        outcomes=out,
        worker=worker_name(),
        preparations=counted.preparations,
        prepare_hits=counted.prepare_hits,
        peak_rss_kb=peak_rss_kb(),
        seconds=time.perf_counter() - started,
        cpu_seconds=time.process_time() - cpu,
    )


#: What shapes an engine: its judge and its language (other options apply per article).
EngineKey = tuple[str, str]
_engines: OrderedDict[EngineKey, Checker] = OrderedDict()
_engines_lock = threading.Lock()


def engine_key(options: Options) -> EngineKey:
    return (options.judge, options.language)


def worker_engine(options: Options) -> Checker:
    """This process's engine for `options`' judge and language, built once and kept."""
    from citecheck.checker import Checker

    key = engine_key(options)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = Checker(Options(judge=options.judge, language=options.language))
            _engines[key] = engine
            while len(_engines) > ENGINES_PER_WORKER:
                _engines.popitem(last=False)
        else:
            _engines.move_to_end(key)
        return engine


def run_chunk(chunk: Chunk) -> ChunkResult:
    """The task a worker runs: check one chunk with this process's engines."""
    return check_chunk(chunk, worker_engine)
