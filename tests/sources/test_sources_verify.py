"""End to end: `verify()` with sources given as URLs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

import citecheck
from citecheck import Status
from tests.sources.conftest import ARTICLE_PAGE
from tests.sources.pdfmaker import make_pdf

pytestmark = pytest.mark.network

CLAIM = "The International Labour Organization met in Geneva on Friday [1]."


def test_claim_supported_by_a_web_page(httpserver: HTTPServer, cache_dir: Path) -> None:
    httpserver.expect_request("/ilo").respond_with_data(ARTICLE_PAGE, content_type="text/html")
    url = httpserver.url_for("/ilo")
    report = citecheck.verify(CLAIM, {1: url}, allow_private_urls=True, cache_dir=cache_dir)
    assert report.claims[0].status is Status.SUPPORTED
    info = report.sources[0]
    assert (info.origin, info.title, info.content_type) == (
        url,
        "ILO members meet in Geneva",
        "text/html",
    )
    assert info.error is None
    evidence = report.claims[0].evidence[0]
    assert report.source_texts["1"][evidence.start : evidence.end] == evidence.quote


@pytest.mark.parametrize(
    ("path", "allow", "reason"),
    [("/missing", True, "HTTP 404"), ("/page", False, "refused address")],
)
def test_unloadable_web_source_gives_unknown_source_with_the_reason(
    httpserver: HTTPServer, cache_dir: Path, path: str, allow: bool, reason: str
) -> None:
    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    httpserver.expect_request("/page").respond_with_data(ARTICLE_PAGE, content_type="text/html")
    url = httpserver.url_for(path)
    report = citecheck.verify(CLAIM, {1: url}, allow_private_urls=allow, cache_dir=cache_dir)
    claim = report.claims[0]
    assert claim.status is Status.UNKNOWN_SOURCE
    assert any(reason in r for r in claim.reasons)
    assert report.sources[0].origin == url
    assert reason in (report.sources[0].error or "")


def test_evidence_in_a_pdf_names_its_page(httpserver: HTTPServer, cache_dir: Path) -> None:
    pdf = make_pdf(
        [
            "Annual report of the labour office.",
            "Membership grew over the year.",
            "The International Labour Organization met in Geneva on Friday.",
        ]
    )
    httpserver.expect_request("/report.pdf").respond_with_data(pdf, content_type="application/pdf")
    url = httpserver.url_for("/report.pdf")
    report = citecheck.verify(CLAIM, {1: url}, allow_private_urls=True, cache_dir=cache_dir)
    claim = report.claims[0]
    assert claim.status is Status.SUPPORTED
    assert claim.evidence[0].page == 3


def test_guessed_encoding_is_reported_as_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("The café in Genève met on Friday, as délégués said.".encode("cp1252"))
    report = citecheck.verify("The café in Genève met on Friday [1].", {1: path})
    assert any("guessed" in w for w in report.sources[0].warnings)
