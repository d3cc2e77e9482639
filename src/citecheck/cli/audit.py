"""The audit file: one JSON line per checked article, written as each one finishes.

    {"article": "archive/2024/story.md", "hash": "<sha256>", "report": {...Report...}}

A line is written with one `write()` while Ctrl-C is held back, so the file only ever
holds whole lines; a crash (or a killed process) can leave at most one partial line at
the end, which `read_audit` cuts off. `--resume FILE` reads the hashes already in the
file, checks only the articles whose hash is missing, and appends their lines.
Lines are in finishing order; each names its article. Articles that could not be
checked get no line, so a rerun tries them again.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from pydantic_core import PydanticSerializationError

from citecheck.errors import InvalidOptionsError
from citecheck.report import Report


def audit_line(article: str, digest: str, report: Report) -> bytes:
    """One line of the audit file: the report exactly as `model_dump_json()` gives it."""
    head = json.dumps({"article": article, "hash": digest}, separators=(",", ":"))
    try:
        body = report.model_dump_json()
    except PydanticSerializationError as exc:
        # pydantic-core wraps a Ctrl-C that lands mid-serialisation in its own error; give
        # it back as the interrupt it is, so the run stops as Ctrl-C does (exit 130).
        if "KeyboardInterrupt" in str(exc):
            raise KeyboardInterrupt from None
        raise
    return f'{head[:-1]},"report":{body}}}\n'.encode()


@dataclass(slots=True)
class AuditFile:
    """What an existing audit file holds: each hash with whether its report was ok."""

    done: dict[str, bool] = field(default_factory=dict)
    lines: int = 0
    cut: int = 0  # bytes of a partial last line that were removed


def read_audit(path: Path) -> AuditFile:
    """Read `path` (missing: empty), cutting off a partial last line in place."""
    where = f"--resume {path}"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return AuditFile()
    except OSError as exc:
        raise InvalidOptionsError(f"{where}: cannot read: {exc.strerror or exc}") from None
    end = data.rfind(b"\n") + 1
    found = AuditFile(cut=len(data) - end)
    if found.cut:
        try:
            with path.open("r+b") as handle:
                handle.truncate(end)
        except OSError as exc:
            raise InvalidOptionsError(f"{where}: cannot write: {exc.strerror or exc}") from None
    for number, raw in enumerate(data[:end].split(b"\n")[:-1], start=1):
        digest, ok = _parse_line(raw, f"{where}: line {number}")
        found.done[digest] = ok
        found.lines += 1
    return found


def _parse_line(raw: bytes, where: str) -> tuple[str, bool]:
    try:
        record: Any = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidOptionsError(f"{where}: not a citecheck audit line (invalid JSON)") from None
    report = record.get("report") if isinstance(record, dict) else None
    digest = record.get("hash") if isinstance(record, dict) else None
    if not isinstance(digest, str) or not isinstance(report, dict):
        raise InvalidOptionsError(f"{where}: not a citecheck audit line (no hash and report)")
    return digest, report.get("ok") is True


class AuditWriter:
    """Appends whole lines to the audit file (or standard output), as articles finish."""

    def __init__(self, path: Path | None, *, append: bool) -> None:
        self.path = path
        self.written = 0
        self._stream: IO[bytes]
        if path is None:
            self._stream = sys.stdout.buffer
            return
        try:
            self._stream = path.open("ab" if append else "wb", buffering=0)
        except OSError as exc:
            raise InvalidOptionsError(
                f"--output-file {path}: cannot write: {exc.strerror or exc}"
            ) from None

    def write(self, article: str, digest: str, report: Report) -> None:
        """One line, whole: Ctrl-C waits until it is written."""
        line = audit_line(article, digest, report)
        blocked = _block_interrupts()
        try:
            view = memoryview(line)
            while view:
                count = self._stream.write(view)
                view = view[count if count is not None else len(view) :]
            self._stream.flush()
        finally:
            _restore_interrupts(blocked)
        self.written += 1

    def close(self) -> None:
        """Flush and, for a file, sync it to disk."""
        self._stream.flush()
        if self.path is not None:
            with contextlib.suppress(OSError):
                os.fsync(self._stream.fileno())
            self._stream.close()

    def __enter__(self) -> AuditWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _block_interrupts() -> bool:
    """Hold SIGINT back (main thread only); True if it was blocked here."""
    if not hasattr(signal, "pthread_sigmask"):
        return False
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    except (OSError, ValueError):
        return False
    return signal.SIGINT not in previous


def _restore_interrupts(blocked: bool) -> None:
    if blocked:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
