"""Sources from files on disk: the kind comes from the suffix, else from the bytes.

A path can come from an untrusted article, so reading one must never hang or
exhaust memory: only regular files are opened (not `/dev/zero`, a FIFO, a socket
or a folder), the open never blocks, and no more than the limit (plus one byte,
to tell "exactly the limit" from "over it") is ever read, whatever `st_size` says.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from citecheck.errors import SourceError
from citecheck.filetypes import SOURCE_SUFFIXES
from citecheck.lang import Language
from citecheck.sources.extract import Extracted, Kind, extract, sniff_kind

#: Source file suffixes and how each is read (`citecheck.filetypes`); `confine` allows only these.
SUFFIX_KINDS: dict[str, Kind] = SOURCE_SUFFIXES

_CHUNK = 1 << 20
# O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting
# for one (the descriptor is then refused as not a regular file).
_NONBLOCK: int = getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS = (
    os.O_RDONLY
    | _NONBLOCK
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def read_file(
    path: Path, *, max_bytes: int | None = None, language: Language | None = None
) -> Extracted:
    """Read and extract one file; `SourceError` says why when it cannot be used."""
    data = read_regular_file(path, max_bytes=max_bytes)
    kind = SUFFIX_KINDS.get(path.suffix.lower()) or sniff_kind(data) or "text"
    return extract(data, kind, what=str(path), language=language)


def read_regular_file(path: Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `max_bytes` bytes.

    The type is checked twice: with `os.stat` before opening (so a device or FIFO
    is never opened) and with `os.fstat` on the open descriptor (so a file swapped
    for one in between is still refused). The size is checked before reading and
    while reading, since `st_size` can be stale (a growing file) or 0 (`/proc`).
    """
    try:
        before = os.stat(path)
    except FileNotFoundError:
        raise SourceError(f"no such file: {path}") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise SourceError(f"cannot read {path}: {_reason(exc)}") from None
    _check_regular(path, before.st_mode)
    _check_size(path, before.st_size, max_bytes)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise SourceError(f"no such file: {path}") from None
    except (OSError, ValueError) as exc:
        raise SourceError(f"cannot read {path}: {_reason(exc)}") from None
    try:
        opened = os.fstat(fd)
        _check_regular(path, opened.st_mode)
        _check_size(path, opened.st_size, max_bytes)
        if _NONBLOCK:
            os.set_blocking(fd, True)  # a regular file: plain blocking reads from here on
        return _read_capped(fd, path, max_bytes)
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {_reason(exc)}") from None
    finally:
        os.close(fd)


def _read_capped(fd: int, path: Path, max_bytes: int | None) -> bytes:
    """Read to the end, never more than `max_bytes + 1` bytes in all."""
    chunks: list[bytes] = []
    size = 0
    while True:
        want = _CHUNK if max_bytes is None else min(_CHUNK, max_bytes + 1 - size)
        chunk = os.read(fd, want)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if max_bytes is not None and size > max_bytes:
            raise SourceError(
                f"too large: {path} has more than {max_bytes:,} bytes "
                f"(it grew while being read, or its size is not known in advance)"
            )
        chunks.append(chunk)


def _check_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise SourceError(f"not a regular file: {path} is a folder, not a file")
    raise SourceError(f"not a regular file: {path} is {_file_type(mode)}")


def _check_size(path: Path, size: int, max_bytes: int | None) -> None:
    if max_bytes is not None and size > max_bytes:
        raise SourceError(f"too large: {path} has {size:,} bytes, over the limit of {max_bytes:,}")


def _file_type(mode: int) -> str:
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "neither a file nor a folder"


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc) or type(exc).__name__
    return str(exc) or type(exc).__name__
