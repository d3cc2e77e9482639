"""Sources from files on disk: the kind comes from the suffix, else from the bytes."""

from __future__ import annotations

from pathlib import Path

from citecheck.errors import SourceError
from citecheck.sources.extract import Extracted, Kind, extract, sniff_kind

SUFFIX_KINDS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}


def read_file(path: Path, *, max_bytes: int | None = None) -> Extracted:
    """Read and extract one file; `SourceError` says why when it cannot be used."""
    try:
        if path.is_dir():
            raise SourceError(f"{path} is a folder, not a file")
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise SourceError(
                f"too large: {path} has {size:,} bytes, over the limit of {max_bytes:,}"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"no such file: {path}") from None
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    kind = SUFFIX_KINDS.get(path.suffix.lower()) or sniff_kind(data) or "text"
    return extract(data, kind, what=str(path))
