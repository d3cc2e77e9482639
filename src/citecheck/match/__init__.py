"""Matching: is each claim backed by the sources it cites?

`Matcher` indexes every source once, then answers batches of claims. Internals
(index, retrieval, judge) live in the modules of this package.
"""

from citecheck.match.matcher import Matcher
from citecheck.match.types import ClaimQuery, NeedDecision, Suggestion, Verdict

__all__ = ["ClaimQuery", "Matcher", "NeedDecision", "Suggestion", "Verdict"]
