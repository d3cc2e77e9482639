"""Judges by name: the built-in lexical judge, and any judge another package registers.

A judge is selected with `Options.judge` (`--judge`, `[tool.citecheck] judge`). Other
packages add judges through the entry-point group `citecheck.judges`: each entry point
names a factory `factory(language, options) -> Judge`. An unknown name, or a registered
judge whose dependencies are missing, is an `InvalidOptionsError` that says what to install.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING

from citecheck.errors import InvalidOptionsError
from citecheck.lang import Language
from citecheck.match.protocol import Judge

if TYPE_CHECKING:
    from citecheck.config import Options

ENTRY_POINT_GROUP = "citecheck.judges"

JudgeFactory = Callable[[Language, "Options"], Judge]

#: Built-in judges: name -> "module:factory" (imported only when selected).
BUILTIN: dict[str, str] = {"lexical": "citecheck.match.lexical.judge:lexical_judge"}

#: Judges we know of that ship separately, and what installs them.
KNOWN_EXTRAS: dict[str, str] = {"cross-encoder": "pip install 'citecheck-news[neural]'"}


def _registered() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available_judges() -> list[str]:
    """Names of the judges that can be selected here, sorted."""
    return sorted({*BUILTIN, *_registered()})


def _load(target: str) -> JudgeFactory:
    module, _, attribute = target.partition(":")
    factory: JudgeFactory = getattr(importlib.import_module(module), attribute)
    return factory


def get_judge(name: str, language: Language, options: Options) -> Judge:
    """Build the judge called `name` for `language`."""
    registered = _registered()
    try:
        if name in BUILTIN:
            factory = _load(BUILTIN[name])
        elif name in registered:
            factory = registered[name].load()
        elif name in KNOWN_EXTRAS:
            raise InvalidOptionsError(
                f"judge {name!r} is not installed; install it with: {KNOWN_EXTRAS[name]}"
            )
        else:
            known = ", ".join(available_judges())
            raise InvalidOptionsError(
                f"unknown judge {name!r}; available: {known} (other judges are installed by "
                f"packages registering the entry point group {ENTRY_POINT_GROUP!r})"
            )
    except ImportError as exc:
        hint = KNOWN_EXTRAS.get(name, "install the package that provides it, with its extras")
        raise InvalidOptionsError(f"judge {name!r} cannot be loaded ({exc}); {hint}") from None
    judge = factory(language, options)
    if not isinstance(judge, Judge):
        raise InvalidOptionsError(f"judge {name!r} does not implement the citecheck Judge protocol")
    return judge
