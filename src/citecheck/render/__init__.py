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

from citecheck.report import Report


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render, beyond the reports themselves."""

    color: bool = False  # ANSI colours (text output on a terminal only)
    tool_version: str = "0.0.0"  # written into SARIF and JUnit metadata
    quiet: bool = False  # findings only: no summary line where a format has one


Renderer = Callable[[Sequence[Report], RenderOptions], str]

#: Output format name → module defining `render(reports, options) -> str`.
RENDERERS: dict[str, str] = {
    "text": "citecheck.render.text",
    "json": "citecheck.render.json",
    "sarif": "citecheck.render.sarif",
    "github": "citecheck.render.github",
    "junit": "citecheck.render.junit",
    "markdown": "citecheck.render.markdown",
    "html": "citecheck.render.html",
}


def available() -> list[str]:
    """Names of the output formats whose module is present, in table order."""
    return [name for name, module in RENDERERS.items() if _module_exists(module)]


def get_renderer(name: str) -> Renderer:
    """The `render` function of output format `name` (KeyError if there is none)."""
    if name not in RENDERERS or not _module_exists(RENDERERS[name]):
        raise KeyError(name)
    module = importlib.import_module(RENDERERS[name])
    render: Renderer = module.render
    return render


def _module_exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


__all__ = ["RENDERERS", "RenderOptions", "Renderer", "available", "get_renderer"]
