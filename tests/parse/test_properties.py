"""Property search over the parser alone: any text, any format, offsets stay exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.errors import CitecheckError
from tests.parse.util import parse

PIECES = [
    "[1]", "[2]", "[1, 2]", "[1][2]", "[1-3]", "[3–1]", "[^1]", "[^n]", ".[1]", " [2].",
    "[", "]", "[]", "[[1]]", "[1,,2]", "[1-]", "[-1]", "[1-100000000]", "[99999999999999999999]",
    "[sic]", "[citation needed]", "{{citation needed}}", "[a](http://x.y)", "[a][b]", "![i](x)",
    ".", "?", "!", "...", "…", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u200b",
    "\u202e", "\x00", "😀", "👩‍🚀", "שלום", "# ", "## ", "- ", "1. ", "> ", "```\n", "`", "**",
    "_", "|", "|---|\n", "    ", "<p>", "</p>", "<sup>1</sup>", "&amp;", "<script>x</script>",
    "<!-- citecheck: ignore -->", "<!-- citecheck: off why -->", "<!-- citecheck: on -->",
    "<!--", "-->", "[^1]: A note.", "[1]: http://x.y", "References\n", "\nSources\n",
    "Dr. ", "U.S. ", "3.5 ", "No. 10 ", '"Quoted." ', "e.g. ", "Wages rose", "Lee met Houngbo",
]  # fmt: skip

articles = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=50).map(
    "".join
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles, st.sampled_from(["auto", "text", "markdown", "html"]))
def test_parse_keeps_the_offset_contract(article: str, fmt: str) -> None:
    try:
        parsed = parse(article, format=fmt)
    except CitecheckError:
        return
    again = parse(article, format=fmt)
    assert parsed == again  # deterministic
    for claim in parsed.claims:
        assert claim.line >= 1
        assert claim.column >= 1
        assert len(claim.context) <= 1000
