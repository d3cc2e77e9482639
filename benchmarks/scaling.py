"""How `verify()` scales: time and peak memory as the source and the article grow.

Each measurement runs in a fresh subprocess so that peak memory (max RSS) is its own.
Prints a table and the fitted growth exponent (slope of log time against log size);
the goal is an exponent of at most 1.1, and a 10 MB source checked against a 50-claim
article in under 10 s and 1 GB.

    python benchmarks/scaling.py                 # full table (source to 10 MB, article to 1 MB)
    python benchmarks/scaling.py --quick         # smaller sizes, for a smoke run
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
    parser.add_argument("--one", nargs=3, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
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
