"""An editorial script: check the ILO-meeting article against its two sources.

Run it from anywhere:  python examples/ilo-meeting/check.py
Exit code 0 when every claim passes, 1 when citecheck has findings (as in CI).
"""

from __future__ import annotations

import sys
from pathlib import Path

import citecheck

HERE = Path(__file__).resolve().parent


def main() -> int:
    article = (HERE / "article.txt").read_text(encoding="utf-8")
    sources = {path.stem: path for path in sorted((HERE / "sources").glob("*.txt"))}
    report = citecheck.verify(article, sources, article_name="article.txt")

    for claim in report.claims:
        cites = "".join(f"[{c}]" for c in claim.citations) or "-"
        score = "" if claim.score is None else f" {claim.score:.2f}"
        print(
            f"{claim.line:>3}:{claim.column:<3} {claim.status.value:<14}{score:>5} {cites:<6} "
            f"{_short(claim.text)}"
        )
        for reason in claim.reasons:
            print(f"{'':26}- {reason}")
        for evidence in claim.evidence[:1]:
            print(f'{"":26}> source {evidence.source_id}: "{_short(evidence.quote, 90)}"')

    counts = ", ".join(
        f"{count} {name}"
        for name, count in report.summary.model_dump().items()
        if count and name not in ("total", "suppressed")
    )
    print(f"\n{report.summary.total} claims: {counts}")
    print("verdict:", "pass" if report.ok else "fail")
    return 0 if report.ok else 1


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


if __name__ == "__main__":
    sys.exit(main())
