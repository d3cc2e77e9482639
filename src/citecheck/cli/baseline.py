"""Baselines: record today's findings, then report only new ones.

The file is JSON, versioned, sorted, one entry per finding:

    {
      "citecheck_baseline": 1,
      "findings": [
        {"article": "docs/story.md", "status": "uncited",
         "hash": "<32 hex digits>", "claim": "The budget rose 4%."}
      ]
    }

`article` is the article's path relative to the baseline file's directory (so
the file works from any working directory), `hash` is `claim_hash`: SHA-256
of the status and the normalised claim text (case, Unicode form and whitespace
folded), never line numbers. `claim` is for humans only. A finding matches a
baseline entry with the same article, status and hash; identical claims are
counted, so a second copy of a known finding is new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from citecheck.errors import ConfigError
from citecheck.render.labels import shorten
from citecheck.report import Report, Suppression, claim_hash

BASELINE_VERSION = 1
Key = tuple[str, str, str]


def article_key(name: str, baseline_path: Path) -> str:
    """The article's path relative to the baseline's directory, with `/` separators."""
    if name.startswith("<"):  # <stdin>
        return name
    relative = os.path.relpath(Path(name).resolve(), baseline_path.resolve().parent)
    return Path(relative).as_posix()


def entries(reports: Sequence[Report], baseline_path: Path) -> list[dict[str, str]]:
    """The baseline entries for every finding (error or warning) in `reports`, sorted."""
    found = []
    for report in reports:
        article = article_key(report.article or "<article>", baseline_path)
        for claim in report.problems():
            found.append(
                {
                    "article": article,
                    "status": claim.status.value,
                    "hash": claim_hash(claim),
                    "claim": shorten(claim.text, 120),
                }
            )
    return sorted(found, key=lambda e: (e["article"], e["status"], e["hash"], e["claim"]))


def write_baseline(path: Path, reports: Sequence[Report]) -> int:
    """Write the baseline file; returns how many findings it records."""
    found = entries(reports, path)
    document = {"citecheck_baseline": BASELINE_VERSION, "findings": found}
    try:
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    except OSError as exc:
        raise ConfigError(f"--write-baseline {path}: cannot write: {exc.strerror or exc}") from None
    return len(found)


def read_baseline(path: Path) -> Counter[Key]:
    """The findings a baseline file records, counted by (article, status, hash)."""
    where = f"--baseline {path}"
    try:
        document: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{where}: no such file (create one with --write-baseline)") from None
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{where}: not a citecheck baseline (invalid JSON: {exc})") from None
    if not isinstance(document, dict) or "citecheck_baseline" not in document:
        raise ConfigError(f"{where}: not a citecheck baseline")
    version = document["citecheck_baseline"]
    if version != BASELINE_VERSION:
        raise ConfigError(
            f"{where}: baseline format {version!r} is not supported (this citecheck "
            f"reads format {BASELINE_VERSION}); write a new one with --write-baseline"
        )
    findings = document.get("findings")
    if not isinstance(findings, list):
        raise ConfigError(f"{where}: 'findings' must be a list")
    counter: Counter[Key] = Counter()
    for entry in findings:
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(k), str) for k in ("article", "status", "hash")
        ):
            raise ConfigError(f"{where}: each finding needs string article, status and hash")
        counter[(entry["article"], entry["status"], entry["hash"])] += 1
    return counter


def apply_baseline(
    reports: Sequence[Report], known: Counter[Key], baseline_path: Path
) -> list[Report]:
    """Mark findings the baseline records as suppressed, so only new ones are reported."""
    apply = BaselineFilter(known, baseline_path)
    return [apply(report) for report in reports]


class BaselineFilter:
    """Applies a baseline report by report (an archive run streams its reports)."""

    def __init__(self, known: Counter[Key], baseline_path: Path) -> None:
        self.remaining = Counter(known)
        self.path = baseline_path
        self.suppression = Suppression(
            kind="baseline", reason=f"in the baseline {baseline_path.name}"
        )

    def __call__(self, report: Report) -> Report:
        """`report` with the findings the baseline still counts marked as suppressed."""
        article = article_key(report.article or "<article>", self.path)
        hits: set[int] = set()
        for claim in report.problems():
            key = (article, claim.status.value, claim_hash(claim))
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
                hits.add(claim.index)
        if not hits:
            return report
        claims = [
            c.model_copy(update={"suppression": self.suppression}) if c.index in hits else c
            for c in report.claims
        ]
        return report.with_claims(claims)
