"""`parse_article`: article text → claims with markers, exact spans and references.

The steps, each in its own module: detect the format and read blocks of mapped
plain text (`formats`, `html`), take out the reference list (`references`),
split each block into claims and attribute markers (`claims`, `markers`,
`sentences`), then apply inline suppressions (`suppressions`). Offsets always
index the original string; lines and columns come from one line-start table.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field

from citecheck.config import Options
from citecheck.errors import InvalidInputError
from citecheck.lang import Language, get_language
from citecheck.parse.blocks import Block, Directive
from citecheck.parse.claims import ClaimLimitError, RawClaim, block_claims
from citecheck.parse.display import visible_text
from citecheck.parse.formats import Format, detect_format, read_text
from citecheck.parse.frontmatter import find_front_matter
from citecheck.parse.html import read_html
from citecheck.parse.markers import FoundMarker
from citecheck.parse.model import ParsedArticle, ParsedClaim
from citecheck.parse.references import collect_references
from citecheck.parse.scope import Statements, apply_scope
from citecheck.parse.suppressions import apply_suppressions
from citecheck.parse.textmap import MappedText
from citecheck.report import Marker

__all__ = ["parse_article"]

#: How much of the preceding text of a paragraph a claim carries as context.
CONTEXT_CHARS = 1000


class _Lines:
    """1-based line and column of an offset, by bisecting a line-start table."""

    def __init__(self, text: str) -> None:
        # Lines end at \r\n, \r or \n, as editors and the renderers count them.
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", text)]

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def _read(text: str, fmt: str, language: Language) -> tuple[list[Block], list[Directive], Format]:
    if fmt == "html":
        try:
            blocks, directives = read_html(text)
        except Exception:  # html.parser can trip on broken markup; read it as text instead
            blocks, directives = read_text(text, "text", language)
            return blocks, directives, "text"
        return blocks, directives, "html"
    if fmt == "markdown":
        blocks, directives = read_text(text, "markdown", language)
        return blocks, directives, "markdown"
    blocks, directives = read_text(text, "text", language)
    return blocks, directives, "text"


def _too_many_claims(limit: int, lines: _Lines, block: Block, offset: int) -> InvalidInputError:
    """The error for an article with more than `limit` claims, saying where it went over."""
    offsets = block.text.offsets
    line, column = lines.locate(offsets[min(offset, len(offsets) - 1)] if offsets else block.start)
    return InvalidInputError(
        f"the article has more than {limit:,} claims (option max_claims); claim "
        f"{limit + 1:,} starts at line {line}, column {column}: split the article, or raise "
        "the limit"
    )


def _marker(article: str, mapped: MappedText, found: FoundMarker) -> Marker:
    start, end = mapped.span(found.start, found.end)
    return Marker(
        text=article[start:end], start=start, end=end, ids=list(found.ids), kind=found.kind
    )


@dataclass(slots=True)
class _Staged:
    block: Block
    raw: RawClaim
    paragraph: int
    context: str
    extra: list[tuple[Marker, tuple[str, ...]]] = field(default_factory=list)


def parse_article(
    text: str,
    options: Options | None = None,
    language: Language | None = None,
    statements: Statements | None = None,
) -> ParsedArticle:
    """Split `text` into claims (sentences, or clauses before mid-sentence markers).

    Marker scope (`options.marker_scope`) is applied here, so every claim's `citations`
    are final; `statements` says which unmarked claims are statements (only those
    inherit a later marker; by default all do).
    """
    opts = options or Options()
    return scoped(read_claims(text, opts, language), opts, statements)


def scoped(
    parsed: ParsedArticle, options: Options, statements: Statements | None = None
) -> ParsedArticle:
    """`parsed` with marker scope applied (see `parse/scope.py`)."""
    claims = apply_scope(parsed.claims, options.marker_scope, statements)
    return dataclasses.replace(parsed, claims=claims)


def read_claims(
    text: str, options: Options | None = None, language: Language | None = None
) -> ParsedArticle:
    """The claims of `text` with their own markers, before marker scope is applied."""
    if not isinstance(text, str):
        raise InvalidInputError(f"the article must be text (str), got {type(text).__name__}")
    opts = options or Options()
    lang = language or get_language(opts.language)
    fmt = detect_format(text) if opts.format == "auto" else opts.format
    blocks, directives, used = _read(text, fmt, lang)
    display = visible_text(blocks, text) if used == "html" else None
    blocks, references = collect_references(blocks, lang)
    lines = _Lines(text)

    staged: list[_Staged] = []
    paragraph = -1
    for block in blocks:
        try:
            raws, orphans = block_claims(
                block, opts.max_marker_range, lang, limit=opts.max_claims - len(staged)
            )
        except ClaimLimitError as over:
            raise _too_many_claims(opts.max_claims, lines, block, over.offset) from None
        if orphans and staged:  # bare markers with no sentence cover the claim before them
            staged[-1].extra.extend((_marker(text, block.text, m), m.notes) for m in orphans)
        if not raws:
            continue
        paragraph += 1
        context = ""
        for raw in raws:
            staged.append(_Staged(block, raw, paragraph, context))
            context = (context + " " + raw.text).strip()[-CONTEXT_CHARS:]

    spans = [st.block.text.span(st.raw.start, st.raw.end) for st in staged]
    extents = [(st.block.start, st.block.end) for st in staged]
    reasons, unused = apply_suppressions(text, spans, extents, directives, lines.locate)
    claims: list[ParsedClaim] = []
    for st, (start, end), reason in zip(staged, spans, reasons, strict=True):
        raw = st.raw
        found = [(_marker(text, st.block.text, m), m.notes) for m in raw.markers] + st.extra
        markers = tuple(m for m, _ in found)
        end = max([end, *(m.end for m in markers)])
        start = min([start, *(m.start for m in markers)])
        line, column = lines.locate(start)
        end_line, end_column = lines.locate(end)
        notes = tuple(n for _, ns in found for n in ns)
        claims.append(
            ParsedClaim(
                index=len(claims),
                text=raw.text,
                start=start,
                end=end,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                paragraph=st.paragraph,
                kind=raw.kind,
                markers=markers,
                citation_needed=any(m.kind == "citation_needed" for m in markers),
                context=st.context,
                suppressed=reason,
                notes=notes,
            )
        )
    front = find_front_matter(text)
    return ParsedArticle(
        text=text,
        format=used,
        claims=claims,
        references=references,
        title=front.title if front else None,
        unused_suppressions=unused,
        display=display,
    )
