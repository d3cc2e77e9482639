"""The steps of a check, so that running out of memory says where, and which limit helps.

An untrusted article or source can make a step need more memory than the machine
has. `MemoryError` then becomes an `InvalidInputError` naming the step and only the
options that bound it, with their values:

    out of memory while parsing the article into claims; lower max_article_chars
    (now 5,000,000) or max_claims (now 50,000)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from citecheck.config import Options
from citecheck.errors import InvalidInputError

__all__ = ["out_of_memory", "step"]

#: What bounds each step's memory (option names); a step not listed has no such option.
STEP_LIMITS: dict[str, tuple[str, ...]] = {
    "reading the article": ("max_article_chars",),
    "parsing the article into claims": ("max_article_chars", "max_claims"),
    "loading the sources": ("max_sources_per_article", "max_source_chars", "max_download_bytes"),
    "indexing the sources": ("max_source_chars", "max_sources_per_article"),
    "deciding which claims need a source": ("max_claims",),
    "checking the claims against their sources": ("max_claims", "max_source_chars"),
    "building the report": ("max_claims",),
}


@contextmanager
def step(what: str, options: Options) -> Iterator[None]:
    """Run one step of a check; a `MemoryError` inside it becomes `out_of_memory(...)`."""
    try:
        yield
    except MemoryError:
        raise out_of_memory(what, options) from None


def out_of_memory(what: str | None, options: Options | None) -> InvalidInputError:
    """The error for running out of memory during step `what` (None: not known)."""
    if what is None or options is None:
        return InvalidInputError(
            "out of memory checking this article, outside any step that an option bounds; "
            "please report it"
        )
    limits = STEP_LIMITS.get(what, ())
    if not limits:
        return InvalidInputError(f"out of memory while {what}")
    shown = [f"{name} (now {getattr(options, name):,})" for name in limits]
    choices = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]
    return InvalidInputError(f"out of memory while {what}; lower {choices}")
