"""What a reader of an HTML article sees: its visible text, mapped into the HTML.

The HTML report shows an HTML article as a browser renders it, not its source: no
doctype, no `<style>`, `<script>` or `<nav>` text, no tags, entities decoded. The
format reader's blocks already hold that text with each character's offset in the
HTML; here they are joined into one text the way a browser lays them out
(whitespace collapsed, `<br>` kept as a line break, blocks separated by a blank
line, list items and notes with their number). The offsets stay non-decreasing, so
an article span (a claim, a marker) maps to a display span by bisection.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from citecheck.parse.blocks import Block
from citecheck.parse.textmap import MappedText, TextBuilder

__all__ = ["display_span", "visible_text"]

_BLOCK_BREAK = "\n\n"


def visible_text(blocks: Sequence[Block], article: str) -> MappedText:
    """The article's visible text, block by block, each character mapped into `article`."""
    out = TextBuilder()
    last = 0  # the offset reached so far: offsets never go back
    reached = 0  # the end reached so far
    for block in blocks:
        chars = _collapsed(block.text, article)
        if not chars:
            continue
        # Separators and list numbers stand between the blocks, in no claim's span.
        between = max(last, min(reached, chars[0][1] - 1))
        if len(out):
            out.add_text(_BLOCK_BREAK, between, between)
        prefix = _prefix(block)
        if prefix:
            out.add_text(prefix, between, between)
        last = between
        for char, offset, end in chars:
            last = max(last, offset)
            reached = max(reached, end)
            out.add_text(char, last, max(last, end))
    return out.build()


def _prefix(block: Block) -> str:
    if block.kind == "reference" and block.ref_id:
        return f"[{block.ref_id}] "
    if block.kind == "list_item":
        return f"{block.ordinal}. " if block.ordinal else "• "
    return ""


def _collapsed(mapped: MappedText, article: str) -> list[tuple[str, int, int]]:
    """A block's characters with whitespace runs folded to one space, as a browser folds them.

    A line break that stands for a `<br>` (its offset is not a line break in the HTML)
    is kept; leading and trailing whitespace goes.
    """
    out: list[tuple[str, int, int]] = []
    pending: tuple[str, int, int] | None = None
    for char, offset, end in zip(mapped.text, mapped.offsets, mapped.ends, strict=True):
        if char.isspace():
            hard = char == "\n" and article[offset : offset + 1] not in ("\n", "\r")
            if hard or pending is None or pending[0] != "\n":
                pending = ("\n" if hard else " ", offset, end)
            continue
        if pending is not None and out:
            out.append(pending)
        pending = None
        out.append((char, offset, end))
    return out


def display_span(offsets: Sequence[int], start: int, end: int) -> tuple[int, int] | None:
    """The display characters standing for article span `start:end` (None if none do)."""
    first = bisect.bisect_left(offsets, start)
    stop = bisect.bisect_left(offsets, end)
    return (first, stop) if first < stop else None
