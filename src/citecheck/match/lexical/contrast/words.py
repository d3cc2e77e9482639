"""Small words several checks read alike (determiners, prepositions, auxiliaries):
one list, so that every check stops a phrase at the same words."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.match.lexical.tokens import Tok

_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
)
_PREPOSITIONS = frozenset(
    {"of", "in", "at", "on", "for", "with", "by", "from", "into", "over", "under", "about"}
)
_AUXILIARIES = frozenset(
    {
        "will", "would", "shall", "should", "may", "might", "can", "could", "must", "has",
        "have", "had", "is", "are", "was", "were", "be", "been", "being", "do", "does",
        "did", "not", "never",
    }
)  # fmt: skip
_ADVERBS = frozenset({"also", "still", "already", "just", "then", "now", "later", "once"})


def _contains(toks: Sequence[Tok], words: tuple[str, ...], lo: int, hi: int) -> bool:
    n = len(words)
    for k in range(max(0, lo), min(len(toks), hi) - n + 1):
        if all(toks[k + m].low == w for m, w in enumerate(words)):
            return True
    return False
