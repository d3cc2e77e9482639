"""Renderers: a finished `Report` (or several) → text in one output format.

Every output format is one module here with a function

    render(reports: Sequence[Report], options: RenderOptions) -> str

that only reads the reports: no matching, no file or network access. The
command line picks a renderer by name from :data:`RENDERERS`; adding a format
is one module and one line in that table. A module that is not installed (for
example an optional one) is simply left out of :func:`available`.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from citecheck.errors import InvalidOptionsError
from citecheck.report import Report


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render, beyond the reports themselves."""

    color: bool = False  # ANSI colours (text output on a terminal only)
    tool_version: str = "0.0.0"  # written into SARIF and JUnit metadata
    quiet: bool = False  # findings only: no summary line where a format has one
    several: bool | None = None  # several articles were asked for (None: judge by the reports)


Renderer = Callable[[Sequence[Report], RenderOptions], str]


@dataclass(frozen=True, slots=True)
class _Format:
    module: str
    one_report: bool = False  # the format shows one article at a time


#: Output format name → the module that renders it; every module has
#: `render(reports, options)`.
RENDERERS: dict[str, _Format] = {
    "text": _Format("citecheck.render.text"),
    "json": _Format("citecheck.render.json"),
    "sarif": _Format("citecheck.render.sarif"),
    "github": _Format("citecheck.render.github"),
    "junit": _Format("citecheck.render.junit"),
    "markdown": _Format("citecheck.render.markdown"),
    "html": _Format("citecheck.render.html"),  # several articles: the archive page
}


def available() -> list[str]:
    """Names of the output formats whose module is present, in table order."""
    return [name for name, fmt in RENDERERS.items() if _module_exists(fmt.module)]


def takes_several(name: str) -> bool:
    """Whether output format `name` can hold several articles' reports in one output."""
    return not RENDERERS[name].one_report


def get_renderer(name: str) -> Renderer:
    """The renderer of output format `name` (KeyError if there is none)."""
    if name not in RENDERERS or not _module_exists(RENDERERS[name].module):
        raise KeyError(name)
    module = importlib.import_module(RENDERERS[name].module)
    render: Renderer = module.render
    return render


def format_report(
    reports: Report | Sequence[Report], output_format: str = "text", **options: Any
) -> str:
    """A report (or several) in an output format: text, json, sarif, github, junit, markdown
    or html. Keyword options are `RenderOptions` fields (color, tool_version, quiet)."""
    several = not isinstance(reports, Report)
    items: list[Report] = [reports] if isinstance(reports, Report) else list(reports)
    try:
        renderer = get_renderer(output_format)
    except KeyError:
        raise InvalidOptionsError(
            f"unknown output format {output_format!r}; choose from {', '.join(available())}"
        ) from None
    settings = RenderOptions(**{"several": several, **options})
    return renderer(items, settings)


def _module_exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


__all__ = [
    "RENDERERS",
    "RenderOptions",
    "Renderer",
    "available",
    "format_report",
    "get_renderer",
    "takes_several",
]
