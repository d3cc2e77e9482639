"""Configuration files: `citecheck.toml` or `[tool.citecheck]` in `pyproject.toml`.

`--config FILE` uses exactly that file. Without it, configuration is looked for from
an article's folder up to the repository root (the git work tree holding it; else the
current directory, when the article is inside it; else the article's folder only),
never above: a file further up is not the project's. In a folder a `citecheck.toml`
comes before a `pyproject.toml` (one without a `[tool.citecheck]` table is skipped).

The file at the root applies to every article; the nearest file below the root, if
any, is laid over it, key by key. A file below the root may come with a pull request,
so it may not loosen what the root says about security (`cli/trust.py`): doing so is a
configuration error naming the file and the key. Keys are `Options` fields (dashes or
underscores) plus `include` and `exclude`, the globs used when a directory is given as
ARTICLE, `force-exclude` (apply `exclude` to files named on the command line too, as
ruff's `force-exclude`) and `dask` (the Dask scheduler address, or `local`, that archive
runs use; root configuration only, since it says where article text is sent). A relative
`cache-dir` or `source-root` is relative to the file. Unknown keys are errors that name
the key, the file and the nearest known key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from citecheck.config import Options
from citecheck.errors import ConfigError, InvalidOptionsError
from citecheck.filetypes import ARTICLE_GLOBS
from citecheck.report import Status
from citecheck.report import parse_fail_on as read_fail_on
from citecheck.sources.confine import find_root

CONFIG_FILES = ("citecheck.toml", "pyproject.toml")
DEFAULT_INCLUDE = ARTICLE_GLOBS
DEFAULT_EXCLUDE = (".*", "node_modules", "__pycache__", "venv")
_GLOB_KEYS = ("include", "exclude")
_FORCE_EXCLUDE = "force_exclude"
_DASK = "dask"
_CLI_KEYS = (*_GLOB_KEYS, _FORCE_EXCLUDE, _DASK)
_RELATIVE_PATHS = ("cache_dir", "source_root")  # relative to the file that sets them


@dataclass(frozen=True, slots=True)
class Settings:
    """What the configuration says for a folder (the defaults, when there is none)."""

    path: Path | None = None  # the nearest file applied
    options: dict[str, Any] = field(default_factory=dict)  # keys as the file wrote them
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    files: tuple[Path, ...] = ()  # every file applied, the root's first
    globs: frozenset[str] = frozenset()  # which of include/exclude/force-exclude a file set
    force_exclude: bool = False  # `exclude` applies to files named on the command line too
    dask: str | None = None  # Dask scheduler address, or "local"

    def build_options(self, overrides: Mapping[str, Any]) -> Options:
        """Options from the configuration, then the command-line `overrides` on top."""
        base = Options.from_mapping(self.options, origin=self.origin)
        if not overrides:
            return base
        merged = {**base.model_dump(), **overrides}
        return Options.from_mapping(merged, origin="command line")

    @property
    def origin(self) -> str:
        return str(self.path) if self.path is not None else "defaults"

    @property
    def root(self) -> Path:
        """Where `exclude` patterns start from: the file's directory (else the working one)."""
        return self.path.parent if self.path is not None else Path.cwd()


def parse_fail_on(value: object, *, origin: str) -> frozenset[Status]:
    """`fail_on` as `citecheck.report.parse_fail_on` reads it, errors naming `origin`."""
    if isinstance(value, list) and not all(isinstance(item, str) for item in value):
        raise InvalidOptionsError(f"{origin}: statuses must be strings")
    try:
        return read_fail_on(value)
    except ValueError as exc:
        raise InvalidOptionsError(f"{origin}: {exc}") from None


def config_in(folder: Path) -> Path | None:
    """The configuration file of `folder` itself, if it has one."""
    for name in CONFIG_FILES:
        path = folder / name
        if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
            return path
    return None


def search_bounds(directory: Path, cwd: Path | None = None) -> tuple[Path, list[Path]]:
    """The root folder for `directory` (resolved) and the folders searched, nearest first.

    The root is the git work tree holding `directory`; without one, the current
    directory when `directory` is inside it, else `directory` itself.
    """
    here = Path.cwd() if cwd is None else cwd
    root = find_root(directory, fallback=here)
    if not directory.is_relative_to(root):
        root = directory
    folders = [directory, *directory.parents]
    return root, folders[: folders.index(root) + 1]


def find_config(start: Path) -> Path | None:
    """The nearest configuration file from `start` up to its root (see `search_bounds`)."""
    _, folders = search_bounds(start.resolve())
    for folder in folders:
        found = config_in(folder)
        if found is not None:
            return found
    return None


def load_settings(path: Path) -> Settings:
    """Read and validate one configuration file; raise `ConfigError` naming the problem."""
    table = _read_table(path)
    extra: dict[str, Any] = {}
    options: dict[str, Any] = {}
    try:
        _split(path, table, extra, options)
        Options.from_mapping(
            options, origin=str(path), also_known=[k.replace("_", "-") for k in _CLI_KEYS]
        )
    except InvalidOptionsError as exc:
        raise ConfigError(str(exc)) from None
    return Settings(path=path, options=options, files=(path,), globs=frozenset(extra), **extra)


def layered(root: Settings, nested: Settings) -> Settings:
    """`nested` laid over `root`, key by key (the caller checked it loosens nothing)."""
    options = {_key(k): v for k, v in root.options.items()}
    options.update({_key(k): v for k, v in nested.options.items()})
    return replace(
        nested,
        options=options,
        include=nested.include if "include" in nested.globs else root.include,
        exclude=nested.exclude if "exclude" in nested.globs else root.exclude,
        force_exclude=(
            nested.force_exclude if _FORCE_EXCLUDE in nested.globs else root.force_exclude
        ),
        dask=root.dask,  # never from a file below the root (`cli/trust.py` refuses it)
        files=(*root.files, *nested.files),
        globs=root.globs | nested.globs,
    )


def _key(name: str) -> str:
    return name.replace("-", "_")


def _split(
    path: Path,
    table: dict[str, Any],
    extra: dict[str, Any],
    options: dict[str, Any],
) -> None:
    """Sort a config table into command-line keys (globs, force-exclude) and `Options` fields."""
    for key, value in table.items():
        if key in _GLOB_KEYS:
            extra[key] = _globs(path, key, value)
        elif _key(key) == _FORCE_EXCLUDE:
            if not isinstance(value, bool):
                raise ConfigError(f"{path}: {key} must be true or false")
            extra[_FORCE_EXCLUDE] = value
        elif key == _DASK:
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{path}: dask must be a scheduler address or 'local'")
            extra[_DASK] = value.strip()
        elif _key(key) == "fail_on" and isinstance(value, str | list):
            options[key] = parse_fail_on(value, origin=f"{path}: {key}")
        elif _key(key) in _RELATIVE_PATHS and isinstance(value, str):
            options[key] = path.parent / Path(value).expanduser()  # relative to the file
        else:
            options[key] = value


class SettingsCache:
    """Finds and loads the configuration for each directory once."""

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = load_settings(_existing(explicit)) if explicit is not None else None
        self._by_file: dict[Path, Settings] = {}
        self._by_dir: dict[Path, Settings] = {}

    def for_directory(self, directory: Path) -> Settings:
        if self._explicit is not None:
            return self._explicit
        key = directory.resolve()
        if key not in self._by_dir:
            self._by_dir[key] = self._discover(key)
        return self._by_dir[key]

    def _discover(self, directory: Path) -> Settings:
        """The root's file, with the nearest file below the root laid over it."""
        from citecheck.cli.trust import check_nested

        root_dir, folders = search_bounds(directory)
        root_file = config_in(root_dir)
        root = self._load(root_file) if root_file is not None else Settings()
        for folder in folders[:-1]:  # below the root, nearest first
            nested_file = config_in(folder)
            if nested_file is not None:
                nested = self._load(nested_file)
                check_nested(nested, root, root_dir)
                return layered(root, nested)
        return root

    def _load(self, path: Path) -> Settings:
        if path not in self._by_file:
            self._by_file[path] = load_settings(path)
        return self._by_file[path]


def _existing(path: Path) -> Path:
    """A file named by --config: it must exist, and a pyproject.toml must configure us."""
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    if path.name == "pyproject.toml" and not _has_tool_table(path):
        raise ConfigError(f"{path}: no [tool.citecheck] table")
    return path


def _read_table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("citecheck", {}) if isinstance(tool, dict) else {}
        where = "[tool.citecheck]"
    else:
        table, where = data, "the top level"
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {where} must be a table")
    return table


def _has_tool_table(path: Path) -> bool:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError:
        # Broken: ours to report only if it looks like it configures citecheck.
        return "[tool.citecheck" in raw
    tool = data.get("tool")
    return isinstance(tool, dict) and "citecheck" in tool


def _globs(path: Path, key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of glob patterns")
    return tuple(value)
