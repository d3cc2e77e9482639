"""A damaged cache record is a miss (and is replaced), never an exception.

Records are small JSON files next to the bodies; a crash, a full disk or a hand
edit can leave one that is not JSON, not an object, or holds a field of the wrong
type. Each such record is ignored and the URL fetched again; offline, the reason
says the cached copy is damaged.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from citecheck import Options, SourceError
from citecheck.sources.cache import DownloadCache
from citecheck.sources.fetch import Fetcher

pytestmark = pytest.mark.network

Damage = Callable[[Path, Path], None]


def rewrite(change: Callable[[dict[str, object]], object]) -> Damage:
    """Damage that replaces the record with `change(record)`, as JSON."""

    def damage(record: Path, body: Path) -> None:
        data = json.loads(record.read_text(encoding="utf-8"))
        record.write_text(json.dumps(change(data)), encoding="utf-8")

    return damage


def with_field(name: str, value: object) -> Damage:
    return rewrite(lambda data: {**data, name: value})


def raw(content: bytes) -> Damage:
    def damage(record: Path, body: Path) -> None:
        record.write_bytes(content)

    return damage


def body_removed(record: Path, body: Path) -> None:
    body.unlink()


DAMAGES: dict[str, Damage] = {
    "invalid-json": raw(b'{"url": "http://'),
    "not-utf8": raw(b"\xff\xfe\x00{"),
    "empty": raw(b""),
    "deeply-nested": raw(b"[" * 200_000 + b"]" * 200_000),
    "a-list": rewrite(lambda data: [data]),
    "a-string": rewrite(lambda data: "record"),
    "null": rewrite(lambda data: None),
    "etag-number": with_field("etag", 5),
    "etag-list": with_field("etag", ["v1"]),
    "etag-header-injection": with_field("etag", '"v1"\r\nX-Injected: yes'),
    "last-modified-object": with_field("last_modified", {"when": "now"}),
    "retrieved-at-number": with_field("retrieved_at", 1700000000),
    "content-type-null": with_field("content_type", None),
    "final-url-object": with_field("final_url", {"href": "http://x"}),
    "format-text": with_field("format", "1"),
    "unknown-field": with_field("extra", 1),
    "body-missing": body_removed,
}


def cached_files(cache_dir: Path) -> tuple[Path, Path]:
    records = list(cache_dir.rglob("*.json"))
    assert len(records) == 1
    return records[0], records[0].with_suffix(".body")


@pytest.mark.parametrize("damage", list(DAMAGES.values()), ids=list(DAMAGES))
def test_damaged_record_is_refetched_and_replaced(
    httpserver: HTTPServer, loopback_options: Options, cache_dir: Path, damage: Damage
) -> None:
    httpserver.expect_request("/doc").respond_with_data(
        "The ILO met on Friday.",
        content_type="text/plain",
        headers={"ETag": '"v1"', "Last-Modified": "Wed, 21 Oct 2026 07:28:00 GMT"},
    )
    url = httpserver.url_for("/doc")
    fetcher = Fetcher(loopback_options)
    fetcher.fetch(url)
    record, body = cached_files(cache_dir)
    damage(record, body)
    again = Fetcher(loopback_options).fetch(url)
    assert again.body == b"The ILO met on Friday."
    assert not again.from_cache
    assert len(httpserver.log) == 2
    second = httpserver.log[1][0]
    assert "If-None-Match" not in second.headers  # nothing from the damaged record was sent
    assert "X-Injected" not in second.headers
    repaired = DownloadCache(cache_dir).get(str(again.final_url))
    assert repaired is not None
    assert repaired[0].etag == '"v1"'


@pytest.mark.parametrize(
    "name", ["invalid-json", "a-list", "etag-number", "retrieved-at-number", "body-missing"]
)
def test_offline_with_a_damaged_record_says_so(
    httpserver: HTTPServer, loopback_options: Options, cache_dir: Path, name: str
) -> None:
    httpserver.expect_request("/doc").respond_with_data("Words.", content_type="text/plain")
    url = httpserver.url_for("/doc")
    Fetcher(loopback_options).fetch(url)
    record, body = cached_files(cache_dir)
    DAMAGES[name](record, body)
    offline = Fetcher(Options.build(loopback_options, offline=True))
    with pytest.raises(SourceError, match=r"offline: the cached copy of .* is damaged: its"):
        offline.fetch(url)
    assert len(httpserver.log) == 1


def test_get_never_raises_on_a_damaged_record(cache_dir: Path) -> None:
    cache = DownloadCache(cache_dir)
    url = "https://example.org/doc"
    record, _ = cache._paths(url)
    record.parent.mkdir(parents=True)
    for content in (b"{", b"[]", b"42", b'{"url": 1}', b"[" * 100_000):
        record.write_bytes(content)
        assert cache.get(url) is None
    record.unlink()
    record.mkdir()  # a folder where the record should be
    assert cache.get(url) is None
    with pytest.raises(SourceError, match=r"damaged: its record cannot be read"):
        cache.require(url)


def test_validators_that_are_not_one_header_line_are_not_kept(cache_dir: Path) -> None:
    from citecheck.sources.cache import CacheEntry

    cache = DownloadCache(cache_dir)
    entry = CacheEntry(
        url="https://example.org/doc",
        final_url="https://example.org/doc",
        content_type="text/plain",
        retrieved_at="2026-01-01T00:00:00+00:00",
        etag='"caf\u00e9"',
        last_modified="Wed,\n21 Oct",
    )
    cache.put(entry, b"Words.")
    found = cache.get(entry.url)
    assert found is not None
    assert (found[0].etag, found[0].last_modified) == (None, None)
    assert found[1] == b"Words."
