"""Sources named on the command line: `--sources-dir DIR` and `--source ID=PATH_OR_URL`.

Three places give an article its sources, later ones winning for the same id: the
article's own reference list (resolved by the library, as `citecheck.verify` does,
confined to the source root), then `--sources-dir` (files named by id: `1.txt`,
`2.html`, `3.pdf`, `note.md`), then `--source` flags. Values become `pathlib.Path`
(files) or URL strings. Both are given by the person running the command, so they are
trusted; but the files in `--sources-dir` may come with the pull request, so an entry
that is a link out of that folder (or to something other than a regular file) becomes
a `SourceError` for its id: claims citing it are `unknown_source`, saying why.
"""

from __future__ import annotations

from pathlib import Path

from citecheck.errors import InvalidInputError, InvalidOptionsError, SourceError
from citecheck.sources.confine import confine_symlinks_in
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


def sources_in_directory(directory: Path) -> dict[str, Path | SourceError]:
    """Files of `directory` by id (the file name without its extension).

    Hidden entries and sub-folders are left out; an entry that is a link out of the
    folder, or not a regular file, is its id's `SourceError`.
    """
    if not directory.is_dir():
        raise InvalidInputError(f"--sources-dir {directory}: no such directory")
    try:
        checked = confine_symlinks_in(directory)
    except SourceError as exc:
        raise InvalidInputError(str(exc)) from None
    found: dict[str, Path | SourceError] = {}
    names: dict[str, str] = {}
    for name, result in checked.items():
        key = normalize_source_id(Path(name).stem)
        if key in found:
            raise InvalidInputError(
                f"--sources-dir {directory}: two files for source {key!r}: {names[key]} and {name}"
            )
        names[key] = name
        found[key] = directory / name if isinstance(result, Path) else result
    return found
