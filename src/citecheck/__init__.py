"""citecheck: check an article's inline citations against its sources.

>>> import citecheck
>>> report = citecheck.verify("The ILO met on Friday [1].", {1: "The ILO met on Friday."})
>>> report.claims[0].status
<Status.SUPPORTED: 'supported'>
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from citecheck.config import Options
from citecheck.errors import (
    CitecheckError,
    ConfigError,
    InternalError,
    InvalidInputError,
    InvalidOptionsError,
    SourceError,
)
from citecheck.parse import ParsedArticle, ParsedClaim, parse_article
from citecheck.report import ClaimResult, Evidence, Marker, Report, SourceInfo, Status, Summary
from citecheck.sources import Source, load_source
from citecheck.verify import verify

try:
    __version__ = version("citecheck-news")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"


def parse(article: str, **options: object) -> ParsedArticle:
    """Split an article into claims with their markers and spans, without checking them."""
    from citecheck.verify import _check_article

    opts = Options.build(**options)
    return parse_article(_check_article(article, opts), opts)


__all__ = [
    "CitecheckError",
    "ClaimResult",
    "ConfigError",
    "Evidence",
    "InternalError",
    "InvalidInputError",
    "InvalidOptionsError",
    "Marker",
    "Options",
    "ParsedArticle",
    "ParsedClaim",
    "Report",
    "Source",
    "SourceError",
    "SourceInfo",
    "Status",
    "Summary",
    "__version__",
    "load_source",
    "parse",
    "verify",
]
