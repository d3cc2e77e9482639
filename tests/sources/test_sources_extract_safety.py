"""Extraction on hostile documents: PDF bombs, parser failures, NUL and lone surrogates.

Whatever a document holds, extraction ends in text that can be written as UTF-8
(and so as JSON, SARIF or HTML) or in a `SourceError` that says why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck import Source, SourceError, load_source
from citecheck.sources import extract as extract_module
from citecheck.sources.encoding import decode_bytes
from citecheck.sources.extract import Kind, extract
from tests.sources.bombs import zlib_of_zeros
from tests.sources.conftest import ARTICLE_PAGE
from tests.sources.pdfmaker import make_pdf_with_flate_contents, make_pdf_with_to_unicode

BAD_CODEC_LABELS = [
    "rot13",
    "base64",
    "zlib",
    "hex",
    "uu",
    "undefined",
    "unicode_escape",
    "raw_unicode_escape",
    "utf-7",
    "punycode",
    "idna",
]


def test_pdf_bomb_is_too_large_to_decompress(tmp_path: Path) -> None:
    """80 MB of page contents in 80 kB: past pypdf's limit, not 'without a text layer'."""
    pdf = make_pdf_with_flate_contents(zlib_of_zeros(80 << 20))
    assert len(pdf) < 200_000
    path = tmp_path / "bomb.pdf"
    path.write_bytes(pdf)
    with pytest.raises(SourceError, match=r"too large to decompress \(pypdf's limit\)") as caught:
        load_source(path)
    assert "text layer" not in str(caught.value)


def test_unpaired_surrogates_and_nul_from_a_pdf_never_reach_the_text() -> None:
    pdf = make_pdf_with_to_unicode(
        {0x41: b"\xd8\x00", 0x42: b"\x00\x00", 0x43: b"\x00C"}, shown=b"ACBAC"
    )
    result = extract(pdf, "pdf", what="odd.pdf")
    assert "\ufffd" in result.text
    assert "C" in result.text
    assert not any(0xD800 <= ord(c) <= 0xDFFF or c == "\x00" for c in result.text)
    assert any("U+FFFD" in w for w in result.warnings)
    source = Source(text=result.text, warnings=result.warnings)
    assert json.loads(source.model_dump_json())["text"] == result.text  # writable as UTF-8


def test_nul_in_a_utf16_text_file_is_replaced_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes("The ILO met\x00 on Friday.".encode("utf-16"))
    source = load_source(path)
    assert source.text == "The ILO met\ufffd on Friday."
    assert any("1 character that cannot be text" in w for w in source.warnings)


@pytest.mark.parametrize("label", BAD_CODEC_LABELS)
def test_a_charset_that_is_not_a_document_encoding_is_ignored(label: str) -> None:
    data = b"Caf\\xe9 +2AA- \\ud800 \\x00 said the ILO."
    decoded = decode_bytes(data, declared=label, what="doc")
    assert decoded.text == data.decode("ascii")
    assert any(label in w for w in decoded.warnings)


@pytest.mark.parametrize("label", BAD_CODEC_LABELS)
def test_a_page_declaring_such_a_charset_is_still_read(label: str) -> None:
    html = f'<html><head><meta charset="{label}"><title>T</title></head>'.encode()
    html += b"<body><p>The ILO met in Geneva on Friday, the minutes say.</p></body></html>"
    for charset in (label, None):
        result = extract(html, "html", charset=charset, what="page")
        assert "The ILO met in Geneva on Friday" in result.text


@pytest.mark.parametrize(
    ("target", "kind", "data"),
    [
        ("html_title", "html", ARTICLE_PAGE.encode()),
        ("visible_text", "html", b"<html><body><p>x</p></body></html>"),
        ("markdown_text", "markdown", b"# Notes\n\nThe ILO met."),
        ("decode_bytes", "text", b"The ILO met."),
    ],
)
@pytest.mark.parametrize("error", [RuntimeError("boom"), RecursionError(), KeyError("k")])
def test_a_parser_failure_is_a_source_error(
    monkeypatch: pytest.MonkeyPatch, target: str, kind: Kind, data: bytes, error: Exception
) -> None:
    def fail(*args: object, **kwargs: object) -> object:
        raise error

    monkeypatch.setattr(extract_module, target, fail)
    with pytest.raises(
        SourceError, match=rf"not text: doc could not be read \({type(error).__name__}"
    ):
        extract(data, kind, what="doc")


def test_a_pypdf_failure_is_a_source_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdf

    def fail(*args: object, **kwargs: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pypdf, "PdfReader", fail)
    with pytest.raises(SourceError, match=r"not text: doc is not a readable PDF"):
        extract(b"%PDF-1.4\n", "pdf", what="doc")
