"""Finding the articles to check and reading them as text.

ARTICLE arguments are files, directories (expanded to the files matching the
configuration's `include` globs and not its `exclude` globs, in sorted order)
or `-` for standard input. Files named explicitly are checked unless
force-exclude is on (`--force-exclude`, or `force-exclude = true` in the
configuration): then a named file that `exclude` matches, or that lies in the
`--sources-dir`, is skipped as ruff skips it, which is what a pre-commit hook
handing over every staged file needs. A file found by walking a directory that
is a link leading outside that directory is skipped (the directory's contents may
come from a pull request).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from citecheck.cli.settings import Settings, SettingsCache
from citecheck.errors import InvalidInputError
from citecheck.sources.decode import read_article as read_file
from citecheck.sources.decode import read_limited

STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """One article to check: where it is, what to call it, and its configuration."""

    name: str  # as shown in reports: the path as given (or found), or <stdin>
    path: Path | None  # None for standard input
    settings: Settings

    @property
    def directory(self) -> Path:
        """Where relative source paths in its reference list start from."""
        return self.path.parent if self.path is not None else Path.cwd()


def discover(
    arguments: list[str],
    settings: SettingsCache,
    skip: tuple[Path, ...] = (),
    force_exclude: bool | None = None,
) -> list[ArticleFile]:
    """Expand ARTICLE arguments into article files, in order, without duplicates.

    Directories in `skip` (the --sources-dir) are never searched for articles:
    sources beside the articles are not articles. With `force_exclude` (None: as
    each file's configuration says) a file named explicitly is skipped too when it
    is in `skip` or matches `exclude`.
    """
    skipped = tuple(p.resolve() for p in skip)
    found: list[ArticleFile] = []
    seen: set[Path | None] = set()
    for argument in arguments:
        if argument == STDIN:
            if None not in seen:
                seen.add(None)
                found.append(ArticleFile(STDIN_NAME, None, settings.for_directory(Path.cwd())))
            continue
        path = Path(argument)
        if path.is_dir():
            config = settings.for_directory(path)
            walked = (path.resolve(),)
            try:
                candidates = [
                    p
                    for p in sorted(path.rglob("*"))
                    if _selected(p, path, config) and not _inside(p, skipped) and _inside(p, walked)
                ]
            except OSError as exc:
                raise InvalidInputError(f"{argument}: cannot list: {exc.strerror or exc}") from None
            if not candidates:
                raise InvalidInputError(
                    f"{argument}: no articles in this directory (looked for "
                    f"{', '.join(config.include)})"
                )
        elif path.exists():
            config = settings.for_directory(path.parent)
            forced = config.force_exclude if force_exclude is None else force_exclude
            if forced and (_inside(path, skipped) or _excluded(path, config)):
                continue
            candidates = [path]
        else:
            raise InvalidInputError(f"{argument}: no such file or directory")
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(
                    ArticleFile(str(candidate), candidate, settings.for_directory(candidate.parent))
                )
    return found


def _inside(path: Path, directories: tuple[Path, ...]) -> bool:
    """Whether `path`, links followed, is in one of the (resolved) `directories`."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # a link loop: inside nothing
        return False
    return any(resolved.is_relative_to(d) for d in directories)


def _selected(path: Path, root: Path, settings: Settings) -> bool:
    if not path.is_file():
        return False
    relative = PurePosixPath(path.relative_to(root).as_posix())
    if not any(_matches(relative, pattern) for pattern in settings.include):
        return False
    return not _excluded_relative(relative, settings)


def _excluded_relative(relative: PurePosixPath, settings: Settings) -> bool:
    """Whether `exclude` matches the path or one of the folders it lies in."""
    parts = relative.parts
    prefixes = [PurePosixPath(*parts[: i + 1]) for i in range(len(parts))]
    return any(_matches(p, pattern) for p in prefixes for pattern in settings.exclude)


def _excluded(path: Path, settings: Settings) -> bool:
    """A named file against `exclude`: relative to its configuration file's folder.

    Without a configuration file (or outside its folder), relative to the working
    directory, and failing that as given.
    """
    resolved = path.resolve()
    for root in (settings.root, Path.cwd()):
        base = root.resolve()
        if resolved.is_relative_to(base):
            return _excluded_relative(
                PurePosixPath(resolved.relative_to(base).as_posix()), settings
            )
    parts = [part for part in PurePosixPath(path.as_posix()).parts if part not in (".", "..")]
    return bool(parts) and _excluded_relative(PurePosixPath(*parts), settings)


def _matches(path: PurePosixPath, pattern: str) -> bool:
    """Glob match: a pattern without `/` matches the name, otherwise the relative path."""
    pattern = pattern.rstrip("/")
    if "/" not in pattern:
        return fnmatchcase(path.name, pattern)
    return fnmatchcase(str(path), pattern.lstrip("/")) or path.match(pattern)


def read_article(article: ArticleFile, max_chars: int) -> str:
    """The article's text; `InvalidInputError` for unreadable, binary or oversized files."""
    if article.path is None:
        return read_limited(sys.stdin.buffer, max_chars, article.name)
    return read_file(article.path, max_chars, article.name)
