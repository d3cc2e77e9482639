"""Reading who fills a slot: name runs, the agent before a verb or after "by", the
roles attached to a name, who cast a vote. Roles, figures and quantifiers all ask this."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.match.lexical.align import same_word
from citecheck.match.lexical.contrast.base import CheckBase, _Sentence
from citecheck.match.lexical.contrast.words import (
    _ADVERBS,
    _AUXILIARIES,
    _DETERMINERS,
    _PREPOSITIONS,
)
from citecheck.match.lexical.index import SourceIndex
from citecheck.match.lexical.tokens import Tok

#: Words that say which of a group is meant ("former workers", "acting director").
_PARTY_MODIFIERS = frozenset({"former", "retired", "current", "acting", "interim", "deputy"})
#: Small words inside a party's description ("more than 400 of its former workers").
_PARTY_JOINERS = frozenset({"of", "and", "&", "more", "than", "some", "all", "most", "many"})


def _acronym_pair(
    a_toks: Sequence[Tok], a_idx: Sequence[int], b_toks: Sequence[Tok], b_idx: Sequence[int]
) -> bool:
    """An acronym on one side whose letters are the initials of the other side's name."""
    initials = "".join(b_toks[i].text[0].lower() for i in b_idx if b_toks[i].cap)
    for i in a_idx:
        text = a_toks[i].text
        if len(text) >= 2 and text.isupper() and text.isalpha() and text.lower() in initials:
            return True
    return False


class PartyReading(CheckBase):
    """Where a party's words start and end, and whether two parties differ."""

    def name_run(self, toks: Sequence[Tok], i: int) -> tuple[int, int]:
        """The capitalised name around token i ("Bank of Norland", "Norland Times")."""
        lo = i
        while lo > 0 and (
            toks[lo - 1].name or (toks[lo - 1].low in ("of", "&") and lo >= 2 and toks[lo - 2].name)
        ):
            lo -= 1
        hi = i + 1
        while hi < len(toks) and (
            toks[hi].name
            or (toks[hi].low in ("of", "&") and hi + 1 < len(toks) and toks[hi + 1].name)
        ):
            hi += 1
        # a title before a person's name is a role, not part of the name ("Governor")
        while (
            hi - lo > 1
            and toks[lo].key in self.v.role_nouns
            and toks[lo + 1].name
            and toks[lo + 1].low not in ("of", "&")
        ):
            lo += 1
        return lo, hi

    def entity_phrase(self, toks: Sequence[Tok], lo: int, hi: int) -> bool:
        """Tokens lo..hi-1 only name parties: a name, a role noun or a level of government
        last, with the words that qualify and join them ("the Norland Times", "shop
        owners", "more than 400 former delivery drivers"), and no verb."""
        last = None
        for k in range(lo, hi):
            t = toks[k]
            if t.kind == "punct":
                if t.text not in (",", ".", "'", "’", "-"):
                    return False
            elif t.quoted:
                return False
            elif t.kind == "word" and t.stop:
                # a small word a name spells with a capital is part of it ("My Best Shot")
                if t.low not in _DETERMINERS and t.low not in _PARTY_JOINERS and not t.name:
                    return False
            elif t.kind == "word" and self.verbish(toks, k):
                return False
            else:
                last = t
        return last is not None and (self.who(last) or (last.cap and not last.sentence_start))

    def parties_differ(
        self,
        c_toks: Sequence[Tok],
        c_idx: Sequence[int],
        s_toks: Sequence[Tok],
        s_idx: Sequence[int],
        sent: _Sentence,
    ) -> bool:
        """Two sets of parties that cannot be the same: different names, roles or levels
        of government. A name and a role ("Kestrel Motors" / "the company") may be one
        party, unless the source uses the claim's role for another ("the union")."""
        parts = {}
        for side, toks, idx in (("c", c_toks, c_idx), ("s", s_toks, s_idx)):
            names = {
                toks[i].key
                for i in idx
                if toks[i].name
                and toks[i].key not in self.v.role_nouns
                and toks[i].key not in self.v.jurisdictions
            }
            roles = {toks[i].key for i in idx if toks[i].key in self.v.role_nouns}
            # a level written inside a name ("Fourth District Court") is part of the name
            levels = {
                toks[i].key for i in idx if toks[i].key in self.v.jurisdictions and not toks[i].name
            }
            parts[side] = (names, roles, levels)
        (cn, cr, cl), (sn, sr, sl) = parts["c"], parts["s"]
        if (
            cn
            and not sn
            and s_idx
            and s_idx[0] >= 1
            and s_toks[s_idx[0] - 1].low in ("the", "its", "their", "his", "her")
        ):
            return False  # "the company", "the team": the source refers back to a named party
        synonym_roles = any(
            same_word(c_toks[i], s_toks[j], self.synonyms)
            for i in c_idx
            for j in s_idx
            if c_toks[i].key in self.v.role_nouns and s_toks[j].key in self.v.role_nouns
        )
        if _acronym_pair(c_toks, c_idx, s_toks, s_idx) or _acronym_pair(
            s_toks, s_idx, c_toks, c_idx
        ):
            return False  # "ILO" / "International Labour Organisation"
        if (cn and sn and not cn & sn) or (cl and sl and not cl & sl):
            return True
        if cr and sr and not cr & sr and not synonym_roles:
            return True
        if cr and not cn and sn and not sr:
            # a role in the claim for a named party in the source: the same party unless
            # the source gives that role to someone else elsewhere
            index: SourceIndex = self.retrieval.sources[sent.source]
            for key in cr:
                hits = index.sentences_with(key)
                if hits is not None and any(int(h) != sent.index for h in hits):
                    return True
        return False

    def runs(self, toks: Sequence[Tok], lo: int, hi: int) -> list[tuple[int, int]]:
        """Entity runs: a name with its titles, or role nouns ("board president Tom Reyes"),
        with a modifier that says which ("former workers")."""
        out: list[tuple[int, int]] = []
        i = lo
        while i < hi:
            if self.who(toks[i]) or (
                toks[i].low in _PARTY_MODIFIERS and i + 1 < hi and self.who(toks[i + 1])
            ):
                j = i + 1
                while j < hi and (
                    self.who(toks[j])
                    or (toks[j].low in ("of", "&") and j + 1 < hi and toks[j + 1].name)
                ):
                    j += 1
                if any(self.entity(t) for t in toks[i:j]):
                    out.append((i, j))
                i = j
            else:
                i += 1
        return out

    def run_keys(self, toks: Sequence[Tok], run: tuple[int, int]) -> set[str]:
        return {t.key for t in toks[run[0] : run[1]] if self.entity(t)}

    def verb_tail(self, i: int) -> int:
        """How many tokens after a verb belong to it ("agreed to pay": 2)."""
        if i + 2 < len(self.toks) and self.toks[i + 1].low == "to" and self.toks[i + 2].is_word:
            return 2
        return 0

    @staticmethod
    def passive(toks: Sequence[Tok], first: tuple[int, int], second: tuple[int, int]) -> bool:
        """'... was defeated by <second>', '... logic invented by British mathematician
        <second>': the second party is the agent."""
        k = second[0] - 1
        while k > first[1] and second[0] - k <= 5 and toks[k].low != "by":
            if toks[k].kind == "punct" and toks[k].text != "-":
                return False
            k -= 1
        if k <= first[1] or toks[k].low != "by":
            return False
        between = toks[first[1] : k]
        return any(
            t.low in ("was", "were", "been", "is", "are", "be", "being") for t in between
        ) or (k >= 1 and toks[k - 1].low.endswith(("ed", "en")))

    def apposition_owner(self, toks: Sequence[Tok], i: int, lo: int) -> tuple[int, int] | None:
        """For a role noun in an apposition ("Maria Castillo, the bill's sponsor,"), the
        party it describes."""
        k = i - 1
        while k >= lo and (
            toks[k].low in _DETERMINERS
            or toks[k].low.endswith("'s")
            or (toks[k].is_word and not toks[k].stop and k < i - 0)
        ):
            if toks[k].text == ",":
                break
            k -= 1
            if i - k > 5:
                return None
        if k < lo or toks[k].text != ",":
            return None
        end = k
        start = end
        while start - 1 >= lo and self.who(toks[start - 1]):
            start -= 1
        return (start, end) if start < end else None

    def agent_before(
        self, toks: Sequence[Tok], i: int, lo: int, *, relaxed: bool
    ) -> tuple[int, int] | None:
        """The party whose act token i is: the name or role right before it, past
        auxiliaries; in the source also past a relative clause or an apposition
        ("Tom Reyes, who voted ...", "Maria Castillo, the bill's sponsor, said")."""
        if relaxed and toks[i].key in self.v.role_nouns and not self.role_verb(toks, i):
            return self.apposition_owner(toks, i, lo)
        k = i - 1
        while k >= lo and (toks[k].low in _AUXILIARIES or toks[k].low in _ADVERBS):
            k -= 1
        # "Governor Elena Brandt on Friday vetoed": past a time between party and act
        m = k
        while m >= lo and (
            toks[m].low in self.v.weekdays
            or toks[m].low in self.v.months
            or toks[m].kind == "num"
            or toks[m].low in ("week", "month", "year", "night", "morning", "evening")
        ):
            m -= 1
        if m < k and m >= lo and toks[m].low in ("on", "in", "last", "this", "late", "early"):
            k = m - 1
        if relaxed and k >= lo and toks[k].low in self.v.relative_words:
            k -= 1
            while k >= lo and toks[k].kind == "punct":
                k -= 1
        if relaxed and k >= lo and toks[k].text == ",":
            m = k - 1
            while m >= lo and toks[m].text != "," and k - m <= 12:
                m -= 1
            if m >= lo and toks[m].text == ",":
                inner = toks[m + 1 : k]
                if inner and (
                    inner[0].low in self.v.relative_words
                    or (
                        any(self.entity(t) for t in inner)
                        and not any(self.verbish(toks, x) for x in range(m + 1, k))
                    )
                ):
                    k = m - 1
        if k < lo or not self.who(toks[k]):
            return None
        end = k + 1
        start = k
        while start - 1 >= lo and self.who(toks[start - 1]):
            prev = toks[start - 1]
            if toks[start].name and prev.kind == "word" and prev.low != prev.key and not prev.name:
                break  # a plural noun is no title: "NBA teams | MJ holds"
            start -= 1
        # the party may be the head of a longer phrase: "members of the bank's committee",
        # "police in Valby"; a name after a preposition that follows another noun only
        # says where that noun is ("the bridge in Glenville"), and is nobody's act
        k = start - 1
        leftmost = start
        while k >= lo and start - k <= 7 and toks[k].kind != "punct" and not self.verbish(toks, k):
            if (
                self.who(toks[k])
                and not toks[k].low.endswith("'s")
                and k + 1 < len(toks)
                and toks[k + 1].low in ("of", "in", "at", "from")
            ):
                leftmost = k  # "members of the bank's committee", "police in Valby"
            if not (
                self.who(toks[k])
                or toks[k].low in ("of", "in", "at", "from", "the", "a", "an")
                or toks[k].low.endswith("'s")
                or (toks[k].is_word and not toks[k].stop)
            ):
                break
            k -= 1
        if leftmost < start:
            start = leftmost
        elif start - 1 >= lo and toks[start - 1].low in _PREPOSITIONS | {"near", "over"}:
            return None
        # a possessive says whose the party is, not who it is ("Hale's lawyer")
        while start < end - 1 and toks[start].low.endswith("'s"):
            start += 1
        return (start, end)

    @staticmethod
    def is_passive(toks: Sequence[Tok], i: int) -> bool:
        """'was selected', 'will be allowed', 'has been moved': the subject is acted on."""
        if i + 1 < len(toks) and toks[i + 1].low == "by" and toks[i].low.endswith(("ed", "en")):
            return True  # "joined by two Republicans"
        k = i - 1
        while k >= 0 and toks[k].low in _ADVERBS | {"not", "never", "also", "still"}:
            k -= 1
        return k >= 0 and toks[k].low in ("was", "were", "is", "are", "be", "been", "being")

    def agent_after_by(self, toks: Sequence[Tok], j: int) -> tuple[int, int] | None:
        """'... funded by the drug's maker, Corvane Pharma': who did it, in the passive."""
        k = j + 1
        while k < len(toks) and toks[k].low in _ADVERBS | {"mostly", "largely", "partly"}:
            k += 1
        if k < len(toks) and toks[k].low != "by" and self.is_passive(toks, j):
            # past a place or a time: "was found in a drained peat bog by a farmer"
            m = k
            while m < len(toks) and m - k < 8 and toks[m].low != "by":
                if toks[m].kind == "punct" or self.verbish(toks, m):
                    break
                m += 1
            if m < len(toks) and toks[m].low == "by" and toks[k].low in _PREPOSITIONS:
                k = m
        if k >= len(toks) or toks[k].low != "by":
            return None
        k += 1
        while k < len(toks) and (
            toks[k].low in _DETERMINERS
            or (toks[k].low.endswith("'s") and not self.who(toks[k]))
            or (
                toks[k].is_word
                and not toks[k].stop
                and not self.who(toks[k])
                and k + 1 < len(toks)
                and self.who(toks[k + 1])
            )
        ):
            k += 1
        end = k
        while end < len(toks) and self.who(toks[end]):
            end += 1
        if end == k:
            return None
        # an apposition names the same party: "the drug's maker, Corvane Pharma"
        if end + 1 < len(toks) and toks[end].text == "," and self.who(toks[end + 1]):
            end += 1
            while end < len(toks) and self.who(toks[end]):
                end += 1
        return (k, end)

    def attached_roles(self, toks: Sequence[Tok], i: int, lo: int, hi: int) -> list[int]:
        """Role nouns of the person whose name ends at token i: a title before the name,
        or an apposition after it (", a 27-year-old nurse,"). Only for a person's name: a
        name that is itself a title or a body ("Chief Public Health Officer") has none."""
        start = i
        while start - 1 >= lo and toks[start - 1].name:
            start -= 1
        titles = [k for k in range(start, i + 1) if toks[k].key in self.v.role_nouns]
        personal = [k for k in range(start, i + 1) if k not in titles]
        if len(personal) < 1 or any(t > min(personal) for t in titles):
            return []  # no personal name, or a role word after it: a body's name
        roles = titles
        k = start - 1
        while k >= lo and (
            toks[k].key in self.v.role_nouns
            or toks[k].key in self.v.jurisdictions
            or toks[k].low in ("-", "year", "old")
            or toks[k].kind == "num"
        ):
            if toks[k].key in self.v.role_nouns:
                roles.append(k)
            k -= 1
        if i + 2 < hi and toks[i + 1].text == ",":
            k = i + 2
            while k < hi and toks[k].text not in (",", ".", ";") and k - i < 9:
                if toks[k].key in self.v.role_nouns and not toks[k].name:
                    roles.append(k)
                k += 1
        return sorted(roles)

    def voters(self, toks: Sequence[Tok], i: int, head: bool = False) -> set[str]:
        """Who cast a vote written at token i ("Councillors voted 7-2": councillor); with
        `head`, only the last word of the party ("board" of "the school board")."""
        for k in range(i - 1, max(-1, i - 8), -1):
            if self.verbish(toks, k):
                agent = self.agent_before(toks, k, 0, relaxed=True)
                if agent is not None:
                    keys = [t.key for t in toks[agent[0] : agent[1]] if self.who(t)]
                    return set(keys[-1:]) if head else set(keys)
                return set()
        return set()
