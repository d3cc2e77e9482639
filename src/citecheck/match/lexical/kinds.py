"""A check anyone can run on a report: conflict reasons compare like with like.

A reason such as "source 1 says '6 million', the claim says '21'" pairs a sum of money with
the day of a date; an editor who meets it stops reading reasons. `kind_errors` reads the
two values of every conflict reason on their own, with the same readers the checks use,
and says which pairs are not of one kind: two figures of different kinds (a count and an
amount, a year and a percentage, miles and hours), a direction word against a word of
another axis, a quantifier against something that quantifies nothing, a party against
something that names none.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from citecheck.lang import Language, get_language
from citecheck.match.lexical.normalize import Lexicon
from citecheck.match.lexical.quantities import extract
from citecheck.match.lexical.tokens import tokenize
from citecheck.match.lexical.vocab import Vocab, vocab_for
from citecheck.report import Reason

#: Reasons whose two values are figures or dates.
QUANTITY_CODES = frozenset({"number_conflict", "date_conflict", "unit_conflict", "bound_conflict"})
#: Every reason that names a source's value and the claim's value.
CONFLICT_CODES = QUANTITY_CODES | frozenset(
    {
        "polarity_conflict",
        "direction_conflict",
        "role_conflict",
        "speaker_mismatch",
        "quote_mismatch",
        "modality_conflict",
        "quantifier_conflict",
    }
)


@cache
def _lexicon(language: Language) -> Lexicon:
    return Lexicon(language)


def figure_kinds(text: str, lexicon: Lexicon) -> set[str]:
    """The kinds of figure a value reads as on its own ("2 miles": {"measure:length"})."""
    return {q.family() for q in extract(tokenize(text, lexicon), vocab_for(lexicon))}


def _sides(text: str, lexicon: Lexicon, vocab: Vocab) -> set[tuple[str, int]]:
    out: set[tuple[str, int]] = set()
    for tok in tokenize(text, lexicon).toks:
        out |= vocab.sides(tok.key) | vocab.sides(tok.low)
    return out


def _parties(text: str, lexicon: Lexicon, vocab: Vocab) -> bool:
    toks = tokenize(text, lexicon).toks
    return any(
        t.kind == "word"
        and (
            t.cap
            or t.key in vocab.role_nouns
            or t.key in vocab.jurisdictions
            or t.low in vocab.places
        )
        for t in toks
    )


def _quantifies(text: str, lexicon: Lexicon, vocab: Vocab) -> bool:
    if figure_kinds(text, lexicon):
        return True
    lows = [t.low for t in tokenize(text, lexicon).toks]
    return any(low in vocab.quantifiers or low in vocab.number_words for low in lows) or any(
        tuple(lows[k : k + len(words)]) == words
        for words in vocab.quantifier_phrases
        for k in range(len(lows))
    )


def kind_errors(details: Iterable[Reason], language: Language | None = None) -> list[str]:
    """One line per conflict reason whose two values are not of one kind (empty if all are)."""
    lexicon = _lexicon(language or get_language("en"))
    vocab = vocab_for(lexicon)
    errors: list[str] = []
    for detail in details:
        if detail.code not in CONFLICT_CODES:
            continue
        claim = str(detail.params.get("claim_value", ""))
        source = str(detail.params.get("source_value", ""))
        where = f"{detail.code}: {detail.message}"
        if not claim.strip() or not source.strip():
            errors.append(f"{where} (a side is empty)")
            continue
        if detail.code in QUANTITY_CODES:
            mine, theirs = figure_kinds(claim, lexicon), figure_kinds(source, lexicon)
            kind = str(detail.params.get("kind", ""))
            if not mine or not theirs:
                errors.append(f"{where} (a side holds no figure)")
            elif not mine & theirs:
                errors.append(f"{where} ({sorted(theirs)} against {sorted(mine)})")
            elif kind and not any(f.split(":")[0] == kind for f in mine & theirs):
                errors.append(f"{where} (declared {kind!r}, read {sorted(mine & theirs)})")
        elif detail.code == "direction_conflict":
            mine_s, theirs_s = _sides(claim, lexicon, vocab), _sides(source, lexicon, vocab)
            if not any((axis, 1 - side) in theirs_s for axis, side in mine_s):
                errors.append(f"{where} (no opposite words of one axis)")
        elif detail.code == "quantifier_conflict":
            if not _quantifies(claim, lexicon, vocab) or not _quantifies(source, lexicon, vocab):
                errors.append(f"{where} (a side quantifies nothing)")
        elif detail.code in ("role_conflict", "speaker_mismatch") and (
            not _parties(claim, lexicon, vocab) or not _parties(source, lexicon, vocab)
        ):
            errors.append(f"{where} (a side names no party)")
    return errors
