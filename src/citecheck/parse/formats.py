"""Plain text and Markdown → blocks of mapped plain text; format detection.

One line-oriented pass finds the block structure (paragraphs separated by blank
lines, list items, headings, quotes, fenced and indented code, tables, footnote
and link definitions, reference-list entries); a second, per-block pass strips
inline Markdown (emphasis, code spans, links, images, inline tags) by hiding
characters, so every visible character keeps its article offset. HTML comments
are hidden everywhere; `citecheck:` comments among them become directives.
Front matter at the top is hidden too (`frontmatter`).
Plain text takes the same path without the Markdown-only constructs.
"""

from __future__ import annotations

import itertools
import re
from typing import Literal

from citecheck.filetypes import SUFFIX_PATTERN
from citecheck.lang import Language
from citecheck.parse.blocks import Block, BlockKind, Directive, parse_directive, refs_title
from citecheck.parse.frontmatter import find_front_matter, hide_front_matter
from citecheck.parse.sentences import normalize_for_scan
from citecheck.parse.textmap import HIDDEN, TextBuilder

__all__ = ["Format", "detect_format", "read_text"]

Format = Literal["text", "markdown", "html"]

_HTML_HINT = re.compile(
    r"<!doctype\s+html|<html[\s>]|<(?:p|div|article|section|body|h[1-6]|ul|ol|li|table"
    r"|blockquote|main|header|footer|span|br|sup|a\s[^<>]{0,200}href)[\s/>]",
    re.IGNORECASE,
)
_MD_HINT = re.compile(
    r"^\s{0,3}#{1,6}\s+\S|^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+\S|^\s{0,3}```|^\s{0,3}~~~"
    r"|^\s{0,3}>\s|^\s{0,3}\[\^?[^\]\n]{1,100}\]:|\[\^[^\]\s]{1,64}\]|\*\*\S|__\S"
    r"|\[[^\]\n]{1,200}\]\([^)\n]{1,500}\)|^[ \t]*\|[^\n]*\|[ \t]*$|`[^`\n]{1,200}`",
    re.MULTILINE,
)


_HTML_START = re.compile(
    r"\s*(?:<!doctype|<html|<\?xml|<(?:p|div|article|section|h[1-6]|ul|ol|table|blockquote"
    r"|main|header|body)[\s>])",
    re.IGNORECASE,
)


def detect_format(text: str) -> Format:
    """HTML if it looks like an HTML document or fragment, Markdown if it uses Markdown.

    Front matter (`---` / `+++` at the top) is a static-site article: Markdown,
    or HTML when an HTML document follows it.
    """
    head = text[:200_000]
    front = find_front_matter(head)
    if front is not None:
        return "html" if _HTML_START.match(head, front.end) else "markdown"
    if _HTML_START.match(head):
        return "html"
    if len(_HTML_HINT.findall(head[:100_000])) >= 2 and re.search(
        r"</(?:p|div|li|h[1-6]|article|section|body|td)>", head, re.IGNORECASE
    ):
        return "html"
    return "markdown" if _MD_HINT.search(head) else "text"


def _hide_comments(t: str) -> tuple[str, list[Directive]]:
    """`t` with `<!-- ... -->` replaced by HIDDEN characters, and the directives found."""
    pieces: list[str] = []
    directives: list[Directive] = []
    pos = 0
    while True:
        i = t.find("<!--", pos)
        if i < 0:
            break
        j = t.find("-->", i + 4)
        if j < 0:
            break  # unclosed: no later comment can close either
        j += 3
        directive = parse_directive(t[i + 4 : j - 3], i, j)
        if directive is not None:
            directives.append(directive)
        pieces.append(t[pos:i])
        pieces.append(HIDDEN * (j - i))
        pos = j
    pieces.append(t[pos:])
    return "".join(pieces), directives


_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|\Z)")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*\Z")
_HR = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\Z")
_LIST = re.compile(r"([ \t]*)(?:([-*+•])|(\d{1,3})[.)])(?:[ \t]+|\Z)(\[[ xX]\][ \t]+)?")
_QUOTE = re.compile(r"(?: {0,3}>[ \t]?)+")
_ALERT = re.compile(r"[ \t]{0,3}\[!(?:note|tip|important|warning|caution)\][ \t]*\Z", re.IGNORECASE)
_FOOTDEF = re.compile(r" {0,3}\[\^([^\]\s]{1,64})\]:[ \t]*")
_LINKDEF = re.compile(r" {0,3}\[([^\]\^\n][^\]\n]{0,100})\]:[ \t]*(?=\S)")
_ENTRY = re.compile(
    r"[ \t]*(?:[-*+•][ \t]+)?(?:\[\^?([\w.\-]{1,64})\][:.]?|(\d{1,6})[.):])[ \t]+(?=\S)"
)
_LOCATOR = re.compile(
    rf"https?://\S|(?<![\w/.])[\w\-]+(?:/[\w.\-]+)*\.(?:{SUFFIX_PATTERN})\b", re.IGNORECASE
)
_TABLE_DELIM = re.compile(r"[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)*\|?[ \t]*\Z")


class _Scanner:
    """The line pass over a working copy of the article (same length)."""

    def __init__(self, work: str, markdown: bool, language: Language) -> None:
        self.language = language
        self.w = work
        self.md = markdown
        self.blocks: list[Block] = []
        self.kind: BlockKind | None = None
        self.lines: list[tuple[int, int]] = []
        self.ref_id: str | None = None
        self.ordinal = 0

    def flush(self) -> None:
        if self.kind is not None and self.lines:
            builder = TextBuilder()
            for n, (a, b) in enumerate(self.lines):
                if n:
                    builder.add_text("\n", a - 1, a)
                builder.add_source(self.w, a, b)
            self.blocks.append(
                Block(
                    self.kind,
                    builder.build(),
                    ref_id=self.ref_id,
                    ordinal=self.ordinal,
                    start=self.lines[0][0],
                    end=self.lines[-1][1],
                )
            )
        self.kind, self.lines, self.ref_id, self.ordinal = None, [], None, 0

    def start(self, kind: BlockKind, a: int, b: int, ref_id: str | None = None) -> None:
        self.flush()
        self.kind, self.lines, self.ref_id = kind, [(a, b)], ref_id

    def single(self, kind: BlockKind, a: int, b: int) -> None:
        self.start(kind, a, b)
        self.flush()

    def run(self) -> list[Block]:
        w = self.w
        n = len(w)
        pos = 0
        fence: str | None = None
        in_refs = False
        prev_blank = True
        in_table = False
        while pos <= n:
            nl = w.find("\n", pos)
            le = n if nl < 0 else nl
            ls = pos
            pos = le + 1
            line = w[ls:le].replace(HIDDEN, " ")
            blank = not line.strip()
            if fence is not None:
                m = _FENCE.match(line)
                if (
                    m
                    and m.group(1)[0] == fence[0]
                    and len(m.group(1)) >= len(fence)
                    and not line[m.end() :].strip()
                ):
                    self.flush()
                    fence = None
                    prev_blank = True
                    continue
                if self.kind != "code":
                    self.start("code", ls, le)
                else:
                    self.lines.append((ls, le))
                continue
            if blank:
                if self.kind != "code" or not self.md:
                    self.flush()
                elif self.kind == "code":
                    self.lines.append((ls, le))
                prev_blank = True
                in_table = False
                if nl < 0:
                    break
                continue
            in_refs, in_table, fence = self._structure(line, ls, le, prev_blank, in_refs, in_table)
            prev_blank = False
            if nl < 0:
                break
        self.flush()
        return self.blocks

    def _structure(
        self, line: str, ls: int, le: int, prev_blank: bool, in_refs: bool, in_table: bool
    ) -> tuple[bool, bool, str | None]:
        """Classify one non-blank line; the new (in_refs, in_table, open fence)."""
        fence: str | None = None
        stripped = line.strip()
        md = self.md
        # Indented code (Markdown): after a blank line, outside any block.
        indented = line.startswith(("    ", "\t"))
        if md and indented and (self.kind == "code" or (prev_blank and self.kind is None)):
            if self.kind != "code":
                self.start("code", ls, le)
            else:
                self.lines.append((ls, le))
            return (in_refs, in_table, None)
        if self.kind == "code" and md:
            self.flush()
        if md and (m := _FENCE.match(line)):
            self.flush()
            fence = m.group(1)
            self.kind, self.lines = "code", []
            return (in_refs, False, fence)
        if refs_title(stripped, self.language) and (
            prev_blank or self.kind is None or self.kind == "heading"
        ):
            self.flush()
            lead = re.match(r"[\s#]*", line)
            a = ls + (lead.end() if lead else 0)
            self.single("heading", a, ls + len(line.rstrip(" \t#")))
            return (True, False, None)
        if m := _FOOTDEF.match(line):
            self.start("reference", ls + m.end(), le, ref_id=m.group(1))
            return (in_refs, False, None)
        if (m := _LINKDEF.match(line)) and _definition_target(m.group(1), line[m.end() :]):
            self.start("reference", ls + m.end(), le, ref_id=m.group(1).strip())
            return (in_refs, False, None)
        if (m := _ENTRY.match(line)) and (
            in_refs or (m.group(1) and m.group(1)[0].isdigit() and _LOCATOR.search(line))
        ):
            self.start("reference", ls + m.end(), le, ref_id=m.group(1) or m.group(2))
            return (in_refs, False, None)
        if md and (m := _ATX.match(line)):
            end = len(line.rstrip())
            closing = re.search(r"[ \t]+#+[ \t]*\Z", line)
            if closing:
                end = closing.start()
            self.flush()
            if ls + m.end() < ls + end:
                self.single("heading", ls + m.end(), ls + end)
            return (False, False, None)
        if md and self.kind == "paragraph" and len(self.lines) == 1 and _SETEXT.match(line):
            self.kind = "heading"
            self.flush()
            return (False, False, None)
        if _HR.match(line):
            self.flush()
            return (in_refs and not md, False, None)
        if md and "|" in line:
            nxt_end = self.w.find("\n", le + 1)
            nxt = self.w[le + 1 : len(self.w) if nxt_end < 0 else nxt_end]
            if in_table or (_TABLE_DELIM.match(nxt) and "-" in nxt):
                self.flush()
                if not _TABLE_DELIM.match(line):
                    self._table_row(line, ls)
                return (False, True, None)
        if m := _LIST.match(line):
            self.start("list_item", ls + m.end(), le)
            if m.group(3):
                self.ordinal = int(m.group(3)[:9])
            return (in_refs, False, None)
        if md and (m := _QUOTE.match(line)):
            if self.kind != "quote" and _ALERT.match(line, m.end()):
                # A GitHub alert's `[!NOTE]` line is a label, not text: the quote starts after it.
                self.flush()
                self.kind = "quote"
            elif self.kind == "quote":
                self.lines.append((ls + m.end(), le))
            else:
                self.start("quote", ls + m.end(), le)
            return (in_refs, False, None)
        # A continuation line or the first line of a paragraph.
        if self.kind in ("paragraph", "list_item", "quote", "reference"):
            if self.kind == "reference" and prev_blank:
                self.start("paragraph", ls, le)
                return (False, False, None)
            self.lines.append((ls, le))
        else:
            self.start("paragraph", ls, le)
            in_refs = in_refs and not prev_blank
        return (in_refs, False, None)

    def _table_row(self, line: str, ls: int) -> None:
        bar = [i for i, c in enumerate(line) if c == "|" and (i == 0 or line[i - 1] != "\\")]
        bounds = [-1, *bar, len(line)]
        for a, b in itertools.pairwise(bounds):
            cell = line[a + 1 : b]
            if cell.strip():
                lead = len(cell) - len(cell.lstrip())
                self.single("table_cell", ls + a + 1 + lead, ls + a + 1 + len(cell.rstrip()))


def _definition_target(label: str, rest: str) -> bool:
    """`[1]: ...` is always a definition; `[name]: ...` only when a URL or path follows."""
    if _NUMERIC.match(label):
        return True
    return (
        re.match(
            r"<?(?:[a-z][a-z0-9+.\-]{1,20}:|www\.|\.{0,2}/|[\w\-]+(?:/[\w.\-]+)*\.\w{1,5}\b)", rest
        )
        is not None
    )


# Inline Markdown -------------------------------------------------------------

_CODE_SPAN = re.compile(r"(?<!`)(`{1,3})(?!`)(.{1,2000}?)(?<!`)\1(?!`)", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_LINK = re.compile(
    r"\[((?:[^\[\]\n]|\[[^\[\]\n]{0,60}\]){0,500})\]\((?P<url>[^()\s]{0,2000})(?:\s+\"[^\"\n]{0,300}\")?\)"
)
_REFLINK = re.compile(r"\[([^\[\]\n]{1,500})\]\[([^\[\]\n]{0,100})\]")
_BARE_URL = re.compile(r"https?://[^\s<>\"'\]\[]{1,2000}", re.IGNORECASE)
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^<>\s]{1,2000}>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9\-]{0,30}(?:\s[^<>\n]{0,300})?/?>")
_SUP_NUMBER = re.compile(r"<sup>\s{0,3}\[?\s{0,3}[0-9][0-9 ,\-–]{0,60}\]?\s{0,3}</sup>")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_EMPH_OPEN = re.compile(r"(?<![\w*_~\\])(\*{1,3}|_{1,3}|~~)(?=[^\s*_~])")
_EMPH_CLOSE = re.compile(r"(?<=[^\s*_~\\])(\*{1,3}|_{1,3}|~~)(?![\w*_~])")
_NUMERIC = re.compile(r"\s*\^?[\d\s,;\-–—]+\Z")


def strip_inline(block: Block) -> Block:
    """Hide inline Markdown in a block; fills `protected` (code spans blanked) and `url`."""
    text = block.text.text
    hide: list[tuple[int, int]] = []
    scan = list(text)
    for m in _CODE_SPAN.finditer(text):
        hide.append((m.start(), m.start(1) + len(m.group(1))))
        hide.append((m.end() - len(m.group(1)), m.end()))
        for i in range(m.start(2), m.end(2)):
            scan[i] = "\x01"
    work = "".join(scan)
    links: list[str] = []
    for m in _IMAGE.finditer(work):
        hide.append(m.span())
    for m in _LINK.finditer(work):
        if work[m.start() - 1 : m.start()] == "!":
            continue
        hide.append((m.start(), m.start() + 1))
        hide.append((m.end(1), m.end()))
        links.append(m.group("url"))
    for m in _REFLINK.finditer(work):
        if _NUMERIC.match(m.group(1)):
            continue  # [1][2]: two markers
        hide.append((m.start(), m.start() + 1))
        hide.append((m.end(1), m.end()))
    for m in _AUTOLINK.finditer(work):
        hide.append((m.start(), m.start() + 1))
        hide.append((m.end() - 1, m.end()))
        links.append(m.group()[1:-1])
    in_sup = bytearray(len(work) + 1)  # `<sup>1</sup>` is a marker: keep its tags
    for m in _SUP_NUMBER.finditer(work):
        in_sup[m.start()] = in_sup[m.end() - 6] = 1
    for m in _TAG.finditer(work):
        if not in_sup[m.start()]:
            hide.append(m.span())
    for m in _ESCAPE.finditer(work):
        hide.append(m.span())
    in_url = bytearray(len(work) + 1)  # `_`, `*` and `~` inside a bare URL are the URL's
    for m in _BARE_URL.finditer(work):
        end = m.end()
        while end > m.start() and work[end - 1] in "*_~":
            end -= 1  # `**https://x.org**`: the closing emphasis is not the URL's
        in_url[m.start() : end] = b"\x01" * (end - m.start())
    for rx in (_EMPH_OPEN, _EMPH_CLOSE):
        for m in rx.finditer(work):
            if not in_url[m.start()]:
                hide.append(m.span())
    # The protected copy (code spans blanked) follows the same hiding.
    mapped, protected = block.text.hide_pair(hide, work)
    block.text = mapped
    block.protected = protected
    block.links = links
    block.url = links[0] if links else None
    return block


def read_text(
    text: str, fmt: Literal["text", "markdown"], language: Language
) -> tuple[list[Block], list[Directive]]:
    """Blocks and directives of a plain-text or Markdown article."""
    work = hide_front_matter(text, normalize_for_scan(text), HIDDEN)
    work, directives = _hide_comments(work)
    blocks = _as_headlines(_Scanner(work, fmt == "markdown", language).run())
    if fmt == "markdown":
        blocks = [b if b.kind == "code" else strip_inline(b) for b in blocks]
    return blocks, directives


_HEADLINE_MAX_WORDS = 14
_SENTENCE_END = tuple(".!?…:;\"'”’)]")


def _as_headlines(blocks: list[Block]) -> list[Block]:
    """Plain-text headlines and bylines become headings, which need no source.

    A one-line paragraph of a few words without closing punctuation, with more text
    after it, is a title ("Port reports record volumes") or a byline ("By the Economy
    Desk"), not a sentence that states a fact. A line with a marker or a bracket is
    left alone: it cites something, so it is a claim.
    """
    for block in blocks[:-1]:
        text = block.text.text.strip()
        if (
            block.kind == "paragraph"
            and text
            and "\n" not in text
            and "[" not in text
            and not text.endswith(_SENTENCE_END)
            and len(text.split()) <= _HEADLINE_MAX_WORDS
        ):
            block.kind = "heading"
    return blocks
