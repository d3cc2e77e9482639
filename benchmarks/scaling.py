"""How `verify()` scales: time and peak memory as the source and the article grow.

Each measurement runs in a fresh subprocess so that peak memory (max RSS) is its own.
Prints a table and the fitted growth exponent (slope of log time against log size);
the goal is an exponent of at most 1.1, and a 10 MB source checked against a 50-claim
article in under 10 s and 1 GB.

    python benchmarks/scaling.py                 # full table (source to 10 MB, article to 1 MB)
    python benchmarks/scaling.py --quick         # smaller sizes, for a smoke run
    python benchmarks/scaling.py --dense         # hostile articles at the limits (issue 14)

`--dense` measures marker- and footnote-dense articles: at `max_article_chars` they must
stop at `max_claims` in under 30 s and 1 GB; just under `max_claims` they are checked
in full (the time is the judge's, about linear in the claims).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import time

SOURCE_SIZES = [10_000, 100_000, 1_000_000, 10_000_000]
ARTICLE_SIZES = [1_000, 10_000, 100_000, 1_000_000]
QUICK_SOURCE_SIZES = [10_000, 100_000, 1_000_000]
QUICK_ARTICLE_SIZES = [1_000, 10_000, 100_000]
FIXED_SOURCE = 100_000
FIXED_CLAIMS = 50


def make_sentences(n_chars: int, seed: int) -> list[str]:
    """Deterministic English-like sentences totalling about `n_chars` characters."""
    from wordfreq import top_n_list

    words = top_n_list("en", 3000)
    names = ["Houngbo", "Geneva", "Seoul", "Lee", "Okafor", "Brandt", "Mbeki", "Tanaka"]
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < n_chars:
        body = " ".join(rng.choice(words) for _ in range(rng.randint(8, 24)))
        sentence = f"{rng.choice(names)} {body} in {rng.randint(1900, 2030)}."
        out.append(sentence[0].upper() + sentence[1:])
        total += len(sentence) + 1
    return out


def run_one(source_chars: int, article_chars: int | None, claims: int | None) -> dict[str, float]:
    """Time one verify() call in this process; report seconds and max RSS."""
    import resource

    import citecheck

    source_sentences = make_sentences(source_chars, seed=1)
    source = " ".join(source_sentences)
    rng = random.Random(2)
    if claims is not None:
        picked = [rng.choice(source_sentences) for _ in range(claims)]
    else:
        assert article_chars is not None
        own = make_sentences(article_chars, seed=3)
        picked = [s if i % 2 else rng.choice(source_sentences) for i, s in enumerate(own)]
    article = "\n\n".join(f"{s[:-1]} [1]." for s in picked)
    citecheck.verify("Warm-up sentence here [1].", {1: "Warm-up sentence here."})
    start = time.perf_counter()
    report = citecheck.verify(article, {1: source})
    seconds = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": seconds,
        "rss_mb": rss_mb,
        "claims": len(report.claims),
        "article_chars": len(article),
        "source_chars": len(source),
    }


#: Hostile shapes (issue 14): name -> (Python expression building the article, what it is).
DENSE: dict[str, tuple[str, str]] = {
    "markers-5mb": ('"Geneva [1] " * 454_545', "5 MB of `Geneva [1] ` (454,545 markers)"),
    "footnotes-100k": (
        '"".join(f"Claim {i} here.[^{i}]\\n" for i in range(100_000)) + "\\n" + '
        '"".join(f"[^{i}]: Note {i}.\\n" for i in range(100_000))',
        "100k footnotes with their definitions (4.8 MB)",
    ),
    "markers-under": ('"Geneva [1] " * 50_000', "50,000 claims of `Geneva [1] ` (at max_claims)"),
    "footnotes-under": (
        '"".join(f"Claim {i} here.[^{i}]\\n" for i in range(50_000)) + "\\n" + '
        '"".join(f"[^{i}]: Note {i}.\\n" for i in range(50_000))',
        "50,000 footnotes with their definitions (at max_claims)",
    ),
}


def run_dense(name: str) -> dict[str, object]:
    """Verify one hostile article in this process: wall and CPU seconds, peak RSS, outcome."""
    import resource

    import citecheck

    article = eval(DENSE[name][0])  # our own expressions, above
    citecheck.verify("Warm-up sentence here [1].", {1: "Warm-up sentence here."})
    start, cpu = time.perf_counter(), time.process_time()
    try:
        report = citecheck.verify(article, {1: "The ILO met in Geneva on Friday."})
        outcome = f"checked: {len(report.claims):,} claims"
    except citecheck.CitecheckError as exc:
        outcome = f"{type(exc).__name__}: {str(exc)[:90]}"
    return {
        "name": name,
        "chars": len(article),
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "outcome": outcome,
    }


def dense_table() -> str:
    rows = []
    for name in DENSE:
        args = [sys.executable, __file__, "--dense-one", name]
        done = subprocess.run(args, capture_output=True, text=True, check=False, timeout=3600)
        if done.returncode != 0:
            raise SystemExit(f"measurement failed:\n{done.stderr}")
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    lines = [
        "### Dense articles (issue 14): default limits, peak RSS of the whole process",
        "",
        "| article | characters | wall s | CPU s | peak RSS MB | outcome |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        lines.append(
            f"| {DENSE[str(row['name'])][1]} | {int(row['chars']):,} | {row['seconds']:.1f} | "
            f"{row['cpu_seconds']:.1f} | {row['rss_mb']:.0f} | {row['outcome']} |"
        )
    return "\n".join(lines) + "\n"


def measure(source_chars: int, article_chars: int | None, claims: int | None) -> dict[str, float]:
    args = [sys.executable, __file__, "--one", str(source_chars), str(article_chars or 0)]
    args.append(str(claims or 0))
    done = subprocess.run(args, capture_output=True, text=True, check=False, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"measurement failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def exponent(sizes: list[float], seconds: list[float]) -> float:
    """Least-squares slope of log(seconds) on log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def table(title: str, key: str, rows: list[dict[str, float]]) -> str:
    lines = [
        f"### {title}",
        "",
        f"| {key.replace('_', ' ')} | claims | seconds | peak RSS MB |",
        "|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {int(row[key]):,} | {int(row['claims'])} | {row['seconds']:.2f} | "
            f"{row['rss_mb']:.0f} |"
        )
    # Fit on the sizes where work dominates the fixed cost of a call.
    big = [r for r in rows if r[key] >= 100_000]
    if len(big) < 2:
        big = rows
    slope = exponent([r[key] for r in big], [r["seconds"] for r in big])
    lines += ["", f"Growth exponent (time ~ size^k, sizes >= 100k): k = {slope:.2f}", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a smoke run)")
    parser.add_argument("--dense", action="store_true", help="hostile dense articles only")
    parser.add_argument("--one", nargs=3, type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dense-one", choices=list(DENSE), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dense_one:
        print(json.dumps(run_dense(args.dense_one)))
        return
    if args.dense:
        print(dense_table())
        return
    if args.one:
        source_chars, article_chars, claims = args.one
        print(json.dumps(run_one(source_chars, article_chars or None, claims or None)))
        return

    source_sizes = QUICK_SOURCE_SIZES if args.quick else SOURCE_SIZES
    article_sizes = QUICK_ARTICLE_SIZES if args.quick else ARTICLE_SIZES
    by_source = [measure(n, None, FIXED_CLAIMS) for n in source_sizes]
    by_article = [measure(FIXED_SOURCE, n, None) for n in article_sizes]
    print(table(f"Source grows ({FIXED_CLAIMS}-claim article)", "source_chars", by_source))
    print(table(f"Article grows ({FIXED_SOURCE:,}-character source)", "article_chars", by_article))


if __name__ == "__main__":
    main()
