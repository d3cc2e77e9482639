"""Load and validate the checklist data (tests/checklist/data/*.toml).

Both the pytest suite and `benchmarks/checklist.py` read the data through this module, so a
typo in a TOML file fails loudly in one place with the file and pair id in the message,
instead of silently shrinking a category.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

DATA_DIR: Final = Path(__file__).resolve().parent / "data"

#: The nine categories of issue 11, in the issue's order; each has `data/<category>.toml`.
CATEGORIES: Final = (
    "quotations",
    "quantities",
    "negation",
    "direction",
    "roles",
    "added",
    "modality",
    "quantifiers",
    "paraphrase",
)
BEATS: Final = (
    "local government",
    "economy",
    "politics",
    "courts",
    "science",
    "sport",
    "business",
    "health",
    "environment",
)
#: What the edited claim must get: `contradicted` (a one-detail conflict), `partial` (added
#: content) or `supported` (paraphrase and scope traps).
EXPECTS: Final = ("contradicted", "partial", "supported")
MIN_PER_CATEGORY: Final = 25
MIN_TOTAL: Final = 400

_SOURCE_FIELDS: Final = frozenset({"beat", "text"})
_PAIR_REQUIRED: Final = frozenset({"id", "source", "kind", "supported", "edited", "expect"})
_PAIR_OPTIONAL: Final = frozenset({"names", "note"})


class ChecklistDataError(ValueError):
    """The checklist data is malformed; the message names the file and the pair or source."""


@dataclass(frozen=True, slots=True)
class Source:
    """A short original source text that pairs cite as source "1"."""

    key: str
    beat: str
    text: str


@dataclass(frozen=True, slots=True)
class Pair:
    """A claim the source backs and a one-detail edit of it with the status it must get.

    `names` are the words a reason of the edited claim must contain (the changed value, as
    the edited claim writes it); empty when `expect` is `supported`.
    """

    id: str
    category: str
    source: str
    kind: str
    supported: str
    edited: str
    expect: str
    names: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Checklist:
    """All sources and pairs, pairs in file order per category (categories in issue order)."""

    sources: Mapping[str, Source]
    pairs: tuple[Pair, ...]

    def category(self, name: str) -> tuple[Pair, ...]:
        """The pairs of one category."""
        return tuple(p for p in self.pairs if p.category == name)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ChecklistDataError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ChecklistDataError(f"{path}: invalid TOML: {exc}") from None


def _text(value: object, where: str, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ChecklistDataError(f"{where}: {field!r} must be a non-empty string")
    return " ".join(value.split())


def load_sources(path: Path) -> dict[str, Source]:
    """The `[sources.<key>]` tables of `path`, texts with whitespace collapsed."""
    table = _read(path).get("sources")
    if not isinstance(table, dict) or not table:
        raise ChecklistDataError(f"{path}: expected [sources.<key>] tables")
    sources: dict[str, Source] = {}
    for key, body in table.items():
        where = f"{path.name}: source {key!r}"
        if not isinstance(body, dict):
            raise ChecklistDataError(f"{where}: expected a table")
        fields = set(body)
        if missing := _SOURCE_FIELDS - fields:
            raise ChecklistDataError(f"{where}: missing field(s) {sorted(missing)}")
        if unknown := fields - _SOURCE_FIELDS:
            raise ChecklistDataError(f"{where}: unknown field(s) {sorted(unknown)}")
        beat = _text(body["beat"], where, "beat")
        if beat not in BEATS:
            raise ChecklistDataError(f"{where}: unknown beat {beat!r}; one of {list(BEATS)}")
        sources[key] = Source(key=key, beat=beat, text=_text(body["text"], where, "text"))
    return sources


def _pair(raw: object, category: str, where: str, sources: Mapping[str, Source]) -> Pair:
    if not isinstance(raw, dict):
        raise ChecklistDataError(f"{where}: expected a [[pairs]] table")
    fields = set(raw)
    if missing := _PAIR_REQUIRED - fields:
        raise ChecklistDataError(f"{where}: missing field(s) {sorted(missing)}")
    if unknown := fields - _PAIR_REQUIRED - _PAIR_OPTIONAL:
        raise ChecklistDataError(f"{where}: unknown field(s) {sorted(unknown)}")
    pair_id = _text(raw["id"], where, "id")
    where = f"{where} ({pair_id})"
    source = _text(raw["source"], where, "source")
    if source not in sources:
        raise ChecklistDataError(f"{where}: unknown source {source!r}")
    expect = _text(raw["expect"], where, "expect")
    if expect not in EXPECTS:
        raise ChecklistDataError(f"{where}: bad expect {expect!r}; one of {list(EXPECTS)}")
    names_raw = raw.get("names", [])
    if not isinstance(names_raw, list) or not all(
        isinstance(n, str) and n.strip() for n in names_raw
    ):
        raise ChecklistDataError(f"{where}: 'names' must be a list of non-empty strings")
    names = tuple(" ".join(n.split()) for n in names_raw)
    if expect == "supported" and names:
        raise ChecklistDataError(f"{where}: 'names' must be empty when expect = 'supported'")
    if expect != "supported" and not names:
        raise ChecklistDataError(f"{where}: 'names' must name the changed value")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise ChecklistDataError(f"{where}: 'note' must be a string")
    supported = _text(raw["supported"], where, "supported")
    edited = _text(raw["edited"], where, "edited")
    if supported == edited:
        raise ChecklistDataError(f"{where}: 'edited' is identical to 'supported'")
    return Pair(
        id=pair_id,
        category=category,
        source=source,
        kind=_text(raw["kind"], where, "kind"),
        supported=supported,
        edited=edited,
        expect=expect,
        names=names,
        note=note,
    )


def load_pairs(path: Path, category: str, sources: Mapping[str, Source]) -> list[Pair]:
    """The `[[pairs]]` of one category file, validated against `sources`."""
    data = _read(path)
    if unknown := set(data) - {"pairs"}:
        raise ChecklistDataError(f"{path.name}: unknown top-level key(s) {sorted(unknown)}")
    raw_pairs = data.get("pairs")
    if not isinstance(raw_pairs, list):
        raise ChecklistDataError(f"{path.name}: expected [[pairs]] tables")
    return [
        _pair(raw, category, f"{path.name}: pair {n + 1}", sources)
        for n, raw in enumerate(raw_pairs)
    ]


def load_checklist(
    data_dir: Path = DATA_DIR,
    *,
    categories: Sequence[str] = CATEGORIES,
    check_minimums: bool = True,
) -> Checklist:
    """Sources and pairs of `categories`; ids unique across files; minimum counts enforced."""
    if unknown := [c for c in categories if c not in CATEGORIES]:
        raise ChecklistDataError(f"unknown categories {unknown}; known: {list(CATEGORIES)}")
    sources = load_sources(data_dir / "sources.toml")
    pairs: list[Pair] = []
    for category in categories:
        pairs.extend(load_pairs(data_dir / f"{category}.toml", category, sources))
    duplicates = sorted(k for k, n in Counter(p.id for p in pairs).items() if n > 1)
    if duplicates:
        raise ChecklistDataError(f"duplicate pair ids: {duplicates}")
    if check_minimums:
        counts = Counter(p.category for p in pairs)
        if short := {c: counts[c] for c in categories if counts[c] < MIN_PER_CATEGORY}:
            raise ChecklistDataError(f"categories below {MIN_PER_CATEGORY} pairs: {short}")
        if set(categories) == set(CATEGORIES) and len(pairs) < MIN_TOTAL:
            raise ChecklistDataError(f"{len(pairs)} pairs in all, fewer than {MIN_TOTAL}")
    return Checklist(sources=sources, pairs=tuple(pairs))
