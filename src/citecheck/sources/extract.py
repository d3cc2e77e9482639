"""Plain text out of a document's bytes: text, Markdown, HTML and PDF.

Evidence offsets point into the text made here, so each extractor returns one
string and, for PDFs, where each page starts in it.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from citecheck.errors import SourceError
from citecheck.filetypes import Kind as FileKind
from citecheck.lang import Language, get_language
from citecheck.sources.encoding import decode_bytes
from citecheck.sources.html_text import html_title, visible_text
from citecheck.sources.markdown_text import markdown_text
from citecheck.sources.plain_text import main_text

Kind = FileKind

CONTENT_TYPES: dict[Kind, str] = {
    "text": "text/plain",
    "markdown": "text/markdown",
    "html": "text/html",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class Extracted:
    """The text of a document and what was learnt reading it."""

    text: str
    content_type: str
    title: str | None = None
    page_starts: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()


def sniff_kind(data: bytes) -> Kind | None:
    """Guess a document's kind from its first bytes; None when nothing stands out."""
    head = data[:1024].lstrip()
    if data[:1024].find(b"%PDF-") != -1:
        return "pdf"
    lowered = head[:256].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered:
        return "html"
    return None


def extract(
    data: bytes,
    kind: Kind,
    *,
    charset: str | None = None,
    what: str,
    language: Language | None = None,
) -> Extracted:
    """Extract the text of `data` read as `kind`; `SourceError` when there is none.

    `language` (default English) knows what page furniture looks like in plain text.

    The bytes come from whoever wrote the source, and the parsers below them
    (pypdf, trafilatura, lxml, markdown-it, charset-normalizer) raise many kinds
    of exceptions on odd input: any of them is a `SourceError` for this source,
    never an exception that stops the run.
    """
    try:
        result = _extract(data, kind, charset, what, language or get_language("en"))
    except SourceError:
        raise
    except Exception as exc:
        raise SourceError(
            f"not text: {what} could not be read ({type(exc).__name__}: {_short(exc)})"
        ) from exc
    text, replaced = _valid_text(result.text)
    title = result.title
    if title is not None:
        title, _ = _valid_text(title)
    if replaced:
        note = (
            f"{replaced:,} character{'s' if replaced > 1 else ''} that cannot be text "
            "(NUL or an unpaired surrogate) replaced with U+FFFD"
        )
        result = replace(result, warnings=(*result.warnings, note))
    result = replace(result, text=text, title=title)
    if not result.text.strip():
        raise SourceError(f"empty after extraction: {what} has no text")
    return result


def _extract(
    data: bytes, kind: Kind, charset: str | None, what: str, language: Language
) -> Extracted:
    if kind == "pdf":
        return pdf_text(data, what=what)
    decoded = decode_bytes(data, declared=charset, html=kind == "html", what=what)
    warnings = tuple(decoded.warnings)
    if kind == "html":
        text, title, notes = html_main_text(decoded.text)
        if notes:  # trafilatura found no main text: the visible text, furniture dropped
            text = main_text(text, language.boilerplate).text
        return Extracted(text, CONTENT_TYPES[kind], title, warnings=warnings + notes)
    if kind == "markdown":
        text, title = markdown_text(decoded.text)
        return Extracted(text, CONTENT_TYPES[kind], title, warnings=warnings)
    plain = main_text(decoded.text, language.boilerplate)
    return Extracted(plain.text, CONTENT_TYPES[kind], plain.title, warnings=warnings)


# NUL and lone surrogates are valid in a Python str but not in UTF-8 output (JSON,
# SARIF, HTML reports) nor in XML: they never reach `Source.text`. One character
# is replaced by one, so offsets and page starts stay right.
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def _valid_text(text: str) -> tuple[str, int]:
    """`text` with NUL and unpaired surrogates replaced by U+FFFD, and how many were."""
    replaced = len(_NOT_TEXT.findall(text))
    return (_NOT_TEXT.sub("\ufffd", text), replaced) if replaced else (text, 0)


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def html_main_text(html: str) -> tuple[str, str | None, tuple[str, ...]]:
    """The article text of a page (boilerplate dropped), its title and any notes."""
    import trafilatura

    title = html_title(html)
    try:
        main = trafilatura.extract(
            html,
            include_comments=False,
            include_tables=True,
            include_formatting=False,
            include_links=False,
            include_images=False,
            deduplicate=False,
        )
    except Exception:  # trafilatura can fail on odd markup; the visible text still serves
        main = None
    if main and main.strip():
        main = _tidy(main)
        if "\n" not in main:  # trafilatura's fallback flattens short pages into one line
            main = _restore_blocks(main, visible_text(html))
        return main, title, ()
    text = visible_text(html)
    if not text.strip():
        return "", title, ()
    return text, title, ("no main text found; used all the visible text of the page",)


class _PdfLogCapture(logging.Handler):
    """Keeps pypdf's log records from this thread as warnings of the source.

    With a handler on the `pypdf` logger, Python no longer prints its records to
    stderr when the application set up no logging; an application that did still
    gets them. Records of other threads are left alone.
    """

    def __init__(self, into: list[str], limit: int = 5) -> None:
        super().__init__(level=logging.WARNING)
        self.into = into
        self.limit = limit
        self.dropped = 0
        self.thread = threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        if len(self.into) < self.limit:
            self.into.append(f"PDF: {record.getMessage().strip()}")
        else:
            self.dropped += 1


@contextmanager
def _pypdf_warnings(into: list[str]) -> Iterator[None]:
    logger = logging.getLogger("pypdf")
    capture = _PdfLogCapture(into)
    logger.addHandler(capture)
    try:
        yield
    finally:
        logger.removeHandler(capture)
        if capture.dropped:
            into.append(f"PDF: {capture.dropped} more warnings")


def _restore_blocks(flat: str, visible: str) -> str:
    """Put back the block breaks of `flat`, using the page's visible lines in order.

    Each visible line that continues `flat` where the last one stopped is kept
    (navigation and other lines trafilatura left out do not); when the lines do not
    cover `flat`, it is returned as it was.
    """
    pos = 0
    kept: list[str] = []
    for line in visible.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        at = pos
        while at < len(flat) and flat[at] == " ":
            at += 1
        if flat.startswith(line, at):
            kept.append(line)
            pos = at + len(line)
    return "\n".join(kept) if kept and pos >= len(flat) else flat


def pdf_text(data: bytes, *, what: str) -> Extracted:
    """The text of each page, pages separated by a blank line, with their start offsets."""
    warnings: list[str] = []
    with _pypdf_warnings(warnings):
        result = _pdf_text(data, what, warnings)
    return replace(result, warnings=tuple(warnings))


def _pdf_text(data: bytes, what: str, warnings: list[str]) -> Extracted:
    from io import BytesIO

    from pypdf import PdfReader

    limit_error = _pypdf_limit_error()
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError(f"not text: {what} is an encrypted PDF")
        pages = list(reader.pages)
    except SourceError:
        raise
    except limit_error as exc:
        raise SourceError(_too_large_to_decompress(what, exc)) from None
    except Exception as exc:  # pypdf raises many types on malformed files
        raise SourceError(f"not text: {what} is not a readable PDF ({_short(exc)})") from None
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    over_limit: list[BaseException] = []
    for number, page in enumerate(pages, start=1):
        try:
            page_text = page.extract_text() or ""
        except limit_error as exc:  # a decompression bomb, not a page without text
            page_text = ""
            over_limit.append(exc)
            warnings.append(f"page {number}: too large to decompress (pypdf's limit)")
        except Exception:  # one broken page should not lose the others
            page_text = ""
            warnings.append(f"page {number}: its text could not be extracted")
        page_text = _tidy(page_text.replace("\x00", ""))
        if parts:
            parts.append("\n\n")
            offset += 2
        starts.append(offset)
        parts.append(page_text)
        offset += len(page_text)
    text = "".join(parts)
    if pages and not text.strip():
        if over_limit:
            raise SourceError(_too_large_to_decompress(what, over_limit[0]))
        raise SourceError(
            f"empty after extraction: {what} is a PDF without a text layer (scanned images?)"
        )
    title = None
    try:
        meta = reader.metadata
        if meta is not None and meta.title:
            title = str(meta.title).strip() or None
    except Exception:  # metadata is optional and often malformed
        title = None
    return Extracted(text, CONTENT_TYPES["pdf"], title, page_starts=tuple(starts))


class _NoLimitError(Exception):
    """Stands in for pypdf's `LimitReachedError` in versions without it: never raised."""


def _pypdf_limit_error() -> type[Exception]:
    """pypdf's error for a stream that decompresses past its limit (a zip bomb)."""
    from pypdf import errors

    found = getattr(errors, "LimitReachedError", None)
    return found if isinstance(found, type) and issubclass(found, Exception) else _NoLimitError


def _too_large_to_decompress(what: str, exc: BaseException) -> str:
    return f"too large to decompress (pypdf's limit): {what} ({_short(exc)})"


_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    """Unify line ends, collapse runs of spaces and of blank lines, trim each line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
