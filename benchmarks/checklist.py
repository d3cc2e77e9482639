"""Issue 11 behavioural checklist: how citecheck.verify() does on one-detail minimal pairs.

Handwritten pairs come from tests/checklist/data (original sources); `--bench DIR` adds pairs
generated in memory from the real passages of the dev support files in DIR (nothing from
them is written anywhere but the aggregate table). Only the public API is used.

    python benchmarks/checklist.py [--category NAME ...] [--show-failures] [--by-kind]
                                   [--bench DIR] [--per-category N] [--seed N] [--write]

`--write` stores the tables in benchmarks/RESULTS.md between the CHECKLIST markers.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checklist lives in tests/checklist (not installed)

from tests.checklist.loader import CATEGORIES, load_checklist  # noqa: E402
from tests.checklist.perturb import load_passages, perturbation_pairs  # noqa: E402
from tests.checklist.runner import Outcome, run_pairs, table  # noqa: E402

import citecheck  # noqa: E402

BEGIN, END = "<!-- CHECKLIST:BEGIN -->", "<!-- CHECKLIST:END -->"
LEGEND = (
    "right = supported claim `supported` and edit exactly as expected; kept = supported claim "
    "`supported`; caught = edit not `supported` (pairs expecting a flag); exact = edit got "
    "exactly its expected status (all pairs); named = a reason names every `names` word "
    "(% of caught); failing CI = must-be-supported claims whose report is not ok."
)


def failures(outcomes: Sequence[Outcome]) -> str:
    """One block per pair that is not right: id, expected, what came back and why."""
    lines: list[str] = []
    for o in outcomes:
        if o.right:
            continue
        lines.append(
            f"{o.pair.id} [{o.pair.kind}] want supported/{o.pair.expect}, "
            f"got {o.kept.status}/{o.edit.status}"
        )
        side, shown = ("edited", o.edit.reasons) if o.kept_ok else ("supported", o.kept.reasons)
        for reason in shown[:2]:
            lines.append("    " + textwrap.shorten(f"{side}: {reason}", 150, placeholder=" …"))
    return "\n".join(lines)


def by_kind(outcomes: Sequence[Outcome]) -> str:
    """Right / pairs per category and sub-kind: where inside a category the misses are."""
    lines = []
    for category in CATEGORIES:
        mine = [o for o in outcomes if o.pair.category == category]
        kinds = sorted({o.pair.kind for o in mine})
        cells = []
        for kind in kinds:
            group = [o for o in mine if o.pair.kind == kind]
            cells.append(f"{kind} {sum(o.right for o in group)}/{len(group)}")
        if cells:
            lines.append(f"- {category}: " + ", ".join(cells))
    return "\n".join(lines)


def write_results(text: str, path: Path = ROOT / "benchmarks" / "RESULTS.md") -> None:
    """Replace the text between the CHECKLIST markers (appended at the end if absent)."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Results\n"
    if BEGIN not in old or END not in old:
        heading = "## Behavioural checklist of issue 11 (`benchmarks/checklist.py`)"
        run = "python benchmarks/checklist.py --bench ../shared/bench --write"
        old = old.rstrip("\n") + f"\n\n{heading}\n\n```\n{run}\n```\n\n{BEGIN}\n{END}\n"
    head, rest = old.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    path.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--category", action="append", choices=CATEGORIES, help="repeatable")
    parser.add_argument("--show-failures", action="store_true", help="list pairs not right")
    parser.add_argument("--by-kind", action="store_true", help="right/pairs per sub-kind")
    parser.add_argument(
        "--bench", type=Path, default=None, help="dev data dir, e.g. ../shared/bench"
    )
    parser.add_argument("--per-category", type=int, default=40, help="bench pairs per category")
    parser.add_argument("--seed", type=int, default=11, help="bench sentence shuffle seed")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    categories = tuple(args.category or CATEGORIES)

    citecheck.verify("Warm up [1].", {"1": "Warm up."})
    checklist = load_checklist(categories=categories)
    texts = {key: source.text for key, source in checklist.sources.items()}
    outcomes = run_pairs(checklist.pairs, texts)
    sections = [
        f"Handwritten pairs (tests/checklist/data, {len(outcomes)} pairs over "
        f"{len({p.source for p in checklist.pairs})} original sources), "
        f"citecheck {citecheck.__version__}:\n\n{table(outcomes, categories)}"
    ]
    print(sections[0], flush=True)
    if args.by_kind:
        print("\n" + by_kind(outcomes))
    if args.show_failures:
        print("\n" + failures(outcomes))

    if args.bench is not None:
        passages = load_passages(args.bench)
        if not passages:
            print(f"no dev support files in {args.bench}", file=sys.stderr)
            return 1
        pairs = [
            p
            for p in perturbation_pairs(passages, per_category=args.per_category, seed=args.seed)
            if p.category in categories
        ]
        bench = run_pairs(pairs, {p.key: p.text for p in passages})
        sections.append(
            f"Bench passages (pairs generated in memory from the dev support files, seed "
            f"{args.seed}, up to {args.per_category} per category; sentence = supported "
            f"claim, one automatic edit):\n\n{table(bench, categories)}"
        )
        print("\n" + sections[-1], flush=True)
        if args.by_kind:
            print("\n" + by_kind(bench))
        if args.show_failures:
            print("\n" + failures(bench))

    if args.write:
        write_results("\n\n".join([*sections, LEGEND]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
