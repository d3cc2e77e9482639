"""Terminal output: findings grouped by article and paragraph, then a summary line.

Each finding is one line an editor can jump to, in the style of ruff and Vale:

    docs/story.md:3:1 unsupported "The ILO met on Monday." — source 1 says 'Friday'
        source 1: "The ILO met on Friday in Geneva."

Colour comes only from `RenderOptions.color` (the command line sets it on a
terminal without NO_COLOR); without it the output is plain text. Everything taken
from the article, its file name or its sources goes through `escape.safe_line`:
controls show as escapes and no line can be read as a CI workflow command.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from itertools import groupby

from rich.console import Console
from rich.text import Text

from citecheck.render import RenderOptions
from citecheck.render.escape import defuse_commands, safe_line
from citecheck.render.labels import (
    UNUSED_SUPPRESSION,
    article_heading,
    article_name,
    reason,
    shorten,
    summary_line,
    unused_message,
)
from citecheck.report import ClaimResult, Report, UnusedSuppression

_STYLE = {"error": "bold red", "warning": "yellow"}
_MAX_EVIDENCE = 2


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        highlight=False,
        markup=False,
        emoji=False,
        width=10_000,  # never wrap: one finding, one line
    )
    for report in reports:
        found = report.problems()
        if not found and not report.unused_suppressions:
            continue
        name = safe_line(article_name(report))
        titles = {s.id: s.title for s in report.sources if s.title}
        heading = safe_line(article_heading(report))
        console.print(Text(heading, style="bold underline"), soft_wrap=True)
        for _, group in groupby(found, key=lambda claim: claim.paragraph):
            for claim in group:
                console.print(_finding(name, claim, claim.severity or "warning"), soft_wrap=True)
                for line in _evidence(claim, titles):
                    console.print(line, soft_wrap=True)
            console.print()
        if report.unused_suppressions:
            for unused in report.unused_suppressions:
                console.print(_unused(name, unused), soft_wrap=True)
            console.print()
    if not options.quiet:
        console.print(Text(summary_line(reports), style="bold"), soft_wrap=True)
    return defuse_commands(buffer.getvalue())


def _finding(name: str, claim: ClaimResult, level: str) -> Text:
    text = Text()
    text.append(f"{name}:{claim.line}:{claim.column}", style="bold")
    text.append(" ")
    text.append(claim.status.value, style=_STYLE[level])
    text.append(f' "{safe_line(shorten(claim.text))}"')
    text.append(" — ", style="dim")
    text.append(safe_line(reason(claim)))
    return text


def _unused(name: str, unused: UnusedSuppression) -> Text:
    text = Text()
    text.append(f"{name}:{unused.line}:{unused.column}", style="bold")
    text.append(" ")
    text.append(UNUSED_SUPPRESSION, style=_STYLE["warning"])
    text.append(f' "{safe_line(shorten(unused.text))}"')
    text.append(" — ", style="dim")
    text.append(safe_line(unused_message(unused)))
    return text


def _evidence(claim: ClaimResult, titles: dict[str, str]) -> list[Text]:
    lines = []
    suggested = set(claim.suggested_citations) - set(claim.citations)
    for evidence in claim.evidence[:_MAX_EVIDENCE]:
        label = f"source {safe_line(evidence.source_id)}"
        title = titles.get(evidence.source_id)
        if title:
            label += f" ({safe_line(shorten(title, 60))})"
        if evidence.source_id in suggested:
            label += " (not cited)"
        if evidence.page is not None:
            label += f", page {evidence.page}"
        line = Text("    ")
        line.append(f"{label}: ", style="cyan")
        line.append(f'"{safe_line(shorten(evidence.quote, 160))}"', style="dim")
        lines.append(line)
    return lines
