"""Front matter: the YAML (`---`) or TOML (`+++`) header of a static-site article.

Jekyll, Hugo, Eleventy and most newsroom CMS exports start an article with a
metadata block. It is not prose, so the format readers hide it (same length,
so every later offset is unchanged), and its `title` becomes
`ParsedArticle.title`. Only the top of the article counts: after an optional
UTF-8 BOM and blank lines, a `---`/`+++` line, then the closing fence within
`MAX_LINES` lines and `MAX_CHARS` characters. A `---` anywhere later is a
thematic break. Nothing is executed: TOML is read with `tomllib`, and for YAML
only a top-level `title:` scalar is read, by hand.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Literal

__all__ = ["FrontMatter", "find_front_matter", "hide_front_matter"]

#: The closing fence must come within this many lines / characters of the opening one.
MAX_LINES = 1000
MAX_CHARS = 64_000

_EOL = re.compile(r"\r\n|\r|\n")
# A top-level YAML key line: `title: ...`, `date:`, `"tags":`; no spaces in the key, so a
# prose line such as "The minister said: no." is not one.
_YAML_KEY = re.compile(
    r"""(?:[A-Za-z_][\w\-.]{0,100}|"[^"\n]{1,100}"|'[^'\n]{1,100}'):(?:[ \t]|\Z)"""
)
_YAML_TITLE = re.compile(r"""(?:title|"title"|'title'):(?:[ \t]+|\Z)""")
_BLOCK_SCALAR = re.compile(r"[|>][+\-]?[1-9]?[+\-]?[ \t]*(?:#.*)?\Z")
_YAML_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
    "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_LEN = {"x": 2, "u": 4, "U": 8}
_HEX = re.compile(r"[0-9a-fA-F]+")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """Where the front matter stands (`start`..`end`, fences included) and its title."""

    kind: Literal["yaml", "toml"]
    start: int  # offset of the opening fence
    end: int  # offset just past the closing fence (before its line break)
    title: str | None


def _lines(text: str, pos: int) -> tuple[int, int]:
    """End of the line starting at `pos`, and the start of the next one (or len(text))."""
    m = _EOL.search(text, pos)
    return (m.start(), m.end()) if m else (len(text), len(text))


def find_front_matter(text: str) -> FrontMatter | None:
    """The front matter at the top of `text`, if it has one."""
    pos = 1 if text.startswith("\ufeff") else 0
    while True:  # leading blank lines
        eol, nxt = _lines(text, pos)
        if nxt == eol or text[pos:eol].strip(" \t"):
            break
        pos = nxt
    fence = text[pos:eol].rstrip(" \t")
    if fence not in ("---", "+++") or nxt == eol:
        return None
    start, body_start = pos, nxt
    closers = ("---", "...") if fence == "---" else ("+++",)
    line_start = body_start
    for _ in range(MAX_LINES):
        if line_start - body_start > MAX_CHARS or line_start >= len(text):
            return None
        eol, nxt = _lines(text, line_start)
        if text[line_start:eol].rstrip(" \t") in closers:
            body = text[body_start:line_start]
            if fence == "+++":
                return FrontMatter("toml", start, eol, _toml_title(body))
            if not _looks_like_yaml(body):
                return None
            return FrontMatter("yaml", start, eol, _yaml_title(body))
        if nxt == eol:
            return None
        line_start = nxt
    return None


def hide_front_matter(text: str, work: str, placeholder: str) -> str:
    """`work` (a same-length copy of `text`) with the front matter of `text` hidden.

    Its characters become `placeholder`; line breaks are kept, so readers that
    count lines still agree with the article.
    """
    front = find_front_matter(text)
    if front is None:
        return work
    hidden = "".join(c if c in "\r\n" else placeholder for c in work[front.start : front.end])
    return work[: front.start] + hidden + work[front.end :]


def _looks_like_yaml(body: str) -> bool:
    """Every top-level line is a `key:` line: a page that opens with a rule is not YAML."""
    for line in _EOL.split(body):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or line[:1] in (" ", "\t", "-"):
            continue
        if not _YAML_KEY.match(line):
            return False
    return True


def _toml_title(body: str) -> str | None:
    try:
        data = tomllib.loads(body)
    except (ValueError, RecursionError):  # TOMLDecodeError is a ValueError; deep nesting recurses
        return None
    title = data.get("title")
    return _clean(title) if isinstance(title, str) else None


def _yaml_title(body: str) -> str | None:
    """The top-level `title:` scalar: plain, single- or double-quoted, or a block scalar."""
    lines = _EOL.split(body)
    for i, line in enumerate(lines):
        m = _YAML_TITLE.match(line)
        if m is None:
            continue
        rest = [line[m.end() :]]
        for more in lines[i + 1 :]:  # continuation lines are indented (or blank)
            if more.strip() and more[:1] not in (" ", "\t"):
                break
            rest.append(more)
        return _yaml_scalar(rest)
    return None


def _yaml_scalar(lines: list[str]) -> str | None:
    first = lines[0].strip()
    if first.startswith(("!!str ", "!str ")):
        first = first.split(None, 1)[1] if " " in first else ""
    if _BLOCK_SCALAR.match(first):
        return _clean(" ".join(lines[1:]))
    value = " ".join([first, *(line.strip() for line in lines[1:])])
    if value.startswith('"'):
        return _clean(_double_quoted(value[1:]))
    if value.startswith("'"):
        end = 1
        out: list[str] = []
        while end < len(value):
            c = value[end]
            if c == "'":
                if value[end + 1 : end + 2] != "'":
                    break
                end += 1
            out.append(c)
            end += 1
        return _clean("".join(out))
    if value.startswith(("[", "{", "&", "*", "|", ">")):
        return None  # a collection, an anchor or alias: not a plain title
    value = re.split(r"[ \t]#", value, maxsplit=1)[0]
    if value.strip() in ("~", "null", "Null", "NULL"):
        return None
    return _clean(value)


def _double_quoted(value: str) -> str:
    """A YAML double-quoted scalar's text, up to its closing quote, escapes decoded."""
    out: list[str] = []
    i = 0
    while i < len(value):
        c = value[i]
        if c == '"':
            break
        if c == "\\" and i + 1 < len(value):
            esc = value[i + 1]
            if esc in _HEX_LEN:
                digits = value[i + 2 : i + 2 + _HEX_LEN[esc]]
                if len(digits) == _HEX_LEN[esc] and _HEX.fullmatch(digits):
                    code = int(digits, 16)
                    out.append(chr(code) if code <= 0x10FFFF else "\ufffd")
                    i += 2 + len(digits)
                    continue
            out.append(_YAML_ESCAPES.get(esc, esc))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _clean(title: str) -> str | None:
    """Whitespace folded; None when nothing is left."""
    folded = " ".join(title.split())
    return folded or None
