"""Fit the citation-need model on the dev split, reproducibly, with grouped CV.

    python benchmarks/fit_need.py [DATA_DIR] [--write]

Features are `citecheck.need.decide.need_features` of each sentence (with its context).
One model and one threshold for both sets (expertqa-citeworthiness, wcd-fa-en), each set
and each class weighing the same. Sentences the library always exempts (questions,
fragments, transitions) or always flags (unattributed analysis) are decided by those
rules in the reported figures too. `--write` refits on all records and stores
`src/citecheck/match/need_model.json`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from citecheck.lang import get_language
from citecheck.match.lexical.analyse import analyse_all
from citecheck.match.lexical.normalize import Lexicon
from citecheck.need.cues import compile_cues
from citecheck.need.decide import rule_decision
from citecheck.need.features import NEED_FEATURES, need_features
from citecheck.need.signals import signals

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import DEFAULT_DATA, NEED_SETS, ROOT, load
from fit import (
    bacc,
    data_fingerprints,
    fit_logistic,
    folds,
    group_key,
    model_record,
    salts,
    sample_weights,
    shipped_scores,
    standardise,
)

MODEL_PATH = ROOT / "src" / "citecheck" / "need" / "need_model.json"
LEXICON = Lexicon(get_language("en"))
CUES = compile_cues(get_language("en"))


def collect(data: Path) -> dict[str, np.ndarray]:
    xs, ys, sets, groups, rule = [], [], [], [], []
    for name in NEED_SETS:
        records = list(load(data / f"{name}-dev.jsonl", None))
        texts = [" ".join(str(r["sentence"]).split()) for r in records]
        for record, text, facts in zip(records, texts, analyse_all(texts, LEXICON), strict=True):
            context = " ".join(str(record.get("context") or "").split())
            values = need_features(text, context, facts, CUES, LEXICON)
            xs.append([values[n] for n in NEED_FEATURES])
            ys.append(bool(record["needs_citation"]))
            sets.append(name)
            groups.append(group_key(record))
            s = signals(text, facts, CUES, LEXICON)
            ruled = rule_decision(s)
            rule.append(0 if ruled is None else (1 if ruled else -1))
    return {
        "x": np.array(xs, dtype=np.float64),
        "y": np.array(ys),
        "set": np.array(sets),
        "group": np.array(groups),
        "rule": np.array(rule),
    }


def decide(p: np.ndarray, rule: np.ndarray, t: float) -> np.ndarray:
    return np.where(rule < 0, False, np.where(rule > 0, True, p >= t))


def best_threshold(p: np.ndarray, d: dict[str, np.ndarray]) -> float:
    names = sorted(set(d["set"].tolist()))
    grid = np.linspace(0.05, 0.95, 91)
    return float(
        max(
            grid,
            key=lambda t: np.mean(
                [bacc(d["y"][d["set"] == n], decide(p, d["rule"], t)[d["set"] == n]) for n in names]
            ),
        )
    )


def cross_validate(d: dict[str, np.ndarray], l2: float, salt: str = "") -> dict[str, np.ndarray]:
    """Out-of-fold decisions: coefficients and threshold never see the scored fold."""
    x, y, sets = d["x"], d["y"], d["set"]
    fold = folds(d["group"], salt=salt)
    p = np.zeros(len(y))
    for k in range(5):
        tr, te = fold != k, fold == k
        mean, scale = standardise(x[tr])
        coef, b = fit_logistic(
            (x[tr] - mean) / scale, y[tr].astype(float), sample_weights(sets[tr], y[tr]), l2
        )
        p[te] = shipped_scores(x[te], mean, scale, coef, b)
    t_fold = np.zeros(len(y))
    for k in range(5):
        sub = {key: v[fold != k] for key, v in d.items()}
        t_fold[fold == k] = best_threshold(p[fold != k], sub)
    pred = np.where(d["rule"] < 0, False, np.where(d["rule"] > 0, True, p >= t_fold))
    return {n: pred[sets == n] for n in NEED_SETS}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--l2", type=float, default=100.0)
    parser.add_argument("--features", default=",".join(NEED_FEATURES))
    parser.add_argument(
        "--repeats", type=int, default=1, help="also average over this many fold assignments"
    )
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    d = collect(args.data)
    names = [n for n in args.features.split(",") if n]
    d["x"] = d["x"][:, [NEED_FEATURES.index(n) for n in names]]
    x, y, sets = d["x"], d["y"], d["set"]
    print("5-fold grouped CV (one model, threshold chosen on the other folds):")
    pred = cross_validate(d, args.l2)
    for n in NEED_SETS:
        gold = y[sets == n]
        print(f"  {n:24s} BAcc {bacc(gold, pred[n]):.3f}  positives {pred[n].mean():.2f}")
    if args.repeats > 1:
        runs = [cross_validate(d, args.l2, salt) for salt in salts(args.repeats)]
        print(f"mean (standard deviation) over {args.repeats} fold assignments:")
        for n in NEED_SETS:
            v = np.array([bacc(y[sets == n], run[n]) for run in runs])
            print(f"  {n:24s} BAcc {v.mean():.3f} ({v.std():.3f})")
    mean, scale = standardise(x)
    coef, b = fit_logistic((x - mean) / scale, y.astype(float), sample_weights(sets, y), args.l2)
    p_all = shipped_scores(x, mean, scale, coef, b)
    t = best_threshold(p_all, d)
    for name, c in sorted(zip(names, coef, strict=True), key=lambda v: -abs(v[1])):
        print(f"  {name:22s} {c:+.3f}")
    print(f"  threshold {t:.3f}")
    if args.write:
        model = {
            **model_record(
                "fitted by benchmarks/fit_need.py on the dev split of "
                "expertqa-citeworthiness and wcd-fa-en (equal weight per set and class)",
                names,
                mean,
                scale,
                coef,
                b,
                fitted_on=data_fingerprints(args.data, NEED_SETS),
                fitting={"script": "benchmarks/fit_need.py", "l2": args.l2, "folds": 5},
                cv={n: {"BAcc": bacc(y[sets == n], pred[n])} for n in NEED_SETS},
            ),
            "thresholds": {"needs": round(t, 4)},
        }
        MODEL_PATH.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
