"""Fit the judge's logistic combination on the dev split, reproducibly, with grouped CV.

    python benchmarks/fit.py [DATA_DIR] [--write]

Features are computed exactly as `verify()` computes them (same parser, index,
retrieval and feature code) for every record of wice, expertqa and attributionbench.
One model and one pair of thresholds is fitted for all inputs; each dataset gets equal
total weight and, within it, both classes equal weight, so no set dominates. Reported
figures are 5-fold grouped cross-validation (groups as in the data README: the question
for ExpertQA, the claim text for AttributionBench, the record otherwise): no record is
scored by a model that saw it or its near-duplicates. `--write` refits on all records and
stores the coefficients in `src/citecheck/match/judge_model.json`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from citecheck.config import Options
from citecheck.fitted import MODEL_SCHEMA_VERSION, LogisticModel
from citecheck.lang import get_language
from citecheck.match.lexical.features import FEATURES, features
from citecheck.match.lexical.judge import LexicalJudge
from citecheck.match.lexical.retrieve import retrieve
from citecheck.parse import parse_article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import DEFAULT_DATA, ROOT, load, support_article

Array = npt.NDArray[np.float64]
MODEL_PATH = ROOT / "src" / "citecheck" / "match" / "lexical" / "judge_model.json"
L2 = 100.0
JUDGE = LexicalJudge(get_language("en"))
#: The support sets the judge is fitted on (SummEdits is measured, not fitted on).
FIT_SETS = ("wice", "expertqa", "attributionbench")


def group_key(record: dict[str, object]) -> str:
    rid = str(record["id"])
    if rid.startswith("expertqa:"):
        return ":".join(rid.split(":")[:2])
    if rid.startswith("attributionbench:"):
        return "ab:" + " ".join(str(record["claim"]).lower().split())
    return rid


def record_features(record: dict[str, object]) -> list[float]:
    """Features of the record's weakest claim (the one the verdict hinges on)."""
    article = support_article(str(record["claim"]))
    parsed = parse_article(article, Options(marker_scope="paragraph"))
    texts = [c.text for c in parsed.claims if "1" in c.marker_ids] or [str(record["claim"])]
    index = JUDGE.prepare(str(record["source"]))
    rows = []
    for facts in JUDGE.analyse(texts):
        retrieval = retrieve(facts, [index], JUDGE.lexicon)
        values = features(facts, retrieval, JUDGE.lexicon)
        rows.append([values[name] for name in FEATURES])
    return min(rows, key=lambda r: r[FEATURES.index("cov_multi")])


def collect(data: Path, cache: Path | None) -> dict[str, Array | list[str]]:
    if cache is not None and cache.exists():
        loaded = np.load(cache, allow_pickle=False)
        return {k: loaded[k] for k in loaded.files}
    xs, labels, sets, groups = [], [], [], []
    for name in FIT_SETS:
        for record in load(data / f"{name}-dev.jsonl", None):
            xs.append(record_features(record))
            labels.append(str(record["label"]))
            sets.append(name)
            groups.append(group_key(record))
        print(f"features: {name} done", file=sys.stderr)
    out = {
        "x": np.array(xs, dtype=np.float64),
        "label": np.array(labels),
        "set": np.array(sets),
        "group": np.array(groups),
        "names": np.array(FEATURES),
    }
    if cache is not None:
        np.savez(cache, **out)
    return out


def sample_weights(sets: np.ndarray, y: np.ndarray) -> Array:
    """Each dataset weighs the same, and within it each class weighs the same."""
    w = np.zeros(len(y))
    names = sorted(set(sets.tolist()))
    for name in names:
        for cls in (True, False):
            mask = (sets == name) & (y == cls)
            if mask.any():
                w[mask] = 1.0 / (2 * len(names) * mask.sum())
    return w * len(y)


def fit_logistic(x: Array, y: Array, w: Array, l2: float = L2) -> tuple[Array, float]:
    """L2-regularised weighted logistic regression by Newton's method."""
    n, d = x.shape
    a = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[-1] = 0.0
    for _ in range(50):
        z = np.clip(a @ beta, -30, 30)
        p = 1 / (1 + np.exp(-z))
        grad = a.T @ (w * (p - y)) + reg * beta
        hess = (a * (w * p * (1 - p))[:, None]).T @ a + np.diag(reg) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def folds(groups: np.ndarray, k: int = 5, salt: str = "") -> np.ndarray:
    """Fold of each record by a stable hash of its group (a salt gives another assignment)."""
    return np.array(
        [int(hashlib.sha256((salt + g).encode()).hexdigest(), 16) % k for g in groups.tolist()]
    )


def salts(repeats: int) -> list[str]:
    """Fold assignments to average over: the standard one first, then salted ones."""
    return [""] + [f"s{r}:" for r in range(1, repeats)]


def bacc(y: np.ndarray, pred: np.ndarray) -> float:
    tpr = (pred & y).sum() / max(1, y.sum())
    tnr = (~pred & ~y).sum() / max(1, (~y).sum())
    return float((tpr + tnr) / 2)


def auroc(y: np.ndarray, s: np.ndarray) -> float:
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1)
    # average ranks over ties
    _, inv, counts = np.unique(s, return_inverse=True, return_counts=True)
    sums = np.bincount(inv, weights=ranks)
    ranks = (sums / counts)[inv]
    pos, neg = y.sum(), (~y).sum()
    return float((ranks[y].sum() - pos * (pos + 1) / 2) / max(1, pos * neg))


def macro_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    out = []
    for label in ("supported", "partial", "unsupported"):
        tp = ((gold == label) & (pred == label)).sum()
        fp = ((gold != label) & (pred == label)).sum()
        fn = ((gold == label) & (pred != label)).sum()
        out.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(out))


def shipped_scores(x: Array, mean: Array, scale: Array, coef: Array, intercept: float) -> Array:
    """Probabilities exactly as the library computes them (`LogisticModel.probabilities`)."""
    model = LogisticModel(
        names=tuple(str(i) for i in range(x.shape[1])),
        mean=mean,
        scale=scale,
        coef=coef,
        intercept=intercept,
        thresholds={},
    )
    return model.probabilities(x)


def data_fingerprints(data: Path, names: Sequence[str]) -> dict[str, str]:
    """sha256 of each data file a model was fitted on (the model file records them)."""
    return {
        f"{name}-dev.jsonl": hashlib.sha256((data / f"{name}-dev.jsonl").read_bytes()).hexdigest()
        for name in names
    }


def standardise(x: Array) -> tuple[Array, Array]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    return mean, np.where(scale > 0, scale, 1.0)


SLOPES = np.linspace(-0.08, 0.08, 17)


def choose_thresholds(
    p: Array, data: dict[str, np.ndarray], lsc: Array
) -> tuple[float, float, float]:
    """Length slope and supported threshold: best mean BAcc over the sets; partial: best
    mean macro-F1. `lsc` is the centred log sentence count of each record's source."""
    y = data["label"] == "supported"
    sets = data["set"]
    names = sorted(set(sets.tolist()))
    grid = np.linspace(0.05, 0.95, 91)

    def mean_bacc(q: Array, t: float) -> float:
        return float(np.mean([bacc(y[sets == n], q[sets == n] >= t) for n in names]))

    best = max(
        ((slope, t) for slope in SLOPES for t in grid),
        key=lambda st: mean_bacc(np.clip(p - st[0] * lsc, 0, 1), st[1]),
    )
    slope, best_t = float(best[0]), float(best[1])
    q = np.clip(p - slope * lsc, 0, 1)
    three = [n for n in names if (data["label"][sets == n] == "partial").any()]
    best_p = max(
        (g for g in grid if g < best_t),
        key=lambda g: np.mean(
            [
                macro_f1(
                    data["label"][sets == n],
                    np.where(
                        q[sets == n] >= best_t,
                        "supported",
                        np.where(q[sets == n] >= g, "partial", "unsupported"),
                    ),
                )
                for n in three
            ]
        ),
        default=best_t / 2,
    )
    return best_t, float(best_p), slope


LENGTH_CENTER = 3.0  # log1p(sentences) of a ~20-sentence source


def centred_length(data: dict[str, np.ndarray]) -> Array:
    col = list(data["names"]).index("log_sentences")
    return np.asarray(data["x"][:, col] - LENGTH_CENTER, dtype=np.float64)


def cross_validate(
    data: dict[str, np.ndarray], names: Sequence[str], l2: float = L2, salt: str = ""
) -> dict[str, dict[str, float]]:
    cols = [list(data["names"]).index(n) for n in names]
    x = data["x"][:, cols]
    y = (data["label"] == "supported").astype(np.float64)
    sets = data["set"]
    fold = folds(data["group"], salt=salt)
    p = np.zeros(len(y))
    for k in range(5):
        train, test = fold != k, fold == k
        mean, scale = standardise(x[train])
        coef, b = fit_logistic(
            (x[train] - mean) / scale, y[train], sample_weights(sets[train], y[train] > 0), l2
        )
        p[test] = shipped_scores(x[test], mean, scale, coef, b)
    # Thresholds chosen inside CV too: on the out-of-fold scores of the other folds.
    lsc = centred_length(data)
    t_sup = np.zeros(len(y))
    t_par = np.zeros(len(y))
    slopes = np.zeros(len(y))
    for k in range(5):
        other = fold != k
        sub = {key: v[other] for key, v in data.items() if key != "names"}
        ts, tp, sl = choose_thresholds(p[other], sub, lsc[other])
        t_sup[fold == k], t_par[fold == k], slopes[fold == k] = ts, tp, sl
    p = np.clip(p - slopes * lsc, 0, 1)
    # The judge's caps: contradictions and absent names are never supported.
    names_all = list(data["names"])
    raw = data["x"]
    polarity = (raw[:, names_all.index("negation_flip")] > 0) | (
        raw[:, names_all.index("antonym_flip")] > 0
    )
    capped = (
        (raw[:, names_all.index("number_conflict")] > 0)
        | (raw[:, names_all.index("date_conflict")] > 0)
        | (raw[:, names_all.index("name_missing")] > 0)
    )
    p = np.where(polarity, np.minimum(p, 0.5 * t_par), p)
    p = np.where(capped & ~polarity, np.minimum(p, 0.5 * (t_par + t_sup)), p)
    out = {}
    yb = y > 0
    for n in sorted(set(sets.tolist())):
        m = sets == n
        pred = p[m] >= t_sup[m]
        three = np.where(pred, "supported", np.where(p[m] >= t_par[m], "partial", "unsupported"))
        out[n] = {
            "BAcc": bacc(yb[m], pred),
            "AUROC": auroc(yb[m], p[m]),
            "F1-3": macro_f1(data["label"][m], three),
        }
    return out


def model_record(
    note: str,
    names: Sequence[str],
    mean: np.ndarray,
    scale: np.ndarray,
    coef: np.ndarray,
    intercept: float,
    *,
    fitted_on: dict[str, str],
    fitting: dict[str, object],
    cv: dict[str, dict[str, float]],
) -> dict[str, object]:
    """The shipped JSON form of a fitted logistic model (thresholds added by the caller):
    schema version, provenance (data sha256, fitting options, CV figures), coefficients."""
    return {
        "schema_version": MODEL_SCHEMA_VERSION,
        "note": note,
        "fitted_on": dict(sorted(fitted_on.items())),
        "fitting": fitting,
        "cv": {k: {m: round(float(v), 4) for m, v in r.items()} for k, r in sorted(cv.items())},
        "features": list(names),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "intercept": round(intercept, 6),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=None, help="npz file to reuse features")
    parser.add_argument("--features", default=",".join(FEATURES))
    parser.add_argument("--l2", type=float, default=L2, help="ridge penalty")
    parser.add_argument(
        "--repeats", type=int, default=1, help="also average over this many fold assignments"
    )
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    data = collect(args.data, args.cache)
    names = [n for n in args.features.split(",") if n]
    result = cross_validate(data, names, args.l2)
    print("5-fold grouped CV (one model, thresholds chosen on the other folds):")
    for n, r in result.items():
        print(f"  {n:18s} " + "  ".join(f"{k} {v:.3f}" for k, v in r.items()))
    if args.repeats > 1:
        runs = [cross_validate(data, names, args.l2, salt) for salt in salts(args.repeats)]
        print(f"mean (standard deviation) over {args.repeats} fold assignments:")
        for n in result:
            cells = []
            for k in result[n]:
                v = np.array([run[n][k] for run in runs])
                cells.append(f"{k} {v.mean():.3f} ({v.std():.3f})")
            print(f"  {n:18s} " + "  ".join(cells))
    cols = [list(data["names"]).index(n) for n in names]
    x = data["x"][:, cols]
    y = data["label"] == "supported"
    mean, scale = standardise(x)
    coef, b = fit_logistic(
        (x - mean) / scale, y.astype(np.float64), sample_weights(data["set"], y), args.l2
    )
    p = shipped_scores(x, mean, scale, coef, b)
    lsc = centred_length(data)
    t_sup, t_par, slope = choose_thresholds(p, data, lsc)
    for n, c in sorted(zip(names, coef, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {n:16s} {c:+.3f}")
    print(f"  thresholds: supported {t_sup:.3f}, partial {t_par:.3f}; length slope {slope:+.3f}")
    if args.write:
        model = {
            **model_record(
                "fitted by benchmarks/fit.py on the dev split of wice, expertqa, "
                "attributionbench (equal weight per set and class); one model for all inputs",
                names,
                mean,
                scale,
                coef,
                b,
                fitted_on=data_fingerprints(args.data, FIT_SETS),
                fitting={"script": "benchmarks/fit.py", "l2": args.l2, "folds": 5},
                cv=result,
            ),
            "thresholds": {"supported": round(t_sup, 4), "partial": round(t_par, 4)},
            "shift": {
                "feature": "log_sentences",
                "center": LENGTH_CENTER,
                "slope": round(slope, 4),
            },
        }
        MODEL_PATH.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
