"""Dask: run an archive audit on an existing cluster, or on a `LocalCluster` started here.

    with dask_executor("tcp://scheduler:8786") as executor:
        for outcome in citecheck.verify_many(jobs, executor=executor): ...

Dask is an extra (`pip install 'citecheck-news[dask]'`); without it, asking for it
is an `InvalidOptionsError` that says what to install. The executor is the client's
own `concurrent.futures` face (`Client.get_executor(pure=False)`: every chunk is a
new task, so a retried chunk is really run again). A `LocalCluster` started here has
one thread per worker process and `allowed-failures` 0: a chunk whose worker dies
comes back as `KilledWorker` at once and citecheck retries it once, alone
(`batch_run.py`), the same rule as for a process pool. On a cluster of your own, the
scheduler's `distributed.scheduler.allowed-failures` (default 3) applies first.
Workers are warmed up (citecheck imported, the default engine built) in parallel
before the first chunk.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import ExitStack, contextmanager
from typing import Any

from citecheck.errors import InvalidOptionsError

#: What installs Dask for citecheck.
DASK_INSTALL = "pip install 'citecheck-news[dask]'"
#: `--dask local`: a cluster of worker processes on this machine.
LOCAL = "local"
#: Seconds to wait for the scheduler of an existing cluster.
CONNECT_TIMEOUT = 30


def require_dask() -> None:
    """Fail early, with what to install, when Dask is missing."""
    _import_dask()


def _import_dask() -> tuple[Any, Any, Any]:
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise InvalidOptionsError(
            f"--dask needs Dask, which is not installed ({exc.name or exc}); "
            f"install it with: {DASK_INSTALL}"
        ) from None
    return dask, Client, LocalCluster


@contextmanager
def dask_executor(address: str, *, workers: int | None = None) -> Iterator[Executor]:
    """An executor on the Dask cluster at `address` (`local`: a new LocalCluster)."""
    dask, client_class, local_cluster = _import_dask()
    with ExitStack() as stack:
        config = {"distributed.scheduler.allowed-failures": 0}
        try:
            with dask.config.set(config):
                if address == LOCAL:
                    with _workers_ignore_interrupts():
                        cluster = local_cluster(
                            n_workers=workers,
                            threads_per_worker=1,
                            processes=True,
                            dashboard_address="127.0.0.1:0",
                            silence_logs=logging.ERROR,
                        )
                    stack.callback(cluster.close)
                    client = client_class(cluster)
                else:
                    client = client_class(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            where = "cannot start a local cluster" if address == LOCAL else "cannot connect"
            raise InvalidOptionsError(f"--dask {address}: {where} ({exc})") from None
        stack.callback(client.close)
        warm_up(client)
        try:
            yield client.get_executor(pure=False)
        except BaseException:
            quiet()  # Ctrl-C: cancelled tasks make Dask log tracebacks as it shuts down
            raise


#: Loggers that report on Dask's own machinery (its event loop, comms, shutdown).
DASK_LOGGERS = ("distributed", "tornado", "asyncio")


def quiet() -> None:
    """Silence Dask's machinery: the command says in one line what happened."""
    names = [*DASK_LOGGERS, *logging.root.manager.loggerDict]
    for name in names:
        if name.split(".")[0] in DASK_LOGGERS:  # children set their own levels too
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)


@contextmanager
def _workers_ignore_interrupts() -> Iterator[None]:
    """Start worker processes with Ctrl-C ignored (inherited across their exec): a
    terminal's Ctrl-C reaches the whole process group, and this process, not each worker,
    stops the run and says so in one line."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def warm_up(client: Any) -> None:
    """Import citecheck and build the default engine on every worker, all at once."""
    client.run(_warm)


def _warm() -> None:
    from citecheck.batch_worker import worker_engine
    from citecheck.config import Options

    worker_engine(Options())
