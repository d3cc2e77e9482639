"""Candidate evidence: which source passages back which of the claim's items.

For each cited source we build a small matrix, items × sentences, holding how well a
sentence backs each item (1 for the same word key, less for a shared stem or a fuzzy
spelling match found with RapidFuzz's vectorised `process.cdist`). Windows of 1–3
consecutive sentences are scored with numpy; evidence may come from several places,
chosen greedily for what they add.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from citecheck.match.lexical.analyse import ClaimFacts
from citecheck.match.lexical.index import IntArray, SourceIndex
from citecheck.match.lexical.normalize import Lexicon

FloatArray = npt.NDArray[np.float64]

STEM_CREDIT = 0.8
FUZZY_CREDIT = 0.7
FUZZY_CUTOFF = 88.0
ACRONYM_CREDIT = 0.9
SYNONYM_CREDIT = 0.7
CLOSE_NUMBER_CREDIT = 0.7  # a rounded figure backs the claim less than the same figure
TRAJECTORY = 5  # greedy pieces measured for the judge (evidence keeps MAX_PIECES)
MAX_WINDOW = 3
MAX_PIECES = 3
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
    trajectory: list[float] = field(default_factory=list)  # coverage after 1, 2, ... pieces


def presence_matrix(
    facts: ClaimFacts, index: SourceIndex, synonyms: Mapping[str, tuple[str, ...]]
) -> FloatArray:
    """items × sentences: how well each sentence backs each claim item."""
    n_items, n_sent = len(facts.items), index.size
    matrix = np.zeros((n_items, n_sent), dtype=np.float64)
    if n_items == 0 or n_sent == 0:
        return matrix
    fuzzy_rows: list[int] = []
    fuzzy_keys: list[str] = []
    for row, item in enumerate(facts.items):
        if item.kind in ("word", "name"):
            hits = index.sentences_with(item.key)
            if hits is not None:
                matrix[row, hits] = 1.0
            for other in index.same_stem(item.key):
                near = index.sentences_with(other)
                if near is not None:
                    matrix[row, near] = np.maximum(matrix[row, near], STEM_CREDIT)
            for other in synonyms.get(item.key, ()):
                near = index.sentences_with(other)
                if near is not None:
                    matrix[row, near] = np.maximum(matrix[row, near], SYNONYM_CREDIT)
            if hits is None and item.surface.isupper() and len(item.surface) >= 2:
                spelled = index.spelled_out(item.key)  # "AI" in the claim, spelled out
                if spelled is not None:
                    matrix[row, spelled] = np.maximum(matrix[row, spelled], ACRONYM_CREDIT)
            if hits is None and len(item.key) >= 5:
                fuzzy_rows.append(row)
                fuzzy_keys.append(item.key)
        else:
            table = index.number_postings if item.kind == "number" else index.date_postings
            where = table.get(item.key)
            if where is not None:
                matrix[row, where] = 1.0
            elif item.kind == "number":
                for other in _close_numbers(item.key, index.number_postings):
                    near = index.number_postings[other]
                    matrix[row, near] = np.maximum(matrix[row, near], CLOSE_NUMBER_CREDIT)
    for acronym, rows in facts.runs:  # "United States" in the claim, "US" in the source
        where = index.sentences_with(acronym)
        if where is not None:
            for row in rows:
                matrix[row, where] = np.maximum(matrix[row, where], ACRONYM_CREDIT)
    if fuzzy_keys:
        vocab = index.vocabulary
        scores = process.cdist(
            fuzzy_keys, vocab, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, dtype=np.uint8
        )
        for k, v in zip(*np.nonzero(scores), strict=True):
            row = fuzzy_rows[int(k)]
            hits = index.post_sent[index.post_ptr[int(v)] : index.post_ptr[int(v) + 1]]
            matrix[row, hits] = np.maximum(matrix[row, hits], FUZZY_CREDIT)
    return matrix


def _close_numbers(value: str, table: dict[str, IntArray]) -> list[str]:
    """Source numbers that round to the claim's figure ("3.5 million" ~ "3,512,000").

    Rounding is to the claim's significant digits, so "15.3 million" is not "14.8 million".
    """
    target = float(value)
    bare = value.lstrip("-")
    digits = bare.replace(".", "").lstrip("0")
    if "." in bare or abs(target) >= 1000:  # "3500000" is 3.5 million: 2 digits
        digits = digits.rstrip("0")
    sig = max(1, len(digits))
    out = []
    for key in table:
        if key != value and float(f"{float(key):.{sig}g}") == target:
            out.append(key)
    return out


def _window_credits(presence: FloatArray, length: int) -> FloatArray:
    """items × starts: best credit per item over `length` consecutive sentences."""
    n = presence.shape[1] - length + 1
    out = presence[:, :n].copy()
    for shift in range(1, length):
        np.maximum(out, presence[:, shift : shift + n], out=out)
    return out


def retrieve(
    facts: ClaimFacts,
    sources: Sequence[SourceIndex],
    lexicon: Lexicon,
    masks: Sequence[npt.NDArray[np.bool_] | None] | None = None,
) -> Retrieval:
    """Pick the evidence windows that together back the most of the claim.

    `masks` (one per source, None for all of it) limits each source to the sentences
    of its candidate passages.
    """
    presence = [presence_matrix(facts, index, lexicon.synonyms) for index in sources]
    for matrix, mask in zip(presence, masks or [None] * len(presence), strict=True):
        if mask is not None:
            matrix[:, ~mask] = 0.0
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

    # How much one sentence, or one window of up to 3, can back (features for the judge).
    core: tuple[int, int] | None = None
    for s, matrix in enumerate(presence):
        for length in range(1, min(MAX_WINDOW, matrix.shape[1]) + 1):
            cover = weights @ _window_credits(matrix, length) / total
            j = int(np.argmax(cover))
            result.best_window = max(result.best_window, float(cover[j]))
            if length == 1 and float(cover[j]) > result.best_single:
                result.best_single = float(cover[j])
                core = (s, j)
    if core is None or result.best_single <= 0:
        return result

    # Evidence: the core sentence, then sentences that add what it lacks, near or far.
    # Greedy gains only shrink, so the evidence is a prefix of the measured trajectory.
    picks = [core]
    covered = presence[core[0]][:, core[1]].copy()
    result.covered = covered.copy()
    result.trajectory = [result.best_single]
    for _ in range(TRAJECTORY - 1):
        pick: tuple[int, int] | None = None
        pick_gain = 0.0
        for s, matrix in enumerate(presence):
            if not matrix.shape[1]:
                continue
            gains = weights @ np.maximum(matrix - covered[:, None], 0.0) / total
            j = int(np.argmax(gains))
            if gains[j] > pick_gain:
                pick_gain, pick = float(gains[j]), (s, j)
        if pick is None:
            break
        np.maximum(covered, presence[pick[0]][:, pick[1]], out=covered)
        result.trajectory.append(float(weights @ covered / total))
        if (
            pick_gain > MIN_GAIN
            and len(picks) < MAX_PIECES
            and len(picks) == len(result.trajectory) - 1
        ):
            picks.append(pick)
            result.covered = covered.copy()
    result.windows = _merge(picks, presence, weights, total)
    return result


def _merge(
    picks: list[tuple[int, int]], presence: list[FloatArray], weights: FloatArray, total: float
) -> list[Window]:
    """Join picked sentences that are neighbours in one source, up to 3 in a row."""
    spans: list[list[int]] = []  # [source, first, last], the core's span first
    for s, j in picks:
        for span in spans:
            adjacent = j in (span[1] - 1, span[2] + 1)
            if span[0] == s and adjacent and max(span[2], j) - min(span[1], j) < MAX_WINDOW:
                span[1], span[2] = min(span[1], j), max(span[2], j)
                break
        else:
            spans.append([s, j, j])
    windows = []
    for s, first, last in spans:
        credits = presence[s][:, first : last + 1].max(axis=1)
        windows.append(Window(s, first, last, credits, float(weights @ credits / total)))
    return windows
