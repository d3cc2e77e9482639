"""`load_source` on each kind of value, `load_sources` on many, and `source_for_reference`."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from citecheck import InvalidInputError, Options, Source, SourceError, load_source
from citecheck.sources import is_url, load_sources, origin_of, source_for_reference


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.org/a?b=1", True),
        ("  http://example.org/  ", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("See https://example.org/a for details.", False),
        ("The ILO met on Friday.", False),
        ("ftp://example.org/file", False),
        ("https://", False),
    ],
)
def test_which_strings_are_urls(value: str, expected: bool) -> None:
    assert is_url(value) is expected


def test_text_mentioning_a_url_stays_text() -> None:
    text = "The minutes are at https://example.org/minutes and say the ILO met."
    assert load_source(text).text == text


def test_inline_limits() -> None:
    with pytest.raises(SourceError, match=r"empty"):
        load_source("   ")
    with pytest.raises(SourceError, match=r"max_source_chars"):
        load_source("x" * 50, options=Options(max_source_chars=10))


def test_wrong_type_is_invalid_input() -> None:
    with pytest.raises(InvalidInputError, match=r"bytes"):
        load_source(b"raw bytes")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        load_sources({"1": 42})  # type: ignore[dict-item]


@pytest.mark.network
def test_many_sources_load_in_order_with_failures_captured(
    httpserver: HTTPServer, loopback_options: Options, tmp_path: Path
) -> None:
    for n in range(6):
        httpserver.expect_request(f"/s{n}").respond_with_data(
            f"Source number {n}.", content_type="text/plain"
        )
    httpserver.expect_request("/missing").respond_with_data("no", status=404)
    file_path = tmp_path / "local.txt"
    file_path.write_text("A local file.", encoding="utf-8")
    given: dict[str, str | Path | Source] = {
        "z": httpserver.url_for("/s0"),
        "inline": "Plain text given inline.",
        "file": file_path,
        "gone": httpserver.url_for("/missing"),
        "nofile": tmp_path / "absent.txt",
    }
    for n in range(1, 6):
        given[f"u{n}"] = httpserver.url_for(f"/s{n}")
    finished: list[str] = []
    results = load_sources(
        given, loopback_options, progress=lambda sid, result: finished.append(sid)
    )
    assert list(results) == list(given)
    assert sorted(finished) == sorted(given)
    ok = {sid: r for sid, r in results.items() if isinstance(r, Source)}
    errors = {sid: r for sid, r in results.items() if isinstance(r, SourceError)}
    assert sorted(errors) == ["gone", "nofile"]
    assert "404" in str(errors["gone"])
    assert "no such file" in str(errors["nofile"])
    assert ok["z"].text == "Source number 0."
    assert ok["u5"].text == "Source number 5."
    assert ok["u5"].id == "u5"
    assert ok["file"].text == "A local file."
    assert ok["inline"].origin == "inline"


@pytest.mark.network
def test_a_url_given_twice_is_fetched_once(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    httpserver.expect_request("/shared").respond_with_data("Shared.", content_type="text/plain")
    url = httpserver.url_for("/shared")
    results = load_sources({"a": url, "b": f"  {url} "}, loopback_options)
    assert [r.id for r in results.values() if isinstance(r, Source)] == ["a", "b"]
    assert len(httpserver.log) == 1


def test_origins_never_show_credentials(tmp_path: Path) -> None:
    assert origin_of("https://user:secret@example.org/a@b") == "https://example.org/a@b"
    assert origin_of("https://example.org/x") == "https://example.org/x"
    assert origin_of("some text") == "inline"
    assert origin_of(tmp_path / "f.txt") == str(tmp_path / "f.txt")


def test_reference_targets(tmp_path: Path) -> None:
    assert source_for_reference("https://example.org/a", tmp_path) == "https://example.org/a"
    assert source_for_reference("<https://example.org/b>", tmp_path) == "https://example.org/b"
    assert source_for_reference("doi:10.1000/xyz123", tmp_path) == "https://doi.org/10.1000/xyz123"
    assert source_for_reference("sources/report.pdf", tmp_path) == tmp_path / "sources/report.pdf"
    assert source_for_reference("../up.txt", tmp_path) == tmp_path / "../up.txt"
    absolute = tmp_path / "abs.txt"
    assert source_for_reference(str(absolute), Path("/elsewhere")) == absolute
    assert source_for_reference(f"file://{absolute}", Path("/elsewhere")) == absolute
    assert source_for_reference("my%20notes.txt", tmp_path) == tmp_path / "my notes.txt"
    with pytest.raises(SourceError, match=r"only http"):
        source_for_reference("mailto:desk@example.org", tmp_path)
    with pytest.raises(SourceError, match=r"no URL or file"):
        source_for_reference("  ", tmp_path)


def test_reference_to_a_missing_file_fails_when_loaded(tmp_path: Path) -> None:
    target = source_for_reference("missing.md", tmp_path)
    with pytest.raises(SourceError, match=r"no such file"):
        load_source(target)
