"""GitHub Actions output: one workflow command per finding, shown as annotations.

    ::error file=docs/story.md,line=3,col=1,endLine=3,endColumn=40,title=citecheck: unsupported::…

GitHub shows at most 10 annotations of each kind per step, so the command line
also appends the Markdown report (see `citecheck.render.markdown`) to
`$GITHUB_STEP_SUMMARY` when that is set; this module only builds the text.
Property values and messages are shown visibly escaped (`escape.safe_line`) before
GitHub's own escaping, so a file name or claim cannot end the command, start another,
or put terminal controls and bidi overrides into the log and the annotations.
"""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.render import RenderOptions
from citecheck.render.escape import safe_line, safe_lines
from citecheck.render.labels import (
    UNUSED_SUPPRESSION,
    article_name,
    reason,
    shorten,
    summary_line,
    unused_message,
)
from citecheck.report import ClaimResult, Report


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    lines = []
    for report in reports:
        name = article_name(report)
        for claim in report.problems():
            level = claim.severity or "warning"
            lines.append(command(level, _properties(name, claim), _message(claim)))
        for unused in report.unused_suppressions:
            where: dict[str, str | int] = {
                "file": name,
                "line": unused.line,
                "col": unused.column,
                "title": f"citecheck: {UNUSED_SUPPRESSION}",
            }
            text = f'"{shorten(unused.text, 120)}" — {unused_message(unused)}'
            lines.append(command("warning", where, text))
    lines.append(summary_line(reports))
    return "\n".join(lines) + "\n"


def command(name: str, properties: dict[str, str | int], message: str) -> str:
    """One workflow command, with its properties and message escaped as GitHub requires."""
    props = ",".join(
        f"{key}={escape_property(safe_line(str(value)))}" for key, value in properties.items()
    )
    return f"::{name} {props}::{escape_data(safe_lines(message))}"


def escape_data(text: str) -> str:
    """Escape a command's message: `%`, CR and LF (as @actions/core does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus `:` and `,` which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _properties(name: str, claim: ClaimResult) -> dict[str, str | int]:
    return {
        "file": name,
        "line": claim.line,
        "col": claim.column,
        "endLine": claim.end_line,
        "endColumn": claim.end_column,
        "title": f"citecheck: {claim.status.value}",
    }


def _message(claim: ClaimResult) -> str:
    text = f'"{shorten(claim.text, 120)}" — {reason(claim)}'
    if claim.evidence:
        best = claim.evidence[0]
        text += f'\nsource {best.source_id}: "{shorten(best.quote, 200)}"'
    return text
