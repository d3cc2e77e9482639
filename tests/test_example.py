"""The bundled example end to end: the findings an editor must see."""

from __future__ import annotations

import subprocess
import sys

import citecheck
from citecheck import Status

from .conftest import EXAMPLE


def _claim(report: citecheck.Report, startswith: str) -> citecheck.ClaimResult:
    matches = [c for c in report.claims if c.text.startswith(startswith)]
    assert len(matches) == 1, f"expected one claim starting {startswith!r}"
    return matches[0]


def test_closing_analysis_and_pull_quote_are_uncited(
    example_article: str, example_sources: dict[str, str]
) -> None:
    report = citecheck.verify(example_article, example_sources)
    for start in (
        "South Korea's decision to seek ILO guidance indicates",
        "By aligning national policy with an international body",
        "President Lee hopes the ILO will play a major role",
    ):
        claim = _claim(report, start)
        assert claim.status is Status.UNCITED
        assert claim.needs_citation
        assert claim.citations == []


def test_pull_quote_is_traced_to_the_source_that_supports_it(
    example_article: str, example_sources: dict[str, str]
) -> None:
    report = citecheck.verify(example_article, example_sources)
    pull_quote = _claim(report, "President Lee hopes the ILO will play a major role")
    assert pull_quote.suggested_citations[:1] == ["2"]
    assert any("[2]" in reason for reason in pull_quote.reasons)
    assert pull_quote.evidence
    assert pull_quote.evidence[0].source_id == "2"


def test_cited_factual_claims_are_supported(
    example_article: str, example_sources: dict[str, str]
) -> None:
    report = citecheck.verify(example_article, example_sources)
    for start in (
        "President Lee Jae Myung met with International Labour Organization",
        "Because AI technology is expected",
        "Lee said he hopes the ILO",
        "The administration is particularly concerned",
        "By engaging with the ILO",
    ):
        claim = _claim(report, start)
        assert claim.status is Status.SUPPORTED, (start, claim.reasons)
        assert claim.evidence
        assert claim.score is not None
        assert claim.score > 0.5


def test_the_claim_its_source_does_not_back_is_not_supported(
    example_article: str, example_sources: dict[str, str]
) -> None:
    report = citecheck.verify(example_article, example_sources)
    claim = _claim(report, "This collaboration aims to ensure")
    assert claim.citations == ["1"]
    assert claim.status in (Status.UNSUPPORTED, Status.PARTIAL)
    assert claim.reasons
    assert not report.ok


def test_check_script_prints_the_findings_and_fails() -> None:
    run = subprocess.run(
        [sys.executable, str(EXAMPLE / "check.py")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert "uncited" in run.stdout
    assert "verdict: fail" in run.stdout
    assert "Traceback" not in run.stderr
