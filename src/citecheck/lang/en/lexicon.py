"""English words the matcher, the need decision and the parser look for, each list once.

Everything here is data: which words negate, which report speech, how months, weekdays
and number words read, which pairs of words state opposite facts. Algorithms get these
through a `citecheck.lang.Language`, so a second language is a second folder like this.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

#: Words that carry no claim content of their own (spaCy's list, plus reporting filler).
STOP_WORDS_EXTRA: tuple[str, ...] = (
    *("s", "t", "d", "ll", "ve", "re", "m"),
    *("also", "according", "said", "says", "say", "like"),
)
STOP: frozenset[str] = frozenset(STOP_WORDS) | frozenset(STOP_WORDS_EXTRA)

#: Cues that reverse what a clause states ("n't" and its leftover "t" after tokenising).
NEGATIONS: frozenset[str] = frozenset(
    {"not", "no", "never", "neither", "nor", "none", "nobody", "nothing", "n't", "t", "without"}
)

#: Verbs (and "according [to]") that attribute a statement to someone: "X said", "told".
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "noted",
        "notes",
        "wrote",
        "writes",
        "stated",
        "states",
        "announced",
        "announces",
        "confirmed",
        "confirms",
        "reported",
        "reports",
        "explained",
        "explains",
        "argued",
        "argues",
        "claimed",
        "claims",
        "recalled",
        "recalls",
        "revealed",
        "estimated",
        "according",
    }
)

#: Phrases that open an attribution after a claim ("…, according to officials").
ATTRIBUTION_OPENERS: tuple[str, ...] = (r"according\s+to",)

#: Verbs that report a view rather than words: "Lee hopes", "officials expect".
VIEW_VERBS: frozenset[str] = frozenset(
    {
        "hopes",
        "believes",
        "believed",
        "thinks",
        "thought",
        "expects",
        "urged",
        "warned",
        "pledged",
        "vowed",
    }
)

#: Words of a name that may stand between its capitalised words ("Bank of England").
NAME_JOINERS: tuple[str, ...] = ("of", "the", "for", "and", "on", "de")
#: Articles dropped when a capitalised run becomes an acronym ("the United Nations": UN).
ARTICLES: tuple[str, ...] = ("a", "an")

#: Words that open a new clause of a claim ("…, which", "and", "but").
CLAUSE_WORDS: frozenset[str] = frozenset(
    {"and", "but", "which", "who", "whom", "whose", "while", "whereas"}
)

MONTHS: dict[str, int] = {
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
#: Month names that are also common words, read as months only when capitalised.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"may", "march"})
MONTH_ABBREVIATIONS: dict[str, int] = {
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
WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

NUMBER_WORDS: dict[str, int] = {
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
#: Number words too often not a quantity on their own ("one of the", "zero-sum").
WEAK_NUMBER_WORDS: frozenset[str] = frozenset({"one", "zero"})
#: Scale words and abbreviations after a figure ("3 million", "5bn").
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
}
#: How a percentage is written after a figure.
PERCENT_WORDS: tuple[str, ...] = ("percent", "per cent")

#: Pairs of words that state opposite facts ("raised" vs "cut").
ANTONYM_PAIRS: tuple[tuple[str, str], ...] = (
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

#: Titles of a reference list ("References", "Sources", "Notes", ...).
REFERENCE_TITLES: tuple[str, ...] = (
    r"references?",
    r"sources?",
    r"notes",
    r"bibliography",
    r"footnotes",
    r"end\s?notes",
    r"works cited",
    r"citations",
    r"sources and notes",
    r"notes and references",
)
