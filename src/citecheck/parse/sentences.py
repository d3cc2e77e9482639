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


#: Any character `normalize_for_scan` changes; most texts hold none, and a search is far
#: cheaper than `str.translate` over a text with non-ASCII characters.
_TO_TRANSLATE = re.compile("[" + "".join(f"\\u{c:04x}" for c in sorted(_TRANSLATE)) + "]")


def normalize_for_scan(text: str) -> str:
    """A same-length copy of `text` with line ends unified and invisibles blanked."""
    if _TO_TRANSLATE.search(text) is None:
        return text
    return text.replace("\r\n", " \n").translate(_TRANSLATE)


# One pass finds the candidate boundaries and what deciding them takes: a single newline
# counts only before a list item or a heading; sentence punctuation comes with the
# whitespace after it (up to 64 characters) and the next word, after a few opening quotes
# or brackets (an empty word at the end of the text). Every candidate starts with one
# character of the leading class, which lets the regex engine skip to the next one fast;
# the lookbehinds say which alternative that first character opened, so the groups hold
# the rest ("punct" is the punctuation after its first character).
_CANDIDATE = re.compile(
    r"""
    [\n.!?‽…。！？]
    (?:
      (?<=\n)(?P<para>[^\S\n]*\n)
    | (?<=\n)(?P<nl>)(?=[^\S\n]*(?:[-*+•‣◦▪]\s|\d{1,3}[.)]\s|[a-z]\)\s|\#{1,6}\s))
    | (?P<punct>(?<=\.)[^\S\n]?(?:\.[^\S\n]?)+\.|(?<=[.!?‽…])[.!?‽…]*)
      (?P<close>(?:["'”’»)\]]|\[\d{1,4}\])*)
      (?=(?P<space>\s{1,64}|\Z)["'“‘«(\[{*_¿¡]{0,4}(?P<word>\w{1,40}|(?s:.)?))
    | (?<=[。！？])(?P<cjk>[。！？]*[」』”’）]*)
    )
    """,
    re.VERBOSE,
)

#: Group numbers: a match reads a group faster by number than by name.
_PUNCT, _SPACE, _WORD = (_CANDIDATE.groupindex[g] for g in ("punct", "space", "word"))
_ENUMERATOR = re.compile(r"\W*(?:\d{1,3}|[A-Za-z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})\Z")
_OPENERS = "\"'“‘«([{*_¿¡"
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}\Z")


class SentenceSplitter:
    """Sentence boundaries for one language's abbreviations, titles and starters."""

    def __init__(self, words: SplitterWords) -> None:
        self.words = words
        # A period after a word that is none of these (lower-cased, with its period) ends
        # its sentence, unless the word is an initial or an initialism ("J.", "U.S."),
        # which have a period second: see `_period_ends`.
        self._listed = words.never_final | frozenset(
            f"{w}." for w in (*words.titles, *words.number_labels, *words.ambiguous)
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) offsets of the sentences of `text`, in order (see `sentence_spans`)."""
        if not isinstance(text, str) or not text:
            return []
        return self.spans_of_normalized(normalize_for_scan(text))

    def _period_ends(self, t: str, seg_start: int, dot: int, word: str, newline: bool) -> bool:
        """Whether the single `.` at `dot` (before `word`) ends its sentence."""
        if dot - seg_start < 12 and _ENUMERATOR.match(t, seg_start, dot):
            return False  # "1. First item", "a. option"
        # the last whitespace-free token before the period, and the period
        token = t[max(seg_start, dot - 40) : dot + 1].rsplit(None, 1)[-1].lstrip(_OPENERS)
        low = token.lower()
        if low not in self._listed and token[1:2] != ".":
            return True  # the common case: an ordinary word
        words = self.words
        bare = low[:-1]
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
        size = len(t)
        cuts: list[int] = []
        seg_start = 0
        for m in _CANDIDATE.finditer(t):
            kind = m.lastgroup
            if kind == "para" or kind == "nl":
                cut = m.start()
            elif kind == "cjk":
                cut = m.end()
            else:  # sentence punctuation: a boundary unless more text follows and...
                cut = m.end()
                if m.end(_SPACE) < size:
                    word = m.group(_WORD)
                    if word[:1].islower():
                        continue  # ...the next word starts in lower case, or...
                    dot = m.start()
                    if (
                        m.end(_PUNCT) == dot + 1
                        and t[dot] == "."
                        and not self._period_ends(t, seg_start, dot, word, "\n" in m.group(_SPACE))
                    ):
                        continue  # ...it is a single period that does not end the sentence
            if cut > seg_start:
                cuts.append(cut)
                seg_start = cut
        cuts.append(size)
        spans: list[tuple[int, int]] = []
        begin = 0
        for cut in cuts:
            seg = t[begin:cut]
            stripped = seg.strip()
            if stripped and _HAS_WORD.search(stripped):
                start = begin + seg.find(stripped[0])  # everything before it is whitespace
                spans.append((start, start + len(stripped)))
            begin = cut
        return spans


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
