"""The citation-marker grammar: `[1]`, `[1, 2]`, `[1-3]`, `[^note]`, `[citation needed]`.

Markers are found in a block's plain text (after Markdown/HTML markup is
stripped) and read leniently: a malformed or absurd marker is still a marker
(so it is masked before sentence splitting and removed from claim text), but
it names only the ids it plausibly means and carries a note saying what was
wrong. Ranges are expanded only up to `max_range` ids. Linear time: the regex
has bounded repetitions and no nested quantifiers.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

__all__ = ["MAX_DIGITS", "FoundMarker", "find_markers"]

MarkerKind = Literal["numeric", "footnote", "citation_needed"]

#: Numbers with more digits than this are not plausible source numbers.
MAX_DIGITS = 6

_MARKER = re.compile(
    r"""
    (?P<needed>\[\s{0,3}citation[ \t\-]{1,3}needed\s{0,3}\]
             |\{\{\s{0,3}citation[ \t]{1,3}needed\s{0,3}(?:\|[^{}\n]{0,200})?\}\})
  | (?P<foot>\[\^(?P<fid>[^\s\[\]^]{1,64})\])
  | (?P<nested>\[\[\s{0,3}(?P<nbody>[0-9][0-9 ,;\-–—]{0,200})\]\])
  | (?P<num>\[\s{0,3}(?P<body>[0-9,;\-–—][0-9 \t,;\-–—]{0,300})\])
  | (?P<sup><sup>\s{0,3}\[?\s{0,3}(?P<sbody>[0-9][0-9 ,\-–]{0,60})\]?\s{0,3}</sup>)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_SEPARATOR = re.compile(r"[,;]")
_PART = re.compile(r"\s*(?P<a>\d+)\s*(?:[-–—]\s*(?P<b>\d+)\s*)?\Z")


class FoundMarker(NamedTuple):
    """A marker in a block's plain text (offsets into that text).

    A named tuple: a marker-dense article has hundreds of thousands, and a tuple is
    made several times faster than a frozen dataclass.
    """

    start: int
    end: int
    ids: tuple[str, ...]
    kind: MarkerKind
    notes: tuple[str, ...] = ()


def _read_numeric(shown: str, body: str, max_range: int) -> tuple[list[str], list[str]]:
    """Ids and notes for the body of a numeric marker such as `1, 3-5`."""
    ids: list[str] = []
    notes: list[str] = []
    parts = _SEPARATOR.split(body)
    if any(not p.strip() for p in parts):
        notes.append(f"marker {shown} has an empty item; read the numbers it has")
    for part in parts:
        if not part.strip():
            continue
        m = _PART.match(part)
        if m is None:
            notes.append(f"marker {shown}: {part.strip()!r} is not a number or a range; ignored")
            continue
        a, b = m.group("a"), m.group("b")
        if b is None:
            if len(a) > MAX_DIGITS:
                notes.append(
                    f"marker {shown} names an implausible source number "
                    f"(more than {MAX_DIGITS} digits); ignored"
                )
            else:
                ids.append(str(int(a)))
            continue
        lo, hi = int(a), int(b)
        if hi < lo:
            notes.append(f"marker {shown} is a backwards range; read as {hi}-{lo}")
            lo, hi = hi, lo
        size = hi - lo + 1
        if size <= max_range:
            ids.extend(str(n) for n in range(lo, hi + 1))
            continue
        plausible = [str(n) for n in (lo, hi) if len(str(n)) <= MAX_DIGITS]
        kept = (
            "only its endpoint(s) " + " and ".join(plausible) + " are read"
            if plausible
            else "no source is read from it"
        )
        notes.append(
            f"marker {shown} spans {size:,} sources, more than max_marker_range "
            f"({max_range}); not expanded, {kept}"
        )
        ids.extend(plausible)
    if not ids and not notes:
        notes.append(f"marker {shown} names no source")
    return ids, notes


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def find_markers(
    text: str, *, max_range: int = 100, protected: str | None = None
) -> list[FoundMarker]:
    """Every marker in `text`, in order.

    `protected`, if given, is a same-length copy of `text` in which spans that
    cannot hold markers (code spans) are blanked; it is what gets scanned.
    A bracket directly followed by `(` or `:` (a Markdown link or a definition)
    is not a marker.
    """
    scan = text if protected is None else protected
    found: list[FoundMarker] = []
    if "[" not in scan and "{{" not in scan and "<sup>" not in scan:
        return found
    for m in _MARKER.finditer(scan):
        s, e = m.start(), m.end()
        nxt = scan[e : e + 1]
        if nxt in ("(", ":") and m.lastgroup != "needed":
            continue
        kind = m.lastgroup
        if kind == "num":
            body = m.group("body")
            if body.isdigit() and len(body) <= MAX_DIGITS:  # "[12]", the common case, at once
                found.append(FoundMarker(s, e, (str(int(body)),), "numeric"))
                continue
        shown = _shown(text[s:e])
        if kind == "needed":
            found.append(FoundMarker(s, e, (), "citation_needed"))
        elif kind == "foot":
            found.append(FoundMarker(s, e, (m.group("fid"),), "footnote"))
        elif kind == "nested":
            ids, notes = _read_numeric(shown, m.group("nbody"), max_range)
            notes.insert(0, f"marker {shown} has doubled brackets; read as [{m.group('nbody')}]")
            found.append(FoundMarker(s, e, tuple(dict.fromkeys(ids)), "numeric", tuple(notes)))
        elif kind == "sup":
            ids, notes = _read_numeric(shown, m.group("sbody"), max_range)
            found.append(FoundMarker(s, e, tuple(dict.fromkeys(ids)), "numeric", tuple(notes)))
        else:
            body = m.group("body")
            if not any(c.isdigit() for c in body):
                continue  # "[-]", "[,]": punctuation in brackets, not a marker
            ids, notes = _read_numeric(shown, body, max_range)
            found.append(FoundMarker(s, e, tuple(dict.fromkeys(ids)), "numeric", tuple(notes)))
    return found
