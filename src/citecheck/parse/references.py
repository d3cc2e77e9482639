"""Reference lists and footnote definitions → `Reference` entries.

Entries come from blocks the format readers marked as references (footnote and
link definitions, lines under a "References"/"Sources"/"Notes" title) and, for
HTML and Markdown lists, from the list items and paragraphs that follow such a
title up to the next heading. Each entry keeps its article span, its first URL
and a `target` (a URL, `doi:` or a relative file path named in the entry) so
sources can be resolved from the article itself. A link's href wins over its
visible text: `[sources/a.txt](sources/b.pdf)` names `sources/b.pdf`.
"""

from __future__ import annotations

import re

from citecheck.filetypes import SUFFIX_PATTERN
from citecheck.lang import Language
from citecheck.parse.blocks import Block, refs_title
from citecheck.parse.model import Reference

__all__ = ["collect_references"]

_URL = re.compile(r"https?://[^\s<>\"'\]\[]{1,2000}", re.IGNORECASE)
_PATH = re.compile(
    rf"(?<![\w/.:])(?:\.{{1,2}}/)?[\w\-]+(?:/[\w.\-]+)*\.(?:{SUFFIX_PATTERN})\b", re.IGNORECASE
)
# `doi:10.1234/x`, `DOI 10.1234/x`, `doi: https://doi.org/10.1234/x`, `doi.org/10.1234/x`.
_DOI = re.compile(
    r"\b(?:doi[ \t]{0,3}[:=]?[ \t]{0,3}(?:https?://(?:dx\.)?doi\.org/)?|(?:dx\.)?doi\.org/)"
    r"(10\.\d{4,9}/[^\s\"<>]{1,500})",
    re.IGNORECASE,
)
_DOI_URL = re.compile(r"https?://(?:dx\.)?doi\.org/(10\.\d{4,9}/\S{1,500})\Z", re.IGNORECASE)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]{1,30}):")
_FILE_NAME = re.compile(r"\.[A-Za-z0-9]{1,8}\Z")
_LABEL = re.compile(r"\s*(?:\[\^?([\w.\-]{1,64})\][:.]?|\^?(\d{1,6})[.):])\s+")


def _trim(locator: str) -> str:
    """A URL or DOI without the sentence punctuation after it (a closing `)` it opened stays)."""
    out = locator.rstrip(".,;:>}'\"")
    while out.endswith(")") and out.count(")") > out.count("("):
        out = out[:-1].rstrip(".,;:>}'\"")
    return out


def _doi_target(url: str) -> str:
    """`https://doi.org/10.1/x` → `doi:10.1/x` (any other URL unchanged)."""
    m = _DOI_URL.match(url)
    return f"doi:{m.group(1)}" if m else url


def _href_target(href: str) -> str | None:
    """The source a link names: an http(s) URL, a `doi:`/`file:` URI or a relative file path.

    In-page links (`#cite_ref-1`, backlinks), `mailto:`/`javascript:` and other
    schemes, and site pages such as `/wiki/Smith` (root-relative, no file name)
    name no source.
    """
    h = href.strip()
    if h.startswith("<") and h.endswith(">"):
        h = h[1:-1].strip()
    if not h or h.startswith(("#", "?")):
        return None
    if h.startswith("//"):
        return _doi_target("https:" + h)
    scheme = _SCHEME.match(h)
    if scheme:
        name = scheme.group(1).lower()
        if name in ("http", "https"):
            return _doi_target(h)
        return h if name in ("doi", "file") else None
    path = h.split("#", 1)[0].split("?", 1)[0]
    if not path or (path.startswith("/") and not _FILE_NAME.search(path)):
        return None
    return path


def _text_target(body: str) -> str | None:
    """The first URL or DOI written in an entry's text, else the first file path."""
    found = [m for m in (_URL.search(body), _DOI.search(body)) if m is not None]
    if found:
        first = min(found, key=lambda m: m.start())
        if first.re is _DOI:
            return "doi:" + _trim(first.group(1))
        return _doi_target(_trim(first.group()))
    path = _PATH.search(body)
    return path.group() if path else None


def _reference(ref_id: str, block: Block, text: str | None = None) -> Reference | None:
    """A reference from an entry block; its links' hrefs win over what its text says."""
    mapped = block.text
    a, b = mapped.strip_span(0, len(mapped.text))
    if a >= b:
        return None
    body = " ".join((text if text is not None else mapped.text[a:b]).split())
    links = block.links or ([block.url] if block.url else [])
    hrefs = [t for t in (_href_target(link) for link in links) if t is not None]
    web = [
        "https:" + h if h.startswith("//") else h
        for h in (link.strip().strip("<>").strip() for link in links)
        if h.lower().startswith(("http://", "https://", "//"))
    ]
    url_match = _URL.search(body)
    url = web[0] if web else (_trim(url_match.group()) if url_match else None)
    target = hrefs[0] if hrefs else _text_target(body)
    start, end = mapped.span(a, b)
    return Reference(id=ref_id, text=body, start=start, end=end, url=url, target=target)


def collect_references(
    blocks: list[Block], language: Language
) -> tuple[list[Block], dict[str, Reference]]:
    """The blocks that remain claims, and the references found (first definition wins)."""
    refs: dict[str, Reference] = {}
    kept: list[Block] = []
    in_refs = False
    for block in blocks:
        if block.kind == "heading":
            in_refs = refs_title(block.text.text, language)
            kept.append(block)
            continue
        if block.kind == "reference" and block.ref_id is not None:
            ref = _reference(block.ref_id, block)
            if ref is not None:
                refs.setdefault(ref.id, ref)
            continue
        text = block.text.text
        label = _LABEL.match(text) if in_refs else None
        linked = label is not None or bool(block.url) or _URL.search(text) is not None
        if in_refs and (block.kind == "list_item" or (block.kind == "paragraph" and linked)):
            if label:
                ref_id = label.group(1) or label.group(2)
                ref = _reference(ref_id, block, text[label.end() :])
            else:
                ref_id = str(block.ordinal or len(refs) + 1)
                ref = _reference(ref_id, block)
            if ref is not None:
                refs.setdefault(ref.id, ref)
            continue
        kept.append(block)
    return kept, refs
