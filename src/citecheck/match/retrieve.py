"""Candidate evidence: which source passages back which of the claim's items.

For each cited source we build a small matrix, items × sentences, holding how well a
sentence backs each item (1 for the same word key, less for a shared stem or a fuzzy
spelling match found with RapidFuzz's vectorised `process.cdist`). Windows of 1–3
consecutive sentences are scored with numpy; evidence may come from several places,
chosen greedily for what they add.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from citecheck.match.claim import ClaimFacts
from citecheck.match.index import SourceIndex
from citecheck.match.normalize import stem

FloatArray = npt.NDArray[np.float64]

STEM_CREDIT = 0.8
FUZZY_CREDIT = 0.7
FUZZY_CUTOFF = 88.0
MAX_WINDOW = 3
MAX_PIECES = 3
WINDOW_PENALTY = 0.03  # prefer the shorter window when a longer one adds nothing
MIN_GAIN = 0.04  # a further piece of evidence must add this share of the claim's weight


@dataclass(frozen=True, slots=True)
class Window:
    """Sentences first..last of one source, as evidence."""

    source: int  # position in the list of cited sources
    first: int
    last: int
    credits: FloatArray  # per item, how well this window backs it
    coverage: float  # weighted share of the claim this window backs


@dataclass(slots=True)
class Retrieval:
    """What the cited sources offer for one claim."""

    sources: Sequence[SourceIndex]
    presence: list[FloatArray]  # per source: items × sentences credits
    windows: list[Window] = field(default_factory=list)  # chosen evidence, best first
    covered: FloatArray = field(default_factory=lambda: np.zeros(0))  # union over windows
    anywhere: FloatArray = field(default_factory=lambda: np.zeros(0))  # best credit in sources
    best_single: float = 0.0  # coverage of the best single sentence
    best_window: float = 0.0  # coverage of the best window of 1-3 sentences


def presence_matrix(facts: ClaimFacts, index: SourceIndex) -> FloatArray:
    """items × sentences: how well each sentence backs each claim item."""
    n_items, n_sent = len(facts.items), index.size
    matrix = np.zeros((n_items, n_sent), dtype=np.float64)
    if n_items == 0 or n_sent == 0:
        return matrix
    fuzzy_rows: list[int] = []
    fuzzy_keys: list[str] = []
    for row, item in enumerate(facts.items):
        if item.kind in ("word", "name"):
            hits = index.postings.get(item.key)
            if hits is not None:
                matrix[row, hits] = 1.0
            for other in index.stems.get(stem(item.key), ()):
                if other != item.key:
                    sub = matrix[row, index.postings[other]]
                    matrix[row, index.postings[other]] = np.maximum(sub, STEM_CREDIT)
            if hits is None and len(item.key) >= 5:
                fuzzy_rows.append(row)
                fuzzy_keys.append(item.key)
        else:
            table = index.number_postings if item.kind == "number" else index.date_postings
            found = table.get(item.key)
            if found is not None:
                matrix[row, found] = 1.0
    if fuzzy_keys:
        vocab = index.vocabulary
        scores = process.cdist(
            fuzzy_keys, vocab, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, dtype=np.uint8
        )
        for k, v in zip(*np.nonzero(scores), strict=True):
            row = fuzzy_rows[int(k)]
            hits = index.postings[vocab[int(v)]]
            matrix[row, hits] = np.maximum(matrix[row, hits], FUZZY_CREDIT)
    return matrix


def _window_credits(presence: FloatArray, length: int) -> FloatArray:
    """items × starts: best credit per item over `length` consecutive sentences."""
    n = presence.shape[1] - length + 1
    out = presence[:, :n].copy()
    for shift in range(1, length):
        np.maximum(out, presence[:, shift : shift + n], out=out)
    return out


def retrieve(facts: ClaimFacts, sources: Sequence[SourceIndex]) -> Retrieval:
    """Pick the evidence windows that together back the most of the claim."""
    presence = [presence_matrix(facts, index) for index in sources]
    result = Retrieval(sources=sources, presence=presence)
    n_items = len(facts.items)
    weights = np.array([i.weight for i in facts.items], dtype=np.float64)
    total = float(weights.sum())
    result.covered = np.zeros(n_items)
    result.anywhere = np.zeros(n_items)
    if n_items == 0 or total <= 0:
        return result
    for matrix in presence:
        if matrix.shape[1]:
            np.maximum(result.anywhere, matrix.max(axis=1), out=result.anywhere)

    # Best window of 1..3 consecutive sentences over all cited sources.
    best: Window | None = None
    best_key = -1.0
    for s, matrix in enumerate(presence):
        for length in range(1, min(MAX_WINDOW, matrix.shape[1]) + 1):
            credits = _window_credits(matrix, length)
            cover = weights @ credits / total
            j = int(np.argmax(cover))
            key = float(cover[j]) - WINDOW_PENALTY * (length - 1)
            if length == 1:
                result.best_single = max(result.best_single, float(cover[j]))
            result.best_window = max(result.best_window, float(cover[j]))
            if key > best_key:
                best_key = key
                best = Window(s, j, j + length - 1, credits[:, j].copy(), float(cover[j]))
    if best is None or best.coverage <= 0:
        return result
    result.windows.append(best)
    covered = best.credits.copy()

    # Further places: single sentences that back what the first window lacks.
    for _ in range(MAX_PIECES - 1):
        pick: Window | None = None
        pick_gain = MIN_GAIN
        for s, matrix in enumerate(presence):
            if not matrix.shape[1]:
                continue
            gains = weights @ np.maximum(matrix - covered[:, None], 0.0) / total
            j = int(np.argmax(gains))
            if gains[j] > pick_gain and not _overlaps(result.windows, s, j):
                pick_gain = float(gains[j])
                credits = matrix[:, j].copy()
                pick = Window(s, j, j, credits, float(weights @ credits / total))
        if pick is None:
            break
        result.windows.append(pick)
        np.maximum(covered, pick.credits, out=covered)
    result.covered = covered
    return result


def _overlaps(windows: Sequence[Window], source: int, sentence: int) -> bool:
    return any(w.source == source and w.first <= sentence <= w.last for w in windows)
