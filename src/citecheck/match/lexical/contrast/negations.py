"""Negation cues of a text and what each negates: polarity is compared only for
the words a negation bears on, not for a "not" in a title, a name or a condition."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from citecheck.match.lexical.contrast.words import _AUXILIARIES
from citecheck.match.lexical.tokens import Text, Tok
from citecheck.match.lexical.vocab import Vocab


@dataclass(slots=True)
class _Neg:
    lo: int  # the cue's tokens
    hi: int
    scope: list[int]  # token indices of what it negates
    contrast: bool = False  # ", not Y," (Y = scope)
    subject: list[int] = field(default_factory=list)  # contrast: X, the other member
    predicate: list[int] = field(default_factory=list)  # contrast: what X does


#: Negations that stand for the subject: what is negated is said after the verb.
_SUBJECT_NEGATIONS = frozenset({"nobody", "none", "nothing", "neither", "noone"})

#: Marks a negation's scope runs through: hyphens, and quotation marks ('is not "going
#: to keep people from moving"').
_SCOPE_MARKS = frozenset({"-", "–", '"', "“", "”", "‘", "’"})

_CONDITIONS = frozenset({"if", "unless", "whether", "when", "whenever", "although", "though"})


def _conditional(toks: Sequence[Tok], i: int) -> bool:
    """Token i stands in a condition or a concession ("If a risk does not exist, ...")."""
    k = i - 1
    while k >= 0 and toks[k].text not in (",", ";", ".", ":", "—", "–", "(", ")"):
        if toks[k].low in _CONDITIONS:
            return True
        k -= 1
    return False


def _negations(text: Text, v: Vocab) -> list[_Neg]:
    """Negation cues of a text with what each negates. A cue inside a quoted title or
    motto, or inside a name ("Nobody Goes Hungry"), negates nothing."""
    toks = text.toks
    out: list[_Neg] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.titled or t.name or t.kind != "word":
            i += 1
            continue
        low = t.low
        nxt = toks[i + 1].low if i + 1 < n else ""
        prev = toks[i - 1].low if i else ""
        hi = i + 1
        if low in v.negations:
            if (
                (low == "not" and nxt in ("only", "least", "just", "merely", "always"))
                or (low == "not" and nxt in ("necessarily", "quite", "entirely"))
                or (low == "no" and nxt in ("doubt", "-", "–"))
                or (low == "not" and prev == "if")
            ):
                i += 1
                continue
            if low == "no" and nxt == "longer":
                hi = i + 2
        elif t.key in v.negative_verbs:
            if t.key in v.negative_with_to and nxt != "to":
                i += 1
                continue
        elif not (low == "yet" and nxt == "to" and prev in _AUXILIARIES):
            i += 1
            continue
        else:
            hi = i + 2
        if _conditional(toks, i):
            i = hi  # "if you do not register ...": a condition, not a statement
            continue
        # ", not Y," : a contrast that negates Y only ("warmer summers, not reduced snowfall,")
        if low == "not" and i >= 1 and toks[i - 1].text in (",", "—", "–"):
            close = next(
                (
                    k
                    for k in range(i + 1, min(n, i + 9))
                    if toks[k].text in (",", "—", "–", ";", ".", "!", "?")
                ),
                n if n - i <= 9 else None,  # ", not a wet one" at the end
            )
            if close is not None and close > i + 1:
                y = [k for k in range(i + 1, close) if toks[k].content]
                x: list[int] = []
                k = i - 2
                while (
                    k >= 0
                    and toks[k].kind != "punct"
                    and not (toks[k].key in v.speech_verbs or toks[k].low in ("that", "said"))
                ):
                    if toks[k].content:
                        x.append(k)
                    k -= 1
                pred = [
                    k
                    for k in range(close + 1, min(n, close + 6))
                    if toks[k].content and toks[k].kind == "word"
                ][:3]
                out.append(_Neg(i, i + 1, y, contrast=True, subject=sorted(x), predicate=pred))
                i = close + 1
                continue

        # what it negates: the content words right after it (past auxiliaries, "to"); for
        # a negated subject ("Nobody was hurt", "None of the three children ... is in
        # critical condition") what is said of it, after its verb
        def content(tok: Tok) -> bool:
            return tok.content or tok.low in v.number_words

        scope: list[int] = []
        if (
            low in _SUBJECT_NEGATIONS
            or (
                low == "no"
                and (
                    i == 0
                    or toks[i - 1].sentence_start
                    or toks[i].sentence_start
                    # "no more security patches or support information are provided"
                    or any(
                        t.low in ("is", "are", "was", "were", "has", "have", "had")
                        for t in toks[i + 2 : i + 9]
                    )
                )
            )
        ):
            k = hi
            participle = None
            while k < n and k - hi <= 14 and toks[k].text not in (",", ";", ".", ":"):
                if toks[k].low in _AUXILIARIES:
                    break  # "None of the three children admitted ... is": the verb is "is"
                if (
                    participle is None
                    and toks[k].is_word
                    and not toks[k].stop
                    and k > hi
                    and (toks[k].low.endswith("ed") or toks[k].low in v.irregular_past)
                ):
                    participle = k
                k += 1
            if not (k < n and k - hi <= 14 and toks[k].low in _AUXILIARIES):
                k = participle if participle is not None else n
            if k < n and k - hi <= 14 and toks[k].text not in (",", ";", ".", ":"):
                m = k + (1 if toks[k].low in _AUXILIARIES else 0)
                while m < n and toks[m].kind != "punct" and not content(toks[m]):
                    m += 1
                while m < n and content(toks[m]) and len(scope) < 3 and not toks[m].titled:
                    scope.append(m)
                    m += 1
        if scope:
            # a negated subject: what is said of it first, then the subject's own words
            np_words = [m for m in range(hi, min(n, hi + 8)) if content(toks[m])]
            scope.extend(m for m in np_words[:5] if m not in scope and m < scope[0])
        k = n if scope else hi
        while (
            k < n
            and (toks[k].kind != "punct" or toks[k].text in _SCOPE_MARKS)
            and not content(toks[k])
        ):
            k += 1
        while (
            k < n
            and (content(toks[k]) or toks[k].text in _SCOPE_MARKS)
            and len(scope) < 5
            and (not toks[k].titled)
        ):
            if content(toks[k]):
                scope.append(k)
            k += 1
        if not scope:
            k = i - 1
            while k >= 0 and not toks[k].content:
                k -= 1
            if k >= 0:
                scope = [k]
        out.append(_Neg(i, hi, scope))
        if low == "neither":
            # "neither ... nor": one negation
            k = hi
            while k < n and toks[k].low != "nor" and toks[k].text not in (".", ";"):
                k += 1
            i = k + 1
            continue
        i = hi
    return out
