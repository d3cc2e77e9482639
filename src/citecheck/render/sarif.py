"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run; one rule per status (`citecheck/unsupported`, ...), plus
`citecheck/unused-suppression` for inline suppression comments that suppress no
claim (warnings); one result per finding, located by line/column (1-based, in
Unicode code points) and by character offset and length. Claims suppressed
inline or by a baseline are kept as results with a `suppressions` entry, so
viewers can show or hide them. The run's `properties.configFiles` lists the
configuration files the command line applied.

SARIF carries data: snippets, quotes and reasons are kept as written (JSON escapes
them). The texts a viewer shows as messages (`message.text`) show controls and bidi
overrides as escapes (`escape.safe_line`), and `##[` is written `##\u005b` so the
file printed in a CI log starts no workflow command.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import PurePath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from citecheck.render import RenderOptions
from citecheck.render.escape import json_guard, safe_line
from citecheck.render.labels import (
    UNUSED_SUPPRESSION,
    UNUSED_SUPPRESSION_HELP,
    article_name,
    description,
    look,
    reason,
    rule_statuses,
    shorten,
    unused_message,
)
from citecheck.report import ClaimResult, Report, Status, UnusedSuppression, claim_hash

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/citecheck/citecheck"


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    statuses = rule_statuses(reports)
    failing = {s for report in reports for s in report.fail_on}
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
            level = claim.severity
            if level is None and claim.suppression is None:
                continue
            results.append(
                _result(claim, report, uri, artifact_index, rule_index[claim.status], level)
            )
        unused_index = len(statuses)  # the unused-suppression rule comes after the statuses
        results.extend(
            _unused_result(u, uri, artifact_index, unused_index) for u in report.unused_suppressions
        )
    rules = [_rule(status, status in failing) for status in statuses]
    if any(report.unused_suppressions for report in reports):
        rules.append(_UNUSED_RULE)
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
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "results": results,
                "properties": {"configFiles": _config_files(reports)},
            }
        ],
    }
    return json_guard(json.dumps(log, indent=2, ensure_ascii=False)) + "\n"


def _config_files(reports: Sequence[Report]) -> list[str]:
    """The configuration files the run applied, each once, in the order first used."""
    return list(dict.fromkeys(path for report in reports for path in report.config_files))


def rule_id(status: Status) -> str:
    return f"citecheck/{status.value}"


def artifact_uri(path: str) -> str:
    """A relative URI reference for a path as given (POSIX separators, percent-encoded)."""
    if "\\" in path:
        path = PureWindowsPath(path).as_posix()
    if PurePath(path).is_absolute():
        return "file://" + quote(path)
    return quote(path)


def _rule(status: Status, fails: bool) -> dict[str, Any]:
    """A rule per status; its default level says whether the run's `fail_on` fails it."""
    name = "".join(part.capitalize() for part in status.value.split("_"))
    meaning = description(status)
    return {
        "id": rule_id(status),
        "name": name,
        "shortDescription": {"text": meaning},
        "fullDescription": {"text": f"{meaning} {look(status).help}"},
        "help": {"text": look(status).help},
        "defaultConfiguration": {"level": "error" if fails else "warning"},
        "properties": {"tags": ["citations"]},
    }


#: The rule of an inline suppression comment that suppresses no claim: a warning, never failing.
_UNUSED_RULE: dict[str, Any] = {
    "id": f"citecheck/{UNUSED_SUPPRESSION}",
    "name": "UnusedSuppression",
    "shortDescription": {"text": "An inline citecheck suppression comment suppresses no claim."},
    "fullDescription": {
        "text": "An inline citecheck suppression comment suppresses no claim. "
        + UNUSED_SUPPRESSION_HELP
    },
    "help": {"text": UNUSED_SUPPRESSION_HELP},
    "defaultConfiguration": {"level": "warning"},
    "properties": {"tags": ["citations", "suppressions"]},
}


def _unused_result(
    unused: UnusedSuppression, uri: str, artifact_index: int, rule_index: int
) -> dict[str, Any]:
    """A warning for a suppression comment that suppresses nothing (no line in its hash)."""
    digest = hashlib.sha256(f"{unused.action}\0{unused.text}".encode()).hexdigest()[:32]
    return {
        "ruleId": _UNUSED_RULE["id"],
        "ruleIndex": rule_index,
        "level": "warning",
        "message": {"text": safe_line(f'"{shorten(unused.text)}" — {unused_message(unused)}')},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "index": artifact_index},
                    "region": {
                        "startLine": unused.line,
                        "startColumn": unused.column,
                        "charOffset": unused.start,
                        "charLength": max(0, unused.end - unused.start),
                        "snippet": {"text": unused.text},
                    },
                }
            }
        ],
        "partialFingerprints": {"suppressionHash/v1": digest},
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
        "message": {"text": safe_line(f'"{shorten(claim.text)}" — {reason(claim)}')},
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
            "reasonCodes": [d.code for d in claim.details],
        },
    }
    if claim.evidence:
        result["properties"]["evidence"] = [
            {"sourceId": e.source_id, "quote": e.quote, "page": e.page} for e in claim.evidence
        ]
    if claim.suppression is not None:
        external = claim.suppression.kind == "baseline"
        suppression: dict[str, Any] = {"kind": "external" if external else "inSource"}
        if claim.suppression.reason:
            suppression["justification"] = claim.suppression.reason
        result["suppressions"] = [suppression]
    return result
