"""Archive runs on real executors: a ProcessPoolExecutor and a Dask LocalCluster.

Every test runs twice (`kind`: processes, dask) on two worker processes and compares
with a serial run in this process: the same reports byte for byte, each shared
source loaded once and prepared at most once per worker, nothing lost when a worker
is killed, an article that raises failing alone.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path

import pytest

import citecheck
from citecheck import BatchStats, Job, Options, Outcome

from .conftest import write_article
from .support import Archive, build_archive


def run(
    jobs: list[Job], executor: Executor | None, **kwargs: object
) -> tuple[list[Outcome], BatchStats]:
    stats = BatchStats()
    engine = citecheck.Checker()
    outcomes = list(engine.verify_many(jobs, executor=executor, stats=stats, **kwargs))  # type: ignore[arg-type]
    return outcomes, stats


def dumps(outcomes: list[Outcome]) -> list[str]:
    return [o.report.model_dump_json() if o.report else repr(o.failure) for o in outcomes]


@pytest.fixture(scope="module")
def serial(archive: Archive) -> list[Outcome]:
    outcomes, _ = run([Job(p) for p in archive.articles], None)
    assert all(o.report is not None for o in outcomes)
    return outcomes


def test_reports_are_byte_identical_to_a_serial_run(
    archive: Archive, serial: list[Outcome], executor: Executor
) -> None:
    outcomes, stats = run([Job(p) for p in archive.articles], executor, chunk_size=3)
    assert [o.name for o in outcomes] == [str(p) for p in archive.articles]  # input order
    assert dumps(outcomes) == dumps(serial)
    assert [o.hash for o in outcomes] == [o.hash for o in serial]
    assert len(stats.workers) == 2  # both worker processes took part
    assert os.getpid() not in {int(w.rsplit(":", 1)[1]) for w in stats.workers}


def test_shared_sources_load_once_and_prepare_once_per_worker(
    tmp_path: Path, executor: Executor, kind: str
) -> None:
    fresh = build_archive(tmp_path, articles=30, wires=4, seed=100 + len(kind))  # new texts
    outcomes, stats = run([Job(p) for p in fresh.articles], executor, chunk_size=2)
    assert all(o.report is not None for o in outcomes)
    cited = {p.resolve() for p in fresh.sources}
    assert stats.distinct_sources == len(cited) == 4
    assert stats.loads == 4  # each wire file read once for the whole run
    assert stats.citations >= 60  # ...though the articles cite them 60+ times
    assert stats.preparations + stats.prepare_hits == stats.citations
    assert len(stats.workers) == 2
    for worker in stats.workers.values():
        assert worker.preparations <= 4  # at most once per distinct text per worker
    assert 4 <= stats.preparations <= 8
    assert sum(w.articles for w in stats.workers.values()) == 30
    assert all(w.peak_rss_kb > 10_000 for w in stats.workers.values())


def test_a_killed_worker_loses_nothing(archive: Archive, executor: Executor) -> None:
    # One article's judging kills its worker process the first time it is tried (as a
    # segfault or an out-of-memory kill would): its chunk is retried, nothing is lost.
    token = uuid.uuid4().hex
    doomed = write_article(
        archive.root / "articles", f"zz-{token}.md", f"The wire KILLONCE{token} says", wire=0
    )
    jobs = [Job(p, options=Options(judge="explosive")) for p in [*archive.articles, doomed]]
    try:
        outcomes, stats = run(jobs, executor, chunk_size=2)
        again, _ = run(jobs, None)  # the marker is set now: no kill, the reference run
    finally:
        doomed.unlink()
        (Path(tempfile.gettempdir()) / f"citecheck-killed-{token}").unlink(missing_ok=True)
    assert [o.failure for o in outcomes if o.failure] == []
    assert dumps(outcomes) == dumps(again)
    assert stats.retried_chunks >= 1
    assert stats.lost_chunks == 0


def test_an_article_that_raises_fails_alone(
    archive: Archive, tmp_path: Path, executor: Executor
) -> None:
    bad = write_article(archive.article_dir, "zz-explodes.md", "Lena Brandt said EXPLODE today")
    try:
        paths = [*archive.articles[:6], bad, *archive.articles[6:12]]
        options = Options(judge="explosive")
        outcomes, stats = run([Job(p, options=options) for p in paths], executor, chunk_size=4)
    finally:
        bad.unlink()
    failures = [o for o in outcomes if o.failure is not None]
    assert [o.name for o in failures] == [str(bad)]
    assert failures[0].failure is not None
    assert failures[0].failure.kind == "internal"
    assert "explosive judge went off" in failures[0].failure.message
    assert sum(o.report is not None for o in outcomes) == 12  # its chunk-mates too
    assert stats.failed == 1
    assert stats.checked == 12


def test_a_chunk_that_kills_its_worker_twice_is_recorded_as_lost(
    archive: Archive, serial: list[Outcome]
) -> None:
    poison = write_article(archive.article_dir, "zz-poison.md", "Omar Haddad said KILLWORKER")
    try:
        paths = [*archive.articles[:8], poison, *archive.articles[8:16]]
        options = Options(judge="explosive")
        jobs = [Job(p, options=options) for p in paths]
        with ProcessPoolExecutor(max_workers=2) as pool:
            outcomes, stats = run(jobs, pool, chunk_size=1)
    finally:
        poison.unlink()
    lost = [o for o in outcomes if o.failure is not None]
    assert [o.name for o in lost] == [str(poison)]
    assert lost[0].failure is not None
    assert lost[0].failure.kind == "worker"
    assert "lost twice" in lost[0].failure.message
    assert stats.lost_chunks == 1
    assert stats.retried_chunks >= 1
    checked = [o for o in outcomes if o.report is not None]
    assert len(checked) == 16  # the chunks in flight beside it were retried and finished
    by_name = {o.name: o for o in serial}
    assert dumps(checked) == dumps([by_name[o.name] for o in checked])


def test_skip_checks_only_what_is_missing(
    archive: Archive, serial: list[Outcome], executor: Executor
) -> None:
    done = {o.hash for o in serial[::2] if o.hash}
    outcomes, stats = run([Job(p) for p in archive.articles], executor, skip=done)
    assert [o.skipped for o in outcomes] == [i % 2 == 0 for i in range(len(serial))]
    assert stats.skipped == len(done)
    assert stats.checked == len(serial) - len(done)
    fresh = [o for o in outcomes if not o.skipped]
    assert dumps(fresh) == dumps(serial[1::2])
