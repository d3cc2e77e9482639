"""Sources: loading text from strings, files and URLs, safely."""

from citecheck.sources.load import is_url, load_source, load_sources, origin_of
from citecheck.sources.model import Source, SourceLike
from citecheck.sources.resolve import source_for_reference

__all__ = [
    "Source",
    "SourceLike",
    "is_url",
    "load_source",
    "load_sources",
    "origin_of",
    "source_for_reference",
]
