"""Figures and dates: each claim figure against the source's figure of the same
kind for the same thing (`quantities.py`), so that only like is compared with like."""

from __future__ import annotations

import math
from collections.abc import Sequence

from citecheck.match.lexical.contrast.base import Finding, _Sentence, _Unit
from citecheck.match.lexical.contrast.parties import PartyReading
from citecheck.match.lexical.quantities import (
    RANGE_HIGH,
    RANGE_LOW,
    Quantity,
    canonical_number,
    compare,
    same_thing,
)

#: What a vote's figures count besides its voters.
_VOTE_NOUNS = frozenset({"vote", "member", "seat", "ballot", "majority", "minority"})


def _agree(q: Quantity, s: Quantity, sentence: Sequence[Quantity]) -> bool:
    """Source figure s states the claim's figure q. A sum in another currency does only
    where the sentence gives a conversion (sums in two currencies: "220 million euros,
    about $240 million"); "1.53 euros" is not "1.53 pounds"."""
    if not same_thing(q, s) or compare(q, s) is not None:
        return False
    if q.kind != "money" or q.unit == s.unit:
        return True
    units = {x.unit for x in sentence if x.kind == "money"}
    # a conversion the sentence gives, and no sum of its own in the claim's currency
    return len(units) >= 2 and q.unit not in units


class FigureChecks(PartyReading):
    """A figure of the claim that the source states otherwise."""

    def quantities(self, unit: _Unit) -> None:
        claim_qs = [
            q
            for q in self.claim_quantities()
            if unit.lo <= q.lo < unit.hi
            and not self.toks[q.lo].quoted
            and not q.excluded
            and not self.group_size(q)
        ]
        if not claim_qs:
            return
        sent = unit.sent
        source_qs = [
            q
            for q in self.sent_quantities(sent)
            if not q.excluded and not sent.text.toks[q.lo].quoted
        ]
        matched: set[int] = set()
        open_qs: list[Quantity] = []
        for q in claim_qs:
            hit = next(
                (k for k, s in enumerate(source_qs) if _agree(q, s, source_qs)),
                None,
            )
            if hit is not None:
                matched.add(hit)
                continue
            if self.agrees(q, sent):
                continue
            if self.backed_elsewhere(q, sent):
                continue
            open_qs.append(q)
        for q in open_qs:
            if q.kind in ("count", "money", "percent", "measure") and any(
                s.kind == q.kind and s.value == q.value and compare(q, s) is None for s in source_qs
            ):
                continue  # the sentence states the very figure (of what, it may say otherwise)
            rivals = [
                (k, s)
                for k, s in enumerate(source_qs)
                if k not in matched
                and same_thing(q, s)
                and not (q.total is not None and s.kind == "count" and s.value == q.total)
            ]
            if q.kind == "money" and any(s.unit == q.unit for _, s in rivals):
                rivals = [(k, s) for k, s in rivals if s.unit == q.unit]  # like currency
            rival = self.pick_rival(q, rivals, unit)
            where = sent
            if rival is None and not rivals:
                rival, where = self.rival_elsewhere(q, sent)
            if rival is None:
                continue
            difference = compare(q, rival)
            if difference is None:
                continue
            self.add(
                Finding(
                    difference.code,
                    where.source,
                    self.claim.span_text(*q.span()),
                    where.text.span_text(*rival.span()),
                    True,
                    kind=difference.kind,
                )
            )

    def group_size(self, q: Quantity) -> bool:
        """A count that gives the size of the group a quantifier speaks of ("all four
        seats", "none of the 86 glaciers"): the quantifier check compares it."""
        if q.kind != "count":
            return False
        k = q.lo - 1
        while k >= 0 and (
            self.toks[k].low in ("of", "the", "its", "their", "his", "her")
            or self.toks[k].low.endswith("'s")  # "all of Harlow's 40 sites"
            or (self.toks[k].low in ("'s", "'") and k >= 1)
        ):
            k -= 1
        return k >= 0 and (
            self.toks[k].low in self.v.quantifiers
            or any(self.toks[k].low == words[-1] for words in self.v.quantifier_phrases)
        )

    def rival_elsewhere(self, q: Quantity, here: _Sentence) -> tuple[Quantity | None, _Sentence]:
        """The one figure of the same kind, in another candidate sentence, that shares the
        claim figure's neighbouring words ("voted 4-1" / "The vote was 5-0.")."""
        found: list[tuple[int, Quantity, _Sentence]] = []
        if q.kind == "count" and not q.noun:
            return None, here
        for sent in self.sentences:
            if sent is here:
                continue
            for s in self.sent_quantities(sent):
                if q.kind == "count" and not s.noun:
                    continue
                if same_thing(q, s) and not sent.text.toks[s.lo].quoted:
                    found.append((self.context_score(q, s, sent), s, sent))
        need = 1 if q.kind in ("tally", "weekday", "period") else 2
        found = [
            f
            for f in found
            if f[0] >= need or (q.kind == "count" and f[0] >= 1 and q.noun & f[1].noun)
        ]
        if len(found) != 1:
            return None, here
        return found[0][1], found[0][2]

    def backed_elsewhere(self, q: Quantity, here: _Sentence) -> bool:
        for sent in self.sentences:
            if sent is here:
                continue
            qs = self.sent_quantities(sent)
            for s in qs:
                if _agree(q, s, qs):
                    return True
        return False

    def pick_rival(
        self, q: Quantity, rivals: list[tuple[int, Quantity]], unit: _Unit
    ) -> Quantity | None:
        if not rivals:
            return None
        # a range's end against the same end of the source's range ("32-37%" / "42-47%")
        if q.bound in (RANGE_LOW, RANGE_HIGH):
            same_end = [s for _, s in rivals if s.bound == q.bound]
            if len(same_end) == 1:
                return same_end[0]
        # the source's figure in the same slot: in the edit that holds the claim's figure
        for op in unit.al.ops:
            if op.c_lo <= q.lo < max(op.c_hi, op.c_lo + 1) and op.tag == "replace":
                inside = [s for _, s in rivals if op.s_lo <= s.lo < op.s_hi]
                if len(inside) == 1:
                    return inside[0]
        # ... or next to the same aligned words
        before = self.anchor(unit, q.lo, -1)
        after = self.anchor(unit, q.hi - 1, 1)
        slotted = [
            s
            for _, s in rivals
            if (before is not None and before < s.lo and s.lo - before <= 3)
            or (after is not None and after > s.hi - 1 and after - (s.hi - 1) <= 3)
        ]
        if len(slotted) == 1:
            return slotted[0]
        if len(rivals) == 1:
            return rivals[0][1]
        # ... or the one whose neighbouring words the claim shares, by a clear margin
        scores = sorted(
            ((self.context_score(q, s, unit.sent), s) for _, s in rivals),
            key=lambda t: -t[0],
        )
        if scores[0][0] >= 1 and scores[0][0] >= scores[1][0] + 2:
            return scores[0][1]
        return None

    def anchor(self, unit: _Unit, i: int, step: int) -> int | None:
        """The source position of the nearest aligned content token before (-1) or after (1)."""
        k = i + step
        while unit.lo <= k < unit.hi:
            if k in unit.al.c2s and self.toks[k].content:
                return unit.al.c2s[k]
            if self.toks[k].kind == "punct" and self.toks[k].text in {".", ";"}:
                return None
            k += step
        return None

    def context_score(self, q: Quantity, s: Quantity, sent: _Sentence) -> int:
        c_keys = {t.key for t in self.toks[max(0, q.lo - 4) : q.hi + 4] if t.content} | set(q.noun)
        s_keys = {t.key for t in sent.text.toks[max(0, s.lo - 4) : s.hi + 4] if t.content} | set(
            s.noun
        )
        return len(c_keys & s_keys)

    def agrees(self, q: Quantity, sent: _Sentence) -> bool:
        """Some figure of the sentence is the claim's figure (or, for a count, a side or
        the total of a vote; or the group's size)."""
        qs = self.sent_quantities(sent)
        for s in qs:
            if _agree(q, s, qs):
                return True
            if q.kind == "count" and s.kind == "tally" and math.isfinite(s.value):
                sides = {s.value, s.value2, s.value + s.value2}
                # a count of those who voted, or of votes ("three elementary schools" is
                # not the 3 of a 4-3 vote)
                voting = not q.noun or bool(
                    q.noun & (_VOTE_NOUNS | self.voters(sent.text.toks, s.lo, head=True))
                )
                if voting and q.value in sides and (q.total is None or q.total in sides):
                    return True
            if (
                q.kind == "count"
                and s.kind == "count"
                and q.total is not None
                and (s.value == q.total)
            ):
                continue
        return False

    def agreed_values(self) -> set[str]:
        """Canonical values of the claim's figures some candidate sentence agrees with."""
        out: set[str] = set()
        for q in self.claim_quantities():
            if q.kind in ("year", "monthday", "weekday", "relative", "period", "tally"):
                continue
            if any(self.agrees(q, sent) for sent in self.sentences):
                out.add(canonical_number(q.value))
                for tok in self.toks[q.lo : q.hi]:
                    if tok.kind == "num":
                        out.add(tok.key.lstrip("#"))
        return out
