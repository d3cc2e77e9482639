"""Sources named on the command line: `--sources-dir DIR` and `--source ID=PATH_OR_URL`.

Three places give an article its sources, later ones winning for the same id: the
article's own reference list (resolved by the library, as `citecheck.verify` does),
then `--sources-dir` (files named by id: `1.txt`, `2.html`, `3.pdf`, `note.md`), then
`--source` flags. Values become `pathlib.Path` (files) or URL strings.
"""

from __future__ import annotations

from pathlib import Path

from citecheck.errors import InvalidInputError, InvalidOptionsError, SourceError
from citecheck.sources.ids import normalize_source_id
from citecheck.sources.resolve import source_for_reference

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
