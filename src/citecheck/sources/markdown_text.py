"""The plain text of a Markdown document: what a reader sees, without the markup."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

_BLOCK_ENDS = frozenset(
    {"paragraph_close", "heading_close", "blockquote_close", "list_item_close", "table_close"}
)


def markdown_text(source: str) -> tuple[str, str | None]:
    """Plain text (one block per paragraph, links as their text) and the first `# title`."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    parts: list[str] = []
    for token in tokens:
        if token.type == "inline":
            parts.append(_inline_text(token.children or []))
        elif token.type in ("fence", "code_block"):
            parts.append(token.content.rstrip("\n"))
            parts.append("\n\n")
        elif token.type in ("th_close", "td_close"):
            parts.append(" ")
        elif token.type == "tr_close":
            parts.append("\n")
        elif token.type in _BLOCK_ENDS:
            parts.append("\n\n")
    lines = [line.strip() for line in "".join(parts).split("\n")]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip(), _title(tokens)


def _title(tokens: list[Any]) -> str | None:
    for first, inline in pairwise(tokens):
        if first.type == "heading_open" and first.tag == "h1" and inline.type == "inline":
            title = " ".join(_inline_text(inline.children or []).split())
            if title:
                return title
    return None


def _inline_text(children: list[Any]) -> str:
    out: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "image":
            out.append(_inline_text(child.children or []))
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)
