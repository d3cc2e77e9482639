"""An article's own reference list -> sources, and how source layers merge.

The library and the command line resolve references the same way: each entry of the
reference list (or footnote definition) that names a URL or a file becomes the source
of its id. The article is untrusted, so:

- only entries some claim cites are resolved (`cited`); the rest are neither loaded
  nor listed in the report;
- a file path goes through the source root (`sources/confine.py`): relative to the
  article's folder, inside the root (by default the article's git work tree, else the
  current directory), no hidden part, a source suffix, a regular file; anything else
  is a refusal saying why;
- at most `max_sources_per_article` distinct origins are loaded per article
  (`cap_sources`); ids beyond that get a reason instead.

Given sources (from the caller) win over the reference list, id by id.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from citecheck.errors import InvalidInputError, SourceError
from citecheck.parse.model import Reference
from citecheck.sources.confine import SourceRoot, find_root
from citecheck.sources.ids import normalize_source_id, source_sort_key
from citecheck.sources.load import is_url
from citecheck.sources.model import SourceLike
from citecheck.sources.resolve import is_doi, source_for_reference
from citecheck.sources.store import origin_key


@dataclass(slots=True)
class ReferenceSources:
    """What an article's reference list names, by source id."""

    sources: dict[str, SourceLike] = field(default_factory=dict)  # URLs and checked files
    errors: dict[str, str] = field(default_factory=dict)  # why an entry cannot be used
    shown: dict[str, str] = field(default_factory=dict)  # file paths as the article wrote them


def resolve_references(
    references: Mapping[str, Reference],
    base_dir: Path,
    root: Path | None = None,
    *,
    cited: Collection[str] | None = None,
) -> ReferenceSources:
    """The sources the reference list names (only the `cited` ids, when given).

    Paths are confined to `root` (default: `find_root(base_dir)`, computed only when
    an entry names a file); a file's origin in reports is the path as the article
    wrote it, never where it resolved to. Entries that name nothing loadable (no URL
    or path) are skipped: their markers end up `unknown_source` unless the caller
    gives that source.
    """
    found = ReferenceSources()
    confiner: SourceRoot | None = None
    for raw_id, reference in references.items():
        target = reference.target or reference.url
        if not target:
            continue
        try:
            key = normalize_source_id(raw_id)
        except InvalidInputError:
            continue
        if cited is not None and key not in cited:
            continue
        written = _written(target)
        try:
            if is_url(written) or is_doi(written):
                found.sources[key] = source_for_reference(written, base_dir)
                continue
            found.shown[key] = written
            if confiner is None:
                confiner = SourceRoot(root if root is not None else find_root(base_dir))
            found.sources[key] = confiner.confine(written, base_dir)
        except SourceError as exc:
            found.errors[key] = f"reference [{raw_id}]: {exc}"
    return found


def sources_from_references(
    references: Mapping[str, Reference], base_dir: Path, root: Path | None = None
) -> tuple[dict[str, SourceLike], dict[str, str]]:
    """`resolve_references` for every entry: (sources by id, why others cannot be used)."""
    found = resolve_references(references, base_dir, root)
    return found.sources, found.errors


def cited_ids(markers_ids: Collection[Collection[str]]) -> set[str]:
    """The normalised ids named by markers (ids that cannot be source ids left out)."""
    cited: set[str] = set()
    for ids in markers_ids:
        for raw in ids:
            try:
                cited.add(normalize_source_id(raw))
            except InvalidInputError:
                continue
    return cited


def cap_sources(
    sources: Mapping[str, SourceLike], limit: int, *, first: Collection[str] = ()
) -> tuple[dict[str, SourceLike], dict[str, str]]:
    """At most `limit` distinct origins: (the sources kept, why each other id was not).

    Ids naming an origin already kept cost nothing (one origin is loaded once however
    often it is listed). Ids in `first` (given by the caller) are counted first, then
    the rest in id order, so the same article always keeps the same sources.
    """
    kept: dict[str, SourceLike] = {}
    dropped: dict[str, str] = {}
    origins: set[tuple[str, ...]] = set()
    order = sorted(sources, key=lambda sid: (sid not in first, source_sort_key(sid)))
    for sid in order:
        key = origin_key(sources[sid])
        if key not in origins and len(origins) >= limit:
            dropped[sid] = (
                f"not loaded: the article names more than {limit:,} distinct sources "
                "(option max_sources_per_article)"
            )
            continue
        origins.add(key)
        kept[sid] = sources[sid]
    return {sid: kept[sid] for sid in sources if sid in kept}, dropped


def merge_sources(*layers: Mapping[str, SourceLike]) -> dict[str, SourceLike]:
    """Later layers override earlier ones, id by id; ids sorted for determinism."""
    merged: dict[str, SourceLike] = {}
    for layer in layers:
        merged.update(layer)
    return {key: merged[key] for key in sorted(merged, key=source_sort_key)}


def _written(target: str) -> str:
    """The target as the article wrote it, without spaces or `<…>` around it."""
    text = target.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    return text
