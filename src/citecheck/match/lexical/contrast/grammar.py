"""How a word is used where it stands: a verb, a party, a role used as a verb.
Every check needs this to tell what was done from who did it, without a parser."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.match.lexical.contrast.words import _AUXILIARIES, _DETERMINERS, _PREPOSITIONS
from citecheck.match.lexical.tokens import Tok
from citecheck.match.lexical.vocab import Vocab

#: Words that follow a plural noun rather than a verb in "-s".
_NOT_AFTER_VERB = frozenset(
    {
        "of",
        "like",
        "and",
        "or",
        "such",
        "as",
        "are",
        "were",
        "is",
        "was",
        "have",
        "had",
        "in",
        "for",
        "with",
        "from",
        "on",
        "at",
        "by",
        "which",
        "who",
        "whose",
        "can",
        "could",
        "will",
        "would",
        "may",
        "might",
        "must",
        "should",
        "do",
        "did",
    }
)
#: Adverbs and floating quantifiers that may stand between a subject or an auxiliary and
#: its verb.
_FLOATERS = frozenset(
    {
        "each",
        "both",
        "all",
        "also",
        "still",
        "already",
        "just",
        "then",
        "now",
        "yet",
        "ever",
        "even",
        "only",
        "since",
    }
)

#: Words after which an inflected word is a second verb ("adds 14 deputies and raises").
_VERB_JOINERS = frozenset({"and", "but", "then", "also", "later"})


class Grammar:
    """Word-use tests shared by the checks (they need only the vocabulary `v`)."""

    v: Vocab

    def role_verb(self, toks: Sequence[Tok], i: int) -> bool:
        """A role noun used as a verb: inflected, before a determiner ("Greg Hollis chairs
        the committee", "who chaired the panel")."""
        tok = toks[i]
        return (
            tok.kind == "word"
            and not tok.cap
            and tok.key in self.v.role_nouns
            and tok.low != tok.key
            and i + 1 < len(toks)
            and toks[i + 1].low in _DETERMINERS
        )

    def verbish(self, toks: Sequence[Tok], i: int, floaters: bool = True) -> bool:
        """Token i reads as a verb: inflected as one, or after an auxiliary or 'to' (with
        `floaters`, also past "each", "also": "could each receive")."""
        tok = toks[i]
        if tok.kind != "word" or tok.name or tok.quoted:
            return False
        if self.who(tok) and not self.role_verb(toks, i):
            return False
        if tok.low in _DETERMINERS or tok.low in _PREPOSITIONS or tok.low in self.v.pronouns:
            return False  # "to the Status": no verb
        k = i - 1
        while floaters and k > 0 and toks[k].low in _FLOATERS:
            k -= 1  # "could each receive", "also cut"
        i = k + 1
        prev = toks[i - 1].low if i else ""
        if (
            tok.stop
            and tok.key not in self.v.speech_verbs
            and not ((prev in _AUXILIARIES or prev == "to") and tok.low not in _AUXILIARIES)
        ):
            return False  # a stop word is a verb only after "will", "to"... ("will take")
        if prev in _DETERMINERS or prev.endswith("'s") or prev in _PREPOSITIONS:
            return False
        low = tok.low
        if tok.key in self.v.speech_verbs:
            return True
        if prev in _AUXILIARIES or prev == "to":
            return True
        inflected = (
            low.endswith("ed")
            or low in self.v.irregular_past
            or (low.endswith("s") and tok.key != low and not low.endswith("ss"))
        )
        if not inflected:
            return False
        if not low.endswith("ed") and low not in self.v.irregular_past:
            # "-s": a verb has its object or complement next ("holds the record"), a
            # plural noun a preposition, a conjunction or a stop ("terms like")
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is None or nxt.kind == "punct" or nxt.low in _NOT_AFTER_VERB:
                return False
        # with no auxiliary, only after its subject ("Parents criticized", "who dealt"),
        # not after a modifier ("a less overexposed image")
        before = toks[i - 1] if i else None
        return before is not None and (
            (before.kind == "word" and not before.stop)
            or before.low in self.v.pronouns
            or before.low in self.v.relative_words
            or before.low in _VERB_JOINERS
            or before.low in self.v.number_words  # "one in four waited"
            or before.kind in ("num", "punct")
        )

    def entity(self, tok: Tok) -> bool:
        """A name, or a noun that names who acts ("parents", "the union")."""
        return not tok.quoted and tok.kind == "word" and (tok.name or tok.key in self.v.role_nouns)

    def who(self, tok: Tok) -> bool:
        return self.entity(tok) or (tok.key in self.v.jurisdictions and not tok.quoted)
