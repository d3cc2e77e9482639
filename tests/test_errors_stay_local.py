"""Issue 14, item 6: what used to be internal errors stays with its source or article.

A redirect to `data:`/`javascript:`, a damaged cache record and a sentence of over a
million characters each affect one source or claim (`unknown_source`, or a checked
claim); a lone surrogate in an article from Python is a clear `InvalidInputError`
naming where; and the JSON output of any report can be written (lone surrogates are
replaced, with a warning).
"""

from __future__ import annotations

import ast
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer
from werkzeug import Response

import citecheck
from citecheck import InvalidInputError, Job, Status
from citecheck.render import format_report
from citecheck.report import ClaimResult, Evidence, Reason, Report, SourceInfo
from tests.cli.support import run_main
from tests.sources.bounded import run_bounded

ARTICLE = "The ILO met in Geneva on Friday [1]. Wages rose [2]."
SOURCE = "The ILO met in Geneva on Friday."


@pytest.fixture
def loopback(tmp_path: Path) -> dict[str, object]:
    return {"allow_private_urls": True, "cache_dir": tmp_path / "cache", "timeout": 5}


@pytest.mark.network
@pytest.mark.parametrize("target", ["data:text/plain,The ILO met.", "javascript:alert(1)"])
def test_a_redirect_to_another_scheme_is_one_unknown_source(
    httpserver: HTTPServer, loopback: dict[str, object], target: str
) -> None:
    httpserver.expect_request("/go").respond_with_response(
        Response(status=302, headers={"Location": target})
    )
    report = citecheck.verify(ARTICLE, {1: httpserver.url_for("/go"), 2: SOURCE}, **loopback)
    first, second = report.claims
    assert first.status is Status.UNKNOWN_SOURCE
    scheme = target.split(":", 1)[0]
    assert scheme in (report.sources[0].error or "")
    assert second.status is not Status.UNKNOWN_SOURCE  # the other source is still used


@pytest.mark.network
@pytest.mark.parametrize(("field", "value"), [("etag", 5), ("retrieved_at", ["2026"])])
def test_a_damaged_cache_record_is_refetched_by_verify(
    httpserver: HTTPServer, loopback: dict[str, object], field: str, value: object
) -> None:
    httpserver.expect_request("/doc").respond_with_data(
        SOURCE, content_type="text/plain", headers={"ETag": '"v1"'}
    )
    url = httpserver.url_for("/doc")
    assert citecheck.verify(ARTICLE, {1: url}, **loopback).claims[0].status is Status.SUPPORTED
    (record,) = Path(str(loopback["cache_dir"])).rglob("*.json")
    data = json.loads(record.read_text(encoding="utf-8"))
    record.write_text(json.dumps({**data, field: value}), encoding="utf-8")
    again = citecheck.verify(ARTICLE, {1: url}, **loopback)
    assert again.claims[0].status is Status.SUPPORTED
    assert len(httpserver.log) == 2


def test_a_sentence_over_a_million_characters_is_checked() -> None:
    outcome = run_bounded(
        """
        import citecheck
        words = "harbour ships wages Geneva labour talks "
        claim = words * (1_050_000 // len(words) + 1)
        report = citecheck.verify(claim + " [1].", {1: "Talks in Geneva. " + claim[:200_000]})
        result = (len(report.claims), report.claims[0].status.value, len(report.claims[0].text))
        """,
        memory_mb=3000,
        timeout=300,
    )
    assert outcome.error is None, outcome.raw
    claims, status, chars = ast.literal_eval(outcome.result or "()")
    assert claims == 1
    assert status in ("supported", "partial", "unsupported")
    assert chars > 1_000_000


@pytest.mark.parametrize(
    "run",
    [
        lambda text: citecheck.verify(text, {1: SOURCE}),
        lambda text: citecheck.parse(text),
        lambda text: next(iter(citecheck.verify_many([Job(text, {1: SOURCE})]))).failure,
    ],
    ids=["verify", "parse", "verify_many"],
)
def test_a_lone_surrogate_in_an_article_is_a_clear_error_naming_where(
    run: Callable[[str], object],
) -> None:
    article = "Fine.\r\nThe ILO \ud800met in Geneva [1]."
    try:
        failure = run(article)
    except InvalidInputError as exc:
        message = str(exc)
    else:  # verify_many reports it as the article's failure
        assert isinstance(failure, citecheck.Failure)
        message = failure.message
    assert "lone surrogate (U+D800)" in message
    assert "character 15 (line 2, column 9)" in message


def test_a_lone_surrogate_in_a_source_from_python_is_replaced_with_a_warning() -> None:
    report = citecheck.verify("The ILO met in Geneva on Friday [1].", {1: SOURCE + " \udc00"})
    assert report.claims[0].status is Status.SUPPORTED
    assert any("lone surrogate" in w for w in report.sources[0].warnings)
    assert "\udc00" not in (report.source_texts or {})["1"]
    json.loads(report.model_dump_json())


TEXT = st.text(
    alphabet=st.sampled_from(["a", " ", "\ud800", "\udfff", "\udc80", "é", "\x00", "😀", "\n"]),
    max_size=20,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=TEXT, text=TEXT, reason=TEXT, quote=TEXT, origin=TEXT)
def test_the_json_of_any_report_can_be_written(
    name: str, text: str, reason: str, quote: str, origin: str
) -> None:
    claim = ClaimResult(
        index=0,
        text=text,
        start=0,
        end=len(text),
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        paragraph=0,
        citations=("1",),
        status=Status.UNSUPPORTED,
        needs_citation=True,
        evidence=(Evidence(source_id="1", quote=quote, start=0, end=len(quote), score=0.5),),
        details=(Reason(code="x", params={"p": reason}, message=reason),),
    )
    report = Report(
        article=name,
        article_chars=len(text),
        claims=(claim,),
        sources=(SourceInfo(id="1", origin=origin, error=reason),),
        article_text=text,
        source_texts={"1": quote},
    )
    for output_format in ("json", "sarif", "junit", "markdown", "text", "github", "html"):
        format_report(report, output_format).encode("utf-8")
    data = json.loads(report.model_dump_json())
    assert Report.model_validate(data) == report
    if any(c in v for v in (name, text, reason, quote, origin) for c in "\ud800\udfff\udc80"):
        notes = (*report.warnings, *report.sources[0].warnings)
        assert any("lone surrogate" in note for note in notes)


@pytest.mark.skipif(sys.platform != "linux", reason="file names as raw bytes")
def test_a_file_name_that_is_not_utf8_gives_a_json_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    raw = b"caf\xe9.md"
    with open(tmp_path / raw.decode("utf-8", "surrogateescape"), "wb") as handle:
        handle.write(b"The ILO met in Geneva on Friday.\n")
    run = run_main(capsys, "check", "--output-format", "json", "--offline", ".")
    assert run.exit_code in (0, 1), run.stderr
    data = json.loads(run.stdout)
    assert data["article"] == "caf\ufffd.md"
    assert any("lone surrogate" in w for w in data["warnings"])
