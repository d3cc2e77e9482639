"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run; one rule per status (`citecheck/unsupported`, ...); one result per
finding, located by line/column (1-based, in Unicode code points) and by
character offset and length. Claims suppressed inline or by a baseline are kept
as results with a `suppressions` entry, so viewers can show or hide them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from citecheck.render import RenderOptions
from citecheck.render._common import (
    STATUS_DESCRIPTIONS,
    article_name,
    claim_hash,
    reason,
    rule_statuses,
    severity,
    shorten,
)
from citecheck.report import ClaimResult, Report, Status

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/citecheck/citecheck"
BASELINE_PREFIX = "baseline"


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    statuses = rule_statuses(reports)
    rule_index = {status: i for i, status in enumerate(statuses)}
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for report in reports:
        uri = artifact_uri(article_name(report))
        artifact_index = len(artifacts)
        artifacts.append({"location": {"uri": uri}, "roles": ["analysisTarget"]})
        for claim in report.claims:
            if claim.status not in rule_index:
                continue
            level = severity(claim, report)
            if level is None and claim.suppressed is None:
                continue
            results.append(
                _result(claim, report, uri, artifact_index, rule_index[claim.status], level)
            )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "citecheck",
                        "version": options.tool_version,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(status) for status in statuses],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def rule_id(status: Status) -> str:
    return f"citecheck/{status.value}"


def artifact_uri(path: str) -> str:
    """A relative URI reference for a path as given (POSIX separators, percent-encoded)."""
    if "\\" in path:
        path = PureWindowsPath(path).as_posix()
    if PurePath(path).is_absolute():
        return "file://" + quote(path)
    return quote(path)


#: What to do about a finding of each status (the rule's help in code scanning).
_HELP: dict[Status, str] = {
    Status.UNSUPPORTED: "Check the claim against the cited source: correct the claim, or cite "
    "the source that backs it.",
    Status.PARTIAL: "Part of the claim (see the missing words) is not in the cited source: "
    "cite a source for the rest, or narrow the claim.",
    Status.UNCITED: "Add a citation marker naming the source of this claim, or attribute it "
    "in the text.",
    Status.UNKNOWN_SOURCE: "Give the source the marker names (--source ID=PATH_OR_URL, "
    "--sources-dir or the reference list), or fix the marker or the source's address.",
    Status.SUPPORTED: "Nothing to do: the claim is supported.",
    Status.EXEMPT: "Nothing to do: the claim needs no source.",
}


def _rule(status: Status) -> dict[str, Any]:
    name = "".join(part.capitalize() for part in status.value.split("_"))
    return {
        "id": rule_id(status),
        "name": name,
        "shortDescription": {"text": STATUS_DESCRIPTIONS[status]},
        "fullDescription": {"text": f"{STATUS_DESCRIPTIONS[status]} {_HELP[status]}"},
        "help": {"text": _HELP[status]},
        "defaultConfiguration": {
            "level": "warning" if status is Status.PARTIAL else "error",
        },
        "properties": {"tags": ["citations"]},
    }


def _result(
    claim: ClaimResult,
    report: Report,
    uri: str,
    artifact_index: int,
    rule_index: int,
    level: str | None,
) -> dict[str, Any]:
    if level is None:  # suppressed: keep its own level for viewers that show it
        level = "error" if claim.status in report.fail_on else "warning"
    region: dict[str, Any] = {
        "startLine": claim.line,
        "startColumn": claim.column,
        "endLine": claim.end_line,
        "endColumn": claim.end_column,
        "charOffset": claim.start,
        "charLength": max(0, claim.end - claim.start),
        "snippet": {"text": claim.text},
    }
    result: dict[str, Any] = {
        "ruleId": rule_id(claim.status),
        "ruleIndex": rule_index,
        "level": level,
        "message": {"text": f'"{shorten(claim.text)}" — {reason(claim)}'},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "index": artifact_index},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"claimHash/v1": claim_hash(claim)},
        "properties": {
            "status": claim.status.value,
            "citations": list(claim.citations),
            "score": claim.score,
            "reasons": list(claim.reasons),
        },
    }
    if claim.evidence:
        result["properties"]["evidence"] = [
            {"sourceId": e.source_id, "quote": e.quote, "page": e.page} for e in claim.evidence
        ]
    if claim.suppressed is not None:
        external = claim.suppressed.startswith(BASELINE_PREFIX)
        suppression: dict[str, Any] = {"kind": "external" if external else "inSource"}
        if claim.suppressed:
            suppression["justification"] = claim.suppressed
        result["suppressions"] = [suppression]
    return result
