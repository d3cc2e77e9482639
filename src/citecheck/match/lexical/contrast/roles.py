"""Roles: who did it. A different name in the same slot, the agent before the
shared verb, a swapped pair, a changed title; a claim can keep every word but the doer."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.match.lexical.align import Alignment, Op, align, same_word
from citecheck.match.lexical.contrast.base import MAX_OP, PREDICATE_COVER, Finding, _Sentence, _Unit
from citecheck.match.lexical.contrast.parties import PartyReading, _acronym_pair
from citecheck.match.lexical.contrast.words import _DETERMINERS, _PREPOSITIONS
from citecheck.match.lexical.normalize import stem
from citecheck.match.lexical.tokens import Tok

#: A renamed party is read only in a clause of at least this many content words,
RENAME_MIN_WORDS = 5
#: ... this share of which the sentence aligns;
RENAME_ALIGNED = 0.8
#: and neither name stands within this many words of the other side's edit.
RENAME_REACH = 2

_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "became", "become", "as"})


def _predicative(toks: Sequence[Tok], i: int) -> bool:
    """Token i is a noun said of a subject ("is a journalist and newspaper editor", "served
    as the county's treasurer"): a copula, then an article, within the four words before."""
    k = i - 1
    seen_article = False
    while k >= 0 and i - k <= 5:
        low = toks[k].low
        if low in ("a", "an", "the") or low.endswith("'s"):
            seen_article = True
        elif low in _COPULAS:
            return seen_article or low == "as"
        elif (toks[k].kind == "punct" and low != ",") or (toks[k].stop and low != "and"):
            return False  # "paid mostly by a federal grant": an agent after "by"
        k -= 1
    return False


def _cap_runs(toks: Sequence[Tok], lo: int, hi: int, skip: frozenset[str]) -> list[tuple[int, int]]:
    """Runs of one to four capitalised words in lo..hi-1 holding a name (not a sentence's
    first word, a quotation, or a word of `skip`: dates, and pronouns such as "I")."""

    def cap(t: Tok) -> bool:
        return t.is_word and t.cap and not t.quoted and not t.sentence_start and t.low not in skip

    runs: list[tuple[int, int]] = []
    i = lo
    while i < hi:
        if not cap(toks[i]):
            i += 1
            continue
        j = i
        while j < hi and cap(toks[j]):
            j += 1
        if j - i <= 4 and any(t.name for t in toks[i:j]):
            runs.append((i, j))
        i = j
    return runs


def _context(toks: Sequence[Tok], run: tuple[int, int], lo: int, hi: int) -> tuple[str, ...]:
    """The keys of the two words before a run and the two after it (punctuation left out;
    "" past the clause's ends): the slot the run fills."""
    before = [t.key for t in toks[lo : run[0]] if t.kind != "punct"][-2:]
    after = [t.key for t in toks[run[1] : hi] if t.kind != "punct"][:2]
    return (*([""] * (2 - len(before))), *before, *after, *([""] * (2 - len(after))))


def _name_head(toks: Sequence[Tok], run: tuple[int, int]) -> int:
    """The head word of a name: its last word, or the last before "of" ("Bank of Norland"
    heads on "Bank" as "Norland Times" on "Times"), so that the two fill one slot."""
    lo, hi = run
    of = next((k for k in range(lo + 1, hi) if toks[k].low == "of"), hi)
    return of - 1


class RoleChecks(PartyReading):
    """A party changed, swapped or retitled in the clause."""

    def roles(self, unit: _Unit) -> None:
        if self.substitutions(unit):
            return
        if self.swaps(unit):
            return
        if self.agents(unit):
            return
        if self.name_clash(unit):
            return
        if self.renamed(unit):
            return
        self.titles(unit)

    def name_clash(self, unit: _Unit) -> bool:
        """Two names that share a word but not the rest: "the Bank of Norland" where the
        source has "the Norland Times", "Manchester City" for "Manchester United"."""
        sent = unit.sent
        stoks = sent.text.toks
        seen: set[tuple[int, int]] = set()
        for i in range(unit.lo, unit.hi):
            tok = self.toks[i]
            j = unit.al.c2s.get(i)
            if j is None or not tok.name or tok.quoted or not stoks[j].name or stoks[j].quoted:
                continue
            c_run = self.name_run(self.toks, i)
            s_run = self.name_run(stoks, j)
            if c_run in seen:
                continue
            seen.add(c_run)
            c_keys = {t.key for t in self.toks[c_run[0] : c_run[1]] if t.content}
            s_keys = {t.key for t in stoks[s_run[0] : s_run[1]] if t.content}
            if max(len(c_keys), len(s_keys)) > 3 or any(
                t.text.isupper() and len(t.text) > 1
                for t in (*self.toks[c_run[0] : c_run[1]], *stoks[s_run[0] : s_run[1]])
            ):
                continue  # a long title, a headline in capitals: not one name for another
            c_extra, s_extra = c_keys - s_keys, s_keys - c_keys
            if len(c_extra) != 1 or len(s_extra) != 1:
                continue
            (c_word,), (s_word,) = c_extra, s_extra
            if c_word[:4] == s_word[:4]:
                continue  # "Ancient Greece" / "Ancient Greek": one name, spelt otherwise
            c_at = next(k for k in range(*c_run) if self.toks[k].key == c_word)
            s_at = next(k for k in range(*s_run) if stoks[k].key == s_word)
            heads = c_at == _name_head(self.toks, c_run) and s_at == _name_head(stoks, s_run)
            if (c_at < i) != (s_at < j) and not heads:
                continue  # "Native American" / "American Indian": not one slot
            if any(t.name and t.key in c_extra for t in stoks):
                continue  # the sentence names the claim's too: a list, not a swap
            if _acronym_pair(self.toks, list(range(*c_run)), stoks, list(range(*s_run))):
                continue
            if any(
                same_word(self.toks[a], stoks[b], self.synonyms)
                for a in range(*c_run)
                for b in range(*s_run)
                if self.toks[a].key in c_extra and stoks[b].key in s_extra
            ):
                continue
            self.add_conflict("role_conflict", sent, c_run, s_run, "name")
            return True
        return False

    def renamed(self, unit: _Unit) -> bool:
        """A name put in the very place of another, between the same words, in a sentence
        that otherwise says the same ("specializing in Cuba and Eneida Toner" / "in Cuba
        and Latin America"), even when the source names the claim's party elsewhere."""
        if not self.restated(unit):
            return False
        sent = unit.sent
        stoks = sent.text.toks
        skip = self.lexicon.date_words | self.v.pronouns
        s_runs = _cap_runs(stoks, 0, len(stoks), skip)
        for c_run in _cap_runs(self.toks, unit.lo, unit.hi, skip):
            context = _context(self.toks, c_run, unit.lo, unit.hi)
            for s_run in s_runs:
                if _context(stoks, s_run, 0, len(stoks)) == context and self.other_name(
                    unit, c_run, s_run
                ):
                    self.add_conflict("role_conflict", sent, c_run, s_run, "name")
                    return True
        return False

    def restated(self, unit: _Unit) -> bool:
        """The sentence aligns nearly every content word of the clause."""
        content = [i for i in range(unit.lo, unit.hi) if self.toks[i].content]
        aligned = [i for i in content if i in unit.al.c2s]
        return len(content) >= RENAME_MIN_WORDS and len(aligned) >= RENAME_ALIGNED * len(content)

    def other_name(self, unit: _Unit, c_run: tuple[int, int], s_run: tuple[int, int]) -> bool:
        """Two names that cannot be one: other words, no acronym or synonym of each other,
        neither next to the other side's (a list in another order)."""
        stoks = unit.sent.text.toks
        c_keys = {t.key for t in self.toks[c_run[0] : c_run[1]]}
        s_keys = {t.key for t in stoks[s_run[0] : s_run[1]]}
        c_extra, s_extra = c_keys - s_keys, s_keys - c_keys
        if not c_extra or not s_extra:
            return False
        near_s = {t.key for t in stoks[max(0, s_run[0] - RENAME_REACH) : s_run[1] + RENAME_REACH]}
        lo, hi = max(unit.lo, c_run[0] - RENAME_REACH), min(unit.hi, c_run[1] + RENAME_REACH)
        near_c = {t.key for t in self.toks[lo:hi]}
        if c_extra & near_s or s_extra & near_c:
            return False
        c_idx, s_idx = list(range(*c_run)), list(range(*s_run))
        if _acronym_pair(self.toks, c_idx, stoks, s_idx) or _acronym_pair(
            stoks, s_idx, self.toks, c_idx
        ):
            return False
        return not any(
            same_word(self.toks[a], stoks[b], self.synonyms) or a_key[:4] == b_key[:4]
            for a in c_idx
            for b in s_idx
            if (a_key := self.toks[a].key) in c_extra and (b_key := stoks[b].key) in s_extra
        )

    def substitutions(self, unit: _Unit, beside_verb: bool = False) -> bool:
        """An edit that puts another name, role or body in the slot of the source's (with
        `beside_verb`, only right before or after an aligned verb: "Residents opposed")."""
        sent = unit.sent
        stoks = sent.text.toks
        for op in unit.al.ops:
            if op.tag != "replace":
                continue
            slot = self.slot(unit, op)
            if slot is None:
                continue
            c_lo, c_hi, s_lo, s_hi = slot
            if beside_verb and not any(
                0 <= k < len(self.toks) and k in unit.al.c2s and self.verbish(self.toks, k)
                for k in (c_lo - 1, c_hi)
            ):
                continue
            c_who = [i for i in range(c_lo, c_hi) if self.who(self.toks[i])]
            s_who = [j for j in range(s_lo, s_hi) if self.who(stoks[j])]
            if not c_who or not s_who:
                continue
            if not (
                self.entity_phrase(self.toks, c_lo, c_hi) and self.entity_phrase(stoks, s_lo, s_hi)
            ):
                continue  # a slot that says more than who ("were not allowed to become")
            if all(_predicative(self.toks, i) for i in c_who):
                continue  # "is a newspaper editor": what someone is, not who acted
            first_c, first_s = self.toks[c_lo].low, stoks[s_lo].low
            if first_c in _PREPOSITIONS and first_s in _PREPOSITIONS and first_c != first_s:
                continue  # "in Glenville" / "over the Pike River": another detail, not a swap
            if not self.parties_differ(self.toks, c_who, stoks, s_who, sent):
                continue
            outside_c = {
                t.key
                for k, t in enumerate(self.toks[unit.lo : unit.hi], unit.lo)
                if not c_lo <= k < c_hi
            }
            if {stoks[j].key for j in s_who} <= outside_c:
                continue  # the source's party is in the claim too: a rewording (or a swap)
            named = {self.toks[i].key for i in c_who if self.toks[i].name}
            if named and named <= {t.key for k, t in enumerate(stoks) if not s_lo <= k < s_hi}:
                continue  # the sentence names the claim's party too: a list, not a swap
            # the whole party: "state" of "a state judge"
            c_end, s_end = c_hi, s_hi
            while c_end < unit.hi and self.who(self.toks[c_end]) and c_end - c_hi < 3:
                c_end += 1
            while s_end < len(stoks) and self.who(stoks[s_end]) and s_end - s_hi < 3:
                s_end += 1
            self.add_conflict("role_conflict", sent, (c_lo, c_end), (s_lo, s_end), "party")
            return True
        return False

    def slot(self, unit: _Unit, op: Op) -> tuple[int, int, int, int] | None:
        """The claim and source tokens of an edit that fills one slot: between two shared
        words, or at the head of the clause before a shared word, or at its end after one
        (a single name or role there)."""
        stoks = unit.sent.text.toks
        left = op.c_lo - 1
        while left >= unit.lo and self.toks[left].kind == "punct":
            left -= 1
        right = op.c_hi
        while right < unit.hi and self.toks[right].kind == "punct":
            right += 1
        left_in = left >= unit.lo and self.strong_anchor(unit, left, -1)
        right_in = right < unit.hi and self.strong_anchor(unit, right, 1)
        # at the head or the tail of the clause, the one anchor must say something
        if not (left_in and right_in):
            left_in = left_in and self.says(unit, left, -1)
            right_in = right_in and self.says(unit, right, 1)
        head = left < unit.lo or not any(t.content for t in self.toks[unit.lo : op.c_lo])
        tail = right >= unit.hi
        c_lo, c_hi, s_lo, s_hi = op.c_lo, op.c_hi, op.s_lo, op.s_hi
        if (left_in and right_in) or (head and right_in):
            pass
        elif tail and left_in:
            # the claim ends with a party of at most three words ("former delivery
            # drivers"); the source's words there, up to its first party, face it
            run = [i for i in range(c_lo, c_hi) if self.toks[i].kind != "punct"]
            if not run or len(run) > 3 or not self.who(self.toks[run[-1]]):
                return None
            first_c = self.toks[run[0]].low
            first_s = next((t.low for t in stoks[s_lo:s_hi] if t.kind != "punct"), "")
            if first_c in _PREPOSITIONS and first_s != first_c:
                return None  # "for Harbor City" / "and defender Kwame Asante": not one slot
            s_run = s_lo
            while s_run < s_hi and s_run - s_lo < 4 and not self.who(stoks[s_run]):
                s_run += 1
            while s_run < s_hi and self.who(stoks[s_run]):
                s_run += 1
            s_hi = s_run
        else:
            return None
        if c_hi - c_lo > MAX_OP + 1 or s_hi - s_lo > MAX_OP + 1 or s_hi <= s_lo:
            return None
        return c_lo, c_hi, s_lo, s_hi

    def says(self, unit: _Unit, i: int, step: int) -> bool:
        """Aligned token i carries content, or is a small word next to an aligned one that
        does ("a penalty by" before a name), or a determiner after such a preposition
        ("a report from the" before a name: the slot of the preposition's object)."""
        if self.toks[i].content:
            return True
        k = i + step
        if not (unit.lo <= k < unit.hi and k in unit.al.c2s):
            return False
        if self.toks[k].content:
            return True
        return (
            step < 0
            and self.toks[i].low in _DETERMINERS
            and self.toks[k].low in _PREPOSITIONS
            and unit.lo <= k + step
            and k + step in unit.al.c2s
            and self.toks[k + step].content
        )

    def strong_anchor(self, unit: _Unit, i: int, step: int) -> bool:
        """Token i is aligned, and says something or has aligned words next to it."""
        if i not in unit.al.c2s:
            return False
        if self.toks[i].is_word and not self.toks[i].stop:
            return True
        k = i + step
        while unit.lo <= k < unit.hi and self.toks[k].kind == "punct":
            k += step
        return unit.lo <= k < unit.hi and k in unit.al.c2s

    def swaps(self, unit: _Unit) -> bool:
        """Two parties the claim and the source both name, on the other sides of a shared
        word ("Okafor defeated Whitfield" / "Whitfield ... defeating Okafor"), in any
        candidate sentence that names both."""
        parties = {t.key for t in self.toks[unit.lo : unit.hi] if self.entity(t) and not t.stop}
        if len(parties) < 2:
            return False
        # the act the parties stand on either side of: a verb, or a comparison
        acts = {
            t.key
            for i, t in enumerate(self.toks[unit.lo : unit.hi], unit.lo)
            if t.content and (self.verbish(self.toks, i) or t.low.endswith("er"))
        }
        for sent in [unit.sent] + [s for s in self.sentences if s is not unit.sent]:
            if len(parties & sent.keys) < 2:
                continue
            if sent is not unit.sent and not (
                acts & sent.keys or any(stem(k) in sent.stems for k in acts if len(k) >= 6)
            ):
                continue  # no shared act: nothing to swap around
            al = (
                unit.al
                if sent is unit.sent
                else align(self.toks, sent.text.toks, self.synonyms, unit.lo, unit.hi)
            )
            if self.swapped(unit, sent, al):
                return True
        return False

    def swapped(self, unit: _Unit, sent: _Sentence, al: Alignment) -> bool:
        stoks = sent.text.toks
        s_runs = self.runs(stoks, 0, len(stoks))
        placed: list[tuple[tuple[int, int], tuple[int, int]]] = []
        for run in self.runs(self.toks, unit.lo, unit.hi):
            keys = self.run_keys(self.toks, run)
            names = {t.key for t in self.toks[run[0] : run[1]] if t.name}
            for s in s_runs:
                skeys = self.run_keys(stoks, s)
                shared = keys & skeys
                if shared and (not names or shared & names):
                    placed.append((run, s))
                    break
        for a in range(len(placed)):
            for b in range(a + 1, len(placed)):
                (ca, sa), (cb, sb) = placed[a], placed[b]
                if sa == sb or self.run_keys(self.toks, ca) & self.run_keys(self.toks, cb):
                    continue
                for i in range(ca[1], cb[0]):
                    j = al.c2s.get(i)
                    tok = self.toks[i]
                    if j is None or not tok.content or self.who(tok) or tok.quoted or tok.cap:
                        continue
                    # the act or the comparison the two parties stand on either side of
                    comparison = i + 1 < len(self.toks) and self.toks[i + 1].low in ("than", "of")
                    if not (self.verbish(self.toks, i) or comparison):
                        continue
                    if not (sb[1] <= j < sa[0]):
                        continue
                    if self.passive(self.toks, ca, cb) != self.passive(stoks, sb, sa):
                        continue
                    verb = self.claim_span(i, i + 1 + self.verb_tail(i))
                    self.add(
                        Finding(
                            "role_conflict",
                            sent.source,
                            f"{self.claim_span(*ca)} {verb}",
                            f"{sent.text.span_text(*sb)} {self.sent_span(sent, j, j + 1)}",
                            True,
                            kind="swap",
                        )
                    )
                    return True
        return False

    def agents(self, unit: _Unit) -> bool:
        """The party right before a shared verb must be the source's party for it.

        Every candidate sentence that restates what the clause says its subject did is
        read; a conflict is reported only when none of them gives the claim's party that
        act ("Tom Reyes, who voted ..." backs "Tom Reyes voted", even if another sentence
        says the board voted). For speech verbs the sentence must also hold what was said.
        """
        pred = self.after_subject(unit.lo, unit.hi)
        verb = next((i for i in range(pred, unit.hi) if self.verbish(self.toks, i)), None)
        passive = verb is not None and self.is_passive(self.toks, verb)
        sentences = [unit.sent] + [
            s
            for s in self.sentences
            if s is not unit.sent
            and (pred > unit.lo or passive)
            and (
                self.cover(s, pred, unit.hi) >= PREDICATE_COVER
                or (
                    verb is not None
                    and self.has(s, self.toks[verb])
                    and self.toks[verb].key not in self.v.speech_verbs
                    and (self.cover(s, pred, unit.hi) >= 0.25 or passive)
                )
            )
        ]
        conflict: Finding | None = None
        for n, sent in enumerate(sentences):
            al = (
                unit.al
                if n == 0
                else align(self.toks, sent.text.toks, self.synonyms, unit.lo, unit.hi)
            )
            found = self.agent_conflict(unit, sent, al)
            if found is None:
                continue
            if isinstance(found, str):
                return False  # they agree
            conflict = conflict or found
        if conflict is None:
            return False
        attested = self.attested(conflict, unit)
        if attested:
            return False
        self.add(conflict)
        return True

    def agent_conflict(self, unit: _Unit, sent: _Sentence, al: Alignment) -> Finding | str | None:
        """The first shared verb whose parties differ (a finding), agree ("agree"), or None."""
        stoks = sent.text.toks
        for i in range(unit.lo, unit.hi):
            j = al.c2s.get(i)
            if j is None or not self.verbish(self.toks, i):
                continue
            passive = self.is_passive(self.toks, i)
            if passive != self.is_passive(stoks, j):
                # "Sorensen led the justices" / "the justices, led by Justice Paul Varga":
                # the active subject against the passive's agent; any other mix of frames
                # is another sentence frame
                by = None if passive else self.agent_after_by(stoks, j)
                mine = self.agent_before(self.toks, i, unit.lo, relaxed=False)
                if by is None or mine is None:
                    continue
                c_idx = [a for a in range(*mine) if self.who(self.toks[a])]
                s_idx = [b for b in range(*by) if self.who(stoks[b])]
                if not self.parties_differ(self.toks, c_idx, stoks, s_idx, sent):
                    return "agree"
                return Finding(
                    "role_conflict",
                    sent.source,
                    f"{self.claim_span(*mine)} {self.claim_span(i, i + 1)}",
                    f"{self.sent_span(sent, j, j + 1)} by {sent.text.span_text(*by)}",
                    True,
                    kind="agent",
                )
            c_agent = None if passive else self.agent_before(self.toks, i, unit.lo, relaxed=False)
            if c_agent is None:
                c_agent = self.agent_after_by(self.toks, i)
                passive = c_agent is not None
            if c_agent is None:
                continue
            if passive:
                s_agent = self.agent_after_by(stoks, j)
            else:
                s_agent = self.agent_before(stoks, j, 0, relaxed=True) or self.agent_after_by(
                    stoks, j
                )
            if s_agent is None:
                continue
            c_idx = [a for a in range(*c_agent) if self.who(self.toks[a])]
            s_idx = [b for b in range(*s_agent) if self.who(stoks[b])]
            n_lo, n_hi = self.name_run(self.toks, c_agent[1] - 1)
            while n_lo > 0 and self.toks[n_lo - 1].cap and self.toks[n_lo - 1].is_word:
                n_lo -= 1  # "Michael" of "Michael Jordan" at the start of a sentence
            c_name = list(range(n_lo, n_hi))
            if not self.parties_differ(self.toks, c_idx, stoks, s_idx, sent) or _acronym_pair(
                stoks, s_idx, self.toks, c_name
            ):
                return "agree"  # ... or "MJ" for "Michael Jordan"
            speech = self.toks[i].key in self.v.speech_verbs
            verb = self.claim_span(i, i + 1 + self.verb_tail(i))
            return Finding(
                "speaker_mismatch" if speech else "role_conflict",
                sent.source,
                f"{self.claim_span(*c_agent)} {verb}",
                f"{sent.text.span_text(*s_agent)} {self.sent_span(sent, j, j + 1)}",
                True,
                kind="speaker" if speech else "agent",
            )
        return None

    def attested(self, conflict: Finding, unit: _Unit) -> bool:
        """Another candidate sentence gives the claim's party the same (non-speech) act."""
        if conflict.code == "speaker_mismatch":
            return False
        for sent in self.sentences:
            al = align(self.toks, sent.text.toks, self.synonyms, unit.lo, unit.hi)
            if self.agent_conflict(unit, sent, al) == "agree":
                return True
        return False

    def titles(self, unit: _Unit) -> None:
        """A person both name, given another role ("Mayor" / "Council member")."""
        sent = unit.sent
        stoks = sent.text.toks
        for i in range(unit.lo, unit.hi):
            tok = self.toks[i]
            if not tok.name or tok.quoted or i not in unit.al.c2s:
                continue
            if i + 1 < unit.hi and self.toks[i + 1].name:
                continue  # not the last word of the name
            j = unit.al.c2s[i]
            c_roles = self.attached_roles(self.toks, i, unit.lo, unit.hi)
            s_roles = self.attached_roles(stoks, j, 0, len(stoks))
            if not c_roles or not s_roles:
                continue
            c_keys = {self.toks[k].key for k in c_roles}
            s_keys = {stoks[k].key for k in s_roles}
            if c_keys & s_keys or any(
                same_word(self.toks[a], stoks[b], self.synonyms) for a in c_roles for b in s_roles
            ):
                continue
            self.add_conflict(
                "role_conflict",
                sent,
                (min(c_roles), max(max(c_roles), i) + 1),
                (min(s_roles), max(max(s_roles), j) + 1),
                "role",
            )
            return
