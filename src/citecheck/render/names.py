"""How reports name a claim for people: by its line and its markers (`line 3 · [2]`).

An index is an internal number a reader cannot find in the article; a line and a
marker are what an editor looks for. Claims that would share a name get their
place among those that share it (`line 3 (2nd)`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from citecheck.render.textmarks import showable, squash_spaces
from citecheck.report import ClaimResult

__all__ = ["Spans", "claim_names"]

#: A claim's start, end and marker spans in the text a report shows.
Spans = tuple[int, int, list[tuple[int, int]]]

#: Markers longer than this are cut in a name (`[1, 2, 3, 4, 5, 6…`).
MAX_MARKER_CHARS = 24


def claim_names(
    claims: Sequence[ClaimResult], shown: str, spans: Mapping[int, Spans]
) -> dict[int, str]:
    """Each claim's name by index: `line N`, then its markers as `shown` writes them."""
    base: dict[int, str] = {}
    for claim in claims:
        _, _, markers = spans.get(claim.index, (0, 0, []))
        marks = (squash_spaces(showable(shown[a:b])).strip() for a, b in markers)
        marker = " ".join(m for m in marks if m)
        if len(marker) > MAX_MARKER_CHARS:
            marker = marker[: MAX_MARKER_CHARS - 1] + "…"
        base[claim.index] = f"line {claim.line}" + (f" · {marker}" if marker else "")
    shared = Counter(base.values())
    seen: Counter[str] = Counter()
    names: dict[int, str] = {}
    for index, name in base.items():
        if shared[name] > 1:
            seen[name] += 1
            name = f"{name} ({_ordinal(seen[name])})"
        names[index] = name
    return names


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
