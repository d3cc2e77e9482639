"""Turning what the user gave (text, a path, a URL, a Source) into a `Source`."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from citecheck.config import Options
from citecheck.errors import InvalidInputError, SourceError
from citecheck.lang import Language, get_language
from citecheck.sources.extract import Extracted, extract
from citecheck.sources.fetch import Download, Fetcher
from citecheck.sources.files import read_file
from citecheck.sources.model import Source, SourceLike
from citecheck.surrogates import replace_lone_surrogates, surrogate_note

__all__ = ["SourceLike", "is_url", "load_source", "load_sources", "origin_of"]

_URL = re.compile(r"https?://\S+", re.IGNORECASE)

#: Called once per source as it finishes loading (for progress bars).
Progress = Callable[[str, "Source | SourceError"], None]


def is_url(value: str) -> bool:
    """True when `value` is a single http(s) URL (surrounding spaces aside): it is fetched."""
    return _URL.fullmatch(value.strip()) is not None


def load_source(
    value: SourceLike,
    id: str | None = None,
    options: Options | None = None,
    *,
    fetcher: Fetcher | None = None,
) -> Source:
    """Load one source; raises `SourceError` when it cannot be read.

    A `str` that is one http(s) URL is downloaded; any other `str` is the text itself.
    A `pathlib.Path` is read by its suffix (.txt, .md, .html/.htm, .pdf).
    """
    opts = options or Options()
    _check_type(value, id)
    if isinstance(value, Source):
        source = value if id is None or value.id == id else value.model_copy(update={"id": id})
    elif isinstance(value, Path):
        extracted = read_file(
            value, max_bytes=4 * opts.max_source_chars, language=get_language(opts.language)
        )
        source = _from_extracted(extracted, id, origin=str(value))
    elif is_url(value):
        download = (fetcher or Fetcher(opts)).fetch(value.strip())
        source = _from_download(download, id, get_language(opts.language))
    else:
        source = Source(id=id, text=value)
    return _checked(source, opts)


def load_sources(
    sources: Mapping[str, SourceLike],
    options: Options | None = None,
    *,
    progress: Progress | None = None,
    fetcher: Fetcher | None = None,
) -> dict[str, Source | SourceError]:
    """Load many sources, fetching URLs in parallel; failures are returned, never raised.

    The result has the keys of `sources`, in the same order. `progress(id, result)`
    is called from the calling thread as each source finishes.
    """
    opts = options or Options()
    for source_id, value in sources.items():
        _check_type(value, source_id)
    results: dict[str, Source | SourceError] = {}

    def finish(sid: str, result: Source | SourceError) -> None:
        results[sid] = result
        if progress is not None:
            progress(sid, result)

    urls = {
        sid: value.strip()
        for sid, value in sources.items()
        if isinstance(value, str) and is_url(value)
    }
    if urls:
        # Downloads run in threads, each distinct URL once; extraction (CPU-bound, and
        # lxml/pypdf are happiest in one thread) runs here, on each download as it arrives.
        ids_of: dict[str, list[str]] = {}
        for sid, url in urls.items():
            ids_of.setdefault(url, []).append(sid)
        shared = fetcher or Fetcher(opts)
        language = get_language(opts.language)
        workers = min(opts.max_concurrent_downloads, len(ids_of))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="citecheck-fetch") as pool:
            futures = {pool.submit(shared.fetch, url): url for url in ids_of}
            for future in as_completed(futures):
                same = ids_of[futures[future]]
                try:
                    source = _checked(_from_download(future.result(), same[0], language), opts)
                except SourceError as exc:
                    for sid in same:
                        finish(sid, exc)
                    continue
                for sid in same:
                    finish(sid, source.model_copy(update={"id": sid}))
    for sid, value in sources.items():
        if sid not in urls:
            try:
                finish(sid, load_source(value, id=sid, options=opts))
            except SourceError as exc:
                finish(sid, exc)
    return {sid: results[sid] for sid in sources}


def origin_of(value: SourceLike) -> str:
    """How a source is named in reports: 'inline', its path, or its URL without credentials."""
    if isinstance(value, Source):
        return value.origin
    if isinstance(value, Path):
        return str(value)
    if not is_url(value):
        return "inline"
    url = value.strip()
    scheme, sep, rest = url.partition("://")
    authority, slash, tail = rest.partition("/")
    if "@" in authority:
        authority = authority.rsplit("@", 1)[1]
    return f"{scheme}{sep}{authority}{slash}{tail}"


def _from_download(download: Download, source_id: str | None, language: Language) -> Source:
    extracted = extract(
        download.body,
        download.kind,
        charset=download.charset,
        what=download.final_url,
        language=language,
    )
    return _from_extracted(
        extracted,
        source_id,
        origin=download.url,
        retrieved_at=download.retrieved_at,
        content_type=download.content_type,
        warnings=download.warnings,
    )


def _check_type(value: object, source_id: str | None) -> None:
    if not isinstance(value, Source | Path | str):
        raise InvalidInputError(
            f"source {source_id!r}: expected text, a URL, a pathlib.Path or a citecheck.Source, "
            f"got {type(value).__name__}"
        )


def _from_extracted(
    extracted: Extracted,
    source_id: str | None,
    *,
    origin: str,
    retrieved_at: object = None,
    content_type: str | None = None,
    warnings: tuple[str, ...] = (),
) -> Source:
    return Source.model_validate(
        {
            "id": source_id,
            "text": extracted.text,
            "origin": origin,
            "title": extracted.title,
            "retrieved_at": retrieved_at,
            "content_type": content_type or extracted.content_type,
            "page_starts": extracted.page_starts,
            "warnings": (*warnings, *extracted.warnings),
        }
    )


def _checked(source: Source, options: Options) -> Source:
    """The limits every source obeys, whatever it came from; lone surrogates (from Python
    text) replaced one for one, as extraction does for files and downloads."""
    text, replaced = replace_lone_surrogates(source.text)
    if replaced:
        source = source.model_copy(
            update={"text": text, "warnings": (*source.warnings, surrogate_note(replaced))}
        )
    if len(source.text) > options.max_source_chars:
        raise SourceError(
            f"too large: {len(source.text):,} characters, over the limit of "
            f"{options.max_source_chars:,} (option max_source_chars)"
        )
    if not source.text.strip():
        raise SourceError("the source is empty")
    return source
