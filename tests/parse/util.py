"""Checks every parser test applies: offsets exact, claims ordered, markers as written."""

from __future__ import annotations

import re

from citecheck.config import Options
from citecheck.parse import ParsedArticle, ParsedClaim, parse_article


def words_in_order(haystack: str, text: str) -> bool:
    """Every word (run of word characters) of `text` occurs in `haystack`, in order."""
    pos = 0
    for word in re.findall(r"\w+", text):
        found = haystack.find(word, pos)
        if found < 0:
            return False
        pos = found + len(word)
    return True


def check(article: str, parsed: ParsedArticle) -> None:
    """The offset contract of the parser, for any article."""
    prev_end = 0
    for i, claim in enumerate(parsed.claims):
        assert claim.index == i
        assert 0 <= claim.start < claim.end <= len(article), claim
        assert claim.start >= prev_end, ("claims overlap", parsed.claims[i - 1], claim)
        prev_end = claim.end
        span = article[claim.start : claim.end]
        assert claim.text.strip(), claim
        assert claim.text == " ".join(claim.text.split())
        assert words_in_order(span, claim.text), (span, claim.text)
        for marker in claim.markers:
            assert article[marker.start : marker.end] == marker.text
            assert claim.start <= marker.start < marker.end <= claim.end
    for ref in parsed.references.values():
        assert 0 <= ref.start < ref.end <= len(article)
        assert words_in_order(article[ref.start : ref.end], ref.text)


def parse(article: str, **options: object) -> ParsedArticle:
    parsed = parse_article(article, Options.build(**options) if options else None)
    check(article, parsed)
    return parsed


def texts(parsed: ParsedArticle) -> list[str]:
    return [c.text for c in parsed.claims]


def by_text(parsed: ParsedArticle, start: str) -> ParsedClaim:
    return next(c for c in parsed.claims if c.text.startswith(start))
