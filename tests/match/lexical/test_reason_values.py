"""Reason values quote whole words: never "'ll send", "long-" or ". Mobile App"."""

from __future__ import annotations

import pytest

import citecheck
from citecheck.lang import get_language
from citecheck.match.lexical.judge import LexicalJudge
from citecheck.match.lexical.tokens import Text, tokenize

TEXT = "We'll send the long-term plan on 30-Jun-2021, 'a turning point'."


@pytest.fixture(scope="module")
def text() -> Text:
    return tokenize(TEXT, LexicalJudge(get_language("en")).lexicon)


def _index(text: Text, start: int) -> int:
    return next(k for k, t in enumerate(text.toks) if t.start == start)


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("'ll", "send", "We'll send"),  # a contraction's remainder takes its word
        ("long", "long", "long-term"),  # half a hyphenated word takes the rest
        ("Jun", "Jun", "30-Jun-2021"),
        ("turning", "point", "turning point"),  # a quotation mark is not part of a word
    ],
)
def test_spans_widen_to_whole_words(text: Text, first: str, last: str, expected: str) -> None:
    lo = _index(text, TEXT.index(first))
    hi = _index(text, TEXT.index(last)) + 1
    assert text.span_text(lo, hi) == expected


def test_a_changed_half_of_a_hyphenated_word_is_quoted_whole() -> None:
    source = "The council approved a long-term lease for the harbour warehouse on Tuesday."
    claim = "The council approved a short-term lease for the harbour warehouse on Tuesday [1]."
    result = citecheck.verify(claim, {"1": source}).claims[0]
    for reason in result.details:
        for value in reason.params.values():
            if isinstance(value, str):
                assert not value.endswith("-"), reason.message
                assert not value.startswith(("-", "'", ".")), reason.message
