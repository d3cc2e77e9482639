"""Polarity: a negation on one side only, where it bears on what the claim states
("X did not Y" against "X did Y"); the commonest way a restatement says the opposite."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.match.lexical.align import same_word
from citecheck.match.lexical.contrast.base import (
    CHECK_COVER,
    CONTEXT,
    CheckBase,
    Finding,
    _Sentence,
    _Unit,
)
from citecheck.match.lexical.contrast.negations import _conditional, _Neg, _negations
from citecheck.match.lexical.contrast.words import _AUXILIARIES, _DETERMINERS, _PREPOSITIONS
from citecheck.match.lexical.tokens import Text, Tok


class PolarityChecks(CheckBase):
    """A negation the claim or the source has and the other lacks."""

    def polarity(self) -> None:
        pool: list[_Sentence] = []
        for unit in self.units:
            if unit.sent not in pool:
                pool.append(unit.sent)
        for window in self.retrieval.windows:
            for sent in self.sentences:
                if (
                    sent.source == window.source
                    and window.first <= sent.index <= window.last
                    and sent not in pool
                    and self.cover(sent, 0, len(self.toks)) >= 0.3
                ):
                    pool.append(sent)
        if not pool:
            return
        claim_negs = [n for n in _negations(self.claim, self.v) if not n.contrast]
        claim_keys = {t.key for t in self.toks if t.content}
        source_negs: list[tuple[_Sentence, _Neg]] = []
        # ", not a wet one": contrasts the claim makes too
        claim_contrasts = [
            {self.toks[k].key for k in n.scope}
            for n in _negations(self.claim, self.v)
            if n.contrast
        ]
        for sent in pool:
            for n in _negations(sent.text, self.v):
                if n.contrast:
                    y = {sent.text.toks[k].key for k in n.scope}
                    if any(y & c for c in claim_contrasts):
                        continue
                    if self.contrast_applies(sent, n):
                        source_negs.append((sent, n))
                elif self.bears_on(sent.text, n, claim_keys) and self.anchored_negation(sent, n):
                    source_negs.append((sent, n))
        used: set[int] = set()
        for m in claim_negs:
            meeting = [
                k
                for k, (sent, n) in enumerate(source_negs)
                if k not in used
                and self.scopes_meet(
                    m.scope, sent, n.scope + n.predicate if n.contrast else n.scope
                )
            ]
            partner = next(
                (
                    k
                    for k in meeting
                    if source_negs[k][1].scope
                    and m.scope
                    and self.scopes_meet(
                        m.scope[:1], source_negs[k][0], source_negs[k][1].scope[:1]
                    )
                ),
                meeting[0] if meeting else None,
            )
            if partner is not None:
                used.add(partner)
                continue
            if any(
                self.scopes_meet(m.scope, sent, n.scope)
                for sent in pool
                for n in _negations(sent.text, self.v)
                if not n.contrast
            ):
                continue  # a negation of the source's that says it too, held or not
            # the claim negates what its clause's own restatement states plainly
            units = [
                u
                for u in self.units
                if u.lo <= m.lo < u.hi
                and (
                    self.check_cover(u.sent, u.lo, u.hi) >= CHECK_COVER
                    # a looser restatement whose subject and verb are the claim's
                    # ("Fishing groups did not oppose ..." / "Fishing groups opposed ...")
                    or (m.scope and m.scope[0] in u.al.c2s and self.subject_aligned(u, m.lo))
                )
            ]
            restated = self.sentence_with(m.scope, [u.sent for u in units])
            if restated is None:
                restated = self.plain_statement(m)
            if restated is None:
                continue
            s_tok = self.counterpart(restated, m.scope)
            self.add(
                Finding(
                    "polarity_conflict",
                    restated.source,
                    self.claim_span(m.lo, (m.scope[-1] + 1) if m.scope else m.hi, 1, 0),
                    self.sent_span(restated, s_tok, s_tok + 1, 1, 2) if s_tok is not None else "",
                    True,
                    kind="negation",
                )
            )
        for k, (sent, n) in enumerate(source_negs):
            if k in used:
                continue
            counterpart = next(
                (c for j in n.scope if (c := self.claim_token_for(sent.text.toks[j])) is not None),
                None,
            )
            if counterpart is not None and any(
                m.lo < counterpart and self.toks[m.lo].clause == self.toks[counterpart].clause
                for m in claim_negs
            ):
                continue  # the claim negates that clause too
            if counterpart is not None and _conditional(self.toks, counterpart):
                continue  # the claim states it as a condition only ("If a risk exists")
            stoks = sent.text.toks
            if any(
                self.claim_token_for(stoks[j]) is not None and not self.used_alike(stoks, j)
                for j in n.scope
            ):
                continue  # "were denied overtime pay" says nothing of "agreed to pay"
            self.source_negation(sent, n)

    def source_negation(self, sent: _Sentence, n: _Neg) -> None:
        """The source negates what the claim states."""
        if n.contrast:
            y_toks = [sent.text.toks[i] for i in n.scope]
            claim_subject = self.claim_span(*self.subject_span(sent, n))
            is_entity = any(t.name or t.key in self.v.role_nouns for t in y_toks)
            source_value = self.sent_span(
                sent, min(n.subject or [n.lo]), max(n.predicate or n.scope) + 1
            )
            pred = [self.claim_token_for(sent.text.toks[i]) for i in n.predicate]
            pred_idx = [p for p in pred if p is not None]
            claim_value = claim_subject
            if pred_idx:
                start = self.subject_span(sent, n)[0]
                claim_value = self.claim_span(start, max(pred_idx) + 1, 0, 1)
            self.add(
                Finding(
                    "role_conflict" if is_entity else "polarity_conflict",
                    sent.source,
                    claim_value,
                    source_value,
                    True,
                    kind="agent" if is_entity else "negation",
                )
            )
            return
        claim_value = self.counterpart_span(sent, n)
        unit = next((u for u in self.units if u.sent is sent), None)
        if unit is not None and not claim_value:
            for op in unit.al.ops:
                if op.s_lo <= n.lo < op.s_hi:
                    if op.tag == "replace" and op.c_hi > op.c_lo:
                        claim_value = self.claim_span(op.c_lo, op.c_hi, 0, CONTEXT + 1)
                    else:
                        claim_value = self.claim_span(op.c_lo, op.c_lo, CONTEXT, CONTEXT + 1)
                    break
        if not claim_value:
            for i in n.scope:
                c = self.claim_token_for(sent.text.toks[i])
                if c is not None:
                    claim_value = self.claim_span(c, c + 1, CONTEXT, CONTEXT)
                    break
        end = (n.scope[-1] + 1) if n.scope else n.hi
        self.add(
            Finding(
                "polarity_conflict",
                sent.source,
                claim_value,
                self.sent_span(sent, n.lo, end, 1, 0),
                True,
                kind="negation",
            )
        )

    def anchored_negation(self, sent: _Sentence, n: _Neg) -> bool:
        """A source negation to hold against the claim: in the sentence restating a clause
        of it (with what it negates aligned to the claim), or negating two of its words."""
        for unit in self.units:
            if unit.sent is sent and any(j in unit.al.s2c for j in n.scope[:2]):
                return self.check_cover(sent, unit.lo, unit.hi) >= CHECK_COVER
        stoks = sent.text.toks
        hits = sum(
            any(same_word(stoks[j], c, self.synonyms) for c in self.toks if c.content)
            for j in n.scope
        )
        return hits >= 2

    def counterpart_span(self, sent: _Sentence, n: _Neg) -> str:
        """The claim's words for a negated phrase of the source: from the claim's word for
        the source word before the negation ("can" of "cannot") to its word for the last
        negated word ("keep"), or, for "denied"/"refused", from the claim's verb before."""
        stoks = sent.text.toks
        last = None
        for i in reversed(n.scope):
            last = self.claim_token_for(stoks[i])
            if last is not None:
                break
        if last is None:
            return ""
        k = n.lo - 1
        while k >= 0 and stoks[k].kind == "punct":
            k -= 1
        first = None
        if k >= 0:
            first = next(
                (
                    i
                    for i in range(max(0, last - 6), last)
                    if self.toks[i].key == stoks[k].key and self.toks[i].kind == "word"
                ),
                None,
            )
        if first is None and stoks[n.lo].key in self.v.negative_verbs:
            first = next(
                (i for i in range(last - 1, max(-1, last - 7), -1) if self.verbish(self.toks, i)),
                None,
            )
        if first is None:
            return ""
        return self.claim_span(first, self.phrase_end(last))

    def phrase_end(self, i: int) -> int:
        """Where the claim's phrase ending at token i ends: with its particle and its "of"
        complement ("ruled out", "a risk of collapse")."""
        toks = self.toks
        end = i + 1
        if end < len(toks) and toks[end].low in ("out", "up", "down", "off", "back"):
            end += 1
        if end + 1 < len(toks) and toks[end].low == "of" and toks[end + 1].content:
            end += 2
        return end

    def used_alike(self, toks: Sequence[Tok], j: int) -> bool:
        """The claim has source token j's word, and not as a verb where the source's is
        plainly a noun ("overtime pay" / "agreed to pay")."""
        noun = self.nounish(toks, j)
        same = [ci for ci, c in enumerate(self.toks) if c.content and c.key == toks[j].key]
        if not same:  # only then its synonyms
            same = [
                ci
                for ci, c in enumerate(self.toks)
                if c.content and same_word(toks[j], c, self.synonyms)
            ]
        return any(not (noun and self.verbish(self.toks, ci)) for ci in same)

    def nounish(self, toks: Sequence[Tok], j: int) -> bool:
        """Token j is plainly a noun: no verb, after a determiner, a possessive, a
        preposition or a modifier ("the pay", "overtime pay")."""
        if j == 0 or self.verbish(toks, j) or toks[j].quoted:
            return False
        prev = toks[j - 1]
        return (
            prev.low in _DETERMINERS
            or prev.low.endswith("'s")
            or prev.low in _PREPOSITIONS
            or (prev.content and prev.kind == "word" and not self.verbish(toks, j - 1))
        )

    def claim_token_for(self, tok: Tok) -> int | None:
        for i, t in enumerate(self.toks):
            if t.content and same_word(t, tok, self.synonyms):
                return i
        return None

    def counterpart(self, sent: _Sentence, scope: list[int]) -> int | None:
        for i in scope:
            for j, t in enumerate(sent.text.toks):
                if t.content and same_word(self.toks[i], t, self.synonyms):
                    return j
        return None

    def bears_on(self, text: Text, n: _Neg, claim_keys: set[str]) -> bool:
        """A negation bears on the claim when the claim has the word it negates (the very
        word, for "fail to", "refuse to", "deny", "lack", whose scope is often reworded)."""
        scope = n.scope
        if text.toks[n.lo].key in self.v.negative_verbs:
            hits = [i for i in scope if text.toks[i].key in claim_keys]
        else:
            hits = [
                i
                for i in scope
                if any(same_word(text.toks[i], c, self.synonyms) for c in self.toks if c.content)
            ]
        return bool(hits) and (hits[0] == scope[0] or len(hits) >= 2)

    def scopes_meet(self, claim_scope: list[int], sent: _Sentence, scope: list[int]) -> bool:
        return any(
            same_word(self.toks[i], sent.text.toks[j], self.synonyms)
            for i in claim_scope
            for j in scope
        )

    def plain_statement(self, m: _Neg) -> _Sentence | None:
        """A candidate sentence that states plainly what the claim negates, of the same
        subject: its negated verb and the word before the negation, and no negation of
        its own that covers them ("Fishing groups opposed the project")."""
        if not m.scope:
            return None
        k = m.lo - 1
        while k >= 0 and self.toks[k].low in _AUXILIARIES:
            k -= 1
        if k < 0 or not self.toks[k].content or not self.verbish(self.toks, m.scope[0]):
            return None
        verb, subject = self.toks[m.scope[0]], self.toks[k]
        for sent in self.sentences:
            if not (self.has(sent, verb) and self.has(sent, subject)):
                continue
            if any(self.scopes_meet(m.scope, sent, n.scope) for n in _negations(sent.text, self.v)):
                continue
            return sent
        return None

    def subject_aligned(self, unit: _Unit, cue: int) -> bool:
        """The content word before a negation cue (past its auxiliaries) is aligned."""
        k = cue - 1
        while k >= unit.lo and self.toks[k].low in _AUXILIARIES:
            k -= 1
        return k >= unit.lo and self.toks[k].content and k in unit.al.c2s

    def sentence_with(self, scope: list[int], pool: list[_Sentence]) -> _Sentence | None:
        """The sentence that states, without negating it, what a claim negation negates."""
        if not scope:
            return None
        head = self.toks[scope[0]]
        for sent in pool:
            if self.has(sent, head):
                return sent
        if len(scope) >= 2:
            for sent in pool:
                if sum(self.has(sent, self.toks[i]) for i in scope) >= 2:
                    return sent
        return None

    def subject_span(self, sent: _Sentence, n: _Neg) -> tuple[int, int]:
        """The claim's words before its word for the contrast's predicate."""
        for i in n.predicate:
            c = self.claim_token_for(sent.text.toks[i])
            if c is not None:
                return (0, c)
        return (0, 0)

    def contrast_applies(self, sent: _Sentence, n: _Neg) -> bool:
        """'X, not Y, does P': the claim says Y does P (its subject is Y, not X)."""
        lo, hi = self.subject_span(sent, n)
        if hi <= lo:
            return False
        subject = [t for t in self.toks[lo:hi] if t.content]
        has_y = any(
            same_word(t, sent.text.toks[i], self.synonyms) for t in subject for i in n.scope
        )
        has_x = any(
            same_word(t, sent.text.toks[i], self.synonyms) for t in subject for i in n.subject
        )
        return has_y and not has_x
