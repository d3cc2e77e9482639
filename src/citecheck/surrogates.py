"""Lone surrogates: valid in a Python `str`, impossible in UTF-8 (JSON, SARIF, XML, files).

They reach citecheck from Python callers (`"\\ud800"`), from file names that are not
UTF-8 (Python maps their bytes to U+DC80–U+DCFF) and from broken PDFs. Written out,
one would make `json.dumps(..., ensure_ascii=False)`, `model_dump_json()` or a UTF-8
file raise. So an article holding one is refused, naming where (`checker.py`); a
source's are replaced when it is loaded; and the report models replace any left,
one character for one so that offsets hold, with a warning saying so (`report.py`).
"""

from __future__ import annotations

import re

__all__ = ["LONE_SURROGATE", "first_lone_surrogate", "replace_lone_surrogates", "surrogate_note"]

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def first_lone_surrogate(text: str) -> int | None:
    """The offset of the first lone surrogate in `text`, or None (fast on clean text)."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """`text` with each lone surrogate replaced by U+FFFD, and how many there were."""
    if first_lone_surrogate(text) is None:
        return text, 0
    return LONE_SURROGATE.subn(REPLACEMENT, text)


def surrogate_note(count: int) -> str:
    """The warning a report or source carries when some of its text was replaced."""
    which = "a lone surrogate" if count == 1 else f"{count:,} lone surrogates"
    return (
        f"{which} (half of a UTF-16 pair, e.g. from a file name that is not UTF-8) "
        f"replaced with U+FFFD so the report can be written as UTF-8"
    )
