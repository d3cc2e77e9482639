"""Articles as text: the one bytes -> text path, shared with sources (`encoding.py`).

An article read from a file (by `verify(Path(...))` or the command line) is decoded
exactly as a source is (BOM, then UTF-8, then a detected encoding), except that its
line ends are kept, so offsets index the text as the file holds it.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import BinaryIO

from citecheck.errors import InvalidInputError, SourceError
from citecheck.sources.encoding import decode_bytes

#: Share of control characters above which decoded text is not an article.
_MAX_CONTROL_SHARE = 0.1


def decode_article(data: bytes, name: str) -> str:
    """Decode article bytes; `InvalidInputError` for binary data or no fitting encoding."""
    try:
        text = decode_bytes(data, what=name, keep_line_ends=True).text
    except SourceError as exc:
        raise InvalidInputError(f"{name}: not a text file ({exc})") from None
    if _mostly_control(text):
        raise InvalidInputError(f"{name}: not a text file (it holds binary data)")
    return text


def read_limited(handle: BinaryIO, max_chars: int, name: str) -> str:
    """Read and decode at most what an article of `max_chars` characters can take.

    At most `4 * max_chars + 1` bytes are read (no character takes more than four
    bytes in UTF-8), so a huge file is refused without loading it.
    """
    limit = 4 * max_chars + 1
    data = handle.read(limit)
    if len(data) >= limit:
        raise InvalidInputError(
            f"{name}: over the limit of {max_chars:,} characters (option max_article_chars)"
        )
    text = decode_article(data, name)
    if len(text) > max_chars:
        raise InvalidInputError(
            f"{name}: {len(text):,} characters, over the limit of {max_chars:,} "
            "(option max_article_chars)"
        )
    return text


def read_article(path: Path, max_chars: int, name: str | None = None) -> str:
    """The text of an article file; `InvalidInputError` for unreadable or oversized files."""
    shown = name if name is not None else str(path)
    if not path.is_file():
        raise InvalidInputError(f"{shown}: not a file")
    try:
        with path.open("rb") as handle:
            return read_limited(handle, max_chars, shown)
    except OSError as exc:
        raise InvalidInputError(f"{shown}: cannot read: {exc.strerror or exc}") from None


def _mostly_control(text: str, sample: int = 4096) -> bool:
    head = text[:sample]
    if not head:
        return False
    control = sum(
        1 for ch in head if unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\t\n\r\f"
    )
    return control / len(head) > _MAX_CONTROL_SHARE
