"""Run risky code in a child Python under a memory limit, so a regression cannot take the machine.

The child sets `RLIMIT_AS` before running the snippet, prints one JSON line saying how the
snippet ended (its result, or the type and message of what it raised), with its own elapsed
time and peak memory, and the parent kills it when it runs past `timeout`.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

_PRELUDE = """
import json, resource, sys, time, traceback
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
_started = time.monotonic()
def _finish(outcome):
    outcome["elapsed"] = round(time.monotonic() - _started, 3)
    outcome["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps(outcome), flush=True)
try:
{body}
    _finish({{"result": repr(result)[:2000]}})
except BaseException as _exc:
    _finish({{"error": type(_exc).__name__, "message": str(_exc)[:2000],
             "traceback": traceback.format_exc()[-3000:]}})
"""


@dataclass(frozen=True)
class Outcome:
    """How the child's snippet ended."""

    error: str | None
    message: str
    result: str | None
    elapsed: float
    max_rss_mb: int
    raw: dict[str, Any]


def run_bounded(code: str, *, memory_mb: int = 600, timeout: float = 60) -> Outcome:
    """Run `code` (which sets `result`) in a child limited to `memory_mb` of address space.

    Fails the test when the child hangs past `timeout` or dies without saying how
    its snippet ended (killed by the limit outside Python, say).
    """
    if sys.platform == "win32":  # pragma: no cover - no RLIMIT_AS there
        pytest.skip("needs resource.RLIMIT_AS")
    body = textwrap.indent(textwrap.dedent(code).strip(), "    ")
    script = _PRELUDE.format(limit=memory_mb * 1024 * 1024, body=body)
    try:
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the child did not finish within {timeout:g} s (it hangs)")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        pytest.fail(f"the child died (exit {done.returncode}): {done.stderr[-2000:]}")
    raw = json.loads(lines[-1])
    return Outcome(
        error=raw.get("error"),
        message=raw.get("message", ""),
        result=raw.get("result"),
        elapsed=raw["elapsed"],
        max_rss_mb=raw["max_rss_mb"],
        raw=raw,
    )
