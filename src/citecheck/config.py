"""Options for a run: thresholds, limits and policies, validated in one place.

`verify(article, sources, **options)` and the command line both build an
:class:`Options`; configuration files (`[tool.citecheck]`) map onto the same
fields, so a setting means the same thing everywhere.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from citecheck.errors import InvalidOptionsError
from citecheck.report import DEFAULT_FAIL_ON, Status, parse_fail_on

ArticleFormat = Literal["auto", "text", "markdown", "html"]


class Options(BaseModel):
    """Every tunable of a run, with the defaults users get."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: ArticleFormat = Field(
        default="auto", description="How to read the article: auto-detected by default."
    )
    marker_scope: Literal["sentence", "paragraph"] = Field(
        default="paragraph",
        description="'paragraph': a claim without markers is covered by the next marker "
        "in its paragraph; 'sentence': a marker covers only its own sentence or clause.",
    )
    profile: Literal["news", "docs"] = Field(
        default="news",
        description="What kind of prose the articles are: 'news' (every sourced statement "
        "needs a citation) or 'docs' (technical documentation: definitions, numbered "
        "procedure steps, version numbers and first-person plans need none).",
    )
    fail_on: frozenset[Status] = Field(
        default=DEFAULT_FAIL_ON,
        description="Statuses that fail the check: a list, a comma-separated string, or 'none'.",
    )
    suggest_citations: bool = Field(
        default=True, description="Search all sources for support of uncited claims."
    )
    judge: str = Field(
        default="lexical",
        min_length=1,
        max_length=100,
        description="The judge that decides support, by name: 'lexical' (built in) or one "
        "installed by another package (entry point group 'citecheck.judges').",
    )
    language: str = Field(
        default="en",
        min_length=1,
        max_length=35,
        description="Language of the article and its sources (its word lists and pipeline).",
    )
    # Limits: going over one is a clear error, never a hang.
    max_article_chars: int = Field(default=5_000_000, ge=1)
    max_claims: int = Field(
        default=50_000,
        ge=1,
        description="Claims per article; parsing stops with a clear error past it.",
    )
    max_source_chars: int = Field(default=50_000_000, ge=1)
    max_sources_per_article: int = Field(
        default=200,
        ge=1,
        description="Distinct sources (origins) loaded per article; ids beyond it are "
        "unknown_source with a reason.",
    )
    max_marker_range: int = Field(
        default=100, ge=1, description="Largest range a marker like [2-4] may expand to."
    )
    max_evidence: int = Field(default=3, ge=1, le=20, description="Evidence passages per claim.")
    # Files an article names (see citecheck.sources.confine).
    source_root: Path | None = Field(
        default=None,
        description="Folder that files named by an article must stay inside; default: "
        "the article's git work tree, else the current directory.",
    )
    # Sources from the web (see citecheck.sources).
    allow_private_urls: bool = Field(
        default=False,
        description="Fetch URLs that resolve to private, loopback, link-local or metadata "
        "addresses (refused by default: an untrusted article must not reach internal services).",
    )
    offline: bool = Field(default=False, description="Use only the download cache, never the net.")
    timeout: float = Field(
        default=20.0, gt=0, le=3600, description="Seconds to wait for a server to connect or send."
    )
    max_download_bytes: int = Field(default=10_000_000, ge=1, description="Size cap per download.")
    max_redirects: int = Field(default=5, ge=0, le=20, description="Redirects followed per URL.")
    max_concurrent_downloads: int = Field(
        default=8, ge=1, le=64, description="URLs fetched at the same time."
    )
    use_cache: bool = Field(default=True, description="Keep downloads in the on-disk cache.")
    cache_dir: Path | None = Field(
        default=None,
        description="Download cache folder; default $CITECHECK_CACHE_DIR or the user cache "
        "folder (e.g. ~/.cache/citecheck).",
    )
    user_agent: str | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        description="User-Agent for downloads; default 'citecheck/<version> (+citation checker)'.",
    )

    @field_validator("fail_on", mode="before")
    @classmethod
    def _parse_fail_on(cls, value: Any) -> Any:
        return parse_fail_on(value)

    @field_validator("user_agent")
    @classmethod
    def _check_user_agent(cls, value: str | None) -> str | None:
        if value is not None and any(c in value for c in "\r\n\0"):
            raise ValueError("a User-Agent must be one line")
        return value

    @classmethod
    def build(cls, base: Options | None = None, /, **overrides: Any) -> Options:
        """Options from keyword overrides, raising a citecheck error on bad values."""
        data: dict[str, Any] = base.model_dump() if base is not None else {}
        data.update(overrides)
        return cls.from_mapping(data)

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, Any], *, origin: str = "options", also_known: Iterable[str] = ()
    ) -> Options:
        """Validate a mapping (keyword arguments or a config table) into Options.

        `also_known` names keys the caller handles itself (a config file's `include`),
        so that a misspelt key is matched against them too.
        """
        known = set(cls.model_fields)
        unknown = sorted(k for k in data if k.replace("-", "_") not in known)
        if unknown:
            names = ", ".join(sorted(known))
            hint = did_you_mean(unknown[0], [*known, *also_known])
            raise InvalidOptionsError(
                f"{origin}: unknown option {unknown[0]!r}{hint}; known options: {names}"
            )
        try:
            return cls.model_validate({k.replace("-", "_"): v for k, v in data.items()})
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "options"
            raise InvalidOptionsError(f"{origin}: {where}: {first['msg']}") from None


def did_you_mean(key: str, known: Iterable[str]) -> str:
    """`; did you mean 'fail-on'?` for a misspelt key (in the key's own dash style), or ''."""
    folded = {name.replace("-", "_"): name for name in known}
    found = difflib.get_close_matches(key.replace("-", "_").lower(), list(folded), n=1, cutoff=0.6)
    if not found:
        return ""
    best = found[0]
    return f"; did you mean {(best.replace('_', '-') if '-' in key else best)!r}?"
