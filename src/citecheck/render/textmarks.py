"""Text helpers for renderers: make any string safe to show, and mark words in quotes.

Article and source text can hold anything (NUL, lone surrogates, bidi controls).
Renderers show it as written, so these helpers only replace what cannot be
encoded or displayed, one character for one so that offsets stay meaningful.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# C0/C1 controls other than tab, newline and carriage return, and lone surrogates.
_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")

# Words too common to be worth marking when the matcher names no terms.
_COMMON = frozenset(
    {
        "about",
        "after",
        "also",
        "and",
        "are",
        "been",
        "but",
        "could",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "her",
        "his",
        "into",
        "its",
        "more",
        "not",
        "one",
        "only",
        "other",
        "our",
        "over",
        "said",
        "says",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
    }
)


def showable(text: str) -> str:
    """Replace control characters and lone surrogates by visible stand-ins, one for one.

    NUL becomes U+2400 (␀) and friends; other unshowable characters become U+FFFD.
    Everything else, including bidi controls and astral characters, is kept.
    """

    def swap(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x20:
            return chr(0x2400 + code)
        if code == 0x7F:
            return "\u2421"
        return "\ufffd"

    return _UNSHOWABLE.sub(swap, text)


def squash_spaces(text: str) -> str:
    """Collapse runs of whitespace (newlines included) into one space."""
    return _SPACES.sub(" ", text)


def fallback_terms(claim_text: str) -> list[str]:
    """Claim words worth marking when the matcher reported no matched terms."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(claim_text.lower()):
        if (len(word) >= 3 and word not in _COMMON) or word.isdigit():
            seen.setdefault(word, None)
    return list(seen)


def mark_terms(text: str, terms: Iterable[str]) -> list[tuple[str, bool]]:
    """Split `text` into (piece, is_term) parts, marking whole-word occurrences of `terms`.

    Matching ignores case and lets a term match the start of a longer word
    (`approve` marks `approved`), since terms may be lemmas.
    """
    words = sorted({t.strip() for t in terms if t.strip()}, key=lambda t: (-len(t), t))
    if not words or not text:
        return [(text, False)] if text else []
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE
    )
    parts: list[tuple[str, bool]] = []
    pos = 0
    for match in pattern.finditer(text):
        if match.start() > pos:
            parts.append((text[pos : match.start()], False))
        parts.append((match.group(), True))
        pos = match.end()
    if pos < len(text):
        parts.append((text[pos:], False))
    return parts


def context_around(source: str, start: int, end: int, width: int) -> tuple[str, str]:
    """Up to `width` characters before and after `source[start:end]`, cut at word boundaries.

    A cut side gets an ellipsis; a side that reaches the start or end of the source does not.
    """
    start = max(0, min(start, len(source)))
    end = max(start, min(end, len(source)))
    before = source[max(0, start - width) : start]
    if start - width > 0:
        cut = before.find(" ")
        before = "…" + (before[cut + 1 :] if 0 <= cut < len(before) - 1 else before)
    after = source[end : end + width]
    if end + width < len(source):
        cut = after.rfind(" ")
        after = (after[:cut] if cut > 0 else after) + "…"
    return before, after
