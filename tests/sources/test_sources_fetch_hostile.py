"""Hostile servers: compression bombs, dripping headers, odd redirects and malformed answers.

Every case ends in a `SourceError` that says why, in bounded time and memory. The
bombs are fetched by a child process under RLIMIT_AS (600 MB), from a server in
this process, so a regression fails the test instead of taking the machine down.
"""

from __future__ import annotations

import gzip
import ipaddress
import socket
import zlib
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from citecheck import Options, SourceError
from citecheck.sources.fetch import DEADLINE_FACTOR, Download, Fetcher
from citecheck.sources.guard import AddressGuard, IPAddress, parse_networks
from tests.sources.bombs import gzip_of_zeros, nested_gzip_bomb
from tests.sources.bounded import run_bounded
from tests.sources.rawserver import RawServer, drip, raw_server, respond, run_with_limit

pytestmark = pytest.mark.network

GIB = 1 << 30
TEXT = b"The ILO met in Geneva on Friday, the minutes say."


def everything_on_loopback(options: Options) -> Fetcher:
    """A fetcher whose every host name resolves to 127.0.0.1, and which may go there."""

    def resolver(host: str, port: int) -> list[IPAddress]:
        return [ipaddress.ip_address("127.0.0.1")]

    guard = AddressGuard(allowed_networks=parse_networks(["127.0.0.0/8"]), resolver=resolver)
    return Fetcher(options, guard=guard)


def fetch_in_a_child(url: str, *, cap: int = 10_000_000) -> dict[str, object]:
    """Fetch `url` in a child limited to 600 MB; how it ended, with its time and memory."""
    outcome = run_bounded(
        f"""
        from citecheck import Options
        from citecheck.sources.fetch import Fetcher
        options = Options(
            allow_private_urls=True, use_cache=False, timeout=10, max_download_bytes={cap}
        )
        result = len(Fetcher(options).fetch({url!r}).body)
        """,
        memory_mb=600,
        timeout=90,
    )
    return outcome.raw


# --- 1. bounded content-encoding ------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("layers", "header", "reason"),
    [
        (1, "gzip", "too large: the body goes past the limit once decompressed"),
        (2, "gzip, gzip", "too large: the body goes past the limit once decompressed"),
        (3, "gzip, gzip, gzip", "too many content encodings: the server applied 3"),
    ],
)
def test_gzip_bomb_is_refused_in_bounded_memory(
    httpserver: HTTPServer, layers: int, header: str, reason: str
) -> None:
    """2 GiB of zeros under 1-3 layers of gzip (3 layers: under 300 bytes on the wire)."""
    bomb = nested_gzip_bomb(2 * GIB, layers)
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": header}
    )
    outcome = fetch_in_a_child(httpserver.url_for("/bomb"))
    assert outcome.get("error") == "SourceError", outcome
    assert reason in str(outcome["message"])
    # The child runs under a 600 MB address-space limit: decompressing the bomb would end in
    # MemoryError, not this SourceError. (Its ru_maxrss is not compared: Linux carries the
    # parent's peak over the fork, so it grows with the test process, not with the fetch.)
    assert isinstance(outcome["max_rss_mb"], int)


@pytest.mark.slow
def test_bomb_split_over_two_content_encoding_headers_is_refused(httpserver: HTTPServer) -> None:
    bomb = nested_gzip_bomb(2 * GIB, 3)
    httpserver.expect_request("/bomb").respond_with_handler(
        lambda request: Response(
            bomb,
            content_type="text/plain",
            headers=[("Content-Encoding", "gzip"), ("Content-Encoding", "gzip, gzip")],
        )
    )
    outcome = fetch_in_a_child(httpserver.url_for("/bomb"))
    assert outcome.get("error") == "SourceError", outcome
    assert "too many content encodings" in str(outcome["message"])


def serve(httpserver: HTTPServer, body: bytes, encoding: str, path: str = "/doc") -> str:
    httpserver.expect_request(path).respond_with_data(
        body, content_type="text/plain", headers={"Content-Encoding": encoding}
    )
    return httpserver.url_for(path)


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("GZip", gzip.compress),
        ("deflate", zlib.compress),  # RFC 9110: zlib-wrapped
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw, as some servers send it
        ("gzip, gzip", lambda data: gzip.compress(gzip.compress(data))),
        ("deflate, gzip", lambda data: gzip.compress(zlib.compress(data))),
        ("identity", lambda data: data),
        ("identity, gzip, identity", gzip.compress),
    ],
)
def test_content_encodings_are_decoded(
    httpserver: HTTPServer, loopback_options: Options, encoding: str, encode: object
) -> None:
    assert callable(encode)
    url = serve(httpserver, encode(TEXT), encoding)
    assert Fetcher(loopback_options).fetch(url).body == TEXT


def test_decoded_size_is_held_to_the_cap_exactly(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    body = b"x" * 100_000
    url = serve(httpserver, gzip.compress(body), "gzip")
    exact = Options.build(loopback_options, max_download_bytes=100_000)
    assert Fetcher(exact).fetch(url).body == body
    under = Options.build(loopback_options, max_download_bytes=99_999)
    with pytest.raises(SourceError, match=r"too large: .* once decompressed.*99,999 bytes"):
        Fetcher(under).fetch(url)


def test_a_large_gzip_page_decodes_in_pieces(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    body = bytes(range(256)) * 20_000  # 5 MB, many 64 kB pieces
    url = serve(httpserver, gzip.compress(body), "gzip")
    assert Fetcher(loopback_options).fetch(url).body == body


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress", "gzip, br", "x-custom"])
def test_unsupported_content_encoding_is_refused(
    httpserver: HTTPServer, loopback_options: Options, encoding: str
) -> None:
    url = serve(httpserver, b"\x8b\x02\x80hello\x03", encoding)
    with pytest.raises(SourceError, match=r"unsupported content encoding: '(br|zstd|compress|x-)"):
        Fetcher(loopback_options).fetch(url)


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", b"this is not gzip at all"),
        ("gzip", gzip.compress(TEXT)[:10] + b"\x07\x00"),  # a reserved block type
        ("deflate", b"\xff\xff\xff\xff\xff"),
        ("deflate", b"x"),
    ],
)
def test_corrupt_compressed_body_is_a_source_error(
    httpserver: HTTPServer, loopback_options: Options, encoding: str, body: bytes
) -> None:
    url = serve(httpserver, body, encoding)
    with pytest.raises(SourceError, match=rf"download failed: the body is not valid {encoding}"):
        Fetcher(loopback_options).fetch(url)


def test_data_after_a_gzip_stream_cannot_run_on(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    """The inner stream ends early and 1 GiB follows it: the middle layer is capped too."""
    served = gzip_of_zeros(GIB, prefix=gzip.compress(TEXT))
    url = serve(httpserver, served, "gzip, gzip")
    small = Options.build(loopback_options, max_download_bytes=2_000_000)
    assert len(served) < 2_000_000
    with pytest.raises(SourceError, match=r"too large: an inner content encoding"):
        Fetcher(small).fetch(url)


def test_accept_encoding_names_only_what_is_decoded(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    seen: list[Request] = []

    def handler(request: Request) -> Response:
        seen.append(request)
        return Response(TEXT, content_type="text/plain")

    httpserver.expect_request("/doc").respond_with_handler(handler)
    Fetcher(loopback_options).fetch(httpserver.url_for("/doc"))
    assert seen[0].headers["Accept-Encoding"] == "gzip, deflate"


# --- 2. one deadline for connecting, headers and body ---------------------------------


def test_server_dripping_its_headers_times_out_by_the_deadline() -> None:
    """One header byte every 0.05 s (for 30 s): no read waits 0.5 s, but the whole is too long."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Padding: " + b"a" * 600

    def handler(conn: socket.socket, server: RawServer) -> None:
        drip(conn, server, head, every=0.05)

    options = Options(allow_private_urls=True, use_cache=False, timeout=0.5)
    with raw_server(handler) as server:
        outcome, elapsed = run_with_limit(lambda: Fetcher(options).fetch(server.url()), 20)
    assert isinstance(outcome, SourceError), outcome
    assert str(outcome).startswith("timeout: ")
    # The deadline (2 s), or a read timeout if this machine stalled the server for 0.5 s.
    assert elapsed < 0.5 * DEADLINE_FACTOR + 5


def test_server_dripping_its_body_times_out_by_the_deadline() -> None:
    def handler(conn: socket.socket, server: RawServer) -> None:
        respond(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 600")
        drip(conn, server, b"b" * 600, every=0.05)

    options = Options(allow_private_urls=True, use_cache=False, timeout=0.5)
    with raw_server(handler) as server:
        outcome, elapsed = run_with_limit(lambda: Fetcher(options).fetch(server.url()), 20)
    assert isinstance(outcome, SourceError), outcome
    assert str(outcome).startswith("timeout: ")
    assert elapsed < 0.5 * DEADLINE_FACTOR + 5


def test_deadline_spans_every_hop_of_a_redirect_chain() -> None:
    """Each hop answers within the timeout; together they take longer than the deadline."""

    def handler(conn: socket.socket, server: RawServer) -> None:
        if server.sleep(0.15):
            hop = len(server.requests)
            respond(conn, b"HTTP/1.1 302 Found\r\nLocation: /hop%d\r\nContent-Length: 0" % hop)

    options = Options(allow_private_urls=True, use_cache=False, timeout=0.25, max_redirects=20)
    with raw_server(handler) as server:
        outcome, _ = run_with_limit(lambda: Fetcher(options).fetch(server.url()), 20)
        hops = len(server.requests)
    assert isinstance(outcome, SourceError), outcome
    assert "timeout" in str(outcome)
    assert hops < 20


def test_server_that_never_answers_times_out(loopback_options: Options) -> None:
    def handler(conn: socket.socket, server: RawServer) -> None:
        server.sleep(30)

    options = Options(allow_private_urls=True, use_cache=False, timeout=0.3)
    with raw_server(handler) as server:
        outcome, elapsed = run_with_limit(lambda: Fetcher(options).fetch(server.url()), 20)
    assert isinstance(outcome, SourceError), outcome
    assert "timeout: the server sent nothing for 0.3 s" in str(outcome)
    assert elapsed < 10


# --- 3. redirects to other schemes, and nothing but SourceError ------------------------


@pytest.mark.parametrize(
    ("location", "scheme"),
    [
        ("data:text/html,<h1>Hello</h1>", "data"),
        ("data:,hello", "data"),
        ("DATA:text/plain;base64,SGVsbG8=", "data"),
        ("javascript:alert(document.cookie)", "javascript"),
        ("  JavaScript:alert(1)", "javascript"),
        ("file:///etc/passwd", "file"),
        ("ftp://example.org/file.txt", "ftp"),
        ("mailto:editor@example.org", "mailto"),
        ("gopher://example.org/", "gopher"),
    ],
)
def test_redirect_to_another_scheme_is_refused_naming_it(
    httpserver: HTTPServer, loopback_options: Options, location: str, scheme: str
) -> None:
    httpserver.expect_request("/go").respond_with_response(
        Response(status=302, headers={"Location": location})
    )
    with pytest.raises(SourceError, match=rf"redirected to a '{scheme}:' URL"):
        Fetcher(loopback_options).fetch(httpserver.url_for("/go"))


def test_a_huge_data_url_is_not_repeated_in_full(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    location = "data:text/plain," + "A" * 50_000
    httpserver.expect_request("/go").respond_with_response(
        Response(status=302, headers={"Location": location})
    )
    with pytest.raises(SourceError) as caught:
        Fetcher(loopback_options).fetch(httpserver.url_for("/go"))
    assert len(str(caught.value)) < 400


BAD_LOCATIONS = [
    b"http://[::1",
    b"http://xn--/",
    b"http://xn--zz-/",
    b"http://1.2.3.4:99999/",
    b"http://host:0/",
    b"http://a b/",
    b"http://%zz/",
    b"http://" + b"a" * 300 + b".example/",
    b"http://\xff\xfe/",
    b"//",
    b"http:",
    b"https://",
    b"\\\\evil\\share",
    b"http://user:pw@[::1]:80/",
    b"http://[fe80::1%25eth0]/",
    b"http://0x7f.1/",
    b"http://[v1.x]/",
]


@pytest.mark.parametrize("location", BAD_LOCATIONS, ids=repr)
def test_malformed_redirect_targets_are_source_errors(
    loopback_options: Options, location: bytes
) -> None:
    def handler(conn: socket.socket, server: RawServer) -> None:
        respond(conn, b"HTTP/1.1 302 Found\r\nContent-Length: 0\r\nLocation: " + location)

    options = Options.build(loopback_options, timeout=2, use_cache=False)
    with raw_server(handler) as server:
        outcome, _ = run_with_limit(lambda: everything_on_loopback(options).fetch(server.url()), 60)
    assert isinstance(outcome, SourceError), repr(outcome)


@pytest.mark.parametrize(
    "response",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length: \xc2\xb2\r\n\r\nab",  # a superscript two
        b"HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nab",
        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nab",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\nab",
        b"HTTP/1.1 999 Whatever\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 200\r\nContent-Type: \xff\xfe\r\nContent-Length: 2\r\n\r\nab",
        b"HTTP/9.9 200 OK\r\n\r\n",
        b"SSH-2.0-OpenSSH_9.6\r\n",
        b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03",
        b"HTTP/1.1 302 Found\r\nLocation: \x7f\r\n\r\n",
        b"HTTP/1.1 302 Found\r\nLocation:\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 3\r\n\r\n\x1f\x8b\x08",
        b"HTTP/1.1 200 OK\r\n" + b"X-Long: " + b"a" * 200_000 + b"\r\n\r\n",
        b"",
    ],
    ids=lambda raw: repr(raw[:40]),
)
def test_malformed_responses_are_source_errors(loopback_options: Options, response: bytes) -> None:
    def handler(conn: socket.socket, server: RawServer) -> None:
        conn.sendall(response)

    options = Options.build(loopback_options, timeout=2, use_cache=False)
    with raw_server(handler) as server:
        outcome, _ = run_with_limit(lambda: Fetcher(options).fetch(server.url()), 60)
    assert isinstance(outcome, SourceError | Download), repr(outcome)


def test_an_unforeseen_exception_is_still_a_source_error(loopback_options: Options) -> None:
    def explode(request: httpx.Request) -> httpx.Response:
        raise RuntimeError("a bug somewhere below")

    fetcher = Fetcher(
        loopback_options,
        transport=httpx.MockTransport(explode),
        guard=AddressGuard(allow_private=True, resolver=lambda host, port: []),
    )
    with pytest.raises(SourceError, match=r"download failed: unexpected"):
        fetcher.fetch("http://example.invalid/")


@pytest.mark.parametrize(
    "url",
    ["http://exa mple.org/", "http://[::1/", "https://xn--/", "http://:80/", "data:,x", "\x00"],
)
def test_odd_start_urls_are_source_errors(loopback_options: Options, url: str) -> None:
    with pytest.raises(SourceError):
        everything_on_loopback(Options.build(loopback_options, timeout=1)).fetch(url)


header_names = st.sampled_from(
    [
        b"Content-Type",
        b"Content-Encoding",
        b"Content-Length",
        b"Location",
        b"Transfer-Encoding",
        b"ETag",
        b"Last-Modified",
        b"Cache-Control",
        b"X-Other",
    ]
)
header_values = st.one_of(
    st.binary(max_size=40).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b"")),
    st.sampled_from(
        [
            b"gzip",
            b"gzip, gzip, gzip",
            b"deflate",
            b"br",
            b"text/html; charset=rot13",
            b"application/pdf",
            b"data:,x",
            b"javascript:x",
            b"/next",
            b"http://[::1",
            b"chunked",
            b"999999999999999999999",
        ]
    ),
)
responses = st.builds(
    lambda status, headers, body: (
        b"HTTP/1.1 %d X\r\n" % status
        + b"".join(name + b": " + value + b"\r\n" for name, value in headers)
        + b"\r\n"
        + body
    ),
    st.sampled_from([200, 200, 301, 302, 304, 307, 404, 500, 999]),
    st.lists(st.tuples(header_names, header_values), max_size=6),
    st.one_of(st.binary(max_size=200), st.just(gzip.compress(TEXT))),
)


@pytest.mark.slow
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(response=responses)
def test_any_server_answer_gives_a_download_or_a_source_error(
    tmp_path: Path, response: bytes
) -> None:
    def handler(conn: socket.socket, server: RawServer) -> None:
        conn.sendall(response)

    options = Options(
        allow_private_urls=True, cache_dir=tmp_path / "fuzz-cache", timeout=2, max_redirects=2
    )
    with raw_server(handler) as server:
        outcome, _ = run_with_limit(lambda: everything_on_loopback(options).fetch(server.url()), 60)
    assert isinstance(outcome, SourceError | Download), repr(outcome)
