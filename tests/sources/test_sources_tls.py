"""HTTPS with the connection pinned to the checked address: TLS still checks the real name.

A CA and a certificate for `citecheck-test.invalid` are made with the `openssl` command
(skipped where it is missing); the server listens on 127.0.0.1 and the guard's resolver
maps the name there, so nothing leaves the machine.
"""

from __future__ import annotations

import ipaddress
import shutil
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from citecheck import Options, SourceError
from citecheck.sources.fetch import Fetcher
from citecheck.sources.guard import AddressGuard, IPAddress, parse_networks

pytestmark = pytest.mark.network

NAME = "citecheck-test.invalid"


def _openssl(*args: str, cwd: Path) -> None:
    done = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, timeout=60)
    if done.returncode != 0:  # an old openssl without -addext, say: not what is tested here
        pytest.skip(f"openssl could not make the test certificates: {done.stderr[-300:]!r}")


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    folder = tmp_path_factory.mktemp("tls")
    _openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
        "-days", "2", "-subj", "/CN=citecheck test CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        cwd=folder,
    )  # fmt: skip
    _openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr",
        "-subj", f"/CN={NAME}",
        cwd=folder,
    )  # fmt: skip
    (folder / "leaf.ext").write_text(
        f"subjectAltName=DNS:{NAME}\nbasicConstraints=CA:FALSE\n"
        "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n",
        encoding="ascii",
    )
    _openssl(
        "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "leaf.pem", "-days", "2", "-extfile", "leaf.ext",
        cwd=folder,
    )  # fmt: skip
    return folder


@pytest.fixture
def tls_server(certificates: Path) -> Iterator[HTTPServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificates / "leaf.pem", certificates / "leaf.key")
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        server.stop()


def pinned_fetcher(options: Options, certificates: Path) -> Fetcher:
    def resolver(host: str, port: int) -> list[IPAddress]:
        return [ipaddress.ip_address("127.0.0.1")]

    guard = AddressGuard(allowed_networks=parse_networks(["127.0.0.0/8"]), resolver=resolver)
    trust = ssl.create_default_context(cafile=str(certificates / "ca.pem"))
    return Fetcher(options, guard=guard, ssl_context=trust)


def test_https_to_the_pinned_address_verifies_the_real_name(
    tls_server: HTTPServer, certificates: Path, loopback_options: Options
) -> None:
    tls_server.expect_request("/secure").respond_with_data("Over TLS.", content_type="text/plain")
    fetcher = pinned_fetcher(loopback_options, certificates)
    download = fetcher.fetch(f"https://{NAME}:{tls_server.port}/secure")
    assert download.body == b"Over TLS."
    assert tls_server.log[0][0].headers["Host"] == f"{NAME}:{tls_server.port}"


def test_https_to_a_name_the_certificate_does_not_cover_fails(
    tls_server: HTTPServer, certificates: Path, loopback_options: Options
) -> None:
    tls_server.expect_request("/secure").respond_with_data("No.", content_type="text/plain")
    fetcher = pinned_fetcher(loopback_options, certificates)
    with pytest.raises(SourceError, match=r"cannot connect.*certificate"):
        fetcher.fetch(f"https://other-name.invalid:{tls_server.port}/secure")
    assert len(tls_server.log) == 0


def test_redirect_to_another_name_checks_that_name_too(
    tls_server: HTTPServer, certificates: Path, loopback_options: Options
) -> None:
    """Both names resolve to the same address; the second must still pass its own TLS check."""
    other = f"https://other-name.invalid:{tls_server.port}/b"
    tls_server.expect_request("/a").respond_with_data("", status=302, headers={"Location": other})
    tls_server.expect_request("/b").respond_with_data("Wrong host.", content_type="text/plain")
    fetcher = pinned_fetcher(loopback_options, certificates)
    with pytest.raises(SourceError, match=r"cannot connect.*certificate"):
        fetcher.fetch(f"https://{NAME}:{tls_server.port}/a")
    assert [entry[0].path for entry in tls_server.log] == ["/a"]
