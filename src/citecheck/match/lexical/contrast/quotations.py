"""Quotations: the claim's quoted words must be the source's, word for word, and
credited to whom the source credits them; a quote is the strongest claim a text makes."""

from __future__ import annotations

import numpy as np

from citecheck.match.lexical.contrast.base import CheckBase, Finding
from citecheck.match.lexical.contrast.words import _ADVERBS, _AUXILIARIES, _DETERMINERS
from citecheck.match.lexical.normalize import stem
from citecheck.match.lexical.quotes import SourceWordsCache, check_quote, claim_quotes
from citecheck.match.lexical.tokens import Text, Tok
from citecheck.match.lexical.vocab import Vocab

_SOURCE_WORDS = SourceWordsCache()


def _inflections_only(diff: str) -> bool:
    """A word-level diff ("-sport +sports") that only changes the forms of words."""
    gone = [w[1:] for w in diff.split() if w.startswith("-")]
    added = [w[1:] for w in diff.split() if w.startswith("+")]
    return (
        bool(gone)
        and len(gone) == len(added)
        and all(stem(a) == stem(b) or a[:4] == b[:4] for a, b in zip(gone, added, strict=True))
    )


def _is_pronoun(text: Text, span: list[int], v: Vocab) -> bool:
    return all(text.toks[i].low in v.pronouns for i in span)


def _speaker(text: Text, q_start: int, q_end: int, v: Vocab) -> list[int]:
    """Tokens of who is credited with the quotation at q_start..q_end (characters):
    the party next to the speech verb outside it ("...," said Rolf Ansgar; "...,"
    Superintendent Ana Gomez told; Governor Helena Marsh said "..."). With no quotation
    (q_start = q_end = the end), the speaker of the text's last statement."""
    toks = text.toks

    def inside(t: Tok) -> bool:
        return q_start <= t.start < q_end or (t.quoted and q_start != q_end)

    def party(k: int) -> bool:
        t = toks[k]
        return (
            not inside(t)
            and t.kind == "word"
            and (t.name or t.key in v.role_nouns or t.low in v.pronouns)
        )

    q_lo = next((k for k, t in enumerate(toks) if t.start >= q_start), len(toks))
    q_hi = next((k for k, t in enumerate(toks) if t.start >= q_end), len(toks))
    verbs = [
        k
        for k, t in enumerate(toks)
        if t.kind == "word" and t.key in v.speech_verbs and not inside(t)
    ]
    after = [k for k in verbs if k >= q_hi]
    if after:
        verb = after[0]
        gap = range(q_hi, verb)
        if all(
            toks[k].kind == "punct" or party(k) or toks[k].low in _DETERMINERS or toks[k].quoted
            for k in gap
        ):
            between = [k for k in gap if party(k)]
            if between:
                return between
            out: list[int] = []
            k = verb + 1
            while k < len(toks) and (party(k) or toks[k].low in _DETERMINERS | {"lead"}):
                if party(k):
                    out.append(k)
                k += 1
            if out:
                return out
    before = [k for k in verbs if k < q_lo]
    if before:
        verb = before[-1]
        if toks[verb].low.endswith("ing"):
            return []  # "..., saying": the speaker is the subject of another verb
        k = verb - 1
        while k >= 0 and (toks[k].low in _AUXILIARIES or toks[k].low in _ADVERBS):
            k -= 1
        found: list[int] = []
        if k >= 0 and toks[k].text == ",":  # "Maria Castillo, the bill's sponsor, said"
            m = k - 1
            while m >= 0 and toks[m].text != "," and k - m <= 8:
                m -= 1
            if m >= 0 and toks[m].text == ",":
                found.extend(x for x in range(m + 1, k) if party(x))
                k = m - 1
        while (
            k >= 0
            and not inside(toks[k])
            and (party(k) or (toks[k].low in ("of", "the") and k >= 1 and party(k - 1)))
        ):
            if party(k):
                found.append(k)
            k -= 1
        return sorted(found)
    return []


def _entities_agree(a: Text, a_span: list[int], b: Text, b_span: list[int], v: Vocab) -> bool:
    """Two speakers are the same when they share a name or, without names, a role."""
    a_names = {a.toks[i].key for i in a_span if a.toks[i].name}
    b_names = {b.toks[i].key for i in b_span if b.toks[i].name}
    a_roles = {a.toks[i].key for i in a_span if a.toks[i].key in v.role_nouns}
    b_roles = {b.toks[i].key for i in b_span if b.toks[i].key in v.role_nouns}
    a_names -= a_roles
    b_names -= b_roles
    if a_names and b_names:
        return bool(a_names & b_names)
    return (
        bool((a_names | a_roles) & (b_names | b_roles))
        or not (a_names | a_roles)
        or not (b_names | b_roles)
    )


class QuotationChecks(CheckBase):
    """Quoted words and their speakers."""

    def quotes(self) -> None:
        quotes = claim_quotes(self.claim.text)
        if not quotes:
            return
        for quote in quotes:
            checks = []
            for s, index in enumerate(self.retrieval.sources):
                checks.append((s, check_quote(quote, _SOURCE_WORDS.get(index.text))))
            found = [(s, c) for s, c in checks if c.found]
            if found:
                s, c = found[0]
                self.speaker(quote.start, quote.end, s, c.start, c.end)
                continue
            near = [(s, c) for s, c in checks if c.start >= 0]
            if near and self.title_quote(quote.start) and _inflections_only(near[0][1].diff):
                continue  # a title or an expression quoted with another word form
            if near:
                s, c = near[0]
                self.add(
                    Finding(
                        "quote_mismatch",
                        s,
                        c.claim_words,
                        c.source_words,
                        True,
                        kind="quotation",
                        diff=c.diff,
                    )
                )
                continue
            if not self.title_quote(quote.start):
                self.add(Finding("quote_absent", 0, quote.text, "", False, kind="quotation"))

    def title_quote(self, start: int) -> bool:
        """A quoted title, name or motto (checked as a name, not word for word)."""
        inside = [t for t in self.toks if t.start >= start and t.quoted]
        return bool(inside) and inside[0].titled

    def speaker(self, q_start: int, q_end: int, source: int, s_start: int, s_end: int) -> None:
        """The claim credits the quotation to whom the source credits it."""
        claim_speaker = _speaker(self.claim, q_start, q_end, self.v)
        if not claim_speaker or _is_pronoun(self.claim, claim_speaker, self.v):
            return
        index = self.retrieval.sources[source]
        where = int(np.searchsorted(index.starts, s_start, side="right")) - 1
        if where < 0:
            return
        sent = self._sentence(source, where)
        local_start, local_end = s_start - sent.offset, s_end - sent.offset
        source_speaker = _speaker(sent.text, local_start, local_end, self.v)
        if source_speaker and _is_pronoun(sent.text, source_speaker, self.v):
            source_speaker = []
            for back in range(where - 1, max(-1, where - 4), -1):
                prev = self._sentence(source, back)
                found = _speaker(prev.text, len(prev.text.text), len(prev.text.text), self.v)
                if found and not _is_pronoun(prev.text, found, self.v):
                    sent, source_speaker = prev, found
                    break
        if not source_speaker:
            return
        if _entities_agree(self.claim, claim_speaker, sent.text, source_speaker, self.v):
            return
        self.add(
            Finding(
                "speaker_mismatch",
                source,
                self.claim.span_text(min(claim_speaker), max(claim_speaker) + 1),
                sent.text.span_text(min(source_speaker), max(source_speaker) + 1),
                True,
                kind="speaker",
            )
        )
