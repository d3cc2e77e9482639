"""JSON output: the `Report` model itself, so `citecheck schema` documents it.

One article gives one `Report` object. Several articles give a `ReportSet`:
`{"format_version": 3, "ok": ..., "reports": [Report, ...]}`, reports in the
order the articles were given (the shape follows how many articles were
asked for, so it stays a set even if some could not be checked). Keys keep
the models' field order; the same input gives byte-identical output. `##[` is
written `##\u005b` (the same data) so the output printed in a CI log starts no
workflow command.
"""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.render import RenderOptions
from citecheck.render.escape import json_guard
from citecheck.report import Report, ReportSet


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    several = options.several if options.several is not None else len(reports) != 1
    if not several and len(reports) == 1:
        return json_guard(reports[0].model_dump_json(indent=2)) + "\n"
    collection = ReportSet.of(reports)
    return json_guard(collection.model_dump_json(indent=2)) + "\n"
