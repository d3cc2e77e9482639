"""Archive audits: articles/s and claims/s serial, on 2 worker processes, on Dask (issue 13).

Builds an archive of articles from the dev support records in `../shared/bench`: each
article has 5-15 real claims drawn from records and cites their real sources, which are
shared across articles the way wire copy is (a pool of sources picked with Zipf-like
popularity, so a few are cited by hundreds of articles). The archive is written to a
scratch folder (never into the repository), then checked three ways, each in a fresh
process so peak memory is its own:

- serial: `verify_many` in this process (what `citecheck check` does with `--jobs 1`);
- `--jobs 2`: a ProcessPoolExecutor of 2 workers, as the command builds it;
- Dask: a LocalCluster of 2 worker processes (`--dask local --jobs 2`).

Workers are warmed up before the clock starts (the same once-per-worker start-up for
every mode is reported separately). Prints a table with articles/s, claims/s, peak
RSS per worker, preparations vs citations vs distinct sources, and the per-task
overhead of each executor (no-op tasks), which docs/scaling.md builds on.

    python benchmarks/archive.py ../shared/bench                 # 2,000 articles
    python benchmarks/archive.py ../shared/bench --articles 300  # a smoke run
    python benchmarks/archive.py ../shared/bench --write         # refresh RESULTS.md
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SUPPORT_FILES = ("summedits", "wice", "expertqa", "attributionbench")
POOL = 500  # sources articles draw from
MAX_SOURCE_CHARS = 100_000
MARKERS = re.compile(r"\s*\[\d+(?:[,\s\-–]+\d+)*\]")
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BEGIN, END = "<!-- ARCHIVE:BEGIN -->", "<!-- ARCHIVE:END -->"


# --- the archive ---------------------------------------------------------------------------


def load_stories(bench: Path) -> dict[str, list[str]]:
    """Source text -> the claims records make about it, from every support file."""
    stories: dict[str, list[str]] = {}
    for name in SUPPORT_FILES:
        with (bench / f"{name}-dev.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                source, claim = record["source"], clean_claim(record["claim"])
                if claim and 0 < len(source) <= MAX_SOURCE_CHARS:
                    stories.setdefault(source, []).append(claim)
    return stories


def clean_claim(claim: str) -> str | None:
    """One line, markers removed, ending in a full stop; None if too short or too long."""
    text = " ".join(MARKERS.sub("", claim).split()).rstrip(" .!?;:")
    return text + "." if 20 <= len(text) <= 400 else None


def build_archive(bench: Path, root: Path, articles: int, seed: int) -> dict[str, int]:
    """Write `articles` articles and the sources they cite under `root`."""
    rng = random.Random(seed)
    stories = load_stories(bench)
    by_claims = sorted(
        stories, key=lambda s: (-len(stories[s]), hashlib.sha256(s.encode()).hexdigest())
    )
    pool = by_claims[: POOL // 4] + rng.sample(by_claims[POOL // 4 :], POOL - POOL // 4)
    rng.shuffle(pool)
    weights = [1.0 / (rank + 1) for rank in range(len(pool))]  # Zipf: wire copy is popular
    (root / "articles").mkdir(parents=True)
    (root / "sources").mkdir()
    written: set[str] = set()
    claims = citations = 0
    for number in range(articles):
        wanted = rng.randint(5, 15)
        cited: list[str] = []
        while sum(len(stories[s]) for s in cited) < wanted and len(cited) < 6:
            source = rng.choices(pool, weights)[0]
            if source not in cited:
                cited.append(source)
        drawn = [(i, c) for i, s in enumerate(cited) for c in stories[s]]
        picked = rng.sample(drawn, min(wanted, len(drawn)))
        lines = [f"# Archive article {number:05d}", ""]
        for start in range(0, len(picked), 3):  # paragraphs of up to three claims
            lines += [" ".join(f"{c[:-1]} [{i + 1}]." for i, c in picked[start : start + 3]), ""]
        lines += ["## References", ""]
        for i, source in enumerate(cited, start=1):
            name = hashlib.sha256(source.encode()).hexdigest()[:16] + ".txt"
            if name not in written:
                (root / "sources" / name).write_text(source, encoding="utf-8")
                written.add(name)
            lines.append(f"[{i}] Source {i}. ../sources/{name}")
        (root / "articles" / f"{number:05d}.md").write_text("\n".join(lines) + "\n", "utf-8")
        claims += len(picked)
        citations += len(cited)
    return {"articles": articles, "claims": claims, "citations": citations, "sources": len(written)}


# --- one mode, in its own process ------------------------------------------------------------


def _noop(_: int) -> int:
    return os.getpid()


def _warm(seconds: float) -> int:
    """Build a worker's engine (and hold it a moment, so every worker gets one)."""
    from citecheck.batch_worker import worker_engine
    from citecheck.config import Options

    worker_engine(Options())
    time.sleep(seconds)
    return os.getpid()


@contextmanager
def executor_for(mode: str) -> Iterator[Executor | None]:
    if mode == "serial":
        yield None
    elif mode == "jobs2":
        from citecheck.cli.runner import ignore_interrupts

        with ProcessPoolExecutor(max_workers=2, initializer=ignore_interrupts) as pool:
            yield pool
    else:
        from citecheck.cluster import dask_executor

        with dask_executor("local", workers=2) as executor:
            yield executor


def _burn(_: int) -> float:
    """Pure-Python CPU work: what the machine gives one process, in loops per second."""
    start, total = time.perf_counter(), 0
    for i in range(3_000_000):
        total += i * i
    return 3_000_000 / (time.perf_counter() - start)


def ceiling() -> float:
    """How much faster 2 processes burn CPU than 1, right now (1.0-2.0: others' load)."""
    one = sum(_burn(0) for _ in range(2)) / 2
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_burn, [0, 0]))  # started
        two = sum(pool.map(_burn, [0, 0]))
    return two / one


def measure_tasks(executor: Executor, count: int) -> float:
    """Seconds per no-op task, submitted `count` at once: what a task costs the executor."""
    start = time.perf_counter()
    futures = [executor.submit(_noop, i) for i in range(count)]
    for future in futures:
        future.result()
    return (time.perf_counter() - start) / count


def run_mode(root: Path, mode: str, chunk_size: int) -> dict[str, Any]:
    import citecheck
    from citecheck import BatchStats, Job, Options

    articles = sorted((root / "articles").glob("*.md"))
    jobs = [Job(path) for path in articles]
    machine = ceiling()
    started = time.perf_counter()
    # The archive lives in a scratch folder, not a git work tree: its own root is the
    # source root (issue 14 confines the files an article names to it).
    engine = citecheck.Checker(Options(source_root=root))
    with executor_for(mode) as executor:
        if executor is not None:
            list(executor.map(_warm, [0.5, 0.5]))
        else:
            _warm(0)
        startup = time.perf_counter() - started
        stats = BatchStats()
        cpu = time.process_time()
        start = time.perf_counter()
        digest, failed = hashlib.sha256(), 0
        for outcome in engine.verify_many(
            jobs, executor=executor, stats=stats, chunk_size=chunk_size
        ):  # as the jsonl output does: nothing kept but what is written
            if outcome.report is None:
                failed += 1
            else:
                digest.update(outcome.report.model_dump_json().encode())
        seconds = time.perf_counter() - start
        parent_cpu = time.process_time() - cpu
        per_task = measure_tasks(executor, 2000) if executor is not None else None
    peak_parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return {
        "mode": mode,
        "articles": len(jobs),
        "failed": failed,
        "claims": stats.claims,
        "seconds": seconds,
        "startup": startup,
        "parent_cpu": parent_cpu,
        "citations": stats.citations,
        "distinct": stats.distinct_sources,
        "loads": stats.loads,
        "preparations": stats.preparations,
        "workers": {
            name: {
                "rss_mb": w.peak_rss_kb // 1024,
                "preparations": w.preparations,
                "articles": w.articles,
                "busy": w.busy_seconds,
                "cpu": w.cpu_seconds,
            }
            for name, w in stats.workers.items()
        },
        "peak_parent_mb": peak_parent,
        "task_ms": None if per_task is None else per_task * 1000,
        "digest": digest.hexdigest(),
        "ceiling": machine,
    }


def measure(root: Path, mode: str, chunk_size: int) -> dict[str, Any]:
    args = [sys.executable, __file__, "--one", str(root), mode, "--chunk-size", str(chunk_size)]
    done = subprocess.run(args, capture_output=True, text=True, check=False, timeout=7200)
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if not result["loads"] or result["failed"]:
        # a run that loaded no source measures parsing only: say so rather than print it
        raise SystemExit(
            f"{mode}: {result['loads']} sources loaded, {result['failed']} articles failed; "
            "the archive's references are not being read (source root?)"
        )
    return result


# --- the table -------------------------------------------------------------------------------

LABELS = {
    "serial": "serial (1 process)",
    "jobs2": "`--jobs 2` (processes)",
    "dask": "Dask LocalCluster, 2 workers",
}


def table(
    rows: list[dict[str, Any]], built: dict[str, int], chunk_size: int, repeat: int = 1
) -> str:
    serial = next(r for r in rows if r["mode"] == "serial")
    load = os.getloadavg()[0]
    lines = [
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} "
        f"cores, Python {platform.python_version()}, load average {load:.1f}; "
        f"{built['articles']:,} articles, {built['claims']:,} claims drawn, "
        f"{built['citations']:,} references listed to {built['sources']:,} distinct sources "
        f"(only those a claim cites are loaded); {chunk_size} articles per task; "
        f"best wall time of {repeat} run(s) per mode, the modes taking turns.",
        "",
        "| run | wall s | articles/s | claims/s | × serial | CPU s | × serial, CPU-bound | "
        "peak RSS per worker | preparations (per worker) | citations | distinct sources | "
        "loads | per-task overhead | 2-process ceiling |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    serial_cpu = cpu_of(serial)
    for row in rows:
        rate = row["articles"] / row["seconds"]
        claims = row["claims"] / row["seconds"]
        speedup = serial["seconds"] / row["seconds"]
        workers = sorted(row["workers"].values(), key=lambda w: -w["articles"])
        rss = ", ".join(f"{w['rss_mb']} MB" for w in workers)
        cores = 1 if row["mode"] == "serial" else 2
        bound = serial_cpu / max(cpu_of(row) / cores, 1e-9)  # wall time if the cores were ours
        if row["mode"] == "serial":
            rss = f"{rss} (this process)"
        per_worker = "/".join(str(w["preparations"]) for w in workers)
        task = "–" if row["task_ms"] is None else f"{row['task_ms']:.2f} ms"
        lines.append(
            f"| {LABELS[row['mode']]} | {row['seconds']:.1f} | {rate:.1f} | {claims:.0f} | "
            f"{speedup:.2f} | {cpu_of(row):.1f} | {bound:.2f} | {rss} | "
            f"{row['preparations']:,} ({per_worker}) | {row['citations']:,} | "
            f"{row['distinct']:,} | {row['loads']:,} | {task} | {row['ceiling']:.2f} |"
        )
    same = len({r["digest"] for r in rows}) == 1
    lines += [
        "",
        f"Reports byte-identical across the three runs: {'yes' if same else 'NO'}. "
        "Start-up before the clock (engine built in each worker): "
        + ", ".join(f"{LABELS[r['mode']].split(' (')[0]} {r['startup']:.1f} s" for r in rows)
        + ". Parent CPU during the run: "
        + ", ".join(f"{r['parent_cpu']:.1f} s" for r in rows)
        + ".",
        "",
        "CPU s: the run's CPU time, parent and workers. × serial, CPU-bound: serial CPU s ÷ "
        "(this run's CPU s ÷ its cores), the speed-up if the cores were free. 2-process "
        "ceiling: how much faster two processes burned pure-Python CPU than one, measured "
        "just before the run (2.00 on an idle 2-core machine; less when other work shares "
        "it). Claims/s counts the claims in the reports (headings and sentences of "
        "multi-sentence claims included). Preparations: source texts indexed, all workers "
        "together (per worker in brackets), against citations (article-source pairs) and "
        "distinct source texts.",
    ]
    return "\n".join(lines)


def cpu_of(row: dict[str, Any]) -> float:
    """CPU seconds the run used: the parent's, plus the workers' when they are others."""
    if row["mode"] == "serial":
        return float(row["parent_cpu"])
    return float(row["parent_cpu"]) + sum(float(w["cpu"]) for w in row["workers"].values())


def write_results(text: str) -> None:
    current = RESULTS.read_text(encoding="utf-8")
    block = f"{BEGIN}\n{text}\n{END}"
    if BEGIN in current:
        head, rest = current.split(BEGIN, 1)
        current = head + block + rest.split(END, 1)[1]
    else:
        current += f"\n## Archive audits (`benchmarks/archive.py`, issue 13)\n\n{block}\n"
    RESULTS.write_text(current, encoding="utf-8")


def main(
    argv: list[str] | None = None, run: Callable[[Path, str, int], dict[str, Any]] = measure
) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bench", nargs="?", default="../shared/bench", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--chunk-size", type=int, default=8)
    parser.add_argument("--modes", default="serial,jobs2,dask")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run the modes in turn N times; keep each's best"
    )
    parser.add_argument("--keep", type=Path, help="build the archive here and keep it")
    parser.add_argument("--write", action="store_true", help="refresh the table in RESULTS.md")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_mode(Path(args.one[0]), args.one[1], args.chunk_size)))
        return
    with tempfile.TemporaryDirectory(prefix="citecheck-archive-") as scratch:
        root = args.keep or Path(scratch) / "archive"
        built = build_archive(args.bench, root, args.articles, args.seed)
        print(f"built {built} in {root}", file=sys.stderr)
        best: dict[str, dict[str, Any]] = {}
        for _ in range(args.repeat):  # in turn, so a busy spell hits every mode alike
            for mode in args.modes.split(","):
                row = run(root, mode, args.chunk_size)
                print(json.dumps(row), file=sys.stderr)
                if mode not in best or row["seconds"] < best[mode]["seconds"]:
                    best[mode] = row
        rows = list(best.values())
    text = table(rows, built, args.chunk_size, args.repeat)
    print(text)
    if args.write:
        write_results(text)


if __name__ == "__main__":
    main()
