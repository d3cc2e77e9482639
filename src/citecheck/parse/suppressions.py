"""Inline suppressions: `<!-- citecheck: ignore [reason] -->` and `off` … `on`.

An `ignore` is local, like a linter's `noqa`: it never reaches across a
paragraph break or into another block.
- Inside a claim, it suppresses that claim.
- At the end of a line, after a claim (`Prices fell. <!-- citecheck: ignore -->`),
  or attached to a claim's end with no space, it suppresses that claim.
- Otherwise (on its own line, at the start of a line, or between two claims of
  one line) it suppresses the next claim, if that claim is in the same block or
  in the block right after the comment with no blank line between.
`off` suppresses every claim starting after it until an `on` (or the end).

A directive that suppresses nothing — an `ignore` with no claim in reach, a
second `ignore` for an already suppressed claim, an `off` region without a
claim — is returned as an `UnusedSuppression`, as ruff reports an unused `noqa`.
Linear: break positions are found once and looked up by bisection.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Literal

from citecheck.parse.blocks import Directive
from citecheck.parse.model import UnusedSuppression
from citecheck.parse.sentences import normalize_for_scan

__all__ = ["apply_suppressions"]

Span = tuple[int, int]
_LINE_BREAK = re.compile(r"\n")
_BLANK_LINE = re.compile(r"\n(?=[^\S\n]*\n)")  # a line break that starts a blank line


class _Breaks:
    """Whether a range of the article holds a line break / a blank line, by bisection."""

    def __init__(self, text: str) -> None:
        scan = normalize_for_scan(text)
        self.lines = [m.start() for m in _LINE_BREAK.finditer(scan)]
        self.blank = [m.start() for m in _BLANK_LINE.finditer(scan)]

    @staticmethod
    def _any(points: list[int], start: int, end: int) -> bool:
        i = bisect.bisect_left(points, start)
        return i < len(points) and points[i] < end

    def line(self, start: int, end: int) -> bool:
        return self._any(self.lines, start, end)

    def paragraph(self, start: int, end: int) -> bool:
        return self._any(self.blank, start, end)


def _within(extent: Span, d: Directive) -> bool:
    return extent[0] <= d.start and d.end <= extent[1]


def _ignore_target(
    d: Directive, spans: Sequence[Span], blocks: Sequence[Span], starts: list[int], br: _Breaks
) -> int | None:
    """The index of the claim an `ignore` comment suppresses, or None."""
    i = bisect.bisect_right(starts, d.start) - 1  # the last claim starting before the comment
    if i >= 0 and d.end <= spans[i][1]:
        return i  # inside the claim
    prev = i if i >= 0 else None
    nxt = i + 1 if i + 1 < len(spans) else None
    in_prev = prev is not None and _within(blocks[prev], d)
    in_next = nxt is not None and _within(blocks[nxt], d)
    between = not in_prev and not in_next  # between blocks (its own line, say)
    if prev is not None and (in_prev or between) and not br.line(spans[prev][1], d.start):
        attached = spans[prev][1] == d.start
        next_on_line = (
            nxt is not None and (in_next or between) and not br.line(d.end, spans[nxt][0])
        )
        if attached or not next_on_line:
            return prev  # it ends the claim's line (or touches the claim)
    if nxt is not None and (in_next or (between and not br.paragraph(d.end, spans[nxt][0]))):
        return nxt
    return None


def apply_suppressions(
    text: str,
    spans: Sequence[Span],
    blocks: Sequence[Span],
    directives: Sequence[Directive],
    locate: Callable[[int], tuple[int, int]],
) -> tuple[list[str | None], list[UnusedSuppression]]:
    """Each claim's suppression reason (or None), and the directives that suppress nothing.

    `spans` are the claims' article spans, in order; `blocks` the article extent of
    each claim's block; `locate` gives the 1-based line and column of an offset.
    """
    out: list[str | None] = [None] * len(spans)
    if not directives:
        return out, []
    br = _Breaks(text)
    starts = [a for a, _ in spans]
    unused: list[Directive] = []
    ignored: list[str | None] = [None] * len(spans)
    ordered = sorted(directives, key=lambda d: (d.start, d.end))
    for d in ordered:
        if d.action != "ignore":
            continue
        target = _ignore_target(d, spans, blocks, starts, br)
        if target is None or ignored[target] is not None:
            unused.append(d)
        else:
            ignored[target] = d.reason
    # off … on: every claim starting after an `off` until the next `on`.
    region: Directive | None = None
    covered = False
    k = 0
    for i, start in enumerate(starts):
        while k < len(ordered) and ordered[k].end <= start:
            d = ordered[k]
            if d.action != "ignore":
                if region is not None and not covered:
                    unused.append(region)
                region, covered = (d, False) if d.action == "off" else (None, False)
            k += 1
        if region is not None:
            covered = True
            out[i] = region.reason
        if ignored[i] is not None:
            out[i] = ignored[i]
    for d in ordered[k:]:  # directives after the last claim
        if d.action != "ignore":
            if region is not None and not covered:
                unused.append(region)
            region, covered = (d, False) if d.action == "off" else (None, False)
    if region is not None and not covered:
        unused.append(region)
    return out, [_unused(d, locate) for d in sorted(unused, key=lambda d: (d.start, d.end))]


def _unused(d: Directive, locate: Callable[[int], tuple[int, int]]) -> UnusedSuppression:
    line, column = locate(d.start)
    action: Literal["ignore", "off"] = "off" if d.action == "off" else "ignore"
    return UnusedSuppression(action, d.reason, d.start, d.end, line, column)
