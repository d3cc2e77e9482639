"""Scaffolding parser (to be replaced): regex sentences and `[n]` markers."""

from __future__ import annotations

import re

from citecheck.config import Options
from citecheck.parse.model import ParsedArticle, ParsedClaim
from citecheck.report import Marker

_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
_SENT = re.compile(r"[^.!?\n]+[.!?]?(?:\s*\[\d+(?:\s*,\s*\d+)*\])*")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    breaks = list(re.finditer(r"\r\n|\r|\n", text[:offset]))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - start + 1


def parse_article(text: str, options: Options | None = None) -> ParsedArticle:
    claims: list[ParsedClaim] = []
    paragraph = 0
    for block in re.finditer(r"(?:(?!\n\s*\n).)+", text, re.S):
        for m in _SENT.finditer(block.group()):
            raw = m.group()
            if not raw.strip():
                continue
            start = block.start() + m.start() + (len(raw) - len(raw.lstrip()))
            end = block.start() + m.end()
            markers = tuple(
                Marker(
                    text=mm.group(),
                    start=block.start() + m.start() + mm.start(),
                    end=block.start() + m.start() + mm.end(),
                    ids=[s.strip() for s in mm.group(1).split(",")],
                )
                for mm in _MARKER.finditer(raw)
            )
            plain = " ".join(_MARKER.sub("", raw).split())
            line, col = _line_col(text, start)
            eline, ecol = _line_col(text, end)
            claims.append(
                ParsedClaim(
                    index=len(claims),
                    text=plain,
                    start=start,
                    end=end,
                    line=line,
                    column=col,
                    end_line=eline,
                    end_column=ecol,
                    paragraph=paragraph,
                    markers=markers,
                )
            )
        paragraph += 1
    return ParsedArticle(text=text, format="text", claims=claims)
