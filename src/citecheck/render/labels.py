"""How each status reads and looks, once for every output format; and shared wording.

One label, glyph, meaning and help text per status: the text and SARIF outputs, the
HTML legend and the Markdown table all say the same thing. Colours (Okabe–Ito, safe
for colour-blind readers) live in the stylesheet; every status also gets its own
glyph and line style (its underline, and for `contradicted` a line above too) so colour
is never the only cue.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from citecheck.report import PROBLEM_STATUSES, ClaimResult, Report, Status, UnusedSuppression


class StatusLook(NamedTuple):
    label: str
    glyph: str
    meaning: str  # one sentence fragment: "the cited sources do not back the claim"
    underline: str  # the line's style (CSS text-decoration-style)
    help: str  # what to do about a finding of this status
    lines: str = "underline"  # where the lines run (CSS text-decoration-line)


LOOKS: dict[Status, StatusLook] = {
    Status.SUPPORTED: StatusLook(
        "Supported",
        "✓",
        "the cited sources back the claim",
        "solid",
        "Nothing to do: the claim is supported.",
    ),
    Status.PARTIAL: StatusLook(
        "Partly supported",
        "◐",
        "the cited sources back only part of the claim",
        "double",
        "Part of the claim (see the missing words) is not in the cited source: cite a source "
        "for the rest, or narrow the claim.",
    ),
    Status.CONTRADICTED: StatusLook(
        "Contradicted",
        "≠",
        "the cited source says otherwise (another figure, date, party, polarity or quotation)",
        "double",
        "The source states something incompatible with the claim (see the reason, which gives "
        "both sides): correct the claim, or cite the source that backs it.",
        "underline overline",
    ),
    Status.UNSUPPORTED: StatusLook(
        "Unsupported",
        "✗",
        "the cited sources do not back the claim",
        "wavy",
        "Check the claim against the cited source: correct the claim, or cite the source "
        "that backs it.",
    ),
    Status.UNCITED: StatusLook(
        "Uncited",
        "?",
        "states something a reader needs a source for, and cites none",
        "dashed",
        "Add a citation marker naming the source of this claim, or attribute it in the text.",
    ),
    Status.UNKNOWN_SOURCE: StatusLook(
        "Unknown source",
        "⊘",
        "cites a source that was not given or could not be loaded",
        "dotted",
        "Give the source the marker names (--source ID=PATH_OR_URL, --sources-dir or the "
        "reference list), or fix the marker or the source's address.",
    ),
    Status.EXEMPT: StatusLook(
        "Exempt",
        "○",
        "needs no source (a heading, question, transition or code)",
        "none",
        "Nothing to do: the claim needs no source.",
    ),
}

UNNAMED_ARTICLE = "<article>"

#: The rule and the label of an inline suppression comment that suppresses nothing.
UNUSED_SUPPRESSION = "unused-suppression"
UNUSED_SUPPRESSION_HELP = (
    "Remove the comment, or move it next to the claim it should hide: an unused "
    "suppression could hide a future finding."
)


def look(status: Status) -> StatusLook:
    """The look of `status`."""
    return LOOKS[status]


def description(status: Status) -> str:
    """`The cited sources do not back the claim.`: the meaning as a sentence."""
    meaning = LOOKS[status].meaning
    return meaning[0].upper() + meaning[1:] + "."


def rule_statuses(reports: Sequence[Report]) -> list[Status]:
    """Statuses that get a rule: the problem statuses, then any other status a report fails on."""
    statuses = list(PROBLEM_STATUSES)
    extra = {s for report in reports for s in report.fail_on if s not in statuses}
    return statuses + sorted(extra, key=lambda s: list(Status).index(s))


def article_name(report: Report) -> str:
    return report.article or UNNAMED_ARTICLE


def article_heading(report: Report) -> str:
    """`docs/story.md — Port reports record volumes`: the article's path and its title."""
    title = " ".join((report.title or "").split())
    return f"{article_name(report)} — {title}" if title else article_name(report)


def shorten(text: str, limit: int = 80) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def reason(claim: ClaimResult) -> str:
    """The claim's first reason, or the meaning of its status."""
    for detail in claim.details:
        if detail.message.strip():
            return " ".join(detail.message.split())
    return description(claim.status)


def message(claim: ClaimResult) -> str:
    """A one-line description of a finding: status, shortened claim, reason."""
    return f'{claim.status.value}: "{shorten(claim.text)}" — {reason(claim)}'


def unused_message(unused: UnusedSuppression) -> str:
    """Why an unused suppression comment is worth a warning."""
    if unused.action == "off":
        return "'citecheck: off' suppresses no claim before the next 'on': remove it"
    return "'citecheck: ignore' suppresses no claim: remove it or move it next to its claim"


def counts(reports: Sequence[Report]) -> dict[str, int]:
    """Errors, warnings (unused suppressions among them), suppressed claims and claims."""
    errors = sum(len(r.findings()) for r in reports)
    problems = sum(len(r.problems()) + len(r.unused_suppressions) for r in reports)
    return {
        "errors": errors,
        "warnings": problems - errors,
        "suppressed": sum(r.summary.suppressed for r in reports),
        "claims": sum(r.summary.total for r in reports),
    }


def summary_line(reports: Sequence[Report]) -> str:
    """`Found 2 errors and 1 warning in 3 claims of 1 article (1 suppressed).`"""
    c = counts(reports)
    n_articles = len(reports)
    where = (
        f"{_plural(c['claims'], 'claim')} of {_plural(n_articles, 'article')}"
        if n_articles != 1
        else _plural(c["claims"], "claim")
    )
    tail = f" ({c['suppressed']} suppressed)" if c["suppressed"] else ""
    if not c["errors"] and not c["warnings"]:
        return f"All clear: no findings in {where}{tail}."
    found = " and ".join(
        _plural(c[key], key[:-1]) for key in ("errors", "warnings") if c[key] or key == "errors"
    )
    return f"Found {found} in {where}{tail}."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
