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
_WORD_CHAR = re.compile(r"\w")


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
        """A copy without the characters in `ranges` (offsets into `self.text`).

        Where hiding would join two words ("a<br>b"), a space mapped to the
        hidden range keeps them apart.
        """
        return self.hide_pair(ranges, self.text)[0]

    def hide_pair(self, ranges: Iterable[tuple[int, int]], parallel: str) -> tuple[MappedText, str]:
        """`hide`, applied identically to a same-length `parallel` string."""
        merged = merge_ranges(ranges)
        if not merged:
            return self, parallel
        text = self.text
        twin: list[str] = []
        parts: list[str] = []
        offsets: list[int] = []
        ends: list[int] = []
        pos = 0
        for a, b in [*merged, (len(text), len(text))]:
            if a > pos:
                if (
                    parts
                    and _WORD_CHAR.match(parts[-1][-1:])
                    and _WORD_CHAR.match(text, pos)
                    and offsets[-1] + 1 < self.offsets[pos]
                ):
                    parts.append(" ")
                    twin.append(" ")
                    offsets.append(offsets[-1] + 1)
                    ends.append(self.offsets[pos])
                parts.append(text[pos:a])
                twin.append(parallel[pos:a])
                offsets.extend(self.offsets[pos:a])
                ends.extend(self.ends[pos:a])
            pos = max(pos, b)
        return MappedText("".join(parts), offsets, ends), "".join(twin)

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
        prev_end = -1
        for m in _VISIBLE_RUN.finditer(working, start, end):
            if (
                prev_end >= 0
                and _WORD_CHAR.match(self.parts[-1][-1:])
                and _WORD_CHAR.match(working, m.start())
            ):
                self.add_text(" ", prev_end, m.start())  # hidden text stood between two words
            prev_end = m.end()
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
