"""GitHub alerts (`> [!NOTE]` …): the tag line is a label; the body is quoted claims."""

from __future__ import annotations

import pytest

from tests.parse.util import parse, texts

KINDS = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION", "note", "Warning"]


@pytest.mark.parametrize("kind", KINDS)
def test_alert_tag_is_not_claim_text(kind: str) -> None:
    article = (
        "The port reported its figures [1].\n\n"
        f"> [!{kind}]\n"
        "> The port handled 14.8 million containers [1]. Volumes rose 6%.\n"
    )
    parsed = parse(article, format="markdown")
    assert texts(parsed) == [
        "The port reported its figures.",
        "The port handled 14.8 million containers.",
        "Volumes rose 6%.",
    ]
    body = parsed.claims[1:]
    assert [c.kind for c in body] == ["quote", "quote"]
    assert article[body[0].start : body[0].end] == "The port handled 14.8 million containers [1]."
    assert article[body[1].start : body[1].end] == "Volumes rose 6%."
    assert body[0].line == 4
    assert body[0].column == 3
    assert body[0].citations == ["1"]


def test_alert_is_detected_as_markdown_and_keeps_multiline_bodies() -> None:
    article = (
        "> [!IMPORTANT]\n> Ministers met on Friday\n> in Geneva [2].\n>\n> Talks resume in May.\n"
    )
    parsed = parse(article)
    assert parsed.format == "markdown"
    assert texts(parsed) == ["Ministers met on Friday in Geneva.", "Talks resume in May."]
    assert all(c.kind == "quote" for c in parsed.claims)
    first = parsed.claims[0]
    assert article[first.start : first.end] == "Ministers met on Friday\n> in Geneva [2]."


def test_alert_without_a_body_is_nothing() -> None:
    parsed = parse("> [!TIP]\n\nWages rose [1].\n", format="markdown")
    assert texts(parsed) == ["Wages rose."]


def test_tag_inside_a_quote_is_ordinary_text() -> None:
    # GitHub only reads the tag on the quote's first line; later it is literal text.
    parsed = parse("> Officials said so.\n> [!NOTE]\n", format="markdown")
    assert texts(parsed) == ["Officials said so.", "[!NOTE]"]


def test_other_bracket_tags_stay_text() -> None:
    parsed = parse("> [!BANANA]\n> Ministers met [1].\n", format="markdown")
    assert texts(parsed) == ["[!BANANA] Ministers met."]
