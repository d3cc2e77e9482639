"""Accuracy of citecheck's verdicts on real, third-party labelled data, through `verify()`.

Support sets (wice, expertqa, attributionbench, summedits): the claim, its own markers
removed, gets one marker `[1]` and the record's source as source "1". Gold positive =
`supported`; predicted positive = every claim citing [1] is `supported` (`contradicted`
counts as not supported, and as `unsupported` in the 3-class macro-F1). SummEdits also gets
one row per domain (`summedits:news`, ...). Citation-need sets (expertqa-citeworthiness,
wcd-fa-en): context + sentence, no markers; predicted positive = the sentence needs a
citation.

    python benchmarks/accuracy.py [DATA_DIR] [--limit N] [--dataset NAME ...] [--write]
                                  [--check-reasons] [--verdicts FILE]

`--write` stores the table in benchmarks/RESULTS.md (between the RESULTS markers).
`--check-reasons` reads the two values of every conflict reason of every record and prints
how many pair values of different kinds (`citecheck.match.lexical.kinds`); it must be 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

import citecheck
from citecheck import Status
from citecheck.match.lexical.kinds import CONFLICT_CODES, kind_errors

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench"
SUPPORT_SETS = ("wice", "expertqa", "attributionbench", "summedits")
NEED_SETS = ("expertqa-citeworthiness", "wcd-fa-en")
_MARKERS = re.compile(r"\s*\[(?:\d+(?:\s*[,–-]\s*\d+)*|\^[^\]\s]+)\]")
#: A record's verdict is its weakest claim's; `contradicted` is as weak as `unsupported`.
_RANK = {Status.CONTRADICTED: 0, Status.UNSUPPORTED: 0, Status.PARTIAL: 1, Status.SUPPORTED: 2}
#: The 3-class label of each status (`contradicted` is a kind of `unsupported`).
_THREE = {Status.SUPPORTED: "supported", Status.PARTIAL: "partial"}
_LABELS = ("unsupported", "partial", "supported")


def load(path: Path, limit: int | None) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)


def support_article(claim: str) -> str:
    """The claim as one paragraph ending in a single `[1]` marker."""
    text = " ".join(_MARKERS.sub("", claim).split())
    if text and text[-1] in ".!?":
        return f"{text[:-1]} [1]{text[-1]}"
    return f"{text} [1]"


@dataclass
class Tally:
    """Gold labels, predictions and scores of one dataset."""

    gold: list[bool] = field(default_factory=list)
    pred: list[bool] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    gold3: list[str] = field(default_factory=list)
    pred3: list[str] = field(default_factory=list)
    errors: int = 0
    ids: list[str] = field(default_factory=list)  # record ids, in the order of `gold`
    kind_errors: list[str] = field(default_factory=list)  # --check-reasons findings
    conflicts: Counter[str] = field(default_factory=Counter)  # conflict reasons checked, by code
    verdicts: list[dict[str, Any]] = field(default_factory=list)  # per record, for --verdicts
    seconds: float = 0.0  # wall-clock time inside verify()
    cpu: float = 0.0  # this process's CPU time inside verify() (robust to a busy machine)

    def verify(
        self, record_id: str, article: str, sources: dict[str, str], **options: Any
    ) -> citecheck.Report | None:
        """`citecheck.verify()`, timed; an error is counted and reported, never raised."""
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return citecheck.verify(article, sources, **options)
        except citecheck.CitecheckError as exc:
            self.errors += 1
            print(f"error on {record_id}: {exc}", file=sys.stderr)
            return None
        finally:
            self.seconds += time.perf_counter() - start
            self.cpu += time.process_time() - cpu


def run_support(records: Sequence[dict[str, object]], check_reasons: bool = False) -> Tally:
    tally = Tally()
    for record in records:
        article = support_article(str(record["claim"]))
        report = tally.verify(
            str(record["id"]), article, {"1": str(record["source"])}, marker_scope="paragraph"
        )
        if report is None:
            continue
        cited = [c for c in report.claims if "1" in c.citations]
        statuses = [c.status for c in cited]
        worst = min(statuses, key=lambda s: _RANK.get(s, 0)) if statuses else Status.UNSUPPORTED
        tally.ids.append(str(record["id"]))
        tally.gold.append(record["label"] == "supported")
        tally.pred.append(worst is Status.SUPPORTED)
        tally.scores.append(min((c.score or 0.0 for c in cited), default=0.0))
        tally.gold3.append(str(record["label"]))
        tally.pred3.append(_THREE.get(worst, "unsupported"))
        tally.verdicts.append(_verdict_record(str(record["id"]), report))
        if check_reasons:
            for claim in report.claims:
                tally.kind_errors.extend(f"{record['id']}: {e}" for e in kind_errors(claim.details))
                tally.conflicts.update(r.code for r in claim.details if r.code in CONFLICT_CODES)
    return tally


def _verdict_record(record_id: str, report: citecheck.Report) -> dict[str, Any]:
    """What a refactor must not change: every claim's status, score and reasons."""
    return {
        "id": record_id,
        "claims": [
            [c.status.value, None if c.score is None else round(c.score, 6), c.reasons]
            for c in report.claims
        ],
    }


def run_need(records: Sequence[dict[str, object]]) -> Tally:
    tally = Tally()
    for record in records:
        context = " ".join(str(record.get("context") or "").split())
        sentence = " ".join(str(record["sentence"]).split())
        article = f"{context} {sentence}" if context else sentence
        offset = len(article) - len(sentence)
        report = tally.verify(str(record["id"]), article, {})
        if report is None:
            continue
        own = [c for c in report.claims if c.end > offset]
        tally.gold.append(bool(record["needs_citation"]))
        tally.pred.append(any(c.needs_citation for c in own))
        tally.verdicts.append(_verdict_record(str(record["id"]), report))
    return tally


def by_domain(tally: Tally) -> dict[str, Tally]:
    """SummEdits per domain (`summedits:<domain>:<id>`): one tally each, timing left out."""
    out: dict[str, Tally] = {}
    for k, record_id in enumerate(tally.ids):
        part = out.setdefault(record_id.split(":")[1], Tally())
        part.ids.append(record_id)
        part.gold.append(tally.gold[k])
        part.pred.append(tally.pred[k])
        part.scores.append(tally.scores[k])
        part.gold3.append(tally.gold3[k])
        part.pred3.append(tally.pred3[k])
    return dict(sorted(out.items()))


def verdict_counts(tally: Tally) -> str:
    """`supported 103 · partial 80 · …`: claims per status over the whole set."""
    counts: dict[str, int] = {}
    for verdict in tally.verdicts:
        for status, _, _ in verdict["claims"]:
            counts[status] = counts.get(status, 0) + 1
    order = [s.value for s in Status]
    return " · ".join(f"{s} {counts[s]}" for s in order if s in counts)


def auroc(gold: Sequence[bool], scores: Sequence[float]) -> float:
    """Area under the ROC curve (average ranks for ties)."""
    y = np.array(gold, dtype=bool)
    s = np.array(scores, dtype=np.float64)
    pos, neg = int(y.sum()), int((~y).sum())
    if not pos or not neg:
        return float("nan")
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    sorted_s = s[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[y].sum() - pos * (pos + 1) / 2) / (pos * neg))


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    f1s = []
    for label in _LABELS:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1s))


def row(name: str, tally: Tally) -> dict[str, str]:
    y = np.array(tally.gold, dtype=bool)
    p = np.array(tally.pred, dtype=bool)
    tpr = float((p & y).sum() / max(1, y.sum()))
    tnr = float((~p & ~y).sum() / max(1, (~y).sum()))
    n = len(y) + tally.errors
    return {
        "dataset": name,
        "n": str(n),
        "BAcc": f"{(tpr + tnr) / 2:.3f}",
        "TPR": f"{tpr:.3f}",
        "TNR": f"{tnr:.3f}",
        "AUROC": f"{auroc(tally.gold, tally.scores):.3f}" if tally.scores else "–",
        "macro-F1 (3-class)": (
            f"{macro_f1(tally.gold3, tally.pred3):.3f}" if "partial" in tally.gold3 else "–"
        ),
        "records/s": f"{n / tally.seconds:.1f}" if tally.seconds else "–",
        "records/CPU-s": f"{n / tally.cpu:.1f}" if tally.cpu else "–",
        "errors": str(tally.errors),
    }


def table(rows: Sequence[dict[str, str]]) -> str:
    heads = list(rows[0])
    lines = ["| " + " | ".join(heads) + " |", "|" + "|".join("---" for _ in heads) + "|"]
    lines += ["| " + " | ".join(r[h] for h in heads) + " |" for r in rows]
    return "\n".join(lines)


def write_results(text: str) -> None:
    path = ROOT / "benchmarks" / "RESULTS.md"
    begin, end = "<!-- RESULTS:BEGIN -->", "<!-- RESULTS:END -->"
    old = path.read_text(encoding="utf-8") if path.exists() else f"# Results\n\n{begin}\n{end}\n"
    if begin not in old:
        old += f"\n{begin}\n{end}\n"
    head, rest = old.split(begin, 1)
    tail = rest.split(end, 1)[1]
    path.write_text(f"{head}{begin}\n{text}\n{end}{tail}", encoding="utf-8")


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="records per dataset")
    parser.add_argument("--dataset", action="append", choices=[*SUPPORT_SETS, *NEED_SETS])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument(
        "--check-reasons",
        action="store_true",
        help="count conflict reasons whose two values are of different kinds (must be 0)",
    )
    parser.add_argument(
        "--verdicts",
        type=Path,
        default=None,
        help="write every record's claim statuses, scores and reasons here (JSONL), to diff "
        "two versions of the code",
    )
    args = parser.parse_args(argv)
    names = args.dataset or [*SUPPORT_SETS, *NEED_SETS]
    citecheck.verify("Warm up [1].", {"1": "Warm up."})  # build the pipeline outside timing
    rows = []
    mixed: list[str] = []
    checked: Counter[str] = Counter()
    all_verdicts: list[dict[str, Any]] = []
    for name in names:
        path = args.data / f"{name}-{args.split}.jsonl"
        if not path.exists():
            print(f"skipping {name}: {path} not found", file=sys.stderr)
            continue
        records = list(load(path, args.limit))
        if name in SUPPORT_SETS:
            tally = run_support(records, check_reasons=args.check_reasons)
        else:
            tally = run_need(records)
        rows.append(row(name, tally))
        print(table(rows[-1:]).splitlines()[-1], flush=True)
        print(f"  verdicts: {verdict_counts(tally)}", flush=True)
        if args.check_reasons and name in SUPPORT_SETS:
            mixed.extend(tally.kind_errors)
            checked.update(tally.conflicts)
            print(
                f"  reasons pairing values of different kinds: {len(tally.kind_errors)} "
                f"of {sum(tally.conflicts.values())} conflict reasons"
            )
            for line in tally.kind_errors[:20]:
                print(f"    {line}")
        if name == "summedits":
            for domain, part in by_domain(tally).items():
                rows.append(row(f"summedits:{domain}", part))
                print(table(rows[-1:]).splitlines()[-1], flush=True)
        all_verdicts.extend({"dataset": name, **v} for v in tally.verdicts)
    if not rows:
        return 1
    if args.verdicts is not None:
        with args.verdicts.open("w", encoding="utf-8") as handle:
            for verdict in all_verdicts:
                handle.write(json.dumps(verdict, ensure_ascii=False, sort_keys=True) + "\n")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = (
        f"{_cpu_name()}, {os.cpu_count()} cores, {platform.system()}, "
        f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}"
    )
    text = (
        f"Split: {args.split}"
        + (f", first {args.limit} records per set" if args.limit else "")
        + f". Run {stamp} on {machine}.\n\n{table(rows)}"
    )
    if args.check_reasons:
        codes = ", ".join(f"{code} {n}" for code, n in sorted(checked.items()))
        text += (
            f"\n\nConflict reasons pairing values of different kinds: {len(mixed)} of "
            f"{sum(checked.values())} ({codes})."
        )
    print("\n" + text)
    if args.write:
        write_results(text)
    return 1 if args.check_reasons and mixed else 0


if __name__ == "__main__":
    raise SystemExit(main())
