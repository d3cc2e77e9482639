"""The address guard: which hosts a URL from an untrusted article may reach."""

from __future__ import annotations

import ipaddress
import threading
import time

import pytest

from citecheck import Options, SourceError
from citecheck.sources.fetch import DEADLINE_FACTOR, Fetcher
from citecheck.sources.guard import (
    AddressGuard,
    IPAddress,
    Resolver,
    address_problem,
    parse_networks,
)


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("100.100.100.200", "metadata"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("::ffff:10.0.0.1", "private"),  # IPv4-mapped
        ("64:ff9b::a00:1", "private"),  # NAT64 of 10.0.0.1
        ("2002:7f00:1::", "loopback"),  # 6to4 of 127.0.0.1
    ],
)
def test_non_public_addresses_are_refused(address: str, problem: str) -> None:
    found = address_problem(ipaddress.ip_address(address))
    assert found is not None
    assert problem in found


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is None


def fixed_resolver(answers: dict[str, list[str]]) -> Resolver:
    def resolve(host: str, port: int) -> list[IPAddress]:
        return [ipaddress.ip_address(a) for a in answers[host]]

    return resolve


def test_names_are_checked_after_resolution() -> None:
    guard = AddressGuard(
        resolver=fixed_resolver(
            {
                "intranet.example": ["10.1.2.3"],
                "mixed.example": ["93.184.216.34", "192.168.0.7"],
                "news.example": ["93.184.216.34"],
            }
        )
    )
    with pytest.raises(SourceError, match=r"intranet\.example resolves to 10\.1\.2\.3"):
        guard.resolve("intranet.example", 80)
    with pytest.raises(SourceError, match=r"192.168.0.7"):  # every address must pass
        guard.resolve("mixed.example", 443)
    assert guard.resolve("news.example", 443) == [ipaddress.ip_address("93.184.216.34")]


def test_literal_addresses_need_no_lookup() -> None:
    def no_dns(host: str, port: int) -> list[IPAddress]:
        raise AssertionError("an IP literal must not be looked up")

    guard = AddressGuard(resolver=no_dns)
    with pytest.raises(SourceError, match=r"refused address.*metadata"):
        guard.resolve("169.254.169.254", 80)
    with pytest.raises(SourceError, match=r"loopback"):
        guard.resolve("[::1]", 80)


def test_the_option_and_allowed_networks_lift_the_refusal() -> None:
    resolver = fixed_resolver({"intranet.example": ["10.1.2.3"]})
    assert AddressGuard(allow_private=True, resolver=resolver).resolve("intranet.example", 80) == [
        ipaddress.ip_address("10.1.2.3")
    ]
    narrow = AddressGuard(allowed_networks=parse_networks(["127.0.0.0/8"]), resolver=resolver)
    assert narrow.resolve("127.0.0.1", 80) == [ipaddress.ip_address("127.0.0.1")]
    with pytest.raises(SourceError, match=r"private"):
        narrow.resolve("intranet.example", 80)


def test_a_hanging_resolver_times_out() -> None:
    release = threading.Event()

    def hanging(host: str, port: int) -> list[IPAddress]:
        release.wait(10)
        return [ipaddress.ip_address("93.184.216.34")]

    guard = AddressGuard(resolver=hanging, timeout=0.05)
    try:
        with pytest.raises(SourceError, match=r"timeout: resolving slow\.example"):
            guard.resolve("slow.example", 443)
    finally:
        release.set()


def test_resolver_errors_reach_the_caller() -> None:
    def failing(host: str, port: int) -> list[IPAddress]:
        raise SourceError(f"cannot resolve host {host!r}: no such name")

    with pytest.raises(SourceError, match="no such name"):
        AddressGuard(resolver=failing, timeout=5).resolve("nowhere.example", 80)


def test_the_time_left_bounds_a_lookup_too() -> None:
    """A download's deadline covers DNS: `resolve(..., timeout=left)` waits no longer."""
    release = threading.Event()

    def hanging(host: str, port: int) -> list[IPAddress]:
        release.wait(10)
        return [ipaddress.ip_address("93.184.216.34")]

    guard = AddressGuard(resolver=hanging, timeout=5)
    started = time.monotonic()
    try:
        with pytest.raises(SourceError, match=r"timeout: resolving slow\.example took over 0\.1 s"):
            guard.resolve("slow.example", 443, timeout=0.1)
    finally:
        release.set()
    assert time.monotonic() - started < 3


def test_fetch_resolves_within_the_downloads_deadline() -> None:
    """The fetcher hands the guard the time left before the deadline, not its own timeout."""
    seen: list[float | None] = []

    class Recording(AddressGuard):
        def resolve(self, host: str, port: int, *, timeout: float | None = None) -> list[IPAddress]:
            seen.append(timeout)
            raise SourceError("refused address: test")

    options = Options(use_cache=False, timeout=2)
    with pytest.raises(SourceError, match="refused address"):
        Fetcher(options, guard=Recording()).fetch("http://example.org/doc")
    assert len(seen) == 1
    assert seen[0] is not None
    assert 0 < seen[0] <= 2 * DEADLINE_FACTOR
