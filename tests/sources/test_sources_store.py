"""The SourceStore: each origin loaded once per run, each distinct text prepared once."""

from __future__ import annotations

from pathlib import Path

from citecheck import Checker, Job, Options, Source, SourceError
from citecheck.sources.store import PreparedCache, SourceStore, text_hash

WIRE = "The ILO met in Geneva on Friday. Delegates from 187 states attended."


def test_an_origin_is_loaded_once_however_many_ids_name_it(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    store = SourceStore(Options())
    first = store.load({"1": path, "2": path})
    second = store.load({"7": path})
    assert store.stats.loads == 1
    assert store.stats.load_hits == 2
    assert [s.id for s in (*first.values(), *second.values()) if isinstance(s, Source)] == [
        "1",
        "2",
        "7",
    ]
    assert {s.text for s in (*first.values(), *second.values()) if isinstance(s, Source)} == {WIRE}


def test_a_file_changed_during_a_run_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    store = SourceStore(Options())
    store.load({"1": path})
    path.write_text(WIRE + " A correction was issued.", encoding="utf-8")
    loaded = store.load({"1": path})["1"]
    assert isinstance(loaded, Source)
    assert loaded.text.endswith("issued.")
    assert store.stats.loads == 2


def test_a_failed_origin_is_a_source_error_for_every_id(tmp_path: Path) -> None:
    store = SourceStore(Options())
    found = store.load({"1": tmp_path / "missing.txt", "2": tmp_path / "missing.txt"})
    assert all(isinstance(r, SourceError) for r in found.values())
    assert store.stats.loads == 1


def test_prepared_texts_are_cached_by_content_and_bounded() -> None:
    cache = PreparedCache(max_chars=25, max_entries=10)
    calls: list[str] = []

    def prepare(text: str) -> object:
        calls.append(text)
        return len(text)

    assert cache.get("j", "a" * 10, prepare) == 10
    assert cache.get("j", "a" * 10, prepare) == 10  # same text: cached
    assert cache.get("other", "a" * 10, prepare) == 10  # another judge prepares its own
    assert calls == ["a" * 10, "a" * 10]
    cache.get("j", "b" * 10, prepare)  # 30 characters in all: the oldest goes
    assert len(cache) == 2
    cache.get("j", "a" * 10, prepare)
    assert len(calls) == 4
    cache.get("j", "c" * 100, prepare)  # larger than the whole budget: never kept
    assert len(cache) == 2
    assert cache.stats.preparations == 5
    assert cache.stats.prepare_hits == 1


def test_text_hash_is_the_sha256_of_the_text() -> None:
    import hashlib

    assert text_hash("Geneva") == hashlib.sha256(b"Geneva").hexdigest()
    assert text_hash("\ud800") != text_hash("\ufffd")  # lone surrogates hash, never raise


def test_a_source_cited_by_many_articles_is_loaded_and_prepared_once(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    checker = Checker()
    before = checker.prepared.stats.preparations
    jobs = [
        Job(article="The ILO met in Geneva on Friday [1].", sources={1: path}, name=f"a{i}")
        for i in range(6)
    ]
    outcomes = list(checker.verify_many(jobs))
    assert [o.report is not None and o.report.claims[0].status.value for o in outcomes] == [
        "supported"
    ] * 6
    assert checker.prepared.stats.preparations - before == 1
