"""Marker scope: which markers cover a claim that has none of its own.

In news and encyclopedia writing a marker at the end of a paragraph often covers the
sentences before it. With scope "paragraph" (the default) a claim without markers is
covered by the next marker in its paragraph: in "A. B [2]." both A and B cite [2].
Claims after a paragraph's last marker, claims tagged [citation needed], headings and
code inherit nothing, and neither do claims that are not statements (questions,
fragments and transitions: the caller says which are, see `parse_article`). With scope
"sentence" a marker covers only its own sentence or clause.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from citecheck.parse.model import ParsedClaim

__all__ = ["NO_SOURCE_KINDS", "Statements", "apply_scope"]

#: Kinds of claim that never need or inherit a source.
NO_SOURCE_KINDS = frozenset({"heading", "code"})

#: Given the claims whose markers name no source, the indexes of those that are statements.
Statements = Callable[[Sequence[ParsedClaim]], set[int]]


def apply_scope(
    claims: Sequence[ParsedClaim], scope: str, statements: Statements | None = None
) -> list[ParsedClaim]:
    """`claims` with `covered_by` set where a later marker in the paragraph covers them."""
    if scope != "paragraph":
        return list(claims)
    unmarked = [c for c in claims if not c.marker_ids]
    if not unmarked:
        return list(claims)
    judged = statements(unmarked) if statements is not None else {c.index for c in unmarked}
    allowed = {
        c.index
        for c in unmarked
        if c.index in judged and not c.citation_needed and c.kind not in NO_SOURCE_KINDS
    }
    covered: dict[int, tuple[str, ...]] = {}
    carry: tuple[str, ...] = ()
    paragraph = None
    for claim in reversed(claims):
        if claim.paragraph != paragraph:
            paragraph, carry = claim.paragraph, ()
        if claim.marker_ids:
            carry = tuple(claim.marker_ids)
        elif carry and claim.index in allowed:
            covered[claim.index] = carry
    return [
        dataclasses.replace(c, covered_by=covered[c.index]) if c.index in covered else c
        for c in claims
    ]
