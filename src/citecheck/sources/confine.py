"""Which files an untrusted article may name as its sources: those inside a source root.

An article from a pull request names its sources itself (reference-list entries,
footnotes, links). Read as plain paths, `../.git/config`, `~/.ssh/id_rsa` or a
symbolic link to `/etc` would put a CI secret into the report as "evidence". So a
path named by an article is only read when, after every normalisation a reader
of the path would apply (percent-decoding, backslashes, `..`, symbolic links):

- it is relative (no `/…`, `C:\\…`, `\\\\server\\…`, `~`, `~user` or `file:` URL);
- it stays inside the source root (by default the git work tree of the article);
- no part of it is hidden (`.git`, `.env`, `.npmrc`, `.github`), before or after
  links are followed;
- its name, and the name of the file a link leads to, has a source suffix
  (`SUFFIX_KINDS`: .txt .text .md .markdown .html .htm .xhtml .pdf);
- it is an existing regular file (not a folder, device, FIFO or socket).

Refusals are `SourceError`s whose message names the path as the article wrote it
and says why in an editor's words; they never show a file's content, nor where
outside the root a link leads.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from citecheck.errors import SourceError
from citecheck.sources.files import SUFFIX_KINDS

__all__ = [
    "SourceRoot",
    "confine",
    "confine_symlinks_in",
    "confine_to_directory",
    "find_root",
]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# C0 and C1 controls, DEL, and surrogates (which no file system name can hold).
_NOT_IN_PATHS = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff]")
_ALLOWED = ", ".join(sorted(SUFFIX_KINDS))


@dataclass(frozen=True)
class SourceRoot:
    """A folder the sources an article names must stay inside.

    `root` is resolved (symbolic links followed) once, when the object is made,
    so every check compares against the real folder.
    """

    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", _resolve(self.root, "the source root"))

    def confine(self, target: str, base_dir: Path) -> Path:
        """The real path of the file `target` names (relative to `base_dir`), if allowed.

        `target` is what the article wrote. The result is the resolved path of an
        existing regular file inside the root: read that path, not `target`, so
        the file read is the file checked. `SourceError` says why not.
        """
        shown = _shown(target)
        relative = _relative_path(target, shown)
        base = _resolve(base_dir, "the article's folder")
        if not base.is_relative_to(self.root):
            raise _refused(shown, "the article's folder is outside the source root")
        lexical = Path(os.path.normpath(base / relative))
        if not lexical.is_relative_to(self.root):
            raise _refused(shown, "'..' leads outside the source root")
        resolved = _resolve(base / relative, shown)
        if not resolved.is_relative_to(self.root):
            raise _refused(shown, "it is a link to a file outside the source root")
        hidden = _hidden_part(resolved.relative_to(self.root).parts)
        if hidden is not None:
            raise _refused(shown, f"it leads into a hidden file or folder ({hidden!r})")
        if resolved.suffix.lower() not in SUFFIX_KINDS:
            raise _refused(
                shown,
                f"it is a link to a file that is not a source file type (allowed: {_ALLOWED})",
            )
        _check_regular_file(resolved, shown)
        return resolved


def confine(target: str, base_dir: Path, root: Path) -> Path:
    """`SourceRoot(root).confine(target, base_dir)`: the checked real path, or `SourceError`."""
    return SourceRoot(root).confine(target, base_dir)


def find_root(start: Path, fallback: Path | None = None) -> Path:
    """The default source root for an article at `start`: the git work tree holding it.

    Walks up from `start` (a file or a folder) to the first folder with a `.git`
    folder or file (a worktree or submodule has a file); with none, `fallback`
    (default: the current directory). The result is resolved.
    """
    try:
        here = start.resolve(strict=False)
    except (OSError, RuntimeError, ValueError):
        here = None
    if here is not None:
        folder = here if here.is_dir() else here.parent
        for candidate in (folder, *folder.parents):
            marker = candidate / ".git"
            try:
                if marker.is_dir() or marker.is_file():
                    return candidate
            except OSError:
                continue
    return _resolve(fallback if fallback is not None else Path.cwd(), "the fallback root")


def confine_to_directory(path: Path, directory: Path) -> Path:
    """The real path of `path`, a file in the trusted `directory` (`--sources-dir`).

    The directory is trusted, but its entries come with the pull request: an
    entry that is a symbolic link to a file outside the directory, or to
    something other than a regular file, is refused.
    """
    folder = _resolve(directory, f"--sources-dir {directory}")
    shown = _shown(path.name)
    resolved = _resolve(path, shown)
    if not resolved.is_relative_to(folder):
        raise _refused(shown, f"it is a link to a file outside {directory}")
    _check_regular_file(resolved, shown)
    return resolved


def confine_symlinks_in(directory: Path) -> dict[str, Path | SourceError]:
    """Each visible entry of `directory` that is not a folder: its checked path, or why not.

    Keyed by file name, in sorted order; hidden entries and sub-folders are left
    out, as `--sources-dir` ignores them.
    """
    found: dict[str, Path | SourceError] = {}
    try:
        entries = sorted(directory.iterdir())
    except OSError as exc:
        raise SourceError(f"--sources-dir {directory}: {exc.strerror or exc}") from None
    for entry in entries:
        if entry.name.startswith(".") or (entry.is_dir() and not entry.is_symlink()):
            continue
        try:
            found[entry.name] = confine_to_directory(entry, directory)
        except SourceError as exc:
            found[entry.name] = exc
    return found


def _relative_path(target: str, shown: str) -> Path:
    """`target` as a relative path, after the normalisations a reader would apply.

    Refuses what is not a relative path to a source file before the file system
    is asked anything.
    """
    text = target.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    if not text:
        raise SourceError("the reference names no file")
    if _NOT_IN_PATHS.search(text):
        raise _refused(shown, "it holds control characters")
    if "%" in text:  # Markdown links percent-encode; decode once, as the loader does
        text = unquote(text)
        if _NOT_IN_PATHS.search(text):
            raise _refused(shown, "it holds encoded control characters")
        if _PERCENT_ESCAPE.search(text):
            raise _refused(shown, "it is percent-encoded twice")
    text = text.replace("\\", "/")  # a Windows separator is a separator here too
    scheme = _SCHEME.match(text)
    if scheme is not None:
        name = scheme.group(1).lower()
        if len(name) == 1:
            raise _refused(
                shown, "absolute paths are not allowed; name the file relative to the article"
            )
        if name == "file":
            raise _refused(
                shown, "file: URLs are not allowed; name the file relative to the article"
            )
        raise _refused(shown, f"{name}: is not a file path")
    if text.startswith("/"):
        raise _refused(
            shown, "absolute paths are not allowed; name the file relative to the article"
        )
    if text.startswith("~"):
        raise _refused(
            shown, "home folders ('~') are not allowed; name the file relative to the article"
        )
    parts = text.split("/")
    hidden = _hidden_part(parts)
    if hidden is not None:
        raise _refused(shown, f"it names a hidden file or folder ({hidden!r})")
    if Path(parts[-1]).suffix.lower() not in SUFFIX_KINDS:
        raise _refused(shown, f"it is not a source file type (allowed: {_ALLOWED})")
    return Path(*[part for part in parts if part])


def _hidden_part(parts: tuple[str, ...] | list[str]) -> str | None:
    for part in parts:
        if part.startswith(".") and part not in (".", ".."):
            return part
    return None


def _resolve(path: Path, shown: str) -> Path:
    try:
        return path.resolve(strict=False)
    except (OSError, RuntimeError, ValueError) as exc:  # RuntimeError: a symlink loop (3.11)
        raise SourceError(f"cannot read {shown}: {_reason(exc)}") from None


def _check_regular_file(path: Path, shown: str) -> None:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise SourceError(f"no such file: {shown}") from None
    except (OSError, ValueError) as exc:
        raise SourceError(f"cannot read {shown}: {_reason(exc)}") from None
    if not stat.S_ISREG(mode):
        raise _refused(shown, "it is not a regular file")


def _refused(shown: str, why: str) -> SourceError:
    return SourceError(f"refused path: {shown}: {why}")


def _shown(target: str, limit: int = 120) -> str:
    text = target if len(target) <= limit else target[: limit - 1] + "…"
    return repr(text)


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
