"""Inline `citecheck: ignore` comments are local; those that suppress nothing are reported."""

from __future__ import annotations

import pytest

from citecheck.parse import ParsedArticle
from citecheck.parse.model import UnusedSuppression
from tests.parse.util import parse

IGNORE = "<!-- citecheck: ignore opinion -->"


def suppressed(parsed: ParsedArticle) -> list[tuple[str, str | None]]:
    return [(c.text, c.suppressed) for c in parsed.claims]


def test_a_trailing_comment_suppresses_the_sentence_it_ends() -> None:
    parsed = parse(f"A claim. B claim. {IGNORE}\nC claim.\n\nD claim.")
    assert suppressed(parsed) == [
        ("A claim.", None),
        ("B claim.", "opinion"),
        ("C claim.", None),
        ("D claim.", None),
    ]
    assert parsed.unused_suppressions == []


def test_a_comment_touching_the_sentence_end_suppresses_it() -> None:
    parsed = parse(f"A claim.{IGNORE} B claim.")
    assert suppressed(parsed) == [("A claim.", "opinion"), ("B claim.", None)]


def test_a_comment_between_two_sentences_of_a_line_suppresses_the_next() -> None:
    parsed = parse(f"A claim. {IGNORE} B claim.")
    assert suppressed(parsed) == [("A claim.", None), ("B claim.", "opinion")]


def test_a_comment_inside_a_sentence_suppresses_it() -> None:
    parsed = parse(f"Prices {IGNORE} fell sharply [1]. Wages rose.")
    assert suppressed(parsed) == [("Prices fell sharply.", "opinion"), ("Wages rose.", None)]


def test_a_comment_on_its_own_line_suppresses_only_the_next_claim() -> None:
    parsed = parse(f"A claim.\n{IGNORE}\nB claim. C claim.\n\nD claim.")
    assert suppressed(parsed) == [
        ("A claim.", None),
        ("B claim.", "opinion"),
        ("C claim.", None),
        ("D claim.", None),
    ]


def test_a_comment_before_a_list_suppresses_its_first_item() -> None:
    parsed = parse(f"{IGNORE}\n- item one [1]\n- item two [2]\n", format="markdown")
    assert suppressed(parsed) == [("item one", "opinion"), ("item two", None)]


def test_a_comment_never_reaches_across_a_blank_line() -> None:
    article = f"A claim.\n\n{IGNORE}\n\nB claim.\n"
    parsed = parse(article)
    assert suppressed(parsed) == [("A claim.", None), ("B claim.", None)]
    (unused,) = parsed.unused_suppressions
    assert unused == UnusedSuppression(
        action="ignore",
        reason="opinion",
        start=article.index("<!--"),
        end=article.index("-->") + 3,
        line=3,
        column=1,
    )
    assert article[unused.start : unused.end] == IGNORE


def test_a_comment_at_the_end_of_the_document_is_unused() -> None:
    article = "A claim.\n\nB claim.\n<!-- citecheck: ignore stale note -->\n"
    parsed = parse(article)
    assert [c.suppressed for c in parsed.claims] == [None, None]
    assert [(u.action, u.reason, u.line, u.column) for u in parsed.unused_suppressions] == [
        ("ignore", "stale note", 4, 1)
    ]


def test_a_second_comment_for_the_same_claim_is_unused() -> None:
    article = (
        "<!-- citecheck: ignore first -->\nA claim. <!-- citecheck: ignore second -->\nB claim."
    )
    parsed = parse(article)
    assert suppressed(parsed) == [("A claim.", "first"), ("B claim.", None)]
    assert [u.reason for u in parsed.unused_suppressions] == ["second"]
    assert parsed.unused_suppressions[0].column == 10


def test_off_and_on_still_suppress_a_region() -> None:
    article = (
        "A claim.\n\n<!-- citecheck: off satire -->\n\nB claim.\n\nC claim.\n\n"
        "<!-- citecheck: on -->\n\nD claim."
    )
    parsed = parse(article)
    assert suppressed(parsed) == [
        ("A claim.", None),
        ("B claim.", "satire"),
        ("C claim.", "satire"),
        ("D claim.", None),
    ]
    assert parsed.unused_suppressions == []


@pytest.mark.parametrize(
    "article",
    [
        "A claim.\n\n<!-- citecheck: off empty -->\n<!-- citecheck: on -->\n\nB claim.",
        "A claim.\n\n<!-- citecheck: off empty -->\n",
        "<!-- citecheck: off empty -->\n<!-- citecheck: off second -->\nA claim.",
    ],
    ids=["nothing-between", "at-the-end", "superseded"],
)
def test_an_off_region_without_claims_is_unused(article: str) -> None:
    parsed = parse(article)
    assert [(u.action, u.reason) for u in parsed.unused_suppressions] == [("off", "empty")]
    assert article[parsed.unused_suppressions[0].start :].startswith("<!-- citecheck: off empty")


def test_markdown_heading_and_quote() -> None:
    article = f"# Title {IGNORE}\n\n> Quoted claim. {IGNORE}\n> Next line.\n"
    parsed = parse(article, format="markdown")
    assert suppressed(parsed) == [
        ("Title", "opinion"),
        ("Quoted claim.", "opinion"),
        ("Next line.", None),
    ]


# HTML: blocks are elements, so a comment at the end of a paragraph stays in it.


def test_html_comment_at_the_end_of_a_paragraph() -> None:
    parsed = parse(f"<p>A claim. {IGNORE}</p><p>B claim.</p>", format="html")
    assert suppressed(parsed) == [("A claim.", "opinion"), ("B claim.", None)]


def test_html_comment_before_a_paragraph() -> None:
    parsed = parse(f"<p>A claim.</p>\n{IGNORE}\n<p>B claim. C claim.</p>", format="html")
    assert suppressed(parsed) == [("A claim.", None), ("B claim.", "opinion"), ("C claim.", None)]


def test_html_comment_at_the_start_of_a_paragraph() -> None:
    parsed = parse(f"<p>A claim.</p><p>{IGNORE} B claim.</p>", format="html")
    assert suppressed(parsed) == [("A claim.", None), ("B claim.", "opinion")]


@pytest.mark.parametrize(
    "article",
    [
        f"<p>A claim.</p>\n\n{IGNORE}\n\n<p>B claim.</p>",
        f"<p>A claim.\n{IGNORE}</p>\n<p>B claim.</p>",
    ],
    ids=["blank-line", "own-line-at-paragraph-end"],
)
def test_html_comment_out_of_reach_is_unused(article: str) -> None:
    parsed = parse(article, format="html")
    assert [c.suppressed for c in parsed.claims] == [None, None]
    assert len(parsed.unused_suppressions) == 1
    assert article[parsed.unused_suppressions[0].start :].startswith(IGNORE)


def test_no_directives_no_unused() -> None:
    parsed = parse("A claim. <!-- an ordinary comment -->\n\nB claim.")
    assert parsed.unused_suppressions == []
    assert [c.suppressed for c in parsed.claims] == [None, None]
