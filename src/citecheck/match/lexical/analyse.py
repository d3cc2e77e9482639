"""What a claim asserts, as atomic items the sources must back.

A claim becomes a list of items: content words (by lemma key, weighted by rarity),
names, numbers and dates. Retrieval looks for each item in the source sentences;
the judge asks whether the items are backed, and by the same passage.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc

from citecheck.lang.nlp import get_nlp
from citecheck.match.lexical.normalize import FACT_WEIGHT, Lexicon

ItemKind = Literal["word", "name", "number", "date"]

#: A name weighs at least this much, however common the word ("Bush", "Young").
NAME_WEIGHT = 3.0
#: A capitalised sentence-initial word is a name only when rarer than this (zipf).
NAME_ZIPF_CEILING = 3.0


@dataclass(frozen=True, slots=True)
class Item:
    """One thing the claim asserts: a word, a name, a number or a date."""

    kind: ItemKind
    key: str  # canonical key: word key, number value or 'month:11'
    surface: str  # as the claim writes it
    weight: float
    clause: int = 0  # which clause of the claim it belongs to


@dataclass(slots=True)
class ClaimFacts:
    """A claim broken into items, with its polarity."""

    text: str
    items: list[Item] = field(default_factory=list)
    negated: bool = False
    keys_in_order: list[str] = field(default_factory=list)  # content keys, claim order
    runs: list[tuple[str, list[int]]] = field(default_factory=list)  # acronym, item rows

    def antonym_keys(self, lexicon: Lexicon) -> dict[str, frozenset[str]]:
        """Claim words with a known opposite, mapped to those opposites."""
        opposites = lexicon.antonyms
        return {i.key: opposites[i.key] for i in self.items if i.key in opposites}


def _is_name(doc: Doc, i: int, lexicon: Lexicon) -> bool:
    token = doc[i]
    text = token.text
    if not text[:1].isupper() or not token.is_alpha:
        return False
    if len(text) >= 2 and text.isupper():  # an acronym: "UNICEF", "US"
        return True
    if i == 0 or doc[i - 1].text in {".", "!", "?", ":", '"', "“", "(", "-"}:
        return lexicon.zipf(text.lower()) < NAME_ZIPF_CEILING
    return True


_CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–", "--"})


def analyse(doc: Doc, lexicon: Lexicon) -> ClaimFacts:
    """Break a tokenised claim into items, each tagged with its clause."""
    facts = ClaimFacts(text=doc.text)
    seen: set[tuple[str, str]] = set()
    clause = 0
    clause_at: list[int] = []  # clause of each token
    run: list[int] = []  # item rows of the current run of capitalised words
    run_initials: list[str] = []
    negations, stop = lexicon.negations, lexicon.stop
    skip_words = lexicon.date_words | lexicon.number_words
    joiners = lexicon.name_joiners

    def close_run() -> None:
        if len(run_initials) >= 2:
            facts.runs.append(("".join(run_initials).lower(), list(run)))
        run.clear()
        run_initials.clear()

    for i, token in enumerate(doc):
        low = token.lower_
        if low in _CLAUSE_PUNCT or (low in lexicon.clause_words and i > 0):
            clause += 1
        clause_at.append(clause)
        if low in negations or low == "n't":
            facts.negated = True
            close_run()
            continue
        if not token.is_alpha or len(low) < 2 or low in skip_words:
            if low not in joiners:
                close_run()
            continue
        key = lexicon.word_key(token.text)
        acronym = len(token.text) >= 2 and token.text.isupper()
        if (low in stop or key in stop) and not acronym:
            if low not in joiners:
                close_run()
            continue
        facts.keys_in_order.append(key)
        name = _is_name(doc, i, lexicon)
        kind: ItemKind = "name" if name else "word"
        if (kind, key) in seen or ("word", key) in seen or ("name", key) in seen:
            close_run()
            continue
        seen.add((kind, key))
        weight = lexicon.rarity(key)
        if name:
            weight = max(weight, NAME_WEIGHT)
        if token.text[:1].isupper():
            run.append(len(facts.items))
            run_initials.append(token.text[0])
        else:
            close_run()
        facts.items.append(
            Item(kind=kind, key=key, surface=token.text, weight=weight, clause=clause)
        )
    close_run()
    starts = [t.idx for t in doc]
    for kind_, value, surface, offset in _joined_number_words(doc.text, lexicon):
        kind2: ItemKind = "number" if kind_ == "number" else "date"
        if (kind2, value) not in seen:
            seen.add((kind2, value))
            at = max(0, bisect.bisect_right(starts, offset) - 1)
            facts.items.append(
                Item(
                    kind=kind2,
                    key=value,
                    surface=surface,
                    weight=FACT_WEIGHT,
                    clause=clause_at[at] if clause_at else 0,
                )
            )
    return facts


#: Texts longer than this are tokenised in pieces (spaCy refuses texts over `max_length`).
PIECE_CHARS = 100_000


def tokenise_all(texts: Sequence[str], lexicon: Lexicon) -> list[Doc]:
    """Docs of many texts in one pass of the pipeline; a text of any length is tokenised,
    in pieces cut at whitespace when it is long, joined back into one Doc with its offsets."""
    nlp = get_nlp(lexicon.language.spacy_code)
    pieces: list[str] = []
    owners: list[int] = []
    for k, text in enumerate(texts):
        for piece in _pieces(text):
            pieces.append(piece)
            owners.append(k)
    grouped: list[list[Doc]] = [[] for _ in texts]
    for owner, doc in zip(owners, nlp.pipe(pieces), strict=True):
        grouped[owner].append(doc)
    return [
        docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
        for docs in grouped
    ]


def _pieces(text: str) -> list[str]:
    """`text` in pieces of at most about PIECE_CHARS, each ending just after whitespace."""
    if len(text) <= PIECE_CHARS:
        return [text]
    out: list[str] = []
    start = 0
    while len(text) - start > PIECE_CHARS:
        cut = max(
            text.rfind(" ", start, start + PIECE_CHARS),
            text.rfind("\n", start, start + PIECE_CHARS),
        )
        cut = cut + 1 if cut > start else start + PIECE_CHARS  # no space: cut inside the word
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def _joined_number_words(text: str, lexicon: Lexicon) -> list[tuple[str, str, str, int]]:
    """The claim's facts, with a number written in words across a hyphen read as one
    ("Thirty-eight percent": 38, not 30 and 8)."""
    facts = list(lexicon.facts_in(text))
    out: list[tuple[str, str, str, int]] = []
    for fact in facts:
        kind, value, surface, offset = fact
        if out:
            p_kind, p_value, p_surface, p_offset = out[-1]
            end = p_offset + len(p_surface)
            if (
                kind == p_kind == "number"
                and text[end : end + 1] in ("-", "–")
                and offset == end + 1
                and p_value.isdigit()
                and value.isdigit()
                and 20 <= int(p_value) <= 90
                and int(p_value) % 10 == 0
                and 1 <= int(value) <= 9
                and p_surface.isalpha()
            ):
                out[-1] = (
                    kind,
                    str(int(p_value) + int(value)),
                    text[p_offset : offset + len(surface)],
                    p_offset,
                )
                continue
        out.append(fact)
    return out


def analyse_all(texts: Sequence[str], lexicon: Lexicon) -> list[ClaimFacts]:
    """Analyse many claims with one pass of the language's pipeline."""
    return [analyse(doc, lexicon) for doc in tokenise_all(texts, lexicon)]
