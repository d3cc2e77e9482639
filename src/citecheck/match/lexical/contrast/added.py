"""Added content: a record, a cause, a figure or a closing clause that no cited
passage states. Not a contradiction, but what a reader would take the source to say."""

from __future__ import annotations

import re

from citecheck.match.lexical.contrast.base import Finding
from citecheck.match.lexical.contrast.figures import FigureChecks
from citecheck.match.lexical.contrast.words import _DETERMINERS
from citecheck.match.lexical.normalize import Lexicon
from citecheck.match.lexical.tokens import Tok

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


def _superlative(tok: Tok, lexicon: Lexicon) -> bool:
    """'steepest', 'youngest': a word in -est whose lemma is shorter."""
    return tok.kind == "word" and tok.low.endswith("est") and len(tok.key) < len(tok.low) - 1


class AddedChecks(FigureChecks):
    """Claim words no cited passage backs."""

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
        while lo < i and self.toks[lo].kind == "punct":
            lo += 1  # the stray mark of "Peoples' activities": not a word the claim adds
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
