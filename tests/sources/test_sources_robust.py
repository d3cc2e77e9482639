"""Whatever the bytes, extraction ends in text or a `SourceError`, never another exception."""

from __future__ import annotations

import codecs

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck import SourceError
from citecheck.sources.encoding import decode_bytes
from citecheck.sources.extract import Kind, extract
from tests.sources.pdfmaker import make_pdf

PREFIXES = [
    b"",
    b"<html><head><meta charset='unicode_escape'><body>\\ud800 \\x00",
    b"%PDF-1.4\n",
    b"<!DOCTYPE html><html><head><meta charset='x-unknown'>",
    b"<?xml version='1.0' encoding='utf-8'?><html><body>",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF32_BE,
    make_pdf(["Some text."])[:200],
]
documents = st.builds(
    lambda prefix, body: prefix + body, st.sampled_from(PREFIXES), st.binary(max_size=400)
)
kinds = st.sampled_from(["text", "markdown", "html", "pdf"])


@settings(max_examples=150, deadline=None)
@given(
    data=documents,
    kind=kinds,
    charset=st.sampled_from(
        [
            None,
            "utf-8",
            "latin-1",
            "bogus",
            "utf-16",
            "utf-7",
            "unicode_escape",
            "rot13",
            "undefined",
        ]
    ),
)
def test_extract_gives_text_or_a_source_error(data: bytes, kind: Kind, charset: str | None) -> None:
    try:
        result = extract(data, kind, charset=charset, what="doc")
    except SourceError as exc:
        message = str(exc)
        result = None
    if result is None:
        assert message  # every refusal says why
        return
    assert result.text.strip()
    assert "\r" not in result.text or kind == "pdf"
    assert not any(c == "\x00" or 0xD800 <= ord(c) <= 0xDFFF for c in result.text)
    result.text.encode("utf-8")  # writable as UTF-8 (JSON, SARIF, HTML)
    assert list(result.page_starts) == sorted(result.page_starts)
    assert all(0 <= start <= len(result.text) for start in result.page_starts)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=200), encoding=st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_text_with_a_bom_or_in_utf8_round_trips(text: str, encoding: str) -> None:
    data = text.encode(encoding)  # Python's utf-16/utf-32 codecs write a BOM
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    if encoding == "utf-8" and (expected.startswith("\ufeff") or "\x00" in text):
        return  # a leading U+FEFF is read as a BOM; NULs make it binary
    if encoding == "utf-16" and text.startswith("\x00"):
        return  # FF FE 00 00 is also the UTF-32 BOM: ambiguous by nature
    try:
        decoded = decode_bytes(data)
    except SourceError:
        assert encoding == "utf-8"  # only BOM-less text can look binary
        return
    assert decoded.text == expected.removeprefix("\ufeff")
