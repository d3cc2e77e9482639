"""A language's need cues compiled once: the patterns `signals` and `features` search for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from citecheck.lang import Language


def _any(phrases: tuple[str, ...] | list[str]) -> str:
    return "|".join(phrases)


@dataclass(frozen=True, slots=True)
class Cues:
    """Compiled patterns and word sets of one language's citation-need cues."""

    language: Language
    analysis: re.Pattern[str]
    reported: re.Pattern[str]
    stance: re.Pattern[str]  # case-sensitive: "Lee hopes", not "HOPES"
    transition: re.Pattern[str]
    speech: re.Pattern[str]
    money: re.Pattern[str]
    # "Police said", "the company expects": an unnamed speaker before one of `generic_verbs`
    # (the pattern ends at the verb: it is searched only just before each such verb).
    generic: re.Pattern[str] | None
    generic_verbs: frozenset[str]
    own_reporting: re.Pattern[str] | None  # "we reviewed", "our analysis": the article's own
    speaker_gap: re.Pattern[str]  # adverbs that may stand between a speaker and its verb


@cache
def compile_cues(language: Language) -> Cues:
    """The cues of `language`, compiled (once per language and process)."""
    need = language.need
    pronouns = _any(list(need.speech_pronouns))
    speech_verbs = _any(sorted(need.speech_after_pronoun))
    money = _any(list(need.money_words))
    return Cues(
        language=language,
        analysis=re.compile(rf"\b(?:{_any(need.analysis)})\b", re.IGNORECASE),
        reported=re.compile(rf"\b(?:{_any(need.reported)})\b", re.IGNORECASE),
        stance=re.compile(rf"\b(?:{_any(need.stance)})\b"),
        transition=re.compile(rf"^(?:{_any(need.transitions)})\b", re.IGNORECASE),
        speech=re.compile(rf"^(?:{pronouns})\s+(?:also\s+)?(?:{speech_verbs})\b", re.IGNORECASE),
        money=re.compile(
            rf"[{re.escape(need.money_symbols)}]|\b(?:{money})\b",
            re.IGNORECASE,
        ),
        generic=_generic_speaker(language),
        generic_verbs=frozenset(
            w.lower() for w in language.need.generic_speech_verbs | language.need.quote_verbs
        ),
        own_reporting=(
            re.compile(_any(need.own_reporting), re.IGNORECASE) if need.own_reporting else None
        ),
        speaker_gap=re.compile(rf"(?:\s+(?:{_words(need.speaker_adverbs)}))*\s*\Z", re.I),
    )


def _words(words: frozenset[str]) -> str:
    """Words as one alternation, longest first, escaped (never empty: `(?!)` matches nothing)."""
    return _any([re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))]) or "(?!)"


def _generic_speaker(language: Language) -> re.Pattern[str] | None:
    """An unnamed speaker as the subject of a speech or view verb ("Analysts expect").

    Groups: `speaker` (with its determiner, as written), its `noun`, `verb`, and
    `quoting` when the verb attributes words only before a quotation ("called the vote
    'a turning point'").
    """
    need = language.need
    if not need.generic_speakers:
        return None
    qualifier = (
        rf"(?:\s+(?:{_any(need.speaker_qualifiers)})\s+(?:the\s+|a\s+|an\s+)?[\w-]+"
        rf"(?:\s+[\w-]+){{0,2}}?,?)?"
        if need.speaker_qualifiers
        else ""
    )
    return re.compile(
        rf"(?<![\w'’\-])(?P<speaker>(?:(?:{_words(need.speaker_determiners)})\s+)?"
        rf"(?P<noun>{_words(need.generic_speakers)})){qualifier}"
        rf"(?:\s+(?:{_words(need.speaker_adverbs)})){{0,2}}\s+"
        rf"(?:(?P<verb>{_words(need.generic_speech_verbs)})|(?P<quoting>{_words(need.quote_verbs)}))"
        rf"\Z",
        re.IGNORECASE,
    )
