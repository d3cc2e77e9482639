"""Fit the judge's logistic combination on the dev split, reproducibly, with grouped CV.

    python benchmarks/fit.py [DATA_DIR] [--train TRAIN_DIR] [--train-weight W] [--write]

Features are computed exactly as `verify()` computes them (same parser, index,
retrieval and feature code) for every record of wice, expertqa and attributionbench.
One model and one pair of thresholds is fitted for all inputs; each dataset gets equal
total weight and, within it, both classes equal weight, so no set dominates. Reported
figures are 5-fold grouped cross-validation (groups as in the data README: the question
for ExpertQA, the claim text for AttributionBench, the record otherwise): no record is
scored by a model that saw it or its near-duplicates. `--write` refits on all records and
stores the coefficients in `src/citecheck/match/judge_model.json`.

`--train DIR` adds the support files of `../shared/train` (third-party labelled data; see
its README) to every training fold, each file weighing `--train-weight` times a dev set,
classes balanced within it, climate-fever's "not enough info" negatives downsampled to as
many as its refutations. They are never scored: CV figures and thresholds stay on the dev
sets. The judge's rules are applied to the scores as the judge applies them (a
contradiction keeps a claim below `partial`; an addition or an absent name below
`supported`, an addition to a claim otherwise backed at `partial` at least).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from citecheck.config import Options
from citecheck.fitted import MODEL_SCHEMA_VERSION, LogisticModel
from citecheck.lang import get_language
from citecheck.match.lexical.contrast import contrast, credit_agreed
from citecheck.match.lexical.features import FEATURES, features
from citecheck.match.lexical.judge import REST_BACKED, LexicalJudge
from citecheck.match.lexical.retrieve import retrieve
from citecheck.parse import parse_article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import DEFAULT_DATA, ROOT, load, support_article

Array = npt.NDArray[np.float64]
MODEL_PATH = ROOT / "src" / "citecheck" / "match" / "lexical" / "judge_model.json"
L2 = 100.0
JUDGE = LexicalJudge(get_language("en"))
#: The support sets the judge is fitted on (SummEdits is measured, not fitted on).
FIT_SETS: tuple[str, ...] = ("wice", "expertqa", "attributionbench")
#: SummEdits (a dev set too) joins them with `--with-summedits`.
SUMMEDITS = "summedits"
#: Support files of `../shared/train` that may be added to the training folds.
TRAIN_SETS = ("qags", "aggrefact-cliff", "aggrefact-goyal21", "climate-fever", "fever-symmetric")
#: Per-record flags of the judge's rules (not model inputs): a contradiction, an addition.
RULES = ("contradicted", "added")


def group_key(record: dict[str, object]) -> str:
    rid = str(record["id"])
    if rid.startswith("expertqa:"):
        return ":".join(rid.split(":")[:2])
    if rid.startswith("attributionbench:"):
        return "ab:" + " ".join(str(record["claim"]).lower().split())
    if rid.startswith("summedits:"):
        return rid.rsplit("_", 1)[0]  # the document: its seed summary and every edit of it
    return rid


def record_features(record: dict[str, object]) -> tuple[list[float], list[float]]:
    """Features and rule flags of the record's weakest claim (the one the verdict hinges
    on), computed as the judge computes them."""
    article = support_article(str(record["claim"]))
    parsed = parse_article(article, Options(marker_scope="paragraph"))
    texts = [c.text for c in parsed.claims if "1" in c.marker_ids] or [str(record["claim"])]
    index = JUDGE.prepare(str(record["source"]))
    rows = []
    for facts in JUDGE.analyse(texts):
        retrieval = retrieve(facts, [index], JUDGE.lexicon)
        found = contrast(facts, retrieval, JUDGE.lexicon)
        credit_agreed(facts, retrieval, found)
        values = features(facts, retrieval, JUDGE.lexicon, found)
        flags = [float(bool(found.contradictions)), float(bool(found.additions))]
        rows.append(([values[name] for name in FEATURES], flags))
    return min(rows, key=lambda r: r[0][FEATURES.index("cov_multi")])


def train_records(train: Path) -> Iterator[tuple[str, dict[str, object]]]:
    """The support records of `../shared/train`, climate-fever's "not enough info"
    negatives downsampled (by a stable hash of the id) to as many as its refutations."""
    for name in TRAIN_SETS:
        records = list(load(train / f"{name}.jsonl", None))
        if name == "climate-fever":
            nei = [r for r in records if str(r["dataset"]).endswith("not_enough_info")]
            refutes = sum(r["label"] != "supported" for r in records) - len(nei)
            keep = set(
                sorted(
                    (str(r["id"]) for r in nei),
                    key=lambda i: hashlib.sha256(i.encode()).hexdigest(),
                )[:refutes]
            )
            records = [
                r
                for r in records
                if not str(r["dataset"]).endswith("not_enough_info") or str(r["id"]) in keep
            ]
        for record in records:
            yield name, record


def collect(
    data: Path,
    cache: Path | None,
    train: Path | None = None,
    fit_sets: Sequence[str] = FIT_SETS,
) -> dict[str, np.ndarray]:
    if cache is not None and cache.exists():
        loaded = np.load(cache, allow_pickle=False)
        return {k: loaded[k] for k in loaded.files}
    xs, flags, labels, sets, groups = [], [], [], [], []
    sources: list[tuple[str, dict[str, object]]] = [
        (name, record) for name in fit_sets for record in load(data / f"{name}-dev.jsonl", None)
    ]
    if train is not None:
        sources.extend(train_records(train))
    done = ""
    for name, record in sources:
        if name != done and done:
            print(f"features: {done} done", file=sys.stderr)
        done = name
        x, f = record_features(record)
        xs.append(x)
        flags.append(f)
        labels.append("supported" if record["label"] == "supported" else str(record["label"]))
        sets.append(name)
        groups.append(group_key(record))
    out = {
        "x": np.array(xs, dtype=np.float64),
        "rules": np.array(flags, dtype=np.float64),
        "label": np.array(labels),
        "set": np.array(sets),
        "group": np.array(groups),
        "names": np.array(FEATURES),
    }
    if cache is not None:
        np.savez(cache, **out)
    return out


def is_dev(sets: np.ndarray) -> npt.NDArray[np.bool_]:
    """Which records are of a dev set (measured), not of a training file."""
    return ~np.isin(sets, TRAIN_SETS)


def dev_only(data: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The records of the dev sets (the ones measured)."""
    keep = is_dev(data["set"])
    return {k: (v if k == "names" else v[keep]) for k, v in data.items()}


def sample_weights(sets: np.ndarray, y: np.ndarray, train_weight: float = 1.0) -> Array:
    """Each dev set weighs the same, each training file `train_weight` times that, and
    within each set both classes weigh the same."""
    w = np.zeros(len(y))
    names = sorted(set(sets.tolist()))
    share = {n: (train_weight if n in TRAIN_SETS else 1.0) for n in names}
    total = sum(share.values())
    for name in names:
        for cls in (True, False):
            mask = (sets == name) & (y == cls)
            if mask.any():
                w[mask] = share[name] / (2 * total * mask.sum())
    return w * len(y)


def apply_rules(p: Array, data: dict[str, np.ndarray], t_sup: Array, t_par: Array) -> Array:
    """The judge's rules on its scores: a contradiction keeps a claim below `partial`; an
    addition or an absent name below `supported`; an addition to a claim otherwise backed
    (its weighted cover >= REST_BACKED) at `partial` at least."""
    names = list(data["names"])
    raw = data["x"]
    contradicted = data["rules"][:, 0] > 0
    added = data["rules"][:, 1] > 0
    absent = raw[:, names.index("name_missing")] > 0
    middle = 0.5 * (t_par + t_sup)
    capped = ~contradicted & (added | absent)
    out = np.where(contradicted, np.minimum(p, 0.5 * t_par), p)
    out = np.where(capped, np.minimum(out, middle), out)
    floor = capped & added & (raw[:, names.index("cov_multi")] >= REST_BACKED)
    return np.where(floor, np.maximum(out, t_par), out)


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
    # the judge's rules keep a contradicted claim, one that adds content and one with an
    # absent name below `supported` whatever the threshold
    cols = list(data["names"])
    blocked = (
        (data["rules"][:, 0] > 0)
        | (data["rules"][:, 1] > 0)
        | (data["x"][:, cols.index("name_missing")] > 0)
    )

    def mean_bacc(q: Array, t: float) -> float:
        return float(
            np.mean([bacc(y[sets == n], (q[sets == n] >= t) & ~blocked[sets == n]) for n in names])
        )

    best = max(
        ((slope, t) for slope in SLOPES for t in grid),
        key=lambda st: mean_bacc(np.clip(p - st[0] * lsc, 0, 1), st[1]),
    )
    slope, best_t = float(best[0]), float(best[1])
    q = np.clip(p - slope * lsc, 0, 1)
    three = [n for n in names if (data["label"][sets == n] == "partial").any()]

    def mean_f1(g: float) -> float:
        ruled = apply_rules(q, data, np.full(len(q), best_t), np.full(len(q), g))
        return float(
            np.mean(
                [
                    macro_f1(
                        data["label"][sets == n],
                        np.where(
                            ruled[sets == n] >= best_t,
                            "supported",
                            np.where(ruled[sets == n] >= g, "partial", "unsupported"),
                        ),
                    )
                    for n in three
                ]
            )
        )

    best_p = max((g for g in grid if g < best_t), key=mean_f1, default=best_t / 2)
    return best_t, float(best_p), slope


LENGTH_CENTER = 3.0  # log1p(sentences) of a ~20-sentence source


def centred_length(data: dict[str, np.ndarray]) -> Array:
    col = list(data["names"]).index("log_sentences")
    return np.asarray(data["x"][:, col] - LENGTH_CENTER, dtype=np.float64)


def cross_validate(
    data: dict[str, np.ndarray],
    names: Sequence[str],
    l2: float = L2,
    salt: str = "",
    train_weight: float = 1.0,
) -> dict[str, dict[str, float]]:
    """Grouped k-fold CV on the dev sets; training files (if any) join every training
    fold and are never scored."""
    cols = [list(data["names"]).index(n) for n in names]
    x = data["x"][:, cols]
    y = (data["label"] == "supported").astype(np.float64)
    sets = data["set"]
    fold = np.where(is_dev(sets), folds(data["group"], salt=salt), -1)
    p = np.zeros(len(y))
    for k in range(5):
        train, test = fold != k, fold == k
        mean, scale = standardise(x[train])
        coef, b = fit_logistic(
            (x[train] - mean) / scale,
            y[train],
            sample_weights(sets[train], y[train] > 0, train_weight),
            l2,
        )
        p[test] = shipped_scores(x[test], mean, scale, coef, b)
    dev = dev_only({**data, "p": p, "fold": fold})
    p, fold, sets, y = dev["p"], dev["fold"], dev["set"], dev["label"] == "supported"
    # Thresholds chosen inside CV too: on the out-of-fold scores of the other folds.
    lsc = centred_length(dev)
    t_sup = np.zeros(len(y))
    t_par = np.zeros(len(y))
    slopes = np.zeros(len(y))
    for k in range(5):
        other = fold != k
        sub = {key: (v if key == "names" else v[other]) for key, v in dev.items()}
        ts, tp, sl = choose_thresholds(p[other], sub, lsc[other])
        t_sup[fold == k], t_par[fold == k], slopes[fold == k] = ts, tp, sl
    p = apply_rules(np.clip(p - slopes * lsc, 0, 1), dev, t_sup, t_par)
    out = {}
    for n in sorted(set(sets.tolist())):
        m = sets == n
        pred = p[m] >= t_sup[m]
        three = np.where(pred, "supported", np.where(p[m] >= t_par[m], "partial", "unsupported"))
        out[n] = {
            "BAcc": bacc(y[m], pred),
            "AUROC": auroc(y[m], p[m]),
            "F1-3": macro_f1(dev["label"][m], three),
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
        "--train", type=Path, default=None, help="also train on the support files of this folder"
    )
    parser.add_argument(
        "--train-weight", type=float, default=1.0, help="weight of each training file (dev set: 1)"
    )
    parser.add_argument(
        "--repeats", type=int, default=1, help="also average over this many fold assignments"
    )
    parser.add_argument(
        "--with-summedits",
        action="store_true",
        help="fit on summedits-dev too (scored in CV like the others)",
    )
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    fit_sets = (*FIT_SETS, SUMMEDITS) if args.with_summedits else FIT_SETS
    data = collect(args.data, args.cache, args.train, fit_sets)
    if args.train is None:
        data = dev_only(data)  # a cache may hold the training files too
    used_train = sorted(set(data["set"].tolist()) & set(TRAIN_SETS))
    names = [n for n in args.features.split(",") if n]
    weight = args.train_weight
    result = cross_validate(data, names, args.l2, train_weight=weight)
    extra = f", plus {', '.join(used_train)} (weight {weight:g} each)" if used_train else ""
    print(f"5-fold grouped CV on the dev sets (one model, thresholds from other folds){extra}:")
    for n, r in result.items():
        print(f"  {n:18s} " + "  ".join(f"{k} {v:.3f}" for k, v in r.items()))
    if args.repeats > 1:
        runs = [
            cross_validate(data, names, args.l2, salt, train_weight=weight)
            for salt in salts(args.repeats)
        ]
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
        (x - mean) / scale, y.astype(np.float64), sample_weights(data["set"], y, weight), args.l2
    )
    dev = dev_only(data)
    p = shipped_scores(dev["x"][:, cols], mean, scale, coef, b)
    lsc = centred_length(dev)
    t_sup, t_par, slope = choose_thresholds(p, dev, lsc)
    for n, c in sorted(zip(names, coef, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {n:16s} {c:+.3f}")
    print(f"  thresholds: supported {t_sup:.3f}, partial {t_par:.3f}; length slope {slope:+.3f}")
    if args.write:
        fitted_on = data_fingerprints(args.data, fit_sets)
        if args.train is not None:
            fitted_on.update(
                {
                    f"train/{n}.jsonl": hashlib.sha256(
                        (args.train / f"{n}.jsonl").read_bytes()
                    ).hexdigest()
                    for n in used_train
                }
            )
        sets_note = ", ".join(fit_sets) + (
            f" and the training files {', '.join(used_train)} (weight {weight:g} each)"
            if used_train
            else ""
        )
        model = {
            **model_record(
                f"fitted by benchmarks/fit.py on the dev split of {sets_note} (equal weight "
                "per set and class); one model for all inputs",
                names,
                mean,
                scale,
                coef,
                b,
                fitted_on=fitted_on,
                fitting={
                    "script": "benchmarks/fit.py",
                    "l2": args.l2,
                    "folds": 5,
                    "train": used_train,
                    "train_weight": weight if used_train else 0.0,
                },
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
