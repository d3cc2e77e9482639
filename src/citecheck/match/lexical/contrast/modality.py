"""Modality, certainty and tense: "may" against "will", "plans to" against "has",
"found" against "proved"; the same event stated as more or less certain than it is."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.match.lexical.contrast.base import CheckBase, _Unit
from citecheck.match.lexical.contrast.words import _ADVERBS, _AUXILIARIES, _contains
from citecheck.match.lexical.tokens import Tok

POSSIBLE, MODAL, PLANNED, FUTURE, DONE, NEUTRAL, CERTAIN, REPORTED, ABILITY = (
    "possible", "modal", "planned", "future", "done", "neutral", "certain", "reported",
    "ability",
)  # fmt: skip
#: "can": what is possible in general, against which no statement conflicts.
_ABILITY = frozenset({"can", "ca"})


def _modal_conflict(claim: str, source: str) -> bool:
    """Whether stating a verb as `claim` misstates it stated as `source`: a possibility as
    a fact or the reverse (a claim may not add "may" to what the source states), a plan or
    a schedule as done, what will happen as what has, a finding as proof."""
    if claim == source or ABILITY in (claim, source):
        return False
    source = POSSIBLE if source == MODAL else source
    if source == POSSIBLE:
        return claim not in (POSSIBLE, MODAL, REPORTED)
    if claim == MODAL:
        # "may close" for "will close" / "has closed"; not "may vary" for "varies"
        return source in (FUTURE, DONE, CERTAIN, PLANNED)
    if claim == POSSIBLE:
        return False  # a claim more cautious than its source ("appears to be") is not wrong
    if source == PLANNED:
        return claim in (DONE, NEUTRAL, CERTAIN)
    if claim == PLANNED:
        return source == DONE
    if {claim, source} == {FUTURE, DONE}:
        return True
    if claim == CERTAIN:
        return source in (REPORTED,)
    return False


class ModalityChecks(CheckBase):
    """How sure and how done the claim says a verb is, against the source."""

    def modality(self, unit: _Unit) -> None:
        sent = unit.sent
        stoks = sent.text.toks
        for op in unit.al.ops:
            if op.tag != "replace":
                continue
            # the cues next to the edit's anchors; a verb of doing ("introduced" for
            # "considered") only when one word stands for one word
            short = op.c_hi - op.c_lo <= 2 and op.s_hi - op.s_lo <= 2
            skip = (None,) if short else (None, DONE)
            c_cues = [
                i
                for i in self.near(op.c_lo, op.c_hi)
                if not self.toks[i].quoted and self.cue_class(self.toks[i]) not in (*skip, REPORTED)
            ]
            s_cues = [
                j
                for j in self.near(op.s_lo, op.s_hi)
                if not stoks[j].titled and self.cue_class(stoks[j]) not in skip
            ]
            c_cls = {self.cue_class(self.toks[i]) for i in c_cues}
            s_cls = {self.cue_class(stoks[j]) for j in s_cues}
            ruled = None
            if any(t.low == "ruled" for t in stoks[op.s_lo : op.s_hi]):
                ruled = next(
                    (
                        k
                        for k in range(max(0, op.s_lo - 3), op.s_hi)
                        for phrase in self.v.hedge_phrases
                        if "ruled" in phrase
                        and stoks[k].low == phrase[0]
                        and _contains(stoks, phrase, k, op.s_hi)
                    ),
                    None,
                )
            if ruled is not None:
                s_cls, s_cues = {POSSIBLE}, [ruled]
            if not (c_cls and s_cls):
                continue
            if c_cls & s_cls:
                # both sides have a cue of one class: the cues next to the verb decide
                # ("will serve" / "is scheduled ...; he faces up to")
                c_cues, s_cues = c_cues[-1:], s_cues[-1:]
                c_cls = {self.cue_class(self.toks[c_cues[0]])}
                s_cls = {self.cue_class(stoks[s_cues[0]])}
                if c_cls & s_cls:
                    continue
            c = sorted(str(x) for x in c_cls)[0]
            s = sorted(str(x) for x in s_cls)[0]
            if not _modal_conflict(c, s):
                continue
            c_lo, c_hi = self.cue_span(self.toks, c_cues[0], unit.hi)
            s_lo, s_hi = self.cue_span(stoks, s_cues[0], len(stoks))
            self.add_conflict("modality_conflict", sent, (c_lo, c_hi), (s_lo, s_hi), "modality")
            return
        for i in range(unit.lo, unit.hi):
            j = unit.al.c2s.get(i)
            tok = self.toks[i]
            if j is None or not tok.is_word or tok.name or tok.quoted:
                continue
            c_verb, s_verb = self.verbish(self.toks, i), self.verbish(stoks, j)
            if not (c_verb or s_verb):
                continue
            c_mod, c_lo = self.mood(self.toks, i, unit.lo)
            s_mod, s_lo = self.mood(stoks, j, 0)
            if c_mod == s_mod or not _modal_conflict(c_mod, s_mod):
                continue
            # a word that is no verb is stated only by a cue of its own ("Sentencing is
            # scheduled", "suspected of dealing"), not by how it is inflected
            if (not c_verb and c_mod in (NEUTRAL, DONE)) or (
                not s_verb and s_mod in (NEUTRAL, DONE)
            ):
                continue
            if self.cue_before(stoks, s_lo, c_mod) or self.cue_before(self.toks, c_lo, s_mod):
                continue  # the other side has that cue too, further from the verb
            self.add_conflict(
                "modality_conflict", sent, (c_lo, i + 1, 0, 1), (s_lo, j + 1, 0, 1), "modality"
            )
            return

    def cue_span(self, toks: Sequence[Tok], k: int, hi: int) -> tuple[int, int]:
        """The words that state a cue: its auxiliaries before it, and the verb after a
        small cue ("have proved", "will definitely open", "is expected to open")."""
        lo = k
        while lo > 0 and toks[lo - 1].low in _AUXILIARIES and toks[lo - 1].low != "not":
            lo -= 1
        end = k + 1
        if not toks[k].content or toks[k].low.endswith("ly") or toks[k].low in self.v.future:
            while end < hi and end - k < 4 and toks[end].kind == "word":
                end += 1
                if toks[end - 1].content and not toks[end - 1].low.endswith("ly"):
                    break
        return lo, end

    def cue_before(self, toks: Sequence[Tok], i: int, cls: str) -> bool:
        """A cue of class `cls` governing the verb group that starts at token i, from
        further back ("Researchers believe it was used to carry": "believe"); a verb or
        "and" before it starts another group ("would map ... and might detect")."""
        if cls in (NEUTRAL, DONE):
            return False
        for k in range(i - 1, max(-1, i - 11), -1):
            tok = toks[k]
            if tok.kind == "punct" and tok.text in (".", ";", ":"):
                return False
            found = self.cue_class(tok)
            if found == cls or (cls == POSSIBLE and found == MODAL):
                return True
            if tok.low in ("and", "but", "or") or (found is None and self.verbish(toks, k)):
                return False
        return False

    def cue_class(self, tok: Tok) -> str | None:
        if tok.kind != "word" or tok.name:
            return None  # a cue in a capitalised run is part of a headline or a title
        if tok.low in self.v.modal_hedges:
            return MODAL
        if tok.key in self.v.possible or tok.low in self.v.possible:
            return POSSIBLE
        if tok.key in self.v.planned or tok.low in self.v.planned or tok.key in self.v.tentative:
            return PLANNED
        if tok.key in self.v.certain or tok.low in self.v.certain:
            return CERTAIN
        if tok.low in self.v.future:
            return FUTURE
        if tok.key in self.v.done:
            return DONE
        if tok.key in self.v.report:
            return REPORTED
        return None

    def mood(self, toks: Sequence[Tok], i: int, lo: int) -> tuple[str, int]:
        """How the verb at token i is stated: hedged, future, done, certain, or plainly
        (neutral); and where its auxiliaries begin. Only the words of the verb group count:
        auxiliaries, modals, adverbs, and verbs that govern it through "to" ("plans to",
        "is expected to"), never the subject ("the plan raises")."""
        cues: list[Tok] = []
        k = i - 1
        start = i
        while k >= lo and i - k <= 6:
            t = toks[k]
            if t.kind != "word" or t.quoted:
                break
            nxt = toks[k + 1].low if k + 1 < len(toks) else ""
            governs = nxt in ("to", "that", "of") and self.cue_class(t) is not None
            if (
                t.low in _AUXILIARIES
                or t.low in self.v.future
                or t.low in self.v.fillers
                or t.low in _ADVERBS
                or t.low
                in ("to", "of", "not", "never", "possibly", "perhaps", "likely", "probably")
                or t.low in self.v.modal_hedges
                or governs
                or (t.low in self.v.certain and t.low.endswith("ly"))
            ):
                cues.append(t)
                start = k
                k -= 1
                continue
            break
        if k >= lo and cues and cues[0].low == "to" and self.verbish(toks, i):
            # "expected the bank to hold": the verb that governs an object and "to"
            for m in range(k, max(lo - 1, k - 8), -1):
                if toks[m].kind == "punct":
                    break
                if self.cue_class(toks[m]) in (POSSIBLE, PLANNED, MODAL):
                    cues.append(toks[m])
                    start = m  # the reason shows the cue: "expected the bank to hold"
                    break
        lows = {t.low for t in cues}
        keys = {t.key for t in cues}
        if lows & self.v.modal_hedges:
            return MODAL, start
        if lows & _ABILITY:
            return ABILITY, start  # "can help": what is possible, said of no one event
        if keys & self.v.possible or lows & self.v.possible:
            return POSSIBLE, start
        window = toks[max(lo, i - 6) : i + 1]
        if any(t.low in ("ruled", "still", "must") for t in window):
            for phrase in self.v.hedge_phrases:
                if _contains(toks, phrase, max(lo, i - 6), i + 1) and phrase != ("up", "to"):
                    return (POSSIBLE if "ruled" in phrase else PLANNED), start
        if keys & self.v.planned or lows & self.v.planned or keys & self.v.tentative:
            return PLANNED, start
        if "would" in lows and any(t.low in ("if", "unless") for t in toks[lo:i]):
            return POSSIBLE, start
        if lows & self.v.certain or keys & self.v.certain:
            return CERTAIN, start
        if lows & self.v.future:
            return FUTURE, start
        # a noun stated with "is scheduled / expected / due" after it
        after = [t.low for t in toks[i + 1 : i + 3]]
        if len(after) == 2 and after[0] in ("is", "are", "was", "were"):
            if after[1] in ("scheduled", "due", "set"):
                return FUTURE, start
            if after[1] in ("expected", "planned", "proposed"):
                return PLANNED, start
            if after[1] in ("likely",):
                return POSSIBLE, start
        if lows & self.v.perfect or lows & self.v.past_aux:
            return DONE, start
        tok = toks[i]
        if tok.low in self.v.irregular_past or (tok.low.endswith("ed") and tok.key != tok.low):
            before = toks[start - 1] if start >= 1 else None
            participle = before is not None and before.kind == "punct" and not cues
            if not lows & {"is", "are", "be", "being", "am"} and not participle:
                return DONE, start
        return NEUTRAL, start
