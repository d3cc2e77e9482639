"""The lexical judge on small hand-made cases: each kind of verdict and typed reason."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.match import ClaimQuery
from citecheck.report import Status
from tests.match.support import SECOND, WIRE, Harness, codes, messages


@pytest.fixture(scope="module")
def wire() -> Harness:
    return Harness({"1": WIRE, "2": SECOND})


def test_restated_fact_is_supported_with_exact_evidence(wire: Harness) -> None:
    verdict = wire.check("Lee met ILO chief Gilbert Houngbo at the Blue House on Friday.")
    assert verdict.status is Status.SUPPORTED
    assert verdict.evidence
    ev = verdict.evidence[0]
    assert WIRE[ev.start : ev.end] == ev.quote
    assert "Houngbo" in ev.quote
    assert "Houngbo" in ev.matched_terms
    assert 0.5 < verdict.score <= 1.0
    assert codes(verdict) == ["backed_by"]


def test_spelling_variants_are_the_same_word(wire: Harness) -> None:
    verdict = wire.check("The two discussed labor policy and the effect of AI on jobs.")
    assert verdict.status is Status.SUPPORTED, messages(verdict)
    assert "labor" in verdict.evidence[0].matched_terms


def test_changed_weekday_is_named(wire: Harness) -> None:
    verdict = wire.check("President Lee met Gilbert Houngbo at the Blue House on Monday.")
    assert verdict.status is not Status.SUPPORTED
    assert "source 1 says 'Friday', the claim says 'Monday'" in messages(verdict)
    (conflict,) = [r for r in verdict.reasons if r.code == "date_conflict"]
    assert conflict.params == {
        "source": "1",
        "source_value": "Friday",
        "claim_value": "Monday",
        "kind": "weekday",
    }
    assert verdict.status is Status.CONTRADICTED


def test_changed_number_is_named(wire: Harness) -> None:
    verdict = wire.check("Unemployment rose to 4.5 percent in October, the office said.")
    assert verdict.status is not Status.SUPPORTED
    (conflict,) = [r for r in verdict.reasons if r.code == "number_conflict"]
    assert conflict.params["source_value"] == "3.1 percent"
    assert conflict.params["claim_value"] == "4.5 percent"
    assert "4.5 percent" in verdict.missing_terms


def test_same_number_in_other_words_is_supported(wire: Harness) -> None:
    verdict = wire.check("Unemployment rose to 3.1% in October, the statistics office said.")
    assert verdict.status is Status.SUPPORTED, messages(verdict)


def test_negation_flip_reads_as_the_opposite(wire: Harness) -> None:
    verdict = wire.check("The ministry approved the new overtime rules.")
    assert verdict.status is Status.CONTRADICTED
    (flip,) = [r for r in verdict.reasons if r.code == "polarity_conflict"]
    assert flip.params["source_value"] == "did not approve"
    assert "approved" in str(flip.params["claim_value"])
    assert flip.message.startswith("source 1 says 'did not approve', the claim says ")


def test_same_negation_on_both_sides_agrees(wire: Harness) -> None:
    verdict = wire.check("The ministry did not approve the new overtime rules.")
    assert verdict.status is Status.SUPPORTED, messages(verdict)


def test_missing_name_is_named(wire: Harness) -> None:
    verdict = wire.check("Lee met Gilbert Houngbo and Guy Ryder at the Blue House on Friday.")
    assert verdict.status is not Status.SUPPORTED
    assert "no cited source mentions 'Ryder'" in messages(verdict)
    assert any(r.code == "name_absent" and r.params == {"term": "Ryder"} for r in verdict.reasons)
    assert "Ryder" in verdict.missing_terms


def test_another_person_in_the_same_place_is_a_contradiction(wire: Harness) -> None:
    verdict = wire.check("Lee met Guy Ryder at the Blue House on Friday.")
    assert verdict.status is Status.CONTRADICTED
    (swap,) = [r for r in verdict.reasons if r.code == "role_conflict"]
    assert "Guy Ryder" in str(swap.params["claim_value"])
    assert "Gilbert Houngbo" in str(swap.params["source_value"])


def test_unrelated_claim_is_unsupported(wire: Harness) -> None:
    verdict = wire.check("Volcanic eruptions disrupted shipping routes across the Pacific.")
    assert verdict.status is Status.UNSUPPORTED
    assert verdict.score < 0.2


def test_claim_with_one_unbacked_detail_is_partial(wire: Harness) -> None:
    verdict = wire.check(
        "Lee met Labour Organisation chief Gilbert Houngbo at the Blue House on Friday "
        "to discuss labour policy, pension reform and the minimum wage in Busan.",
    )
    assert verdict.status is Status.PARTIAL, (verdict.score, messages(verdict))
    assert "pension" in verdict.missing_terms


def test_sources_together_support_a_claim(wire: Harness) -> None:
    text = "Lee, who took office in June 2025, met Gilbert Houngbo at the Blue House."
    alone = wire.check(text, "1")
    together = wire.check(text, "1", "2")
    assert together.status is Status.SUPPORTED, messages(together)
    assert together.score > alone.score
    assert {e.source_id for e in together.evidence} == {"1", "2"}


def test_scores_are_finite_and_runs_are_deterministic(wire: Harness) -> None:
    queries = [
        ClaimQuery(text=t, source_ids=("1",))
        for t in ("", "...", "On Friday.", "Houngbo", "The weather in Seoul was mild.")
    ]
    first = wire.check_many(queries)
    second = Harness({"1": WIRE, "2": SECOND}).check_many(queries)
    assert first == second
    for verdict in first:
        assert not math.isnan(verdict.score)
        assert 0.0 <= verdict.score <= 1.0


def test_rounded_figure_backs_the_claim_but_a_different_one_does_not() -> None:
    m = Harness({"1": "The fund raised 3,512,000 dollars. Exports reached 14.8 million tonnes."})
    rounded = m.check("The fund raised 3.5 million dollars.")
    assert rounded.status is Status.SUPPORTED, messages(rounded)
    changed = m.check("Exports reached 15.3 million tonnes.")
    assert changed.status is not Status.SUPPORTED
    assert changed.status is Status.CONTRADICTED
    assert "source 1 says '14.8 million tonnes', the claim says '15.3 million tonnes'" in messages(
        changed
    )


def test_common_paraphrases_count_as_backing() -> None:
    m = Harness({"1": "The novelist's death in Lisbon was announced on Tuesday by her publisher."})
    verdict = m.check("The novelist died in Lisbon, her publisher announced on Tuesday.")
    assert verdict.status is Status.SUPPORTED, messages(verdict)
    assert "died" in verdict.evidence[0].matched_terms


def test_acronym_and_full_name_match_both_ways() -> None:
    verdict = Harness({"1": "The United States sent aid to Gaza on Monday."}).check(
        "The US sent aid to Gaza on Monday."
    )
    assert verdict.status is Status.SUPPORTED, messages(verdict)
    verdict2 = Harness({"1": "The WHO declared an emergency in March."}).check(
        "The World Health Organization declared an emergency in March."
    )
    assert verdict2.status is Status.SUPPORTED, messages(verdict2)


def test_an_unknown_acronym_is_a_missing_name() -> None:
    m = Harness({"1": "The United Nations Children's Fund sent aid to Gaza on Monday."})
    verdict = m.check("UNICEF sent aid to Gaza on Monday.")
    assert verdict.status is Status.PARTIAL
    assert "no cited source mentions 'UNICEF'" in messages(verdict)


@settings(max_examples=40, deadline=None)
@given(
    source=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
    claim=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120),
)
def test_any_text_gives_a_finite_score_and_exact_quotes(source: str, claim: str) -> None:
    sources = {"1": source, "2": "Prices rose 5% in 2023. The ILO met on Friday, Jan. 5."}
    m = Harness(sources)
    for verdict in m.check_many([ClaimQuery(text=claim, source_ids=("1", "2"))]):
        assert 0.0 <= verdict.score <= 1.0
        for ev in verdict.evidence:
            assert sources[ev.source_id][ev.start : ev.end] == ev.quote
    decision = m.need(claim, source[:50])
    assert 0.0 <= decision.score <= 1.0


def test_iso_dates_give_their_month() -> None:
    m = Harness({"1": "PUBLISHED: 2018-03-14\nThe museum reopened after repairs."})
    verdict = m.check("The museum reopened in March 2018 after repairs.")
    assert verdict.status is Status.SUPPORTED, messages(verdict)
    changed = m.check("The museum reopened in May 2018 after repairs.")
    assert changed.status is not Status.SUPPORTED
