"""SSRF protection: which addresses a URL from an untrusted article may reach.

A citation is input from whoever wrote the article. Fetching it from CI must not
reach internal services, so every host is resolved first, each address checked,
and the connection then made to the checked address only (no second lookup that
DNS rebinding could answer differently). Redirects go through the same check.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from citecheck.errors import SourceError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[IPAddress]]

#: Cloud metadata endpoints, named so the refusal says what they are.
METADATA_ADDRESSES: frozenset[IPAddress] = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean
        "169.254.170.2",  # AWS ECS task metadata
        "fd00:ec2::254",  # AWS over IPv6
        "100.100.100.200",  # Alibaba Cloud
        "192.0.0.192",  # Oracle Cloud
    )
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def address_problem(address: IPAddress) -> str | None:
    """Why `address` must not be fetched by default, or None when it is public."""
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address.teredo is not None:
            embedded = address.teredo[1]
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return address_problem(embedded)
    checks = (
        (address.is_unspecified, "an unspecified address"),
        (address.is_loopback, "a loopback address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address.is_reserved, "a reserved address"),
        (address.is_private, "a private address"),
    )
    for bad, what in checks:
        if bad:
            return what
    if not address.is_global:
        return "a non-public address"
    return None


def system_resolver(host: str, port: int) -> list[IPAddress]:
    """Every address the system resolver gives for `host`, in its order, without repeats."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise SourceError(f"cannot resolve host {host!r}: {_gai_reason(exc)}") from None
    seen: list[IPAddress] = []
    for info in infos:
        raw = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        address = ipaddress.ip_address(raw)
        if address not in seen:
            seen.append(address)
    if not seen:
        raise SourceError(f"cannot resolve host {host!r}: no addresses")
    return seen


def _gai_reason(exc: Exception) -> str:
    return str(exc.args[1]) if len(exc.args) > 1 else str(exc)


@dataclass(frozen=True)
class AddressGuard:
    """Resolves hosts and decides which addresses may be connected to.

    `allow_private` lifts the check (the `allow_private_urls` option);
    `allowed_networks` exempts only some networks (tests use it for loopback).
    """

    allow_private: bool = False
    allowed_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    resolver: Resolver = system_resolver
    timeout: float | None = None

    def resolve(self, host: str, port: int, *, timeout: float | None = None) -> list[IPAddress]:
        """The addresses to try, in order, for `host`; `SourceError` if any is refused.

        Every address the host resolves to must pass, not just the first: a name
        with one public and one private address is refused. `timeout` (the time
        left before a download's deadline) bounds the lookup further.
        """
        literal = _literal_address(host)
        addresses = [literal] if literal is not None else self._lookup(host, port, timeout)
        for address in addresses:
            self.check(address, host)
        return addresses

    def _lookup(self, host: str, port: int, left: float | None = None) -> list[IPAddress]:
        """Resolve in a helper thread, so a hanging DNS server costs `timeout` at most
        (or `left`, when that is sooner)."""
        limits = [t for t in (self.timeout, left) if t is not None]
        if not limits:
            return self.resolver(host, port)
        wait = max(0.0, min(limits))
        outcome: list[list[IPAddress] | BaseException] = []

        def run() -> None:
            try:
                outcome.append(self.resolver(host, port))
            except BaseException as exc:  # handed to the caller's thread below
                outcome.append(exc)

        worker = threading.Thread(target=run, name="citecheck-dns", daemon=True)
        worker.start()
        worker.join(wait)
        if not outcome:
            raise SourceError(f"timeout: resolving {host} took over {wait:g} s")
        result = outcome[0]
        if isinstance(result, BaseException):
            raise result
        return result

    def check(self, address: IPAddress, host: str) -> None:
        """Raise `SourceError` when `address` (resolved from `host`) is refused."""
        if self.allow_private or _in_any(address, self.allowed_networks):
            return
        problem = address_problem(address)
        if problem is not None:
            shown = host if host == str(address) else f"{host} resolves to {address}, which"
            raise SourceError(
                f"refused address: {shown} is {problem}; "
                "set allow_private_urls (--allow-private-urls) to fetch it"
            )


def _literal_address(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def _in_any(
    address: IPAddress,
    networks: Iterable[ipaddress.IPv4Network | ipaddress.IPv6Network],
) -> bool:
    return any(address.version == net.version and address in net for net in networks)


def parse_networks(
    values: Sequence[str],
) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """Networks from strings like '127.0.0.1/32'."""
    return tuple(ipaddress.ip_network(v, strict=False) for v in values)
