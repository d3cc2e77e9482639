"""CheckList perturbations over real passages, generated in memory at run time.

`benchmarks/checklist.py --bench DIR` reads the dev support files named below, picks source
sentences deterministically, uses each sentence verbatim as the supported claim and applies
one automatic one-detail edit per category. Nothing read here is ever written anywhere: the
pairs live in memory and only aggregate figures leave the process.

The edits are simple on purpose (a regex and a small word list each): they stand in for the
handwritten pairs on text nobody tuned the matcher on, so a rule that only fits our own short
sources shows up as a gap between the two tables.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .loader import Pair

BENCH_FILES: Final = (
    "wice-dev.jsonl",
    "summedits-dev.jsonl",
    "expertqa-dev.jsonl",
    "attributionbench-dev.jsonl",
)

MONTHS: Final = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS: Final = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ANTONYM_PAIRS: Final = (
    ("rose", "fell"),
    ("rise", "fall"),
    ("rises", "falls"),
    ("risen", "fallen"),
    ("increased", "decreased"),
    ("increase", "decrease"),
    ("increases", "decreases"),
    ("increasing", "decreasing"),
    ("higher", "lower"),
    ("highest", "lowest"),
    ("larger", "smaller"),
    ("largest", "smallest"),
    ("won", "lost"),
    ("win", "lose"),
    ("wins", "loses"),
    ("approved", "rejected"),
    ("supported", "opposed"),
    ("praised", "criticized"),
    ("opened", "closed"),
    ("expanded", "reduced"),
    ("acquitted", "convicted"),
    ("gained", "lost"),
    ("above", "below"),
    ("before", "after"),
    ("positive", "negative"),
    ("maximum", "minimum"),
    ("strong", "weak"),
    ("early", "late"),
)
ANTONYMS: Final = dict(_ANTONYM_PAIRS) | {b: a for a, b in _ANTONYM_PAIRS}
QUANTIFIERS: Final = {
    "all": "some",
    "some": "all",
    "most": "few",
    "many": "few",
    "few": "many",
    "every": "some",
    "always": "sometimes",
    "never": "always",
    "none": "all",
}
_AUX: Final = [
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "can",
    "could",
    "has",
    "have",
    "had",
    "should",
    "may",
    "might",
    "must",
    "does",
    "did",
    "do",
]
_CONTRACTIONS: Final = {
    "isn't": "is",
    "aren't": "are",
    "wasn't": "was",
    "weren't": "were",
    "won't": "will",
    "wouldn't": "would",
    "can't": "can",
    "cannot": "can",
    "couldn't": "could",
    "hasn't": "has",
    "haven't": "have",
    "hadn't": "had",
    "shouldn't": "should",
    "doesn't": "does",
    "didn't": "did",
    "don't": "do",
}
_ADDITIONS: Final = (
    (", the largest on record", "largest on record"),
    (", the first time this has ever happened", "first time"),
    (", a record high", "record high"),
    (", the highest ever recorded", "highest ever"),
)
_QUOTE_WORDS: Final = ("important", "serious", "difficult", "simple", "remarkable")
_SMALL_NUMBERS: Final = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[A-Z\"“])")
_BAD_SENTENCE = re.compile(r"https?:|www\.|\[|\]|\(meta data\)|^[\w .'-]{1,30}:|\|| {2,}|\t")
_NUMBER = re.compile(r"(?<![\w.,/$-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w/]|,\d|\.\d)")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_QUOTE = re.compile(r"\"([^\"]+)\"|“([^“”]+)”")
# A number that labels something ("reference 3", "Game 6", "Route 9") is not a quantity.
_LABEL_BEFORE = re.compile(
    r"\b(?:reference|ref|figure|fig|table|page|pp?|chapter|section|version|level|grade|step|"
    r"phase|type|class|game|no|number|episode|season|vol|volume|part|route|highway|article|"
    r"room|ward|district|unit|item|question|line|row|study|trial|group)\.?\s+$",
    re.IGNORECASE,
)
_JUNK_START = re.compile(r"^(?:Figure|Fig\.|Table|Source|Image|Photo|Credit|Copyright)\b")


@dataclass(frozen=True, slots=True)
class Passage:
    """One distinct source text of a dev file and a key for it."""

    key: str
    dataset: str
    text: str


@dataclass(frozen=True, slots=True)
class Edit:
    """A one-detail edit: the edited sentence, its sub-kind and the value a reason must name."""

    edited: str
    kind: str
    names: tuple[str, ...]


def load_passages(bench_dir: Path, files: Sequence[str] = BENCH_FILES) -> list[Passage]:
    """Distinct sources of the dev support files, in id order (first record naming each)."""
    passages: list[Passage] = []
    for name in files:
        path = bench_dir / name
        if not path.is_file():
            continue
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        seen: set[str] = set()
        for record in sorted(records, key=lambda r: str(r["id"])):
            text = str(record.get("source") or "")
            digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
            if text and digest not in seen:
                seen.add(digest)
                passages.append(Passage(f"{name.split('-')[0]}:{digest}", name.split("-")[0], text))
    return passages


def sentences(text: str) -> Iterator[str]:
    """Plain, self-contained prose sentences of a source (60-300 characters, 8+ words)."""
    for line in text.splitlines():
        for sentence in _SENTENCE_END.split(line.strip()):
            s = sentence.strip()
            if (
                60 <= len(s) <= 300
                and s[0].isupper()
                and s.endswith((".", '."', ".”"))
                and len(s.split()) >= 8
                and not _BAD_SENTENCE.search(s)
                and not _JUNK_START.match(s)
                and sum(c.isalpha() for c in s) >= 0.7 * len(s)
            ):
                yield s


def _sub_word(sentence: str, old: str, new: str) -> str | None:
    """Replace the first whole-word `old` (case kept on the first letter) by `new`."""
    match = re.search(rf"\b{re.escape(old)}\b", sentence, flags=re.IGNORECASE)
    if match is None:
        return None
    found = match.group(0)
    new = new[0].upper() + new[1:] if found[0].isupper() else new
    return sentence[: match.start()] + new + sentence[match.end() :]


def _next_word(text: str, start: int) -> str:
    match = re.match(r"\s+([\w'-]+)", text[start:])
    return match.group(1) if match else ""


def edit_quantity(sentence: str, _: str) -> Edit | None:
    """A figure, year, month or weekday changed for another of the same kind and format."""
    for match in _NUMBER.finditer(sentence):
        whole, frac = match.group(1), match.group(2) or ""
        if _LABEL_BEFORE.search(sentence[: match.start()]):
            continue
        if _YEAR.match(whole) and not frac:
            new = str(int(whole) - 3)
            kind = "year"
        else:
            first = int(whole[0])
            if first == 0:
                continue
            new = str((first + 4) % 9 + 1) + whole[1:] + frac
            kind = "number"
        edited = sentence[: match.start()] + new + sentence[match.end() :]
        return Edit(edited, kind, (new,))
    for names, kind, step in ((MONTHS, "month", 3), (WEEKDAYS, "weekday", 2)):
        for i, name in enumerate(names):
            pattern = rf"\b{name}\b" + (r"(?=\s+\d)" if name == "May" else "")
            if re.search(pattern, sentence):
                new = names[(i + step) % len(names)]
                return Edit(re.sub(pattern, new, sentence, count=1), kind, (new,))
    return None


def edit_negation(sentence: str, _: str) -> Edit | None:
    """A negation removed ("was not" -> "was") or, failing that, added after an auxiliary."""
    if _QUOTE.search(sentence):
        return None  # a negation inside a quotation or a title is out of this edit's scope
    for contraction, plain in _CONTRACTIONS.items():
        match = re.search(rf"\b{re.escape(contraction)}\b", sentence, flags=re.IGNORECASE)
        if match:
            word = plain.capitalize() if match.group(0)[0].isupper() else plain
            following = _next_word(sentence, match.end())
            edited = sentence[: match.start()] + word + sentence[match.end() :]
            return Edit(edited, "removed", (f"{word} {following}".strip(),))
    match = re.search(rf"\b({'|'.join(_AUX)})\s+not\b", sentence, flags=re.IGNORECASE)
    if match:
        following = _next_word(sentence, match.end())
        edited = sentence[: match.end(1)] + sentence[match.end() :]
        return Edit(edited, "removed", (f"{match.group(1)} {following}".strip(),))
    if re.search(r"\b(no|never|none|nothing|nobody|neither|nor|without)\b", sentence, re.I):
        return None
    match = re.search(rf"\b({'|'.join(_AUX)})\s+(?=[a-z])", sentence)
    if match is None:
        return None
    edited = sentence[: match.end(1)] + " not" + sentence[match.end(1) :]
    return Edit(edited, "added", (f"{match.group(1)} not",))


def _word_swap(table: dict[str, str], kind: str) -> Callable[[str, str], Edit | None]:
    def edit(sentence: str, _: str) -> Edit | None:
        for match in re.finditer(r"\b[A-Za-z]+\b", sentence):
            word = match.group(0)
            new = table.get(word.lower())
            if new is None:
                continue
            edited = _sub_word(sentence[match.start() :], word, new)
            if edited is None:
                continue
            edited = sentence[: match.start()] + edited
            shown = new[0].upper() + new[1:] if word[0].isupper() else new
            following = _next_word(edited, match.start() + len(shown))
            names = (shown,) if kind == "antonym" else (f"{shown} {following}".strip(),)
            return Edit(edited, kind, names)
        return None

    return edit


edit_direction = _word_swap(ANTONYMS, "antonym")
edit_quantifier = _word_swap(QUANTIFIERS, "quantifier")


def edit_modality(sentence: str, _: str) -> Edit | None:
    """will -> may, may/might/could -> will (not the month May)."""
    for pattern, new in ((r"\bwill\b", "may"), (r"\b(?:might|could|may)\b(?!\s+\d)", "will")):
        match = re.search(pattern, sentence)
        if match:
            following = _next_word(sentence, match.end())
            edited = sentence[: match.start()] + new + sentence[match.end() :]
            return Edit(edited, "modal", (f"{new} {following}".strip(),))
    return None


_NAME = re.compile(
    r"(?<=[a-z,;] )((?:[A-Z][a-z]+)(?: (?:[A-Z][a-z]+|of|de|van|von)){0,3} [A-Z][a-z]+)"
)


def _names(text: str) -> list[str]:
    stop = set(MONTHS) | set(WEEKDAYS)
    return [n for n in _NAME.findall(text) if not set(n.split()) & stop]


def edit_role(sentence: str, passage: str) -> Edit | None:
    """A multi-word capitalised name swapped for another one from the same passage."""
    mine = _names(sentence)
    if not mine:
        return None
    counts: dict[str, int] = {}
    for name in _names(passage):
        if name not in sentence and not any(name in m or m in name for m in mine):
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    same_length = [n for n in counts if len(n.split()) == len(mine[0].split())]
    if not same_length:
        return None
    other = min(same_length, key=lambda n: (-counts[n], n))
    return Edit(sentence.replace(mine[0], other, 1), "name-swap", (other,))


_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|wrote|writes|asked|added|explained|according|stated|"
    r"noted|declared|recalled|warned|insisted|argued)\b"
)


def _quotations(sentence: str) -> Iterator[tuple[int, int]]:
    """Start and end of the text inside each quoted span that reads as speech, not a title.

    Speech: 4+ words and either a speech verb in the sentence or the span's own closing
    punctuation inside the quotation marks ("...," she said).
    """
    speech = _SPEECH.search(sentence) is not None
    for match in _QUOTE.finditer(sentence):
        group = 1 if match.group(1) is not None else 2
        inner = match.group(group)
        if len(inner.split()) >= 4 and (speech or inner.rstrip()[-1:] in {",", ".", "!", "?"}):
            yield match.start(group), match.end(group)


def edit_quotation(sentence: str, passage: str) -> Edit | None:
    """One word inside a quoted span replaced (a near match of the source's quotation)."""
    for start, end in _quotations(sentence):
        inner = sentence[start:end]
        words = list(re.finditer(r"[A-Za-z]{4,}", inner))
        if not words:
            continue
        target = words[-1]
        seed = int(hashlib.sha1(sentence.encode("utf-8")).hexdigest(), 16)
        choices = [w for w in _QUOTE_WORDS if w not in inner.lower()]
        new = choices[seed % len(choices)]
        edited = sentence[: start + target.start()] + new + sentence[start + target.end() :]
        return Edit(edited, "quote-word", (new,))
    return None


def edit_added(sentence: str, _: str) -> Edit | None:
    """A record or superlative clause appended: the source does not state it."""
    if re.search(r"\b(record|first|ever|largest|highest)\b", sentence, re.IGNORECASE):
        return None
    if not re.search(r"\d", sentence):
        return None  # a record or a first fits a figure or a dated event
    if sentence.endswith(('."', ".”")):
        return None
    seed = int(hashlib.sha1(sentence.encode("utf-8")).hexdigest(), 16)
    clause, name = _ADDITIONS[seed % len(_ADDITIONS)]
    return Edit(sentence[:-1] + clause + ".", "added-clause", (name,))


def edit_paraphrase(sentence: str, _: str) -> Edit | None:
    """A meaning-preserving rewrite: "percent" <-> "%", or a small number in words."""
    match = re.search(r"(\d+(?:\.\d+)?) ?(?:percent|per cent)\b", sentence)
    if match:
        return Edit(sentence.replace(match.group(0), f"{match.group(1)}%", 1), "percent-sign", ())
    match = re.search(r"(\d+(?:\.\d+)?)%", sentence)
    if match:
        new = f"{match.group(1)} percent"
        return Edit(sentence.replace(match.group(0), new, 1), "percent-word", ())
    match = re.search(r"(?<![\w.,$£€-])([2-9])(?= [a-z]{3,})(?![\w%])", sentence)
    if match and not _LABEL_BEFORE.search(sentence[: match.start()]):
        word = _SMALL_NUMBERS[int(match.group(1)) - 2]
        return Edit(sentence[: match.start()] + word + sentence[match.end() :], "number-words", ())
    return None


EDITS: Final[dict[str, tuple[Callable[[str, str], Edit | None], str]]] = {
    "quotations": (edit_quotation, "contradicted"),
    "quantities": (edit_quantity, "contradicted"),
    "negation": (edit_negation, "contradicted"),
    "direction": (edit_direction, "contradicted"),
    "roles": (edit_role, "contradicted"),
    "added": (edit_added, "partial"),
    "modality": (edit_modality, "contradicted"),
    "quantifiers": (edit_quantifier, "contradicted"),
    "paraphrase": (edit_paraphrase, "supported"),
}


def perturbation_pairs(
    passages: Sequence[Passage], *, per_category: int = 40, seed: int = 11
) -> list[Pair]:
    """Up to `per_category` pairs per category, deterministic for given passages and seed.

    Sentences are shuffled per dataset with `seed` and the datasets interleaved, so every
    category draws on all four; one passage gives at most one pair per category.
    """
    by_dataset: dict[str, list[tuple[Passage, str]]] = {}
    for passage in sorted(passages, key=lambda p: p.key):
        for sentence in sentences(passage.text):
            by_dataset.setdefault(passage.dataset, []).append((passage, sentence))
    queues = []
    for dataset in sorted(by_dataset):
        items = by_dataset[dataset]
        random.Random(f"{seed}:{dataset}").shuffle(items)
        queues.append(items)
    order = [item for group in _interleave(queues) for item in group]
    pairs: list[Pair] = []
    for category, (edit, expect) in EDITS.items():
        used: set[str] = set()
        for passage, sentence in order:
            if sum(p.category == category for p in pairs) >= per_category:
                break
            if passage.key in used:
                continue
            result = edit(sentence, passage.text)
            if result is None or result.edited == sentence or result.edited in passage.text:
                continue
            used.add(passage.key)
            pairs.append(
                Pair(
                    id=f"bench-{category}-{passage.key}",
                    category=category,
                    source=passage.key,
                    kind=result.kind,
                    supported=sentence,
                    edited=result.edited,
                    expect=expect,
                    names=result.names if expect != "supported" else (),
                )
            )
    return pairs


def _interleave(
    queues: Sequence[Sequence[tuple[Passage, str]]],
) -> Iterator[list[tuple[Passage, str]]]:
    for i in range(max((len(q) for q in queues), default=0)):
        yield [q[i] for q in queues if i < len(q)]
