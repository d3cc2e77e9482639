"""What every check shares: the claim, its candidate sentences and the clause
units aligned with them, and how a finding is kept. The families of checks are mixins
over `CheckBase`, so each reads the same alignment once."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cache

import numpy as np

from citecheck.match.lexical.align import Alignment, align
from citecheck.match.lexical.analyse import ClaimFacts
from citecheck.match.lexical.contrast.grammar import Grammar
from citecheck.match.lexical.index import SourceIndex
from citecheck.match.lexical.normalize import FACT_WEIGHT, Lexicon, stem
from citecheck.match.lexical.quantities import WORD_QUANTITIES, Quantity, extract
from citecheck.match.lexical.retrieve import Retrieval
from citecheck.match.lexical.tokens import Text, Tok, clause_groups, number_key, tokenize
from citecheck.match.lexical.vocab import Vocab, vocab_for

#: A clause is compared with a sentence that restates at least this share of its weight,
MIN_COVER = 0.5
#: ... or this share of what follows its subject.
PREDICATE_COVER = 0.6
#: Roles, directions, modality, quantifiers and negations the claim adds are compared only
#: in a sentence that restates at least this share of the clause.
CHECK_COVER = 0.6
#: Best sentences per cited source considered as the restatement of a clause.
CANDIDATES = 3
#: An edit of more tokens than this on a side is a rewording, not a swapped word.
MAX_OP = 5
#: Tokens a shown value may have around the changed words.
CONTEXT = 2


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a cited source says otherwise (or does not say) about the claim."""

    code: str  # the reason code: "number_conflict", "polarity_conflict", "added_content"...
    source: int  # position among the cited sources
    claim_value: str  # the claim's words
    source_value: str  # the source's words for the same thing ("" when it has none)
    contradicts: bool  # True: the source states otherwise; False: it does not state it
    kind: str = ""  # what was compared ("percent", "year", "agent", "negation", ...)
    diff: str = ""  # quotations: the word-level difference


@dataclass(slots=True)
class _Sentence:
    """A candidate sentence: its word keys from the source index, its tokens on demand
    (only the few sentences a check reads are tokenised)."""

    source: int
    index: int
    offset: int  # where the sentence starts in its source text
    raw: str
    keys: frozenset[str]
    stems: frozenset[str]
    lexicon: Lexicon
    quantities: list[Quantity] | None = None
    _text: Text | None = None

    @property
    def text(self) -> Text:
        if self._text is None:
            self._text = tokenize(self.raw, self.lexicon)
        return self._text


@dataclass(slots=True)
class _Unit:
    lo: int  # claim tokens lo..hi-1
    hi: int
    sent: _Sentence
    cover: float
    al: Alignment


@dataclass(slots=True)
class _Edit:
    """Neighbouring edits of an alignment, merged, with the tokens near their anchors."""

    c_lo: int
    c_hi: int
    s_lo: int
    s_hi: int
    c_idx: list[int]
    s_idx: list[int]
    merged: bool = False  # several edits joined


def _fold(text: str) -> str:
    return " ".join(text.split())


def _trimmed(finding: Finding) -> Finding:
    """The finding with the separators a span caught at its edges cut (", up 40.6" is told
    as "up 40.6"): a reason quotes words, not the comma before them."""
    claim = finding.claim_value.lstrip(_EDGE + ".").rstrip(_EDGE)
    source = finding.source_value.lstrip(_EDGE + ".").rstrip(_EDGE)
    if (claim, source) == (finding.claim_value, finding.source_value):
        return finding
    return replace(finding, claim_value=claim, source_value=source)


#: Separators a shown value never starts or ends with (nor starts with a full stop: a
#: value may end with one, as "U.S." does).
_EDGE = " ,;:"


@cache
def _figure_trigger(v: Vocab) -> re.Pattern[str]:
    return v.figure_trigger(WORD_QUANTITIES)


class CheckBase(Grammar):
    """One claim against its candidate sentences."""

    def __init__(self, facts: ClaimFacts, retrieval: Retrieval, lexicon: Lexicon) -> None:
        self.facts = facts
        self.retrieval = retrieval
        self.lexicon = lexicon
        self.v: Vocab = vocab_for(lexicon)
        self.synonyms = lexicon.synonyms
        self.claim = tokenize(facts.text, lexicon)
        self.toks = self.claim.toks
        self.findings: list[Finding] = []
        self._fit_weights: dict[int, list[float]] = {}
        self._weights = [self.weight(t) if t.content else 0.0 for t in self.toks]
        self.sentences = self._candidates()
        self.units = self._units()
        self._claim_quantities: list[Quantity] | None = None

    def _sentence(self, source: int, index: int) -> _Sentence:
        sindex: SourceIndex = self.retrieval.sources[source]
        start, _, text = sindex.quote(index, index)
        stop = self.lexicon.stop
        keys = {
            number_key(k) if k[:1].isdigit() else k for k in sindex.keys(index) if k not in stop
        }
        stems = frozenset(stem(k) for k in keys if len(k) >= 6)
        return _Sentence(source, index, start, text, frozenset(keys), stems, self.lexicon)

    def _candidates(self) -> list[_Sentence]:
        items = self.facts.items
        if not items:
            return []
        weights = np.array([i.weight for i in items], dtype=np.float64)
        picked: list[tuple[int, int]] = []
        for window in self.retrieval.windows:
            picked.extend((window.source, j) for j in range(window.first, window.last + 1))
        for s, matrix in enumerate(self.retrieval.presence):
            if not matrix.shape[1]:
                continue
            scores = weights @ matrix
            for j in np.argsort(-scores, kind="stable")[:CANDIDATES]:
                if scores[j] > 0:
                    picked.append((s, int(j)))
        return [self._sentence(s, j) for s, j in dict.fromkeys(picked)]

    def weight(self, tok: Tok) -> float:
        if tok.kind in ("num", "ord"):
            return FACT_WEIGHT
        weight = self.lexicon.rarity(tok.key)
        return max(weight, 3.0) if tok.name else weight

    def has(self, sent: _Sentence, tok: Tok) -> bool:
        """The sentence has the token's word (key, stem or synonym)."""
        if tok.key in sent.keys:
            return True
        if tok.kind != "word":
            return False
        if len(tok.key) >= 6 and stem(tok.key) in sent.stems:
            return True
        return any(s in sent.keys for s in self.synonyms.get(tok.key, ()))

    def cover(self, sent: _Sentence, lo: int, hi: int) -> float:
        """Share of the weight of claim tokens lo..hi-1 the sentence has."""
        total = 0.0
        got = 0.0
        for i in range(lo, hi):
            w = self._weights[i]
            if w > 0.0:
                total += w
                if self.has(sent, self.toks[i]):
                    got += w
        return got / total if total > 0 else 0.0

    def check_cover(self, sent: _Sentence, lo: int, hi: int) -> float:
        """`cover`, leaving out names the sentence lacks but the source gives elsewhere
        (the context a self-contained claim adds: "The Marlow County budget lowers ...")."""
        total = 0.0
        got = 0.0
        for i in range(lo, hi):
            w = self._weights[i]
            if w <= 0.0:
                continue
            t = self.toks[i]
            if self.has(sent, t):
                total += w
                got += w
            elif not (t.name and self.in_sources(t)):
                total += w
        return got / total if total > 0 else 0.0

    def in_sources(self, tok: Tok) -> bool:
        return any(
            tok.key in index.vocab or bool(index.same_stem(tok.key))
            for index in self.retrieval.sources
        )

    def fit(self, sent: _Sentence, lo: int, hi: int) -> float:
        """How well the sentence restates claim tokens lo..hi-1, for choosing it: words
        that few sentences of the source have count more ("Condominium prices ... 1.4
        percent" is the sentence about condominiums, not the one with the town's name)."""
        weights = self.fit_weights(sent.source)
        score = 0.0
        total = 0.0
        for tok_i in range(lo, hi):
            weight = weights[tok_i]
            if weight <= 0.0:
                continue
            total += weight
            if self.has(sent, self.toks[tok_i]):
                score += weight
        return score / total if total > 0 else 0.0

    def fit_weights(self, source: int) -> list[float]:
        """`fit`'s weight of every claim token for the sentences of one source."""
        cached = self._fit_weights.get(source)
        if cached is not None:
            return cached
        index: SourceIndex = self.retrieval.sources[source]
        out: list[float] = []
        for tok_i, tok in enumerate(self.toks):
            if not tok.content:
                out.append(0.0)
                continue
            if tok.kind in ("num", "ord"):
                df = len(index.number_postings.get(tok.key.lstrip("#"), ()))
                weight = 1.5 * FACT_WEIGHT
            else:
                hits = index.sentences_with(tok.key)
                df = 0 if hits is None else len(hits)
                weight = self.weight(tok)
                if tok.name:
                    # who is named may be the very thing the claim changed, and a claim
                    # names its context ("Maya Okoro ... the Westmere Open final"): names
                    # only break ties between sentences that restate what was done
                    weight *= 0.15
                elif self.verbish(self.toks, tok_i):
                    weight *= 2.0  # what was done says which sentence restates the clause
            weight *= math.log(1.0 + (index.size + 1.0) / (df + 1.0))
            out.append(weight)
        self._fit_weights[source] = out
        return out

    def _units(self) -> list[_Unit]:
        if not self.sentences:
            return []
        best: list[tuple[int, int, _Sentence, float]] = []
        for lo, hi in clause_groups(self.toks):
            # a sentence restates the clause when it has most of it, or most of what the
            # clause says its subject did (the subject may be the very thing changed:
            # "Agency director Marcus Webb said ..." where the source has another speaker)
            pred = self.after_subject(lo, hi)
            scored = [
                (self.fit(s, lo, hi), -k, s, cover)
                for k, s in enumerate(self.sentences)
                if (cover := self.check_cover(s, lo, hi)) >= MIN_COVER
                or (pred > lo and self.check_cover(s, pred, hi) >= PREDICATE_COVER)
            ]
            if not scored:
                continue
            _, _, sent, cover = max(scored, key=lambda t: (t[0], t[1]))
            if best and best[-1][2] is sent and best[-1][1] == lo:
                plo = best[-1][0]
                best[-1] = (plo, hi, sent, self.cover(sent, plo, hi))
            else:
                best.append((lo, hi, sent, cover))
        return [
            _Unit(lo, hi, sent, cover, align(self.toks, sent.text.toks, self.synonyms, lo, hi))
            for lo, hi, sent, cover in best
        ]

    def after_subject(self, lo: int, hi: int) -> int:
        """Where a clause's leading name or role ends ("Agency director Marcus Webb")."""
        k = lo
        while k < hi and (not self.toks[k].content and self.toks[k].kind == "word"):
            k += 1
        start = k
        while (
            k < hi
            and (self.who(self.toks[k]) or (self.toks[k].cap and self.toks[k].kind == "word"))
            and not self.role_verb(self.toks, k)
        ):
            k += 1
        return k if k > start else lo

    def claim_span(self, lo: int, hi: int, left: int = 0, right: int = 0) -> str:
        return self.claim.span_text(max(0, lo - left), min(len(self.toks), hi + right))

    @staticmethod
    def sent_span(sent: _Sentence, lo: int, hi: int, left: int = 0, right: int = 0) -> str:
        return sent.text.span_text(max(0, lo - left), min(len(sent.text.toks), hi + right))

    def add_conflict(
        self,
        code: str,
        sent: _Sentence,
        claim: tuple[int, ...],
        source: tuple[int, ...],
        kind: str,
    ) -> None:
        """`add` a conflict between claim tokens and sentence tokens, each given as
        `claim_span`'s (lo, hi[, left, right]): the one shape every family reports in."""
        self.add(
            Finding(
                code,
                sent.source,
                self.claim_span(*claim),
                self.sent_span(sent, *source),
                True,
                kind=kind,
            )
        )

    def add(self, finding: Finding) -> None:
        """Keep a finding unless one already names the same words of the claim."""
        finding = _trimmed(finding)
        value = _fold(finding.claim_value).lower()
        if finding.contradicts and (
            value == _fold(finding.source_value).lower()
            or not value.strip(" ,.;")
            or not finding.source_value.strip(" ,.;")
        ):
            return  # a conflict is told with two different values, or not at all
        for f in self.findings:
            other = _fold(f.claim_value).lower()
            if f.code == finding.code and other == value:
                return
            if (
                f.contradicts
                and finding.contradicts
                and value
                and other
                and (value in other or other in value)
            ):
                return
        self.findings.append(finding)

    def claim_quantities(self) -> list[Quantity]:
        if self._claim_quantities is None:
            self._claim_quantities = extract(self.claim, self.v)
        return self._claim_quantities

    def sent_quantities(self, sent: _Sentence) -> list[Quantity]:
        if sent.quantities is None:
            if sent._text is None and not _figure_trigger(self.v).search(sent.raw):
                sent.quantities = []  # no figure can start here: not worth tokenising
            else:
                sent.quantities = extract(sent.text, self.v)
        return sent.quantities

    def edits(self, unit: _Unit) -> list[_Edit]:
        """The unit's edits, neighbouring ones (at most two shared words apart) merged; each
        edit's tokens cut to those near the shared words around it (a long rewording is not
        read as a swapped word)."""
        merged: list[_Edit] = []
        for op in unit.al.ops:
            c_near = self.near(op.c_lo, op.c_hi)
            s_near = self.near(op.s_lo, op.s_hi)
            if (
                merged
                and 0 <= op.c_lo - merged[-1].c_hi <= 2
                and 0 <= op.s_lo - merged[-1].s_hi <= 2
            ):
                last = merged[-1]
                last.c_hi = max(last.c_hi, op.c_hi)
                last.s_hi = max(last.s_hi, op.s_hi)
                last.c_idx.extend(c_near)
                last.s_idx.extend(s_near)
                last.merged = True
            else:
                merged.append(_Edit(op.c_lo, op.c_hi, op.s_lo, op.s_hi, c_near, s_near))
        return merged

    @staticmethod
    def near(lo: int, hi: int, reach: int = 3) -> list[int]:
        """Indices lo..hi-1, or only the first and last `reach` of them when longer."""
        if hi - lo <= 2 * reach:
            return list(range(lo, hi))
        return [*range(lo, lo + reach), *range(hi - reach, hi)]
