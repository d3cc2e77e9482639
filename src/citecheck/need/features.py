"""What the need model weighs: one finite number per cue, in `NEED_FEATURES` order."""

from __future__ import annotations

import math

from citecheck.match.lexical.analyse import ClaimFacts
from citecheck.match.lexical.normalize import TOKEN, Lexicon
from citecheck.need.cues import Cues
from citecheck.need.signals import narrative_present

#: How much of the text before a sentence its context cues read (characters).
CONTEXT_WINDOW = 300
#: A colon within the first this-many characters may introduce a heading-like label.
HEAD_CHARS = 60
#: …when the part before it has at most this many words.
HEAD_WORDS = 6

#: The inputs of the need model, in the order `need_model.json` names them.
NEED_FEATURES: tuple[str, ...] = (
    "log_len",
    "items",
    "numbers",
    "years",
    "dates",
    "names",
    "name_share",
    "quote",
    "reported",
    "analysis",
    "hedges",
    "first_person",
    "second_person",
    "past",
    "present",
    "superlative",
    "mean_rarity",
    "max_rarity",
    "context_empty",
    "parenthesis",
    "colon_head",
    "starts_demonstrative",
    "starts_connective",
    "money_or_percent",
    "narrative_present",
    "context_narrative_present",
    "context_digits",
    "digits",
    "starts_pronoun",
    "context_overlap",
    "speech_pronoun",
)


def _context_cues(
    text: str, context: str, facts: ClaimFacts, cues: Cues, lexicon: Lexicon
) -> dict[str, float]:
    """A sentence that continues the one before it ("it" of the same topic) or reports
    what "he" or "she" said leans on the source the context already needs."""
    keys = {lexicon.word_key(w) for w in TOKEN.findall(context[-CONTEXT_WINDOW:])}
    own = [i.key for i in facts.items if i.kind in ("word", "name")]
    return {
        "context_overlap": sum(k in keys for k in own) / len(own) if own else 0.0,
        "speech_pronoun": float(cues.speech.match(text.strip()) is not None),
    }


def need_features(
    text: str, context: str, facts: ClaimFacts, cues: Cues, lexicon: Lexicon
) -> dict[str, float]:
    """What the need model weighs; every value finite."""
    words_of = cues.language.need
    tokens = TOKEN.findall(text)
    low = [t.lower() for t in tokens]
    n = max(1, len(tokens))
    words = [i for i in facts.items if i.kind == "word"]
    names = sum(i.kind == "name" for i in facts.items)
    head = text[:HEAD_CHARS]
    first = low[0] if low else ""
    recent = context[-CONTEXT_WINDOW:]
    past = sum(w in words_of.past_auxiliaries for w in low) + sum(
        w.endswith("ed") and len(w) > 4 for w in low
    )
    return {
        "log_len": math.log1p(len(tokens)),
        "items": float(len(facts.items)),
        "numbers": float(sum(i.kind == "number" for i in facts.items)),
        "years": float(sum(i.kind == "date" and i.key.startswith("year:") for i in facts.items)),
        "dates": float(
            sum(i.kind == "date" and not i.key.startswith("year:") for i in facts.items)
        ),
        "names": math.log1p(names),
        "name_share": names / max(1, len(facts.items)),
        "quote": float(any(q in text for q in ('"', "“", "”"))),
        "reported": float(cues.reported.search(text) is not None),
        "analysis": float(cues.analysis.search(text) is not None),
        "hedges": sum(w in words_of.hedges for w in low) / n,
        "first_person": float(any(w in words_of.first_person for w in low)),
        "second_person": float(any(w in words_of.second_person for w in low)),
        "past": past / n,
        "present": sum(w in words_of.present_auxiliaries for w in low) / n,
        "superlative": float(
            any(w in words_of.superlatives or (w.endswith("est") and len(w) > 5) for w in low)
        ),
        "mean_rarity": sum(i.weight for i in words) / len(words) if words else 0.0,
        "max_rarity": max((i.weight for i in words), default=0.0),
        "context_empty": float(not context.strip()),
        "parenthesis": float("(" in text),
        "colon_head": float(":" in head and len(head.split(":", 1)[0].split()) <= HEAD_WORDS),
        "starts_demonstrative": float(first in words_of.demonstratives),
        "starts_connective": float(first in words_of.connectives),
        "money_or_percent": float(cues.money.search(text) is not None),
        "narrative_present": narrative_present(tokens, cues, lexicon),
        "context_narrative_present": narrative_present(TOKEN.findall(recent), cues, lexicon),
        "context_digits": float(any(c.isdigit() for c in recent)),
        "digits": float(any(c.isdigit() for c in text)),
        "starts_pronoun": float(first in words_of.pronoun_starts),
        **_context_cues(text, context, facts, cues, lexicon),
    }
