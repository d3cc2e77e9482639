"""A small archive for the archive-run tests: wire stories cited by many articles.

Articles live in `articles/`, the wire copy they share in `sources/`; each article's
reference list names its sources by relative path, as a newsroom's would. Built
deterministically from a seed, so every run of the tests sees the same archive.
"""

from __future__ import annotations

import random
import subprocess
from dataclasses import dataclass
from pathlib import Path

PEOPLE = ["Amara Okafor", "Lena Brandt", "Kenji Tanaka", "Sofia Lindqvist", "Omar Haddad"]
ROLES = ["finance minister", "port director", "union leader", "mayor", "chief economist"]
PLACES = ["Halvermund", "Geneva", "Carverton", "Lisbon", "Tallinn", "Osaka"]
THINGS = ["exports", "wages", "rents", "container volumes", "ticket sales", "tax receipts"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
VERBS = ["rose", "fell", "grew", "dropped"]


@dataclass(frozen=True)
class Archive:
    root: Path
    articles: list[Path]
    sources: list[Path]

    @property
    def article_dir(self) -> Path:
        return self.root / "articles"


def wire_sentences(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        person, role = rng.choice(PEOPLE), rng.choice(ROLES)
        place, thing, day = rng.choice(PLACES), rng.choice(THINGS), rng.choice(DAYS)
        verb, amount, year = rng.choice(VERBS), rng.randint(2, 40), rng.randint(2015, 2024)
        out.append(
            f"{person}, the {role} of {place}, said on {day} that {thing} {verb} "
            f"{amount} percent in {year}."
        )
    return out


def build_archive(
    root: Path,
    *,
    articles: int = 24,
    wires: int = 5,
    seed: int = 13,
    extra: dict[str, str] | None = None,
) -> Archive:
    """`articles` articles citing 2-3 of `wires` shared wire stories; `extra` adds
    articles by file name (for articles that must fail)."""
    rng = random.Random(seed)
    # A newsroom's archive is a repository: its articles may name files anywhere in it.
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "sources").mkdir(parents=True, exist_ok=True)
    stories: list[list[str]] = []
    sources: list[Path] = []
    for number in range(wires):
        sentences = wire_sentences(rng, 10)
        stories.append(sentences)
        path = root / "sources" / f"wire-{number}.txt"
        path.write_text(" ".join(sentences) + "\n", encoding="utf-8")
        sources.append(path)
    paths: list[Path] = []
    for number in range(articles):
        cited = rng.sample(range(wires), rng.randint(2, 3))
        lines = [f"# Story {number}", ""]
        for _ in range(rng.randint(5, 8)):
            marker = rng.randrange(len(cited))
            sentence = rng.choice(stories[cited[marker]])
            roll = rng.random()
            if roll < 0.15:  # a changed figure: the source backs only part of it
                sentence = sentence.replace(" percent", "1 percent", 1)
            elif roll < 0.22:  # made up: nothing in the source backs it
                sentence = f"{rng.choice(PEOPLE)} was seen riding a camel through the harbour."
            elif roll < 0.27:  # a marker naming a source the article does not give
                marker = len(cited)
            lines.append(f"{sentence[:-1]} [{marker + 1}].")
            lines.append("")
        if rng.random() < 0.3:
            lines += ["Officials expect the trend to continue next year.", ""]
        lines += ["## References", ""]
        for marker, wire in enumerate(cited, start=1):
            lines.append(f"[{marker}] Wire copy. ../sources/wire-{wire}.txt")
        path = root / "articles" / f"story-{number:03d}.md"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    for name, text in (extra or {}).items():
        path = root / "articles" / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return Archive(root, sorted(paths), sources)
