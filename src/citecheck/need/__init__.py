"""Citation need: does a sentence that cites nothing state something a reader needs a source for?

A second decision beside matching, with its own cues (`signals`), features and fitted
model (`need_model.json`): `CitationNeed(language, lexicon).decide_many(pairs)`.
"""

from citecheck.need.decide import CitationNeed, NeedDecision

__all__ = ["CitationNeed", "NeedDecision"]
