"""The sentence splitter: abbreviations, numbers, quotes, ellipses, line breaks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.parse.sentences import normalize_for_scan, sentence_spans


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Smith met Mr. Jones on Friday. They talked.",
            ["Dr. Smith met Mr. Jones on Friday.", "They talked."],
        ),
        (
            "U.S. officials said so. Officials in the U.K. agreed.",
            ["U.S. officials said so.", "Officials in the U.K. agreed."],
        ),
        ("The firm is based in the U.S. The rule changed.", None),
        ("He met Gen. Park and Sen. Warren. Both spoke.", None),
        ("It began on Jan. 5 and ended Feb. 9. Nothing changed.", None),
        ("He lives at No. 10 Downing St. in London. It is old.", None),
        ("Prices rose, e.g. rent, i.e. housing. Apples, pears, etc. were sold.", None),
        ("J. R. R. Tolkien wrote it. John F. Kennedy read it.", None),
    ],
)
def test_abbreviations(text: str, expected: list[str] | None) -> None:
    if expected is None:
        # Two sentences; the first ends at the first ". " followed by a sentence starter.
        got = split(text)
        assert len(got) == 2, got
        assert got[0] + " " + got[1] == text
    else:
        assert split(text) == expected


def test_ambiguous_abbreviation_before_a_name_does_not_split() -> None:
    assert split("She joined Apple Inc. and stayed. Apple Inc. Chief Tim Cook spoke.") == [
        "She joined Apple Inc. and stayed.",
        "Apple Inc. Chief Tim Cook spoke.",
    ]


def test_decimals_and_numbers() -> None:
    assert split("Output rose 3.5 percent to $1.2 billion. It fell 0.3 points.") == [
        "Output rose 3.5 percent to $1.2 billion.",
        "It fell 0.3 points.",
    ]


def test_ellipses() -> None:
    assert split("He waited ... and then left. She paused... then spoke. Gone… Next.") == [
        "He waited ... and then left.",
        "She paused... then spoke.",
        "Gone…",
        "Next.",
    ]


def test_quotes_end_after_the_closing_quote() -> None:
    assert split('He said "we will win." Then he left. “Quoted.” Next. (Aside.) After.') == [
        'He said "we will win."',
        "Then he left.",
        "“Quoted.”",
        "Next.",
        "(Aside.)",
        "After.",
    ]


def test_question_in_quotes_followed_by_lowercase_continues() -> None:
    assert split('"Why?" he asked. Nobody knew!') == ['"Why?" he asked.', "Nobody knew!"]


def test_markers_after_the_full_stop_stay_with_the_sentence() -> None:
    assert split("It passed.[1] It failed [2]. Done.[3][4]") == [
        "It passed.[1]",
        "It failed [2].",
        "Done.[3][4]",
    ]


def test_blank_line_is_always_a_boundary() -> None:
    assert split("A heading without stop\n\nThe body starts here") == [
        "A heading without stop",
        "The body starts here",
    ]


def test_single_newline_after_sentence_punctuation_splits() -> None:
    assert split("First line.\nSecond line\ncontinues here.\nThird.") == [
        "First line.",
        "Second line\ncontinues here.",
        "Third.",
    ]


def test_hard_wrapped_abbreviation_does_not_split() -> None:
    assert split("He met Dr.\nSmith today.") == ["He met Dr.\nSmith today."]


def test_newline_before_list_items_and_headings_splits() -> None:
    text = "Items:\n- one\n- two\n1. First item\n2. Second item\n# Heading\nBody"
    assert split(text) == [
        "Items:",
        "- one",
        "- two",
        "1. First item",
        "2. Second item",
        "# Heading\nBody",
    ]


def test_crlf_and_cr_line_endings_keep_offsets() -> None:
    text = "Line one\r\nline two.\r\n\r\nPara two.\rPara three."
    assert split(text) == ["Line one\r\nline two.", "Para two.", "Para three."]


def test_invisible_characters_do_not_shift_offsets() -> None:
    text = "\u200bZero\u200d width. Bidi \u202ehere\u202c. Emoji 👩‍🚀 too.\x00 NUL\tend."
    got = split(text)
    assert got == ["Zero\u200d width.", "Bidi \u202ehere\u202c.", "Emoji 👩‍🚀 too.", "NUL\tend."]


def test_nbsp_is_whitespace() -> None:
    assert split("One.\u00a0Two.") == ["One.", "Two."]


def test_cjk_full_stops() -> None:
    assert split("今日は晴れ。明日は雨！") == ["今日は晴れ。", "明日は雨！"]


def test_empty_and_punctuation_only() -> None:
    assert sentence_spans("") == []
    assert sentence_spans("   \n\n  ") == []
    assert sentence_spans("***\n\n---") == []


def test_normalize_keeps_length() -> None:
    text = "a\r\nb\rc\u2028d\x00e\u200bf"
    assert len(normalize_for_scan(text)) == len(text)


def test_long_input_is_split_linearly() -> None:
    text = "Dr. Lee said the U.S. grew 3.5 percent. " * 20_000
    spans = sentence_spans(text)
    assert len(spans) == 20_000
    assert text[spans[-1][0] : spans[-1][1]] == "Dr. Lee said the U.S. grew 3.5 percent."


def test_one_enormous_word() -> None:
    text = "x" * 200_000 + ". Next."
    assert [b - a for a, b in sentence_spans(text)] == [200_001, 5]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab AB.!?\n\r\t\u00a0\u200b\"')[]1…é😀,")), max_size=200)
)
def test_spans_are_ordered_trimmed_and_inside(text: str) -> None:
    spans = sentence_spans(text)
    prev = 0
    norm = normalize_for_scan(text)
    for a, b in spans:
        assert prev <= a < b <= len(text)
        assert not norm[a].isspace()
        assert not norm[b - 1].isspace()
        prev = b


def test_times_degrees_and_exclamations_in_quotes() -> None:
    text = (
        "The meeting ended at 5 p.m. The next starts at 9 a.m. on Monday. "
        'She has a Ph.D. in economics. He shouted "Stop!" Then he left.'
    )
    assert split(text) == [
        "The meeting ended at 5 p.m.",
        "The next starts at 9 a.m. on Monday.",
        "She has a Ph.D. in economics.",
        'He shouted "Stop!"',
        "Then he left.",
    ]


def test_hard_wrapped_initial_at_line_start_does_not_split() -> None:
    assert split("Lee met with\nA. Smith on Friday. He left.") == [
        "Lee met with\nA. Smith on Friday.",
        "He left.",
    ]
