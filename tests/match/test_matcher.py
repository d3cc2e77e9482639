"""The matcher: suggestions for uncited claims, sentence counts, shortlists."""

from __future__ import annotations

import pytest

from tests.match.support import SECOND, WIRE, Harness


@pytest.fixture(scope="module")
def wire() -> Harness:
    return Harness({"1": WIRE, "2": SECOND})


def test_suggest_finds_the_source_that_backs_an_uncited_claim(wire: Harness) -> None:
    found = wire.suggest("Lee Jae Myung took office in June 2025.")
    assert [s.source_id for s in found][:1] == ["2"]
    assert found[0].evidence is not None
    assert found[0].evidence.quote.startswith("Lee Jae Myung took office")


def test_suggest_many_matches_suggest_one_by_one(wire: Harness) -> None:
    pairs = [
        ("Lee Jae Myung took office in June 2025.", ""),
        ("Volcanic eruptions disrupted shipping routes across the Pacific.", ""),
    ]
    batch = wire.matcher.suggest_many(pairs)
    assert batch == [wire.suggest(text, context) for text, context in pairs]
    assert batch[1] == []


def test_the_shortlist_keeps_only_sources_that_hold_the_claims_words(wire: Harness) -> None:
    (facts,) = wire.matcher.indexer.analyse(["Lee Jae Myung took office in June 2025."])
    assert wire.matcher.shortlist(facts)[:1] == ["2"]
    (unrelated,) = wire.matcher.indexer.analyse(["Volcanic eruptions disrupted shipping."])
    assert wire.matcher.shortlist(unrelated) == []


def test_sentence_count(wire: Harness) -> None:
    assert wire.matcher.sentence_count("1") == 5
    assert wire.matcher.sentence_count("2") == 2
    assert wire.matcher.sentence_count("nope") == 0
