"""Word keys, numbers and dates in one canonical form, so that surface variants match.

A claim and its source rarely use the same surface forms: "labour" and "labor",
"1,000" and "one thousand", "Nov." and "November", "5%" and "five percent". Everything
the lexical judge compares goes through one `Lexicon` first, for claims and sources
alike. A `Lexicon` is built from a `Language` and owns its caches, each bounded, so a
long-lived engine (a batch worker, a Dask worker) never grows without limit.
"""

from __future__ import annotations

import itertools
import operator
import re
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import Any, cast

from wordfreq import zipf_frequency

from citecheck.lang import Language
from citecheck.lang.nlp import get_nlp

#: Word tokens as the matcher sees them (numbers keep their inner commas and points).
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

#: A dotted abbreviation or initials ("U.S.", "E.U.", "Ph.D.", "J. K."): read as one word,
#: its letters, so that "U.S." is the "US" a claim names.
#: (The capital is matched before the look-behind that says no letter precedes it: the
#: engine then tries the look-behind only at capitals, three times faster on sources.)
DOTTED = re.compile(r"[A-Z](?<![^\W\d_][A-Z])(?:\.(?: ?[A-Z]\.)+|[a-z]\.(?:[A-Z]\.)+)")


def undotted(abbreviation: str) -> str:
    """The letters of a dotted abbreviation: "U.S." is "US", "J. K." "JK"."""
    return "".join(abbreviation.replace(".", "").split())


#: The rarest word weighs this much (`Lexicon.rarity`); features scale by it.
MAX_RARITY = 7.0
#: A number or a date weighs this much: a changed figure matters like a rare word.
FACT_WEIGHT = 4.0
#: Keys of this many letters or more share a stem with keys of the same first letters.
STEM_LENGTH = 6

Fact = tuple[str, str, str, int]  # (kind: "number" | "date", key, surface, offset)

_ISO_MONTH = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{1,2}(?!\d)")
_YEAR = re.compile(r"(?<![\w.,])(1[5-9]\d\d|20\d\d)(?:s\b)?(?!\w|[.,]\d)")


def stem(key: str) -> str:
    """A crude stem for derivational variants ("negotiation" ~ "negotiate")."""
    return key[:STEM_LENGTH] if len(key) > STEM_LENGTH else key


def date_kind(key: str) -> str:
    """'month', 'weekday' or 'year'."""
    return key.split(":", 1)[0]


def _canonical_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}"


def _alternatives(words: list[str]) -> str:
    return "|".join(words)


class Lexicon:
    """One language's word keys, rarity, numbers and dates, with bounded caches."""

    def __init__(self, language: Language, *, cache_size: int = 200_000) -> None:
        self.language = language
        self.stop = language.stop_words
        self.negations = language.negations
        self.antonyms = language.antonyms
        self.synonyms = language.synonyms
        self.clause_words = language.clause_words
        self.name_joiners = frozenset(language.name_joiners)
        self.minor = frozenset((*language.name_joiners, *language.articles))
        self._freq_code = language.wordfreq_code
        months = dict(language.months)
        abbreviations = dict(language.month_abbreviations)
        self.month_names = tuple(months)
        self.weekdays = language.weekdays
        self._lower_months = frozenset(months) - language.ambiguous_months
        self._month_abbreviations = frozenset(abbreviations)
        self._numbers = dict(language.number_words)
        self._weak_numbers = language.weak_number_words
        self._scales = {**language.scale_words, **language.scale_abbreviations}
        self.date_lookup: dict[str, str] = {
            **{m: f"month:{n}" for m, n in months.items()},
            **{m: f"month:{n}" for m, n in abbreviations.items()},
            **{d: f"weekday:{d}" for d in language.weekdays},
            **{d[:3]: f"weekday:{d}" for d in language.weekdays},
        }
        #: Words that belong to a date or a number (never content words of their own).
        self.date_words = frozenset([*months, *language.weekdays, *abbreviations])
        self.number_words = frozenset(
            [
                *(w for w in self._numbers if w not in language.weak_number_words),
                *language.scale_words,
                *(p for phrase in language.percent_words for p in phrase.split()),
            ]
        )
        #: Tokens that may start a number or a date, in the case forms text uses.
        self.fact_tokens: frozenset[str] = frozenset(
            form
            for word in [*self._numbers, *self.date_lookup]
            for form in (word, word.capitalize(), word.upper())
        )
        percent = _alternatives([p.replace(" ", r"\s?") + r"\b" for p in language.percent_words])
        scale_words = sorted(language.scale_words, key=len, reverse=True)
        scales = _alternatives([*scale_words, *sorted(self._scale_abbreviation_forms())])
        self._number = re.compile(
            r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
            rf"(?:\s*(?P<pct>%|{percent}))?"
            rf"(?:\s*(?P<scale>{scales})\b)?",
            re.IGNORECASE,
        )
        self._word_number = re.compile(
            r"\b(?P<word>" + _alternatives(sorted(self._numbers, key=len, reverse=True)) + r")\b"
            r"(?:\s+(?P<pct>"
            + _alternatives([p.replace(" ", r"\s?") for p in language.percent_words])
            + r")\b)?"
            r"(?:\s+(?P<scale>" + _alternatives(list(language.scale_words)) + r")\b)?",
            re.IGNORECASE,
        )
        variants = dict(language.spelling_variants)
        suffixes = language.spelling_suffixes
        endings = tuple(old for old, _ in suffixes)
        freq = self._freq_code

        def spelling(word: str) -> str:
            if word in variants:
                return variants[word]
            if len(word) < 5 or not word.endswith(endings):
                return word
            for old, new in suffixes:
                if word.endswith(old):
                    other = word[: -len(old)] + new
                    if zipf_frequency(other, freq) > max(zipf_frequency(word, freq), 1.5):
                        return other
                    return word
            return word

        lemmatizer: Any = get_nlp(language.spacy_code).get_pipe("lemmatizer")
        lemmas: Any = lemmatizer.lookups.get_table("lemma_lookup")

        def lemma(word: str) -> str:
            value = lemmas.get(word, word)
            return value if isinstance(value, str) else word

        self._spelling: Callable[[str], str] = lru_cache(maxsize=cache_size)(spelling)
        self._lemma: Callable[[str], str] = lru_cache(maxsize=cache_size)(lemma)
        self.word_key: Callable[[str], str] = lru_cache(maxsize=2 * cache_size)(self._word_key)
        self.rarity: Callable[[str], float] = lru_cache(maxsize=cache_size)(self._rarity)
        self.zipf: Callable[[str], float] = lru_cache(maxsize=cache_size)(self._zipf)
        self._token_keys: dict[str, str] = {}
        self._max_token_keys = 2 * cache_size
        #: Keys that a token which may start a number or a date can have, besides keys that
        #: start with a digit: those of `fact_tokens`, and any key of a token that starts
        #: with a digit but does not itself (a lemma or a spelling variant; `keys_of` adds
        #: it before caching the token, and the language's word lists bound how many). A
        #: frozen set, replaced when it grows, so that readers never see it change.
        self.fact_keys: frozenset[str] = frozenset(map(self.word_key, self.fact_tokens))
        self._fact_keys_lock = threading.Lock()

    def keys_of(self, tokens: list[str]) -> list[str]:
        """Word keys of many tokens, through a dict cache (faster than one call per token)."""
        cache = self._token_keys
        if len(cache) > self._max_token_keys:  # bounded: a long-lived engine reads many sources
            cache.clear()
        keys = list(map(cache.get, tokens))
        if keys.count(None):  # tokens never seen before
            misses = map(operator.is_, keys, itertools.repeat(None))
            new = {token: self._new_key(token) for token in set(itertools.compress(tokens, misses))}
            cache.update(new)
            keys = list(map(new.get, tokens, keys))
        return cast(list[str], keys)

    def _new_key(self, token: str) -> str:
        key = self.word_key(token)
        if token[0].isdigit() and not key[:1].isdigit():
            with self._fact_keys_lock:  # before the cache holds the token (see `fact_keys`)
                self.fact_keys = self.fact_keys | {key}
        return key

    def _scale_abbreviation_forms(self) -> list[str]:
        """Abbreviations as the number pattern lists them: multi-letter ones before `[kmb]`."""
        return sorted(self.language.scale_abbreviations, key=lambda a: (-len(a), a))

    def spelling(self, word: str) -> str:
        """The American spelling of a lower-case word when that is the commoner form."""
        return self._spelling(word)

    def _word_key(self, token: str) -> str:
        """The canonical key of a word: lower case, apostrophes folded, lemma, US spelling."""
        if len(token) >= 2 and token.isupper() and token.isalpha():
            return token.lower()  # an acronym is not lemmatised ("AI" is not "ai" -> "have")
        word = token.lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        word = word.replace("'", "")
        lemma = self._lemma(word)
        if lemma.endswith("'s"):
            lemma = lemma[:-2]
        return self._spelling(lemma.lower())

    def _zipf(self, word: str) -> float:
        return float(zipf_frequency(word, self._freq_code))

    def _rarity(self, key: str) -> float:
        """How much a word says: rare words ("Houngbo") weigh more than common ones ("said")."""
        if key.isdigit():
            return FACT_WEIGHT
        return max(0.5, min(MAX_RARITY, MAX_RARITY + 0.5 - self._zipf(key)))

    def fact_at(self, text: str, pos: int, token: str) -> Fact | None:
        """The number or date that starts with `token` at `pos`, if any."""
        if token[0].isdigit():
            iso = _ISO_MONTH.match(text, max(0, pos - 5)) if len(token) == 2 else None
            if iso is not None and 1 <= int(token) <= 12:
                return ("date", f"month:{int(token)}", iso.group(), pos)  # 2018-03-14: March
            year = _YEAR.match(text, pos)
            number = self._number.match(text, pos)
            if number is None:
                return None
            if year is not None and not number.group("pct") and not number.group("scale"):
                return ("date", f"year:{year.group(1)}", year.group(0), pos)
            try:
                value = float(number.group("num").replace(",", ""))
            except ValueError:  # pragma: no cover - the pattern only admits digits
                return None
            value *= self._scales.get((number.group("scale") or "").lower(), 1.0)
            return ("number", _canonical_number(value), number.group(0).strip(), pos)
        low = token.lower()
        if low in self._numbers:
            word = self._word_number.match(text, pos)
            if word is None or (
                low in self._weak_numbers and not (word.group("pct") or word.group("scale"))
            ):
                return None  # "one of the", "zero-sum": too often not a quantity
            value = float(self._numbers[low])
            if word.group("scale"):
                value *= self._scales[word.group("scale").lower()]
            return ("number", _canonical_number(value), word.group(0).strip(), pos)
        key = self.date_lookup.get(low)
        if key is None:
            return None
        if not token[0].isupper() and low not in self._lower_months:
            return None  # "may" the verb, "sat", "wed"; lower-case month names are fine
        abbreviated = low in self._month_abbreviations and text.startswith(".", pos + len(token))
        return ("date", key, token + "." if abbreviated else token, pos)

    def facts_in(self, text: str) -> list[Fact]:
        """Every number and date of `text`, in order."""
        out = []
        tokens = self.fact_tokens
        for m in TOKEN.finditer(text):
            token = m.group()
            if token[0].isdigit() or token in tokens:
                fact = self.fact_at(text, m.start(), token)
                if fact is not None:
                    out.append(fact)
        return out
