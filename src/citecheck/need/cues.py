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
    )
