"""A loopback TCP server whose answers are scripted byte by byte.

pytest-httpserver answers with well-formed HTTP at full speed; the hostile cases
need a server that drips its headers, sends malformed ones or stalls, so each
connection here is handed to a plain function holding the socket.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

Handler = Callable[[socket.socket, "RawServer"], None]
T = TypeVar("T")


class RawServer:
    """Accepts connections on 127.0.0.1 and runs `handler` on each, in its own thread."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.stopped = threading.Event()
        self.requests: list[bytes] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port: int = self._listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, name="raw-server", daemon=True)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> None:
        self._accepting.start()

    def stop(self) -> None:
        self.stopped.set()
        with contextlib.suppress(OSError):  # wake accept() rather than wait for its poll
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        self._accepting.join(5)
        for thread in self._threads:
            thread.join(5)
        self._listener.close()

    def sleep(self, seconds: float) -> bool:
        """Wait `seconds`; False when the server is stopping (the handler should end)."""
        return not self.stopped.wait(seconds)

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self.stopped.is_set():
                conn.close()
                return
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                self.requests.append(read_request_head(conn))
                self.handler(conn, self)
            except OSError:  # the client went away: that is what many tests want
                pass


def read_request_head(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def drip(conn: socket.socket, server: RawServer, data: bytes, every: float) -> None:
    """Send `data` one byte at a time, `every` seconds apart, until done or stopped."""
    for byte in data:
        conn.sendall(bytes([byte]))
        if not server.sleep(every):
            return


def respond(conn: socket.socket, head: bytes, body: bytes = b"") -> None:
    """Send a response head (status line and headers, without the blank line) and a body."""
    conn.sendall(head.rstrip(b"\r\n") + b"\r\n\r\n" + body)


@contextmanager
def raw_server(handler: Handler) -> Iterator[RawServer]:
    server = RawServer(handler)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def run_with_limit(work: Callable[[], T], seconds: float) -> tuple[T | BaseException, float]:
    """Run `work` in a thread; fail clearly (not hang) when it outlasts `seconds`."""
    outcome: list[T | BaseException] = []

    def target() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # handed back to the test
            outcome.append(exc)

    started = time.monotonic()
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    elapsed = time.monotonic() - started
    if not outcome:
        raise AssertionError(f"still running after {seconds:g} s: it does not time out")
    return outcome[0], elapsed
