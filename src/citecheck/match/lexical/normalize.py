"""Word keys, numbers and dates in one canonical form, so that surface variants match.

A claim and its source rarely use the same surface forms: "labour" and "labor",
"1,000" and "one thousand", "Nov." and "November", "5%" and "five percent". Everything
the matcher compares goes through these functions first, for claims and sources alike.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

from citecheck.lang.nlp import get_nlp

#: Words that carry no claim content of their own (spaCy's list, plus reporting filler).
STOP: frozenset[str] = frozenset(STOP_WORDS) | frozenset(
    {"s", "t", "d", "ll", "ve", "re", "m", "also", "according", "said", "says", "say", "like"}
)

#: Cues that reverse what a clause states.
NEGATIONS: frozenset[str] = frozenset(
    {"not", "no", "never", "neither", "nor", "none", "nobody", "nothing", "n't", "t", "without"}
)

#: Pairs of words that state opposite facts ("raised" vs "cut").
_ANTONYM_PAIRS = (
    ("increase", "decrease"),
    ("increase", "reduce"),
    ("increase", "cut"),
    ("raise", "cut"),
    ("raise", "lower"),
    ("rise", "fall"),
    ("rise", "drop"),
    ("rise", "decline"),
    ("gain", "loss"),
    ("win", "lose"),
    ("accept", "reject"),
    ("approve", "reject"),
    ("allow", "ban"),
    ("allow", "forbid"),
    ("support", "oppose"),
    ("high", "low"),
    ("higher", "lower"),
    ("more", "less"),
    ("maximum", "minimum"),
    ("before", "after"),
    ("first", "last"),
    ("open", "close"),
    ("begin", "end"),
    ("start", "end"),
    ("buy", "sell"),
    ("import", "export"),
    ("male", "female"),
    ("true", "false"),
    ("success", "failure"),
    ("succeed", "fail"),
    ("birth", "death"),
    ("bear", "die"),
)
ANTONYMS: dict[str, frozenset[str]] = {}
for _a, _b in _ANTONYM_PAIRS:
    ANTONYMS[_a] = ANTONYMS.get(_a, frozenset()) | {_b}
    ANTONYMS[_b] = ANTONYMS.get(_b, frozenset()) | {_a}

#: Spelling variants whose suffix rules would misfire; the rules below catch the rest.
_VARIANTS = {
    "labour": "labor",
    "labours": "labor",
    "programme": "program",
    "programmes": "program",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "practise": "practice",
    "grey": "gray",
    "tyre": "tire",
    "tyres": "tire",
    "cheque": "check",
    "aluminium": "aluminum",
    "jewellery": "jewelry",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "analogue": "analog",
    "kerb": "curb",
    "plough": "plow",
    "manoeuvre": "maneuver",
    "paediatric": "pediatric",
    "anaemia": "anemia",
    "oestrogen": "estrogen",
    "foetus": "fetus",
    "judgement": "judgment",
    "ageing": "aging",
    "towards": "toward",
    "whilst": "while",
    "amongst": "among",
}
_SUFFIX_RULES = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ise", "ize"),
    ("ises", "izes"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("elled", "eled"),
    ("elling", "eling"),
    ("ogue", "og"),
)

_MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_LOWER_MONTHS = frozenset(_MONTHS) - {"may", "march"}  # safe to read in lower case
_MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = tuple(_MONTHS)

_SMALL_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}

#: Word tokens as the matcher sees them (numbers keep their inner commas and points).
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

_NUMBER = re.compile(
    r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<pct>%|per\s?cent\b|percent\b))?"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?",
    re.IGNORECASE,
)
_WORD_NUMBER = re.compile(
    r"\b(?P<word>" + "|".join(sorted(_SMALL_NUMBERS, key=len, reverse=True)) + r")\b"
    r"(?:\s+(?P<pct>percent|per\s?cent)\b)?"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\w.,])(1[5-9]\d\d|20\d\d)(?:s\b)?(?!\w|[.,]\d)")


class _LemmaView(dict[str, str]):
    """spaCy's lookup lemmas as a dict that fills itself on first use of each word."""

    def __init__(self, table: object) -> None:
        super().__init__()
        self._table = table

    def __missing__(self, word: str) -> str:
        value = self._table.get(word, word)  # type: ignore[attr-defined]
        lemma = value if isinstance(value, str) else word
        self[word] = lemma
        return lemma


@lru_cache(maxsize=1)
def _lemma_table() -> _LemmaView:
    """The lookup table of the shared pipeline's lemmatizer."""
    nlp = get_nlp()
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    return _LemmaView(lemmatizer.lookups.get_table("lemma_lookup"))


@lru_cache(maxsize=200_000)
def spelling(word: str) -> str:
    """The American spelling of a lower-case word when that is the commoner form."""
    if word in _VARIANTS:
        return _VARIANTS[word]
    if len(word) < 5:
        return word
    for old, new in _SUFFIX_RULES:
        if word.endswith(old):
            other = word[: -len(old)] + new
            if zipf_frequency(other, "en") > max(zipf_frequency(word, "en"), 1.5):
                return other
            return word
    return word


@lru_cache(maxsize=400_000)
def word_key(token: str) -> str:
    """The canonical key of a word: lower case, apostrophes folded, lemma, US spelling."""
    if len(token) >= 2 and token.isupper() and token.isalpha():
        return token.lower()  # an acronym is not lemmatised ("AI" is not "ai" -> "have")
    word = token.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    lemma = _lemma_table()[word]
    if lemma.endswith("'s"):
        lemma = lemma[:-2]
    return spelling(lemma.lower())


@lru_cache(maxsize=200_000)
def rarity(key: str) -> float:
    """How much a word says: rare words ("Houngbo") weigh more than common ones ("said")."""
    if key.isdigit():
        return 4.0
    return max(0.5, min(7.0, 7.5 - zipf_frequency(key, "en")))


def stem(key: str) -> str:
    """A crude stem for derivational variants ("negotiation" ~ "negotiate")."""
    return key[:6] if len(key) >= 7 else key


def _canonical_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}"


_DATE_LOOKUP: dict[str, str] = {
    **{m: f"month:{n}" for m, n in _MONTHS.items()},
    **{m: f"month:{n}" for m, n in _MONTH_ABBR.items()},
    **{d: f"weekday:{d}" for d in WEEKDAYS},
    **{d[:3]: f"weekday:{d}" for d in WEEKDAYS},
}
#: Tokens that may start a number or a date, in the case forms text uses.
FACT_TOKENS: frozenset[str] = frozenset(
    form
    for word in [*_SMALL_NUMBERS, *_DATE_LOOKUP]
    for form in (word, word.capitalize(), word.upper())
)

_ISO_MONTH = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{1,2}(?!\d)")
Fact = tuple[str, str, str, int]  # (kind: "number" | "date", key, surface, offset)


def fact_at(text: str, pos: int, token: str) -> Fact | None:
    """The number or date that starts with `token` at `pos`, if any."""
    if token[0].isdigit():
        iso = _ISO_MONTH.match(text, max(0, pos - 5)) if len(token) == 2 else None
        if iso is not None and 1 <= int(token) <= 12:
            return ("date", f"month:{int(token)}", iso.group(), pos)  # 2018-03-14: March
        year = _YEAR.match(text, pos)
        number = _NUMBER.match(text, pos)
        if number is None:
            return None
        if year is not None and not number.group("pct") and not number.group("scale"):
            return ("date", f"year:{year.group(1)}", year.group(0), pos)
        try:
            value = float(number.group("num").replace(",", ""))
        except ValueError:  # pragma: no cover - the pattern only admits digits
            return None
        value *= _SCALES.get((number.group("scale") or "").lower(), 1.0)
        return ("number", _canonical_number(value), number.group(0).strip(), pos)
    low = token.lower()
    if low in _SMALL_NUMBERS:
        word = _WORD_NUMBER.match(text, pos)
        if word is None or (
            low in {"one", "zero"} and not (word.group("pct") or word.group("scale"))
        ):
            return None  # "one of the", "zero-sum": too often not a quantity
        value = float(_SMALL_NUMBERS[low])
        if word.group("scale"):
            value *= _SCALES[word.group("scale").lower()]
        return ("number", _canonical_number(value), word.group(0).strip(), pos)
    key = _DATE_LOOKUP.get(low)
    if key is None:
        return None
    if not token[0].isupper() and low not in _LOWER_MONTHS:
        return None  # "may" the verb, "sat", "wed"; lower-case month names are fine
    surface = (
        token + "." if low in _MONTH_ABBR and text.startswith(".", pos + len(token)) else token
    )
    return ("date", key, surface, pos)


def facts_in(text: str) -> list[Fact]:
    """Every number and date of `text`, in order."""
    out = []
    for m in TOKEN.finditer(text):
        token = m.group()
        if token[0].isdigit() or token in FACT_TOKENS:
            fact = fact_at(text, m.start(), token)
            if fact is not None:
                out.append(fact)
    return out


def numbers_in(text: str) -> list[tuple[str, str]]:
    """Numbers in `text` as (canonical value, surface), years excluded (see `dates_in`)."""
    return [(key, surface) for kind, key, surface, _ in facts_in(text) if kind == "number"]


def dates_in(text: str) -> list[tuple[str, str]]:
    """Dates in `text` as (canonical key, surface): 'month:11', 'weekday:friday', 'year:2024'."""
    return [(key, surface) for kind, key, surface, _ in facts_in(text) if kind == "date"]


def date_kind(key: str) -> str:
    """'month', 'weekday' or 'year'."""
    return key.split(":", 1)[0]
