"""The contradiction checks' word lists, turned into word keys once per `Lexicon`.

`Language.contrast` holds plain words ("rose", "criticise"); the checks compare word keys
(lemma, US spelling), so every list is mapped through the lexicon here, once, and the
checks look words up in sets and dicts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from citecheck.match.lexical.normalize import Lexicon

#: Modal auxiliaries: compared as written, never through their lemma.
_MODALS = frozenset({"may", "might", "could", "can", "will", "would", "shall", "should", "must"})


class Vocab:
    """Keyed word lists of the contradiction checks for one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        words = lexicon.language.contrast
        self.lexicon = lexicon

        def keys(items: Iterable[str]) -> frozenset[str]:
            out: set[str] = set()
            for item in items:
                out.add(item)
                if item not in _MODALS:  # "could" is not "can"
                    out.add(lexicon.word_key(item))
            return frozenset(out)

        self.negations = frozenset(words.negations)
        self.negative_verbs = keys(words.negative_verbs)
        self.negative_with_to = keys(words.negative_with_to)
        self.negation_phrases = words.negation_phrases
        self.negating_prefixes = words.negating_prefixes
        self.direction: dict[str, set[tuple[str, int]]] = {}
        for axis, up, down in words.direction_axes:
            for side, group in ((0, up), (1, down)):
                for word in group:
                    for key in {word, lexicon.word_key(word)}:
                        self.direction.setdefault(key, set()).add((axis, side))
        self.places: dict[str, tuple[str, int]] = {}
        for a, b in words.place_pairs:
            self.places[a] = (f"{a}/{b}", 0)
            self.places[b] = (f"{a}/{b}", 1)
        self.possible = keys(words.possible)
        self.modal_hedges = frozenset(words.modal_hedges)
        self.planned = keys(words.planned)
        self.hedges = self.possible | self.planned
        self.hedge_phrases = words.hedge_phrases
        self.future = frozenset(words.future)
        self.certain = keys(words.certain)
        self.report = keys(words.report)
        self.tentative = keys(words.tentative)
        self.done = keys(words.done)
        self.perfect = frozenset(words.perfect_auxiliaries)
        self.past_aux = frozenset(words.past_auxiliaries)
        self.fillers = frozenset(words.auxiliary_fillers)
        self.irregular_past = frozenset(words.irregular_past)
        self.quantifiers = dict(words.quantifiers)
        self.quantifier_phrases = dict(words.quantifier_phrases)
        self.quantifier_counts = dict(words.quantifier_counts)
        self.role_nouns = keys(words.role_nouns)
        self.jurisdictions = keys(words.jurisdictions)
        self.speech_verbs = keys(words.speech_verbs)
        self.relative_words = frozenset(words.relative_words)
        self.pronouns = frozenset(words.pronouns)
        self.currency_words = dict(words.currency_words)
        self.currency_symbols = dict(words.currency_symbols)
        self.units = dict(words.units)
        self.period_words = dict(words.period_words)
        self.period_adjectives = dict(words.period_adjectives)
        self.bounds = dict(words.bounds)
        self.bound_lengths = sorted({len(b) for b in self.bounds}, reverse=True)
        self.fractions = dict(words.fraction_words)
        self.multiples = dict(words.multiples)
        self.a_scales = frozenset(words.a_scales)
        self.plain_scales = frozenset(lexicon.language.scale_words)  # no abbreviations
        self.ordinals = dict(words.ordinal_words)
        self.ordinal_if_next = dict(words.ordinal_if_next)
        self.tally_cues = frozenset(words.tally_cues)
        self.relative_dates = dict(words.relative_dates)
        self.relative_lengths = sorted({len(r) for r in self.relative_dates}, reverse=True)
        self.ago_words = frozenset(words.ago_words)
        self.seasons = frozenset(words.seasons)
        self.record_words = frozenset(words.record_words)
        self.cause_words = frozenset(words.cause_words)
        self.number_words = {w: float(v) for w, v in lexicon.language.number_words.items()}
        self.scale_words = {
            **{w: float(v) for w, v in lexicon.language.scale_words.items()},
            **{w: float(v) for w, v in lexicon.language.scale_abbreviations.items()},
        }
        self.months = dict(lexicon.language.months) | dict(lexicon.language.month_abbreviations)
        self.ambiguous_months = lexicon.language.ambiguous_months
        self.weekdays = {d: d for d in lexicon.language.weekdays} | {
            d[:3]: d for d in lexicon.language.weekdays
        }
        self.percent_words = tuple(tuple(p.split()) for p in lexicon.language.percent_words)
        # first words of the phrases, to look phrases up only where one may start
        self.fraction_starts = frozenset(words[0] for words in self.fractions)
        self.fractions_by_length = sorted(self.fractions.items(), key=lambda t: -len(t[0]))
        self.relative_starts = frozenset(words[0] for words in self.relative_dates)
        self.quantifier_phrase_starts = frozenset(w[0] for w in self.quantifier_phrases)
        self.quantifier_phrases_by_length = sorted(
            self.quantifier_phrases.items(), key=lambda t: -len(t[0])
        )
        self.ordinal_words = frozenset(self.ordinals)
        self.hedge_phrase_words = frozenset(w for phrase in self.hedge_phrases for w in phrase)

    def figure_trigger(self, extra: Iterable[str]) -> re.Pattern[str]:
        """A pattern that finds where a figure may start in a text (a digit, a currency
        sign, a number, month, weekday, ordinal, fraction or period word): a text without
        a match holds no figure, and need not be tokenised to look for one."""
        words = {
            *self.number_words,
            *self.months,
            *self.weekdays,
            *self.relative_starts,
            *self.fraction_starts,
            *self.ordinal_words,
            *self.period_words,
            *self.units,
            *self.scale_words,
            *extra,
        }
        alternatives = "|".join(sorted((re.escape(w) for w in words if w), key=len, reverse=True))
        symbols = "".join(re.escape(c) for c in self.currency_symbols)
        return re.compile(rf"[0-9{symbols}]|\b(?:{alternatives})\b", re.IGNORECASE)

    def sides(self, key: str) -> set[tuple[str, int]]:
        """The (axis, side) pairs of a word key: "rise" -> {("amount", 0)}."""
        return self.direction.get(key, set())


@cache
def vocab_for(lexicon: Lexicon) -> Vocab:
    """The keyed lists of a lexicon (built once per lexicon)."""
    return Vocab(lexicon)
