"""Claims and source sentences as tokens the contradiction checks can compare.

The judge's retrieval works on bags of word keys; the checks in `contrast/` need more:
every token in order with its offsets, contractions split ("can't" -> "can" + "not"),
which tokens stand inside quotation marks or inside a capitalised name (a negation in
"Nobody Goes Hungry" or in a quoted title negates nothing), and where clauses begin.
Only the claim and the few sentences retrieval picked are tokenised this way, never a
whole source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from citecheck.match.lexical.normalize import DOTTED, Lexicon, undotted

_TOK = re.compile(
    DOTTED.pattern  # "U.S.": one word, so that "U.S." and "US" are one party, never "U"
    + r"|\d+(?:st|nd|rd|th)(?![\w])"  # ordinals ("78th")
    r"|\d+(?:[.,]\d+)*"  # numbers
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"  # words, with inner apostrophes ("don't", "Hale's")
    r"|\.\.\.|…|--"
    r"|[^\w\s]",
    re.UNICODE,
)
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_CONTRACTIONS = {
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
}
_CLITICS = {"'ll": "will", "'ve": "have", "'re": "are", "'m": "am", "'d": "would"}
_SINGLE = re.compile(r"(?:^|(?<=[\s(\[—–:]))['‘](?=\w)(.+?)(?<=[\w.,!?…])['’](?!\w)")
_DOUBLE = re.compile('["“”]')
_CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–", "--"})
#: A clause with fewer content words than this is a detail of its neighbour ("the port's
#: chief executive"), not a statement of its own.
MIN_CLAUSE = 3
#: Words before a quotation that make it a title, a name or a motto, not speech.
_TITLE_CUES = frozenset(
    {
        "titled", "entitled", "named", "dubbed", "motto", "slogan", "headlined", "nicknamed",
        "expression", "phrase", "idiom", "term", "song", "album", "book", "film",
    }
)  # fmt: skip
_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})
_OPENERS = frozenset({'"', "“", "(", "—", "–", ":", "‘", "'", "-"})


@dataclass(slots=True)
class Tok:
    """One token of a claim or a source sentence."""

    text: str  # as written (the part of a split contraction: "can" of "can't")
    low: str  # lower case, curly apostrophes straightened
    key: str  # word key (lemma, US spelling); "#12.5" for a number; punctuation as is
    start: int  # offsets into the tokenised text
    end: int
    kind: str  # "word", "num" (digits), "ord" (78th) or "punct"
    cap: bool = False  # starts with a capital letter
    stop: bool = False  # a stop word (no content of its own)
    quoted: bool = False  # inside quotation marks
    titled: bool = False  # inside a quoted title, name or motto ("No Safe Level")
    name: bool = False  # part of a capitalised name ("Nobody Goes Hungry")
    clause: int = 0  # clause number within the text
    sentence_start: bool = False  # first word of a sentence (or after an opening mark)

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    @property
    def content(self) -> bool:
        """A word or number that carries content (not a stop word, not punctuation)."""
        return self.kind in ("num", "ord") or (self.kind == "word" and not self.stop)


@dataclass(slots=True)
class Text:
    """A tokenised text: its tokens and where its quotations are."""

    text: str
    toks: list[Tok]
    quotes: list[tuple[int, int]] = field(default_factory=list)  # char spans inside marks

    def span_text(self, lo: int, hi: int) -> str:
        """The text of tokens lo..hi-1 as written, widened to whole words (a reason quotes
        "I'll send", "long-term", "30-Jun-2021", never "'ll send" or "long-"); empty when the
        range is empty."""
        if hi <= lo or lo >= len(self.toks):
            return ""
        hi = min(hi, len(self.toks))
        start = _word_start(self.text, self.toks[lo].start)
        end = _word_end(self.text, self.toks[hi - 1].end)
        return " ".join(self.text[start:end].split())


#: Marks that join the parts of one word ("I'll", "long-term"), never a quotation's edge.
_WORD_JOINERS = frozenset("'’-")


def _word_start(text: str, i: int) -> int:
    """Back from `i` to the start of the word `i` is inside."""
    while i > 0 and (
        text[i - 1].isalnum() or (text[i - 1] in _WORD_JOINERS and i > 1 and text[i - 2].isalnum())
    ):
        i -= 1
    return i


def _word_end(text: str, j: int) -> int:
    """On from `j` to the end of the word `j` is inside."""
    n = len(text)
    while j < n and (
        text[j].isalnum() or (text[j] in _WORD_JOINERS and j + 1 < n and text[j + 1].isalnum())
    ):
        j += 1
    return j


def number_key(text: str) -> str:
    """The key of a number as written: "#1050" for "1,050"."""
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return text
    return "#" + (str(int(value)) if value == int(value) else f"{value:.6g}")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text inside quotation marks (straight or curly, double or
    single); an unclosed opening mark runs to the end of the text."""
    spans: list[tuple[int, int]] = []
    # double quotes: straight ones pair up in order, curly ones open and close
    opened: int | None = None
    for mark in _DOUBLE.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == '"':
            if opened is None:
                opened = i + 1
            else:
                spans.append((opened, i))
                opened = None
        elif ch == "“" and opened is None:
            opened = i + 1
        elif ch == "”" and opened is not None:
            spans.append((opened, i))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    # single quotes: an opening mark after a space or an opening bracket, a closing mark
    # before a space or punctuation (never an apostrophe inside a word)
    if "'" not in text and "‘" not in text:
        return sorted(spans)
    for m in _SINGLE.finditer(text):
        inner = (m.start(1), m.end(1))
        if " " in m.group(1) and not any(a <= inner[0] < b for a, b in spans):
            spans.append(inner)
    return sorted(spans)


def tokenize(text: str, lexicon: Lexicon) -> Text:
    """`text` as tokens with keys, quotation and name marks, and clause numbers."""
    toks: list[Tok] = []
    stop = lexicon.stop
    word_key = lexicon.word_key
    for m in _TOK.finditer(text):
        raw = m.group()
        start = m.start()
        if raw[0].isdigit():
            if _ORDINAL.match(raw):
                toks.append(Tok(raw, raw.lower(), "#" + raw[:-2], start, m.end(), "ord"))
            else:
                toks.append(Tok(raw, raw, number_key(raw), start, m.end(), "num"))
            continue
        if not raw[0].isalpha():
            toks.append(Tok(raw, raw, raw, start, m.end(), "punct"))
            continue
        if "." in raw:
            toks.append(_dotted(raw, start, lexicon))
            continue
        low = raw.lower()
        if "'" not in low and "’" not in low and low != "cannot":
            # a plain word (most of them): one token
            key = word_key(raw)
            toks.append(
                Tok(
                    raw,
                    low,
                    key,
                    start,
                    m.end(),
                    "word",
                    raw[0].isupper(),
                    (low in stop or key in stop) and not (len(raw) >= 2 and raw.isupper()),
                )
            )
            continue
        low = low.replace("’", "'")
        parts: list[tuple[str, int, int]]
        if low in _CONTRACTIONS:
            first, second = _CONTRACTIONS[low]
            cut = start + (3 if low == "cannot" else len(raw) - 3)
            parts = [(first, start, cut), (second, cut, m.end())]
        elif low.endswith("n't") and len(low) > 3:
            cut = m.end() - 3
            parts = [(raw[: len(raw) - 3], start, cut), ("not", cut, m.end())]
        elif "'" in low and any(low.endswith(c) for c in _CLITICS):
            clitic = low[low.rindex("'") :]
            cut = start + low.rindex("'")
            parts = [(raw[: cut - start], start, cut), (_CLITICS[clitic], cut, m.end())]
        else:
            parts = [(raw, start, m.end())]
        for word, a, b in parts:
            wl = word.lower().replace("’", "'")
            key = lexicon.word_key(word) if word[:1].isalpha() else wl
            toks.append(
                Tok(
                    word,
                    wl,
                    key,
                    a,
                    b,
                    "word",
                    cap=word[:1].isupper(),
                    stop=(wl in stop or key in stop) and not (len(word) >= 2 and word.isupper()),
                )
            )
    out = Text(text, toks, quote_spans(text))
    _mark(out, lexicon)
    return out


def _dotted(raw: str, start: int, lexicon: Lexicon) -> Tok:
    """A dotted abbreviation as one capitalised word (never a stop word: "U.S." is not "us")."""
    return Tok(
        raw, raw.lower(), lexicon.word_key(undotted(raw)), start, start + len(raw), "word", True
    )


def _mark(text: Text, lexicon: Lexicon) -> None:
    """Quotation, sentence-start, name and clause marks."""
    toks = text.toks
    for a, b in text.quotes:
        inside = [t for t in toks if a <= t.start < b]
        words = [t for t in inside if t.kind == "word"]
        if not words:
            continue
        capitals = sum(t.text[:1].isupper() for t in words)
        before = [t.low for t in toks if t.end <= a and t.kind == "word"][-2:]
        title = (capitals >= max(1, 0.6 * len(words)) and len(words) <= 8) or bool(
            set(before) & _TITLE_CUES
        )
        for t in inside:
            t.quoted = True
            t.titled = title
    opening = {a for a, _ in text.quotes}
    for i, tok in enumerate(toks):
        prev = toks[i - 1] if i else None
        tok.sentence_start = (
            prev is None
            or prev.text in {".", "!", "?"}
            or (
                prev.text in _OPENERS
                and (prev.text not in _QUOTE_MARKS or prev.end in opening or tok.start in opening)
            )
        )
    joiners = (lexicon.name_joiners - {"on", "and"}) | {"&"}
    dates = lexicon.date_words
    i = 0
    while i < len(toks):
        if not (toks[i].kind == "word" and toks[i].cap) or toks[i].low in dates:
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            if toks[j].kind == "word" and toks[j].cap and toks[j].low not in dates:
                j += 1
            elif (
                toks[j].low in joiners
                and j + 1 < len(toks)
                and toks[j + 1].kind == "word"
                and toks[j + 1].cap
            ):
                j += 2
            else:
                break
        run = toks[i:j]
        if all(t.low in dates for t in run if t.cap):
            i = j  # "Tuesday", "June": dates, not names
            continue
        capitals = sum(t.cap for t in run)
        first = run[0]
        if capitals >= 2 or not first.sentence_start or lexicon.zipf(first.low) < 3.0:
            for t in run:
                # a sentence-initial common word before a name is not part of it ("Nobody")
                t.name = True
            if (
                first.sentence_start
                and capitals >= 2
                and (lexicon.zipf(first.low) >= 5.0 or first.stop)
            ):
                first.name = False  # "The" of "The Dunmore Rowing Club", "No" of "No one"
        i = j
    clause = 0
    for i, tok in enumerate(toks):
        if tok.text in _CLAUSE_PUNCT or (tok.low in lexicon.clause_words and i > 0):
            clause += 1
        tok.clause = clause


def clause_groups(toks: Sequence[Tok]) -> list[tuple[int, int]]:
    """Token ranges of the claim's sub-claims: its clauses, a clause with fewer than
    `MIN_CLAUSE` content words joined to its neighbour (a detail, not a statement)."""
    if not toks:
        return []
    ranges: list[list[int]] = []
    for i, tok in enumerate(toks):
        if not ranges or tok.clause != toks[ranges[-1][0]].clause:
            ranges.append([i, i + 1])
        else:
            ranges[-1][1] = i + 1

    def weight(r: list[int]) -> int:
        return sum(1 for t in toks[r[0] : r[1]] if t.content)

    merged: list[list[int]] = []
    for r in ranges:
        apposition = (
            merged
            and toks[r[0]].text == ","
            and r[0] + 1 < len(toks)
            and toks[r[0] + 1].low in ("a", "an", "the")
            and toks[r[0] - 1].name
        )
        if (
            apposition
            or (merged and weight(merged[-1]) < MIN_CLAUSE)
            or (merged and weight(r) < MIN_CLAUSE)
        ):  # "Dr. Helen Achebe, a county school nurse,": part of the name
            merged[-1][1] = r[1]
        else:
            merged.append(list(r))
    if len(merged) >= 2 and weight(merged[-1]) < MIN_CLAUSE:
        last = merged.pop()
        merged[-1][1] = last[1]
    return [(a, b) for a, b in merged]
