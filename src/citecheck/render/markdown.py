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
from citecheck.render.labels import article_name, counts, reason, shorten, summary_line
from citecheck.report import Report

_ICON = {"error": "❌", "warning": "⚠️"}
#: Rows shown at most: a GitHub comment holds 65,536 characters.
MAX_ROWS = 200


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    c = counts(reports)
    verdict = "fails" if c["errors"] else "passes"
    out = [f"## citecheck {verdict}", "", summary_line(reports), ""]
    rows = [
        (claim, claim.severity or "warning", report)
        for report in reports
        for claim in report.problems()
    ]
    if rows:
        out.append("| | Status | Location | Claim | Reason |")
        out.append("|---|---|---|---|---|")
        for claim, level, report in rows[:MAX_ROWS]:
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
        if len(rows) > MAX_ROWS:
            out.append(f"… and {len(rows) - MAX_ROWS} more findings (see the full report).")
            out.append("")
    return "\n".join(out)


def escape(text: str) -> str:
    """Text safe inside a table cell (see `escape.markdown_text`)."""
    return markdown_text(text)
