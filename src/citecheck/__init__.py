"""citecheck: check an article's inline citations against its sources.

>>> import citecheck
>>> report = citecheck.verify("The ILO met on Friday [1].", {1: "The ILO met on Friday."})
>>> report.claims[0].status
<Status.SUPPORTED: 'supported'>

The public API is what `__all__` lists; everything else is internal.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from citecheck.batch import BatchStats, Failure, Job, Outcome, WorkerStats
from citecheck.checker import Checker
from citecheck.config import Options
from citecheck.errors import (
    CitecheckError,
    ConfigError,
    InternalError,
    InvalidInputError,
    InvalidOptionsError,
    SourceError,
)
from citecheck.parse import ParsedArticle, ParsedClaim
from citecheck.render import format_report
from citecheck.report import (
    ClaimResult,
    Evidence,
    Marker,
    Reason,
    Report,
    ReportSet,
    SourceInfo,
    Status,
    Summary,
    Suppression,
)
from citecheck.sources import Source, load_source
from citecheck.verify import parse, verify, verify_many

try:
    __version__ = version("citecheck-news")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

__all__ = [
    "BatchStats",
    "Checker",
    "CitecheckError",
    "ClaimResult",
    "ConfigError",
    "Evidence",
    "Failure",
    "InternalError",
    "InvalidInputError",
    "InvalidOptionsError",
    "Job",
    "Marker",
    "Options",
    "Outcome",
    "ParsedArticle",
    "ParsedClaim",
    "Reason",
    "Report",
    "ReportSet",
    "Source",
    "SourceError",
    "SourceInfo",
    "Status",
    "Summary",
    "Suppression",
    "WorkerStats",
    "__version__",
    "format_report",
    "load_source",
    "parse",
    "verify",
    "verify_many",
]


def __dir__() -> list[str]:
    """Only the public API (`dir(citecheck)`), not the submodules imported along the way."""
    return sorted(__all__)
