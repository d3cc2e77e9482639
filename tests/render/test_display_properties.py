"""Issue 12, item 2: the visible text of any HTML article keeps its claims, in order.

Whatever the markup, each claim's display span lies in the display text, spans come in
article order without overlapping, a claim's words appear in its span, and its markers'
spans lie inside it.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import citecheck
from citecheck.assemble import display_of
from citecheck.errors import CitecheckError
from tests.parse.test_robustness import PIECES
from tests.parse.util import words_in_order

HTML_PIECES = [
    *PIECES,
    "<!DOCTYPE html>", "<html>", "<head><title>T</title></head>", "<body>", "<p>", "</p>",
    "<br>", "<nav>Menu</nav>", "<script>var a = '<p>';</script>", "<style>p{}</style>",
    "&quot;", "&amp;", "&nbsp;", "&euro;", "<b>", "</b>", "<ul><li>", "<h2>", "</h2>",
    "Prices rose 4 percent.", " Officials said wages fell.", "\n   ",
]  # fmt: skip

articles = st.lists(st.one_of(st.sampled_from(HTML_PIECES), st.text(max_size=5)), max_size=40).map(
    lambda parts: "<p>" + "".join(parts)
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_display_spans_hold_their_claims(article: str) -> None:
    try:
        parsed = citecheck.parse(article, format="html")
    except CitecheckError:
        return
    if parsed.display is None:  # html.parser gave up: read as text, shown as written
        assert parsed.format == "text"
        return
    display = display_of(parsed)
    assert display is not None
    text = display.text
    assert len(parsed.display.offsets) == len(text)
    assert parsed.display.offsets == sorted(parsed.display.offsets)
    claims = {c.index: c for c in parsed.claims}
    previous_end = 0
    for shown in display.claims:
        assert previous_end <= shown.start < shown.end <= len(text)
        previous_end = shown.end
        span = text[shown.start : shown.end]
        assert words_in_order(span, claims[shown.index].text), (span, claims[shown.index].text)
        for marker in shown.markers:
            assert shown.start <= marker.start < marker.end <= shown.end
    assert "var a = '<p>';" not in text  # script and style text is never shown
