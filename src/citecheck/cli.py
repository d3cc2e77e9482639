"""The `citecheck` command (scaffolding: replaced by the CLI work)."""

from __future__ import annotations

import sys


def main() -> None:
    print("citecheck: the command line is not built yet", file=sys.stderr)
    sys.exit(2)
