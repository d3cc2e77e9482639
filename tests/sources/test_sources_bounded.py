"""Issue 14, item 3: an article decides how much is downloaded only within bounds.

Only reference-list entries some claim cites are loaded; at most
`max_sources_per_article` distinct origins per article (default 200), ids beyond the
cap being `unknown_source` with a reason; one origin listed under many ids is loaded
once. All against a local server on 127.0.0.1.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

import citecheck
from citecheck import Options, Status

pytestmark = pytest.mark.network

TEXT = "The ILO met in Geneva on Friday."


@pytest.fixture
def options(tmp_path: Path) -> Options:
    return Options(allow_private_urls=True, use_cache=False, timeout=5, suggest_citations=False)


@pytest.fixture
def server(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request(re.compile(r"/doc/.*")).respond_with_data(
        TEXT, content_type="text/plain"
    )
    return httpserver


def article_with(server: HTTPServer, cited: list[int], listed: dict[int, str]) -> str:
    body = [f"The ILO met in Geneva on Friday [{n}]." for n in cited]
    refs = [f"{n}. {server.url_for(path)}" for n, path in listed.items()]
    return "\n\n".join(body) + "\n\n## References\n\n" + "\n".join(refs) + "\n"


def requested(server: HTTPServer) -> list[str]:
    return sorted(request.path for request, _ in server.log)


def test_only_cited_references_are_loaded(server: HTTPServer, options: Options) -> None:
    listed = {n: f"/doc/{n}" for n in range(1, 6)}
    report = citecheck.verify(article_with(server, [2], listed), options=options)
    assert requested(server) == ["/doc/2"]
    assert [s.id for s in report.sources] == ["2"]
    assert report.claims[0].status is Status.SUPPORTED


def test_at_most_max_sources_per_article_origins_are_loaded(
    server: HTTPServer, options: Options
) -> None:
    listed = {n: f"/doc/{n}" for n in range(1, 206)}
    article = article_with(server, list(listed), listed)
    report = citecheck.verify(article, options=options)
    assert Options().max_sources_per_article == 200
    assert len(server.log) == 200
    over = {s.id: s.error for s in report.sources if s.error}
    assert sorted(over, key=int) == [str(n) for n in range(201, 206)]
    assert all("max_sources_per_article" in (error or "") for error in over.values())
    origins = {s.id: s.origin for s in report.sources}
    assert origins["205"] == server.url_for("/doc/205")  # named, though not loaded
    statuses = [c.status for c in report.claims]
    assert statuses.count(Status.UNKNOWN_SOURCE) == 5
    assert statuses.count(Status.SUPPORTED) == 200


def test_the_cap_is_an_option_and_given_sources_count_first(
    server: HTTPServer, options: Options
) -> None:
    listed = {n: f"/doc/{n}" for n in range(1, 5)}
    article = article_with(server, list(listed), listed)
    report = citecheck.verify(article, {4: TEXT}, options=options, max_sources_per_article=2)
    assert requested(server) == ["/doc/1"]  # 4 (given) first, then 1 in id order
    errors = {s.id: s.error for s in report.sources}
    assert errors["4"] is None
    assert "more than 2 distinct sources" in (errors["2"] or "")


def test_one_origin_listed_under_many_ids_is_loaded_once(
    server: HTTPServer, options: Options
) -> None:
    listed = dict.fromkeys(range(1, 301), "/doc/same")
    report = citecheck.verify(article_with(server, list(listed), listed), options=options)
    assert len(server.log) == 1
    assert {c.status for c in report.claims if c.citations} == {Status.SUPPORTED}
    assert all(s.error is None for s in report.sources)
