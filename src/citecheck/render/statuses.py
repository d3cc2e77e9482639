"""How each status looks to a reader: label, glyph, meaning, underline style.

Colours (Okabe–Ito, safe for colour-blind readers) live in the stylesheet; every
status also gets its own glyph and underline style so colour is never the only cue.
"""

from __future__ import annotations

from typing import NamedTuple

from citecheck.report import Status


class StatusLook(NamedTuple):
    label: str
    glyph: str
    meaning: str
    underline: str


LOOKS: dict[Status, StatusLook] = {
    Status.SUPPORTED: StatusLook("Supported", "✓", "the cited sources back the claim", "solid"),
    Status.PARTIAL: StatusLook(
        "Partly supported", "◐", "the cited sources back only part of the claim", "double"
    ),
    Status.UNSUPPORTED: StatusLook(
        "Unsupported", "✗", "the cited sources do not back the claim", "wavy"
    ),
    Status.UNCITED: StatusLook("Uncited", "?", "states a fact but cites no source", "dashed"),
    Status.UNKNOWN_SOURCE: StatusLook(
        "Unknown source", "⊘", "cites a source that was not given or could not be loaded", "dotted"
    ),
    Status.EXEMPT: StatusLook(
        "Exempt", "○", "needs no source (a heading, an opinion, code…)", "none"
    ),
}


def look(status: Status) -> StatusLook:
    """The look of `status`."""
    return LOOKS[status]
