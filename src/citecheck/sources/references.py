"""An article's own reference list -> sources, and how source layers merge.

The library and the command line resolve references the same way: each entry of the
reference list (or footnote definition) that names a URL or a file becomes the source
of its id; paths are relative to the article's folder, as a reader would take them.
Given sources win over the reference list, id by id.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from citecheck.errors import InvalidInputError, SourceError
from citecheck.parse.model import Reference
from citecheck.sources.ids import normalize_source_id, source_sort_key
from citecheck.sources.model import SourceLike
from citecheck.sources.resolve import source_for_reference


def sources_from_references(
    references: Mapping[str, Reference], base_dir: Path
) -> tuple[dict[str, SourceLike], dict[str, str]]:
    """Sources the reference list names, and why entries that name one could not be used.

    Entries that name nothing loadable (no URL or path) are skipped: their markers end
    up `unknown_source` unless the caller gives that source.
    """
    found: dict[str, SourceLike] = {}
    errors: dict[str, str] = {}
    for raw_id, reference in references.items():
        target = reference.target or reference.url
        if not target:
            continue
        try:
            key = normalize_source_id(raw_id)
        except InvalidInputError:
            continue
        try:
            found[key] = source_for_reference(target, base_dir)
        except SourceError as exc:
            errors[key] = f"reference [{raw_id}]: {exc}"
    return found, errors


def merge_sources(*layers: Mapping[str, SourceLike]) -> dict[str, SourceLike]:
    """Later layers override earlier ones, id by id; ids sorted for determinism."""
    merged: dict[str, SourceLike] = {}
    for layer in layers:
        merged.update(layer)
    return {key: merged[key] for key in sorted(merged, key=source_sort_key)}
