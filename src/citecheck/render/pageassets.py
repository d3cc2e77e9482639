"""What the HTML pages inline: their stylesheets and script, and the hash by which each
page's Content-Security-Policy allows exactly that text and nothing else.

Both pages (the single report and the archive page) start from `common.css`, so the parts
they share (the verdict box, link colour) are written once.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib.resources import files


@cache
def asset(name: str) -> str:
    """A file of `citecheck/render/assets/`, read once per process."""
    return (files("citecheck.render") / "assets" / name).read_text(encoding="utf-8")


def stylesheet(name: str) -> str:
    """A page's whole stylesheet: the shared rules, then its own."""
    return asset("common.css") + asset(name)


def csp_source(text: str) -> str:
    """The CSP source expression that allows this inline text: `sha256-…`."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
