"""Inline suppressions: `<!-- citecheck: ignore [reason] -->` and `off` … `on`.

`ignore` applies to the next claim that starts after the comment; `off` applies
to every claim starting after it until an `on` (or the end of the article).
The reason is whatever follows the keyword ("" if nothing does).
"""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.parse.blocks import Directive

__all__ = ["suppression_reasons"]


def suppression_reasons(
    claim_starts: Sequence[int], directives: Sequence[Directive]
) -> list[str | None]:
    """For each claim (by start offset, in order): its suppression reason or None."""
    out: list[str | None] = [None] * len(claim_starts)
    events = sorted(directives, key=lambda d: (d.end, d.start))
    off_reason: str | None = None
    pending: str | None = None
    k = 0
    for i, start in enumerate(claim_starts):
        while k < len(events) and events[k].end <= start:
            d = events[k]
            if d.action == "ignore":
                pending = d.reason
            elif d.action == "off":
                off_reason = d.reason
            else:
                off_reason = None
            k += 1
        if pending is not None:
            out[i], pending = pending, None
        elif off_reason is not None:
            out[i] = off_reason
    return out
