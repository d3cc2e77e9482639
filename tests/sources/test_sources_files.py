"""Loading sources from files: each format, encodings, and the ways a file can be unusable."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from citecheck import Source, SourceError, load_source
from tests.sources.conftest import ARTICLE_PAGE
from tests.sources.pdfmaker import make_pdf


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_text_file(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.txt", b"The ILO met on Friday.\r\nIn Geneva.\r\n")
    source = load_source(path, id="1")
    assert source.id == "1"
    assert source.text == "The ILO met on Friday.\nIn Geneva.\n"
    assert source.origin == str(path)
    assert source.content_type == "text/plain"
    assert source.page_of(3) is None


def test_markdown_file_gives_its_plain_text(tmp_path: Path) -> None:
    markdown = (
        "# Minutes\n\nThe **ILO** met on [Friday](https://example.org/friday).\n\n"
        "- Delegates from *187* states\n\n```\nraw code\n```\n"
    )
    source = load_source(write(tmp_path, "minutes.md", markdown.encode()))
    assert "The ILO met on Friday." in source.text
    assert "Delegates from 187 states" in source.text
    assert "raw code" in source.text
    for markup in ("**", "](", "https://example.org", "#", "```"):
        assert markup not in source.text
    assert source.content_type == "text/markdown"
    assert source.title == "Minutes"


def test_html_file_keeps_the_article_and_drops_boilerplate(tmp_path: Path) -> None:
    source = load_source(write(tmp_path, "page.html", ARTICLE_PAGE.encode()))
    assert "met in Geneva on Friday to discuss new standards" in source.text
    assert "draft convention on minimum pay" in source.text
    for boilerplate in ("Subscribe now", "Cookie settings", "do not read me", "color: black"):
        assert boilerplate not in source.text
    assert source.title == "ILO members meet in Geneva"
    assert source.content_type == "text/html"
    assert source.warnings == ()


def test_short_html_page_keeps_its_block_breaks(tmp_path: Path) -> None:
    html = (
        b"<html><body><nav>Home World Sport</nav><article><h1>Report</h1>"
        b"<p>By Jane Doe</p><p>The ILO met in Geneva on Friday.</p>"
        b"<blockquote>We will vote in June, the director said.</blockquote></article>"
        b"<aside>Related: other stories you may like</aside></body></html>"
    )
    source = load_source(write(tmp_path, "short.html", html))
    lines = source.text.split("\n")
    assert "Report" in lines  # the headline is not run into the next sentence
    assert "The ILO met in Geneva on Friday." in lines
    assert "We will vote in June, the director said." in lines


def test_html_without_main_text_falls_back_to_the_visible_text(tmp_path: Path) -> None:
    html = (
        b"<html><head><title>Notice</title><script>hidden()</script></head>"
        b"<body><footer>The ILO met on Friday.</footer></body></html>"
    )
    source = load_source(write(tmp_path, "notice.htm", html))
    assert source.text == "The ILO met on Friday."
    assert source.title == "Notice"
    assert any("visible text" in w for w in source.warnings)


def test_pdf_keeps_page_boundaries(tmp_path: Path) -> None:
    pages = ["The ILO met on Friday.", "Delegates from 187 states attended.", "It ended."]
    source = load_source(write(tmp_path, "report.pdf", make_pdf(pages, title="Minutes")))
    assert source.content_type == "application/pdf"
    assert source.title == "Minutes"
    assert len(source.page_starts) == 3
    for number, page_text in enumerate(pages, start=1):
        offset = source.text.index(page_text)
        assert source.page_starts[number - 1] == offset
        assert source.page_of(offset) == number
        assert source.page_of(offset + len(page_text) - 1) == number


def test_pdf_without_text_is_empty_after_extraction(tmp_path: Path) -> None:
    path = write(tmp_path, "scan.pdf", make_pdf(["", ""]))
    with pytest.raises(SourceError, match=r"empty after extraction"):
        load_source(path)


def test_broken_pdf_is_not_readable(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.pdf", b"%PDF-1.4\nthis is not really a pdf\n")
    with pytest.raises(SourceError, match=r"not text|empty"):
        load_source(path)


def test_pdf_repair_notes_become_warnings(tmp_path: Path) -> None:
    pdf = make_pdf(["Readable despite a broken index."])
    broken = pdf[: pdf.rindex(b"startxref")] + b"startxref\n12\n%%EOF\n"
    source = load_source(write(tmp_path, "broken-index.pdf", broken))
    assert source.text == "Readable despite a broken index."
    assert any(w.startswith("PDF: ") and "startxref" in w for w in source.warnings)
    assert not logging.getLogger("pypdf").handlers  # the capture is removed again


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    pdf = load_source(write(tmp_path, "download", make_pdf(["Sniffed as a PDF."])))
    assert pdf.content_type == "application/pdf"
    assert "Sniffed as a PDF." in pdf.text
    html = load_source(write(tmp_path, "page.aspx", ARTICLE_PAGE.encode()))
    assert html.content_type == "text/html"
    assert "<p>" not in html.text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Genève, naïve café".encode("utf-16"), "Genève, naïve café"),  # with its BOM
        (b"\xfe\xff" + "Genève, naïve café".encode("utf-16-be"), "Genève, naïve café"),
        (b"\xef\xbb\xbf" + "Genève".encode(), "Genève"),
        ("Grüße aus München".encode(), "Grüße aus München"),
    ],
)
def test_encodings_with_a_bom_or_utf8(tmp_path: Path, data: bytes, expected: str) -> None:
    source = load_source(write(tmp_path, "enc.txt", data))
    assert source.text == expected
    assert source.warnings == ()


def test_declared_html_charset_is_used(tmp_path: Path) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "<title>Café</title></head><body><footer>Le café de Genève.</footer></body></html>"
    ).encode("latin-1")
    source = load_source(write(tmp_path, "latin.html", html))
    assert source.text == "Le café de Genève."
    assert source.title == "Café"
    assert not any("guessed" in w for w in source.warnings)


def test_undeclared_legacy_encoding_is_guessed_with_a_warning(tmp_path: Path) -> None:
    text = "Le café était très animé à Genève, où les délégués ont débattu des normes."
    source = load_source(write(tmp_path, "legacy.txt", text.encode("cp1252")))
    assert source.text == text
    assert any("guessed" in w for w in source.warnings)


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"empty"):
        load_source(write(tmp_path, "empty.txt", b""))
    with pytest.raises(SourceError, match=r"empty"):
        load_source(write(tmp_path, "blank.md", b"   \n\n"))


def test_binary_file_is_not_text(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    with pytest.raises(SourceError, match=r"not text"):
        load_source(write(tmp_path, "image.txt", png))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"no such file"):
        load_source(tmp_path / "nowhere.txt")
    with pytest.raises(SourceError, match=r"folder"):
        load_source(tmp_path)


def test_given_source_keeps_its_fields_and_takes_the_id() -> None:
    given = Source(text="The ILO met.", origin="somewhere", page_starts=(0,))
    loaded = load_source(given, id="7")
    assert loaded.id == "7"
    assert loaded.origin == "somewhere"
    assert loaded.page_starts == (0,)
