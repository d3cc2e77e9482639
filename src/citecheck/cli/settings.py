"""Configuration files: `citecheck.toml` or `[tool.citecheck]` in `pyproject.toml`.

The nearest file found by walking up from an article wins (a `citecheck.toml`
before a `pyproject.toml` in the same directory; a `pyproject.toml` without a
`[tool.citecheck]` table is skipped). Keys are `Options` fields (dashes or
underscores) plus `include` and `exclude`, the globs used when a directory is
given as ARTICLE, and `dask`, the scheduler address (or `local`) archive runs
use. A relative `cache-dir` is relative to the file. Unknown keys are errors
that name the key and the file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citecheck.config import Options
from citecheck.errors import ConfigError, InvalidOptionsError
from citecheck.report import Status
from citecheck.report import parse_fail_on as read_fail_on

CONFIG_FILES = ("citecheck.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt", "*.html", "*.htm")
DEFAULT_EXCLUDE = (".*", "node_modules", "__pycache__", "venv")
_CLI_KEYS = ("include", "exclude")


@dataclass(frozen=True, slots=True)
class Settings:
    """What one configuration file says (or the defaults, when there is none)."""

    path: Path | None = None
    options: dict[str, Any] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    dask: str | None = None  # Dask scheduler address, or "local"

    def build_options(self, overrides: Mapping[str, Any]) -> Options:
        """Options from this file, then the command-line `overrides` on top."""
        base = Options.from_mapping(self.options, origin=self.origin)
        if not overrides:
            return base
        merged = {**base.model_dump(), **overrides}
        return Options.from_mapping(merged, origin="command line")

    @property
    def origin(self) -> str:
        return str(self.path) if self.path is not None else "defaults"


def parse_fail_on(value: object, *, origin: str) -> frozenset[Status]:
    """`fail_on` as `citecheck.report.parse_fail_on` reads it, errors naming `origin`."""
    if isinstance(value, list) and not all(isinstance(item, str) for item in value):
        raise InvalidOptionsError(f"{origin}: statuses must be strings")
    try:
        return read_fail_on(value)
    except ValueError as exc:
        raise InvalidOptionsError(f"{origin}: {exc}") from None


def find_config(start: Path) -> Path | None:
    """The nearest configuration file in `start` or a directory above it."""
    directory = start.resolve()
    for candidate in (directory, *directory.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def load_settings(path: Path) -> Settings:
    """Read and validate one configuration file; raise `ConfigError` naming the problem."""
    table = _read_table(path)
    extra: dict[str, tuple[str, ...]] = {}
    options: dict[str, Any] = {}
    try:
        dask = _split(path, table, extra, options)
        Options.from_mapping(options, origin=str(path))
    except InvalidOptionsError as exc:
        raise ConfigError(str(exc)) from None
    return Settings(path=path, options=options, dask=dask, **extra)


def _split(
    path: Path,
    table: dict[str, Any],
    extra: dict[str, tuple[str, ...]],
    options: dict[str, Any],
) -> str | None:
    """Sort a config table into command-line keys (globs, dask) and `Options` fields."""
    dask: str | None = None
    for key, value in table.items():
        if key in _CLI_KEYS:
            extra[key] = _globs(path, key, value)
        elif key == "dask":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{path}: dask must be a scheduler address or 'local'")
            dask = value.strip()
        elif key.replace("-", "_") == "fail_on" and isinstance(value, str | list):
            options[key] = parse_fail_on(value, origin=f"{path}: {key}")
        elif key.replace("-", "_") == "cache_dir" and isinstance(value, str):
            options[key] = path.parent / Path(value).expanduser()  # relative to the file
        else:
            options[key] = value
    return dask


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
            path = find_config(key)
            if path is None:
                self._by_dir[key] = Settings()
            else:
                if path not in self._by_file:
                    self._by_file[path] = load_settings(path)
                self._by_dir[key] = self._by_file[path]
        return self._by_dir[key]


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
