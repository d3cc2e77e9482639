"""`SourceStore`: each origin loaded once per run, each distinct text prepared once per judge.

Two caches with two lifetimes:

- a `SourceStore` is one run (one `verify()` call, or one `verify_many()` batch): it
  loads each origin (a file, a URL, given text) once, however many articles or claims
  cite it, and hands out `Source` objects under the ids each article uses;
- a `PreparedCache` belongs to an engine (`Checker`) and outlives runs: it keeps what
  a judge prepared for a source text (an index, embeddings) keyed by the judge's name
  and the text's SHA-256, in a bounded LRU, so a source cited by 500 articles is
  prepared once per worker, not 500 times, and memory stays bounded.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from citecheck.config import Options
from citecheck.errors import SourceError
from citecheck.sources.load import Progress, is_url, load_sources
from citecheck.sources.model import Source, SourceLike

#: Prepared texts kept per engine: at most this many characters of source text in all…
DEFAULT_MAX_PREPARED_CHARS = 100_000_000
#: …and at most this many entries.
DEFAULT_MAX_PREPARED = 2048


def text_hash(text: str) -> str:
    """The content hash a prepared text is cached under (and a job names a source by)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class StoreStats:
    """What the caches did: for tests, benchmarks and `-v` output."""

    loads: int = 0  # origins actually loaded (files read, URLs fetched)
    load_hits: int = 0  # origins served from this run's cache
    preparations: int = 0  # texts prepared by a judge
    prepare_hits: int = 0  # preparations served from the cache


class PreparedCache:
    """Bounded LRU of prepared source texts, keyed by (judge name, text hash). Thread-safe."""

    def __init__(
        self,
        max_chars: int = DEFAULT_MAX_PREPARED_CHARS,
        max_entries: int = DEFAULT_MAX_PREPARED,
    ) -> None:
        self.max_chars = max_chars
        self.max_entries = max_entries
        self.stats = StoreStats()
        self._entries: OrderedDict[tuple[str, str], tuple[object, int]] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()

    def get(
        self,
        name: str,
        text: str,
        prepare: Callable[[str], object],
        also: StoreStats | None = None,
    ) -> object:
        """`prepare(text)`, computed once per (name, distinct text) while it stays cached.

        `also` counts the hit or preparation a second time, for one run or one chunk of
        an archive run, exactly even when threads share this cache.
        """
        key = (name, text_hash(text))
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                self.stats.prepare_hits += 1
                if also is not None:
                    also.prepare_hits += 1
                return found[0]
        value = prepare(text)  # outside the lock: preparing a large text takes a while
        with self._lock:
            self.stats.preparations += 1
            if also is not None:
                also.preparations += 1
            if len(text) <= self.max_chars and key not in self._entries:
                self._entries[key] = (value, len(text))
                self._chars += len(text)
                while self._entries and (
                    self._chars > self.max_chars or len(self._entries) > self.max_entries
                ):
                    _, (_, size) = self._entries.popitem(last=False)
                    self._chars -= size
        return value

    def __len__(self) -> int:
        return len(self._entries)


def origin_key(value: SourceLike) -> tuple[str, ...]:
    """What makes two given sources the same origin: a URL, a file as it is now, a text."""
    if isinstance(value, Source):
        return ("source", text_hash(value.text), value.origin)
    if isinstance(value, Path):
        try:
            stat = value.stat()
        except OSError:
            return ("file", str(value), "")
        return ("file", str(value.resolve()), f"{stat.st_mtime_ns}:{stat.st_size}")
    if is_url(value):
        return ("url", value.strip())
    return ("text", text_hash(value))


class SourceStore:
    """One run's sources: each origin loaded once, whatever ids articles give it."""

    def __init__(self, options: Options, prepared: PreparedCache | None = None) -> None:
        self.options = options
        self.prepared = prepared if prepared is not None else PreparedCache()
        self.stats = StoreStats()
        self._loaded: dict[tuple[str, ...], Source | SourceError] = {}
        self._lock = threading.Lock()

    def load(
        self, sources: Mapping[str, SourceLike], progress: Progress | None = None
    ) -> dict[str, Source | SourceError]:
        """Each id's `Source` (or why it failed), loading only origins not loaded yet."""
        keys = {sid: origin_key(value) for sid, value in sources.items()}
        with self._lock:
            missing: dict[str, SourceLike] = {}
            for sid, key in keys.items():
                if key not in self._loaded and key not in {keys[m] for m in missing}:
                    missing[sid] = sources[sid]
        fresh = load_sources(missing, self.options, progress=progress) if missing else {}
        with self._lock:
            for sid, result in fresh.items():
                self._loaded[keys[sid]] = result
            self.stats.loads += len(fresh)
            self.stats.load_hits += len(sources) - len(fresh)
            found = {sid: self._loaded[keys[sid]] for sid in sources}
        out: dict[str, Source | SourceError] = {}
        for sid, result in found.items():
            named = result if isinstance(result, SourceError) else _named(result, sid)
            out[sid] = named
            if progress is not None and sid not in fresh:
                progress(sid, named)
        return out

    def prefetch(self, values: Iterable[SourceLike]) -> int:
        """Load every origin among `values` not loaded yet, all at once (URLs fetched
        concurrently); later `load` calls find them. Returns how many were loaded."""
        missing: dict[str, SourceLike] = {}
        keys: dict[tuple[str, ...], str] = {}  # origin -> its id in this one load
        with self._lock:
            for value in values:
                key = origin_key(value)
                if key not in self._loaded and key not in keys:
                    keys[key] = str(len(missing))
                    missing[keys[key]] = value
        if not missing:
            return 0
        fresh = load_sources(missing, self.options)
        with self._lock:
            for key, sid in keys.items():
                self._loaded.setdefault(key, fresh[sid])
            self.stats.loads += len(fresh)
        return len(fresh)

    def prepare(self, name: str, text: str, prepare: Callable[[str], object]) -> object:
        """What judge `name` prepared for `text` (see `PreparedCache.get`), counted here too."""
        return self.prepared.get(name, text, prepare, also=self.stats)


def _named(source: Source, source_id: str) -> Source:
    return source if source.id == source_id else source.model_copy(update={"id": source_id})
