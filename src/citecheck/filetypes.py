"""The file suffixes citecheck reads, in one table: sources by kind, articles by format.

Used wherever a suffix decides something: how a source file is extracted
(`sources/files.py`), which paths an untrusted article may name (`sources/confine.py`),
which reference-list entries name a file (`parse/`), an article file's format
(`checker.py`) and which files a directory holds as articles (`cli/settings.py`).
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["text", "markdown", "html", "pdf"]

#: Source files: suffix (lower case) -> how the file is read.
SOURCE_SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}

#: Article files: suffix -> article format (PDF is a source, never an article).
ARTICLE_FORMATS: dict[str, str] = {s: k for s, k in SOURCE_SUFFIXES.items() if k != "pdf"}

#: The globs a directory of articles is searched with by default.
ARTICLE_GLOBS: tuple[str, ...] = tuple(f"*{suffix}" for suffix in ARTICLE_FORMATS)

#: The suffixes, without their dot, as a regular-expression alternation (longest first).
SUFFIX_PATTERN = "|".join(sorted((s[1:] for s in SOURCE_SUFFIXES), key=lambda s: (-len(s), s)))
