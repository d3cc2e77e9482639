"""The content hash of one archive job: same hash, same report.

An archive audit is rerun after fixes and resumed after a crash; a line of the
audit file is reused only when nothing its report depends on has changed. So the
hash covers the article (its name as shown, its text), every loaded source (text
and what the report shows of it: origin, title, type, warnings), every source that
failed to load (with why), the options, and the citecheck version. It is SHA-256
over canonical JSON (sorted keys, sets sorted), so it is the same in every process,
on every run, whatever the hash seed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from citecheck.sources.store import text_hash

if TYPE_CHECKING:
    from citecheck.checker import Resolved

#: Bumped when what the hash covers changes, so old audit lines are redone.
FINGERPRINT_VERSION = 1


def job_hash(resolved: Resolved, version: str) -> str:
    """The hash of what `Checker.check(resolved)` reads, under citecheck `version`."""
    sources = {
        sid: {
            "text": text_hash(source.text),
            **source.model_dump(mode="json", exclude={"id", "text", "retrieved_at"}),
        }
        for sid, source in resolved.sources.items()
    }
    payload = {
        "fingerprint": FINGERPRINT_VERSION,
        "citecheck": version,
        "article": resolved.name,
        "text": text_hash(resolved.parsed.text),
        "sources": sources,
        "errors": dict(resolved.errors),
        "origins": dict(resolved.origins),
        "options": resolved.options.model_dump(mode="python"),
    }
    raw = json.dumps(_canonical(payload), sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode("ascii")).hexdigest()


def _canonical(value: Any) -> Any:
    """Plain JSON data with sets sorted and paths as strings (no hash-seed order)."""
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted(str(v) for v in value)
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
