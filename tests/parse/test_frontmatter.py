"""Front matter (YAML `---`, TOML `+++`) is metadata: never a claim; its title is exposed."""

from __future__ import annotations

import pytest

import citecheck
from citecheck.parse.frontmatter import find_front_matter
from tests.parse.util import parse, texts

BODY = "# Port volumes\n\nThe port handled 14.8 million containers [1].\n"

YAML = (
    "---\n"
    'title: "Port of Halvermund: a record year"\n'
    "date: 2025-01-31\n"
    "tags:\n"
    "  - ports\n"
    "  - trade\n"
    "---\n" + BODY
)

TOML = (
    '+++\ntitle = "Port of Halvermund: a record year"\ndate = 2025-01-31\ndraft = false\n+++\n'
    + BODY
)


@pytest.mark.parametrize("article", [YAML, TOML], ids=["yaml", "toml"])
def test_front_matter_is_never_a_claim(article: str) -> None:
    parsed = parse(article)
    assert parsed.format == "markdown"
    assert texts(parsed) == ["Port volumes", "The port handled 14.8 million containers."]
    claim = parsed.claims[1]
    # Offsets after the front matter index the original string.
    assert article[claim.start : claim.end] == "The port handled 14.8 million containers [1]."
    assert claim.markers[0].start == article.index("[1]")
    assert claim.line == article[: claim.start].count("\n") + 1


@pytest.mark.parametrize("article", [YAML, TOML], ids=["yaml", "toml"])
def test_front_matter_title(article: str) -> None:
    assert parse(article).title == "Port of Halvermund: a record year"
    assert citecheck.parse(article).title == "Port of Halvermund: a record year"


def test_claim_offsets_are_those_of_the_body_alone() -> None:
    plain = parse(BODY)
    fronted = parse(YAML)
    shift = len(YAML) - len(BODY)
    assert [(c.start + shift, c.end + shift) for c in plain.claims] == [
        (c.start, c.end) for c in fronted.claims
    ]


@pytest.mark.parametrize(
    "prefix", ["\ufeff", "\n\n", "\ufeff\n  \n", "\r\n"], ids=["bom", "blank", "bom+blank", "crlf"]
)
def test_bom_and_blank_lines_before_front_matter(prefix: str) -> None:
    article = prefix + YAML
    parsed = parse(article)
    assert parsed.title == "Port of Halvermund: a record year"
    assert texts(parsed) == ["Port volumes", "The port handled 14.8 million containers."]


def test_crlf_front_matter() -> None:
    article = YAML.replace("\n", "\r\n")
    parsed = parse(article)
    assert parsed.title == "Port of Halvermund: a record year"
    claim = parsed.claims[1]
    assert article[claim.start : claim.end] == "The port handled 14.8 million containers [1]."
    assert claim.line == 10


def test_auto_detection_reads_front_matter_as_markdown() -> None:
    # Without front matter this short article has no Markdown in it: plain text.
    body = "Wages rose 5% in 2024 [1]. Prices fell.\n"
    assert parse(body).format == "text"
    assert parse("---\ntitle: Wages\n---\n" + body).format == "markdown"
    assert parse('+++\ntitle = "Wages"\n+++\n' + body).format == "markdown"


def test_front_matter_before_html_is_skipped_in_html() -> None:
    article = "---\nlayout: post\ntitle: Wages\n---\n<p>Wages rose 5% in 2024<sup>1</sup>.</p>\n"
    parsed = parse(article)
    assert parsed.format == "html"
    assert parsed.title == "Wages"
    assert texts(parsed) == ["Wages rose 5% in 2024."]
    assert parsed.claims[0].markers[0].text == "<sup>1</sup>"


def test_a_later_thematic_break_is_not_front_matter() -> None:
    article = "Wages rose [1].\n\n---\ntitle: not metadata\n---\n\nPrices fell [2].\n"
    parsed = parse(article, format="markdown")
    assert parsed.title is None
    assert "title: not metadata" in texts(parsed)


def test_a_rule_then_prose_is_not_yaml() -> None:
    article = "---\nThe minister said the talks went well.\n---\n\nPrices fell [2].\n"
    parsed = parse(article, format="markdown")
    assert parsed.title is None
    assert texts(parsed)[0] == "The minister said the talks went well."


def test_unclosed_front_matter_is_text() -> None:
    article = "---\ntitle: Wages\n\nWages rose [1].\n"
    parsed = parse(article, format="markdown")
    assert parsed.title is None
    assert "Wages rose." in texts(parsed)


def test_markers_and_comments_inside_front_matter_are_ignored() -> None:
    article = "---\ntitle: Wages [1]\nsummary: <!-- citecheck: ignore -->\n---\n\nWages rose [2].\n"
    parsed = parse(article)
    assert [(c.text, c.citations, c.suppressed) for c in parsed.claims] == [
        ("Wages rose.", ["2"], None)
    ]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("title: Plain title", "Plain title"),
        ("title: Plain title # a comment", "Plain title"),
        ("title: 'It''s a title'", "It's a title"),
        ('title: "Say \\"hi\\" \\u00e9"', 'Say "hi" é'),
        ('title: "Port #1: records"', "Port #1: records"),
        ("title: !!str 2025", "2025"),
        ("title: ~", None),
        ("title:", None),
        ('title: ""', None),
        ("title: [a, b]", None),
        ('"title": Quoted key', "Quoted key"),
        ("title: >-\n  Folded over\n  two lines\ndate: 2025", "Folded over two lines"),
        ("title: A plain title\n  that continues", "A plain title that continues"),
        ("seo:\n  title: Nested, not the article's\ndate: 2025", None),
    ],
)
def test_yaml_title_scalars(line: str, title: str | None) -> None:
    article = f"---\n{line}\n---\nWages rose [1].\n"
    front = find_front_matter(article)
    assert front is not None
    assert front.kind == "yaml"
    assert front.title == title


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ('title = "Plain"', "Plain"),
        ("title = 'Literal \\n'", "Literal \\n"),
        ('title = """\nMulti\nline"""', "Multi line"),
        ("title = 2025", None),
        ("title = ", None),  # broken TOML: still front matter, no title
        ("[params]\ntitle = 'Nested'", None),
        ("a = " + "[" * 3000 + "]" * 3000, None),  # too deep for tomllib: no error escapes
    ],
)
def test_toml_titles(body: str, title: str | None) -> None:
    article = f"+++\n{body}\n+++\nWages rose [1].\n"
    front = find_front_matter(article)
    assert front is not None
    assert front.kind == "toml"
    assert front.title == title
    assert texts(parse(article)) == ["Wages rose."]


def test_front_matter_span() -> None:
    article = "\ufeff\n---\ntitle: x\n...\nBody."
    front = find_front_matter(article)
    assert front is not None
    assert article[front.start : front.end] == "---\ntitle: x\n..."


def test_front_matter_is_capped() -> None:
    # A fence that never closes within the cap is not front matter, and costs little.
    article = "---\n" + "key: value\n" * 5000 + "---\nWages rose [1].\n"
    assert find_front_matter(article) is None
    assert find_front_matter("---\n" + "x" * 1_000_000) is None
