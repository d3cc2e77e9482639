"""Finding the articles to check and reading them as text.

ARTICLE arguments are files, directories (expanded to the files matching the
configuration's `include` globs and not its `exclude` globs, in sorted order)
or `-` for standard input. Files named explicitly are always checked.
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from charset_normalizer import from_bytes

from citecheck.cli.settings import Settings, SettingsCache
from citecheck.errors import InvalidInputError

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
    arguments: list[str], settings: SettingsCache, skip: tuple[Path, ...] = ()
) -> list[ArticleFile]:
    """Expand ARTICLE arguments into article files, in order, without duplicates.

    Directories in `skip` (the --sources-dir) are never searched for articles:
    sources beside the articles are not articles.
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
            try:
                candidates = [
                    p
                    for p in sorted(path.rglob("*"))
                    if _selected(p, path, config) and not _inside(p, skipped)
                ]
            except OSError as exc:
                raise InvalidInputError(f"{argument}: cannot list: {exc.strerror or exc}") from None
            if not candidates:
                raise InvalidInputError(
                    f"{argument}: no articles in this directory (looked for "
                    f"{', '.join(config.include)})"
                )
        elif path.exists():
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
    resolved = path.resolve()
    return any(resolved.is_relative_to(d) for d in directories)


def _selected(path: Path, root: Path, settings: Settings) -> bool:
    if not path.is_file():
        return False
    relative = PurePosixPath(path.relative_to(root).as_posix())
    if not any(_matches(relative, pattern) for pattern in settings.include):
        return False
    parts = relative.parts
    prefixes = [PurePosixPath(*parts[: i + 1]) for i in range(len(parts))]
    return not any(_matches(p, pattern) for p in prefixes for pattern in settings.exclude)


def _matches(path: PurePosixPath, pattern: str) -> bool:
    """Glob match: a pattern without `/` matches the name, otherwise the relative path."""
    pattern = pattern.rstrip("/")
    if "/" not in pattern:
        return fnmatchcase(path.name, pattern)
    return fnmatchcase(str(path), pattern.lstrip("/")) or path.match(pattern)


def read_article(article: ArticleFile, max_chars: int) -> str:
    """The article's text; `InvalidInputError` for unreadable, binary or oversized files.

    At most `4 * max_chars + 1` bytes are read (no character takes more than
    four bytes in UTF-8), so a huge file is refused without loading it.
    """
    limit = 4 * max_chars + 1
    if article.path is None:
        data = sys.stdin.buffer.read(limit)
    else:
        if not article.path.is_file():
            raise InvalidInputError(f"{article.name}: not a file")
        try:
            with article.path.open("rb") as handle:
                data = handle.read(limit)
        except OSError as exc:
            raise InvalidInputError(f"{article.name}: cannot read: {exc.strerror or exc}") from None
    if len(data) >= limit:
        raise InvalidInputError(
            f"{article.name}: over the limit of {max_chars:,} characters (option max_article_chars)"
        )
    return decode(data, article.name)


def decode(data: bytes, name: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else the detected encoding."""
    if b"\x00" in data:
        raise InvalidInputError(f"{name}: not a text file (it holds binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise InvalidInputError(
                f"{name}: not a text file (not UTF-8 and no other encoding fits)"
            ) from None
        text = str(best)
    if _mostly_control(text):
        raise InvalidInputError(f"{name}: not a text file (it holds binary data)")
    return text


def _mostly_control(text: str, sample: int = 4096) -> bool:
    head = text[:sample]
    if not head:
        return False
    control = sum(
        1 for ch in head if unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\t\n\r\f"
    )
    return control / len(head) > 0.1
