"""The cues behind a citation-need decision, read off one sentence.

Facts (numbers, dates, names, reported speech) need a source; so does analysis
presented as the article's own conclusion. Questions, heading-like fragments,
transitions and sign-offs need none. `signals` says which of these a sentence shows;
`decide` turns them into a decision.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from citecheck.match.lexical.analyse import ClaimFacts
from citecheck.match.lexical.normalize import TOKEN, Lexicon
from citecheck.need.cues import Cues

#: A sentence with fewer content items than this states nothing checkable.
MIN_ITEMS = 3
#: An unpunctuated sentence of at most this many words is a fragment (a label, a caption).
FRAGMENT_WORDS = 10
#: A transition ("However, …") of at most this many words says nothing of its own.
TRANSITION_WORDS = 8
#: Sentence-final characters: without one, a short sentence reads as a fragment.
CLOSERS = ".!\"'”’)…"


def narrative_present(tokens: list[str], cues: Cues, lexicon: Lexicon, skip: bool = False) -> float:
    """Present-tense narration ("Elizabeth admits", "she persuades him"): plot summaries.

    With `skip`, verbs that report a view or analyse ("hopes", "signals") do not count.
    """
    subjects = cues.language.need.narration_subjects
    skipped = cues.language.need.not_narration if skip else frozenset()
    count = 0
    for before, word in itertools.pairwise(tokens):
        if (
            word.lower() not in skipped
            and len(word) > 3
            and word.endswith("s")
            and word.islower()
            and (before[:1].isupper() or before.lower() in subjects)
            and lexicon.word_key(word) != word
            and not word.endswith(("ss", "us", "is"))
        ):
            count += 1
    return float(count)


@dataclass(frozen=True, slots=True)
class NeedSignals:
    """The cues behind a decision, kept for its reason."""

    question: bool
    fragment: bool
    transition: bool
    too_short: bool  # fewer than MIN_ITEMS content items
    analysis: str | None  # the cue that makes it read as analysis
    specific: str | None  # the number, date or name that makes it a checkable fact
    reported: bool
    attributed: str | None  # a named speaker whose words or views the sentence reports
    quantity: str | None  # a number the sentence states (not a year)
    narrated: bool  # present-tense narration of events ("Homer befriends him"): a plot summary
    money: bool  # an amount of money or a percentage
    generic_speaker: str | None = None  # an unnamed speaker, as written ("Police", "the mayor")
    own_reporting: bool = False  # the article's own reporting ("we reviewed", "our analysis")

    @property
    def exempt(self) -> bool:
        """Not a statement at all: a question, fragment, transition or too little content."""
        return self.question or self.fragment or self.transition or self.too_short

    @property
    def figure_needs_source(self) -> bool:
        """A figure always needs a source, except a count in a plot summary ("finds 3
        bodies"), which the work itself attests; money and percentages always do."""
        return self.quantity is not None and (self.money or not self.narrated)


def signals(text: str, facts: ClaimFacts, cues: Cues, lexicon: Lexicon) -> NeedSignals:
    """What one sentence shows: the cues `decide` weighs."""
    stripped = text.strip()
    words = stripped.split()
    analysis = cues.analysis.search(stripped)
    specific = next((i.surface for i in facts.items if i.kind in ("number", "date", "name")), None)
    question = stripped.endswith("?")
    fragment = stripped[-1:] not in CLOSERS and len(words) <= FRAGMENT_WORDS if stripped else True
    transition = (
        bool(cues.transition.match(stripped))
        and len(words) <= TRANSITION_WORDS
        and specific is None
    )
    return NeedSignals(
        question=question,
        fragment=fragment,
        transition=transition,
        too_short=len(facts.items) < MIN_ITEMS,
        analysis=analysis.group(0) if analysis else None,
        specific=specific,
        reported=bool(cues.reported.search(stripped)),
        attributed=attribution(facts, stripped, cues),
        quantity=next((i.surface for i in facts.items if i.kind == "number"), None),
        narrated=narrative_present(TOKEN.findall(stripped), cues, lexicon, skip=True) > 0,
        money=cues.money.search(stripped) is not None,
        generic_speaker=generic_attribution(stripped, cues),
        own_reporting=cues.own_reporting is not None
        and cues.own_reporting.search(stripped) is not None,
    )


def attribution(facts: ClaimFacts, text: str, cues: Cues) -> str | None:
    """The name of whoever the sentence quotes or reports ("Lee hopes ...", "Smith said").

    Things are not speakers: a word the language lists as one ("the ID says") never is,
    and an acronym is one only as the verb's subject ("the WHO said", not "the WHO
    report, officials said").
    """
    stance = cues.stance.search(text)
    if stance is None:
        return None
    before = text[: stance.start()]
    names = [
        i.surface
        for i in facts.items
        if i.kind == "name" and i.surface in before and _speaker(i.surface, before, cues)
    ]
    return names[-1] if names else None


def _speaker(name: str, before: str, cues: Cues) -> bool:
    if name in cues.language.need.not_speakers:
        return False
    if not (name.isupper() and " " not in name):
        return True
    at = before.rfind(name)
    return cues.speaker_gap.match(before, at + len(name)) is not None


#: How far before its verb an unnamed speaker may start ("people familiar with the talks").
SPEAKER_WINDOW = 120
_WORD = re.compile(r"[^\W\d_]+")

#: A quotation opening after a "called …" verb: a quote mark at a word's start.
_QUOTATION = re.compile(r"(?:^|[\s(])[\"“‘']|[\"“”]")


def generic_attribution(text: str, cues: Cues) -> str | None:
    """The unnamed speaker whose words or views the sentence reports, as written.

    "Police said …", "Analysts expect …", "…, critics say.", "The mayor called the vote
    'a turning point.'" (a "called" verb counts only before a quotation).
    """
    if cues.generic is None:
        return None
    need = cues.language.need
    for word in _WORD.finditer(text):  # one pass over the words; the pattern only near verbs
        if word.group().lower() not in cues.generic_verbs:
            continue
        found = cues.generic.search(text, max(0, word.start() - SPEAKER_WINDOW), word.end())
        if found is None:
            continue
        if found.group("quoting") is not None and not _QUOTATION.search(text, found.end()):
            continue
        verb = (found.group("verb") or "").lower()
        if found.group("noun").lower() in need.quantifier_speakers and verb in need.noun_like_verbs:
            continue  # "some states", "many reports": a noun phrase, not speech
        return found.group("speaker")
    return None
