"""The `Judge` protocol: the one seam a second judge (a cross-encoder, an NLI model) plugs into.

Like an HTTP transport, a judge crosses one cut-off on plain data:

- `prepare(text)` runs once per distinct source text (the `SourceStore` caches the
  result by content hash, per judge), so indexing or embedding a source that many
  claims or articles cite happens once;
- `judge_many(requests, prepared)` answers a batch of claims, each with its candidate
  passages, using the prepared sources by id. Evidence spans must satisfy
  `source_text[e.start:e.end] == e.quote`.

`passage_chars` says what candidates a judge wants: `None` for whole cited sources
(the judge finds its own evidence inside them, as the lexical judge does), or a
size in characters for windows shortlisted cheaply by lexical retrieval (for judges
that score (claim, passage) pairs and cannot read a whole document).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

from citecheck.match.types import JudgeRequest, Verdict


@runtime_checkable
class Judge(Protocol):
    """Decides whether candidate passages support claims, in batches."""

    #: The name users select it by (`Options.judge`, `--judge`).
    name: str
    #: None: whole cited sources as candidates; a number: windows of about that many chars.
    passage_chars: int | None

    def prepare(self, text: str) -> object:
        """Whatever the judge needs of one source text, computed once per distinct text."""
        ...

    def judge_many(
        self, requests: Sequence[JudgeRequest], prepared: Mapping[str, object]
    ) -> list[Verdict]:
        """One verdict per request, in order; `prepared` maps source id -> `prepare(text)`."""
        ...
