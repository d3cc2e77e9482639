"""Where each article's sources come from.

Three places, later ones winning for the same id:

1. the article's own reference list (`[1] ...` entries or footnote definitions
   naming a URL or a file relative to the article);
2. `--sources-dir DIR`: files named by id (`1.txt`, `2.html`, `3.pdf`, `note.md`);
3. `--source ID=PATH_OR_URL` flags.

Values become `pathlib.Path` (files) or URL strings, for `citecheck.verify`
(`doi:` targets become doi.org URLs; see `citecheck.sources.resolve`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from citecheck.config import Options
from citecheck.errors import InvalidInputError, InvalidOptionsError, SourceError
from citecheck.parse import parse_article
from citecheck.sources.resolve import source_for_reference
from citecheck.verify import normalize_source_id

SourceValue = Path | str


def parse_source_flag(flag: str) -> tuple[str, SourceValue]:
    """`ID=PATH_OR_URL` → (id, Path or URL); a path must exist."""
    source_id, sep, value = flag.partition("=")
    if not sep or not source_id.strip() or not value.strip():
        raise InvalidOptionsError(
            f"--source {flag!r}: expected ID=PATH_OR_URL, e.g. 1=sources/1.txt"
        )
    try:
        key = normalize_source_id(source_id)
    except InvalidInputError as exc:
        raise InvalidOptionsError(f"--source {flag!r}: {exc}") from None
    try:
        resolved = source_for_reference(value, Path())
    except SourceError as exc:
        raise InvalidOptionsError(f"--source {flag!r}: {exc}") from None
    if isinstance(resolved, Path) and not resolved.exists():
        raise InvalidInputError(f"--source {flag!r}: no such file: {resolved}")
    if not isinstance(resolved, Path | str):  # pragma: no cover - resolve gives paths or URLs
        raise InvalidOptionsError(f"--source {flag!r}: not a file or URL")
    return key, resolved


def parse_source_flags(flags: list[str]) -> dict[str, SourceValue]:
    sources: dict[str, SourceValue] = {}
    for flag in flags:
        key, value = parse_source_flag(flag)
        if key in sources:
            raise InvalidOptionsError(f"--source: source {key!r} is given twice")
        sources[key] = value
    return sources


def sources_in_directory(directory: Path) -> dict[str, Path]:
    """Files of `directory` by id (the file name without its extension)."""
    if not directory.is_dir():
        raise InvalidInputError(f"--sources-dir {directory}: no such directory")
    found: dict[str, Path] = {}
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        key = normalize_source_id(path.stem)
        if key in found:
            raise InvalidInputError(
                f"--sources-dir {directory}: two files for source {key!r}: "
                f"{found[key].name} and {path.name}"
            )
        found[key] = path
    return found


def sources_from_references(
    text: str, base: Path, options: Options
) -> tuple[dict[str, SourceValue], list[str]]:
    """Sources the article's reference list names (URLs, or files relative to `base`).

    Also returns notes about entries that name something no source can come
    from (a `mailto:` link, say): their markers end up `unknown_source`.
    """
    references = parse_article(text, options).references
    found: dict[str, SourceValue] = {}
    notes: list[str] = []
    for raw_id, reference in references.items():
        target = reference.target or reference.url
        if not target:
            continue
        try:
            key = normalize_source_id(raw_id)
            resolved = source_for_reference(target, base)
        except (InvalidInputError, SourceError) as exc:
            notes.append(f"reference [{raw_id}]: {exc}")
            continue
        if isinstance(resolved, Path | str):
            found[key] = resolved
    return found, notes


def merge_sources(*layers: Mapping[str, SourceValue]) -> dict[str, SourceValue]:
    """Later layers override earlier ones, id by id; ids sorted for determinism."""
    merged: dict[str, SourceValue] = {}
    for layer in layers:
        merged.update(layer)
    return {key: merged[key] for key in sorted(merged, key=_id_key)}


def _id_key(source_id: str) -> tuple[int, int, str]:
    return (0, int(source_id), "") if source_id.isdigit() else (1, 0, source_id)
