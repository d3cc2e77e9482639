"""Does an uncited sentence need a source? With the reason a reader would give.

Facts (numbers, dates, names, reported speech) need one. So does analysis and opinion
presented as the article's own conclusion ("suggests", "indicates", "marks a strategic
effort"): uncited, it reads as unattributed analysis. Questions, heading-like
fragments, transitions and sign-offs need none.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from citecheck.fitted import LogisticModel, load_model
from citecheck.match.lexical.analyse import ClaimFacts
from citecheck.match.lexical.normalize import TOKEN, word_key
from citecheck.match.types import NeedDecision

_ANALYSIS = re.compile(
    r"\b(?:suggests?|suggesting|indicates?|indicating|signals?|signal(?:l)?ing|reflects?|"
    r"reflecting|underscores?|underlines?|highlights?|demonstrates?|illustrates?|reveals?|"
    r"implies|shows? that|points? to|is (?:attempting|trying|seeking|aiming|designed) to|"
    r"attempts? to|aims? to|intends? to|seeks? to|marks? an?\b|represents? an?\b|"
    r"appears? to|seems? to|likely|unlikely|probably|arguably|clearly|undoubtedly|"
    r"strategic|signific(?:ant|antly)|crucial|critical|pivotal|landmark|unprecedented|"
    r"views? .{0,40} as|rather than|in order to|a sign of|a desire|an effort)\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:said|says|told|according to|announced|reported|stated|claimed|confirmed|"
    r"revealed|estimated|found that|study|survey|research|data|percent|per cent)\b",
    re.IGNORECASE,
)
_TRANSITION = re.compile(
    r"^(?:in (?:conclusion|summary|short|addition|other words)|to (?:summarize|sum up|conclude)|"
    r"overall|however|furthermore|moreover|for example|for instance|here (?:are|is)|"
    r"let(?:'s| us)|see (?:also|below|above)|note that|read more|click|subscribe|"
    r"thanks?|thank you|i hope|hope this|good luck)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(
    r"^(?:i|we|you)\b|\b(?:i think|i believe|in my (?:opinion|view))\b", re.I
)


_HEDGES = frozenset(
    [
        "may",
        "might",
        "could",
        "can",
        "should",
        "would",
        "often",
        "generally",
        "typically",
        "usually",
        "commonly",
        "sometimes",
        "frequently",
        "potentially",
        "possibly",
    ]
)
_FIRST = frozenset(["i", "we", "our", "my", "us", "me", "ours"])
_SECOND = frozenset(["you", "your", "yours", "yourself"])
_PAST = frozenset(["was", "were", "had", "did"])
_PRESENT = frozenset(["is", "are", "has", "have", "does", "do"])
_SUPERLATIVE = frozenset(
    ["most", "least", "first", "last", "only", "largest", "biggest", "best", "worst"]
)
_DEMONSTRATIVE = frozenset(["this", "these", "that", "those", "it", "they", "such"])
_CONNECTIVE = frozenset(
    [
        "however",
        "additionally",
        "furthermore",
        "moreover",
        "also",
        "overall",
        "therefore",
        "thus",
        "finally",
        "similarly",
        "consequently",
        "instead",
    ]
)

#: The inputs of the need model, in the order `need_model.json` names them.
NEED_FEATURES: tuple[str, ...] = (
    "log_len",
    "items",
    "numbers",
    "years",
    "dates",
    "names",
    "name_share",
    "quote",
    "reported",
    "analysis",
    "hedges",
    "first_person",
    "second_person",
    "past",
    "present",
    "superlative",
    "mean_rarity",
    "max_rarity",
    "context_empty",
    "parenthesis",
    "colon_head",
    "starts_demonstrative",
    "starts_connective",
    "money_or_percent",
    "narrative_present",
    "context_narrative_present",
    "context_digits",
    "digits",
    "starts_pronoun",
    "context_overlap",
    "speech_pronoun",
)

_SUBJECTS = frozenset(["he", "she", "it", "they", "also", "then", "who", "which", "and"])
_PRONOUN_START = frozenset(["he", "she", "they", "his", "her", "their", "him", "them"])


def _narrative_present(tokens: list[str], skip: frozenset[str] = frozenset()) -> float:
    """Present-tense narration ("Elizabeth admits", "she persuades him"): plot summaries."""
    count = 0
    for before, word in itertools.pairwise(tokens):
        if (
            word.lower() not in skip
            and len(word) > 3
            and word.endswith("s")
            and word.islower()
            and (before[:1].isupper() or before.lower() in _SUBJECTS)
            and word_key(word) != word
            and not word.endswith(("ss", "us", "is"))
        ):
            count += 1
    return float(count)


@dataclass(frozen=True, slots=True)
class NeedSignals:
    """The cues behind a decision, kept for its reason."""

    exempt: bool  # a question, fragment, transition or too little content
    analysis: str | None  # the cue that makes it read as analysis
    specific: str | None  # the number, date or name that makes it a checkable fact
    reported: bool
    attributed: str | None  # a named speaker whose words or views the sentence reports
    quantity: str | None  # a number the sentence states (not a year)
    narrated: bool  # present-tense narration of events ("Homer befriends him"): a plot summary
    money: bool  # an amount of money or a percentage

    @property
    def figure_needs_source(self) -> bool:
        """A figure always needs a source, except a count in a plot summary ("finds 3
        bodies"), which the work itself attests; money and percentages always do."""
        return self.quantity is not None and (self.money or not self.narrated)

    @property
    def forced(self) -> bool:
        """Needs a source whatever the model says: analysis or a named person's view
        (unless narrated as a plot event: "he reveals that ..."), or a figure."""
        views = (self.analysis is not None or self.attributed is not None) and not self.narrated
        return views or self.figure_needs_source


def signals(text: str, facts: ClaimFacts) -> NeedSignals:
    stripped = text.strip()
    words = stripped.split()
    analysis = _ANALYSIS.search(stripped)
    specific = next((i.surface for i in facts.items if i.kind in ("number", "date", "name")), None)
    question = stripped.endswith("?")
    fragment = stripped[-1:] not in ".!\"'”’)…" and len(words) <= 10 if stripped else True
    transition = bool(_TRANSITION.match(stripped)) and len(words) <= 8 and specific is None
    return NeedSignals(
        exempt=not stripped or question or fragment or transition or len(facts.items) < 3,
        analysis=analysis.group(0) if analysis else None,
        specific=specific,
        reported=bool(_REPORTED.search(stripped)),
        attributed=_attribution(facts, stripped),
        quantity=next((i.surface for i in facts.items if i.kind == "number"), None),
        narrated=_narrative_present(TOKEN.findall(stripped), _NOT_NARRATION) > 0,
        money=_MONEY.search(stripped) is not None,
    )


#: Present-tense verbs that report a view or analyse ("Lee hopes", "the deal signals"):
#: not narration, so they never make a sentence read as a plot summary.
_NOT_NARRATION = frozenset(
    [
        "says",
        "hopes",
        "believes",
        "expects",
        "claims",
        "thinks",
        "argues",
        "warns",
        "urges",
        "pledges",
        "vows",
        "insists",
        "suggests",
        "indicates",
        "signals",
        "reflects",
        "underscores",
        "underlines",
        "highlights",
        "demonstrates",
        "illustrates",
        "reveals",
        "implies",
        "shows",
        "points",
        "marks",
        "represents",
        "appears",
        "seems",
        "attempts",
        "aims",
        "intends",
        "seeks",
        "views",
    ]
)


_MONEY = re.compile(r"[%$€£¥]|\b(?:percent|per cent|dollars?|euros?|pounds?)\b", re.I)


_STANCE = re.compile(
    r"\b(?:hopes|said|says|believes|expects|claimed|claims|announced|told reporters|"
    r"urged|warned|pledged|vowed|called for|according to)\b"
)


def _attribution(facts: ClaimFacts, text: str) -> str | None:
    """The name of whoever the sentence quotes or reports ("Lee hopes ...", "Smith said")."""
    stance = _STANCE.search(text)
    if stance is None:
        return None
    before = text[: stance.start()]
    names = [i.surface for i in facts.items if i.kind == "name" and i.surface in before]
    return names[-1] if names else None


_SPEECH = re.compile(
    r"^(?:he|she|they|it|we)\s+(?:also\s+)?(?:said|says|added|adds|explained|noted|argued|"
    r"wrote|writes|stated|told|believes|believed|thinks|thought|claimed|claims|recalled)\b",
    re.IGNORECASE,
)


def _context_cues(text: str, context: str, facts: ClaimFacts) -> dict[str, float]:
    """A sentence that continues the one before it ("it" of the same topic) or reports
    what "he" or "she" said leans on the source the context already needs."""
    keys = {word_key(w) for w in TOKEN.findall(context[-300:])}
    own = [i.key for i in facts.items if i.kind in ("word", "name")]
    return {
        "context_overlap": sum(k in keys for k in own) / len(own) if own else 0.0,
        "speech_pronoun": float(_SPEECH.match(text.strip()) is not None),
    }


def need_features(text: str, context: str, facts: ClaimFacts) -> dict[str, float]:
    """What the need model weighs; every value finite."""
    tokens = TOKEN.findall(text)
    low = [t.lower() for t in tokens]
    n = max(1, len(tokens))
    words = [i for i in facts.items if i.kind == "word"]
    names = sum(i.kind == "name" for i in facts.items)
    head = text[:60]
    first = low[0] if low else ""
    return {
        "log_len": math.log1p(len(tokens)),
        "items": float(len(facts.items)),
        "numbers": float(sum(i.kind == "number" for i in facts.items)),
        "years": float(sum(i.kind == "date" and i.key.startswith("year:") for i in facts.items)),
        "dates": float(
            sum(i.kind == "date" and not i.key.startswith("year:") for i in facts.items)
        ),
        "names": math.log1p(names),
        "name_share": names / max(1, len(facts.items)),
        "quote": float(any(q in text for q in ('"', "“", "”"))),
        "reported": float(_REPORTED.search(text) is not None),
        "analysis": float(_ANALYSIS.search(text) is not None),
        "hedges": sum(w in _HEDGES for w in low) / n,
        "first_person": float(any(w in _FIRST for w in low)),
        "second_person": float(any(w in _SECOND for w in low)),
        "past": (sum(w in _PAST for w in low) + sum(w.endswith("ed") and len(w) > 4 for w in low))
        / n,
        "present": sum(w in _PRESENT for w in low) / n,
        "superlative": float(
            any(w in _SUPERLATIVE or (w.endswith("est") and len(w) > 5) for w in low)
        ),
        "mean_rarity": sum(i.weight for i in words) / len(words) if words else 0.0,
        "max_rarity": max((i.weight for i in words), default=0.0),
        "context_empty": float(not context.strip()),
        "parenthesis": float("(" in text),
        "colon_head": float(":" in head and len(head.split(":", 1)[0].split()) <= 6),
        "starts_demonstrative": float(first in _DEMONSTRATIVE),
        "starts_connective": float(first in _CONNECTIVE),
        "money_or_percent": float(any(c in text for c in "%$€£") or "percent" in low),
        "narrative_present": _narrative_present(tokens),
        "context_narrative_present": _narrative_present(TOKEN.findall(context[-300:])),
        "context_digits": float(any(c.isdigit() for c in context[-300:])),
        "digits": float(any(c.isdigit() for c in text)),
        "starts_pronoun": float(first in _PRONOUN_START),
        **_context_cues(text, context, facts),
    }


def default_need_model() -> LogisticModel:
    """The shipped coefficients (`citecheck/match/need_model.json`)."""
    return load_model("citecheck.need", "need_model.json")


def decide(
    text: str, context: str, facts: ClaimFacts, model: LogisticModel | None = None
) -> NeedDecision:
    """Whether `text` needs a citation, with a score in [0, 1] and the reason.

    Questions, fragments and transitions never do; analysis always does (uncited, it
    reads as the article's own unattributed conclusion); otherwise the need model decides.
    """
    s = signals(text, facts)
    if s.exempt:
        return NeedDecision(needs_citation=False, score=0.0, statement=False)
    model = model or default_need_model()
    score = model.score(need_features(text, context, facts))
    if s.attributed and not s.narrated:
        return NeedDecision(
            needs_citation=True,
            score=max(score, model.thresholds["needs"]),
            reason=f"reports what '{s.attributed}' said or thinks but cites no source",
        )
    if s.analysis and not s.narrated:
        return NeedDecision(
            needs_citation=True,
            score=max(score, model.thresholds["needs"]),
            reason=f"reads as unattributed analysis ('{s.analysis}'): attribute or cite it",
        )
    if s.quantity and s.figure_needs_source:
        return NeedDecision(
            needs_citation=True,
            score=max(score, model.thresholds["needs"]),
            reason=f"states a figure ('{s.quantity}') but cites no source",
        )
    if score < model.thresholds["needs"]:
        return NeedDecision(needs_citation=False, score=score)
    if s.specific or s.reported:
        what = f"'{s.specific}'" if s.specific else "reported facts"
        return NeedDecision(
            needs_citation=True, score=score, reason=f"states a fact ({what}) but cites no source"
        )
    return NeedDecision(needs_citation=True, score=score)
