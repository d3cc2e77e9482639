"""Sources: loading text from strings, files and URLs."""

from citecheck.sources.load import load_source
from citecheck.sources.model import Source

__all__ = ["Source", "load_source"]
