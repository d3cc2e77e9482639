"""HTML articles → blocks of visible text mapped back into the HTML source.

Uses the standard library's `html.parser`, which reports the line and column of
every token; with `convert_charrefs=False` text arrives as raw slices of the
source, so each visible character maps to its offset (an entity's characters
map to the whole entity). Script, style, head, nav and similar elements are
skipped; `<sup>1</sup>` footnote numbers become markers spanning the element.
Footnotes as MediaWiki, Pandoc, markdown-it and Hugo write them (`htmlnotes`)
become reference blocks keyed by the number their markers show; backlinks are
skipped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from citecheck.parse.blocks import Block, BlockKind, Directive, parse_directive
from citecheck.parse.frontmatter import hide_front_matter
from citecheck.parse.htmlnotes import (
    is_backlink,
    is_note,
    is_noteref,
    is_notes_container,
    note_id,
)
from citecheck.parse.sentences import normalize_for_scan
from citecheck.parse.textmap import TextBuilder

__all__ = ["read_html"]

_SKIP = frozenset(
    {"script", "style", "head", "title", "nav", "noscript", "template", "svg", "math"}
    | {"iframe", "object", "button", "select", "textarea", "form", "footer"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    """Elements a reader never sees: `hidden`, `aria-hidden="true"`, `display: none`."""
    for name, value in attrs:
        if name == "hidden":
            return True
        if name == "aria-hidden" and (value or "").strip().lower() == "true":
            return True
        if name == "style" and re.search(r"display\s*:\s*none", value or "", re.IGNORECASE):
            return True
    return False


_BLOCK_KIND: dict[str, BlockKind] = {
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "blockquote": "quote",
    "pre": "code",
    "td": "table_cell",
    "th": "table_cell",
    "caption": "paragraph",
    "figcaption": "paragraph",
    "p": "paragraph",
}
_BREAKS = frozenset(
    {"address", "article", "aside", "body", "div", "dl", "fieldset", "figure", "footer"}
    | {"header", "hr", "html", "main", "ol", "section", "table", "tbody", "thead", "tfoot"}
    | {"tr", "ul", "details", "summary"}
)
_WORD = re.compile(r"\w")
_MAX_DEPTH = 256  # deeper nesting of block elements is not tracked (bounded work per tag)
_SUP_MARKER = re.compile(r"\s*\[?\s*(\d{1,6}(?:\s*[,\-–]\s*\d{1,6})*)\s*\]?\s*\Z")


@dataclass(slots=True)
class _OpenLink:
    """An `<a>` being read: where it started, and the text built before it."""

    start: int
    href: str
    noteref: bool
    builder: TextBuilder
    parts: int
    chars: int


class _Reader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.blocks: list[Block] = []
        self.directives: list[Directive] = []
        self.builder = TextBuilder()
        self.kinds: list[tuple[str, BlockKind]] = []
        self.skip_depth = 0
        self.skip_tag: str | None = None
        self.links: list[str] = []
        self.ol_counters: list[int] = []
        self.ordinal = 0
        self.block_start = 0
        self.sup_start: int | None = None
        self.sup_builder: TextBuilder | None = None
        self.sup_parts = 0
        self.sup_chars = 0
        self.in_code = 0
        self.gap = False
        # Footnotes: marker anchors (`cite_note-3` → "3"), the open link, notes list and note.
        self.anchors: dict[str, str] = {}
        self.link: _OpenLink | None = None
        self.sup_href: str | None = None
        self.notes_tag: str | None = None
        self.notes_depth = 0
        self.note_tag: str | None = None
        self.note_depth = 0
        self.note_lists = 0
        self.note_id: str | None = None

    # Positions ---------------------------------------------------------------
    def _pos(self) -> int:
        line, col = self.getpos()
        idx = min(max(line - 1, 0), len(self.line_starts) - 1)
        return self.line_starts[idx] + col

    def tag_end(self, start: int) -> int:
        text = self.get_starttag_text()
        return start + len(text) if text else start

    def _end_tag_end(self) -> int:
        """Just past the end tag being handled (`</a >` included)."""
        pos = self._pos()
        close = self.source.find(">", pos, pos + 300)
        return close + 1 if close >= 0 else pos

    # Blocks ------------------------------------------------------------------
    def flush(self) -> None:
        if len(self.builder):
            built = self.builder.build()
            if built.text.strip():
                kind: BlockKind = self.kinds[-1][1] if self.kinds else "paragraph"
                if self.note_id is not None:
                    kind = "reference"
                self.blocks.append(
                    Block(
                        kind,
                        built,
                        ref_id=self.note_id,
                        url=self.links[0] if self.links else None,
                        ordinal=self.ordinal if kind == "list_item" else 0,
                        start=self.block_start,
                        end=self._pos(),
                        links=list(self.links),
                    )
                )
        self.builder = TextBuilder()
        self.links = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._pos()
        if self.skip_depth:
            if not self._implicitly_closes(tag):
                if tag == self.skip_tag:
                    self.skip_depth += 1
                return
            self.skip_depth, self.skip_tag = 0, None
        named = dict(attrs)
        if (
            tag in _SKIP
            or (tag not in _VOID and _hidden(attrs))
            or is_backlink(tag, named, self.note_tag is not None)
        ):
            self.skip_tag, self.skip_depth = tag, 1
            self.gap = True
            return
        if self.notes_tag is not None and tag == self.notes_tag:
            self.notes_depth += 1
        elif self.notes_tag is None and tag not in _VOID and is_notes_container(tag, named):
            self.notes_tag, self.notes_depth = tag, 1
        if tag in _BLOCK_KIND or tag in _BREAKS:
            if self.note_tag is not None:
                if self._inside_note(tag):
                    self._soft_break(start)
                    return
                self._end_note()
            self.flush()
            self.block_start = start
            if tag in ("ol", "ul"):
                self.ol_counters.append(0 if tag == "ol" else -1)
            if tag == "li" and self.ol_counters and self.ol_counters[-1] >= 0:
                self.ol_counters[-1] += 1
                self.ordinal = self.ol_counters[-1]
            elif tag == "li":
                self.ordinal = 0
            if tag in _BLOCK_KIND and len(self.kinds) < _MAX_DEPTH:
                # Each entry carries the innermost non-paragraph kind so far (<li><p> is an item).
                kind = _BLOCK_KIND[tag]
                if kind == "paragraph" and self.kinds:
                    kind = self.kinds[-1][1]
                self.kinds.append((tag, kind))
            if is_note(tag, named, self.notes_tag is not None, self.anchors):
                ordinal = self.ordinal if tag == "li" else 0
                ref_id = note_id(named.get("id"), self.anchors, ordinal)
                if ref_id is not None:
                    self.note_tag, self.note_depth, self.note_lists = tag, 1, 0
                    self.note_id = ref_id
            return
        if tag == "br":
            end = self.tag_end(start)
            self.builder.add_text("\n", start, end)
        elif tag == "a":
            href = named.get("href")
            if href:
                self.links.append(href)
            b = self.builder
            self.link = _OpenLink(start, href or "", is_noteref(named), b, len(b.parts), len(b))
            if self.sup_start is not None and href and href.startswith("#"):
                self.sup_href = href
        elif tag in ("img", "wbr", "input"):
            self.gap = True
        elif tag == "sup":
            self.sup_start = start
            self.sup_builder = self.builder
            self.sup_parts = len(self.builder.parts)
            self.sup_chars = len(self.builder)
            link = self.link
            self.sup_href = link.href if link and link.href.startswith("#") else None

    # Footnotes ---------------------------------------------------------------
    def _inside_note(self, tag: str) -> bool:
        """Whether a block start tag stays inside the open note (else the note ends before it)."""
        if self.note_tag == "p" or (tag == "li" and self.note_tag == "li" and not self.note_lists):
            return False  # a <p> holds no blocks; a sibling <li>: the last one had no end tag
        if tag in ("ol", "ul"):
            self.note_lists += 1
        if tag == self.note_tag:
            self.note_depth += 1
        return True

    def _soft_break(self, start: int) -> None:
        """A paragraph break inside a note: the note stays one block, its words apart."""
        b = self.builder
        if len(b) and not b.last_char().isspace():
            b.add_text(" ", start, self.tag_end(start))

    def _end_note(self) -> None:
        self.flush()
        self.note_tag, self.note_depth, self.note_lists, self.note_id = None, 0, 0, None

    def _note_end_tag(self, tag: str) -> bool:
        """An end tag inside a note; True when it was only a break inside the note."""
        if tag == self.note_tag:
            self.note_depth -= 1
            if self.note_depth > 0:
                return True
            self._end_note()
            return False
        if tag in ("ol", "ul") and self.note_lists == 0:
            self._end_note()  # the list ends and its last <li> had no </li>
            return False
        if tag in _BLOCK_KIND or tag in _BREAKS:
            if tag in ("ol", "ul"):
                self.note_lists -= 1
            b = self.builder
            if len(b) and not b.last_char().isspace():
                pos = self._pos()
                b.add_text(" ", pos, pos + len(tag) + 3)
            return True
        return False

    def _link_marker(self, end: int) -> None:
        """A note reference link becomes one marker spanning it, and its anchor is remembered.

        `<a href="#fn1"><sup>1</sup></a>`, `<a class="footnote-ref" href="#fn:1">1</a>`.
        """
        link, self.link = self.link, None
        b = self.builder
        if link is None or b is not link.builder or len(b.parts) < link.parts:
            return
        if not link.href.startswith("#") or len(b) - link.chars > 40:
            return
        tail = "".join(b.parts[link.parts :])
        m = _SUP_MARKER.match(tail)
        if not m or not (link.noteref or "[" in tail):
            return
        del b.parts[link.parts :]
        del b.offsets[link.chars :]
        del b.ends[link.chars :]
        b.add_text("[" + m.group(1) + "]", link.start, end)
        self._remember_anchor(link.href, m.group(1))

    def _remember_anchor(self, href: str, ids: str) -> None:
        first = re.match(r"\d+", ids)
        if first and len(self.anchors) < 100_000:
            self.anchors.setdefault(href[1:201], str(int(first.group())))

    def _implicitly_closes(self, tag: str) -> bool:
        """A hidden <p>/<li> ends where the next one (or a block) starts, as in browsers."""
        skip = self.skip_tag
        if skip in ("li", "dt", "dd", "td", "th", "tr") and tag == skip:
            return self.skip_depth == 1
        return skip == "p" and self.skip_depth == 1 and (tag in _BLOCK_KIND or tag in _BREAKS)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.skip_depth:
            start = self._pos()
            self.builder.add_text("\n", start, self.tag_end(start))

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if not self.skip_depth:
                    self.skip_tag = None
                    self.gap = True
            return
        if tag == "a":
            self._link_marker(self._end_tag_end())
            return
        if tag == "sup" and self.sup_start is not None:
            self._sup_marker(self.sup_start, self._end_tag_end())
            self.sup_start = None
            return
        if self.note_tag is not None and self._note_end_tag(tag):
            return
        if self.notes_tag is not None and tag == self.notes_tag:
            self.notes_depth -= 1
            if self.notes_depth == 0:
                if self.note_tag is not None:
                    self._end_note()
                self.notes_tag = None
        if tag in _BLOCK_KIND or tag in _BREAKS:
            self.flush()
            self.block_start = self._pos()
            if tag in ("ol", "ul") and self.ol_counters:
                self.ol_counters.pop()
            if tag in _BLOCK_KIND:
                for i in range(len(self.kinds) - 1, -1, -1):
                    if self.kinds[i][0] == tag:
                        del self.kinds[i:]
                        break

    def _sup_marker(self, start: int, end: int) -> None:
        """`<sup>1</sup>` or `<sup><a>[1]</a></sup>`: rewrite its text as one marker."""
        b = self.builder
        if b is not self.sup_builder or len(b.parts) < self.sup_parts:
            return  # a block boundary inside the <sup>
        tail = "".join(b.parts[self.sup_parts :])
        m = _SUP_MARKER.match(tail)
        if not m or not tail.strip():
            return
        del b.parts[self.sup_parts :]
        del b.offsets[self.sup_chars :]
        del b.ends[self.sup_chars :]
        b.add_text("[" + m.group(1) + "]", start, end)
        if self.sup_href:
            self._remember_anchor(self.sup_href, m.group(1))

    def _separate(self, start: int, data: str) -> None:
        """After skipped content (script, comment, image), keep two words apart."""
        b = self.builder
        if self.gap and len(b) and _WORD.match(data) and _WORD.match(b.last_char()):
            b.add_text(" ", b.ends[-1], start)
        self.gap = False

    def handle_data(self, data: str) -> None:
        if self.skip_depth or not data:
            return
        start = self._pos()
        self._separate(start, data)
        if self.source[start : start + len(data)] == data:
            self.builder.parts.append(normalize_for_scan(data))
            self.builder.offsets.extend(range(start, start + len(data)))
            self.builder.ends.extend(range(start + 1, start + len(data) + 1))
        else:  # position drift (not expected): map one to one, clipped to the source
            n = len(self.source)
            self.builder.parts.append(normalize_for_scan(data))
            self.builder.offsets.extend(min(start + k, n - 1) for k in range(len(data)))
            self.builder.ends.extend(min(start + k + 1, n) for k in range(len(data)))

    def _ref(self, raw: str, value: str) -> None:
        if self.skip_depth:
            return
        start = self._pos()
        end = start + len(raw)
        if self.source[end : end + 1] == ";":
            end += 1
        self.builder.add_text(normalize_for_scan(value), start, end)

    def handle_entityref(self, name: str) -> None:
        raw = f"&{name};"
        value = html.unescape(raw)
        self._ref("&" + name, value if value != raw else "&" + name)

    def handle_charref(self, name: str) -> None:
        value = html.unescape(f"&#{name};")
        self._ref("&#" + name, value)

    def unknown_decl(self, data: str) -> None:
        self.gap = True

    def handle_decl(self, decl: str) -> None:
        self.gap = True

    def handle_pi(self, data: str) -> None:
        self.gap = True

    def handle_comment(self, data: str) -> None:
        start = self._pos()
        self.gap = True
        directive = parse_directive(data, start, start + len(data) + 7)
        if directive is not None:
            self.directives.append(directive)


def _defuse(text: str) -> str:
    """A same-length copy where markup that can never close is plain text.

    html.parser rescans to the end of the input for every `<!--` without a
    `-->` (and every `<` without a `>`) after it: quadratic on hostile input.
    Such openers cannot be markup anyway, so their `<` becomes a space.
    """
    cuts = [
        (text.rfind("-->") + 1, "<!--"),
        (text.rfind("]>") + 1, "<!["),
        (text.rfind(">") + 1, "<"),
    ]
    out = text
    for after, opener in cuts:
        tail = out[after:]
        if opener in tail:
            out = out[:after] + tail.replace(opener, " " + opener[1:])
    return out


def read_html(text: str) -> tuple[list[Block], list[Directive]]:
    """Blocks and directives of an HTML article."""
    fed = _defuse(hide_front_matter(text, text, " "))
    reader = _Reader(fed)
    reader.feed(fed)
    reader.close()
    reader.flush()
    return reader.blocks, reader.directives
