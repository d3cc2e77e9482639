"""What a claim asserts, as atomic items the sources must back.

A claim becomes a list of items: content words (by lemma key, weighted by rarity),
names, numbers and dates. Retrieval looks for each item in the source sentences;
the judge asks whether the items are backed, and by the same passage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc
from wordfreq import zipf_frequency

from citecheck.match.normalize import (
    ANTONYMS,
    MONTH_NAMES,
    NEGATIONS,
    STOP,
    WEEKDAYS,
    dates_in,
    numbers_in,
    rarity,
    word_key,
)
from citecheck.nlp import get_nlp

ItemKind = Literal["word", "name", "number", "date"]

_DATE_WORDS = frozenset(
    [
        *MONTH_NAMES,
        *WEEKDAYS,
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_NUMBER_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
        "percent",
        "per",
        "cent",
    ]
)


@dataclass(frozen=True, slots=True)
class Item:
    """One thing the claim asserts: a word, a name, a number or a date."""

    kind: ItemKind
    key: str  # canonical key: word key, number value or 'month:11'
    surface: str  # as the claim writes it
    weight: float


@dataclass(slots=True)
class ClaimFacts:
    """A claim broken into items, with its polarity."""

    text: str
    items: list[Item] = field(default_factory=list)
    negated: bool = False
    keys_in_order: list[str] = field(default_factory=list)  # content keys, claim order

    @property
    def total_weight(self) -> float:
        return sum(i.weight for i in self.items)

    def antonym_keys(self) -> dict[str, frozenset[str]]:
        """Claim words with a known opposite, mapped to those opposites."""
        return {i.key: ANTONYMS[i.key] for i in self.items if i.key in ANTONYMS}


def _is_name(doc: Doc, i: int) -> bool:
    token = doc[i]
    text = token.text
    if not text[:1].isupper() or not token.is_alpha:
        return False
    if i == 0 or doc[i - 1].text in {".", "!", "?", ":", '"', "“", "(", "-"}:
        return zipf_frequency(text.lower(), "en") < 3.0
    return True


def analyse(doc: Doc) -> ClaimFacts:
    """Break a tokenised claim into items."""
    facts = ClaimFacts(text=doc.text)
    seen: set[tuple[str, str]] = set()
    for i, token in enumerate(doc):
        low = token.lower_
        if low in NEGATIONS or low == "n't":
            facts.negated = True
            continue
        if not token.is_alpha or len(low) < 2 or low in _DATE_WORDS or low in _NUMBER_WORDS:
            continue
        key = word_key(token.text)
        if low in STOP or key in STOP:
            continue
        facts.keys_in_order.append(key)
        name = _is_name(doc, i)
        kind: ItemKind = "name" if name else "word"
        if (kind, key) in seen or ("word", key) in seen or ("name", key) in seen:
            continue
        seen.add((kind, key))
        weight = rarity(key)
        if name:
            weight = max(weight, 3.0)
        facts.items.append(Item(kind=kind, key=key, surface=token.text, weight=weight))
    for value, surface in numbers_in(doc.text):
        if ("number", value) not in seen:
            seen.add(("number", value))
            facts.items.append(Item(kind="number", key=value, surface=surface, weight=4.0))
    for value, surface in dates_in(doc.text):
        if ("date", value) not in seen:
            seen.add(("date", value))
            facts.items.append(Item(kind="date", key=value, surface=surface, weight=4.0))
    return facts


def analyse_all(texts: Sequence[str]) -> list[ClaimFacts]:
    """Analyse many claims with one pass of the shared pipeline."""
    nlp = get_nlp()
    return [analyse(doc) for doc in nlp.pipe(texts)]
