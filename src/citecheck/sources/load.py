"""Turning what the user gave (text, a path, a Source) into a `Source`."""

from __future__ import annotations

from pathlib import Path

from citecheck.config import Options
from citecheck.errors import InvalidInputError, SourceError
from citecheck.sources.model import Source

SourceLike = str | Path | Source


def load_source(value: SourceLike, id: str | None = None, options: Options | None = None) -> Source:
    """Load one source; raises `SourceError` when it cannot be read."""
    if isinstance(value, Source):
        return value if id is None or value.id == id else value.model_copy(update={"id": id})
    if isinstance(value, Path):
        try:
            text = value.read_text(encoding="utf-8")
        except OSError as exc:
            raise SourceError(f"cannot read {value}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise SourceError(f"{value} is not UTF-8 text") from None
        return Source(id=id, text=text, origin=str(value))
    if isinstance(value, str):
        return Source(id=id, text=value)
    raise InvalidInputError(
        f"source {id!r}: expected text, a pathlib.Path or a citecheck.Source, "
        f"got {type(value).__name__}"
    )
