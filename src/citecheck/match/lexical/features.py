"""Signals the judge weighs (the contradictions themselves are found in `contrast/`).

Kept apart from the judge so that the fitting script in `benchmarks/` computes
exactly the numbers the shipped judge sees.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
from rapidfuzz import fuzz

from citecheck.match.lexical.analyse import ClaimFacts, Item
from citecheck.match.lexical.contrast import Contrast, contrast, credit_agreed
from citecheck.match.lexical.normalize import MAX_RARITY, Lexicon
from citecheck.match.lexical.retrieve import Retrieval, Window

BACKED = 0.5  # an item counts as backed when its credit reaches this

FEATURES: tuple[str, ...] = (
    "cov_single",
    "cov_window",
    "cov_multi",
    "cov_any",
    "chance",
    "miss_max",
    "miss_count",
    "miss_share",
    "name_missing",
    "number_missing",
    "number_conflict",
    "date_missing",
    "date_conflict",
    "negation_flip",
    "antonym_flip",
    "pieces",
    "log_sentences",
    "log_items",
    "fuzzy",
    "bigram",
    "cov_x_len",
    "cov_p2",
    "cov_p3",
    "cov_p5",
    "cov_spec",
    "rare_missing",
    "clause_min",
    "clause_low",
    "sub_single_min",
)


def window_text(retrieval: Retrieval, window: Window) -> str:
    """The text of a window of sentences."""
    index = retrieval.sources[window.source]
    return index.quote(window.first, window.last)[2]


#: Finding codes each conflict feature counts.
_QUANTITY_CODES = frozenset({"number_conflict", "unit_conflict", "bound_conflict"})


def _share(items: list[Item], credits: np.ndarray, kind: str) -> float:
    rows = [r for r, i in enumerate(items) if i.kind == kind]
    if not rows:
        return 0.0
    return float(np.mean(credits[rows] < BACKED))


def _bigram(facts: ClaimFacts, retrieval: Retrieval) -> float:
    """Share of the claim's adjacent content-word pairs that the evidence also has close by."""
    keys = facts.keys_in_order
    pairs = list(itertools.pairwise(keys))
    if not pairs:
        return 0.0
    near: set[tuple[str, str]] = set()
    for window in retrieval.windows:
        index = retrieval.sources[window.source]
        for i in range(window.first, window.last + 1):
            seq = index.keys(i)
            for a in range(len(seq)):
                for b in range(a + 1, min(a + 4, len(seq))):
                    near.add((seq[a], seq[b]))
    return sum((a, b) in near or (b, a) in near for a, b in pairs) / len(pairs)


def _subclaims(facts: ClaimFacts) -> list[list[int]]:
    """Item rows of each sub-claim: the claim's clauses, a clause of one item joined to
    the one before (a lone word is a detail of its clause, not a statement)."""
    groups: list[list[int]] = []
    last = None
    for row, item in sorted(enumerate(facts.items), key=lambda t: (t[1].clause, t[0])):
        if item.clause != last:
            groups.append([])
            last = item.clause
        groups[-1].append(row)
    merged: list[list[int]] = []
    for g in groups:
        if len(g) < 2 and merged:
            merged[-1].extend(g)
        else:
            merged.append(list(g))
    if len(merged) >= 2 and len(merged[0]) < 2:
        merged[1].extend(merged.pop(0))
    return merged


def sub_claim_support(facts: ClaimFacts, retrieval: Retrieval) -> float:
    """How well the worst-backed sub-claim is backed by its best single source sentence.

    A claim is only as supported as its weakest clause; each clause may be backed by a
    different sentence, so each gets its own best one.
    """
    weights = np.array([i.weight for i in facts.items], dtype=np.float64)
    subs = [g for g in _subclaims(facts) if weights[g].sum() > 0]
    if not subs:
        return 0.0
    member = np.zeros((len(subs), len(weights)))
    for k, g in enumerate(subs):
        member[k, g] = weights[g] / weights[g].sum()
    best = np.zeros(len(subs))
    for matrix in retrieval.presence:
        if matrix.shape[1]:
            np.maximum(best, (member @ matrix).max(axis=1), out=best)
    return float(best.min())


def features(
    facts: ClaimFacts, retrieval: Retrieval, lexicon: Lexicon, found: Contrast | None = None
) -> dict[str, float]:
    """The judge's inputs for one claim, all finite. Without `found`, the contradiction
    checks run here (and credit the figures they find agreeing, as the judge does)."""
    if found is None:
        found = contrast(facts, retrieval, lexicon)
        credit_agreed(facts, retrieval, found)
    weights = np.array([i.weight for i in facts.items], dtype=np.float64)
    total = float(weights.sum()) or 1.0
    covered = retrieval.covered if len(retrieval.covered) else np.zeros(len(facts.items))
    missing = covered < BACKED
    cov_multi = float(weights @ covered / total) if len(weights) else 0.0
    cov_any = float(weights @ retrieval.anywhere / total) if len(weights) else 0.0
    sentences = sum(s.size for s in retrieval.sources)
    fuzzy = 0.0
    if retrieval.windows:
        text = window_text(retrieval, retrieval.windows[0])
        fuzzy = fuzz.token_set_ratio(facts.text.lower(), text.lower()) / 100.0
    codes = {f.code for f in found.findings}
    trajectory = retrieval.trajectory or [0.0]
    padded = [trajectory[min(k, len(trajectory) - 1)] for k in range(5)]
    if len(weights):
        df = sum((m >= BACKED).sum(axis=1) for m in retrieval.presence)
        idf = np.log((sentences + 1.0) / (np.asarray(df, dtype=np.float64) + 1.0)) + 1.0
        spec = weights * idf
        cov_spec = float(spec @ covered / spec.sum()) if spec.sum() > 0 else 0.0
    else:
        cov_spec = 0.0
    clause_cover = []
    for clause in sorted({i.clause for i in facts.items}):
        rows = [r for r, i in enumerate(facts.items) if i.clause == clause]
        w = weights[rows]
        if len(rows) >= 2 and w.sum() > 0:
            clause_cover.append(float(w @ covered[rows] / w.sum()))
    values = {
        "sub_single_min": sub_claim_support(facts, retrieval),
        "cov_single": retrieval.best_single,
        "cov_window": retrieval.best_window,
        "cov_multi": cov_multi,
        "cov_any": cov_any,
        "chance": cov_any - cov_multi,
        "miss_max": float(weights[missing].max() / MAX_RARITY) if missing.any() else 0.0,
        "miss_count": float(min(int(missing.sum()), 8)),
        "miss_share": float(missing.mean()) if len(missing) else 1.0,
        "name_missing": _share(facts.items, retrieval.anywhere, "name"),
        "number_missing": _share(facts.items, covered, "number"),
        "number_conflict": float(bool(codes & _QUANTITY_CODES)),
        "date_missing": _share(facts.items, covered, "date"),
        "date_conflict": float("date_conflict" in codes),
        "negation_flip": float("polarity_conflict" in codes),
        "antonym_flip": float("direction_conflict" in codes),
        "pieces": float(len(retrieval.windows)),
        "log_sentences": math.log1p(sentences),
        "log_items": math.log1p(len(facts.items)),
        "fuzzy": fuzzy,
        "bigram": _bigram(facts, retrieval),
        "cov_x_len": cov_multi * math.log1p(sentences),
        "cov_p2": padded[1],
        "cov_p3": padded[2],
        "cov_p5": padded[4],
        "cov_spec": cov_spec,
        "rare_missing": float(min(8, int((missing & (weights >= 3.0)).sum()))),
        "clause_min": min(clause_cover, default=cov_multi),
        "clause_low": float(sum(c < BACKED for c in clause_cover)),
    }
    return {k: (v if math.isfinite(v) else 0.0) for k, v in values.items()}
