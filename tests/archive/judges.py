"""A judge for the archive tests, installed through the real entry-point group.

It judges like the lexical judge, except on claims that carry a trigger word:
`EXPLODE` raises (a citecheck bug, as far as the run can tell) and `KILLWORKER`
ends the worker process at once (a segfault, an out-of-memory kill); `KILLONCE<hex>`
ends it the first time only (a marker file in the temporary folder remembers), so a
retried chunk succeeds. A process named in CITECHECK_TEST_PARENT (the test process)
raises instead of exiting.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from citecheck.lang import Language
from citecheck.match.lexical.judge import LexicalJudge
from citecheck.match.types import JudgeRequest, Verdict


class ExplosiveJudge(LexicalJudge):
    name = "explosive"

    def judge_many(
        self, requests: Sequence[JudgeRequest], prepared: Mapping[str, object]
    ) -> list[Verdict]:
        for request in requests:
            if "EXPLODE" in request.claim:
                raise RuntimeError("the explosive judge went off")
            once = re.search(r"KILLONCE([0-9a-f]{8,})", request.claim)
            if once is not None:
                marker = Path(tempfile.gettempdir()) / f"citecheck-killed-{once.group(1)}"
                if not marker.exists():
                    marker.touch()
                    os._exit(17)
            if "KILLWORKER" in request.claim:
                if str(os.getpid()) == os.environ.get("CITECHECK_TEST_PARENT"):
                    raise RuntimeError("refusing to end the test process")
                os._exit(17)
        return super().judge_many(requests, prepared)


def explosive_judge(language: Language, options: object = None) -> ExplosiveJudge:
    return ExplosiveJudge(language)
