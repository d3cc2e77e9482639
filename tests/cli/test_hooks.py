"""The pre-commit hook definition runs `citecheck check` on articles only."""

from __future__ import annotations

import re
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"


def hook_fields() -> dict[str, str]:
    """The `key: value` lines of the single hook (no YAML library needed for this file)."""
    fields: dict[str, str] = {}
    for line in HOOKS.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(?:- |  )(\w+): (.+)$", line)
        if match:
            fields[match.group(1)] = match.group(2).strip()
    return fields


def test_hook_runs_the_check_command_on_articles() -> None:
    fields = hook_fields()
    assert fields["id"] == "citecheck"
    assert fields["entry"] == "citecheck check --force-exclude"
    assert fields["language"] == "python"
    pattern = re.compile(fields["files"])
    for name in ("story.md", "docs/a.markdown", "notes.txt", "page.html", "old.htm"):
        assert pattern.search(name), name
    for name in ("script.py", "pyproject.toml", "story.md.bak", "image.png"):
        assert not pattern.search(name), name
