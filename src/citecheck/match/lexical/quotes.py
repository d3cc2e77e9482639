"""Quotations: a claim's quoted words must be the source's, word for word.

Case, whitespace, the style of the quotation marks, ellipses ("…", "...") and [bracketed]
insertions are ignored; anything else that differs is a misquotation. Each piece of the
quotation (the parts between ellipses) is searched verbatim in the source's words; when a
piece is not there but a near match is, the difference is given word by word. The
speaker the claim credits must be the one the source credits for that quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import accumulate

from rapidfuzz import fuzz

from citecheck.match.lexical.tokens import quote_spans

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_BRACKETED_ELLIPSIS = re.compile(r"\[\s*(?:\.\s*\.\s*\.|…)\s*\]")
#: A near match shares at least this share of the quotation's words, in order.
NEAR_MATCH = 0.6
#: Quotations shorter than this many words are scare quotes or titles: not checked.
MIN_WORDS = 2


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation in a claim: its text and the pieces between ellipses, as words."""

    start: int  # offsets of the quoted text in the claim
    end: int
    text: str
    pieces: tuple[tuple[str, ...], ...]


def claim_quotes(claim: str) -> list[Quote]:
    """The quotations of a claim worth checking word for word."""
    out: list[Quote] = []
    for start, end in quote_spans(claim):
        inner = claim[start:end]
        cleaned = _BRACKETS.sub(" ", _BRACKETED_ELLIPSIS.sub(" … ", inner))
        pieces = tuple(tuple(words) for part in _ELLIPSIS.split(cleaned) if (words := _words(part)))
        if sum(len(p) for p in pieces) >= MIN_WORDS:
            out.append(Quote(start, end, inner.strip(), pieces))
    return out


class SourceWords:
    """A source's words in order, joined for verbatim search; where each word is in the
    text is found only when asked (most quotations are looked up, few are placed)."""

    __slots__ = ("_ends", "_matches", "_starts", "joined", "offsets", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower().replace("’", "'")
        if len(low) != len(text):  # a letter whose lower case is longer: word by word
            self.words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
        else:
            self.words = _WORD.findall(low)
        self.joined = " " + " ".join(self.words) + " "  # " w1 w2 ... wn "
        # word index -> its offset in `joined`
        words = self.words
        self.offsets = (
            list(accumulate((len(w) + 1 for w in words[:-1]), initial=1)) if words else []
        )
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._matches: Iterator[re.Match[str]] = iter(())

    @classmethod
    def of(cls, text: str) -> SourceWords:
        return cls(text)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Where words first..last are in the text (read up to the last of them only)."""
        if self._starts is None:
            self._starts = []
            self._ends = []
            self._matches = _WORD.finditer(self.text)
        while len(self._starts) <= last:
            m = next(self._matches, None)
            if m is None:
                break
            self._starts.append(m.start())
            self._ends.append(m.end())
        last = min(last, len(self._ends) - 1)
        return self._starts[min(first, last)], self._ends[last]

    def word_at(self, offset: int) -> int:
        """The index of the word at (or just before) an offset into `joined`."""
        return max(0, bisect_right(self.offsets, offset) - 1)

    def find(self, piece: tuple[str, ...], after: int = 0) -> int:
        """Word index where `piece` starts verbatim (at or after word `after`), or -1."""
        needle = " " + " ".join(piece) + " "
        start = self.offsets[after] - 1 if 0 < after < len(self.offsets) else 0
        if after >= len(self.offsets) and after:
            return -1
        at = self.joined.find(needle, start)
        return -1 if at < 0 else self.word_at(at + 1)


class SourceWordsCache:
    """Source words per source text, for the last few texts (quotations are rare)."""

    def __init__(self, size: int = 16) -> None:
        self._items: OrderedDict[str, SourceWords] = OrderedDict()
        self._size = size

    def get(self, text: str) -> SourceWords:
        found = self._items.get(text)
        if found is None:
            found = SourceWords.of(text)
            self._items[text] = found
            if len(self._items) > self._size:
                self._items.popitem(last=False)
        else:
            self._items.move_to_end(text)
        return found


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """How one quotation fares in one source."""

    found: bool  # every piece is in the source, verbatim and in order
    start: int = -1  # offsets of the (near) match in the source text
    end: int = -1
    source_words: str = ""  # the source's words for the quotation (near match)
    claim_words: str = ""  # the claim's words that differ, with a little context
    diff: str = ""  # word-level difference: "-building +school"
    changed_claim: str = ""  # the claim's changed words only
    changed_source: str = ""


def check_quote(quote: Quote, source: SourceWords) -> QuoteCheck:
    """Whether the quotation is in the source verbatim; if not, its nearest match."""
    at = 0
    first = -1
    last = -1
    for piece in quote.pieces:
        found = source.find(piece, at)
        if found < 0:
            break
        if first < 0:
            first = found
        at = found + len(piece)
        last = at - 1
    else:
        return QuoteCheck(True, *source.span(first, last))
    words = [w for piece in quote.pieces for w in piece]
    needle = " ".join(words)
    if not source.words or len(source.joined) < 2:
        return QuoteCheck(False)
    hit = fuzz.partial_ratio_alignment(needle, source.joined, score_cutoff=50)
    if hit is None:
        return QuoteCheck(False)
    lo = source.word_at(hit.dest_start)
    hi = source.word_at(max(hit.dest_end - 1, 0)) + 1
    lo, hi = max(0, lo - 2), min(len(source.words), hi + 2)
    window = source.words[lo:hi]
    matcher = SequenceMatcher(a=words, b=window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    shared = sum(b.size for b in blocks)
    if not blocks or shared < NEAR_MATCH * len(words) or shared < 2:
        return QuoteCheck(False)
    # the matched stretch, with as many source words at each end as the claim has there
    head, tail = blocks[0], blocks[-1]
    w_lo = lo + max(0, head.b - head.a)
    w_hi = lo + min(len(window), tail.b + tail.size + (len(words) - tail.a - tail.size))
    matcher = SequenceMatcher(a=words, b=source.words[w_lo:w_hi], autojunk=False)
    diff: list[str] = []
    claim_changed: list[str] = []
    source_changed: list[str] = []
    first_change = last_change = -1
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if first_change < 0:
            first_change = i1
        last_change = i2
        gone = source.words[w_lo + j1 : w_lo + j2]
        added = words[i1:i2]
        diff.extend(f"-{w}" for w in gone)
        diff.extend(f"+{w}" for w in added)
        claim_changed.extend(added)
        source_changed.extend(gone)
    if not diff:
        return QuoteCheck(True, *source.span(w_lo, w_hi - 1))
    a = max(0, first_change - 2)
    b = min(len(words), max(last_change, first_change + 1) + 2)
    claim_words = ("…" if a else "") + " ".join(words[a:b]) + ("…" if b < len(words) else "")
    s_start, s_end = source.span(w_lo, w_hi - 1)
    src_text = source.text[s_start:s_end]
    return QuoteCheck(
        False,
        s_start,
        s_end,
        source_words=" ".join(src_text.split()),
        claim_words=claim_words,
        diff=" ".join(diff),
        changed_claim=" ".join(claim_changed),
        changed_source=" ".join(source_changed),
    )
