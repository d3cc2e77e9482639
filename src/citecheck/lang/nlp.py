"""The shared spaCy pipeline, built once per process.

The default pipeline needs nothing beyond PyPI: a blank English tokenizer and a
lookup lemmatizer whose tables come from `spacy-lookups-data`. Sentence
boundaries are citecheck's own (see `citecheck.parse.sentences`), because spaCy's
rule-based sentencizer splits on abbreviations such as "No. 10".
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from citecheck.errors import CitecheckError

if TYPE_CHECKING:
    from spacy.language import Language

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _build() -> Language:
    import spacy

    nlp = spacy.blank("en")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (OSError, ValueError) as exc:  # lookup tables missing
        raise CitecheckError(
            "spaCy's English lemma tables are missing; install 'spacy-lookups-data'"
        ) from exc
    return nlp


def get_nlp() -> Language:
    """The process-wide pipeline (tokenizer + lookup lemmatizer)."""
    with _lock:
        return _build()
