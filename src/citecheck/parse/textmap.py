"""Plain text that remembers where each of its characters came from.

Every format reader produces :class:`MappedText`: the visible text of a block
plus, for each character, its offset in the original article. Removing markup
or markers is a `hide` that keeps the map, so offsets reported for claims and
markers always index the string the user gave.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["HIDDEN", "MappedText", "TextBuilder", "merge_ranges"]

#: Placeholder for hidden characters in same-length working copies.
HIDDEN = "\x00"
_VISIBLE_RUN = re.compile("[^\x00]+")


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping, non-empty ranges."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(r for r in ranges if r[1] > r[0]):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


@dataclass(slots=True)
class MappedText:
    """`text[i]` stands at `offsets[i]` in the article; `ends[i]` is just past it."""

    text: str
    offsets: list[int]
    ends: list[int]

    @classmethod
    def empty(cls) -> MappedText:
        return cls("", [], [])

    def hide(self, ranges: Iterable[tuple[int, int]]) -> MappedText:
        """A copy without the characters in `ranges` (offsets into `self.text`)."""
        merged = merge_ranges(ranges)
        if not merged:
            return self
        parts: list[str] = []
        offsets: list[int] = []
        ends: list[int] = []
        pos = 0
        for a, b in [*merged, (len(self.text), len(self.text))]:
            if a > pos:
                parts.append(self.text[pos:a])
                offsets.extend(self.offsets[pos:a])
                ends.extend(self.ends[pos:a])
            pos = max(pos, b)
        return MappedText("".join(parts), offsets, ends)

    def strip_span(self, start: int, end: int) -> tuple[int, int]:
        """`(start, end)` narrowed to exclude surrounding whitespace (may be empty)."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The article span of `text[start:end]` (non-empty range required)."""
        return self.offsets[start], self.ends[end - 1]


class TextBuilder:
    """Accumulates mapped text in linear time (lists, joined once)."""

    __slots__ = ("ends", "offsets", "parts")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets: list[int] = []
        self.ends: list[int] = []

    def __len__(self) -> int:
        return len(self.offsets)

    def add_source(self, working: str, start: int, end: int) -> None:
        """The visible (non-HIDDEN) characters of `working[start:end]`, mapped 1:1."""
        for m in _VISIBLE_RUN.finditer(working, start, end):
            self.parts.append(m.group())
            self.offsets.extend(range(m.start(), m.end()))
            self.ends.extend(range(m.start() + 1, m.end() + 1))

    def add_text(self, text: str, offset: int, end: int) -> None:
        """Characters not copied from the article (an entity's value, a line break)."""
        self.parts.append(text)
        self.offsets.extend([offset] * len(text))
        self.ends.extend([end] * len(text))

    def last_char(self) -> str:
        return self.parts[-1][-1:] if self.parts else ""

    def build(self) -> MappedText:
        return MappedText("".join(self.parts), self.offsets, self.ends)
