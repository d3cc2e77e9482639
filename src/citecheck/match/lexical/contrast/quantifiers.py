"""Quantifiers: "all" against "two of the four", "most" against "17 percent";
a share of a group, compared as an interval with the source's share of that group."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.match.lexical.contrast.base import Finding, _Sentence, _Unit
from citecheck.match.lexical.contrast.parties import PartyReading
from citecheck.match.lexical.contrast.words import _contains
from citecheck.match.lexical.quantities import Quantity
from citecheck.match.lexical.tokens import Text, Tok


@dataclass(slots=True)
class _Mention:
    """A quantifier or a count and the share / count of its group it states."""

    lo: int
    hi: int
    share: tuple[float, float, bool, bool]
    count: tuple[float, float]
    head: set[str]
    universal: bool
    tally: bool = False
    word: bool = False
    total: float | None = None  # the group's size the claim gives with its quantifier
    sent: _Sentence | None = None  # a source mention from another sentence than the unit's


#: Heads that stand for any group the sentence speaks of ("more than half of the total").
_GENERIC_HEADS = frozenset({"total", "whole", "rest", "remainder", "them", "those"})


def _heads_meet(a: set[str], b: set[str]) -> bool:
    return bool(a & b) or (bool(a) and bool(b) and (b <= _GENERIC_HEADS or a <= _GENERIC_HEADS))


def _bounded_share(v: float, bound: str) -> tuple[float, float, bool, bool]:
    if bound == "above" or bound == "min":
        return (v, 1.0, bound == "min", True)
    if bound in ("under", "max", "below"):
        return (0.0, v, False, bound == "max")
    if bound == "approx":
        return (max(0.0, v - 0.05), min(1.0, v + 0.05), True, True)
    return (v, v, True, True)


def _inside(inner: tuple[float, float, bool, bool], outer: tuple[float, float, bool, bool]) -> bool:
    ilo, ihi, ilo_in, ihi_in = inner
    olo, ohi, olo_in, ohi_in = outer
    low_ok = ilo > olo or (ilo == olo and (olo_in or not ilo_in))
    high_ok = ihi < ohi or (ihi == ohi and (ohi_in or not ihi_in))
    return low_ok and high_ok


def _entails(source: _Mention, claim: _Mention) -> bool:
    """What the source states of the group lies within what the claim states."""
    if not _inside(source.share, claim.share):
        return False
    c_lo, c_hi = claim.count
    s_lo, s_hi = source.count
    if (c_lo, c_hi) == (0.0, math.inf) or (s_lo, s_hi) == (0.0, math.inf):
        return True
    return c_lo <= s_lo and s_hi <= c_hi


class QuantifierChecks(PartyReading):
    """A share of a group the claim states that the source's share does not allow."""

    def quantifiers(self, unit: _Unit, same_group: bool = False) -> None:
        sent = unit.sent
        stoks = sent.text.toks
        c_mentions = self.mentions(self.claim, self.claim_quantities(), unit.lo, unit.hi)
        if not any(cm.word for cm in c_mentions):
            return  # bare counts only: the quantity check compares them
        s_mentions = self.mentions(sent.text, self.sent_quantities(sent), 0, len(stoks))
        if not any(m.tally for m in s_mentions):
            # a vote's split may be given in a sentence of its own ("Councillors voted 7-2")
            for other in self.sentences:
                if other is not sent:
                    for m in self.mentions(
                        other.text, self.sent_quantities(other), 0, len(other.text.toks)
                    ):
                        if m.tally and m.head:
                            m.sent = other
                            s_mentions.append(m)
        for cm in c_mentions:
            if not cm.word:
                continue  # a bare count: the quantity check compares counts
            partner = self.partner(cm, s_mentions, unit)
            if partner is None and not cm.tally:
                partner = self.partner_elsewhere(cm, unit)
            if same_group and (partner is None or not _heads_meet(cm.head, partner.head)):
                continue
            if partner is None:
                if cm.universal and cm.head and not cm.tally:
                    heads = [
                        j
                        for j, t in enumerate(stoks)
                        if t.key in cm.head
                        and t.content
                        and not t.quoted
                        # the source restricts the group ("riders over 65")
                        and j + 1 < len(stoks)
                        and (
                            stoks[j + 1].low in ("over", "under", "aged", "who", "with", "from")
                            or stoks[j + 1].kind == "num"
                        )
                    ]
                    if heads and not any(sm.lo <= heads[0] <= sm.hi + 3 for sm in s_mentions):
                        j = heads[0]
                        lo = j
                        while lo - 1 >= 0 and stoks[lo - 1].content and not stoks[lo - 1].stop:
                            lo -= 1
                        hi = j + 1
                        while (
                            hi < len(stoks)
                            and stoks[hi].low not in (",", ".", ";")
                            and hi - j < 5
                            and (
                                stoks[hi].content or stoks[hi].low in ("and", "over", "under", "of")
                            )
                        ):
                            hi += 1
                        self.add(
                            Finding(
                                "quantifier_conflict",
                                sent.source,
                                self.claim_span(cm.lo, cm.hi, 0, 1),
                                self.sent_span(sent, lo, hi),
                                True,
                                kind="quantifier",
                            )
                        )
                        return
                continue
            if _entails(partner, cm):
                continue
            where = partner.sent or sent
            self.add(
                Finding(
                    "quantifier_conflict",
                    where.source,
                    self.claim_span(cm.lo, max(cm.hi, self.head(self.toks, cm.hi)[1])),
                    self.sent_span(where, partner.lo, partner.hi),
                    True,
                    kind="quantifier",
                )
            )
            return

    def mentions(
        self, text: Text, quantities: Sequence[Quantity], lo: int, hi: int
    ) -> list[_Mention]:
        toks = text.toks
        out: list[_Mention] = []
        taken: set[int] = set()
        claim_side = text is self.claim

        def masked(tok: Tok) -> bool:
            return tok.quoted if claim_side else tok.titled

        for q in quantities:
            if not (lo <= q.lo < hi) or masked(toks[q.lo]):
                continue
            if q.kind == "count":
                total = q.total
                share = (
                    (q.value / total, q.value / total, True, True)
                    if total
                    else (0.0, 1.0, False, False)
                )
                if q.value == 0:
                    share = (0.0, 0.0, True, True)
                head = set(q.noun) or self.head(toks, q.hi)[0]  # "two Republicans"
                out.append(_Mention(q.lo, q.hi, share, (q.value, q.value), head, False))
                taken.update(range(q.lo, q.hi))
            elif q.kind == "percent" and q.unit == "%":
                v = q.value / 100
                share = _bounded_share(v, q.bound)
                head = set(q.noun) or self.head(toks, q.hi)[0]  # "half of the total"
                out.append(_Mention(q.lo, q.hi, share, (0.0, math.inf), head, False))
                taken.update(range(q.lo, q.hi))
            elif q.kind == "tally":
                voters = self.voters(toks, q.lo)
                if math.isfinite(q.value) and q.value + q.value2 > 0:
                    v = q.value / (q.value + q.value2)
                    out.append(
                        _Mention(
                            q.lo,
                            q.hi,
                            (v, v, True, True),
                            (q.value, q.value),
                            voters,
                            False,
                            tally=True,
                        )
                    )
                elif not math.isfinite(q.value):
                    out.append(
                        _Mention(
                            q.lo,
                            q.hi,
                            (1.0, 1.0, True, True),
                            (0.0, math.inf),
                            voters,
                            True,
                            tally=True,
                            word=True,
                        )
                    )
                taken.update(range(q.lo, q.hi))
        phrases = self.v.quantifier_phrases_by_length
        i = lo
        while i < hi:
            if i in taken or masked(toks[i]) or toks[i].name:
                i += 1
                continue
            matched = False
            for words, share in phrases if toks[i].low in self.v.quantifier_phrase_starts else ():
                if _contains(toks, words, i, i + len(words)) and i + len(words) <= hi:
                    name = " ".join(words)
                    counts = self.v.quantifier_counts.get(name, (0.0, math.inf))
                    end = i + len(words)
                    head, _ = self.head(toks, end)
                    out.append(
                        _Mention(
                            i,
                            end,
                            share,
                            counts,
                            head,
                            share[0] == 1.0,
                            word=True,
                            total=self.total_after(toks, end),
                        )
                    )
                    i = end
                    matched = True
                    break
            if matched:
                continue
            low = toks[i].low
            if low == "both" and any(t.low == "and" for t in toks[i + 2 : i + 7]):
                i += 1  # "both animal and plant matter": a coordination, not a quantifier
                continue
            if low in self.v.quantifiers and not (
                low == "no" and toks[i + 1 : i + 2] and toks[i + 1].low == "longer"
            ):
                share = self.v.quantifiers[low]
                counts = self.v.quantifier_counts.get(low, (0.0, math.inf))
                head, _ = self.head(toks, i + 1)
                if low in ("no", "none", "nobody") and not head:
                    i += 1
                    continue
                out.append(
                    _Mention(
                        i,
                        i + 1,
                        share,
                        counts,
                        head,
                        share[0] == 1.0,
                        word=True,
                        total=self.total_after(toks, i + 1),
                    )
                )
            i += 1
        return out

    def total_after(self, toks: Sequence[Tok], j: int) -> float | None:
        """The group's size right after a quantifier: "all four", "none of the 86"."""
        k = j
        while k < len(toks) and toks[k].low in ("of", "the", "its", "their", "these"):
            k += 1
        if k < len(toks) and toks[k].kind == "num":
            try:
                return float(toks[k].text.replace(",", ""))
            except ValueError:
                return None
        if k < len(toks) and toks[k].low in self.v.number_words:
            return self.v.number_words[toks[k].low]
        return None

    def head(self, toks: Sequence[Tok], j: int) -> tuple[set[str], int]:
        """Keys of the noun phrase after a quantifier ("of the 19 Democrats present")."""
        k = j
        while k < len(toks) and (
            toks[k].low in ("of", "the", "its", "their", "his", "her")
            or toks[k].kind == "num"
            or toks[k].low.endswith("'s")
            # "of the combined bank's 210 branches": the possessor is not the group
            or (toks[k].kind == "word" and k + 1 < len(toks) and toks[k + 1].low.endswith("'s"))
            or (
                toks[k].low in self.v.number_words
                and not (k + 1 < len(toks) and toks[k + 1].text in ("-", "–"))
            )
        ):
            k += 1
        keys: set[str] = set()
        if k < len(toks) and toks[k].low in ("those", "these", "them"):
            return {"those"}, k + 1  # "most of those taking the drug": whoever is meant
        while (
            k < len(toks)
            and len(keys) < 3
            and not self.verbish(toks, k, floaters=False)  # "Republicans | joined"
            and (
                (
                    toks[k].kind == "word"
                    and (not toks[k].stop or toks[k].name or toks[k].low in self.v.number_words)
                )
                or (toks[k].text in ("-", "–") and keys)
            )
        ):
            if toks[k].kind == "word":
                keys.add(toks[k].key)
            k += 1
        return keys, k

    def partner(self, cm: _Mention, s_mentions: list[_Mention], unit: _Unit) -> _Mention | None:
        """The source's quantifier or count for the group the claim quantifies."""
        # the source's count of the claim's total ("None of the 86 glaciers" / "86 glaciers")
        # says nothing of the share
        s_mentions = [
            m
            for m in s_mentions
            if not (cm.total is not None and m.count == (cm.total, cm.total) and not m.word)
        ]
        if not s_mentions:
            return None

        def fits(m: _Mention) -> bool:
            if cm.tally:
                return m.tally
            if m.tally:
                # a vote's split against "all"/"most" of the body that voted
                return bool(cm.head & m.head) and (cm.universal or cm.share[0] >= 0.5)
            if cm.head and m.head:
                return _heads_meet(cm.head, m.head)
            return False

        for edit in self.edits(unit):
            if edit.c_lo <= cm.lo < max(edit.c_hi, edit.c_lo + 1):
                inside = [
                    m
                    for m in s_mentions
                    if edit.s_lo <= m.lo < max(edit.s_hi, edit.s_lo + 1)
                    and not m.tally
                    and not cm.tally
                    and (fits(m) or (not m.head and (not cm.head or cm.total is not None)))
                ]
                if inside:
                    return inside[0]
        same = [m for m in s_mentions if fits(m) and not m.tally]
        if same:
            return same[0]
        votes = [m for m in s_mentions if fits(m) and m.tally]
        return votes[0] if votes else None

    def partner_elsewhere(self, cm: _Mention, unit: _Unit) -> _Mention | None:
        """The source's quantifier, share or count for the claim's group in another
        candidate sentence: of the same group, or said of the same act ("Most emergency
        patients ... waited more than 8 hours" / "About one in four waited more than 8
        hours"), and only one such."""
        c_pred = self.predicate_keys(self.toks, cm.hi)
        found: list[_Mention] = []
        for other in self.sentences:
            if other is unit.sent or not (cm.head & other.keys or len(c_pred & other.keys) >= 2):
                continue
            otoks = other.text.toks
            for m in self.mentions(other.text, self.sent_quantities(other), 0, len(otoks)):
                if m.tally or (m.count[0] == m.count[1] and not m.word and m.share[1] >= 1.0):
                    continue  # a bare count of unknown share says nothing of it
                same_group = bool(cm.head and m.head and cm.head & m.head)
                same_act = len(c_pred & self.predicate_keys(otoks, m.hi)) >= 2
                if (same_group and same_act) or (same_act and not m.head):
                    m.sent = other
                    found.append(m)
        return found[0] if len(found) == 1 else None

    def predicate_keys(self, toks: Sequence[Tok], j: int) -> set[str]:
        """Content keys of what a group is said to do: from the first verb after token j,
        up to six words, within the sentence part."""
        k = j
        while k < len(toks) and k - j < 8 and not self.verbish(toks, k):
            if toks[k].kind == "punct" and toks[k].text in (".", ";", ":"):
                return set()
            k += 1
        out: set[str] = set()
        while k < len(toks) and len(out) < 6:
            t = toks[k]
            if t.kind == "punct" and t.text in (".", ";", ":", ","):
                break
            if t.content:
                out.add(t.key)
            k += 1
        return out
