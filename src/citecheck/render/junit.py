"""JUnit XML output: one test suite per article, one test case per claim.

A claim whose status fails the check is a `<failure>`; a suppressed problem is
`<skipped>`; everything else passes (warnings are noted in `<system-out>`).
Control characters and bidi overrides show as escapes (`escape.visible`; XML 1.0
cannot hold most of them anyway), and `##[` is written `##&#91;` so the file printed
in a CI log starts no workflow command.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from citecheck.render import RenderOptions
from citecheck.render.escape import visible, xml_guard
from citecheck.render.labels import (
    UNUSED_SUPPRESSION,
    article_name,
    reason,
    shorten,
    unused_message,
)
from citecheck.report import PROBLEM_STATUSES, ClaimResult, Report

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    root = ET.Element("testsuites", name="citecheck")
    total = failures = skipped = 0
    for report in reports:
        suite = _suite(report)
        root.append(suite)
        total += int(suite.get("tests", "0"))
        failures += int(suite.get("failures", "0"))
        skipped += int(suite.get("skipped", "0"))
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("skipped", str(skipped))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml_guard(body) + "\n"


def _suite(report: Report) -> ET.Element:
    name = clean(article_name(report))
    suite = ET.Element("testsuite", name=name)
    failures = skipped = 0
    for claim in report.claims:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=name,
            # The name is the claim alone: CI history follows it when lines move.
            name=clean(shorten(claim.text, 100)),
            file=name,
            line=str(claim.line),
        )
        level = claim.severity
        if level == "error":
            failures += 1
            failure = ET.SubElement(
                case, "failure", type=claim.status.value, message=clean(reason(claim))
            )
            failure.text = clean(_details(claim))
        elif claim.suppression is not None and claim.status in PROBLEM_STATUSES:
            skipped += 1
            why = f": {claim.suppression.reason}" if claim.suppression.reason else ""
            ET.SubElement(case, "skipped", message=clean(f"suppressed{why}"))
        elif level == "warning":
            out = ET.SubElement(case, "system-out")
            out.text = clean(f"warning: {claim.status.value} — {_details(claim)}")
    for unused in report.unused_suppressions:  # a passing case with a warning: never failing
        case = ET.SubElement(
            suite,
            "testcase",
            classname=name,
            name=clean(f"{UNUSED_SUPPRESSION}: {shorten(unused.text, 100)}"),
            file=name,
            line=str(unused.line),
        )
        out = ET.SubElement(case, "system-out")
        out.text = clean(f"warning: {UNUSED_SUPPRESSION} — {unused_message(unused)}")
    suite.set("tests", str(len(report.claims) + len(report.unused_suppressions)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    return suite


def _details(claim: ClaimResult) -> str:
    lines = [claim.text, *claim.reasons]
    lines += [f'source {e.source_id}: "{e.quote}"' for e in claim.evidence]
    return "\n".join(lines)


def clean(text: str) -> str:
    """Controls shown as escapes, then anything else XML 1.0 cannot hold dropped
    (ElementTree escapes the rest)."""
    return _NOT_XML.sub("", visible(text, multiline=True))
