"""URL sources in an archive run: each URL fetched once per run, a chunk's URLs together."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import citecheck
from citecheck import BatchStats, Job, Options

pytestmark = pytest.mark.network

WIRES = {
    "/wire/a": "The port handled 12 million containers in 2023. The mayor opened a terminal.",
    "/wire/b": "Rents in Carverton fell 4 percent in 2024, the housing office said on Friday.",
    "/wire/c": "The union leader Lena Brandt said wages rose 3 percent in Tallinn last year.",
}
DELAY = 0.4  # seconds each response takes


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    """A threaded loopback server, so concurrent downloads really overlap."""
    with HTTPServer(threaded=True) as http:
        yield http


def serve(server: HTTPServer, seen: Counter[str]) -> None:
    def handler(request: Request) -> Response:
        seen[request.path] += 1
        time.sleep(DELAY)
        body = WIRES.get(request.path, f"Page {request.path} says the port handled 12 million.")
        return Response(body, content_type="text/plain")

    server.expect_request("/wire/a").respond_with_handler(handler)
    server.expect_request("/wire/b").respond_with_handler(handler)
    server.expect_request("/wire/c").respond_with_handler(handler)
    for n in range(8):
        server.expect_request(f"/own/{n}").respond_with_handler(handler)


def options(tmp_path: Path) -> Options:
    return Options(allow_private_urls=True, use_cache=False, cache_dir=tmp_path / "cache")


def test_each_url_is_fetched_once_however_many_articles_cite_it(
    server: HTTPServer, tmp_path: Path
) -> None:
    seen: Counter[str] = Counter()
    serve(server, seen)
    wires = [server.url_for(p) for p in WIRES]
    articles = [
        (
            f"The port handled 12 million containers in 2023 [1]. Rents fell 4 percent [2].\n\n"
            f"## References\n\n[1] Wire. {wires[n % 3]}\n[2] Wire. {wires[(n + 1) % 3]}\n"
        )
        for n in range(12)
    ]
    jobs = [
        Job(text, name=f"story-{n}.md", options=options(tmp_path))
        for n, text in enumerate(articles)
    ]
    stats = BatchStats()
    outcomes = list(citecheck.Checker().verify_many(jobs, stats=stats, chunk_size=4))
    assert seen == {"/wire/a": 1, "/wire/b": 1, "/wire/c": 1}, outcomes[0].report  # 3 downloads
    assert stats.loads == 3
    assert stats.citations == 24
    for outcome, (n, text) in zip(outcomes, enumerate(articles), strict=True):
        assert outcome.report is not None
        alone = citecheck.verify(text, article_name=f"story-{n}.md", options=options(tmp_path))
        assert outcome.report.model_dump_json() == alone.model_dump_json()  # as if one by one


def test_the_urls_of_a_chunk_are_fetched_together(server: HTTPServer, tmp_path: Path) -> None:
    seen: Counter[str] = Counter()
    serve(server, seen)
    urls = [server.url_for(f"/own/{n}") for n in range(8)]
    jobs = [
        Job(
            f"The port handled 12 million [1].\n\n## References\n\n[1] {urls[n]}\n",
            name=f"own-{n}.md",
            options=options(tmp_path),
        )
        for n in range(8)
    ]
    start = time.perf_counter()
    outcomes = list(citecheck.Checker().verify_many(jobs, chunk_size=8))
    elapsed = time.perf_counter() - start
    assert all(o.report is not None for o in outcomes)
    assert sum(seen.values()) == 8
    assert elapsed < 8 * DELAY * 0.6  # one after another would take 3.2 s
