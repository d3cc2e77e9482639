"""The `docs` profile: technical documentation is not news.

A definition ("A token is a string that identifies a session."), a procedure step
("Run the installer.", "Step 3: …"), or the authors' own plans ("We plan to add
caching.") need no source, and numbers that name a version or a part ("OAuth 2.0",
"Python 3.11", "Steps 7 and 8") are not figures. `DocsRules` says which exemption a
sentence has and hides those numbers before the need decision reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from citecheck.lang import Language
from citecheck.reasons import reason
from citecheck.report import Reason

__all__ = ["DocsRules", "docs_rules"]

_NUMBER = r"v?\d+(?:\.\d+)*[a-z]?"
#: A product or protocol named with a number: mixed case or an acronym ("OAuth 2.0", "HTTP/2").
_NAMED = re.compile(
    r"(?P<name>\b(?:[A-Z][a-z]*[A-Z]|[A-Z]{2,}|[a-z]+[A-Z])[\w+#]*)[ /]v?\d+(?:\.\d+)*\b"
)
#: A dotted version ("2.0", "v3.11.2", "1.2.0-rc1"), not a decimal figure ("3.5 percent").
_DOTTED = re.compile(r"(?<![\w.])v?\d+(?:\.\d+)+(?:-[0-9A-Za-z.]+)?\b(?!\s*(?:%|percent|per cent))")
_V_NUMBER = re.compile(r"\bv\d+\b")
_SPACES = re.compile(r"[ \t]{2,}")


@dataclass(frozen=True, slots=True)
class DocsRules:
    """A language's `docs` cues, compiled."""

    definition: re.Pattern[str]
    step: re.Pattern[str]
    plan: re.Pattern[str]
    parts: re.Pattern[str]  # "Steps 7 and 8", "section 2.1": the numbers name parts

    def exemption(self, text: str) -> Reason | None:
        """Why a sentence of documentation needs no source, if it needs none."""
        stripped = text.strip()
        if self.plan.search(stripped):
            return reason("exempt_plan")
        if self.step.match(stripped):
            return reason("exempt_procedure")
        if self.definition.match(stripped):
            return reason("exempt_definition")
        return None

    def hide_numbers(self, text: str) -> str:
        """`text` without version and part numbers ("OAuth 2.0" → "OAuth", "Steps 7 and 8"
        → "Steps"), so that they count as neither figures nor facts."""
        text = self.parts.sub(lambda m: m.group("part"), text)
        text = _NAMED.sub(lambda m: m.group("name"), text)
        text = _V_NUMBER.sub("", _DOTTED.sub("", text))
        return _SPACES.sub(" ", text)


@cache
def docs_rules(language: Language) -> DocsRules | None:
    """The `docs` rules of `language` (None if it has no docs cues)."""
    need = language.need
    if not need.docs_definitions:
        return None
    verbs = "|".join(sorted(need.docs_step_verbs, key=lambda w: (-len(w), w)))
    openers = "|".join(need.docs_step_openers)
    parts = "|".join(need.docs_numbered_parts)
    return DocsRules(
        definition=re.compile("|".join(need.docs_definitions), re.IGNORECASE),
        # An imperative opens a step ("Run the installer"), not a subject ("Set is a type").
        step=re.compile(rf"(?:(?:{verbs})\b(?!\s+(?:is|are|was|were)\b)|(?:{openers}))", re.I),
        plan=re.compile("|".join(need.docs_plans), re.IGNORECASE),
        parts=re.compile(
            rf"(?P<part>\b(?:{parts}))\s+{_NUMBER}(?:\s*(?:,|and|or|to|through|-|–)\s*{_NUMBER})*\b",
            re.IGNORECASE,
        ),
    )
