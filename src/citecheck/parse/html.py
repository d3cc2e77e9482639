"""HTML articles → blocks of visible text mapped back into the HTML source.

Uses the standard library's `html.parser`, which reports the line and column of
every token; with `convert_charrefs=False` text arrives as raw slices of the
source, so each visible character maps to its offset (an entity's characters
map to the whole entity). Script, style, head, nav and similar elements are
skipped; `<sup>1</sup>` footnote numbers become markers spanning the element.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from citecheck.parse.blocks import Block, BlockKind, Directive, parse_directive
from citecheck.parse.frontmatter import hide_front_matter
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

    # Positions ---------------------------------------------------------------
    def _pos(self) -> int:
        line, col = self.getpos()
        idx = min(max(line - 1, 0), len(self.line_starts) - 1)
        return self.line_starts[idx] + col

    def tag_end(self, start: int) -> int:
        text = self.get_starttag_text()
        return start + len(text) if text else start

    # Blocks ------------------------------------------------------------------
    def flush(self) -> None:
        if len(self.builder):
            built = self.builder.build()
            if built.text.strip():
                kind: BlockKind = self.kinds[-1][1] if self.kinds else "paragraph"
                self.blocks.append(
                    Block(
                        kind,
                        built,
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
        if tag in _SKIP or (tag not in _VOID and _hidden(attrs)):
            self.skip_tag, self.skip_depth = tag, 1
            self.gap = True
            return
        if tag in _BLOCK_KIND or tag in _BREAKS:
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
            return
        if tag == "br":
            end = self.tag_end(start)
            self.builder.add_text("\n", start, end)
        elif tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)
        elif tag in ("img", "wbr", "input"):
            self.gap = True
        elif tag == "sup":
            self.sup_start = start
            self.sup_builder = self.builder
            self.sup_parts = len(self.builder.parts)
            self.sup_chars = len(self.builder)

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
        if tag == "sup" and self.sup_start is not None:
            self._sup_marker(self.sup_start, self._pos() + len(tag) + 3)
            self.sup_start = None
            return
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
