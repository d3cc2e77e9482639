"""The content hash an audit line is reused by: stable across processes, sensitive to inputs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import citecheck
from citecheck import Job, Options

ARTICLE = "The port handled 12 million containers in 2023 [1]."
WIRE = "The port handled 12 million containers in 2023."

SCRIPT = """
import citecheck
from citecheck import Job, Options
options = Options(fail_on="uncited,unsupported,partial,unknown_source")
job = Job({article!r}, {{1: {wire!r}}}, name="a.md", options=options)
print(next(iter(citecheck.Checker().verify_many([job]))).hash)
"""


def hash_of(job: Job) -> str:
    outcome = next(iter(citecheck.Checker().verify_many([job])))
    assert outcome.hash is not None
    return outcome.hash


def test_the_hash_is_the_same_in_every_process_whatever_the_hash_seed() -> None:
    script = SCRIPT.format(article=ARTICLE, wire=WIRE)
    seen = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        seen.add(done.stdout.strip())
    options = Options(fail_on="uncited,unsupported,partial,unknown_source")
    assert seen == {hash_of(Job(ARTICLE, {1: WIRE}, name="a.md", options=options))}


def test_the_hash_follows_what_the_report_depends_on(tmp_path: Path) -> None:
    base = hash_of(Job(ARTICLE, {1: WIRE}, name="a.md"))
    assert hash_of(Job(ARTICLE, {1: WIRE}, name="a.md")) == base
    assert hash_of(Job(ARTICLE, {1: WIRE + " More."}, name="a.md")) != base  # a source edited
    assert hash_of(Job(ARTICLE + " Next.", {1: WIRE}, name="a.md")) != base  # the article
    assert hash_of(Job(ARTICLE, {1: WIRE}, name="b.md")) != base  # the name its report shows
    strict = Options(marker_scope="sentence")
    assert hash_of(Job(ARTICLE, {1: WIRE}, name="a.md", options=strict)) != base
    missing = hash_of(Job(ARTICLE, {1: tmp_path / "gone.txt"}, name="a.md"))
    (tmp_path / "gone.txt").write_text(WIRE, encoding="utf-8")
    assert hash_of(Job(ARTICLE, {1: tmp_path / "gone.txt"}, name="a.md")) != missing  # now loads
