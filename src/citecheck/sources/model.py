"""The `Source` model: a source's text and where it came from."""

from __future__ import annotations

import bisect
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from citecheck.errors import SourceError


class Source(BaseModel):
    """A loaded source. Evidence offsets point into `text`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str | None = Field(default=None, description="The id markers use, e.g. '1'.")
    text: str
    origin: str = Field(default="inline", description="'inline', a file path or a URL.")
    title: str | None = None
    retrieved_at: datetime | None = Field(
        default=None, description="When a URL was downloaded (UTC); None for text and files."
    )
    content_type: str | None = Field(
        default=None, description="Media type the text came from, e.g. 'text/html'."
    )
    page_starts: tuple[int, ...] = Field(
        default=(), description="Offset in `text` where each page begins (paged formats)."
    )
    warnings: tuple[str, ...] = Field(
        default=(), description="Things worth knowing about how the text was read."
    )

    def page_of(self, offset: int) -> int | None:
        """1-based page holding `offset`, or None for sources without pages."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset) or 1


#: What a source may be given as: its text, an http(s) URL, a file path, or a `Source`.
SourceLike = str | Path | Source

#: What a caller may give for an id: a source, or a `SourceError` saying why it cannot
#: (the command line gives one for a link out of `--sources-dir`); claims citing that
#: id are `unknown_source` with its message.
GivenSource = SourceLike | SourceError
