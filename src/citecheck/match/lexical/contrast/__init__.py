"""Where the cited source says otherwise, or says less: the checks behind `contradicted`.

Retrieval finds the passages that back a claim; these checks read them as an editor
would. Each clause of the claim is aligned word by word with the source sentence that
restates it best (`align.py`), and the alignment is read for what changed:

- figures and dates, compared only with the source's figure of the same kind for the
  same thing (`quantities.py`): a different value, unit, currency, scale, rate or bound;
- polarity: a negation on one side only, where it bears on what the claim states (not
  inside a quoted title or a name; "X, not Y," negates only for Y);
- direction: rise/fall, approve/reject, win/lose... for the same slot;
- modality, certainty and tense: "may" against "will", "plans to" against "has";
- quantifiers: "all" against "two of the four", "most" against "17 percent";
- roles: who did it (the agent before the shared verb, a swapped pair, a changed title);
- quotations, word for word, and who said them (`quotes.py`);
- added content: a record, a cause, a figure or a clause no cited passage states.

Each family is a mixin in a module of its own (`figures.py`, `quotations.py`,
`polarity.py` with `negations.py`, `direction.py`, `roles.py` with `parties.py`,
`modality.py`, `quantifiers.py`, `added.py`) over `base.py`, which reads the claim, picks
its candidate sentences and aligns each clause once for all of them.

Each finding names both sides: the claim's words and the source's. A contradiction is
only ever reported against a source sentence that restates the rest of the clause.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from citecheck.match.lexical.analyse import ClaimFacts
from citecheck.match.lexical.contrast.added import AddedChecks
from citecheck.match.lexical.contrast.base import CHECK_COVER, CheckBase, Finding
from citecheck.match.lexical.contrast.direction import DirectionChecks
from citecheck.match.lexical.contrast.figures import FigureChecks
from citecheck.match.lexical.contrast.modality import ModalityChecks
from citecheck.match.lexical.contrast.polarity import PolarityChecks
from citecheck.match.lexical.contrast.quantifiers import QuantifierChecks
from citecheck.match.lexical.contrast.quotations import QuotationChecks
from citecheck.match.lexical.contrast.roles import RoleChecks
from citecheck.match.lexical.normalize import Lexicon
from citecheck.match.lexical.retrieve import Retrieval
from citecheck.match.lexical.vocab import vocab_for

__all__ = ["Contrast", "Finding", "contrast", "credit_agreed", "sides_of"]


class _Check(
    QuotationChecks,
    PolarityChecks,
    DirectionChecks,
    RoleChecks,
    ModalityChecks,
    QuantifierChecks,
    AddedChecks,
    FigureChecks,
    CheckBase,
):
    """One claim against its candidate sentences: every family of checks, run in order."""

    def run(self) -> list[Finding]:
        self.quotes()
        self.polarity()  # a negation first: the modality of the same words says less
        for unit in self.units:
            self.quantities(unit)
            if self.check_cover(unit.sent, unit.lo, unit.hi) < CHECK_COVER:
                # a looser restatement: only a party swapped next to the very same verb,
                # or a quantifier of the very same group
                self.substitutions(unit, beside_verb=True)
                self.quantifiers(unit, same_group=True)
                continue
            self.directions(unit)
            self.roles(unit)
            self.modality(unit)
            self.quantifiers(unit)
        if not any(f.kind == "direction" for f in self.findings):
            self.local_directions()
        self.added()
        return self.findings


@dataclass(frozen=True, slots=True)
class Contrast:
    """What the checks found for one claim."""

    findings: tuple[Finding, ...] = ()
    #: Canonical values of the claim's figures a cited sentence agrees with, even when
    #: written otherwise ("a fifth" for "20 percent", "seven of nine" for "7-2").
    agreed: frozenset[str] = frozenset()

    @property
    def contradictions(self) -> list[Finding]:
        return [f for f in self.findings if f.contradicts]

    @property
    def additions(self) -> list[Finding]:
        return [f for f in self.findings if not f.contradicts]


def contrast(facts: ClaimFacts, retrieval: Retrieval, lexicon: Lexicon) -> Contrast:
    """What the cited sources say otherwise, or do not say, about one analysed claim."""
    if not retrieval.sources or not facts.items:
        return Contrast()
    check = _Check(facts, retrieval, lexicon)
    findings = tuple(check.run())
    return Contrast(findings, frozenset(check.agreed_values()))


def credit_agreed(facts: ClaimFacts, retrieval: Retrieval, result: Contrast) -> None:
    """Count figures the checks found agreeing as backed (in place): retrieval matches
    figures by value as written and misses "a fifth" for "20 percent"."""
    if not result.agreed or not len(retrieval.covered):
        return
    for row, item in enumerate(facts.items):
        if item.kind == "number" and item.key in result.agreed:
            retrieval.covered[row] = max(retrieval.covered[row], 1.0)
            retrieval.anywhere[row] = max(retrieval.anywhere[row], 1.0)


def sides_of(words: Iterable[str], lexicon: Lexicon) -> set[tuple[str, int]]:
    """Direction sides of words (for reason checks): {("amount", 0)} for "rose"."""
    v = vocab_for(lexicon)
    out: set[tuple[str, int]] = set()
    for word in words:
        out |= v.sides(lexicon.word_key(word)) | v.sides(word.lower())
    return out
