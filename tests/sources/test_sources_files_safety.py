"""Files named as sources cannot hang a run or exhaust its memory.

Devices, FIFOs and other non-regular files are refused before they are opened,
and no more than the limit (plus one byte) is ever read, whatever `st_size` says.
The cases that would read forever or block on today's code run in a child process
under a memory limit and a timeout.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from citecheck import SourceError
from citecheck.sources.files import read_file, read_regular_file
from tests.sources.bounded import run_bounded

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")


@pytest.mark.slow  # a child Python
@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_device_is_refused_without_reading_it(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} does not exist here")
    outcome = run_bounded(
        f"""
        from pathlib import Path
        from citecheck.sources.files import read_file
        result = read_file(Path({device!r}), max_bytes=200_000_000)
        """,
        timeout=30,
    )
    assert outcome.error == "SourceError", outcome.raw
    assert "not a regular file" in outcome.message
    assert "character device" in outcome.message


@pytest.mark.slow
@posix_only
def test_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zeros.txt"
    link.symlink_to("/dev/zero")
    outcome = run_bounded(
        f"""
        from pathlib import Path
        from citecheck import load_source
        result = load_source(Path({str(link)!r}))
        """,
        timeout=30,
    )
    assert outcome.error == "SourceError", outcome.raw
    assert "not a regular file" in outcome.message
    assert "character device" in outcome.message


@pytest.mark.slow
@posix_only
def test_fifo_without_a_writer_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome = run_bounded(
        f"""
        from pathlib import Path
        from citecheck.sources.files import read_file
        result = read_file(Path({str(fifo)!r}), max_bytes=1000)
        """,
        timeout=30,
    )
    assert outcome.error == "SourceError", outcome.raw
    assert "not a regular file" in outcome.message
    assert "FIFO" in outcome.message


def test_folder_is_not_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "sources.txt").mkdir()
    with pytest.raises(SourceError, match=r"not a regular file: .* is a folder"):
        read_file(tmp_path / "sources.txt")


def test_nul_in_the_path_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"cannot read"):
        read_file(tmp_path / "a\x00b.txt")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_file_whose_size_is_not_known_in_advance_is_capped() -> None:
    """/proc files say st_size 0 and hold more: the cap is enforced while reading."""
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0
    with pytest.raises(SourceError, match=r"too large: .* more than 64 bytes"):
        read_file(status, max_bytes=64)


def test_file_that_grew_after_the_size_check_is_capped_while_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks see the file as it was (100 bytes); it holds 1 MB by the time it is read."""
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 100)
    small = os.stat(path)
    path.write_bytes(b"x" * 1_000_000)
    real_stat, real_fstat, real_read = os.stat, os.fstat, os.read
    read_sizes: list[int] = []

    def stale_stat(target: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        found = real_stat(target, *args, **kwargs)
        return small if found.st_ino == small.st_ino else found

    def stale_fstat(fd: int) -> os.stat_result:
        found = real_fstat(fd)
        return small if found.st_ino == small.st_ino else found

    def counted_read(fd: int, size: int) -> bytes:
        chunk = real_read(fd, size)
        if real_fstat(fd).st_ino == small.st_ino:
            read_sizes.append(len(chunk))
        return chunk

    patches: dict[str, Callable[..., Any]] = {
        "stat": stale_stat,
        "fstat": stale_fstat,
        "read": counted_read,
    }
    for name, replacement in patches.items():
        monkeypatch.setattr(os, name, replacement)
    with pytest.raises(SourceError, match=r"too large: .* more than 1,000 bytes"):
        read_regular_file(path, max_bytes=1000)
    monkeypatch.undo()
    assert sum(read_sizes) == 1001  # the limit plus the one byte that proves it is passed


def test_file_at_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_bytes(b"y" * 1000)
    assert read_regular_file(path, max_bytes=1000) == b"y" * 1000
    with pytest.raises(SourceError, match=r"too large: .* 1,000 bytes, over the limit of 999"):
        read_regular_file(path, max_bytes=999)


def test_file_over_the_limit_is_refused_before_opening(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"z" * 5000)
    with pytest.raises(SourceError, match=r"too large: .* 5,000 bytes"):
        read_file(path, max_bytes=4999)
