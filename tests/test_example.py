"""The bundled example end to end: the findings an editor must see."""

from __future__ import annotations

import subprocess
import sys

import citecheck
from citecheck import Status
from tests.conftest import EXAMPLE


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
        assert claim.citations == ()


def test_pull_quote_is_traced_to_the_source_that_supports_it(
    example_article: str, example_sources: dict[str, str]
) -> None:
    report = citecheck.verify(example_article, example_sources)
    pull_quote = _claim(report, "President Lee hopes the ILO will play a major role")
    assert pull_quote.suggested_citations[:1] == ("2",)
    assert any("[2]" in reason for reason in pull_quote.reasons)
    assert pull_quote.evidence
    assert pull_quote.evidence[0].source_id == "2"
    assert "play a major role" in pull_quote.evidence[0].quote


def test_evidence_quotes_the_backing_sentence_first(
    example_article: str, example_sources: dict[str, str]
) -> None:
    report = citecheck.verify(example_article, example_sources)
    claim = _claim(report, "Director-General Houngbo provided guidance")
    first = claim.evidence[0]
    assert first.quote.startswith("Houngbo provided guidance")
    assert "\n\n" not in first.quote  # one passage, not three paragraphs
    assert example_sources[first.source_id][first.start : first.end] == first.quote
    assert list(claim.evidence) == sorted(claim.evidence, key=lambda e: -e.score)


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
    assert claim.citations == ("1",)
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


PORT = EXAMPLE.parent / "port-brief"


def _port_report() -> citecheck.Report:
    article = (PORT / "article.md").read_text(encoding="utf-8")
    parsed = citecheck.parse(article)
    sources = {rid: PORT / ref.target for rid, ref in parsed.references.items() if ref.target}
    assert set(sources) == {"1", "2"}
    return citecheck.verify(article, sources)


def test_port_brief_shows_the_other_statuses() -> None:
    report = _port_report()
    heading = _claim(report, "Port of Halvermund reports record container volumes")
    assert heading.status is Status.EXEMPT
    question = _claim(report, "What does this mean")
    assert question.status is Status.EXEMPT
    missing = _claim(report, "Shipping lines diverted vessels")
    assert missing.status is Status.UNKNOWN_SOURCE
    assert any("[3]" in reason for reason in missing.reasons)
    assert not any(
        c.text.startswith(("[1] Port", "Port of Halvermund, annual")) for c in report.claims
    )


def test_port_brief_names_the_changed_number_and_the_contradiction() -> None:
    report = _port_report()
    number = _claim(report, "The Port of Halvermund handled")
    assert number.status is Status.CONTRADICTED
    assert any("14.8" in r and "15.3" in r for r in number.reasons), number.reasons
    negated = _claim(report, "She did not expect the expansion")
    assert negated.status is Status.CONTRADICTED
    assert negated.evidence
    assert "expects the expansion to continue" in negated.evidence[0].quote
