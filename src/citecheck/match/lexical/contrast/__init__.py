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

Each finding names both sides: the claim's words and the source's. A contradiction is
only ever reported against a source sentence that restates the rest of the clause.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from citecheck.match.lexical.analyse import ClaimFacts
from citecheck.match.lexical.contrast.base import CHECK_COVER, CheckBase, Finding, _Sentence, _Unit
from citecheck.match.lexical.contrast.direction import DirectionChecks
from citecheck.match.lexical.contrast.figures import FigureChecks
from citecheck.match.lexical.contrast.modality import ModalityChecks
from citecheck.match.lexical.contrast.polarity import PolarityChecks
from citecheck.match.lexical.contrast.quotations import QuotationChecks
from citecheck.match.lexical.contrast.roles import RoleChecks
from citecheck.match.lexical.contrast.words import _DETERMINERS, _contains
from citecheck.match.lexical.normalize import Lexicon
from citecheck.match.lexical.quantities import Quantity
from citecheck.match.lexical.retrieve import Retrieval
from citecheck.match.lexical.tokens import Text, Tok
from citecheck.match.lexical.vocab import vocab_for

__all__ = ["Contrast", "Finding", "contrast", "credit_agreed", "sides_of"]

#: Record words a closing clause may add ("a career high", "an all-time low").
_TAIL_RECORDS = frozenset({"high", "low", "peak", "first", "most", "least", "only", "ever"})
#: Superlatives that state no record ("the latest version").
_NOT_RECORDS = frozenset(
    {
        "latest",
        "earliest",
        "least",
        "honest",
        "interest",
        "forest",
        "request",
        "suggest",
        "protest",
        "contest",
        "arrest",
        "invest",
        "digest",
        "modest",
        "west",
        "rest",
        "test",
        "best-known",
    }
)

#: Words that open a closing clause which continues the claim rather than adding to it.
_LOOSE_TAILS = frozenset(
    {
        "and",
        "or",
        "but",
        "to",
        "which",
        "who",
        "that",
        "using",
        "including",
        "such",
        "meaning",
        "depending",
        "like",
        "especially",
        "particularly",
        "for",
        "in",
        "with",
        "from",
        "by",
        "while",
        "as",
        "so",
        "thus",
        "thereby",
        "where",
        "when",
        "if",
        "also",
        "then",
        "making",
        "allowing",
        "ensuring",
        "providing",
    }
)


class _Check(
    QuotationChecks,
    PolarityChecks,
    DirectionChecks,
    RoleChecks,
    ModalityChecks,
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

    def added(self) -> None:
        """What the claim adds that no cited passage states: a record or a superlative, a
        figure, or a closing clause (a cause, a circumstance, a comparison) of its own."""
        if not self.retrieval.sources or not self.facts.items:
            return
        figures = self.backed_figures()
        backed = [self.backed(t, figures, i) for i, t in enumerate(self.toks)]
        for lo, hi in self.tail_clauses():
            content = [i for i in range(lo, hi) if self.toks[i].content and not self.toks[i].quoted]
            weight = sum(self.weight(self.toks[i]) for i in content)
            loose = [i for i in content if not backed[i]]
            loose_weight = sum(self.weight(self.toks[i]) for i in loose)
            heavy = any(self.weight(self.toks[i]) >= 4.0 for i in loose)
            rest = [i for i in range(0, lo) if self.toks[i].content]
            rest_backed = sum(self.weight(self.toks[i]) for i in rest if backed[i])
            rest_weight = sum(self.weight(self.toks[i]) for i in rest) or 1.0
            # in a closing clause a superlative is backed by itself, not by its lemma
            # ("the oldest boat ever found" / "3,500 years old")
            record = any(
                self.record_word(i, tail=True) and not (backed[i] and self.stated_as_is(i))
                for i in range(lo, hi)
                if self.toks[i].is_word and not self.toks[i].quoted
            )
            figure = any(
                not backed[i]
                and (self.toks[i].kind in ("num", "ord") or self.toks[i].low in self.v.number_words)
                for i in range(lo, hi)
            )
            # a closing clause of its own: a circumstance or a cause nearly none of whose
            # words any cited passage has, after a claim the passages back ("..., helped by
            # cheaper energy", "after a truck struck its railing"); not a list's last item,
            # a purpose or a gloss ("and inhibitory control", "to assess ...", "meaning ...")
            first = self.toks[lo].low if self.toks[lo].is_word else ""
            unstated = (
                len(loose) >= 2
                and weight > 0
                and loose_weight >= 0.8 * weight
                and rest_backed >= 0.85 * rest_weight
                and first not in _LOOSE_TAILS
            )
            if rest_backed >= 0.7 * rest_weight and (
                record
                or figure
                or (heavy and weight > 0 and loose_weight >= 0.5 * weight)
                or unstated
            ):
                text = self.claim_span(lo, hi)
                if not self.already_named(text):
                    self.add(Finding("added_content", 0, text, "", False, kind="added"))
                    return
        for i, tok in enumerate(self.toks):
            if backed[i] or tok.quoted or not (tok.content or tok.low in self.v.record_words):
                continue
            record = self.record_word(i)
            figure = tok.kind in ("num", "ord") or (
                tok.low in self.v.number_words and tok.low not in ("one", "a")
            )
            if not (record or figure):
                continue
            lo, hi = self.unbacked_run(i, backed)
            for q in self.claim_quantities():
                if q.lo <= i < q.hi:  # the whole figure: "21 June", not "on 21"
                    lo, hi = min(lo, q.lo), max(hi, q.hi)
            text = self.claim_span(lo, hi)
            if not self.already_named(text):
                self.add(Finding("added_content", 0, text, "", False, kind="added"))

    def stated_as_is(self, i: int) -> bool:
        """A cited source has claim token i's very word form."""
        word = re.compile(rf"\b{re.escape(self.toks[i].low)}\b", re.IGNORECASE)
        return any(word.search(index.text) for index in self.retrieval.sources)

    def record_word(self, i: int, tail: bool = False) -> bool:
        """Token i states a record: a superlative or a record word ("steepest", "all-time"),
        "first" of an event ("the first rise", "first ever", not "was first formed"); in a
        closing clause also "a record high", "its only"."""
        toks = self.toks
        low = toks[i].low
        if low in _NOT_RECORDS:
            return False
        after = toks[i + 1] if i + 1 < len(toks) else None
        if low == "first":
            prev = toks[i - 1].low if i else ""
            return (
                prev in _DETERMINERS
                or prev.endswith("'s")
                or (after is not None and after.low in ("ever", "time", "-"))
            )
        if tail and low in ("high", "low", "peak"):
            # "a record high", not "high ratings"
            return after is None or after.kind == "punct" or after.stop
        if tail and low in _TAIL_RECORDS:
            return True
        return low in self.v.record_words or _superlative(toks[i], self.lexicon)

    def tail_clauses(self) -> list[tuple[int, int]]:
        """The claim's closing clauses, longest first: after its last comma, and after the
        last word that opens a cause or a circumstance ("after", "despite", "helped by")."""
        toks = self.toks
        end = len(toks)
        while end > 0 and toks[end - 1].kind == "punct":
            end -= 1
        comma: tuple[int, int] | None = None
        cause: tuple[int, int] | None = None
        for k in range(end - 1, 0, -1):
            tok = toks[k]
            if tok.quoted:
                continue
            if tok.text in (",", ";", "—", "–") and any(t.content for t in toks[:k]):
                comma = (k + 1, end) if k + 1 < end else None
                break
            if (
                tok.low in self.v.cause_words
                and any(t.content for t in toks[:k])
                and k > 3
                and (toks[k - 1].content or toks[k - 1].kind == "num")
                and cause is None
            ):
                cause = (k, end)
        return [t for t in (comma, cause) if t is not None]

    def unbacked_run(self, i: int, backed: list[bool]) -> tuple[int, int]:
        """The stretch of unbacked words around token i, with the words leading into it."""
        lo = i
        while (
            lo - 1 >= 0
            and not (self.toks[lo - 1].content and backed[lo - 1])
            and (self.toks[lo - 1].text not in {",", ";", ".", "—", "–", "(", ")"})
        ):
            lo -= 1
        hi = i + 1
        while (
            hi < len(self.toks)
            and not (self.toks[hi].content and backed[hi])
            and (self.toks[hi].text not in {",", ";", ".", "—", "–", "(", ")"})
        ):
            hi += 1
        while hi - 1 > i and not self.toks[hi - 1].content:
            hi -= 1
        return lo, hi

    def already_named(self, text: str) -> bool:
        low = text.lower()
        return any(
            (f.claim_value and f.claim_value.lower() in low) or low in f.claim_value.lower()
            for f in self.findings
            if f.contradicts
        )

    def backed_figures(self) -> set[int]:
        """Claim tokens of figures some candidate sentence agrees with (a vote's split
        backs its sides and its total: "7-2" backs "seven" and "nine")."""
        out: set[int] = set()
        for q in self.claim_quantities():
            if any(self.agrees(q, sent) for sent in self.sentences):
                out.update(range(q.lo, q.hi))
        return out

    def backed(self, tok: Tok, figures: set[int], i: int) -> bool:
        if i in figures:
            return True
        if tok.kind in ("num", "ord") or tok.low in self.v.number_words:
            if any(
                q.lo <= i < q.hi and q.kind in ("money", "percent", "measure")
                for q in self.claim_quantities()
            ):
                return False  # a sum, a share or a measure no source figure agrees with
            if any(tok.key in s.keys for s in self.sentences):
                return True
            if tok.kind in ("num", "ord"):
                # the figure somewhere in a cited source (not in the sentences read): the
                # claim may take it from there, so it is not its own addition
                digits = tok.key.lstrip("#")
                return any(
                    digits in index.vocab or digits in index.number_postings
                    for index in self.retrieval.sources
                )
            return False  # a number word no sentence read has ("twice")
        if tok.key[:1].isdigit():
            # "first" (key "1"): an ordinal or number word, backed by the same word only,
            # not by any "1" of the source ("July 1")
            word = re.compile(rf"\b{re.escape(tok.low)}\b", re.IGNORECASE)
            return any(word.search(s.raw) for s in self.sentences)
        for index in self.retrieval.sources:
            if tok.key in index.vocab or index.same_stem(tok.key):
                return True
            if any(s in index.vocab for s in self.synonyms.get(tok.key, ())):
                return True
        return False


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


def _superlative(tok: Tok, lexicon: Lexicon) -> bool:
    """'steepest', 'youngest': a word in -est whose lemma is shorter."""
    return tok.kind == "word" and tok.low.endswith("est") and len(tok.key) < len(tok.low) - 1


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
