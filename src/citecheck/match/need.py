"""Does an uncited sentence need a source? With the reason a reader would give.

Facts (numbers, dates, names, reported speech) need one. So does analysis and opinion
presented as the article's own conclusion ("suggests", "indicates", "marks a strategic
effort"): uncited, it reads as unattributed analysis. Questions, heading-like
fragments, transitions and sign-offs need none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.match.claim import ClaimFacts
from citecheck.match.model import NeedDecision

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


@dataclass(frozen=True, slots=True)
class NeedSignals:
    """The cues `decide` weighs (exposed for the fitting script)."""

    question: bool
    fragment: bool
    transition: bool
    analysis: str | None  # the cue that makes it read as analysis
    specific: str | None  # the number, date or name that makes it a checkable fact
    reported: bool
    first_person: bool
    content: int  # content items


def signals(text: str, facts: ClaimFacts) -> NeedSignals:
    stripped = text.strip()
    words = stripped.split()
    analysis = _ANALYSIS.search(stripped)
    specific = next((i.surface for i in facts.items if i.kind in ("number", "date", "name")), None)
    return NeedSignals(
        question=stripped.endswith("?"),
        fragment=(stripped[-1:] not in ".!\"'”’)…" and len(words) <= 10) if stripped else True,
        transition=bool(_TRANSITION.match(stripped)) and len(words) <= 12,
        analysis=analysis.group(0) if analysis else None,
        specific=specific,
        reported=bool(_REPORTED.search(stripped)),
        first_person=bool(_FIRST_PERSON.search(stripped)),
        content=len(facts.items),
    )


def decide(text: str, facts: ClaimFacts) -> NeedDecision:
    """Whether `text` needs a citation, with a score in [0, 1] and the reason."""
    s = signals(text, facts)
    if not text.strip() or s.question or s.fragment or s.transition or s.content < 3:
        return NeedDecision(needs_citation=False, score=0.1)
    if s.analysis:
        return NeedDecision(
            needs_citation=True,
            score=0.8,
            reason=f"reads as unattributed analysis ('{s.analysis}'): attribute or cite it",
        )
    if s.specific or s.reported:
        what = f"'{s.specific}'" if s.specific else "reported facts"
        return NeedDecision(
            needs_citation=True,
            score=0.9,
            reason=f"states a specific fact ({what}) but cites no source",
        )
    if s.first_person:
        return NeedDecision(needs_citation=False, score=0.3)
    return NeedDecision(needs_citation=s.content >= 4, score=0.6 if s.content >= 4 else 0.3)
