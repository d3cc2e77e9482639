"""The source index as it was built before issue 10 item 9 (faster preparation): the oracle.

A straightforward copy of the sentence splitter (`parse/sentences.py`) and of
`build_index` (`match/lexical/index.py`) as they stood at commit d52299c, kept here so
that `test_index_equivalence.py` can show the faster code builds the same index:
identical sentence spans, token keys, numbers, dates, acronyms and postings. Do not
optimise this module; change it only together with a deliberate change of behaviour.
"""

from __future__ import annotations

import itertools
import re
import weakref
from typing import Any

import numpy as np

from citecheck.lang import SplitterWords
from citecheck.match.lexical.normalize import DOTTED, TOKEN, Fact, Lexicon, undotted

# -- the sentence splitter ------------------------------------------------------------

_NEWLINES = {ord(c): "\n" for c in "\r\x0b\x0c\x85\u2028\u2029"}
_INVISIBLE = dict.fromkeys(
    [
        *range(0x00, 0x09),
        *range(0x0E, 0x20),
        0x7F,
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2070),
        0xFEFF,
    ],
    " ",
)
_TRANSLATE = {**_INVISIBLE, **_NEWLINES}


def normalize_for_scan(text: str) -> str:
    return text.replace("\r\n", " \n").translate(_TRANSLATE)


_CANDIDATE = re.compile(
    r"""
    (?P<para>\n[^\S\n]*\n)
  | (?P<nl>\n)
  | (?P<punct>(?:\.[^\S\n]?){2,}\.|[.!?‽…]+)
    (?P<close>(?:["'”’»)\]]|\[\d{1,4}\])*)
    (?=\s|\Z)
  | (?P<cjk>[。！？]+[」』”’）]*)
    """,
    re.VERBOSE,
)
_LIST_OR_HEADING = re.compile(r"[^\S\n]*(?:[-*+•‣◦▪]\s|\d{1,3}[.)]\s|[a-z]\)\s|#{1,6}\s)")
_ENUMERATOR = re.compile(r"\W*(?:\d{1,3}|[A-Za-z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})\Z")
_LAST_TOKEN = re.compile(r"\S+\Z")
_OPENERS = "\"'“‘«([{*_¿¡"
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}\Z")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[{*_¿¡]{0,4}(\w{1,40}|.?)", re.DOTALL)
_SPACE = re.compile(r"\s*")
_HAS_WORD = re.compile(r"[^\W_]")


def _next_word(t: str, pos: int) -> str:
    m = _NEXT_WORD.match(t, pos)
    return m.group(1) if m else ""


def _period_ends(
    words: SplitterWords, t: str, seg_start: int, dot: int, word: str, newline: bool
) -> bool:
    head = t[max(seg_start, dot - 40) : dot + 1]
    last = _LAST_TOKEN.search(head)
    token = last.group() if last else "."
    token = token.lstrip(_OPENERS)
    low = token.lower()
    bare = low[:-1]
    if dot - seg_start < 12 and _ENUMERATOR.match(t[seg_start:dot]):
        return False
    if low in words.never_final:
        return False
    if bare in words.titles:
        return False
    if bare in words.number_labels and word[:1].isdigit():
        return False
    if len(bare) == 1 and bare.isalpha():
        return word in words.starters
    if bare in words.ambiguous or _INITIALISM.match(token):
        return newline or word in words.starters or not word[:1].isalpha()
    return True


def _ends(
    words: SplitterWords, t: str, seg_start: int, m: re.Match[str], word: str, newline: bool
) -> bool:
    punct = m.group("punct")
    first = word[:1]
    if first.islower():
        return False
    if "?" in punct or "!" in punct or "‽" in punct:
        return True
    if "…" in punct or len(punct) > 1:
        return True
    return _period_ends(words, t, seg_start, m.start("punct"), word, newline)


def spans_of_normalized(t: str, words: SplitterWords) -> list[tuple[int, int]]:
    """`SentenceSplitter.spans_of_normalized` as it was."""
    cuts: list[int] = []
    seg_start = 0
    for m in _CANDIDATE.finditer(t):
        kind = m.lastgroup
        cut = -1
        if kind == "para":
            cut = m.start()
        elif kind == "nl":
            if _LIST_OR_HEADING.match(t, m.end()):
                cut = m.start()
        elif kind == "cjk":
            cut = m.end()
        elif m.group("punct") is not None:
            end = m.end()
            ws = _SPACE.match(t, end, end + 64)
            nxt = ws.end() if ws else end
            if nxt >= len(t):
                cut = end
            else:
                word = _next_word(t, nxt)
                newline = "\n" in t[end:nxt]
                if _ends(words, t, seg_start, m, word, newline):
                    cut = end
        if cut >= 0 and cut > seg_start:
            cuts.append(cut)
            seg_start = cut
    cuts.append(len(t))
    spans: list[tuple[int, int]] = []
    begin = 0
    for cut in cuts:
        seg = t[begin:cut]
        stripped = seg.strip()
        if stripped and _HAS_WORD.search(stripped):
            start = begin + (len(seg) - len(seg.lstrip()))
            spans.append((start, start + len(stripped)))
        begin = cut
    return spans


def sentence_spans(text: str, words: SplitterWords) -> list[tuple[int, int]]:
    """`SentenceSplitter.spans` as it was."""
    if not isinstance(text, str) or not text:
        return []
    return spans_of_normalized(normalize_for_scan(text), words)


# -- the index -------------------------------------------------------------------------

_MAX_SENTENCE = 1500
_DIGIT = re.compile(r"\d")


def _sentence_spans(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    raw = sentence_spans(text, lexicon.language.splitter)
    spans: list[tuple[int, int]] = []
    for start, end in raw:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end - start > _MAX_SENTENCE:
            cut = text.rfind(" ", start, start + _MAX_SENTENCE)
            cut = cut if cut > start else start + _MAX_SENTENCE
            spans.append((start, cut))
            start = cut + 1
        if end > start and TOKEN.search(text, start, end):
            spans.append((start, end))
    return spans


_KEY_CACHES: weakref.WeakKeyDictionary[Lexicon, dict[str, str]] = weakref.WeakKeyDictionary()


def keys_of(lexicon: Lexicon, tokens: list[str]) -> list[str]:
    """`Lexicon.keys_of` as it was (its own cache, so timings compare like with like)."""
    cache = _KEY_CACHES.setdefault(lexicon, {})
    if len(cache) > 400_000:
        cache.clear()
    for token in set(tokens).difference(cache):
        cache[token] = lexicon.word_key(token)
    return list(map(cache.__getitem__, tokens))


def _locate(sentence: str, token: str, start: int) -> int:
    n = len(token)
    while True:
        at = sentence.find(token, start)
        if at < 0:
            return -1
        before = sentence[at - 1] if at else " "
        after = sentence[at + n] if at + n < len(sentence) else " "
        if not before.isalnum() and not (
            after.isalnum() and after.isalpha() == token[-1].isalpha()
        ):
            return at
        start = at + 1


def _sentence_of(starts: Any, ends: Any, offsets: Any) -> Any:
    if not len(starts):
        return np.full(len(offsets), -1, dtype=np.int64)
    which = np.searchsorted(starts, offsets, side="right") - 1
    inside = (which >= 0) & (offsets < ends[np.maximum(which, 0)])
    return np.where(inside, which, -1)


def _per_sentence(
    found: list[Fact], where: list[int], n_sent: int
) -> tuple[list[dict[str, str]], dict[str, Any]]:
    table: list[dict[str, str]] = [{} for _ in range(n_sent)]
    lists: dict[str, list[int]] = {}
    for (_, key, surface, _), i in zip(found, where, strict=True):
        if i >= 0:
            table[i].setdefault(key, surface)
            bucket = lists.setdefault(key, [])
            if not bucket or bucket[-1] != i:
                bucket.append(i)
    return table, {k: np.array(v, dtype=np.int64) for k, v in lists.items()}


def _name_run(joiners: tuple[str, ...]) -> re.Pattern[str]:
    joined = "|".join(joiners)
    return re.compile(rf"\b[A-Z][\w'’-]*(?:[ \t]+(?:(?:{joined})[ \t]+)?[A-Z][\w'’-]*)+")


def build_index(text: str, lexicon: Lexicon) -> dict[str, Any]:
    """Every field of `SourceIndex`, as `build_index` computed it, by name."""
    spans = _sentence_spans(text, lexicon)
    starts = np.array([s for s, _ in spans], dtype=np.int64)
    ends = np.array([e for _, e in spans], dtype=np.int64)
    n_sent = len(spans)

    sentences = [text[s:e] for s, e in spans]
    per_sentence = [TOKEN.findall(sentence) for sentence in sentences]
    counts = np.fromiter(map(len, per_sentence), dtype=np.int64, count=n_sent)
    tokens = list(itertools.chain.from_iterable(per_sentence))
    keys = keys_of(lexicon, tokens)
    sentence_of_token = np.repeat(np.arange(n_sent, dtype=np.int64), counts)
    bounds = np.concatenate([[0], np.cumsum(counts)])

    facts: list[Fact] = []
    fact_where: list[int] = []
    fact_tokens = lexicon.fact_tokens
    for i, (sentence, found) in enumerate(zip(sentences, per_sentence, strict=True)):
        if _DIGIT.search(sentence) is None and fact_tokens.isdisjoint(found):
            continue
        offset, cursor = int(starts[i]), 0
        for token in found:
            if token[0].isdigit() or token in fact_tokens:
                at = _locate(sentence, token, cursor)
                if at < 0:
                    continue
                cursor = at + len(token)
                fact = lexicon.fact_at(text, offset + at, token)
                if fact is not None:
                    facts.append(fact)
                    fact_where.append(i)

    extra_keys: list[str] = []
    extra_where: list[int] = []
    runs = [(m.start(), m.group()) for m in _name_run(lexicon.language.name_joiners).finditer(text)]
    if runs:
        run_where = _sentence_of(starts, ends, np.array([p for p, _ in runs], dtype=np.int64))
        for (_, run), i in zip(runs, run_where.tolist(), strict=True):
            words = [w for w in run.split() if w.lower() not in lexicon.minor]
            if i >= 0 and 2 <= len(words) <= 8:
                extra_keys.append("".join(w[0] for w in words).lower())
                extra_where.append(i)
    # dotted abbreviations count as their letters ("U.S.": "us")
    dotted = [(m.start(), m.group()) for m in DOTTED.finditer(text)]
    if dotted:
        dotted_where = _sentence_of(starts, ends, np.array([p for p, _ in dotted], dtype=np.int64))
        for (_, abbreviation), i in zip(dotted, dotted_where.tolist(), strict=True):
            if i >= 0:
                extra_keys.append(lexicon.word_key(undotted(abbreviation)))
                extra_where.append(i)

    all_keys = [*keys, *extra_keys]
    vocab = {k: i for i, k in enumerate(dict.fromkeys(all_keys))}
    ids = np.fromiter(map(vocab.__getitem__, all_keys), dtype=np.int64, count=len(all_keys))
    sentence_ids = np.concatenate([sentence_of_token, np.array(extra_where, dtype=np.int64)])
    width = max(1, n_sent)
    pairs = np.unique(ids * width + sentence_ids)
    post_ptr = np.searchsorted(pairs // width, np.arange(len(vocab) + 1), side="left")
    post_sent = pairs % width

    numbers, number_postings = _per_sentence(
        [f for f in facts if f[0] == "number"],
        [i for f, i in zip(facts, fact_where, strict=True) if f[0] == "number"],
        n_sent,
    )
    dates, date_postings = _per_sentence(
        [f for f in facts if f[0] == "date"],
        [i for f, i in zip(facts, fact_where, strict=True) if f[0] == "date"],
        n_sent,
    )
    return {
        "text": text,
        "starts": starts,
        "ends": ends,
        "token_keys": keys,
        "token_bounds": bounds.astype(np.int64),
        "numbers": numbers,
        "dates": dates,
        "name_joiners": lexicon.language.name_joiners,
        "vocab": vocab,
        "post_ptr": post_ptr.astype(np.int64),
        "post_sent": post_sent.astype(np.int64),
        "sorted_keys": sorted(vocab),
        "number_postings": number_postings,
        "date_postings": date_postings,
        "vocabulary": list(vocab),
    }
