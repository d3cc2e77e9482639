"""Reference lists and footnote definitions → `Reference` entries.

Entries come from blocks the format readers marked as references (footnote and
link definitions, lines under a "References"/"Sources"/"Notes" title) and, for
HTML and Markdown lists, from the list items and paragraphs that follow such a
title up to the next heading. Each entry keeps its article span, its first URL
and a `target` (a URL or a relative file path named in the entry) so sources
can be resolved from the article itself.
"""

from __future__ import annotations

import re

from citecheck.parse.blocks import Block, refs_title
from citecheck.parse.model import Reference

__all__ = ["collect_references"]

_URL = re.compile(r"https?://[^\s<>\"'\]\[]{1,2000}", re.IGNORECASE)
_PATH = re.compile(
    r"(?<![\w/.:])(?:\.{1,2}/)?[\w\-]+(?:/[\w.\-]+)*\.(?:txt|md|markdown|html?|pdf|json|xml|csv|rst)\b"
)
_LABEL = re.compile(r"\s*(?:\[\^?([\w.\-]{1,64})\][:.]?|\^?(\d{1,6})[.):])\s+")


def _clean_url(url: str) -> str:
    return url.rstrip(".,;:)>}'\"")


def _reference(ref_id: str, block: Block, text: str | None = None) -> Reference | None:
    mapped = block.text
    a, b = mapped.strip_span(0, len(mapped.text))
    if a >= b:
        return None
    body = " ".join((text if text is not None else mapped.text[a:b]).split())
    url_match = _URL.search(body)
    url = _clean_url(url_match.group()) if url_match else None
    if url is None and block.url and block.url.lower().startswith(("http://", "https://")):
        url = block.url
    target = url
    if target is None:
        path = _PATH.search(body)
        if path:
            target = path.group()
        elif block.url and not block.url.startswith("#"):
            target = block.url
    start, end = mapped.span(a, b)
    return Reference(id=ref_id, text=body, start=start, end=end, url=url, target=target)


def collect_references(blocks: list[Block]) -> tuple[list[Block], dict[str, Reference]]:
    """The blocks that remain claims, and the references found (first definition wins)."""
    refs: dict[str, Reference] = {}
    kept: list[Block] = []
    in_refs = False
    for block in blocks:
        if block.kind == "heading":
            in_refs = refs_title(block.text.text)
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
