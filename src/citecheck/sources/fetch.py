"""Downloading one URL safely: checked addresses, manual redirects, caps and a cache.

Every hop of a redirect chain is resolved and checked by the `AddressGuard`, and
the request goes to the checked IP (the Host header and TLS name stay the real
host), so DNS cannot answer differently between the check and the connection.
No cookies, credentials or proxy settings from the environment are used.

A URL and everything its server sends are hostile input, so:

- one deadline covers the whole download: every hop's connection, request,
  headers and body (`_DeadlineBackend`), so a server dripping bytes cannot hold a run;
- the body is read undecoded and its content-codings are undone here, in bounded
  pieces, with the *decoded* size held to `max_download_bytes` as it grows, so a
  few hundred bytes of nested gzip cannot expand to gigabytes (`_BodyDecoder`);
- `Fetcher.fetch` raises `SourceError` and nothing else, whatever the server does.
"""

from __future__ import annotations

import re
import ssl
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache

import httpcore
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
#: The whole download (all hops: connecting, sending, headers and body) may take
#: this many times `Options.timeout`, so a server dripping one byte at a time
#: cannot hold a run forever.
DEADLINE_FACTOR = 4
#: The content-codings undone, at most `MAX_CONTENT_CODINGS` of them per response.
#: Brotli and zstd are neither asked for (Accept-Encoding) nor read: no decoder for
#: them is a dependency, and a coding that cannot be undone in bounded steps is refused.
CONTENT_CODINGS = frozenset({"gzip", "x-gzip", "deflate"})
MAX_CONTENT_CODINGS = 2
_ACCEPT_ENCODING = "gzip, deflate"
_PIECE = 64 * 1024  # the most a content decoder hands on at a time
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


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
        # A transport given here (tests: httpx.MockTransport) is used as it is; the
        # deadline is then checked between reads only, not inside them.
        self._transport = transport
        self._ssl_context = ssl_context
        self._ssl_lock = threading.Lock()
        self.user_agent = options.user_agent or default_user_agent()

    def fetch(self, url: str) -> Download:
        """Download `url` (or take it from the cache); `SourceError` says why not.

        Nothing but `SourceError` leaves this method, whatever the URL or the
        server does: a case no handler below foresaw is still a refused source
        (with the original exception chained, for a bug report), never a crash.
        """
        try:
            return self._fetch(url)
        except SourceError:
            raise
        except Exception as exc:
            raise SourceError(
                f"download failed: unexpected {type(exc).__name__}: {_short(exc)}"
            ) from exc

    def _fetch(self, url: str) -> Download:
        start, had_credentials = _parse_url(url)
        key = str(start)  # credentials and fragment dropped: never stored, never sent
        shown = key if had_credentials else url.strip()
        warnings = ("the URL holds credentials; they were not sent",) if had_credentials else ()
        if self.options.offline:
            if self.cache is None:
                raise SourceError(f"offline: {key} cannot be fetched and the cache is turned off")
            entry, body = self.cache.require(key)
            return replace(_from_cache(shown, entry, body), warnings=warnings)
        cached = self.cache.get(key) if self.cache is not None else None
        timeout = self.options.timeout
        deadline = _Deadline(timeout * DEADLINE_FACTOR)
        transport = self._transport or _DeadlineTransport(self._tls(), deadline)
        try:
            download = self._follow(transport, key, start, cached, deadline)
        except (httpx.TimeoutException, httpcore.TimeoutException) as exc:
            if deadline.expired():
                raise SourceError(deadline.reason()) from None
            if isinstance(exc, httpx.ConnectTimeout | httpcore.ConnectTimeout):
                raise SourceError(f"timeout: could not connect within {timeout:g} s") from None
            raise SourceError(f"timeout: the server sent nothing for {timeout:g} s") from None
        except (httpx.ConnectError, httpcore.ConnectError) as exc:
            raise SourceError(f"cannot connect: {_short(exc)}") from None
        except _TRANSPORT_ERRORS as exc:
            raise SourceError(f"download failed: {_short(exc)}") from None
        except OSError as exc:  # a socket error httpcore did not wrap
            raise SourceError(f"download failed: {_short(exc)}") from None
        finally:
            if transport is not self._transport:
                transport.close()
        return replace(download, url=shown, warnings=(*warnings, *download.warnings))

    def _tls(self) -> ssl.SSLContext:
        """One TLS context (certificate store loaded once) for every download."""
        with self._ssl_lock:
            if self._ssl_context is None:
                self._ssl_context = httpx.create_ssl_context()
            return self._ssl_context

    def _follow(
        self,
        transport: httpx.BaseTransport,
        url: str,
        hop: httpx.URL,
        cached: tuple[CacheEntry, bytes] | None,
        deadline: _Deadline,
    ) -> Download:
        for _ in range(self.options.max_redirects + 1):
            deadline.check()
            response = self._send(transport, hop, cached, deadline)
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
        self,
        transport: httpx.BaseTransport,
        hop: httpx.URL,
        cached: tuple[CacheEntry, bytes] | None,
        deadline: _Deadline,
    ) -> httpx.Response:
        """Send a request for `hop` to each of its checked addresses until one connects."""
        host = hop.raw_host.decode("ascii")
        port = hop.port or (443 if hop.scheme == "https" else 80)
        deadline.check()
        try:  # name resolution is inside the deadline too
            addresses = self.guard.resolve(host, port, timeout=deadline.remaining())
        except SourceError:
            deadline.check()  # out of time: say the download took too long
            raise
        for address in addresses[:-1]:
            try:
                return transport.handle_request(self._request(hop, address, cached))
            except (httpx.ConnectError, httpcore.ConnectError):  # e.g. IPv6 first, unreachable
                deadline.check()
                continue
        return transport.handle_request(self._request(hop, addresses[-1], cached))

    def _request(
        self, hop: httpx.URL, address: IPAddress, cached: tuple[CacheEntry, bytes] | None
    ) -> httpx.Request:
        """A request for `hop` addressed to a checked IP, with the real Host and TLS name."""
        host = hop.raw_host.decode("ascii")
        headers = {
            "Host": _host_header(host, hop.port),
            "User-Agent": self.user_agent,
            "Accept": _ACCEPT,
            "Accept-Encoding": _ACCEPT_ENCODING,
        }
        if cached is not None and cached[0].final_url == str(hop):
            if cached[0].etag:
                headers["If-None-Match"] = cached[0].etag
            if cached[0].last_modified:
                headers["If-Modified-Since"] = cached[0].last_modified
        extensions: dict[str, object] = {"timeout": httpx.Timeout(self.options.timeout).as_dict()}
        if hop.scheme == "https":
            extensions["sni_hostname"] = host
        target = hop.copy_with(host=str(address))
        return httpx.Request("GET", target, headers=headers, extensions=extensions)

    def _read_body(self, response: httpx.Response, deadline: _Deadline) -> bytes:
        """The decoded body, refused as soon as it (or its encoded form) passes the cap."""
        cap = self.options.max_download_bytes
        declared = response.headers.get("content-length", "").strip()
        if declared.isascii() and declared.isdigit() and int(declared) > cap:
            raise SourceError(_too_large(cap, f"the server announced {int(declared):,} bytes"))
        decoder = _BodyDecoder(content_codings(response.headers), cap)
        past_cap = "the body goes past the limit" + (
            " once decompressed" if decoder.codings else ""
        )
        body = bytearray()
        received = 0

        def add(pieces: Iterable[bytes]) -> None:
            for piece in pieces:
                if len(body) + len(piece) > cap:
                    raise SourceError(_too_large(cap, past_cap))
                body.extend(piece)
                deadline.check()

        for raw in response.iter_raw():  # as sent: content-codings not yet undone
            received += len(raw)
            if received > cap:
                raise SourceError(_too_large(cap, "the body goes past the limit"))
            deadline.check()
            add(decoder.feed(raw))
        add(decoder.finish())
        return bytes(body)


class _Deadline:
    """One wall-clock limit for a whole download (`timeout * DEADLINE_FACTOR`)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def expired(self) -> bool:
        # A socket timeout cut to the deadline may end a hair before it.
        return self.remaining() <= 0.01

    def reason(self) -> str:
        return (
            f"timeout: the download took over {self.seconds:g} s "
            f"({DEADLINE_FACTOR} times the option timeout)"
        )

    def check(self) -> None:
        """Raise the timeout `SourceError` once the deadline has passed."""
        if self.remaining() <= 0:
            raise SourceError(self.reason())

    def clamp(self, timeout: float | None, error: type[Exception]) -> float:
        """`timeout` cut to the time left; raise `error` (an httpcore timeout) when none is."""
        left = self.remaining()
        if left <= 0:
            raise error(self.reason())
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every blocking step ends by the deadline.

    httpx's timeouts bound each socket operation, not their sum: a server sending
    one byte a second never trips a 20 s read timeout, and can hold a download
    (its headers included) for ever. Here each read, write and TLS handshake gets
    the smaller of its own timeout and the time left before the deadline, so no
    step, and so no download, outlasts the deadline by more than scheduling slack.
    Unlike a watchdog thread closing sockets from outside, this races with nothing
    and leaves nothing to clean up: the socket times out by itself, and httpcore
    raises its usual timeout error, which `Fetcher.fetch` turns into the reason.
    """

    def __init__(self, inner: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._deadline.clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._deadline.clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        # CPython bounds the whole handshake by the socket timeout, not each step of it.
        wait = self._deadline.clamp(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._inner.start_tls(ssl_context, server_hostname, wait), self._deadline
        )

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, with connecting and every stream step held to a deadline."""

    def __init__(self, deadline: _Deadline) -> None:
        self._deadline = deadline
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        wait = self._deadline.clamp(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, wait, local_address, socket_options)
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("citecheck does not connect to Unix sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, min(seconds, self._deadline.remaining())))


class _DeadlineTransport(httpx.BaseTransport):
    """An httpx transport over an httpcore pool on `_DeadlineBackend`.

    httpx's own `HTTPTransport`, minus proxies, HTTP/2 and connection reuse (the
    pool is keyed by IP, and a TLS connection checked for one host name must never
    carry a request for another). httpcore's errors are left as they are, for
    `Fetcher.fetch` to turn into reasons. Requests go to the transport directly,
    not through an `httpx.Client`, which parses every redirect target (and raises
    on a `data:` one) even when it is not asked to follow redirects.
    """

    def __init__(self, ssl_context: ssl.SSLContext, deadline: _Deadline) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_keepalive_connections=0,
            http1=True,
            http2=False,
            retries=0,
            network_backend=_DeadlineBackend(deadline),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core = self._pool.handle_request(
            httpcore.Request(
                method=request.method,
                url=httpcore.URL(
                    scheme=request.url.raw_scheme,
                    host=request.url.raw_host,
                    port=request.url.port,
                    target=request.url.raw_path,
                ),
                headers=request.headers.raw,
                content=b"",  # GET only
                extensions=request.extensions,
            )
        )
        return httpx.Response(
            status_code=core.status,
            headers=core.headers,
            stream=_CoreStream(core),
            extensions=core.extensions,
            request=request,
        )

    def close(self) -> None:
        self._pool.close()


class _CoreStream(httpx.SyncByteStream):
    """The raw body of an httpcore response (content-codings not undone)."""

    def __init__(self, response: httpcore.Response) -> None:
        self._response = response

    def __iter__(self) -> Iterator[bytes]:
        yield from self._response.iter_stream()

    def close(self) -> None:
        self._response.close()


#: What a failed exchange raises (after timeouts and connection errors are told apart).
_TRANSPORT_ERRORS: tuple[type[Exception], ...] = (
    httpx.HTTPError,
    httpcore.NetworkError,
    httpcore.ProtocolError,
    httpcore.UnsupportedProtocol,
    httpcore.ConnectionNotAvailable,
    httpcore.ProxyError,
)


def content_codings(headers: httpx.Headers) -> tuple[str, ...]:
    """The content-codings of a response, in the order the server applied them.

    `SourceError` for more than `MAX_CONTENT_CODINGS` (no server needs three
    layers of gzip; a bomb does) and for a coding citecheck does not decode.
    """
    named = [c.strip().lower() for c in headers.get_list("content-encoding", split_commas=True)]
    codings = tuple(c for c in named if c and c != "identity")
    if len(codings) > MAX_CONTENT_CODINGS:
        listed = ", ".join(codings[:5]) + (", ..." if len(codings) > 5 else "")
        raise SourceError(
            f"too many content encodings: the server applied {len(codings)} ({listed}); "
            f"at most {MAX_CONTENT_CODINGS} are decoded"
        )
    for coding in codings:
        if coding not in CONTENT_CODINGS:
            raise SourceError(
                f"unsupported content encoding: {_shown(coding, 40)} "
                "(citecheck reads gzip and deflate)"
            )
    return codings


class _Layer:
    """Undoes one content-coding, handing on at most `_PIECE` bytes at a time.

    `zlib.decompressobj().decompress(data, max_length)` stops after `max_length`
    bytes of output and keeps the input it has not used in `unconsumed_tail`, so
    a small input that expands enormously is decoded (and can be refused) step by
    step instead of all at once. Data after the end of the compressed stream is
    ignored, as httpx does.
    """

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._inflate: zlib._Decompress | None = None
        self._head = b""  # deflate: the first bytes, until the wrapper is known
        self._ended = False
        if coding in ("gzip", "x-gzip"):
            self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._ended or not data:
            return
        if self._inflate is None:  # deflate: zlib-wrapped (RFC 9110) or raw, as servers send
            self._head += data
            if len(self._head) < 2:
                return
            data, self._head = self._head, b""
            self._inflate = zlib.decompressobj(
                zlib.MAX_WBITS if _zlib_header(data) else -zlib.MAX_WBITS
            )
        yield from self._drain(self._inflate, data)

    def finish(self) -> Iterator[bytes]:
        if self._inflate is None and self._head:
            raise SourceError(f"download failed: the body is not valid {self.coding} data")
        if self._inflate is None or self._ended:
            return
        yield from self._drain(self._inflate, b"")
        try:
            rest = self._inflate.flush()
        except zlib.error as exc:
            raise SourceError(
                f"download failed: the body is not valid {self.coding} data ({exc})"
            ) from None
        for at in range(0, len(rest), _PIECE):
            yield rest[at : at + _PIECE]

    def _drain(self, inflate: zlib._Decompress, data: bytes) -> Iterator[bytes]:
        while True:
            try:
                piece = inflate.decompress(data, _PIECE)
            except zlib.error as exc:
                raise SourceError(
                    f"download failed: the body is not valid {self.coding} data ({exc})"
                ) from None
            if piece:
                yield piece
            if inflate.eof:
                self._ended = True
                return
            data = inflate.unconsumed_tail
            if not data and len(piece) < _PIECE:
                return  # all the input is used and no output is held back


def _zlib_header(data: bytes) -> bool:
    """True when `data` starts with a zlib header (RFC 1950): deflate in its wrapper."""
    return data[0] & 0x0F == 8 and data[0] >> 4 <= 7 and (data[0] << 8 | data[1]) % 31 == 0


class _BodyDecoder:
    """All the content-codings of a body, undone in bounded pieces, the last applied first.

    A layer between the outermost and the innermost holds compressed data, never
    much larger than what it decompresses to; it is still capped (at twice the
    download cap), so data hidden after the end of an inner stream cannot run on.
    """

    def __init__(self, codings: tuple[str, ...], cap: int) -> None:
        self.codings = codings
        self._layers = [_Layer(c) for c in reversed(codings)]
        self._inner_cap = 2 * cap + _PIECE
        self._inner_sizes = [0] * len(self._layers)

    def feed(self, raw: bytes) -> Iterator[bytes]:
        yield from self._through(0, raw)

    def finish(self) -> Iterator[bytes]:
        for index, layer in enumerate(self._layers):
            for piece in layer.finish():
                yield from self._passed_on(index, piece)

    def _through(self, index: int, data: bytes) -> Iterator[bytes]:
        if index == len(self._layers):
            yield data
            return
        for piece in self._layers[index].feed(data):
            yield from self._passed_on(index, piece)

    def _passed_on(self, index: int, piece: bytes) -> Iterator[bytes]:
        if index < len(self._layers) - 1:
            self._inner_sizes[index] += len(piece)
            if self._inner_sizes[index] > self._inner_cap:
                raise SourceError(
                    "too large: an inner content encoding expands past "
                    f"{self._inner_cap:,} bytes (option max_download_bytes)"
                )
        yield from self._through(index + 1, piece)


def _parse_url(url: str) -> tuple[httpx.URL, bool]:
    """The URL to fetch (no credentials, no fragment) and whether it held credentials."""
    text = url.strip()
    scheme = _SCHEME.match(text)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        raise SourceError(
            f"not a web address: {_shown(text)} is a '{scheme.group(1).lower()}:' URL "
            "(only http and https URLs are fetched)"
        )
    try:
        parsed = httpx.URL(text)
        if parsed.scheme not in ("http", "https") or not parsed.raw_host:
            raise SourceError(
                f"not a web address: {_shown(text)} (only http and https URLs are fetched)"
            )
        if parsed.port is not None and not 0 < parsed.port < 65536:
            raise SourceError(f"not a web address: {_shown(text)} (port {parsed.port})")
        # Credentials in a URL are never sent, and fragments never leave the client.
        clean = parsed.copy_with(username=None, password=None, fragment=None)
        return clean, bool(parsed.userinfo)
    except SourceError:
        raise
    except (httpx.InvalidURL, ValueError, TypeError) as exc:  # UnicodeError is a ValueError
        raise SourceError(f"not a web address: {_shown(text)} ({_short(exc)})") from None


def _next_hop(hop: httpx.URL, location: str) -> httpx.URL:
    """Where a redirect leads; `SourceError` unless it is an http(s) URL."""
    target = location.strip()
    scheme = _SCHEME.match(target)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        raise SourceError(
            f"not a web address: the server redirected to a '{scheme.group(1).lower()}:' URL "
            f"({_shown(target)}); only http and https are followed"
        )
    try:
        joined = str(hop.join(target))
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise SourceError(f"bad redirect to {_shown(target)}: {_short(exc)}") from None
    return _parse_url(joined)[0]


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


def _shown(text: str, limit: int = 100) -> str:
    """`text` quoted for a message, cut short: a `data:` URL can be megabytes."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _too_large(cap: int, detail: str) -> str:
    return f"too large: {detail}; the limit is {cap:,} bytes (option max_download_bytes)"


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
