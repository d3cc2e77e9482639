"""A matcher over given source texts, built the way `Checker.verify` builds one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from citecheck import Checker, Options, Source
from citecheck.match import ClaimQuery, Matcher, Suggestion, Verdict
from citecheck.need import NeedDecision

WIRE = (
    "SEOUL (Wire) -- President Lee Jae Myung met International Labour Organisation chief "
    "Gilbert Houngbo at the Blue House on Friday. The two discussed labour policy and the "
    "effect of artificial intelligence on jobs. Unemployment rose to 3.1 percent in October, "
    "the statistics office said. The ministry did not approve the new overtime rules. "
    "The weather in Seoul was mild."
)
SECOND = "Lee Jae Myung took office in June 2025. He has promised to cut working hours."


class Harness:
    """Sources prepared once; claims checked, suggested and weighed for need."""

    def __init__(self, sources: Mapping[str, str], options: Options | None = None) -> None:
        self.checker = Checker(options or Options())
        loaded = {sid: Source(id=sid, text=text) for sid, text in sources.items()}
        store = self.checker.new_store()
        self.matcher: Matcher = self.checker._matcher(store, loaded, self.checker.options)

    def check(self, text: str, *ids: str) -> Verdict:
        return self.matcher.check([ClaimQuery(text=text, source_ids=ids or ("1",))])[0]

    def check_many(self, queries: Sequence[ClaimQuery]) -> list[Verdict]:
        return self.matcher.check(queries)

    def suggest(self, text: str, context: str = "") -> list[Suggestion]:
        return self.matcher.suggest_many([(text, context)])[0]

    def need(self, text: str, context: str = "") -> NeedDecision:
        return self.checker.need.decide_many([(text, context)])[0]


def messages(verdict: Verdict) -> list[str]:
    """The verdict's reasons as text."""
    return [r.message for r in verdict.reasons]


def codes(verdict: Verdict) -> list[str]:
    return [r.code for r in verdict.reasons]
