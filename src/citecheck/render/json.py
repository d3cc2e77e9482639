"""JSON output: the `Report` model itself, so `citecheck schema` documents it.

One article gives one `Report` object. Several articles give a `ReportSet`:
`{"format_version": 1, "ok": ..., "reports": [Report, ...]}`, reports in the
order the articles were given (the shape follows how many articles were
asked for, so it stays a set even if some could not be checked). Keys keep
the models' field order; the same input gives byte-identical output.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from citecheck.render import RenderOptions
from citecheck.report import REPORT_FORMAT_VERSION, Report


class ReportSet(BaseModel):
    """The JSON output for several articles."""

    model_config = ConfigDict(extra="forbid")

    format_version: int = REPORT_FORMAT_VERSION
    ok: bool = Field(description="True when every report is ok.")
    reports: list[Report] = Field(description="One report per article, in the order given.")


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    several = options.several if options.several is not None else len(reports) != 1
    if not several and len(reports) == 1:
        return reports[0].model_dump_json(indent=2) + "\n"
    collection = ReportSet(ok=all(r.ok for r in reports), reports=list(reports))
    return collection.model_dump_json(indent=2) + "\n"
