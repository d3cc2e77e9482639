"""Word-level alignment of a claim (or one of its clauses) with a source sentence.

`difflib.SequenceMatcher` over the tokens' word keys (numbers by value, punctuation left
out) finds what the two share in order; a second pass aligns runs of two or more words
that moved ("Gomez told the board: ..." against "... , Gomez told the board"). What lies
between aligned words are the edits: a word replaced ("rose" / "fell"), inserted ("did
not") or dropped. The checks read these edits, so a one-word change in a long sentence is
seen as exactly that.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from citecheck.match.lexical.normalize import stem
from citecheck.match.lexical.tokens import Tok


@dataclass(frozen=True, slots=True)
class Op:
    """One edit between aligned words: claim tokens c_lo..c_hi-1 stand where the source
    has tokens s_lo..s_hi-1 (either side may be empty)."""

    tag: str  # "replace", "insert" (claim only) or "delete" (source only)
    c_lo: int
    c_hi: int
    s_lo: int
    s_hi: int


@dataclass(slots=True)
class Alignment:
    """Which claim token stands for which source token, and the edits between them."""

    claim: Sequence[Tok]
    source: Sequence[Tok]
    c2s: dict[int, int] = field(default_factory=dict)
    s2c: dict[int, int] = field(default_factory=dict)
    ops: list[Op] = field(default_factory=list)

    def aligned_span(self) -> tuple[int, int]:
        """Source tokens from the first to the last one aligned with claim content."""
        hits = [s for c, s in self.c2s.items() if self.claim[c].content]
        if not hits:
            return (0, 0)
        return (min(hits), max(hits) + 1)

    def pair(self, c: int, s: int) -> None:
        self.c2s[c] = s
        self.s2c[s] = c


def same_word(a: Tok, b: Tok, synonyms: Mapping[str, tuple[str, ...]]) -> bool:
    """Two tokens that say the same: one key, one stem, or synonyms."""
    if a.key == b.key:
        return True
    if a.kind != "word" or b.kind != "word":
        return False
    if len(a.key) >= 6 and len(b.key) >= 6 and stem(a.key) == stem(b.key):
        return True
    return b.key in synonyms.get(a.key, ())


def _pair_blocks(
    out: Alignment,
    claim: Sequence[Tok],
    source: Sequence[Tok],
    c_list: Sequence[int],
    s_list: Sequence[int],
) -> None:
    """Align what two token lists share in order (SequenceMatcher's blocks)."""
    matcher = SequenceMatcher(
        a=[claim[i].key for i in c_list], b=[source[j].key for j in s_list], autojunk=False
    )
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            out.pair(c_list[block.a + k], s_list[block.b + k])


def _runs(indices: Sequence[int], aligned: Mapping[int, int]) -> list[list[int]]:
    """Maximal runs of consecutive unaligned positions."""
    runs: list[list[int]] = []
    for i in indices:
        if i in aligned:
            if runs and runs[-1]:
                runs.append([])
            continue
        if not runs:
            runs.append([])
        runs[-1].append(i)
    return [r for r in runs if r]


def align(
    claim: Sequence[Tok],
    source: Sequence[Tok],
    synonyms: Mapping[str, tuple[str, ...]],
    lo: int = 0,
    hi: int | None = None,
) -> Alignment:
    """Align claim tokens lo..hi-1 with the source's tokens (punctuation left out).
    Indices in the result are indices into `claim` and `source`."""
    hi = len(claim) if hi is None else hi
    c_idx = [i for i in range(lo, hi) if claim[i].kind != "punct"]
    s_idx = [j for j, t in enumerate(source) if t.kind != "punct"]
    out = Alignment(claim, source)
    # words that carry content first (so "was"/"is" never anchor the alignment), then the
    # small words between each pair of anchors
    c_content = [i for i in c_idx if claim[i].content]
    s_content = [j for j in s_idx if source[j].content]
    _pair_blocks(out, claim, source, c_content, s_content)
    anchors = sorted(out.c2s.items())
    bounds = [(-1, -1), *anchors, (hi, len(source))]
    for (c0, s0), (c1, s1) in itertools.pairwise(bounds):
        gap_c = [i for i in c_idx if c0 < i < c1 and i not in out.c2s]
        gap_s = [j for j in s_idx if s0 < j < s1 and j not in out.s2c]
        if gap_c and gap_s:
            _pair_blocks(out, claim, source, gap_c, gap_s)
    # moved runs of two or more words
    for c_run in _runs(c_idx, out.c2s):
        for s_run in _runs(s_idx, out.s2c):
            sub = SequenceMatcher(
                a=[claim[i].key for i in c_run], b=[source[j].key for j in s_run], autojunk=False
            )
            for block in sub.get_matching_blocks():
                cs = c_run[block.a : block.a + block.size]
                ss = s_run[block.b : block.b + block.size]
                if (
                    block.size >= 2
                    and any(claim[i].content for i in cs)
                    and not any(i in out.c2s for i in cs)
                    and not any(j in out.s2c for j in ss)
                ):
                    for i, j in zip(cs, ss, strict=True):
                        out.pair(i, j)
    out.ops = _ops(claim, source, out, c_idx, s_idx)
    # inside an edit, words that say the same in other forms (stems, synonyms) align too;
    # so does a verb the claim puts elsewhere ("Okafor defeated ..." / "..., defeating Okafor")
    for op in out.ops:
        if op.tag == "insert":
            for i in range(op.c_lo, op.c_hi):
                tok = claim[i]
                if (
                    i in out.c2s
                    or not tok.content
                    or tok.name
                    or not (tok.low.endswith(("ed", "ing")) or tok.key != tok.low)
                ):
                    continue
                for j in s_idx:
                    if (
                        j not in out.s2c
                        and same_word(tok, source[j], synonyms)
                        and not source[j].name
                    ):
                        out.pair(i, j)
                        break
        if op.tag != "replace":
            continue
        for i in range(op.c_lo, op.c_hi):
            if i in out.c2s or not claim[i].content:
                continue
            for j in range(op.s_lo, op.s_hi):
                if j not in out.s2c and same_word(claim[i], source[j], synonyms):
                    out.pair(i, j)
                    break
    return out


def _ops(
    claim: Sequence[Tok],
    source: Sequence[Tok],
    al: Alignment,
    c_idx: Sequence[int],
    s_idx: Sequence[int],
) -> list[Op]:
    """The edits between aligned words, in claim order. A claim run whose neighbours are
    aligned in the source's order faces the source's unaligned run between them."""
    s_pos = {j: n for n, j in enumerate(s_idx)}
    ops: list[Op] = []

    def unaligned_between(a: int, b: int) -> list[int]:
        """Source positions strictly between a and b (indices into s_idx), all unaligned."""
        run = [s_idx[n] for n in range(a + 1, b)]
        return run if all(j not in al.s2c for j in run) else []

    k = 0
    prev: int | None = None  # s_idx position of the last aligned claim token
    while k < len(c_idx):
        i = c_idx[k]
        if i in al.c2s:
            pos = s_pos[al.c2s[i]]
            if prev is not None and pos > prev + 1:
                gap = unaligned_between(prev, pos)
                if gap:
                    ops.append(Op("delete", i, i, gap[0], gap[-1] + 1))
            prev = pos
            k += 1
            continue
        m = k
        while m < len(c_idx) and c_idx[m] not in al.c2s:
            m += 1
        a, b = c_idx[k], c_idx[m - 1] + 1
        nxt = s_pos[al.c2s[c_idx[m]]] if m < len(c_idx) else None
        side: list[int] = []
        if prev is not None and nxt is not None:
            if nxt > prev:
                side = unaligned_between(prev, nxt)
        elif nxt is not None:
            n = nxt - 1
            while n >= 0 and s_idx[n] not in al.s2c:
                side.insert(0, s_idx[n])
                n -= 1
        elif prev is not None:
            n = prev + 1
            while n < len(s_idx) and s_idx[n] not in al.s2c:
                side.append(s_idx[n])
                n += 1
        if side:
            ops.append(Op("replace", a, b, side[0], side[-1] + 1))
            if nxt is not None:
                prev = nxt - 1
        else:
            at = s_idx[prev] + 1 if prev is not None else 0
            ops.append(Op("insert", a, b, at, at))
        k = m
    if prev is not None:
        tail: list[int] = []
        for n in range(prev + 1, len(s_idx)):
            if s_idx[n] in al.s2c:
                break
            tail.append(s_idx[n])
        used = ops and ops[-1].tag == "replace" and tail and ops[-1].s_lo == tail[0]
        if tail and not used:
            ops.append(Op("delete", c_idx[-1] + 1, c_idx[-1] + 1, tail[0], tail[-1] + 1))
    return ops
