"""Sentence boundaries in plain text: a linear, deterministic rule-based splitter.

Used for article blocks (after markers are masked) and for source texts, which
may be many megabytes, so it is one regex pass plus O(1) work per candidate
boundary. spaCy's sentencizer is not used: it splits "No. 10", "Dr. Smith" and
"U.S. officials", and treats `[2][3]` as a sentence of its own.

Rules, in short:
- a blank line is always a boundary;
- a single newline is a boundary when the next line starts a list item or a
  Markdown heading, or when the line before ends with sentence punctuation that
  ends a sentence (one-sentence-per-line pages split per line);
- `.`, `!`, `?`, `…` (with any closing quotes, brackets or `[n]` markers) end a
  sentence when whitespace follows and the next word does not start lowercase,
  except after titles (Dr., Mr.), initials (J. R. R. Tolkien), never-final
  abbreviations (e.g., i.e., vs.), number labels before a number (No. 10,
  Jan. 5, p. 3) and list enumerators ("1. First");
- ambiguous abbreviations (U.S., Inc., etc., a.m.) end a sentence only before a
  common sentence starter ("The", "He", ...) or a line break.
"""

from __future__ import annotations

import re
from functools import cache

from citecheck.lang import Language, SplitterWords

__all__ = ["SentenceSplitter", "normalize_for_scan", "sentence_spans", "splitter_for"]

# Line separators become "\n", invisible and control characters become " ":
# one character for one character, so offsets in the translated copy are the
# offsets of the original.
_NEWLINES = {ord(c): "\n" for c in "\r\x0b\x0c\x85\u2028\u2029"}
_INVISIBLE = dict.fromkeys(
    [
        *range(0x00, 0x09),
        *range(0x0E, 0x20),
        0x7F,
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2070),
        0xFEFF,
    ],
    " ",
)
_TRANSLATE = {**_INVISIBLE, **_NEWLINES}


def normalize_for_scan(text: str) -> str:
    """A same-length copy of `text` with line ends unified and invisibles blanked."""
    return text.replace("\r\n", " \n").translate(_TRANSLATE)


_CANDIDATE = re.compile(
    r"""
    (?P<para>\n[^\S\n]*\n)
  | (?P<nl>\n)
  | (?P<punct>(?:\.[^\S\n]?){2,}\.|[.!?‽…]+)
    (?P<close>(?:["'”’»)\]]|\[\d{1,4}\])*)
    (?=\s|\Z)
  | (?P<cjk>[。！？]+[」』”’）]*)
    """,
    re.VERBOSE,
)

_LIST_OR_HEADING = re.compile(r"[^\S\n]*(?:[-*+•‣◦▪]\s|\d{1,3}[.)]\s|[a-z]\)\s|#{1,6}\s)")
_ENUMERATOR = re.compile(r"\W*(?:\d{1,3}|[A-Za-z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})\Z")
_LAST_TOKEN = re.compile(r"\S+\Z")
_OPENERS = "\"'“‘«([{*_¿¡"
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}\Z")


_NEXT_WORD = re.compile(r"[\"'“‘«(\[{*_¿¡]{0,4}(\w{1,40}|.?)", re.DOTALL)
_SPACE = re.compile(r"\s*")


def _next_word(t: str, pos: int) -> str:
    """The word starting at `pos`, skipping a few opening quotes/brackets."""
    m = _NEXT_WORD.match(t, pos)
    return m.group(1) if m else ""


class SentenceSplitter:
    """Sentence boundaries for one language's abbreviations, titles and starters."""

    def __init__(self, words: SplitterWords) -> None:
        self.words = words

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) offsets of the sentences of `text`, in order (see `sentence_spans`)."""
        if not isinstance(text, str) or not text:
            return []
        return self.spans_of_normalized(normalize_for_scan(text))

    def _period_ends(self, t: str, seg_start: int, dot: int, word: str, newline: bool) -> bool:
        """Whether the single `.` at `dot` (after `word`) ends its sentence."""
        words = self.words
        head = t[max(seg_start, dot - 40) : dot + 1]
        last = _LAST_TOKEN.search(head)
        token = last.group() if last else "."
        token = token.lstrip(_OPENERS)
        low = token.lower()
        bare = low[:-1]
        if dot - seg_start < 12 and _ENUMERATOR.match(t[seg_start:dot]):
            return False  # "1. First item", "a. option"
        if low in words.never_final:
            return False
        if bare in words.titles:
            return False
        if bare in words.number_labels and word[:1].isdigit():
            return False
        if len(bare) == 1 and bare.isalpha():  # an initial: "J. R. R. Tolkien"
            return word in words.starters
        if bare in words.ambiguous or _INITIALISM.match(token):
            return newline or word in words.starters or not word[:1].isalpha()
        return True

    def spans_of_normalized(self, t: str) -> list[tuple[int, int]]:
        """`spans` of text already passed through `normalize_for_scan`."""
        cuts: list[int] = []
        seg_start = 0
        for m in _CANDIDATE.finditer(t):
            kind = m.lastgroup
            cut = -1
            if kind == "para":
                cut = m.start()
            elif kind == "nl":
                if _LIST_OR_HEADING.match(t, m.end()):
                    cut = m.start()
            elif kind == "cjk":
                cut = m.end()
            elif m.group("punct") is not None:
                end = m.end()
                ws = _SPACE.match(t, end, end + 64)
                nxt = ws.end() if ws else end
                if nxt >= len(t):
                    cut = end
                else:
                    word = _next_word(t, nxt)
                    newline = "\n" in t[end:nxt]
                    if self._ends(t, seg_start, m, word, newline):
                        cut = end
            if cut >= 0 and cut > seg_start:
                cuts.append(cut)
                seg_start = cut
        cuts.append(len(t))
        spans: list[tuple[int, int]] = []
        begin = 0
        for cut in cuts:
            seg = t[begin:cut]
            stripped = seg.strip()
            if stripped and _HAS_WORD.search(stripped):
                start = begin + (len(seg) - len(seg.lstrip()))
                spans.append((start, start + len(stripped)))
            begin = cut
        return spans

    def _ends(self, t: str, seg_start: int, m: re.Match[str], word: str, newline: bool) -> bool:
        """Decide a punctuation candidate given the next word."""
        punct = m.group("punct")
        first = word[:1]
        if first.islower():
            return False
        if "?" in punct or "!" in punct or "‽" in punct:
            return True
        if "…" in punct or len(punct) > 1:  # ellipsis: ends only before a capital
            return True
        return self._period_ends(t, seg_start, m.start("punct"), word, newline)


_HAS_WORD = re.compile(r"[^\W_]")


@cache
def splitter_for(language: Language) -> SentenceSplitter:
    """The splitter of a language (one per language and process: it holds no state)."""
    return SentenceSplitter(language.splitter)


def sentence_spans(text: str, language: Language | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, in order.

    Spans exclude surrounding whitespace and include closing quotes and any
    `[n]` markers right after the final punctuation. Pieces without a letter or
    digit (rules, lone punctuation) are dropped. Linear in `len(text)`.
    """
    return splitter_for(language or _english()).spans(text)


def _english() -> Language:
    from citecheck.lang import get_language

    return get_language("en")
