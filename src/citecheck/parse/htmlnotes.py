"""How HTML generators mark footnotes: note references, note lists, notes and backlinks.

MediaWiki (`<sup class="reference"><a href="#cite_note-3">[3]</a></sup>`,
`<ol class="references"><li id="cite_note-Smith2020-3">`), Pandoc
(`<a class="footnote-ref" role="doc-noteref">`, `<section class="footnotes"
role="doc-endnotes">`), markdown-it, Hugo/Goldmark and kramdown (`id="fn:1"`,
`role="doc-endnote"`) and Python-Markdown (`<div class="footnote">`) all follow
one shape: an in-page link from the marker to a list item, and a backlink from
the item to the marker. The HTML reader asks these predicates; they only read
attributes, so they are constant work per tag.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = [
    "is_backlink",
    "is_note",
    "is_noteref",
    "is_notes_container",
    "note_id",
]

Attrs = Mapping[str, str | None]

_CONTAINER_TAGS = frozenset({"section", "div", "aside", "ol", "ul"})
_CONTAINER_CLASSES = frozenset(
    {"footnotes", "footnote", "references", "reflist", "mw-references-wrap", "endnotes"}
)
_CONTAINER_TYPES = frozenset(
    {"doc-endnotes", "doc-footnotes", "footnotes", "endnotes", "rearnotes"}
)
_NOTE_TYPES = frozenset({"doc-endnote", "doc-footnote", "footnote", "endnote", "rearnote"})
_BACKLINK_CLASSES = frozenset(
    {"mw-cite-backlink", "footnote-back", "footnote-backref", "reversefootnote", "footnotebacklink"}
)
_NOTEREF_CLASSES = frozenset({"footnote-ref", "footnote", "footnoteref", "reference", "noteref"})
_BACK_HREF = re.compile(r"#(?:fnref|cite_ref|footnote-ref)", re.IGNORECASE)
_NOTE_HREF = re.compile(r"#(?:fn|cite_note|footnote)", re.IGNORECASE)
_TRAILING_NUMBER = re.compile(r"(\d{1,6})\Z")
_ID_PREFIX = re.compile(r"(?:cite_note-|fn[:\-_]?|footnote[:\-_]?|note[:\-_]?)", re.IGNORECASE)


def _classes(attrs: Attrs) -> set[str]:
    return set((attrs.get("class") or "").lower().split()[:32])


def _types(attrs: Attrs) -> set[str]:
    """ARIA `role` and EPUB `epub:type` tokens."""
    words = f"{attrs.get('role') or ''} {attrs.get('epub:type') or ''}".lower().split()
    return set(words[:32])


def is_notes_container(tag: str, attrs: Attrs) -> bool:
    """A notes list: `<section class="footnotes">`, `<ol class="references">`, ..."""
    if tag not in _CONTAINER_TAGS:
        return False
    return bool(_classes(attrs) & _CONTAINER_CLASSES or _types(attrs) & _CONTAINER_TYPES)


def is_note(tag: str, attrs: Attrs, in_container: bool, anchors: Mapping[str, str]) -> bool:
    """One note: an item of a notes list, an element marked as a note, or a marker's target."""
    if _types(attrs) & _NOTE_TYPES:
        return True
    if tag == "li" and in_container:
        return True
    element_id = attrs.get("id")
    return tag in ("li", "p", "dd", "aside") and element_id is not None and element_id in anchors


def note_id(element_id: str | None, anchors: Mapping[str, str], ordinal: int) -> str | None:
    """The id a note is cited by: the number its markers show, else the one in its anchor.

    `cite_note-Smith2020-3` and `fn:3` are note 3; a note no marker names and
    whose anchor holds no number is keyed by its position in the list.
    """
    if element_id:
        if element_id in anchors:
            return anchors[element_id]
        number = _TRAILING_NUMBER.search(element_id[:200])
        if number:
            return str(int(number.group(1)))
    if ordinal > 0:
        return str(ordinal)
    if element_id:
        bare = _ID_PREFIX.sub("", element_id[:64], count=1).strip()
        return bare or None
    return None


def is_backlink(tag: str, attrs: Attrs, in_note: bool) -> bool:
    """A link (or its wrapper) from a note back to its marker: `^`, `↩︎`; never text or a target."""
    if "doc-backlink" in _types(attrs) or _classes(attrs) & _BACKLINK_CLASSES:
        return True
    href = attrs.get("href") or ""
    return in_note and tag == "a" and _BACK_HREF.match(href) is not None


def is_noteref(attrs: Attrs) -> bool:
    """A link marked as a note reference (so bare digits `1` in it are a marker)."""
    if "doc-noteref" in _types(attrs) or _classes(attrs) & _NOTEREF_CLASSES:
        return True
    href = attrs.get("href") or ""
    return _NOTE_HREF.match(href) is not None
