"""The download cache: conditional requests, 304s, offline runs and where the cache lives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from citecheck import Options, SourceError, load_source
from citecheck.sources.cache import default_cache_dir
from citecheck.sources.fetch import Fetcher

pytestmark = pytest.mark.network


def validating_handler(
    seen: list[Request], *, etag: str | None, last_modified: str | None
) -> Callable[[Request], Response]:
    """Serves a page once, then answers 304 to a request with a matching validator."""

    def handler(request: Request) -> Response:
        seen.append(request)
        if etag and request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        if last_modified and request.headers.get("If-Modified-Since") == last_modified:
            return Response(status=304)
        headers = {}
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        return Response("The ILO met on Friday.", content_type="text/plain", headers=headers)

    return handler


def test_etag_revalidation_uses_the_cached_body(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    seen: list[Request] = []
    httpserver.expect_request("/doc").respond_with_handler(
        validating_handler(seen, etag='"v1"', last_modified=None)
    )
    url = httpserver.url_for("/doc")
    fetcher = Fetcher(loopback_options)
    first = fetcher.fetch(url)
    second = fetcher.fetch(url)
    assert "If-None-Match" not in seen[0].headers
    assert seen[1].headers["If-None-Match"] == '"v1"'
    assert (first.from_cache, second.from_cache) == (False, True)
    assert second.body == first.body == b"The ILO met on Friday."


def test_last_modified_revalidation(httpserver: HTTPServer, loopback_options: Options) -> None:
    seen: list[Request] = []
    stamp = "Wed, 21 Oct 2026 07:28:00 GMT"
    httpserver.expect_request("/doc").respond_with_handler(
        validating_handler(seen, etag=None, last_modified=stamp)
    )
    url = httpserver.url_for("/doc")
    load_source(url, options=loopback_options)
    source = load_source(url, options=loopback_options)
    assert seen[1].headers["If-Modified-Since"] == stamp
    assert source.text == "The ILO met on Friday."


def test_changed_page_replaces_the_cached_copy(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    versions = iter([("First version.", '"v1"'), ("Second version.", '"v2"')])

    def changed(request: Request) -> Response:  # ignores validators: the page changed
        text, etag = next(versions)
        return Response(text, content_type="text/plain", headers={"ETag": etag})

    httpserver.expect_request("/doc").respond_with_handler(changed)
    url = httpserver.url_for("/doc")
    assert load_source(url, options=loopback_options).text == "First version."
    assert load_source(url, options=loopback_options).text == "Second version."
    offline = Options.build(loopback_options, offline=True)
    assert load_source(url, options=offline).text == "Second version."


def test_offline_uses_the_cache_only(httpserver: HTTPServer, loopback_options: Options) -> None:
    httpserver.expect_request("/doc").respond_with_data("Cached words.", content_type="text/plain")
    url = httpserver.url_for("/doc")
    load_source(url, options=loopback_options)
    requests_before = len(httpserver.log)
    offline = Options.build(loopback_options, offline=True)
    assert load_source(url, options=offline).text == "Cached words."
    assert len(httpserver.log) == requests_before
    with pytest.raises(SourceError, match=r"offline.*not in the download cache"):
        load_source(httpserver.url_for("/never-fetched"), options=offline)


def test_no_store_is_not_cached(httpserver: HTTPServer, loopback_options: Options) -> None:
    httpserver.expect_request("/private").respond_with_data(
        "Do not keep.", content_type="text/plain", headers={"Cache-Control": "no-store"}
    )
    url = httpserver.url_for("/private")
    load_source(url, options=loopback_options)
    with pytest.raises(SourceError, match=r"offline"):
        load_source(url, options=Options.build(loopback_options, offline=True))


def test_failed_downloads_are_not_cached(
    httpserver: HTTPServer, loopback_options: Options, cache_dir: Path
) -> None:
    httpserver.expect_request("/gone").respond_with_data("missing", status=404)
    with pytest.raises(SourceError, match=r"404"):
        load_source(httpserver.url_for("/gone"), options=loopback_options)
    assert not list(cache_dir.rglob("*.body"))


def test_cache_can_be_turned_off(
    httpserver: HTTPServer, loopback_options: Options, cache_dir: Path
) -> None:
    httpserver.expect_request("/doc").respond_with_data("Words.", content_type="text/plain")
    url = httpserver.url_for("/doc")
    uncached = Options.build(loopback_options, use_cache=False)
    load_source(url, options=uncached)
    assert not cache_dir.exists()
    with pytest.raises(SourceError, match=r"offline"):
        load_source(url, options=Options.build(uncached, offline=True))


def test_default_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "chosen"))
    assert default_cache_dir() == tmp_path / "chosen"
    monkeypatch.delenv("CITECHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("sys.platform", "linux")
    assert default_cache_dir() == tmp_path / "xdg" / "citecheck"


def test_default_cache_is_used_when_no_folder_is_given(
    httpserver: HTTPServer, private_cache: Path
) -> None:
    httpserver.expect_request("/doc").respond_with_data("Words.", content_type="text/plain")
    load_source(httpserver.url_for("/doc"), options=Options(allow_private_urls=True))
    assert list(private_cache.rglob("*.body"))
