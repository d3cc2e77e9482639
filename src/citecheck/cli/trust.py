"""What a configuration file below the repository root may not do.

In CI on a pull request every file in the checkout may come from the pull request, so
a `citecheck.toml` in `docs/` is as untrusted as the articles next to it. It may tune
how articles are read (format, marker scope, globs, the judge), and it may make the
check stricter, but it may not loosen what the root's configuration (or, without one,
the defaults) says about security:

- `source-root`, `cache-dir`: where files are read from and written to (never set here);
- `allow-private-urls = true` when the root does not allow them;
- `offline = false` when the root says `true`;
- any limit or timeout raised above the root's (`max-*`, `timeout`);
- `fail-on` without a status the root fails on.

Each is a `ConfigError` naming the file, the key and both values (exit 2). The
pinned `--config FILE` recommended for CI skips this search altogether.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from citecheck.config import Options
from citecheck.errors import ConfigError

if TYPE_CHECKING:
    from citecheck.cli.settings import Settings

#: Never set below the root: where citecheck reads files from and writes its cache to.
ROOT_ONLY = ("source_root", "cache_dir")
#: May only go down below the root.
LIMITS = (
    "max_article_chars",
    "max_claims",
    "max_source_chars",
    "max_sources_per_article",
    "max_marker_range",
    "max_download_bytes",
    "max_redirects",
    "max_concurrent_downloads",
    "timeout",
)
#: The value that is looser than the other, per switch.
LOOSE_SWITCHES = {"allow_private_urls": True, "offline": False}


def check_nested(nested: Settings, root: Settings, root_dir: Path) -> None:
    """Raise `ConfigError` when `nested` loosens a security setting of `root`."""
    before = Options.from_mapping(root.options, origin=root.origin)
    after = Options.from_mapping(
        {**{_key(k): v for k, v in root.options.items()}, **_normalised(nested.options)},
        origin=nested.origin,
    )
    if nested.dask is not None:
        raise ConfigError(
            f"{nested.origin}: dask: a configuration file below the repository root "
            f"({root_dir}) may not choose where articles are sent to be checked; set it in the "
            "root's configuration, with --config, or with --dask"
        )
    for written in nested.options:
        key = _key(written)
        problem = _loosens(key, getattr(before, key), getattr(after, key))
        if problem is not None:
            where = root.origin if root.path is not None else "the defaults"
            raise ConfigError(
                f"{nested.origin}: {written}: a configuration file below the repository "
                f"root ({root_dir}) may not {problem} ({where}: {_shown(getattr(before, key))}, "
                f"this file: {_shown(getattr(after, key))}); set it in the root's "
                "configuration, with --config, or on the command line"
            )


def _loosens(key: str, before: Any, after: Any) -> str | None:
    """What setting `key` from `before` to `after` would do that it may not, if anything."""
    if key in ROOT_ONLY:
        return "set where files are read from or written to"
    if key in LOOSE_SWITCHES and after == LOOSE_SWITCHES[key] and before != after:
        return "loosen this switch"
    if key in LIMITS and after > before:
        return "raise this limit"
    if key == "fail_on" and not set(before) <= set(after):
        missing = ", ".join(sorted(s.value for s in set(before) - set(after)))
        return f"stop failing on {missing}"
    return None


def _normalised(options: dict[str, Any]) -> dict[str, Any]:
    return {_key(k): v for k, v in options.items()}


def _key(name: str) -> str:
    return name.replace("-", "_")


def _shown(value: Any) -> str:
    if isinstance(value, frozenset):
        return ", ".join(sorted(s.value for s in value)) or "none"
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)
