"""Per-source sentence index, built once per source text and reused by every claim citing it.

The index holds each sentence's span, its word keys (lemma, US spelling), numbers and
dates, plus an inverted index from word key to sentence numbers so that retrieval
never loops over sentence pairs in Python.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import numpy.typing as npt

from citecheck.match.lexical.normalize import (
    DOTTED,
    STEM_LENGTH,
    TOKEN,
    Fact,
    Lexicon,
    stem,
    undotted,
)
from citecheck.parse.sentences import splitter_for

IntArray = npt.NDArray[np.int64]

_MAX_SENTENCE = 1500  # characters; longer runs (tables, lists) are cut so windows stay readable

#: `TOKEN`, written so that the regex engine skips to the next letter or digit fast: the
#: first character decides the alternative, and runs never give characters back.
_TOKEN = re.compile(r"[^\W_](?:(?<=\d)\d*+(?:[.,]\d+)*+|[^\W\d_]*+(?:['’][^\W\d_]+)?)")
#: The same for ASCII text, where the Unicode classes are plain ASCII ones (and faster).
_ASCII_TOKEN = re.compile(
    r"[0-9A-Za-z](?:(?<=[0-9])[0-9]*+(?:[.,][0-9]+)*+|[A-Za-z]*+(?:'[A-Za-z]+)?)"
)
# Both find what `TOKEN` finds (`tests/match/lexical/test_index_equivalence.py`).


def _tokens(text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """`TOKEN.findall` of each sentence (with the faster patterns: the same tokens)."""
    ascii_tokens = _ASCII_TOKEN.findall
    if text.isascii():
        return [ascii_tokens(text, start, end) for start, end in spans]
    # A sentence copied out of a text with other characters is stored as ASCII (and
    # read faster) when it holds none itself.
    sentences = [text[start:end] for start, end in spans]
    tokens = _TOKEN.findall
    return [ascii_tokens(s) if s.isascii() else tokens(s) for s in sentences]


def _sentence_spans(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """The splitter's sentences, overlong ones cut at a space."""
    raw = splitter_for(lexicon.language).spans(text)
    # The splitter reads a copy of `text` that differs only in characters it treats as
    # whitespace, so its spans already start and end with a non-space of `text` and hold
    # a letter or a digit, hence a token: only overlong spans need work.
    if all(end - start <= _MAX_SENTENCE for start, end in raw):
        return raw
    spans: list[tuple[int, int]] = []
    for start, end in raw:
        # trim whitespace so quotes are clean, and cut overlong runs
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end - start > _MAX_SENTENCE:
            cut = text.rfind(" ", start, start + _MAX_SENTENCE)
            cut = cut if cut > start else start + _MAX_SENTENCE
            spans.append((start, cut))
            start = cut + 1
        if end > start and TOKEN.search(text, start, end):
            spans.append((start, end))
    return spans


@dataclass(slots=True)
class SourceIndex:
    """Everything the matcher needs to know about one source's sentences."""

    text: str
    starts: IntArray
    ends: IntArray
    token_keys: list[str]  # word key of every token, in text order
    token_bounds: IntArray  # tokens of sentence i: token_keys[bounds[i]:bounds[i + 1]]
    numbers: list[dict[str, str]]  # canonical number -> surface, per sentence
    dates: list[dict[str, str]]  # canonical date -> surface, per sentence
    name_joiners: tuple[str, ...]  # words that may join the words of a name ("of", "the")
    vocab: dict[str, int] = field(default_factory=dict)  # word key -> id
    post_ptr: IntArray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    post_sent: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    sorted_keys: list[str] = field(default_factory=list)  # the vocabulary, sorted (stems)
    number_postings: dict[str, IntArray] = field(default_factory=dict)  # value -> sentences
    date_postings: dict[str, IntArray] = field(default_factory=dict)  # 'month:11' -> sentences
    vocabulary: list[str] = field(default_factory=list)  # keys by id, for RapidFuzz

    @property
    def size(self) -> int:
        return len(self.starts)

    def sentences_with(self, key: str) -> IntArray | None:
        """Numbers of the sentences holding a word key (None when no sentence does)."""
        i = self.vocab.get(key)
        if i is None:
            return None
        return self.post_sent[self.post_ptr[i] : self.post_ptr[i + 1]]

    def same_stem(self, key: str) -> list[str]:
        """Other keys of the source with the stem of `key` ("negotiation" ~ "negotiate")."""
        root = stem(key)
        if len(root) < len(key) or len(key) == STEM_LENGTH:  # a prefix: the words under it
            lo = bisect.bisect_left(self.sorted_keys, root)
            hi = bisect.bisect_left(self.sorted_keys, root + "\uffff")
            found = [k for k in self.sorted_keys[lo:hi] if k != key and stem(k) == root]
        else:  # a short word is its own stem
            found = []
        return found

    def spelled_out(self, acronym: str) -> IntArray | None:
        """Sentences that spell an acronym out in words ("AI": "artificial intelligence")."""
        if not 2 <= len(acronym) <= 6 or not acronym.isalpha():
            return None
        joiners = "|".join(self.name_joiners)
        gap = rf"[\w'’-]*[ \t]+(?:(?:{joiners})[ \t]+)?"
        pattern = re.compile(r"\b" + gap.join(re.escape(c) for c in acronym) + r"\w*", re.I)
        offsets = [m.start() for m in pattern.finditer(self.text)]
        if not offsets:
            return None
        where = _sentence_of(self.starts, self.ends, np.array(offsets, dtype=np.int64))
        found = np.unique(where[where >= 0])
        return found if len(found) else None

    def keys(self, sentence: int) -> list[str]:
        """Word keys of one sentence, in order."""
        return self.token_keys[self.token_bounds[sentence] : self.token_bounds[sentence + 1]]

    def quote(self, first: int, last: int) -> tuple[int, int, str]:
        """Span and text of sentences first..last (inclusive)."""
        start, end = int(self.starts[first]), int(self.ends[last])
        return start, end, self.text[start:end]


def _locate(text: str, token: str, start: int, first: int, end: int) -> int:
    """Offset of `token` as a whole token in the sentence `text[first:end]`, searching from
    `start` (-1 if none); the text around the sentence counts as a space."""
    n = len(token)
    while True:
        at = text.find(token, start, end)
        if at < 0:
            return -1
        before = text[at - 1] if at > first else " "
        after = text[at + n] if at + n < end else " "
        if not before.isalnum() and not (
            after.isalnum() and after.isalpha() == token[-1].isalpha()
        ):
            return at
        start = at + 1


def _sentence_of(starts: IntArray, ends: IntArray, offsets: IntArray) -> IntArray:
    """Sentence number of each offset, or -1 where it falls between sentences."""
    if not len(starts):
        return np.full(len(offsets), -1, dtype=np.int64)
    which = np.searchsorted(starts, offsets, side="right") - 1
    inside = (which >= 0) & (offsets < ends[np.maximum(which, 0)])
    return np.where(inside, which, -1)


def _fact_tables(
    facts: list[Fact], where: list[int], n_sent: int
) -> dict[str, tuple[list[dict[str, str]], dict[str, IntArray]]]:
    """Per kind ("number", "date"): per sentence, each value's first surface form, and
    per value, the sentences that hold it."""
    tables: dict[str, list[dict[str, str]]] = {
        "number": [{} for _ in range(n_sent)],
        "date": [{} for _ in range(n_sent)],
    }
    lists: dict[str, dict[str, list[int]]] = {"number": {}, "date": {}}
    for (kind, key, surface, _), i in zip(facts, where, strict=True):
        tables[kind][i].setdefault(key, surface)
        bucket = lists[kind].setdefault(key, [])
        if not bucket or bucket[-1] != i:
            bucket.append(i)
    return {
        kind: (tables[kind], {k: np.array(v, dtype=np.int64) for k, v in lists[kind].items()})
        for kind in tables
    }


def _facts(
    text: str,
    lexicon: Lexicon,
    spans: list[tuple[int, int]],
    tokens: list[str],
    token_sentence: IntArray,
    candidates: IntArray,
) -> tuple[list[Fact], list[int]]:
    """The numbers and dates of the sentences, with their sentence numbers.

    `candidates` numbers (at least) every token that may start one ("12", "May",
    "twelve"); each is found again in its sentence, left to right, as a whole token.
    """
    facts: list[Fact] = []
    where: list[int] = []
    fact_tokens = lexicon.fact_tokens
    fact_at = lexicon.fact_at
    current, first, end, cursor = -1, 0, 0, 0
    for k, i in zip(candidates.tolist(), token_sentence[candidates].tolist(), strict=True):
        token = tokens[k]
        if not (token[0].isdigit() or token in fact_tokens):
            continue
        if i != current:
            current, (first, end) = i, spans[i]
            cursor = first
        at = _locate(text, token, cursor, first, end)
        if at < 0:
            continue
        cursor = at + len(token)
        fact = fact_at(text, at, token)
        if fact is not None:
            facts.append(fact)
            where.append(i)
    return facts, where


def _acronyms(
    text: str, lexicon: Lexicon, starts: IntArray, ends: IntArray
) -> tuple[list[str], list[int]]:
    """Acronyms of capitalised runs ("International Labour Organization": "ilo") and
    their sentence numbers: they count as words of their sentence."""
    runs = list(_name_run(lexicon.language.name_joiners).finditer(text))
    keys: list[str] = []
    where: list[int] = []
    if not runs:
        return keys, where
    minor = lexicon.minor
    longest = max(map(len, minor), default=0)  # longer words are not minor (`lower` never shortens)
    offsets = np.fromiter(map(re.Match.start, runs), dtype=np.int64, count=len(runs))
    for run, i in zip(runs, _sentence_of(starts, ends, offsets).tolist(), strict=True):
        if i >= 0:
            words = run.group().split()
            initials = [w[0] for w in words if len(w) > longest or w.lower() not in minor]
            if 2 <= len(initials) <= 8:
                keys.append("".join(initials).lower())
                where.append(i)
    return keys, where


def _dotted(
    text: str, lexicon: Lexicon, starts: IntArray, ends: IntArray
) -> tuple[list[str], list[int]]:
    """Keys of dotted abbreviations ("U.S.": "us") and their sentence numbers, so that a
    claim's "US" is found where the source writes "U.S."."""
    found = list(DOTTED.finditer(text)) if "." in text else []
    if not found:
        return [], []
    offsets = np.fromiter(map(re.Match.start, found), dtype=np.int64, count=len(found))
    where = _sentence_of(starts, ends, offsets).tolist()
    keys = [lexicon.word_key(undotted(m.group())) for m in found]
    return [k for k, i in zip(keys, where, strict=True) if i >= 0], [i for i in where if i >= 0]


def _postings(
    ids: IntArray, sentences: IntArray, n_keys: int, n_sent: int
) -> tuple[IntArray, IntArray]:
    """The inverted index in CSR form: `sent[ptr[k]:ptr[k + 1]]` = sentences of key k, sorted."""
    width = max(1, n_sent)
    codes = ids * width
    codes += sentences
    codes.sort()
    distinct = np.empty(len(codes), dtype=bool)
    distinct[:1] = True
    np.not_equal(codes[1:], codes[:-1], out=distinct[1:])
    key, sent = np.divmod(codes[distinct], width)
    return np.searchsorted(key, np.arange(n_keys + 1)), sent


def _fact_keys(sorted_keys: list[str], vocab: dict[str, int], lexicon: Lexicon) -> list[str]:
    """The keys a token that may start a number or a date can have (`Lexicon.fact_keys`)."""
    ascii_digit = sorted_keys[
        bisect.bisect_left(sorted_keys, "0") : bisect.bisect_left(sorted_keys, ":")
    ]
    beyond_ascii = sorted_keys[bisect.bisect_left(sorted_keys, "\x80") :]
    other_digit = [key for key in beyond_ascii if key[0].isdigit()]
    return [*ascii_digit, *other_digit, *(vocab.keys() & lexicon.fact_keys)]


def build_index(text: str, lexicon: Lexicon) -> SourceIndex:
    """Split a source into sentences and record each one's features, in whole-text passes."""
    spans = _sentence_spans(text, lexicon)
    starts = np.array([s for s, _ in spans], dtype=np.int64)
    ends = np.array([e for _, e in spans], dtype=np.int64)
    n_sent = len(spans)

    # Tokens sentence by sentence (C-speed findall).
    per_sentence = _tokens(text, spans)
    counts = np.fromiter(map(len, per_sentence), dtype=np.int64, count=n_sent)
    tokens = list(itertools.chain.from_iterable(per_sentence))
    n_tokens = len(tokens)
    sentence_of_token = np.repeat(np.arange(n_sent, dtype=np.int64), counts)
    bounds = np.zeros(n_sent + 1, dtype=np.int64)
    np.cumsum(counts, out=bounds[1:])

    # Word keys, through the lexicon's cache.
    keys = lexicon.keys_of(tokens)

    # Acronyms of capitalised runs count as words of their sentence ("ILO"), and so do
    # dotted abbreviations without their dots ("U.S." is "US").
    extra_keys, extra_where = _acronyms(text, lexicon, starts, ends)
    dotted_keys, dotted_where = _dotted(text, lexicon, starts, ends)
    extra_keys += dotted_keys
    extra_where += dotted_where

    # Key ids in order of first appearance: the tokens' keys, then acronyms.
    vocab = dict(zip(dict.fromkeys(itertools.chain(keys, extra_keys)), itertools.count()))
    ids = np.fromiter(
        map(vocab.__getitem__, itertools.chain(keys, extra_keys)),
        dtype=np.int64,
        count=n_tokens + len(extra_keys),
    )
    sentence_ids = np.concatenate([sentence_of_token, np.array(extra_where, dtype=np.int64)])
    post_ptr, post_sent = _postings(ids, sentence_ids, len(vocab), n_sent)
    sorted_keys = sorted(vocab)

    # Numbers and dates: only at tokens with a key that a token which may start one can
    # have (`_facts` checks each token itself).
    maybe = np.zeros(len(vocab), dtype=bool)
    maybe[[vocab[k] for k in _fact_keys(sorted_keys, vocab, lexicon)]] = True
    candidates = np.flatnonzero(maybe[ids[:n_tokens]])
    facts, fact_where = _facts(text, lexicon, spans, tokens, sentence_of_token, candidates)
    tables = _fact_tables(facts, fact_where, n_sent)
    numbers, number_postings = tables["number"]
    dates, date_postings = tables["date"]

    return SourceIndex(
        text=text,
        starts=starts,
        ends=ends,
        token_keys=keys,
        token_bounds=bounds,
        numbers=numbers,
        dates=dates,
        name_joiners=lexicon.language.name_joiners,
        vocab=vocab,
        post_ptr=post_ptr,
        post_sent=post_sent,
        number_postings=number_postings,
        date_postings=date_postings,
        sorted_keys=sorted_keys,
        vocabulary=list(vocab),
    )


@cache
def _name_run(joiners: tuple[str, ...]) -> re.Pattern[str]:
    """Runs of capitalised words, joined by small words, that may form an acronym."""
    joined = "|".join(joiners)
    # `[A-Z](?<!\w[A-Z])` is `\b[A-Z]`, and the words never give characters back: the same
    # matches, but the engine can skip to the next capital letter fast.
    return re.compile(
        rf"[A-Z](?<!\w[A-Z])[\w'’-]*+(?:[ \t]+(?:(?:{joined})[ \t]+)?[A-Z][\w'’-]*+)+"
    )
