"""Fetching URLs from a real HTTP server on loopback: success, refusals and every failure."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from citecheck import Options, SourceError, load_source
from citecheck.sources.fetch import Fetcher
from citecheck.sources.guard import AddressGuard, IPAddress, parse_networks
from tests.sources.conftest import ARTICLE_PAGE
from tests.sources.pdfmaker import make_pdf

pytestmark = pytest.mark.network


def loopback_only(options: Options) -> Fetcher:
    """A fetcher whose guard admits the test server (127.0.0.0/8) and nothing else private."""
    guard = AddressGuard(allowed_networks=parse_networks(["127.0.0.0/8"]))
    return Fetcher(options, guard=guard)


def test_html_page_is_fetched_and_extracted(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    httpserver.expect_request("/article").respond_with_data(
        ARTICLE_PAGE, content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/article")
    source = load_source(url, id="1", options=loopback_options)
    assert source.id == "1"
    assert source.origin == url
    assert source.content_type == "text/html"
    assert source.title == "ILO members meet in Geneva"
    assert "met in Geneva on Friday" in source.text
    assert "Subscribe now" not in source.text
    assert source.retrieved_at is not None


def test_request_identifies_itself_and_sends_no_credentials(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    seen: list[Request] = []

    def handler(request: Request) -> Response:
        seen.append(request)
        if request.path == "/start":
            response = Response(status=302, headers={"Location": "/end"})
            response.set_cookie("session", "secret")
            return response
        return Response("The ILO met on Friday.", content_type="text/plain")

    httpserver.expect_request("/start").respond_with_handler(handler)
    httpserver.expect_request("/end").respond_with_handler(handler)
    url = httpserver.url_for("/start").replace("http://", "http://user:pw@")
    source = load_source(url, options=loopback_options)
    assert source.text == "The ILO met on Friday."
    assert any("credentials" in w for w in source.warnings)
    assert "pw" not in source.origin
    cached = list((loopback_options.cache_dir or Path()).rglob("*"))
    assert cached
    assert not any(b"pw" in p.read_bytes() for p in cached if p.is_file())
    assert [r.path for r in seen] == ["/start", "/end"]
    for request in seen:
        assert request.headers["User-Agent"].startswith("citecheck/")
        assert "(+citation checker)" in request.headers["User-Agent"]
        assert "Authorization" not in request.headers
        assert "Cookie" not in request.headers


def test_pdf_over_http_keeps_pages(httpserver: HTTPServer, loopback_options: Options) -> None:
    pdf = make_pdf(["First page text.", "Second page text."])
    httpserver.expect_request("/report.pdf").respond_with_data(pdf, content_type="application/pdf")
    source = load_source(httpserver.url_for("/report.pdf"), options=loopback_options)
    assert source.content_type == "application/pdf"
    assert source.page_of(source.text.index("Second page")) == 2


def test_octet_stream_is_sniffed(httpserver: HTTPServer, loopback_options: Options) -> None:
    pdf = make_pdf(["Served as octet-stream."])
    httpserver.expect_request("/file").respond_with_data(
        pdf, content_type="application/octet-stream"
    )
    source = load_source(httpserver.url_for("/file"), options=loopback_options)
    assert source.content_type == "application/pdf"
    assert "Served as octet-stream." in source.text


def test_redirects_are_followed_up_to_the_limit(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    for hop in range(7):
        httpserver.expect_request(f"/r{hop}").respond_with_response(
            Response(status=301, headers={"Location": f"/r{hop + 1}"})
        )
    httpserver.expect_request("/r7").respond_with_data("Arrived.", content_type="text/plain")
    near = Options.build(loopback_options, max_redirects=7)
    assert load_source(httpserver.url_for("/r0"), options=near).text == "Arrived."
    with pytest.raises(SourceError, match=r"too many redirects"):
        load_source(httpserver.url_for("/r0"), options=loopback_options)  # 5 by default


@pytest.mark.parametrize(
    ("target", "problem"),
    [("http://10.0.0.1/admin", "private"), ("http://169.254.169.254/latest/", "metadata")],
)
def test_redirect_to_a_private_address_is_refused(
    httpserver: HTTPServer, loopback_options: Options, target: str, problem: str
) -> None:
    httpserver.expect_request("/go").respond_with_response(
        Response(status=302, headers={"Location": target})
    )
    fetcher = loopback_only(loopback_options)
    with pytest.raises(SourceError, match=rf"refused address.*{problem}"):
        fetcher.fetch(httpserver.url_for("/go"))


def test_redirect_to_another_scheme_is_refused(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    httpserver.expect_request("/go").respond_with_response(
        Response(status=302, headers={"Location": "file:///etc/passwd"})
    )
    with pytest.raises(SourceError, match="not a web address"):
        load_source(httpserver.url_for("/go"), options=loopback_options)


def test_charset_from_the_content_type_header(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    body = "<html><body><footer>Le café de Genève.</footer></body></html>".encode("latin-1")
    httpserver.expect_request("/latin").respond_with_data(
        body, content_type="text/html; charset=ISO-8859-1"
    )
    source = load_source(httpserver.url_for("/latin"), options=loopback_options)
    assert source.text == "Le café de Genève."
    assert not any("guessed" in w for w in source.warnings)


def test_loopback_url_is_refused_without_the_option(
    httpserver: HTTPServer, cache_dir: Path
) -> None:
    httpserver.expect_request("/page").respond_with_data("secret", content_type="text/plain")
    with pytest.raises(SourceError, match=r"refused address.*loopback.*allow_private_urls"):
        load_source(httpserver.url_for("/page"), options=Options(cache_dir=cache_dir))
    assert len(httpserver.log) == 0  # refused before any connection


def test_connection_goes_to_the_checked_address(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    """The name is resolved once, by the guard; the request carries the real Host."""
    hosts: list[str] = []

    def handler(request: Request) -> Response:
        hosts.append(request.headers["Host"])
        return Response("Pinned.", content_type="text/plain")

    httpserver.expect_request("/pin").respond_with_handler(handler)
    lookups: list[str] = []

    def resolver(host: str, port: int) -> list[IPAddress]:
        import ipaddress

        lookups.append(host)
        return [ipaddress.ip_address("127.0.0.1")]

    guard = AddressGuard(allowed_networks=parse_networks(["127.0.0.0/8"]), resolver=resolver)
    fetcher = Fetcher(loopback_options, guard=guard)
    url = f"http://citecheck-test.invalid:{httpserver.port}/pin"
    download = fetcher.fetch(url)
    assert download.body == b"Pinned."
    assert lookups == ["citecheck-test.invalid"]
    assert hosts == [f"citecheck-test.invalid:{httpserver.port}"]


def test_every_checked_address_is_tried_in_turn(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    """A name whose first address refuses connections is reached on its next one."""
    import ipaddress
    import socket

    with socket.socket() as probe:  # a loopback address where nothing listens on the port
        try:
            probe.bind(("127.0.0.2", httpserver.port))
        except OSError:
            pytest.skip("127.0.0.2 is not usable here")
    httpserver.expect_request("/twice").respond_with_data("Reached.", content_type="text/plain")

    def resolver(host: str, port: int) -> list[IPAddress]:
        return [ipaddress.ip_address("127.0.0.2"), ipaddress.ip_address("127.0.0.1")]

    guard = AddressGuard(allowed_networks=parse_networks(["127.0.0.0/8"]), resolver=resolver)
    fetcher = Fetcher(loopback_options, guard=guard)
    assert fetcher.fetch(f"http://two.invalid:{httpserver.port}/twice").body == b"Reached."


def test_not_found_is_reported(httpserver: HTTPServer, loopback_options: Options) -> None:
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    with pytest.raises(SourceError, match=r"HTTP 404"):
        load_source(httpserver.url_for("/gone"), options=loopback_options)


def test_image_is_not_text(httpserver: HTTPServer, loopback_options: Options) -> None:
    httpserver.expect_request("/logo.png").respond_with_data(
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png"
    )
    with pytest.raises(SourceError, match=r"not text.*image/png"):
        load_source(httpserver.url_for("/logo.png"), options=loopback_options)


def test_announced_body_over_the_cap_is_refused(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    httpserver.expect_request("/big").respond_with_data("x" * 5000, content_type="text/plain")
    small = Options.build(loopback_options, max_download_bytes=1000)
    with pytest.raises(SourceError, match=r"too large.*5,000 bytes.*max_download_bytes"):
        load_source(httpserver.url_for("/big"), options=small)


def test_streamed_body_over_the_cap_is_cut_off(
    httpserver: HTTPServer, loopback_options: Options
) -> None:
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        for _ in range(1000):  # 1 MB in all, without a Content-Length
            sent.append(1)
            yield b"y" * 1024

    httpserver.expect_request("/stream").respond_with_handler(
        lambda request: Response(chunks(), content_type="text/plain")
    )
    small = Options.build(loopback_options, max_download_bytes=10_000)
    with pytest.raises(SourceError, match=r"too large"):
        load_source(httpserver.url_for("/stream"), options=small)


def test_slow_server_times_out(httpserver: HTTPServer, loopback_options: Options) -> None:
    release = threading.Event()

    def slow(request: Request) -> Response:
        release.wait(10)
        return Response("late", content_type="text/plain")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    quick = Options.build(loopback_options, timeout=0.2)
    try:
        with pytest.raises(SourceError, match=r"timeout"):
            load_source(httpserver.url_for("/slow"), options=quick)
    finally:
        release.set()


def test_unreachable_port_cannot_connect(loopback_options: Options) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(SourceError, match=r"cannot connect|timeout"):
        load_source(f"http://127.0.0.1:{port}/", options=loopback_options)


def test_non_web_addresses_are_not_fetched(loopback_options: Options) -> None:
    fetcher = Fetcher(loopback_options)
    with pytest.raises(SourceError, match=r"not a web address"):
        fetcher.fetch("ftp://example.org/file.txt")
