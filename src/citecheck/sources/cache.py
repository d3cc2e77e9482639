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
from dataclasses import asdict, dataclass
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
        """The cached entry and body for `url`, or None (missing or unreadable entries)."""
        meta_path, body_path = self._paths(url)
        try:
            record = json.loads(meta_path.read_text(encoding="utf-8"))
            entry = CacheEntry(**record)
            body = body_path.read_bytes()
        except (OSError, ValueError, TypeError):
            return None
        if entry.format != _FORMAT or entry.url != url:
            return None
        return entry, body

    def put(self, entry: CacheEntry, body: bytes) -> None:
        """Store a download; failures to write are not errors (the cache is an optimisation)."""
        meta_path, body_path = self._paths(entry.url)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _atomic_write(body_path, body)
            _atomic_write(meta_path, json.dumps(asdict(entry), sort_keys=True).encode("utf-8"))
        except OSError:
            return

    def require(self, url: str) -> tuple[CacheEntry, bytes]:
        """The cached download for `url`, for offline runs; `SourceError` when absent."""
        found = self.get(url)
        if found is None:
            raise SourceError(
                f"offline: {url} is not in the download cache ({self.folder.parent}); "
                "run once without --offline to fetch it"
            )
        return found


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
