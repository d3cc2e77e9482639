"""Matching: is each claim backed by the sources it cites?

- `types`: what crosses the judge seam (passages in, verdicts out), plain data;
- `protocol`: the `Judge` protocol a judge implements;
- `registry`: judges by name (built in, or from the `citecheck.judges` entry points);
- `matcher`: candidate passages, batching, evidence caps and suggestion shortlists;
- `lexical/`: the default judge, deterministic and CPU-only.
"""

from citecheck.match.matcher import Matcher
from citecheck.match.protocol import Judge
from citecheck.match.registry import available_judges, get_judge
from citecheck.match.types import ClaimQuery, JudgeRequest, Passage, Suggestion, Verdict

__all__ = [
    "ClaimQuery",
    "Judge",
    "JudgeRequest",
    "Matcher",
    "Passage",
    "Suggestion",
    "Verdict",
    "available_judges",
    "get_judge",
]
