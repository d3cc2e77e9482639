"""From a reference-list target (URL or file path) to something `load_source` takes.

Paths are relative to the article's folder, as a reader of the article would take
them. This resolves a *trusted* target (`--source ID=PATH`); paths an untrusted
article names go through the source root instead (`references.resolve_references`).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from citecheck.errors import SourceError
from citecheck.sources.load import is_url
from citecheck.sources.model import SourceLike

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
_DOI = re.compile(r"^(?:doi:\s*)(10\.\d{4,9}/\S+)$", re.IGNORECASE)


def is_doi(value: str) -> bool:
    """True for `doi:10.…/…` (fetched from doi.org)."""
    return _DOI.match(value.strip()) is not None


def source_for_reference(target: str, base_dir: Path) -> SourceLike:
    """An http(s) URL as the URL string; `doi:` as its doi.org URL; else a `Path`.

    Relative paths (and `file:` URLs) are resolved against `base_dir`. A missing
    file is only reported when loading. Other schemes (mailto:, ftp:) raise
    `SourceError` at once, since nothing can be loaded from them.
    """
    text = target.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    if not text:
        raise SourceError("the reference names no URL or file")
    if is_url(text):
        return text
    doi = _DOI.match(text)
    if doi:
        return f"https://doi.org/{doi.group(1)}"
    scheme = _SCHEME.match(text)
    if scheme and scheme.group(1).lower() == "file":
        path = Path(unquote(urlsplit(text).path))
    elif scheme:
        raise SourceError(f"cannot load {text!r}: only http(s) URLs and files are sources")
    else:
        path = Path(unquote(text) if "%" in text else text).expanduser()
    return path if path.is_absolute() else base_dir / path
