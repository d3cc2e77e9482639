"""The fast source index is the index as it was: same spans, keys, facts and postings.

`reference_index.py` keeps the splitter and `build_index` as they were before
preparation was made faster (issue 10, item 9); every test here builds both and
compares every field of `SourceIndex`, on hand-written tricky texts and on texts
Hypothesis composes from the same kind of pieces.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.lang import get_language
from citecheck.match.lexical import index as fast
from citecheck.match.lexical.index import SourceIndex, build_index
from citecheck.match.lexical.normalize import TOKEN, Lexicon
from citecheck.parse.sentences import normalize_for_scan, splitter_for
from tests.match.lexical import reference_index as reference

ENGLISH = get_language("en")
WORDS = ENGLISH.splitter


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(ENGLISH)


def _same(a: object, b: object) -> bool:
    """Equal values of equal types, arrays included (dtype, shape and content)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (
            isinstance(a, np.ndarray)
            and isinstance(b, np.ndarray)
            and a.dtype == b.dtype
            and a.shape == b.shape
            and bool((a == b).all())
        )
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def assert_same_index(text: str, lexicon: Lexicon) -> None:
    got = build_index(text, lexicon)
    want = reference.build_index(text, lexicon)
    names = [f.name for f in dataclasses.fields(SourceIndex)]
    assert sorted(names) == sorted(want), "SourceIndex gained or lost a field: update the oracle"
    for name in names:
        assert _same(getattr(got, name), want[name]), f"{name} differs for {text!r}"


def assert_same_spans(text: str) -> None:
    splitter = splitter_for(ENGLISH)
    assert normalize_for_scan(text) == reference.normalize_for_scan(text)
    assert splitter.spans(text) == reference.sentence_spans(text, WORDS)
    assert splitter.spans_of_normalized(text) == reference.spans_of_normalized(text, WORDS)


LONG_WORD = "x" * 1700
TRICKY = [
    "",
    " ",
    "\n\n\t ",
    "***\n\n---",
    "Dr. Smith met Mr. Jones on Friday. They talked.",
    "U.S. officials said so. Officials in the U.K. agreed. The firm is based in the U.S. The rule.",
    "It began on Jan. 5 and ended Feb. 9, 2021. Nothing changed on Sept. 11.",
    "He lives at No. 10 Downing St. in London. It is old. See p. 3 and Fig. 2.",
    "Prices rose, e.g. rent, i.e. housing. Apples, pears, etc. were sold. Apple Inc. The end.",
    "J. R. R. Tolkien wrote it. John F. Kennedy read it. A. The B. C.",
    "Output rose 3.5 percent to $1.2 billion. It fell 0.3 points. 1,000.5 and 1,000,000 and 12,34.",
    "Sales were 5bn, 3 million, 12% and 40 per cent, 7 percent, 2 k, 15m and 1.5tn in 2019.",
    "On 2018-03-14 and 2020-12-1 and 1999-1-12, the 1990s and 2000s ended; 1,999 and 1999.5.",
    "May2019, abc123, 12abc and 5May: may we? In March, march! MAY, JAN. and Sat. or sat.",
    "one of the two, zero-sum, twenty one, a dozen, ninety-nine, ONE HUNDRED, One million people.",
    "On Monday, Tuesday and Wed. the International Labour Organization (ILO) met the U.N. Bank.",
    "The Bank of England and the Bank for International Settlements de Paris met The Fed.",
    "He said ‘it’s fine’. She didn’t. Rock’n’roll’s O’Brien’s don't can't won’t.",
    "東京は大きい。本当に？はい！「そうです。」次の文。",
    "Claims [1] are cited [2][3]. A marker [12] ends it [1].",
    "He waited ... and then left. She paused... then spoke. Gone… Next. Wait. . . What?!",
    "- a list item\n- another item\n1. First\n2. Second\na) option\n# Heading\n## Sub",
    "Line one.\nLine two\nline three.\r\nLine four.\rLine five.\x0bLine six.\u2028Seven.",
    "Zero\u200bwidth\ufeff and\x00control\x1fchars\u202e here. Next\u2060one.",
    "Superscripts x² and ³ and ½, Arabic ٣٤ and ٢٠١٩, Devanagari ४२, fullwidth １２.",
    "Café résumé naïve São Paulo. Zürich’s İstanbul ß straße. Ångström 5Å.",
    "(meta data) TITLE: Fantasia | IndieWire\n(meta data) AUTHOR: https://www.x.com/a/b.c\n",
    "Visit www.example.com/a.b?c=d. Email me@x.org. Version 3.2.1 is out. v2.0.",
    "A sentence that goes on " + "and on " * 300 + "until it stops.",
    "A" + LONG_WORD + " word and a long run" + "y" * 1600 + ". The end.",
    "Table: " + " | ".join(str(n) for n in range(600)) + ".",
    "\n".join(f"Item {n}. Value {n * 1.5}." for n in range(40)),
    "Mr.\nSmith. etc.\nThe end. Inc.\nNext. approx. 5 units. vs. them.",
    "\"Quoted.\" 'Single.' «Guillemets.» (Parens.) [Brackets.] Next.",
    "i. First ii. Second iv. Fourth. IV. Roman. a. option b. two.",
    "The U.S.A. and the U.S.S.R. met. E.U. rules. a.m. and p.m. times. 5 p.m. The end.",
    "5. Five. 10. Ten. 100. Hundred. 1000. Thousand.",
    "It cost $5.50. It cost 5.5.5. The 1.2.3 version. Dates 01.02.2003 and 1,2,3.",
    "WHO and ILO and UN and AI and GDP. World Health Organization reported.",
    "Tabs\tbetween\twords. New\tLine\tHere.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_index_the_same(text: str, lexicon: Lexicon) -> None:
    assert_same_spans(text)
    assert_same_index(text, lexicon)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_index_the_same_with_a_fresh_lexicon(text: str) -> None:
    """Every token unseen: the lexicon's cache misses take the other path."""
    assert_same_index(text, Lexicon(ENGLISH))


PIECES = [
    "Dr. ", "U.S. ", "e.g. ", "etc. ", "J. ", "Inc. ", "No. ", "1. ", "a. ", "ii. ", " ", "\n",
    "\n\n", "\n- ", "\n1. ", "\n# ", "...", ". . .", "…", "?", "!", "?!", "‽", "。", "」", "’",
    "'", '"', ")", "(", "«", "¿", "[1]", "[12345]", "The ", "the ", "He ", "Bank of England ",
    "International Labour Organization ", "ILO ", "5", "12", "1,000", "1,000.5", "3.5", "2019",
    "1990s", "2018-03-14", "%", " percent", " per cent", " million", "bn", "k ", "May ", "may ",
    "March ", "Mon. ", "Sept. ", "twelve ", "one ", "zero", "dozen", "word", "Word", "\t",
    "\r\n", "\r", "\u200b", "\x00", "\u2028", "don’t", "O'Brien", "rock'n'roll", "²", "٣",
    "é", "İ", "ß", "東京", "x" * 40, "Wages rose ", "Lee met Houngbo", ".", ",", "-", "_",
]  # fmt: skip

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=60).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_composed_texts_index_the_same(text: str) -> None:
    lexicon = _shared_lexicon()
    assert_same_spans(text)
    assert_same_index(text, lexicon)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=200, max_size=400).map("".join))
def test_long_composed_texts_index_the_same(text: str) -> None:
    assert_same_index(text, _shared_lexicon())


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_splits_the_same(text: str) -> None:
    assert_same_spans(text)


_LEXICON: list[Lexicon] = []


def _shared_lexicon() -> Lexicon:
    if not _LEXICON:
        _LEXICON.append(Lexicon(ENGLISH))
    return _LEXICON[0]


# -- the helpers the fast index is built from ------------------------------------------

TOKEN_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(list("aZ09_.,'’ \n-éß٣²Ⅻ中İ½\u0301")), st.characters()),
    max_size=40,
)


@settings(max_examples=500, deadline=None)
@given(TOKEN_TEXT, st.data())
def test_fast_token_patterns_find_what_token_finds(text: str, data: Any) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    want = TOKEN.findall(text[start:end])
    assert fast._TOKEN.findall(text, start, end) == want
    if text[start:end].isascii():  # how `_tokens` uses it: on a sentence without others
        assert fast._ASCII_TOKEN.findall(text, start, end) == want


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=60))
def test_ascii_token_pattern_on_ascii_text(text: str) -> None:
    assert fast._ASCII_TOKEN.findall(text) == TOKEN.findall(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_name_runs_are_the_same(text: str) -> None:
    old = reference._name_run(ENGLISH.name_joiners)
    new = fast._name_run(ENGLISH.name_joiners)
    assert [(m.start(), m.group()) for m in new.finditer(text)] == [
        (m.start(), m.group()) for m in old.finditer(text)
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40))
def test_keys_of_is_word_key_per_token(pieces: list[str]) -> None:
    lexicon = _shared_lexicon()
    tokens = TOKEN.findall("".join(pieces))
    assert lexicon.keys_of(tokens) == [lexicon.word_key(t) for t in tokens]


def test_fact_keys_cover_every_token_that_may_start_a_fact() -> None:
    """The invariant `build_index` relies on to find number and date candidates by key."""
    lexicon = Lexicon(ENGLISH)
    tokens = [
        *lexicon.fact_tokens,
        *TOKEN.findall(" ".join(TRICKY)),
        *TOKEN.findall("² ³ ٣٤ ٢٠١٩ ४२ １２ 0 00 1st 2nd 3rd 4th 7 11 1,5"),
    ]
    keys = lexicon.keys_of(tokens)
    for token, key in zip(tokens, keys, strict=True):
        if token[0].isdigit() or token in lexicon.fact_tokens:
            assert key[:1].isdigit() or key in lexicon.fact_keys, (token, key)


def test_a_digit_token_whose_key_is_not_a_digit_is_still_a_candidate() -> None:
    """Were a lemma to turn a figure into a word, the figure would still be found."""
    lexicon = Lexicon(ENGLISH)
    original = lexicon.word_key
    lexicon.word_key = lambda token: "two" if token == "2" else original(token)
    text = "Sales rose 2 percent in 2 years. It was 2."
    assert_same_index(text, lexicon)
    index = build_index(text, lexicon)
    assert "two" in lexicon.fact_keys
    assert index.token_keys.count("two") == 3
    assert list(index.number_postings) == ["2"]
    assert index.number_postings["2"].tolist() == [0, 1]


def _spelling_as_before(lexicon: Lexicon, word: str) -> str:
    """`Lexicon.spelling` as it was (every suffix rule tried in turn)."""
    variants = dict(ENGLISH.spelling_variants)
    if word in variants:
        return variants[word]
    if len(word) < 5:
        return word
    for old, new in ENGLISH.spelling_suffixes:
        if word.endswith(old):
            other = word[: -len(old)] + new
            if lexicon.zipf(other) > max(lexicon.zipf(word), 1.5):
                return other
            return word
    return word


def test_spelling_is_as_before(lexicon: Lexicon) -> None:
    from wordfreq import top_n_list

    words = [*top_n_list("en", 20_000), *ENGLISH.spelling_variants]
    words += [
        w + old
        for w in ("organ", "real", "colo", "cent", "travel", "catal")
        for old, _ in ENGLISH.spelling_suffixes
    ]
    assert [lexicon.spelling(w) for w in words] == [_spelling_as_before(lexicon, w) for w in words]


def test_overlong_sentences_are_cut_as_before(lexicon: Lexicon) -> None:
    text = "Start " + ("abcdefghij" * 200) + " middle " + ("w " * 1200) + "end. Next one."
    assert_same_index(text, lexicon)
    index = build_index(text, lexicon)
    assert int((index.ends - index.starts).max()) <= 1500
