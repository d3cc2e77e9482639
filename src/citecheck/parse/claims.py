"""One block → its claims: sentences (or clauses) with the markers that cover them.

Markers are masked (replaced by spaces) before sentence segmentation, so the
splitter never sees `May.[1]` or `[2][3]`; each marker is then attributed:
- inside a sentence with more of the sentence after it → mid-sentence: the
  clause before it is a claim of its own, the rest continues as another;
- at a sentence's end, before or after its final punctuation
  (`policy [1].`, `policy.[1]`) → it covers that sentence;
- between sentences → it belongs to the sentence before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from citecheck.lang import Language
from citecheck.parse.blocks import Block
from citecheck.parse.markers import FoundMarker, find_markers
from citecheck.parse.model import ClaimKind
from citecheck.parse.sentences import splitter_for

__all__ = ["ClaimLimitError", "RawClaim", "block_claims"]

_WORD = re.compile(r"[^\W_]")
_WORDS = re.compile(r"\w+")
_TRAILING = re.compile(r"[\s,;:)\]”’»]*")  # what a clause keeps after its marker
_WORDCHAR = re.compile(r"\w")
_GAP = re.compile(r"[\s,;]*")
_KIND: dict[str, ClaimKind] = {
    "paragraph": "sentence",
    "heading": "heading",
    "list_item": "list_item",
    "quote": "quote",
    "table_cell": "table_cell",
    "code": "code",
}


@dataclass(slots=True)
class RawClaim:
    """A claim in a block's plain text coordinates (offsets into `block.text.text`)."""

    start: int
    end: int
    kind: ClaimKind
    text: str = ""
    markers: list[FoundMarker] = field(default_factory=list)


def _fold(text: str) -> str:
    return " ".join(text.split())


def _claim_text(text: str, start: int, end: int, markers: list[FoundMarker]) -> str:
    """Plain text of `text[start:end]` without its markers, whitespace folded."""
    if not markers:
        return _fold(text[start:end])
    parts: list[str] = []
    pos = start
    for m in markers:
        if m.start < pos:
            continue
        parts.append(text[pos : m.start].rstrip())
        if _WORDCHAR.match(text, m.end):
            parts.append(" ")
        pos = m.end
    parts.append(text[pos:end])
    return _fold("".join(parts))


def _mask(text: str, markers: list[FoundMarker]) -> str:
    if not markers:
        return text
    parts: list[str] = []
    pos = 0
    for m in markers:
        parts.append(text[pos : m.start])
        parts.append(" " * (m.end - m.start))
        pos = m.end
    parts.append(text[pos:])
    return "".join(parts)


def _attribute(
    spans: list[tuple[int, int]], markers: list[FoundMarker]
) -> tuple[list[list[int]], list[list[FoundMarker]], list[FoundMarker]]:
    """Each sentence's (possibly extended) span and markers; markers with no sentence."""
    bounds = [[a, b] for a, b in spans]
    owned: list[list[FoundMarker]] = [[] for _ in spans]
    orphans: list[FoundMarker] = []
    i = 0
    for m in markers:
        while i < len(spans) and spans[i][1] <= m.start:
            i += 1
        if i < len(spans) and spans[i][0] <= m.start:
            target = i  # inside sentence i
        elif i > 0:
            target = i - 1  # in the gap after sentence i-1: "policy.[1]"
        elif spans:
            target = 0  # before the first sentence of the block
        else:
            orphans.append(m)
            continue
        owned[target].append(m)
        bounds[target][0] = min(bounds[target][0], m.start)
        bounds[target][1] = max(bounds[target][1], m.end)
    return bounds, owned, orphans


@cache
def _attribution(language: Language) -> re.Pattern[str]:
    """Speech verbs of a language, as one pattern ("Prices fell [1], officials said.")."""
    verbs = "|".join(sorted(language.speech_verbs))
    return re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)


@cache
def _opener(language: Language) -> re.Pattern[str]:
    """An attribution opening the rest of a sentence ("…, according to officials")."""
    phrases = "|".join(language.attribution_openers)
    return re.compile(rf"[\s,;:—–-]*(?:{phrases})\b", re.IGNORECASE)


def _is_tail(after: str, language: Language) -> bool:
    """A short rest of the sentence that the marker before it still covers.

    "Prices fell [1], officials said." and "Prices fell [1] on Friday." are one
    claim citing [1]: an attribution or a couple of words are not a claim of their own.
    """
    tail = after.strip()
    if len(tail) > 120:
        return False
    words = _WORDS.findall(tail)
    if len(words) <= 2:
        return True
    if _opener(language).match(tail):
        return True
    return len(words) <= 6 and _attribution(language).search(tail) is not None


class ClaimLimitError(Exception):
    """A block holds more claims than it may: raised at the first claim past the limit."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset  # where that claim starts, in the block's plain text


class _WordFinder:
    """Whether `text[start:end]` holds a word character, for spans that move forward.

    `_split_mid` asks this of the rest of a sentence after each marker, and of the
    text since the last cut before each marker group; scanning each span afresh
    would be quadratic in the markers of a long sentence (`Geneva [1] ` a million
    times). Remembering the next word character found, and how far a span without
    one was scanned, makes the total scan linear.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._next_from = -1  # no word character in [_next_from, _next_at) …
        self._next_at = -1  # … and one at _next_at (or none up to the end: len(text))
        self._since = -1  # start of the span scanned for `since` …
        self._scanned = -1  # … scanned up to here …
        self._found = False  # … and whether a word character was found in it

    def after(self, start: int, end: int) -> bool:
        """A word character in `text[start:end]` (`start` never decreases between calls)."""
        if not self._next_from <= start <= self._next_at:
            found = _WORD.search(self.text, start)
            self._next_from = start
            self._next_at = found.start() if found else len(self.text)
        return self._next_at < end

    def since(self, start: int, end: int) -> bool:
        """A word character in `text[start:end]`, for a `start` that stays put while
        `end` grows (a new `start` starts a new span)."""
        if start != self._since:
            self._since, self._scanned, self._found = start, start, False
        if not self._found and end > self._scanned:
            self._found = _WORD.search(self.text, self._scanned, end) is not None
            self._scanned = end
        return self._found


def _split_mid(
    masked: str,
    start: int,
    end: int,
    markers: list[FoundMarker],
    language: Language,
    words: _WordFinder,
    budget: int | None = None,
) -> list[tuple[int, int, list[FoundMarker]]]:
    """Cut a sentence after each marker group that has more of the sentence after it.

    Each piece cut off holds a word, so it will be a claim: past `budget` pieces,
    `ClaimLimitError` is raised at once.
    """
    pieces: list[tuple[int, int, list[FoundMarker]]] = []
    cur = start
    group: list[FoundMarker] = []
    for k, m in enumerate(markers):
        group.append(m)
        nxt = markers[k + 1] if k + 1 < len(markers) else None
        if nxt is not None and _GAP.fullmatch(masked, m.end, nxt.start):
            continue  # same group: "[1][2]", "[1], [2]"
        last = nxt is None
        if (
            words.after(m.end, end)
            and words.since(cur, group[0].start)
            and not (last and _is_tail(masked[m.end : end], language))
        ):
            trail = _TRAILING.match(masked, m.end, end)
            cut = trail.end() if trail else m.end
            cut_end = cut
            while cut_end > m.end and masked[cut_end - 1].isspace():
                cut_end -= 1
            if budget is not None and len(pieces) >= budget:
                raise ClaimLimitError(cur)
            pieces.append((cur, cut_end, group))
            cur = cut
            while cur < end and masked[cur].isspace():
                cur += 1
            group = []
    pieces.append((cur, end, group))
    return pieces


def block_claims(
    block: Block, max_range: int, language: Language, limit: int | None = None
) -> tuple[list[RawClaim], list[FoundMarker]]:
    """The claims of one block, and markers that stand alone (no sentence to cover).

    With `limit`, `ClaimLimitError` is raised as soon as a claim past it is found, so a
    block of a million claims costs no more than finding the markers and sentences.
    """
    mapped = block.text
    text = mapped.text
    kind = _KIND.get(block.kind, "sentence")
    if block.kind == "code":
        a, b = mapped.strip_span(0, len(text))
        if a >= b:
            return [], []
        if limit is not None and limit < 1:
            raise ClaimLimitError(a)
        return [RawClaim(a, b, "code", _fold(text[a:b]))], []
    markers = find_markers(text, max_range=max_range, protected=block.protected)
    masked = _mask(text, markers)
    if block.kind == "heading":
        a, b = mapped.strip_span(0, len(text))
        spans = [(a, b)] if a < b and _WORD.search(masked, a, b) else []
    else:
        spans = splitter_for(language).spans_of_normalized(masked)
    bounds, owned, orphans = _attribute(spans, markers)
    claims: list[RawClaim] = []
    words = _WordFinder(masked)
    for (a, b), own in zip(bounds, owned, strict=True):
        budget = None if limit is None else limit - len(claims)
        pieces = (
            _split_mid(masked, a, b, own, language, words, budget)
            if own and kind != "heading"
            else [(a, b, own)]
        )
        clause = len(pieces) > 1
        for pa, pb, pm in pieces:
            ctext = _claim_text(text, pa, pb, pm)
            if not _WORD.search(ctext):
                if claims and pm:  # only markers and punctuation: they cover the claim before
                    claims[-1].markers.extend(pm)
                    claims[-1].end = max(claims[-1].end, pb)
                elif pm:
                    orphans.extend(pm)
                continue
            if limit is not None and len(claims) >= limit:
                raise ClaimLimitError(pa)
            ckind: ClaimKind = "clause" if clause and kind == "sentence" else kind
            claims.append(RawClaim(pa, pb, ckind, ctext, list(pm)))
    return claims, orphans
