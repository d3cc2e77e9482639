"""Issue 14: fuzz targets over the two loaders an untrusted pull request feeds.

- The reference-list loader (`parse` → `resolve_references`): whatever an article's
  reference list says, every path it yields is a regular file with a source suffix
  inside the source root with no hidden part, and nothing leaks the scratch
  repository's token.
- The configuration loader (`load_settings`, `check_nested`): any TOML (or not-TOML)
  is a `Settings` or a `ConfigError`, never another exception, and a file below the
  root that passes `check_nested` leaves every security setting at least as strict.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.config import Options
from citecheck.errors import ConfigError, InvalidOptionsError
from citecheck.parse.article import read_claims
from citecheck.sources.files import SUFFIX_KINDS
from citecheck.sources.references import resolve_references
from tests.sources.test_sources_confine import TOKEN, make_repository

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repository(tmp_path_factory.mktemp("fuzz")).resolve()


# --- the reference list -------------------------------------------------------------------

PIECES = [
    "..", ".", ".git", "config", ".env", ".github", "notes.txt", "sources", "1.txt", "2.html",
    "config.yaml", "folder.txt", "link-out.txt", "link-config.txt", "link-env.txt", "docs",
    "up", "outside", "secret.txt", "zero.txt", "pipe.txt", "loop.txt", "ok-link.txt", "repo",
    "%2e%2e", "%2E", "%2f", "%5c", "%00", "%252e", "~", "~root", "etc", "passwd", "C:",
    "file:", "FILE://", "http:", "doi:", "\\", "//", "\x00", "\n", " ", "ü", "\u202e", "#x",
]  # fmt: skip
SEPARATORS = ["/", "\\", "", "%2f"]


@st.composite
def targets(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)))
    prefix = draw(st.sampled_from(["", "/", "./", "../", "~/", "file://", "<"]))
    return prefix + "".join(p + s for p, s in zip(parts, seps, strict=True)).rstrip("/")


def _article(entries: list[str], style: str) -> str:
    body = " ".join(f"Claim {n} [{n}]." for n in range(1, len(entries) + 1))
    if style == "links":
        refs = "\n".join(f"{n}. [entry]({t})" for n, t in enumerate(entries, 1))
    elif style == "footnotes":
        body = " ".join(f"Claim {n}.[^{n}]" for n in range(1, len(entries) + 1))
        refs = "\n".join(f"[^{n}]: {t}" for n, t in enumerate(entries, 1))
    else:
        refs = "\n".join(f"{n}. {t}" for n, t in enumerate(entries, 1))
    return f"{body}\n\n## References\n\n{refs}\n"


@FUZZ
@given(
    entries=st.lists(targets(), min_size=1, max_size=5),
    style=st.sampled_from(["links", "text", "footnotes"]),
)
def test_any_reference_list_yields_only_confined_files(
    repo: Path, entries: list[str], style: str
) -> None:
    parsed = read_claims(_article(entries, style), Options(format="markdown"))
    found = resolve_references(parsed.references, repo / "articles", repo)
    for value in found.sources.values():
        if isinstance(value, str):
            assert value.startswith(("http://", "https://"))
            continue
        assert value.is_absolute()
        assert value.is_relative_to(repo)
        relative = value.relative_to(repo)
        assert not any(part.startswith(".") for part in relative.parts)
        assert value.suffix.lower() in SUFFIX_KINDS
        assert value.is_file()
        assert TOKEN not in value.read_text(encoding="utf-8", errors="replace")
    for message in found.errors.values():
        assert TOKEN not in message
        assert str(repo.parent / "outside") not in message


# --- configuration files -----------------------------------------------------------------

KNOWN = [*Options.model_fields, "include", "exclude", "fail-on", "max-claims", "source-root"]
VALUES = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=30),
    st.lists(st.text(max_size=10), max_size=3),
    st.sampled_from(["none", "uncited,partial", "/", "..", "~", "sentence", "html"]),
)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    escaped = "".join(
        c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}" for c in value
    )
    return f'"{escaped}"'


@st.composite
def config_texts(draw: st.DrawFn) -> str:
    keys = draw(st.lists(st.sampled_from(KNOWN) | st.text(min_size=1, max_size=8), max_size=6))
    lines = [f'"{k}" = {_toml_value(draw(VALUES))}' for k in dict.fromkeys(keys)]
    text = "\n".join(lines) + "\n"
    if draw(st.booleans()):
        return text
    return draw(st.sampled_from([text[: len(text) // 2], "[tool]\n" + text, text + "= 1\n"]))


@FUZZ
@given(text=config_texts(), as_pyproject=st.booleans())
def test_any_config_file_is_settings_or_a_config_error(
    tmp_path: Path, text: str, as_pyproject: bool
) -> None:
    from citecheck.cli.settings import load_settings

    path = tmp_path / ("pyproject.toml" if as_pyproject else "citecheck.toml")
    path.write_text(("[tool.citecheck]\n" + text) if as_pyproject else text, encoding="utf-8")
    try:
        loaded = load_settings(path)
    except ConfigError:
        return
    with contextlib.suppress(InvalidOptionsError):  # a bad value: a clear error
        loaded.build_options({})


SECURITY = {
    "allow_private_urls": st.booleans(),
    "offline": st.booleans(),
    "max_article_chars": st.integers(1, 10**8),
    "max_claims": st.integers(1, 10**6),
    "max_download_bytes": st.integers(1, 10**9),
    "max_redirects": st.integers(0, 20),
    "timeout": st.floats(0.1, 3600),
    "fail_on": st.sets(
        st.sampled_from(["contradicted", "uncited", "unsupported", "unknown_source", "partial"])
    ),
    "source_root": st.just("/"),
    "cache_dir": st.just("/tmp/elsewhere"),
}


def _tables(draw: st.DrawFn) -> dict[str, Any]:
    keys = draw(st.lists(st.sampled_from(list(SECURITY)), max_size=5, unique=True))
    table = {key: draw(SECURITY[key]) for key in keys}
    if "fail_on" in table:
        table["fail_on"] = sorted(table["fail_on"]) or "none"
    return table


@FUZZ
@given(data=st.data())
def test_a_nested_file_that_passes_loosens_nothing(tmp_path: Path, data: st.DataObject) -> None:
    from citecheck.cli.settings import Settings, layered
    from citecheck.cli.trust import LIMITS, check_nested

    root = Settings(path=tmp_path / "citecheck.toml", options=data.draw(st.composite(_tables)()))
    nested = Settings(
        path=tmp_path / "d" / "citecheck.toml", options=data.draw(st.composite(_tables)())
    )
    refused: str | None = None
    try:
        check_nested(nested, root, tmp_path)
    except ConfigError as exc:
        refused = str(exc)
    if refused is not None:
        assert str(nested.path) in refused
        return
    before = root.build_options({})
    after = layered(root, nested).build_options({})
    assert after.allow_private_urls <= before.allow_private_urls
    assert after.offline >= before.offline
    assert after.fail_on >= before.fail_on
    assert (after.source_root, after.cache_dir) == (before.source_root, before.cache_dir)
    for key in LIMITS:
        assert getattr(after, key) <= getattr(before, key), key


def test_the_fuzz_targets_see_hostile_inputs(repo: Path) -> None:
    """A fixed example of each, so the properties above are known to bite."""
    article = _article(["../.git/config", "notes.txt", "link-out.txt"], "links")
    found = resolve_references(read_claims(article, Options()).references, repo / "articles", repo)
    assert set(found.errors) >= {"1"}
    assert found.sources["2"] == repo / "articles" / "notes.txt"
    if os.name != "nt":
        assert "3" in found.errors
