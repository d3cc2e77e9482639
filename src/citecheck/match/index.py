"""Per-source sentence index, built once per source and reused by every claim citing it.

The index holds each sentence's span, its word keys (lemma, US spelling), numbers,
dates and negation cues, plus an inverted index from word key to sentence numbers so
that retrieval never loops over sentence pairs in Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from citecheck.match.normalize import (
    NEGATIONS,
    TOKEN,
    dates_in,
    numbers_in,
    stem,
    word_key,
)
from citecheck.parse.sentences import sentence_spans

IntArray = npt.NDArray[np.int64]

_MAX_SENTENCE = 1500  # characters; longer runs (tables, lists) are cut so windows stay readable


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    raw = sentence_spans(text)
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

    source_id: str
    text: str
    starts: IntArray
    ends: IntArray
    keys: list[list[str]]  # word keys of each sentence, in order
    numbers: list[dict[str, str]]  # canonical number -> surface, per sentence
    dates: list[dict[str, str]]  # canonical date -> surface, per sentence
    negated: npt.NDArray[np.bool_]  # sentence holds a negation cue
    postings: dict[str, IntArray] = field(default_factory=dict)  # key -> sentence numbers
    stems: dict[str, list[str]] = field(default_factory=dict)  # stem -> keys with that stem
    number_postings: dict[str, IntArray] = field(default_factory=dict)  # value -> sentences
    date_postings: dict[str, IntArray] = field(default_factory=dict)  # 'month:11' -> sentences
    vocabulary: list[str] = field(default_factory=list)  # the keys of `postings`, for RapidFuzz

    @property
    def size(self) -> int:
        return len(self.keys)

    def quote(self, first: int, last: int) -> tuple[int, int, str]:
        """Span and text of sentences first..last (inclusive)."""
        start, end = int(self.starts[first]), int(self.ends[last])
        return start, end, self.text[start:end]


def build_index(source_id: str, text: str) -> SourceIndex:
    """Split a source into sentences and record each one's features."""
    spans = _sentence_spans(text)
    keys: list[list[str]] = []
    numbers: list[dict[str, str]] = []
    dates: list[dict[str, str]] = []
    negated: list[bool] = []
    posting_lists: dict[str, list[int]] = {}
    for i, (start, end) in enumerate(spans):
        sentence = text[start:end]
        tokens = TOKEN.findall(sentence)
        sentence_keys = [word_key(t) for t in tokens]
        keys.append(sentence_keys)
        for key in {*sentence_keys, *acronyms(sentence)}:
            posting_lists.setdefault(key, []).append(i)
        negated.append(
            any(t.lower() in NEGATIONS for t in tokens) or "n't" in sentence or "n’t" in sentence
        )
        numbers.append(dict(numbers_in(sentence)) if _has_digit_or_word(sentence) else {})
        dates.append(dict(dates_in(sentence)))
    index = SourceIndex(
        source_id=source_id,
        text=text,
        starts=np.array([s for s, _ in spans], dtype=np.int64),
        ends=np.array([e for _, e in spans], dtype=np.int64),
        keys=keys,
        numbers=numbers,
        dates=dates,
        negated=np.array(negated, dtype=bool),
    )
    index.postings = {k: np.array(v, dtype=np.int64) for k, v in posting_lists.items()}
    for key in index.postings:
        index.stems.setdefault(stem(key), []).append(key)
    index.vocabulary = list(index.postings)
    index.number_postings = _postings(numbers)
    index.date_postings = _postings(dates)
    return index


def _postings(per_sentence: list[dict[str, str]]) -> dict[str, IntArray]:
    lists: dict[str, list[int]] = {}
    for i, found in enumerate(per_sentence):
        for value in found:
            lists.setdefault(value, []).append(i)
    return {k: np.array(v, dtype=np.int64) for k, v in lists.items()}


_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:(?:of|the|for|and|on|de)\s+)?[A-Z][\w'’-]*)+")
_MINOR = frozenset({"of", "the", "for", "and", "on", "de"})


def acronyms(sentence: str) -> list[str]:
    """Acronyms of capitalised runs: "International Labour Organization" -> "ilo"."""
    out = []
    for m in _NAME_RUN.finditer(sentence):
        words = [w for w in m.group().split() if w not in _MINOR]
        if 2 <= len(words) <= 8:
            out.append("".join(w[0] for w in words).lower())
    return out


_NUMBER_WORDS = re.compile(
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)\b",
    re.IGNORECASE,
)


def _has_digit_or_word(sentence: str) -> bool:
    return _NUMBER_WORDS.search(sentence) is not None
