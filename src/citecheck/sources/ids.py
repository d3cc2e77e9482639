"""Source ids: how markers name sources, and the one order they are listed in."""

from __future__ import annotations

from citecheck.errors import InvalidInputError


def normalize_source_id(raw: object) -> str:
    """Source ids given as ints or strings are the same ids: `1`, `"1"` and `" 1 "` match.

    A footnote id given with its caret (`"^note"`) is the id `note`.
    """
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise InvalidInputError(
            f"source ids must be strings or integers, got {type(raw).__name__}: {raw!r}"
        )
    text = str(raw).strip()
    if text.startswith("^"):
        text = text[1:]
    if not text:
        raise InvalidInputError(f"source id {raw!r} is empty")
    return text


def source_sort_key(source_id: str) -> tuple[int, int, str]:
    """Numbers first, in numeric order (`2` before `10`), then names alphabetically."""
    return (0, int(source_id), "") if source_id.isdigit() else (1, 0, source_id)
