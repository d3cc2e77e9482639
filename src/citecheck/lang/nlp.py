"""spaCy pipelines, one per language code, each built once per process.

The default pipeline needs nothing beyond PyPI: a blank tokenizer and a lookup
lemmatizer whose tables come from `spacy-lookups-data`. Sentence boundaries are
citecheck's own (see `citecheck.parse.sentences`), because spaCy's rule-based
sentencizer splits on abbreviations such as "No. 10". A pipeline holds no state
that grows with use, so sharing it between engines is safe.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import TYPE_CHECKING

from citecheck.errors import InvalidOptionsError

if TYPE_CHECKING:
    from spacy.language import Language as SpacyPipeline

_lock = threading.Lock()


@cache
def _build(spacy_code: str) -> SpacyPipeline:
    import spacy

    nlp = spacy.blank(spacy_code)
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (OSError, ValueError) as exc:  # lookup tables missing
        raise InvalidOptionsError(
            f"spaCy's lemma tables for {spacy_code!r} are missing; install 'spacy-lookups-data'"
        ) from exc
    return nlp


def get_nlp(spacy_code: str = "en") -> SpacyPipeline:
    """The process-wide pipeline (tokenizer + lookup lemmatizer) for a spaCy language code."""
    with _lock:
        return _build(spacy_code)
