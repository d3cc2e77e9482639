"""Markdown output: a summary and a table of findings, for PR comments and step summaries.

Cell text is escaped (`escape.markdown_text`) so that pipes, HTML and Markdown
syntax in claims cannot break the table or inject markup, controls show as escapes,
and `@mentions`, `#123` references and autolinks are neutralised. The table stops at
`MAX_ROWS` findings so a report always fits in a GitHub comment.
"""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.render import RenderOptions
from citecheck.render.escape import markdown_text
from citecheck.render.labels import (
    UNUSED_SUPPRESSION,
    article_name,
    counts,
    reason,
    shorten,
    summary_line,
    unused_message,
)
from citecheck.report import Report

_ICON = {"error": "❌", "warning": "⚠️"}
#: Rows shown at most: a GitHub comment holds 65,536 characters.
MAX_ROWS = 200


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    c = counts(reports)
    verdict = "fails" if c["errors"] else "passes"
    out = [f"## citecheck {verdict}", "", summary_line(reports), ""]
    titled = [r for r in reports if r.title and r.problems()]
    if titled:  # articles named by their titles as well as their paths
        for report in titled:
            n = len(report.problems())
            out.append(
                f"- {escape(article_name(report))}: {escape(report.title or '')} "
                f"({n} finding{'' if n == 1 else 's'})"
            )
        out.append("")
    rows = [cells for report in reports for cells in _rows(report)]
    if rows:
        out.append("| | Status | Location | Claim | Reason |")
        out.append("|---|---|---|---|---|")
        for cells in rows[:MAX_ROWS]:
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
        if len(rows) > MAX_ROWS:
            out.append(f"… and {len(rows) - MAX_ROWS} more findings (see the full report).")
            out.append("")
    return "\n".join(out)


def _rows(report: Report) -> list[list[str]]:
    """The table cells of one article: its findings, then its unused suppressions."""
    name = article_name(report)
    rows = [
        [
            _ICON[claim.severity or "warning"],
            f"`{claim.status.value}`",
            escape(f"{name}:{claim.line}:{claim.column}"),
            escape(shorten(claim.text, 120)),
            escape(reason(claim)),
        ]
        for claim in report.problems()
    ]
    rows += [
        [
            _ICON["warning"],
            f"`{UNUSED_SUPPRESSION}`",
            escape(f"{name}:{unused.line}:{unused.column}"),
            escape(shorten(unused.text, 120)),
            escape(unused_message(unused)),
        ]
        for unused in report.unused_suppressions
    ]
    return rows


def escape(text: str) -> str:
    """Text safe inside a table cell (see `escape.markdown_text`)."""
    return markdown_text(text)
