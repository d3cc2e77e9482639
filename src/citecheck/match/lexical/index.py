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

from citecheck.match.lexical.normalize import STEM_LENGTH, TOKEN, Fact, Lexicon, stem
from citecheck.parse.sentences import splitter_for

IntArray = npt.NDArray[np.int64]

_MAX_SENTENCE = 1500  # characters; longer runs (tables, lists) are cut so windows stay readable


def _sentence_spans(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    raw = splitter_for(lexicon.language).spans(text)
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


_DIGIT = re.compile(r"\d")


def _locate(sentence: str, token: str, start: int) -> int:
    """Offset of `token` as a whole token in `sentence`, searching from `start` (-1 if none)."""
    n = len(token)
    while True:
        at = sentence.find(token, start)
        if at < 0:
            return -1
        before = sentence[at - 1] if at else " "
        after = sentence[at + n] if at + n < len(sentence) else " "
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


def _per_sentence(
    found: list[Fact], where: list[int], n_sent: int
) -> tuple[list[dict[str, str]], dict[str, IntArray]]:
    table: list[dict[str, str]] = [{} for _ in range(n_sent)]
    lists: dict[str, list[int]] = {}
    for (_, key, surface, _), i in zip(found, where, strict=True):
        if i >= 0:
            table[i].setdefault(key, surface)
            bucket = lists.setdefault(key, [])
            if not bucket or bucket[-1] != i:
                bucket.append(i)
    return table, {k: np.array(v, dtype=np.int64) for k, v in lists.items()}


def build_index(text: str, lexicon: Lexicon) -> SourceIndex:
    """Split a source into sentences and record each one's features, in whole-text passes."""
    spans = _sentence_spans(text, lexicon)
    starts = np.array([s for s, _ in spans], dtype=np.int64)
    ends = np.array([e for _, e in spans], dtype=np.int64)
    n_sent = len(spans)

    # Tokens sentence by sentence (C-speed findall), keys through the lexicon's cache.
    sentences = [text[s:e] for s, e in spans]
    per_sentence = [TOKEN.findall(sentence) for sentence in sentences]
    counts = np.fromiter(map(len, per_sentence), dtype=np.int64, count=n_sent)
    tokens = list(itertools.chain.from_iterable(per_sentence))
    keys = lexicon.keys_of(tokens)
    sentence_of_token = np.repeat(np.arange(n_sent, dtype=np.int64), counts)
    bounds = np.concatenate([[0], np.cumsum(counts)])

    # Numbers and dates, only in sentences that may hold one.
    facts: list[Fact] = []
    fact_where: list[int] = []
    fact_tokens = lexicon.fact_tokens
    for i, (sentence, found) in enumerate(zip(sentences, per_sentence, strict=True)):
        if _DIGIT.search(sentence) is None and fact_tokens.isdisjoint(found):
            continue
        offset, cursor = int(starts[i]), 0
        for token in found:
            if token[0].isdigit() or token in fact_tokens:
                at = _locate(sentence, token, cursor)
                if at < 0:
                    continue
                cursor = at + len(token)
                fact = lexicon.fact_at(text, offset + at, token)
                if fact is not None:
                    facts.append(fact)
                    fact_where.append(i)

    # Acronyms of capitalised runs count as words of their sentence ("ILO").
    extra_keys: list[str] = []
    extra_where: list[int] = []
    runs = [(m.start(), m.group()) for m in _name_run(lexicon.language.name_joiners).finditer(text)]
    if runs:
        run_where = _sentence_of(starts, ends, np.array([p for p, _ in runs], dtype=np.int64))
        for (_, run), i in zip(runs, run_where.tolist(), strict=True):
            words = [w for w in run.split() if w.lower() not in lexicon.minor]
            if i >= 0 and 2 <= len(words) <= 8:
                extra_keys.append("".join(w[0] for w in words).lower())
                extra_where.append(i)

    # Inverted index in CSR form: post_sent[post_ptr[k]:post_ptr[k + 1]] = sentences of key k.
    all_keys = [*keys, *extra_keys]
    vocab = {k: i for i, k in enumerate(dict.fromkeys(all_keys))}
    ids = np.fromiter(map(vocab.__getitem__, all_keys), dtype=np.int64, count=len(all_keys))
    sentence_ids = np.concatenate([sentence_of_token, np.array(extra_where, dtype=np.int64)])
    width = max(1, n_sent)
    pairs = np.unique(ids * width + sentence_ids)
    post_ptr = np.searchsorted(pairs // width, np.arange(len(vocab) + 1), side="left")
    post_sent = pairs % width

    numbers, number_postings = _per_sentence(
        [f for f in facts if f[0] == "number"],
        [i for f, i in zip(facts, fact_where, strict=True) if f[0] == "number"],
        n_sent,
    )
    dates, date_postings = _per_sentence(
        [f for f in facts if f[0] == "date"],
        [i for f, i in zip(facts, fact_where, strict=True) if f[0] == "date"],
        n_sent,
    )
    index = SourceIndex(
        text=text,
        starts=starts,
        ends=ends,
        token_keys=keys,
        token_bounds=bounds.astype(np.int64),
        numbers=numbers,
        dates=dates,
        name_joiners=lexicon.language.name_joiners,
        vocab=vocab,
        post_ptr=post_ptr.astype(np.int64),
        post_sent=post_sent.astype(np.int64),
        number_postings=number_postings,
        date_postings=date_postings,
        vocabulary=list(vocab),
    )
    index.sorted_keys = sorted(vocab)
    return index


@cache
def _name_run(joiners: tuple[str, ...]) -> re.Pattern[str]:
    """Runs of capitalised words, joined by small words, that may form an acronym."""
    joined = "|".join(joiners)
    return re.compile(rf"\b[A-Z][\w'’-]*(?:[ \t]+(?:(?:{joined})[ \t]+)?[A-Z][\w'’-]*)+")
