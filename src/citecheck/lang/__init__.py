"""Language data: every word list a stage needs, gathered in one `Language` record.

Stages never import word lists directly; they receive a `Language` (from
`get_language(code)`) and read what they need from it, so a second language is a
second data folder (`lang/<code>/`) and an entry in the registry, not an edit to
the algorithms. Languages beyond the built-in ones can be added by other packages
through the entry-point group `citecheck.languages` (each entry point names a
`Language` object).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import entry_points

from citecheck.errors import InvalidOptionsError

__all__ = [
    "BoilerplateWords",
    "ContrastWords",
    "Language",
    "NeedCues",
    "SplitterWords",
    "available_languages",
    "get_language",
]

ENTRY_POINT_GROUP = "citecheck.languages"


@dataclass(frozen=True, slots=True)
class SplitterWords:
    """Abbreviations and starters that sentence boundaries depend on (`parse/sentences.py`)."""

    titles: frozenset[str]
    never_final: frozenset[str]
    number_labels: frozenset[str]
    ambiguous: frozenset[str]
    starters: frozenset[str]


@dataclass(frozen=True, slots=True)
class NeedCues:
    """Cues of the citation-need decision (`need/`): phrases are regex alternatives."""

    analysis: tuple[str, ...]
    reported: tuple[str, ...]
    stance: tuple[str, ...]
    transitions: tuple[str, ...]
    speech_pronouns: tuple[str, ...]
    speech_after_pronoun: frozenset[str]
    money_symbols: str
    money_words: tuple[str, ...]
    hedges: frozenset[str]
    first_person: frozenset[str]
    second_person: frozenset[str]
    past_auxiliaries: frozenset[str]
    present_auxiliaries: frozenset[str]
    superlatives: frozenset[str]
    demonstratives: frozenset[str]
    connectives: frozenset[str]
    narration_subjects: frozenset[str]
    pronoun_starts: frozenset[str]
    not_narration: frozenset[str]
    # Unnamed speakers ("Police said"), non-speakers ("the ID says") and the article's own
    # reporting ("we reviewed"); empty for languages that do not provide them.
    generic_speakers: frozenset[str] = frozenset()
    speaker_determiners: frozenset[str] = frozenset()
    generic_speech_verbs: frozenset[str] = frozenset()
    quote_verbs: frozenset[str] = frozenset()
    speaker_adverbs: frozenset[str] = frozenset()
    speaker_qualifiers: tuple[str, ...] = ()
    quantifier_speakers: frozenset[str] = frozenset()
    noun_like_verbs: frozenset[str] = frozenset()
    not_speakers: frozenset[str] = frozenset()
    own_reporting: tuple[str, ...] = ()
    # The `docs` profile: definitions, procedure steps, plans, numbered parts.
    docs_definitions: tuple[str, ...] = ()
    docs_step_verbs: frozenset[str] = frozenset()
    docs_step_openers: tuple[str, ...] = ()
    docs_plans: tuple[str, ...] = ()
    docs_numbered_parts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BoilerplateWords:
    """Page furniture in plain-text sources (`sources/plain_text.py`): menus, cookie notices.

    Phrases are regular-expression alternatives matched case-insensitively; word sets
    are lower case. Empty lists turn the clean-up off for a language.
    """

    title_labels: tuple[str, ...] = ()  # "TITLE:" lines at the top name the source
    navigation: frozenset[str] = frozenset()  # words of menu lines ("home", "sport", "login")
    phrases: tuple[str, ...] = ()  # whole short lines ("Share this article", "Advertisement")
    cookie: tuple[str, ...] = ()  # cookie and consent notices
    copyright: tuple[str, ...] = ()  # "© 2024 …", "All rights reserved"


@dataclass(frozen=True, slots=True)
class ContrastWords:
    """Words of the contradiction checks (`match/lexical/contrast/`): polarity, direction,
    modality, quantifiers, roles, quantities and added content. Words are plain forms (the
    matcher turns them into word keys); phrases are tuples of lower-case words."""

    negations: frozenset[str]
    negative_verbs: frozenset[str]
    negative_with_to: frozenset[str]
    negation_phrases: tuple[tuple[str, ...], ...]
    negating_prefixes: tuple[str, ...]
    direction_axes: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
    place_pairs: tuple[tuple[str, str], ...]
    possible: frozenset[str]
    modal_hedges: frozenset[str]
    planned: frozenset[str]
    hedge_phrases: tuple[tuple[str, ...], ...]
    future: frozenset[str]
    certain: frozenset[str]
    report: frozenset[str]
    tentative: frozenset[str]
    done: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    past_auxiliaries: frozenset[str]
    auxiliary_fillers: frozenset[str]
    irregular_past: frozenset[str]
    quantifiers: Mapping[str, tuple[float, float, bool, bool]]
    quantifier_phrases: Mapping[tuple[str, ...], tuple[float, float, bool, bool]]
    quantifier_counts: Mapping[str, tuple[float, float]]
    role_nouns: frozenset[str]
    jurisdictions: frozenset[str]
    speech_verbs: frozenset[str]
    relative_words: frozenset[str]
    pronouns: frozenset[str]
    currency_words: Mapping[str, str]
    currency_symbols: Mapping[str, str]
    units: Mapping[str, tuple[str, float]]
    period_words: Mapping[str, str]
    period_adjectives: Mapping[str, str]
    bounds: Mapping[tuple[str, ...], str]
    fraction_words: Mapping[tuple[str, ...], float]
    multiples: Mapping[str, float]
    a_scales: frozenset[str]
    ordinal_words: Mapping[str, int]
    ordinal_if_next: Mapping[str, frozenset[str]]
    tally_cues: frozenset[str]
    relative_dates: Mapping[tuple[str, ...], tuple[str, int]]
    ago_words: frozenset[str]
    seasons: frozenset[str]
    record_words: frozenset[str]
    cause_words: frozenset[str]


@dataclass(frozen=True, slots=True, eq=False)
class Language:
    """Everything citecheck knows about one language, as plain data (compared by identity)."""

    code: str  # the code users select it by ("en")
    spacy_code: str  # `spacy.blank(spacy_code)` tokenises and lemmatises it
    wordfreq_code: str  # word rarity comes from `wordfreq.zipf_frequency(word, code)`
    stop_words: frozenset[str]
    negations: frozenset[str]
    speech_verbs: frozenset[str]
    view_verbs: frozenset[str]
    attribution_openers: tuple[str, ...]  # regex phrases: "according to"
    name_joiners: tuple[str, ...]
    articles: tuple[str, ...]
    clause_words: frozenset[str]
    months: Mapping[str, int]
    ambiguous_months: frozenset[str]
    month_abbreviations: Mapping[str, int]
    weekdays: tuple[str, ...]
    number_words: Mapping[str, int]
    weak_number_words: frozenset[str]
    scale_words: Mapping[str, float]
    scale_abbreviations: Mapping[str, float]
    percent_words: tuple[str, ...]
    antonym_pairs: tuple[tuple[str, str], ...]
    spelling_variants: Mapping[str, str]
    spelling_suffixes: tuple[tuple[str, str], ...]
    synonyms: Mapping[str, tuple[str, ...]]
    reference_titles: tuple[str, ...]
    splitter: SplitterWords
    need: NeedCues
    contrast: ContrastWords
    boilerplate: BoilerplateWords = field(default_factory=BoilerplateWords)
    antonyms: Mapping[str, frozenset[str]] = field(init=False)

    def __post_init__(self) -> None:
        opposites: dict[str, frozenset[str]] = {}
        for a, b in self.antonym_pairs:
            opposites[a] = opposites.get(a, frozenset()) | {b}
            opposites[b] = opposites.get(b, frozenset()) | {a}
        object.__setattr__(self, "antonyms", opposites)


def _builtin() -> dict[str, str]:
    """Built-in languages: code -> module holding `LANGUAGE` (imported lazily)."""
    return {"en": "citecheck.lang.en"}


def available_languages() -> list[str]:
    """Codes of the built-in languages and of those installed through entry points."""
    extra = [ep.name for ep in entry_points(group=ENTRY_POINT_GROUP)]
    return sorted({*_builtin(), *extra})


@cache
def get_language(code: str) -> Language:
    """The `Language` for `code`; `InvalidOptionsError` naming the known ones otherwise."""
    import importlib

    builtin = _builtin()
    if code in builtin:
        language = importlib.import_module(builtin[code]).LANGUAGE
    else:
        found = [ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name == code]
        if not found:
            known = ", ".join(available_languages())
            raise InvalidOptionsError(
                f"unknown language {code!r}; available: {known} (other languages are added by "
                f"packages registering the entry point group {ENTRY_POINT_GROUP!r})"
            )
        language = found[0].load()
    if not isinstance(language, Language):
        raise InvalidOptionsError(f"language {code!r} does not provide a citecheck Language")
    return language
