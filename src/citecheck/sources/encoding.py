"""Bytes to text: BOMs, declared charsets, UTF-8, and a guessed fallback with a warning.

The order follows what browsers do: a byte-order mark wins, then a charset the
server or the document declares, then UTF-8; only then is the encoding guessed,
and the guess is reported so a reader knows the text may be garbled.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from citecheck.errors import SourceError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# WHATWG: documents labelled Latin-1 or ASCII are decoded as windows-1252.
_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")

_SNIFF_BYTES = 4096


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding used and any warnings about it."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def charset_from_content_type(content_type: str | None) -> str | None:
    """The `charset=` parameter of a Content-Type header, if any."""
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*\"?([A-Za-z0-9._:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def declared_html_charset(data: bytes) -> str | None:
    """The charset a document declares in a `<meta>` tag or an XML declaration."""
    head = data[:_SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


# Python codecs that are not character encodings of documents: they turn escapes
# into any character (NUL, lone surrogates), or raise on every input. A charset
# label naming one comes from the document or the server, so it is ignored.
_NOT_DOCUMENT_CODECS = frozenset(
    {"utf-7", "unicode-escape", "raw-unicode-escape", "punycode", "idna", "undefined"}
)


def _codec(label: str) -> str | None:
    """The Python codec for a charset label; None for unknown labels and for codecs
    that are not text encodings (rot13, base64, zlib, ...) or not documents' encodings."""
    try:
        info = codecs.lookup(label.strip())
    except (LookupError, ValueError, TypeError):
        return None
    name = info.name
    if not getattr(info, "_is_text_encoding", True) or name in _NOT_DOCUMENT_CODECS:
        return None
    return _ALIASES.get(name, name)


def looks_binary(data: bytes) -> bool:
    """True when bytes without a BOM hold NULs or many control characters: not text."""
    head = data[:_SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(4, len(head) // 50)


def decode_bytes(
    data: bytes,
    *,
    declared: str | None = None,
    html: bool = False,
    what: str = "the source",
    keep_line_ends: bool = False,
) -> Decoded:
    """Decode `data`, raising `SourceError` when it is not text in any encoding.

    Line ends are unified to `\n` unless `keep_line_ends` (articles keep theirs, so
    offsets index the text exactly as the file holds it).
    """
    clean = _drop_bom if keep_line_ends else _clean
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _finish(data, codec, [], what, clean)
    if looks_binary(data):
        raise SourceError(f"not text: {what} holds binary data")
    warnings: list[str] = []
    labels: list[tuple[str, str | None]] = [("declared", declared)]
    if html:
        labels.append(("declared in the document", declared_html_charset(data)))
    for how, label in labels:
        if not label:
            continue
        chosen = _codec(label)
        if chosen is None:
            warnings.append(f"{what} has an unknown charset {label!r} ({how}); ignored")
            continue
        try:
            text = data.decode(chosen)
        except (UnicodeError, LookupError, ValueError, TypeError):
            warnings.append(f"{what} is not valid {label} as {how}; ignored that charset")
            continue
        return Decoded(clean(text), chosen, warnings)
    try:
        return Decoded(clean(data.decode("utf-8")), "utf-8", warnings)
    except UnicodeDecodeError:
        pass
    return _guess(data, warnings, what, clean)


def _guess(data: bytes, warnings: list[str], what: str, clean: Callable[[str], str]) -> Decoded:
    from charset_normalizer import from_bytes

    try:
        found = list(from_bytes(data))
    except Exception:  # a detector failure is "no guess", not a crash
        found = []
    matches = [m for m in found if _codec(m.encoding) is not None]
    if not matches:
        raise SourceError(f"not text: {what} is in no encoding citecheck can recognise")
    # Short texts fit many code pages equally well; among the equally plausible,
    # windows-1252 (the most common legacy encoding of Western text) wins.
    best_chaos = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= best_chaos + 0.01]
    western = [m for m in tied if "cp1252" in m.could_be_from_charset]
    codec = "cp1252" if western else (_codec(tied[0].encoding) or "cp1252")
    warnings.append(
        f"{what} declares no encoding and is not UTF-8; guessed {codec} (the text may be garbled)"
    )
    return _finish(data, codec, warnings, what, clean)


def _finish(
    data: bytes, codec: str, warnings: list[str], what: str, clean: Callable[[str], str]
) -> Decoded:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        try:
            text = data.decode(codec, errors="replace")
        except (UnicodeError, LookupError, ValueError, TypeError):
            raise SourceError(f"not text: {what} cannot be decoded as {codec}") from None
        warnings.append(f"{what} has bytes that are not valid {codec}; replaced them with U+FFFD")
    except (UnicodeError, LookupError, ValueError, TypeError):
        raise SourceError(f"not text: {what} cannot be decoded as {codec}") from None
    return Decoded(clean(text), codec, warnings)


def _drop_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _clean(text: str) -> str:
    """Drop a decoded BOM and unify line ends, so offsets count one character per break."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")
