"""What every renderer agrees on: which claims are findings, how severe, how described."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Literal

from citecheck.report import ClaimResult, Report, Status

Severity = Literal["error", "warning"]

#: Statuses worth telling a user about even when they do not fail the check.
PROBLEM_STATUSES: tuple[Status, ...] = (
    Status.UNSUPPORTED,
    Status.UNCITED,
    Status.UNKNOWN_SOURCE,
    Status.PARTIAL,
)

#: One line per status, for rule descriptions, legends and titles.
STATUS_DESCRIPTIONS: dict[Status, str] = {
    Status.SUPPORTED: "The cited sources support the claim.",
    Status.PARTIAL: "The cited sources support only part of the claim.",
    Status.UNSUPPORTED: "The cited sources do not support the claim.",
    Status.UNCITED: "The claim needs a citation and has none.",
    Status.UNKNOWN_SOURCE: "A marker names a source that was not given or could not be loaded.",
    Status.EXEMPT: "The claim needs no citation (a heading, question or transition).",
}

UNNAMED_ARTICLE = "<article>"


def severity(claim: ClaimResult, report: Report) -> Severity | None:
    """`error` if the claim fails the check, `warning` if it is a problem that does not."""
    if claim.suppressed is not None:
        return None
    if claim.status in report.fail_on:
        return "error"
    if claim.status in PROBLEM_STATUSES:
        return "warning"
    return None


def problems(report: Report) -> Iterator[tuple[ClaimResult, Severity]]:
    """The claims to show a user, in article order, with their severity."""
    for claim in report.claims:
        level = severity(claim, report)
        if level is not None:
            yield claim, level


def rule_statuses(reports: Sequence[Report]) -> list[Status]:
    """Statuses that get a rule: the problem statuses, then any other status a report fails on."""
    statuses = list(PROBLEM_STATUSES)
    extra = {s for report in reports for s in report.fail_on if s not in statuses}
    return statuses + sorted(extra, key=lambda s: list(Status).index(s))


def article_name(report: Report) -> str:
    return report.article or UNNAMED_ARTICLE


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
    """The claim's first reason, or a generic description of its status."""
    for text in claim.reasons:
        if text.strip():
            return " ".join(text.split())
    return STATUS_DESCRIPTIONS[claim.status]


def message(claim: ClaimResult) -> str:
    """A one-line description of a finding: status, shortened claim, reason."""
    return f'{claim.status.value}: "{shorten(claim.text)}" — {reason(claim)}'


def counts(reports: Sequence[Report]) -> dict[str, int]:
    """Errors, warnings, suppressed claims and claims in all the reports."""
    errors = warnings = 0
    for report in reports:
        for _, level in problems(report):
            if level == "error":
                errors += 1
            else:
                warnings += 1
    return {
        "errors": errors,
        "warnings": warnings,
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


def normalize_claim(text: str) -> str:
    """The claim text with case, Unicode forms and whitespace folded."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def claim_hash(claim: ClaimResult) -> str:
    """A fingerprint of a finding that survives edits elsewhere in the article.

    It hashes the normalised claim text and the status, never line numbers, so
    baselines and code-scanning alerts follow a claim when text moves around it.
    """
    payload = f"{claim.status.value}\0{normalize_claim(claim.text)}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
