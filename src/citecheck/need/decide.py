"""Does an uncited sentence need a source? With the reason a reader would give.

Questions, fragments and transitions never do (they are not statements), nor does
the article's own reporting ("we reviewed …"); a speaker's words or views, named
("Mayor Karen Bass said") or not ("Police said", "Analysts expect"), analysis
presented as the article's own conclusion, and figures always do (unless the
sentence narrates a plot in the present tense); otherwise the need model
(`need_model.json`, fitted by `benchmarks/fit_need.py`) decides. The `docs`
profile (`need/docs.py`) exempts definitions, procedure steps and plans, reads
version and step numbers as neither figures nor facts, and leaves counts to the
model (only money and percentages are always figures there).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from citecheck.fitted import LogisticModel, load_model
from citecheck.lang import Language
from citecheck.match.lexical.analyse import ClaimFacts, analyse_all
from citecheck.match.lexical.normalize import Lexicon
from citecheck.need.cues import Cues, compile_cues
from citecheck.need.docs import docs_rules
from citecheck.need.features import NEED_FEATURES, need_features
from citecheck.need.signals import NeedSignals, signals
from citecheck.reasons import reason
from citecheck.report import Reason

__all__ = [
    "CitationNeed",
    "NeedDecision",
    "decide",
    "default_need_model",
    "forced_reason",
    "rule_decision",
]


@dataclass(frozen=True, slots=True)
class NeedDecision:
    """Whether a sentence states something a reader would need a source for."""

    needs_citation: bool
    score: float  # in [0, 1]
    reason: Reason | None = None  # why, for the report
    statement: bool = True  # False for questions, fragments and transitions: not claims at all


def default_need_model() -> LogisticModel:
    """The shipped coefficients (`citecheck/need/need_model.json`), checked against the code."""
    return load_model("citecheck.need", "need_model.json", NEED_FEATURES)


def _not_a_statement(s: NeedSignals) -> Reason:
    if s.question:
        return reason("exempt_question")
    if s.transition:
        return reason("exempt_transition")
    if s.fragment:
        return reason("exempt_fragment")
    return reason("exempt_no_content")


Profile = Literal["news", "docs"]


def forced_reason(s: NeedSignals, profile: Profile = "news") -> Reason | None:
    """The reason a rule makes a sentence need a source whatever the model says, if one does.

    A speaker's words or views, named or unnamed, and analysis need one (unless the
    sentence narrates a plot in the present tense: "he reveals that …"); so does a
    figure (in `docs`, only money and percentages: counts there describe the product).
    """
    if s.attributed and not s.narrated:
        return reason("attribution_uncited", speaker=s.attributed)
    if s.generic_speaker:  # "Local officials said": a plural noun is not narration
        return reason("generic_attribution_uncited", speaker=s.generic_speaker)
    if s.analysis and not s.narrated:
        return reason("analysis_uncited", cue=s.analysis)
    if s.quantity and s.figure_needs_source and (profile == "news" or s.money):
        return reason("figure_uncited", figure=s.quantity)
    return None


def rule_decision(s: NeedSignals) -> bool | None:
    """What the rules decide before the model (news profile): False needs none, True needs
    one, None leaves it to the model. `benchmarks/fit_need.py` scores the same way."""
    if s.exempt or (s.own_reporting and not _attributed(s)):
        return False
    return True if forced_reason(s) is not None else None


def _attributed(s: NeedSignals) -> bool:
    return bool((s.attributed and not s.narrated) or s.generic_speaker)


def _exempt(why: Reason) -> NeedDecision:
    """Needs no source and inherits no later marker: not a claim to check against sources."""
    return NeedDecision(needs_citation=False, score=0.0, reason=why, statement=False)


def decide(
    text: str,
    context: str,
    facts: ClaimFacts,
    cues: Cues,
    lexicon: Lexicon,
    model: LogisticModel | None = None,
    profile: Profile = "news",
) -> NeedDecision:
    """Whether `text` needs a citation, with a score in [0, 1] and the reason.

    Under the `docs` profile, `text` and `facts` are those of the sentence with its
    version and part numbers hidden (`CitationNeed.decide_many` does that).
    """
    s = signals(text, facts, cues, lexicon)
    if s.exempt:
        return _exempt(_not_a_statement(s))
    if not _attributed(s):
        rules = docs_rules(cues.language) if profile == "docs" else None
        why = rules.exemption(text) if rules is not None else None
        if why is not None:
            return _exempt(why)
        if s.own_reporting:
            return _exempt(reason("exempt_own_reporting"))
    model = model or default_need_model()
    score = model.score(need_features(text, context, facts, cues, lexicon))
    needs = model.thresholds["needs"]
    forced = forced_reason(s, profile)
    if forced is not None:
        return NeedDecision(needs_citation=True, score=max(score, needs), reason=forced)
    if score < needs:
        return NeedDecision(
            needs_citation=False, score=score, reason=reason("no_need", score=round(score, 2))
        )
    if s.specific:
        found = reason("fact_uncited", fact=s.specific)
    elif s.reported:
        found = reason("reported_uncited")
    else:
        found = reason("claim_uncited")
    return NeedDecision(needs_citation=True, score=score, reason=found)


class CitationNeed:
    """The citation-need decision of one language, built once per engine."""

    def __init__(
        self, language: Language, lexicon: Lexicon, model: LogisticModel | None = None
    ) -> None:
        self.language = language
        self.lexicon = lexicon
        self.cues = compile_cues(language)
        self.model = model or default_need_model()

    def analyse(self, texts: Sequence[str]) -> list[ClaimFacts]:
        """The sentences' items (one pass of the language's pipeline)."""
        return analyse_all(texts, self.lexicon)

    def decide_many(
        self, pairs: Sequence[tuple[str, str]], profile: Profile = "news"
    ) -> list[NeedDecision]:
        """For each (sentence, context before it): does it need a citation?"""
        rules = docs_rules(self.language) if profile == "docs" else None
        if rules is not None:
            pairs = [(rules.hide_numbers(text), context) for text, context in pairs]
        facts = self.analyse([text for text, _ in pairs])
        return [
            decide(text, context, f, self.cues, self.lexicon, self.model, profile)
            for (text, context), f in zip(pairs, facts, strict=True)
        ]
