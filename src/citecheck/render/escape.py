"""Untrusted text made safe to print: controls shown visibly, CI workflow commands defused.

Article text, file names, source text and the reasons quoting them come from a pull
request and end up where people and machines read them: a terminal, a CI log, an
annotation, a PR comment. Printed raw, they could

- drive the terminal or the log viewer (ESC sequences), hide or reorder what a
  reviewer sees (bidi overrides and isolates, CR), or start a new line (LF, U+2028);
- forge GitHub Actions workflow commands: the runner reads a line that starts with
  `::` (after leading spaces) as a command, and `##[` *anywhere* in a line as a
  legacy one (`##[error]`, `##[add-mask]`, `##[stop-commands]`…);
- ping people or link issues from a Markdown comment (`@team`, `#123`, URLs).

So every text-ish output goes through these helpers. Controls are replaced by their
escape (`\\x1b`, `\\u202e`), which names the character instead of acting on it;
`::` at a line start becomes `\\x3a:` and `##[` becomes `##\\x5b` (in JSON `##\\u005b`;
in XML and HTML the character references `&#58;` and `&#91;`), keeping the text
readable while no runner can act on it.
"""

from __future__ import annotations

import re

__all__ = [
    "defuse_commands",
    "json_guard",
    "markdown_text",
    "safe_line",
    "safe_lines",
    "visible",
    "xml_guard",
]

# C0 and C1 controls, DEL, bidi marks/embeddings/overrides/isolates, line and paragraph
# separators, the BOM (an invisible "zero-width no-break space") and lone surrogates.
_INVISIBLE = (
    "\\x7f-\\x9f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069"
    "\\ufeff\\ud800-\\udfff"
)
_CONTROLS = re.compile(f"[\\x00-\\x1f{_INVISIBLE}]")
# The same, keeping newlines and tabs (multi-line text such as JUnit failure bodies).
_CONTROLS_BUT_LINES = re.compile(f"[\\x00-\\x08\\x0b-\\x1f{_INVISIBLE}]")
# `::` at the start of a line (after spaces): a workflow command to the runner.
_COMMAND_START = re.compile(r"(\A|[\r\n])([^\S\r\n]*)::")
_LEGACY_COMMAND = "##["
# Markdown: @mentions, #123 references, bare-URL and e-mail autolinks (GFM) and entities.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")
_MENTION = re.compile(r"@(?=\w)")
_ISSUE_REFERENCE = re.compile(r"#(?=\d)")
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=\bwww)(?=\.)", re.IGNORECASE)
_ZERO_WIDTH_SPACE = "&#8203;"


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, multiline: bool = False) -> str:
    """Controls, bidi controls, line separators and lone surrogates as escapes (`\\x1b`).

    With `multiline`, newlines and tabs are kept (CR is still escaped: it ends a line
    in a CI log and overwrites one in a terminal).
    """
    pattern = _CONTROLS_BUT_LINES if multiline else _CONTROLS
    return pattern.sub(_escape, text)


def defuse_commands(text: str) -> str:
    """No line of `text` starts with `::` and no `##[` is left: no workflow command."""
    text = text.replace(_LEGACY_COMMAND, "##\\x5b")
    return _COMMAND_START.sub(lambda m: f"{m.group(1)}{m.group(2)}\\x3a:", text)


def safe_line(text: str) -> str:
    """One line of untrusted text, safe on a terminal and in a CI log."""
    return defuse_commands(visible(text))


def safe_lines(text: str) -> str:
    """Several lines of untrusted text (newlines kept), safe on a terminal and in a CI log."""
    return defuse_commands(visible(text, multiline=True))


def json_guard(text: str) -> str:
    """Serialised JSON with `##[` written as `##\\u005b`: the same data, no legacy command.

    `#` only occurs inside JSON strings, where `\\u005b` is a valid escape of `[`.
    """
    return text.replace(_LEGACY_COMMAND, "##\\u005b")


def xml_guard(text: str) -> str:
    """XML or HTML with `##[` as `##&#91;` and `::` at a line start as `&#58;:` (same text).

    Character references are read back as the characters by any XML or HTML reader.
    """
    text = text.replace(_LEGACY_COMMAND, "##&#91;")
    return _COMMAND_START.sub(lambda m: f"{m.group(1)}{m.group(2)}&#58;:", text)


def markdown_text(text: str) -> str:
    """Untrusted text for a Markdown table cell or line: inert and on one line.

    Whitespace is folded, controls are shown as escapes, Markdown and HTML syntax
    (entities too) is backslash-escaped, and a zero-width space (`&#8203;`) goes
    after `@` and `#` and inside `://` and `www.` so that GitHub neither notifies
    anyone, nor links issues, nor turns URLs and e-mail addresses into links.
    """
    one_line = visible(" ".join(text.split()))
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", one_line)
    # References first: the entity the mention rule inserts holds a `#` and digits.
    escaped = _ISSUE_REFERENCE.sub("#" + _ZERO_WIDTH_SPACE, escaped)
    escaped = _MENTION.sub("@" + _ZERO_WIDTH_SPACE, escaped)
    return _AUTOLINK.sub(_ZERO_WIDTH_SPACE, escaped)


def html_text(value: str) -> str:
    """Any untrusted text for HTML element content or a quoted attribute.

    Escaped, unshowable characters shown (`textmarks.showable`), and no `##[` or
    `::` at a line start left for a CI log that prints the page to read as a command.
    """
    from html import escape

    from citecheck.render.textmarks import showable

    return xml_guard(escape(showable(value), quote=True))
