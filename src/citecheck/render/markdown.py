"""Markdown output: a summary and a table of findings, for PR comments and step summaries.

Cell text is escaped so that pipes, HTML and Markdown syntax in claims cannot
break the table or inject markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citecheck.render import RenderOptions
from citecheck.render._common import (
    article_name,
    counts,
    problems,
    reason,
    shorten,
    summary_line,
)
from citecheck.report import Report

_ICON = {"error": "❌", "warning": "⚠️"}
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    c = counts(reports)
    verdict = "fails" if c["errors"] else "passes"
    out = [f"## citecheck {verdict}", "", summary_line(reports), ""]
    rows = [(claim, level, report) for report in reports for claim, level in problems(report)]
    if rows:
        out.append("| | Status | Location | Claim | Reason |")
        out.append("|---|---|---|---|---|")
        for claim, level, report in rows:
            location = f"{article_name(report)}:{claim.line}:{claim.column}"
            cells = [
                _ICON[level],
                f"`{claim.status.value}`",
                escape(location),
                escape(shorten(claim.text, 120)),
                escape(reason(claim)),
            ]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def escape(text: str) -> str:
    """Text safe inside a table cell: one line, Markdown and HTML characters escaped."""
    one_line = " ".join(text.split())
    return _SPECIAL.sub(r"\\\1", one_line)
