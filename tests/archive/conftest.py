"""Fixtures of the archive-run tests: a real process pool and a real Dask LocalCluster.

One LocalCluster (2 worker processes) serves every Dask test of the session: starting
one costs seconds, and the tests must stay fast in CI. The test judge is installed
the way a plugin package would be, as a `citecheck.judges` entry point in a
`*.dist-info` folder on `sys.path`, so worker processes (forked or spawned) find it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from citecheck.cli.runner import ignore_interrupts

from .support import Archive, build_archive


@dataclass(frozen=True)
class DaskCluster:
    executor: Executor
    address: str
    client: object


@pytest.fixture(scope="session", autouse=True)
def test_judge_plugin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Install the explosive judge as an entry point (for this process and its workers)."""
    root = tmp_path_factory.mktemp("plugins")
    info = root / "citecheck_test_plugins-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: citecheck-test-plugins\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[citecheck.judges]\nexplosive = tests.archive.judges:explosive_judge\n", encoding="utf-8"
    )
    sys.path.append(str(root))
    os.environ["CITECHECK_TEST_PARENT"] = str(os.getpid())
    yield
    sys.path.remove(str(root))


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return build_archive(tmp_path_factory.mktemp("archive"), articles=24)


@pytest.fixture(scope="session")
def dask_cluster(test_judge_plugin: None) -> Iterator[DaskCluster]:
    """A real LocalCluster of 2 worker processes, started the way `--dask local` starts it."""
    pytest.importorskip("distributed")
    from citecheck.cluster import dask_executor

    with dask_executor("local", workers=2) as executor:
        client = executor._client  # type: ignore[attr-defined]
        yield DaskCluster(executor, client.scheduler.address, client)


@pytest.fixture(params=["processes", "dask"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def executor(kind: str, request: pytest.FixtureRequest) -> Iterator[Executor]:
    """Two worker processes: a ProcessPoolExecutor, or the Dask cluster's executor."""
    if kind == "dask":
        cluster: DaskCluster = request.getfixturevalue("dask_cluster")
        yield cluster.executor
        return
    with ProcessPoolExecutor(max_workers=2, initializer=ignore_interrupts) as pool:
        yield pool


def worker_pids(executor: Executor) -> list[int]:
    """The process ids of the executor's workers."""
    client = getattr(executor, "_client", None)
    if client is not None:
        return sorted(client.run(os.getpid).values())
    assert isinstance(executor, ProcessPoolExecutor)
    return sorted(executor._processes)  # type: ignore[attr-defined]


def write_article(directory: Path, name: str, claim: str, wire: int = 0) -> Path:
    path = directory / name
    path.write_text(
        f"# {name}\n\n{claim} [1].\n\n## References\n\n[1] Wire copy. ../sources/wire-{wire}.txt\n",
        encoding="utf-8",
    )
    return path
