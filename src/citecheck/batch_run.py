"""Running chunks on an executor: a bounded window, and one retry for lost work.

A worker can die under a chunk (a killed process, a lost Dask worker, out of
memory). Only that chunk's articles should pay for it, so:

- at most `in_flight` chunks are submitted at a time, and the parent stages the next
  chunks while workers check the previous ones;
- a chunk whose task failed (its worker died, the pool broke, Dask raised
  `KilledWorker`) is retried once, *alone*: nothing else is submitted until it has
  run, so a chunk that kills its worker again cannot take innocent chunks with it;
  after that it is reported lost and its articles become `worker` failures;
- a broken `ProcessPoolExecutor` (one killed process breaks the whole pool) is
  replaced by a fresh one with the same settings, owned and shut down here;
- every chunk has at most 1 + `retries` attempts and a submit that raises counts as
  one, so the run ends whatever the executor does.
"""

from __future__ import annotations

import pickle
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from concurrent.futures.thread import BrokenThreadPool
from dataclasses import dataclass
from typing import Any, cast

from citecheck.batch_worker import Chunk, ChunkResult, run_chunk

#: Chunks submitted ahead per worker: one running, one queued behind it.
CHUNKS_PER_WORKER = 2
_BROKEN = (BrokenProcessPool, BrokenThreadPool)


@dataclass(frozen=True, slots=True)
class Finished:
    """A chunk done: its result, or why it was lost after its last attempt."""

    chunk: Chunk
    result: ChunkResult | None
    lost: str | None = None
    attempts: int = 1


def workers_of(executor: Executor) -> int:
    """How many tasks `executor` runs at once (a guess of 2 when it does not say)."""
    client = getattr(executor, "_client", None)  # a Dask ClientExecutor
    if client is not None:
        try:
            return max(1, int(sum(client.nthreads().values())))
        except Exception:  # a client that cannot answer still runs tasks
            return 2
    workers = getattr(executor, "_max_workers", None)
    return workers if isinstance(workers, int) and workers > 0 else 2


def replacement(executor: Executor) -> Executor | None:
    """A fresh process pool like a broken one; None for executors that cannot break so."""
    if not isinstance(executor, ProcessPoolExecutor):
        return None
    return ProcessPoolExecutor(
        max_workers=getattr(executor, "_max_workers", None),
        mp_context=getattr(executor, "_mp_context", None),
        initializer=getattr(executor, "_initializer", None),
        initargs=getattr(executor, "_initargs", ()),
    )


class _Executors:
    """The executor in use, replaced when a process pool breaks."""

    def __init__(self, executor: Executor) -> None:
        self.current = executor
        self.owned: list[Executor] = []
        self.replaced = 0

    def broken(self, executor: Executor) -> None:
        """`executor` broke: use a fresh one, once per broken pool."""
        if executor is not self.current:
            return  # already replaced after an earlier failure of the same pool
        fresh = replacement(executor)
        if fresh is not None:
            self.current = fresh
            self.owned.append(fresh)
            self.replaced += 1

    def close(self, *, cancel: bool) -> None:
        for executor in self.owned:
            executor.shutdown(wait=not cancel, cancel_futures=cancel)


def _is_dask(executor: Executor) -> bool:
    """Dask's executor walks a task's arguments (dataclasses too) to build its graph, and
    names a task by them unless told otherwise: a chunk goes to it as pickled bytes, which
    it ships as they are (a third of the client's CPU per task, measured), and as a new
    task each time, so a retried chunk is run again rather than its lost result reused."""
    return type(executor).__name__ == "ClientExecutor"


def run_pickled(task: Callable[[Chunk], ChunkResult], data: bytes) -> ChunkResult:
    """`task` on a chunk sent as pickled bytes (the Dask path)."""
    chunk: Chunk = pickle.loads(data)
    return task(chunk)


def describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    name = type(exc).__name__
    return f"{name}: {text[:200]}" if text else name


def run_chunks(
    chunks: Iterable[Chunk],
    executor: Executor,
    *,
    in_flight: int | None = None,
    retries: int = 1,
    task: Callable[[Chunk], ChunkResult] = run_chunk,
) -> Generator[Finished, None, None]:
    """Run every chunk on `executor`; yield each as it finishes (or is lost for good)."""
    limit = in_flight if in_flight is not None else CHUNKS_PER_WORKER * workers_of(executor)
    executors = _Executors(executor)
    pending: dict[Future[ChunkResult], tuple[Chunk, int, Executor]] = {}
    suspects: deque[tuple[Chunk, int]] = deque()  # lost once: retried one at a time
    source = iter(chunks)
    exhausted = False
    completed = False
    try:
        while True:
            lost: list[tuple[Chunk, int, BaseException]] = []
            if suspects:
                if not pending:
                    chunk, attempt = suspects.popleft()
                    _submit(executors, task, chunk, attempt, pending, lost)
            else:
                while not exhausted and len(pending) < max(1, limit):
                    chunk_or_none = next(source, None)
                    if chunk_or_none is None:
                        exhausted = True
                        break
                    _submit(executors, task, chunk_or_none, 1, pending, lost)
            if pending and not lost:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=lambda f: pending[f][0].tasks[0].position):
                    chunk, attempt, used = pending.pop(future)
                    try:
                        result = future.result()
                    except Exception as exc:  # the worker died or the task was lost
                        if isinstance(exc, _BROKEN):
                            executors.broken(used)
                        lost.append((chunk, attempt, exc))
                        continue
                    yield Finished(chunk, result, attempts=attempt)
            for chunk, attempt, error in lost:
                if attempt <= retries:
                    suspects.append((chunk, attempt + 1))
                else:
                    yield Finished(chunk, None, lost=describe(error), attempts=attempt)
            if not pending and not suspects and exhausted:
                completed = True
                return
    finally:
        for future in pending:
            future.cancel()
        executors.close(cancel=not completed)


def _submit(
    executors: _Executors,
    task: Callable[[Chunk], ChunkResult],
    chunk: Chunk,
    attempt: int,
    pending: dict[Future[ChunkResult], tuple[Chunk, int, Executor]],
    lost: list[tuple[Chunk, int, BaseException]],
) -> None:
    used = executors.current
    try:
        if _is_dask(used):  # an opaque payload, and a new task each time (pure=False)
            data = pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
            future = cast(Any, used).submit(run_pickled, task, data, pure=False)
        else:
            future = used.submit(task, chunk)
    except Exception as exc:  # a broken or shut-down executor refuses new work
        if isinstance(exc, _BROKEN):
            executors.broken(used)
        lost.append((chunk, attempt, exc))
        return
    pending[future] = (chunk, attempt, used)
