"""Direction: opposite words for the same slot (rose/fell, approved/rejected,
won/lost, north/south), which share every other word and so pass retrieval."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.match.lexical.align import same_word
from citecheck.match.lexical.contrast.base import CheckBase, _Sentence, _Unit
from citecheck.match.lexical.contrast.words import _DETERMINERS, _PREPOSITIONS
from citecheck.match.lexical.tokens import Tok
from citecheck.match.lexical.vocab import Vocab


def _around(toks: Sequence[Tok], i: int, reach: int = 4) -> tuple[set[str], set[str]]:
    """The content words among the `reach` words before and after token i, within its
    sentence part (up to a semicolon, a dash or a full stop)."""

    def side(step: int) -> set[str]:
        out: set[str] = set()
        k, seen = i + step, 0
        while 0 <= k < len(toks) and seen < reach:
            t = toks[k]
            if t.kind == "punct":
                if t.text in (".", ";", "—", "–", "?", "!", ":"):
                    break
            else:
                seen += 1
                if t.content:
                    out.add(t.key)
            k += step
        return out

    return side(-1), side(1)


def _context_match(
    near: tuple[set[str], set[str]], far: tuple[set[str], set[str]], toks: Sequence[Tok], j: int
) -> int:
    """How well the words around source token j match a claim word's (0: not enough):
    shared words on both sides, or two on one side and one further out on the other (or
    nothing on the claim's other side)."""
    s_near = _around(toks, j)
    left = len(near[0] & s_near[0])
    right = len(near[1] & s_near[1])
    if left and right:
        return left + right
    if not left and not right:
        return 0
    side = 1 if left else 0  # the side with nothing shared near
    s_far = _around(toks, j, 12)
    if max(left, right) >= 2 and (not near[side] or far[side] & s_far[side]):
        return left + right
    if not near[side] and len(far[1 - side] & s_far[1 - side]) >= 2:
        return left + right  # the claim's clause ends there: more words before it
    return 0


#: Content words of the approval axis that may face "for"/"against" ("in favour").
_APPROVAL_NOUNS = frozenset({"favor", "favour", "support", "opposition", "oppose"})

#: Comparatives that modify the word after them ("more blood", "less effort").
_COMPARATIVES = frozenset(
    {"more", "less", "fewer", "greater", "smaller", "higher", "lower", "larger", "bigger"}
)


def _next_content(toks: Sequence[Tok], i: int) -> str:
    """The key of the first content word after token i ("" at a sentence part's end)."""
    for t in toks[i + 1 : i + 4]:
        if t.kind == "punct":
            return ""
        if t.content:
            return t.key
    return ""


def _joined(toks: Sequence[Tok], i: int) -> str:
    """Token i with a prefix hyphenated to it ("non-invasive" -> "noninvasive")."""
    if i >= 2 and toks[i - 1].text == "-" and toks[i - 2].kind == "word":
        return toks[i - 2].low + toks[i].low
    return toks[i].low


def _prefix_opposite(a: str, b: str, v: Vocab) -> bool:
    for prefix in v.negating_prefixes:
        for x, y in ((a, b), (b, a)):
            if x == prefix + y and len(y) >= 4:
                return True
    return False


class DirectionChecks(CheckBase):
    """Antonyms of one direction axis in the same place of the clause."""

    def directions(self, unit: _Unit) -> None:
        sent = unit.sent
        stoks = sent.text.toks
        for edit in self.edits(unit):
            c_lo, c_hi, s_lo, s_hi = edit.c_lo, edit.c_hi, edit.s_lo, edit.s_hi
            if c_hi <= c_lo or s_hi <= s_lo:
                continue
            c_idx = [
                i
                for i in edit.c_idx
                if self.toks[i].is_word and not self.toks[i].quoted and i not in unit.al.c2s
            ]
            s_idx = [
                j
                for j in edit.s_idx
                if stoks[j].is_word and not stoks[j].quoted and j not in unit.al.s2c
            ]
            c_toks = [self.toks[i] for i in c_idx]
            s_toks = [stoks[j] for j in s_idx]
            if not c_toks or not s_toks:
                continue
            pair = self.opposed(c_idx, s_idx, stoks)
            if pair is not None:
                c_word, s_word = self.toks[pair[0]], stoks[pair[1]]
                if c_word.key in unit.sent.keys and any(
                    t.key == s_word.key for t in self.toks[unit.lo : unit.hi]
                ):
                    pair = None  # both words on both sides: the parts are reordered
            if pair is not None and edit.merged:
                c_dir = [i for i in c_idx if self.sides(self.toks[i])]
                # the source words on the claim word's axis
                axes = {axis for axis, _ in self.sides(self.toks[pair[0]])}
                s_dir = [j for j in s_idx if {a for a, _ in self.sides(stoks[j])} & axes]
                same_op = any(
                    op.c_lo <= pair[0] < op.c_hi and op.s_lo <= pair[1] < op.s_hi
                    for op in unit.al.ops
                )
                # across two edits only when one of them is a bare insertion or deletion
                lone = any(
                    (op.c_lo <= pair[0] < op.c_hi and op.s_hi == op.s_lo)
                    or (op.s_lo <= pair[1] < op.s_hi and op.c_hi == op.c_lo)
                    for op in unit.al.ops
                )
                if len(c_dir) != 1 or not (same_op or (lone and len(s_dir) == 1)):
                    pair = None
            if pair is not None:
                ci, sj = pair
                self.add_conflict(
                    "direction_conflict", sent, (ci, ci + 1, 1, 1), (sj, sj + 1, 1, 1), "direction"
                )
                return
            if self.places(c_toks, s_toks):
                self.add_conflict(
                    "role_conflict",
                    sent,
                    (c_lo, c_hi, 0, 1),
                    (s_lo, min(s_hi, s_lo + 4), 0, 1),
                    "place",
                )
                return
            for ci in c_idx:
                for sj in s_idx:
                    if _prefix_opposite(_joined(self.toks, ci), _joined(stoks, sj), self.v):
                        self.add_conflict(
                            "polarity_conflict",
                            sent,
                            (ci, ci + 1, 0, 1),
                            (sj, sj + 1, 0, 1),
                            "prefix",
                        )
                        return

    def local_directions(self) -> None:
        """A claim word and a word of any candidate sentence on opposite sides of one axis,
        with the same words around them ("Tom Reyes voted [against] the plan" and "Tom
        Reyes, who voted [for] the plan"): the claim may join facts of several sentences,
        so this reads the words around each direction word, not the whole clause. Words
        before it face words before it (so "Northgate lost to Harbor City" is not read
        against "Harbor City beat Northgate"), and a source word that moves the claim's
        way in as like a context wins (the claim may retell that one)."""
        toks = self.toks
        cues = [i for i, t in enumerate(toks) if t.is_word and not t.quoted and self.sides(t)]
        if not cues:
            return
        claim_keys = {t.key for t in toks if t.is_word}
        for i in cues:
            if self.negated_near(toks, i):
                continue
            if (
                not toks[i].stop
                and any(t.key == toks[i].key for k, t in enumerate(toks) if k != i)
                and any(toks[i].key in s.keys for s in self.sentences)
            ):
                continue  # the claim uses the word again, as the source does ("net loss ...
                # its biggest quarterly loss")
            near = _around(toks, i)
            far = _around(toks, i, 12)
            cside = self.sides(toks[i])
            best: tuple[int, _Sentence, int] | None = None
            same = 0
            context = far[0] | far[1]
            for sent in self.sentences:
                if len(context & sent.keys) < 2:
                    continue  # too few of the words around it to match (read from keys)
                stoks = sent.text.toks
                for j, st in enumerate(stoks):
                    if not st.is_word or st.titled:
                        continue
                    ssides = self.sides(st)
                    if not ssides:
                        continue
                    if cside & ssides:
                        same = max(same, _context_match(near, far, stoks, j))
                        continue
                    opposite = {(axis, 1 - side) for axis, side in cside} & ssides
                    if not opposite or st.key in claim_keys:
                        continue
                    if (st.stop and self.verbish(toks, i)) or (
                        toks[i].stop and self.verbish(stoks, j)
                    ):
                        continue  # "for"/"against" face no verb ("oppose")
                    if any(o in self.sides(t) for t in toks for o in opposite if t.is_word):
                        continue  # the claim has the source's side too
                    if self.verb_noun_clash(toks, i, stoks, j) or self.negated_near(stoks, j):
                        continue
                    if toks[i].low in _COMPARATIVES and stoks[j].low in _COMPARATIVES:
                        c_head = _next_content(toks, i)
                        s_head = _next_content(stoks, j)
                        if c_head and s_head and c_head != s_head:
                            continue  # "more blood" / "less effort": of other things
                    s_near = _around(stoks, j)
                    c_nums = {k for k in near[0] | near[1] if k[:1] == "#"}
                    s_nums = {k for k in s_near[0] | s_near[1] if k[:1] == "#"}
                    if c_nums and s_nums and not c_nums & s_nums:
                        continue  # other figures: another fact ("lost 8,000", "added 182,000")
                    score = _context_match(near, far, stoks, j)
                    if score and (best is None or score > best[0]):
                        best = (score, sent, j)
            if best is not None and best[0] > same:
                _, sent, j = best
                self.add_conflict(
                    "direction_conflict", sent, (i, i + 1, 1, 1), (j, j + 1, 1, 1), "direction"
                )
                return

    def verb_noun_clash(self, c_toks: Sequence[Tok], i: int, s_toks: Sequence[Tok], j: int) -> bool:
        """One word reads as a verb and the other plainly as a noun ("cuts" after "approved"
        is a noun, "cut its grant" a verb)."""
        c_verb, s_verb = self.verbish(c_toks, i), self.verbish(s_toks, j)
        if c_verb == s_verb:
            return False
        toks, k = (s_toks, j) if c_verb else (c_toks, i)
        prev = toks[k - 1].low if k else ""
        return prev in _DETERMINERS or prev.endswith("'s") or prev in _PREPOSITIONS

    def negated_near(self, toks: Sequence[Tok], i: int) -> bool:
        """A negation among the three words before token i ("did not rise")."""
        return any(
            t.low in self.v.negations or t.key in self.v.negative_verbs
            for t in toks[max(0, i - 3) : i]
        )

    def sides(self, tok: Tok) -> set[tuple[str, int]]:
        return self.v.sides(tok.key) | self.v.sides(tok.low)

    def opposed(
        self, c_idx: Sequence[int], s_idx: Sequence[int], stoks: Sequence[Tok]
    ) -> tuple[int, int] | None:
        """A claim word and a source word on opposite sides of one axis (and neither side
        also has the other's side: "went up" and "rose" agree)."""
        c_idx = [
            i
            for i in c_idx
            if not any(same_word(self.toks[i], stoks[j], self.synonyms) for j in s_idx)
        ]
        csides = {side: i for i in c_idx for side in self.sides(self.toks[i])}
        ssides = {side: j for j in s_idx for side in self.sides(stoks[j])}
        for (axis, side), i in csides.items():
            other = (axis, 1 - side)
            if other in ssides and other not in csides and (axis, side) not in ssides:
                j = ssides[other]
                c_tok, s_tok = self.toks[i], stoks[j]
                # "for"/"against", "up"/"down": small words face small words (or "in
                # favour"); a verb faces a verb, a noun a noun
                if c_tok.stop != s_tok.stop and not {c_tok.key, s_tok.key} & _APPROVAL_NOUNS:
                    continue
                if not c_tok.stop and self.verbish(self.toks, i) != self.verbish(stoks, j):
                    continue
                if c_tok.low in _COMPARATIVES and s_tok.low in _COMPARATIVES:
                    c_head, s_head = _next_content(self.toks, i), _next_content(stoks, j)
                    if c_head and s_head and c_head != s_head:
                        continue  # "more blood" / "less effort": of other things
                return i, j
        return None

    def places(self, c_toks: Sequence[Tok], s_toks: Sequence[Tok]) -> bool:
        c = {self.v.places[t.low] for t in c_toks if t.low in self.v.places}
        s = {self.v.places[t.low] for t in s_toks if t.low in self.v.places}
        return any((pair, 1 - side) in s and (pair, side) not in s for pair, side in c)
