"""Downloading one URL safely: checked addresses, manual redirects, caps and a cache.

Every hop of a redirect chain is resolved and checked by the `AddressGuard`, and
the request goes to the checked IP (the Host header and TLS name stay the real
host), so DNS cannot answer differently between the check and the connection.
No cookies, credentials or proxy settings from the environment are used.
"""

from __future__ import annotations

import ssl
import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache

import httpx

from citecheck.config import Options
from citecheck.errors import SourceError
from citecheck.sources.cache import CacheEntry, DownloadCache, default_cache_dir
from citecheck.sources.encoding import charset_from_content_type, looks_binary
from citecheck.sources.extract import CONTENT_TYPES, Kind, sniff_kind
from citecheck.sources.guard import AddressGuard, IPAddress

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT = (
    "text/html,application/xhtml+xml;q=0.9,application/pdf;q=0.9,"
    "text/plain;q=0.8,text/markdown;q=0.8,*/*;q=0.1"
)
_KINDS: dict[str, Kind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}
_SNIFFED = frozenset({"", "application/octet-stream", "binary/octet-stream"})
#: The whole download (all hops) may take this many times `Options.timeout`,
#: so a server dripping one byte at a time cannot hold a run forever.
DEADLINE_FACTOR = 4


@cache
def default_user_agent() -> str:
    """'citecheck/<version> (+citation checker)': says plainly who is asking."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("citecheck-news")
    except PackageNotFoundError:
        number = "0.0.0"
    return f"citecheck/{number} (+citation checker)"


@dataclass(frozen=True)
class Download:
    """A fetched (or cached) document, before text extraction."""

    url: str
    final_url: str
    content_type: str
    kind: Kind
    charset: str | None
    body: bytes
    retrieved_at: datetime
    from_cache: bool
    warnings: tuple[str, ...] = ()


def media_type(content_type: str | None) -> str:
    """'text/html; charset=utf-8' → 'text/html'."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def kind_of(content_type: str | None) -> Kind | None:
    """The kind of document a Content-Type names, None when the bytes must tell.

    Raises `SourceError` for types citecheck cannot read (images, video, ...),
    so such a body is never downloaded.
    """
    media = media_type(content_type)
    if media in _KINDS:
        return _KINDS[media]
    if media in _SNIFFED:
        return None
    if media.startswith("text/"):
        return "text"
    raise SourceError(
        f"not text: the server sent {media or 'an unnamed type'}, not HTML, PDF or text"
    )


def kind_from_body(content_type: str | None, body: bytes) -> Kind:
    """The kind of a document, from its Content-Type or else its first bytes."""
    kind = kind_of(content_type)
    if kind is not None:
        return kind
    sniffed = sniff_kind(body)
    if sniffed is not None:
        return sniffed
    if media_type(content_type) == "" and not looks_binary(body):
        return "text"
    raise SourceError("not text: the server sent binary data of no named type")


class Fetcher:
    """Fetches URLs under one set of options; safe to share between threads."""

    def __init__(
        self,
        options: Options,
        *,
        guard: AddressGuard | None = None,
        cache: DownloadCache | None = None,
        transport: httpx.BaseTransport | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.options = options
        self.guard = guard or AddressGuard(
            allow_private=options.allow_private_urls, timeout=options.timeout
        )
        if cache is None and options.use_cache:
            cache = DownloadCache(options.cache_dir or default_cache_dir())
        self.cache = cache
        self._transport = transport
        self._ssl_context = ssl_context
        self._ssl_lock = threading.Lock()
        self.user_agent = options.user_agent or default_user_agent()

    def fetch(self, url: str) -> Download:
        """Download `url` (or take it from the cache); `SourceError` says why not."""
        start = _checked_url(url)
        key = str(start)  # credentials and fragment dropped: never stored, never sent
        had_credentials = bool(httpx.URL(url.strip()).userinfo)
        shown = key if had_credentials else url.strip()
        warnings = ("the URL holds credentials; they were not sent",) if had_credentials else ()
        if self.options.offline:
            if self.cache is None:
                raise SourceError(f"offline: {key} cannot be fetched and the cache is turned off")
            entry, body = self.cache.require(key)
            return replace(_from_cache(shown, entry, body), warnings=warnings)
        cached = self.cache.get(key) if self.cache is not None else None
        timeout = self.options.timeout
        try:
            with httpx.Client(
                verify=self._tls(),
                trust_env=False,
                follow_redirects=False,
                timeout=httpx.Timeout(timeout),
                # No connection reuse: the pool is keyed by IP, and a TLS connection
                # checked for one host name must never carry a request for another.
                limits=httpx.Limits(max_keepalive_connections=0),
                transport=self._transport,
            ) as client:
                deadline = time.monotonic() + timeout * DEADLINE_FACTOR
                download = self._follow(client, key, start, cached, deadline)
        except httpx.ConnectTimeout:
            raise SourceError(f"timeout: could not connect within {timeout:g} s") from None
        except httpx.TimeoutException:
            raise SourceError(f"timeout: the server sent nothing for {timeout:g} s") from None
        except httpx.ConnectError as exc:
            raise SourceError(f"cannot connect: {_short(exc)}") from None
        except httpx.HTTPError as exc:
            raise SourceError(f"download failed: {_short(exc)}") from None
        except OSError as exc:  # a socket error httpx did not wrap
            raise SourceError(f"download failed: {_short(exc)}") from None
        return replace(download, url=shown, warnings=(*warnings, *download.warnings))

    def _tls(self) -> ssl.SSLContext:
        """One TLS context (certificate store loaded once) for every download."""
        with self._ssl_lock:
            if self._ssl_context is None:
                self._ssl_context = httpx.create_ssl_context()
            return self._ssl_context

    def _follow(
        self,
        client: httpx.Client,
        url: str,
        hop: httpx.URL,
        cached: tuple[CacheEntry, bytes] | None,
        deadline: float,
    ) -> Download:
        for _ in range(self.options.max_redirects + 1):
            response = self._send(client, hop, cached)
            try:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    hop = _next_hop(hop, response.headers["location"])
                    continue
                if response.status_code == 304 and cached is not None:
                    entry, body = cached
                    renewed = CacheEntry(
                        url=url,
                        final_url=str(hop),
                        content_type=entry.content_type,
                        retrieved_at=_now().isoformat(),
                        etag=response.headers.get("etag", entry.etag),
                        last_modified=response.headers.get("last-modified", entry.last_modified),
                    )
                    if self.cache is not None:
                        self.cache.put(renewed, body)
                    return _from_cache(url, renewed, body)
                _check_status(response)
                content_type = response.headers.get("content-type", "")
                kind_of(content_type)  # refuse images and the like before the body
                body = self._read_body(response, deadline)
                kind = kind_from_body(content_type, body)
            finally:
                response.close()
            retrieved = _now()
            if self.cache is not None and "no-store" not in response.headers.get(
                "cache-control", ""
            ):
                self.cache.put(
                    CacheEntry(
                        url=url,
                        final_url=str(hop),
                        content_type=content_type,
                        retrieved_at=retrieved.isoformat(),
                        etag=response.headers.get("etag"),
                        last_modified=response.headers.get("last-modified"),
                    ),
                    body,
                )
            return Download(
                url=url,
                final_url=str(hop),
                content_type=_shown_type(content_type, kind),
                kind=kind,
                charset=charset_from_content_type(content_type),
                body=body,
                retrieved_at=retrieved,
                from_cache=False,
            )
        raise SourceError(
            f"too many redirects: more than {self.options.max_redirects} (option max_redirects)"
        )

    def _send(
        self, client: httpx.Client, hop: httpx.URL, cached: tuple[CacheEntry, bytes] | None
    ) -> httpx.Response:
        """Send a request for `hop` to each of its checked addresses until one connects."""
        host = hop.raw_host.decode("ascii")
        port = hop.port or (443 if hop.scheme == "https" else 80)
        addresses = self.guard.resolve(host, port)
        for address in addresses[:-1]:
            try:
                return client.send(self._request(hop, address, cached), stream=True)
            except httpx.ConnectError:  # e.g. IPv6 listed first but unreachable
                continue
        return client.send(self._request(hop, addresses[-1], cached), stream=True)

    def _request(
        self, hop: httpx.URL, address: IPAddress, cached: tuple[CacheEntry, bytes] | None
    ) -> httpx.Request:
        """A request for `hop` addressed to a checked IP, with the real Host and TLS name."""
        host = hop.raw_host.decode("ascii")
        headers = {
            "Host": _host_header(host, hop.port),
            "User-Agent": self.user_agent,
            "Accept": _ACCEPT,
        }
        if cached is not None and cached[0].final_url == str(hop):
            if cached[0].etag:
                headers["If-None-Match"] = cached[0].etag
            if cached[0].last_modified:
                headers["If-Modified-Since"] = cached[0].last_modified
        extensions: dict[str, object] = {}
        if hop.scheme == "https":
            extensions["sni_hostname"] = host
        target = hop.copy_with(host=str(address))
        return httpx.Request("GET", target, headers=headers, extensions=extensions)

    def _read_body(self, response: httpx.Response, deadline: float) -> bytes:
        cap = self.options.max_download_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise SourceError(_too_large(cap, f"the server announced {int(declared):,} bytes"))
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise SourceError(_too_large(cap, "the body goes past the limit"))
            if time.monotonic() > deadline:
                raise SourceError(
                    f"timeout: the download took over {self.options.timeout * DEADLINE_FACTOR:g} s"
                )
            chunks.append(chunk)
        return b"".join(chunks)


def _checked_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise SourceError(f"not a web address: {url!r} ({exc})") from None
    if parsed.scheme not in ("http", "https") or not parsed.raw_host:
        raise SourceError(f"not a web address: {url!r} (only http and https URLs are fetched)")
    # Credentials in a URL are never sent, and fragments never leave the client.
    return parsed.copy_with(username=None, password=None, fragment=None)


def _next_hop(hop: httpx.URL, location: str) -> httpx.URL:
    try:
        target = hop.join(location.strip())
    except (httpx.InvalidURL, ValueError) as exc:
        raise SourceError(f"bad redirect to {location!r}: {exc}") from None
    return _checked_url(str(target))


def _check_status(response: httpx.Response) -> None:
    status = response.status_code
    if status == 200:
        return
    reason = response.reason_phrase or ""
    if status >= 400 or status in _REDIRECTS:
        raise SourceError(f"HTTP {status} {reason}".rstrip())
    raise SourceError(f"HTTP {status} {reason}: no document".replace("  ", " "))


def _host_header(host: str, port: int | None) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"{shown}:{port}" if port is not None else shown


def _from_cache(url: str, entry: CacheEntry, body: bytes) -> Download:
    kind = kind_from_body(entry.content_type, body)
    try:
        retrieved = datetime.fromisoformat(entry.retrieved_at)
    except ValueError:
        retrieved = _now()
    return Download(
        url=url,
        final_url=entry.final_url,
        content_type=_shown_type(entry.content_type, kind),
        kind=kind,
        charset=charset_from_content_type(entry.content_type),
        body=body,
        retrieved_at=retrieved,
        from_cache=True,
    )


def _shown_type(content_type: str, kind: Kind) -> str:
    """The served media type, or the sniffed kind's when the server named none useful."""
    media = media_type(content_type)
    return CONTENT_TYPES[kind] if media in _SNIFFED else media


def _too_large(cap: int, detail: str) -> str:
    return f"too large: {detail}; the limit is {cap:,} bytes (option max_download_bytes)"


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
