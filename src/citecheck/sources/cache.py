"""An on-disk cache of downloads, keyed by URL, revalidated with ETag/Last-Modified.

Each entry is two files named by the SHA-256 of the URL: the body, and a small
JSON record of the response headers needed to revalidate and re-read it. Writes
go through a temporary file and a rename, so a crash never leaves half an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from citecheck.errors import SourceError

CACHE_ENV = "CITECHECK_CACHE_DIR"
_FORMAT = 1


def default_cache_dir() -> Path:
    """$CITECHECK_CACHE_DIR, else the platform's user cache folder + 'citecheck'."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
        return base / "citecheck" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "citecheck"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else home / ".cache") / "citecheck"


@dataclass(frozen=True)
class CacheEntry:
    """What is kept about one download besides its body."""

    url: str
    final_url: str
    content_type: str
    retrieved_at: str
    etag: str | None = None
    last_modified: str | None = None
    format: int = _FORMAT


class DownloadCache:
    """Bodies and validators of earlier downloads, in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "http"

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def get(self, url: str) -> tuple[CacheEntry, bytes] | None:
        """The cached entry and body for `url`, or None (missing, stale or damaged entries)."""
        found = self._load(url)
        return found if isinstance(found, tuple) else None

    def _load(self, url: str) -> tuple[CacheEntry, bytes] | str | None:
        """The entry and body; None when there is none; a reason when it is damaged.

        A damaged entry (a crash, a full disk, a hand edit) must never raise: it
        is a miss, and the next download replaces it.
        """
        meta_path, body_path = self._paths(url)
        try:
            raw = meta_path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            return f"its record cannot be read ({exc.strerror or exc})"
        try:
            record = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
            return "its record is not valid JSON"
        entry = _entry_from_record(record)
        if isinstance(entry, str):
            return f"its record {entry}"
        if entry.format != _FORMAT or entry.url != url:
            return None  # another format, or (a hash collision) another URL
        try:
            body = body_path.read_bytes()
        except FileNotFoundError:
            return "its body file is missing"
        except OSError as exc:
            return f"its body file cannot be read ({exc.strerror or exc})"
        return entry, body

    def put(self, entry: CacheEntry, body: bytes) -> None:
        """Store a download; failures to write are not errors (the cache is an optimisation)."""
        meta_path, body_path = self._paths(entry.url)
        # A validator that could not be sent back as a header is not worth keeping.
        if entry.etag is not None and not _header_safe(entry.etag):
            entry = replace(entry, etag=None)
        if entry.last_modified is not None and not _header_safe(entry.last_modified):
            entry = replace(entry, last_modified=None)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _atomic_write(body_path, body)
            _atomic_write(meta_path, json.dumps(asdict(entry), sort_keys=True).encode("utf-8"))
        except OSError:
            return

    def require(self, url: str) -> tuple[CacheEntry, bytes]:
        """The cached download for `url`, for offline runs; `SourceError` when absent or damaged."""
        found = self._load(url)
        if isinstance(found, tuple):
            return found
        if found is None:
            raise SourceError(
                f"offline: {url} is not in the download cache ({self.folder.parent}); "
                "run once without --offline to fetch it"
            )
        raise SourceError(
            f"offline: the cached copy of {url} is damaged: {found} "
            f"(cache {self.folder.parent}); run once without --offline to fetch it again"
        )


_TEXT_FIELDS = ("url", "final_url", "content_type", "retrieved_at")
_VALIDATORS = ("etag", "last_modified")


def _entry_from_record(record: object) -> CacheEntry | str:
    """A `CacheEntry` from a decoded JSON record, or what is wrong with the record.

    Every field is checked for its type: a record is read back into request headers
    (the validators) and into the `Download`, where a number or a list in place of
    a string would raise far from here. Validators must also be one header line.
    """
    if not isinstance(record, dict):
        return "is not a JSON object"
    unknown = sorted(set(record) - {*_TEXT_FIELDS, *_VALIDATORS, "format"})
    if unknown:
        return f"has an unknown field {unknown[0]!r}"
    for name in _TEXT_FIELDS:
        if not isinstance(record.get(name), str):
            return f"has no text field {name!r}"
    for name in _VALIDATORS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return f"has a {name!r} that is not text"
        if isinstance(value, str) and not _header_safe(value):
            return f"has a {name!r} that is not one header line"
    number = record.get("format", _FORMAT)
    if not isinstance(number, int) or isinstance(number, bool):
        return "has a 'format' that is not a number"
    return CacheEntry(
        url=record["url"],
        final_url=record["final_url"],
        content_type=record["content_type"],
        retrieved_at=record["retrieved_at"],
        etag=record.get("etag"),
        last_modified=record.get("last_modified"),
        format=number,
    )


def _header_safe(value: str) -> bool:
    """True for a value that can go into a request header as it is."""
    return len(value) <= 1000 and value.isprintable() and value.isascii()


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
