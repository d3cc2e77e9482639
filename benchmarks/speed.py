"""Speed on the WiCE dev records, side by side in one run: citecheck and anchorcite 0.1.0.

Three measurements over the same records, each repeated `--repeats` times (median shown):

* `LexicalJudge.prepare(source)`: sentence splitting and indexing alone;
* `citecheck.verify()` per record: the claim as a one-paragraph article citing `[1]`,
  the record's source as source "1" (as `accuracy.py` does);
* `anchorcite.anchor_claim(claim, source)` per record, in its lexical mode
  (`scorer=anchorcite.LexicalScorer()`, the core install's scorer), if anchorcite is
  installed (`pip install -e '.[bench]'`); without it its row is skipped.

Every repeat prepares every source anew (citecheck's prepared-source cache is emptied;
anchorcite builds an anchorer per call, so it caches nothing between records), while
word caches stay warm, as in a long-lived engine. Calls alternate between the tools,
record by record, so both see the same load on a busy machine; `records/CPU-s` counts
this process's CPU time only. `--baseline` also times the index as it was built before
issue 10 item 9 (the reference kept in `tests/match/lexical/reference_index.py`),
alternating with the current one source by source.

    python benchmarks/speed.py [DATA_DIR] [--repeats N] [--limit N] [--baseline]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench"
sys.path.insert(0, str(ROOT))  # the reference index lives in tests/ (not installed)

import citecheck  # noqa: E402
from accuracy import _cpu_name, support_article  # noqa: E402
from citecheck.lang import get_language  # noqa: E402
from citecheck.match.lexical.judge import LexicalJudge  # noqa: E402
from citecheck.sources.store import PreparedCache  # noqa: E402
from citecheck.verify import checker_for  # noqa: E402

OPTIONS = citecheck.Options(marker_scope="paragraph")


@dataclass
class Timing:
    """Per record, per repeat: CPU and wall seconds of one call."""

    name: str
    cpu: list[list[float]] = field(default_factory=list)
    wall: list[list[float]] = field(default_factory=list)

    def start_repeat(self) -> None:
        self.cpu.append([])
        self.wall.append([])

    def time(self, call: Callable[[], object]) -> None:
        cpu, wall = time.process_time(), time.perf_counter()
        call()
        self.wall[-1].append(time.perf_counter() - wall)
        self.cpu[-1].append(time.process_time() - cpu)

    def records_per_second(self) -> float:
        return statistics.median(len(w) / sum(w) for w in self.wall)

    def records_per_cpu_second(self) -> float:
        return statistics.median(len(c) / sum(c) for c in self.cpu)

    def median_cpu_ms(self) -> float:
        """Median over records of each record's median CPU time over the repeats."""
        per_record = zip(*self.cpu, strict=True)
        return 1000 * statistics.median(statistics.median(times) for times in per_record)


def load_wice(data: Path, limit: int | None) -> list[dict[str, Any]]:
    path = data / "wice-dev.jsonl"
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    return records[:limit] if limit is not None else records


def alternate(calls: Sequence[tuple[Timing, Callable[[], object]]], flip: bool) -> None:
    """Time each call once, in turn, the order flipped every other record."""
    for timing, call in reversed(calls) if flip else calls:
        timing.time(call)


def time_prepare(records: Sequence[dict[str, Any]], repeats: int, baseline: bool) -> list[Timing]:
    judge = LexicalJudge(get_language("en"))
    timings = [Timing("citecheck `LexicalJudge.prepare` (now)")]
    calls: list[Callable[[str], object]] = [judge.prepare]
    if baseline:
        from tests.match.lexical import reference_index

        timings.append(Timing("citecheck `LexicalJudge.prepare` (before: reference)"))
        calls.append(lambda text: reference_index.build_index(text, judge.lexicon))
    for record in records:  # warm the word caches and the regexes
        for call in calls:
            call(record["source"])
    for repeat in range(repeats):
        for timing in timings:
            timing.start_repeat()
        for n, record in enumerate(records):
            source = str(record["source"])
            pairs = [(t, partial(call, source)) for t, call in zip(timings, calls, strict=True)]
            alternate(pairs, flip=(n + repeat) % 2 == 1)
    return timings


def time_verify(
    records: Sequence[dict[str, Any]], repeats: int, anchorcite: Any | None
) -> list[Timing]:
    timings = [Timing("citecheck `verify()`, default judge")]
    citecheck.verify("Warm up [1].", {"1": "Warm up."}, options=OPTIONS)
    if anchorcite is not None:
        timings.append(Timing("anchorcite 0.1.0 `anchor_claim`, lexical"))
        scorer = anchorcite.LexicalScorer()
    for repeat in range(repeats):
        checker_for(OPTIONS).prepared = PreparedCache()  # every source prepared anew
        for timing in timings:
            timing.start_repeat()
        for n, record in enumerate(records):
            claim, source = str(record["claim"]), str(record["source"])
            article = support_article(claim)
            calls: list[tuple[Timing, Callable[[], object]]] = [
                (timings[0], partial(citecheck.verify, article, {"1": source}, options=OPTIONS))
            ]
            if anchorcite is not None:
                calls.append(
                    (timings[1], partial(anchorcite.anchor_claim, claim, source, scorer=scorer))
                )
            alternate(calls, flip=(n + repeat) % 2 == 1)
    return timings


def table(timings: Sequence[Timing], n: int, repeats: int) -> str:
    lines = [
        "| what | records | repeats | records/s | records/CPU-s | CPU ms per record (median) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for t in timings:
        lines.append(
            f"| {t.name} | {n} | {repeats} | {t.records_per_second():.1f} | "
            f"{t.records_per_cpu_second():.1f} | {t.median_cpu_ms():.2f} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeats", type=int, default=5, help="median over this many runs")
    parser.add_argument("--limit", type=int, default=None, help="first N records only")
    parser.add_argument(
        "--baseline", action="store_true", help="also time the index as it was built before"
    )
    args = parser.parse_args(argv)
    if not (args.data / "wice-dev.jsonl").exists():
        print(f"no wice-dev.jsonl in {args.data}", file=sys.stderr)
        return 1
    records = load_wice(args.data, args.limit)
    try:
        import anchorcite
    except ImportError:
        anchorcite = None
        print("anchorcite is not installed (pip install -e '.[bench]'): its row is skipped")
    logging.getLogger("anchorcite").setLevel(logging.ERROR)

    prepare = time_prepare(records, args.repeats, args.baseline)
    verify = time_verify(records, args.repeats, anchorcite)
    n = len(records)
    lines = [table([*prepare, *verify], n, args.repeats), ""]
    if args.baseline:
        now, before = prepare
        faster = before.median_cpu_ms() / now.median_cpu_ms()
        throughput = now.records_per_cpu_second() / before.records_per_cpu_second()
        lines.append(
            f"Preparing a source, CPU time per source (median): {before.median_cpu_ms():.2f} ms "
            f"before, {now.median_cpu_ms():.2f} ms now: {faster:.2f}× faster "
            f"({throughput:.2f}× in sources per CPU-second)."
        )
    if anchorcite is not None:
        ours, theirs = verify
        lines.append(
            f"citecheck `verify()` / anchorcite `anchor_claim`: "
            f"{ours.records_per_cpu_second() / theirs.records_per_cpu_second():.2f}× "
            f"in records/CPU-s, {ours.records_per_second() / theirs.records_per_second():.2f}× "
            "in records/s."
        )
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines.append(
        f"WiCE dev, {n} records. Run {stamp} on {_cpu_name()}, {os.cpu_count()} cores, "
        f"{platform.system()}, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}."
    )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
