"""The matcher on small hand-made cases: each kind of verdict and reason."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.config import Options
from citecheck.match import ClaimQuery, Matcher, Verdict
from citecheck.report import Status

WIRE = (
    "SEOUL (Wire) -- President Lee Jae Myung met International Labour Organisation chief "
    "Gilbert Houngbo at the Blue House on Friday. The two discussed labour policy and the "
    "effect of artificial intelligence on jobs. Unemployment rose to 3.1 percent in October, "
    "the statistics office said. The ministry did not approve the new overtime rules. "
    "The weather in Seoul was mild."
)
SECOND = "Lee Jae Myung took office in June 2025. He has promised to cut working hours."


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher({"1": WIRE, "2": SECOND}, Options())


def check(matcher: Matcher, text: str, *ids: str) -> Verdict:
    return matcher.check([ClaimQuery(text=text, source_ids=ids or ("1",))])[0]


def test_restated_fact_is_supported_with_exact_evidence(matcher: Matcher) -> None:
    verdict = check(matcher, "Lee met ILO chief Gilbert Houngbo at the Blue House on Friday.")
    assert verdict.status is Status.SUPPORTED
    assert verdict.evidence
    ev = verdict.evidence[0]
    assert WIRE[ev.start : ev.end] == ev.quote
    assert "Houngbo" in ev.quote
    assert "Houngbo" in ev.matched_terms
    assert 0.5 < verdict.score <= 1.0


def test_spelling_variants_are_the_same_word(matcher: Matcher) -> None:
    verdict = check(matcher, "The two discussed labor policy and the effect of AI on jobs.")
    assert verdict.status is Status.SUPPORTED, verdict.reasons
    assert "labor" in verdict.evidence[0].matched_terms


def test_changed_weekday_is_named(matcher: Matcher) -> None:
    verdict = check(matcher, "President Lee met Gilbert Houngbo at the Blue House on Monday.")
    assert verdict.status is not Status.SUPPORTED
    assert "source 1 says 'Friday', the claim says 'Monday'" in verdict.reasons


def test_changed_number_is_named(matcher: Matcher) -> None:
    verdict = check(matcher, "Unemployment rose to 4.5 percent in October, the office said.")
    assert verdict.status is not Status.SUPPORTED
    assert any("'3.1 percent'" in r and "'4.5 percent'" in r for r in verdict.reasons)
    assert "4.5 percent" in verdict.missing_terms


def test_same_number_in_other_words_is_supported(matcher: Matcher) -> None:
    verdict = check(matcher, "Unemployment rose to 3.1% in October, the statistics office said.")
    assert verdict.status is Status.SUPPORTED, verdict.reasons


def test_negation_flip_reads_as_the_opposite(matcher: Matcher) -> None:
    verdict = check(matcher, "The ministry approved the new overtime rules.")
    assert verdict.status is Status.UNSUPPORTED
    assert any(r.startswith("source 1 says the opposite: ") and "not" in r for r in verdict.reasons)


def test_missing_name_is_named(matcher: Matcher) -> None:
    verdict = check(matcher, "Lee met Guy Ryder at the Blue House on Friday.")
    assert verdict.status is not Status.SUPPORTED
    assert "no cited source mentions 'Ryder'" in verdict.reasons
    assert "Ryder" in verdict.missing_terms


def test_unrelated_claim_is_unsupported(matcher: Matcher) -> None:
    verdict = check(matcher, "Volcanic eruptions disrupted shipping routes across the Pacific.")
    assert verdict.status is Status.UNSUPPORTED
    assert verdict.score < 0.2


def test_claim_with_one_unbacked_detail_is_partial(matcher: Matcher) -> None:
    verdict = check(
        matcher,
        "Lee met Labour Organisation chief Gilbert Houngbo at the Blue House on Friday "
        "to discuss labour policy, pension reform and the minimum wage in Busan.",
    )
    assert verdict.status is Status.PARTIAL, (verdict.score, verdict.reasons)
    assert "pension" in verdict.missing_terms


def test_sources_together_support_a_claim(matcher: Matcher) -> None:
    text = "Lee, who took office in June 2025, met Gilbert Houngbo at the Blue House."
    alone = check(matcher, text, "1")
    together = check(matcher, text, "1", "2")
    assert together.status is Status.SUPPORTED, together.reasons
    assert together.score > alone.score
    assert {e.source_id for e in together.evidence} == {"1", "2"}


def test_scores_are_finite_and_runs_are_deterministic(matcher: Matcher) -> None:
    queries = [
        ClaimQuery(text=t, source_ids=("1",))
        for t in ("", "...", "On Friday.", "Houngbo", "The weather in Seoul was mild.")
    ]
    first = matcher.check(queries)
    second = Matcher({"1": WIRE, "2": SECOND}, Options()).check(queries)
    assert first == second
    for verdict in first:
        assert not math.isnan(verdict.score)
        assert 0.0 <= verdict.score <= 1.0


def test_suggest_finds_the_source_that_backs_an_uncited_claim(matcher: Matcher) -> None:
    found = matcher.suggest("Lee Jae Myung took office in June 2025.")
    assert [s.source_id for s in found][:1] == ["2"]
    assert found[0].evidence is not None
    assert found[0].evidence.quote.startswith("Lee Jae Myung took office")


def test_suggest_many_matches_suggest_one_by_one(matcher: Matcher) -> None:
    pairs = [
        ("Lee Jae Myung took office in June 2025.", ""),
        ("Volcanic eruptions disrupted shipping routes across the Pacific.", ""),
    ]
    batch = matcher.suggest_many(pairs)
    assert batch == [matcher.suggest(text, context) for text, context in pairs]
    assert batch[1] == []


def test_sentence_count(matcher: Matcher) -> None:
    assert matcher.sentence_count("1") == 5
    assert matcher.sentence_count("2") == 2
    assert matcher.sentence_count("nope") == 0


@pytest.mark.parametrize(
    "text",
    [
        "South Korea's decision indicates that the government views AI as a systemic risk.",
        "Seoul is attempting to create a sustainable model for a just transition.",
        "The meeting marks a strategic effort by the government to address automation.",
    ],
)
def test_analysis_needs_a_citation_as_unattributed_analysis(matcher: Matcher, text: str) -> None:
    decision = matcher.need([(text, "")])[0]
    assert decision.needs_citation
    assert decision.reason is not None
    assert "unattributed analysis" in decision.reason


@pytest.mark.parametrize(
    "text",
    ["What happens next?", "Background", "In conclusion, there is more to do.", "Thanks!"],
)
def test_questions_fragments_and_transitions_need_none(matcher: Matcher, text: str) -> None:
    assert not matcher.need([(text, "")])[0].needs_citation


def test_specific_fact_needs_a_citation(matcher: Matcher) -> None:
    decision = matcher.need([("Unemployment rose to 3.1 percent in October.", "")])[0]
    assert decision.needs_citation
    assert 0.0 <= decision.score <= 1.0


def test_rounded_figure_backs_the_claim_but_a_different_one_does_not() -> None:
    m = Matcher(
        {"1": "The fund raised 3,512,000 dollars. Exports reached 14.8 million tonnes."}, Options()
    )
    rounded = check(m, "The fund raised 3.5 million dollars.")
    assert rounded.status is Status.SUPPORTED, rounded.reasons
    changed = check(m, "Exports reached 15.3 million tonnes.")
    assert changed.status is not Status.SUPPORTED
    assert "source 1 says '14.8 million', the claim says '15.3 million'" in changed.reasons


def test_common_paraphrases_count_as_backing() -> None:
    m = Matcher(
        {"1": "The novelist's death in Lisbon was announced on Tuesday by her publisher."},
        Options(),
    )
    verdict = check(m, "The novelist died in Lisbon, her publisher announced on Tuesday.")
    assert verdict.status is Status.SUPPORTED, verdict.reasons
    assert "died" in verdict.evidence[0].matched_terms


def test_acronym_and_full_name_match_both_ways() -> None:
    m = Matcher({"1": "The United States sent aid to Gaza on Monday."}, Options())
    verdict = check(m, "The US sent aid to Gaza on Monday.")
    assert verdict.status is Status.SUPPORTED, verdict.reasons
    m2 = Matcher({"1": "The WHO declared an emergency in March."}, Options())
    verdict2 = check(m2, "The World Health Organization declared an emergency in March.")
    assert verdict2.status is Status.SUPPORTED, verdict2.reasons


def test_an_unknown_acronym_is_a_missing_name() -> None:
    m = Matcher({"1": "The United Nations Children's Fund sent aid to Gaza on Monday."}, Options())
    verdict = check(m, "UNICEF sent aid to Gaza on Monday.")
    assert verdict.status is Status.PARTIAL
    assert "no cited source mentions 'UNICEF'" in verdict.reasons


@settings(max_examples=40, deadline=None)
@given(
    source=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
    claim=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120),
)
def test_any_text_gives_a_finite_score_and_exact_quotes(source: str, claim: str) -> None:
    sources = {"1": source, "2": "Prices rose 5% in 2023. The ILO met on Friday, Jan. 5."}
    m = Matcher(sources, Options())
    for verdict in m.check([ClaimQuery(text=claim, source_ids=("1", "2"))]):
        assert 0.0 <= verdict.score <= 1.0
        for ev in verdict.evidence:
            assert sources[ev.source_id][ev.start : ev.end] == ev.quote
    decision = m.need([(claim, source[:50])])[0]
    assert 0.0 <= decision.score <= 1.0


def test_iso_dates_give_their_month() -> None:
    m = Matcher({"1": "PUBLISHED: 2018-03-14\nThe museum reopened after repairs."}, Options())
    verdict = check(m, "The museum reopened in March 2018 after repairs.")
    assert verdict.status is Status.SUPPORTED, verdict.reasons
    changed = check(m, "The museum reopened in May 2018 after repairs.")
    assert changed.status is not Status.SUPPORTED


def test_each_sub_claim_gets_its_own_best_sentence() -> None:
    from citecheck.match.lexical.analyse import analyse_all
    from citecheck.match.lexical.features import sub_claim_support
    from citecheck.match.lexical.index import build_index
    from citecheck.match.lexical.retrieve import retrieve

    source = (
        "The bridge opened to traffic in 1932. Tolls were abolished long ago. "
        "Engineers praised its steel arch design."
    )
    index = build_index("1", source)
    both, one = analyse_all(
        [
            "The bridge opened to traffic in 1932, and engineers praised its steel arch design.",
            "The bridge opened to traffic in 1932, and critics mocked its narrow pedestrian lanes.",
        ]
    )
    backed = sub_claim_support(both, retrieve(both, [index]))
    half = sub_claim_support(one, retrieve(one, [index]))
    # Both clauses are backed, each by a different sentence; in the second claim the
    # weakest clause has almost nothing behind it.
    assert backed >= 0.9
    assert half < 0.5
    assert half < backed


def test_reported_speech_of_he_or_she_leans_on_a_source() -> None:
    from citecheck.match.lexical.analyse import analyse_all
    from citecheck.need.decide import need_features

    context = "Mayor Ana Ruiz opened the new library on Monday."
    said, plain = analyse_all(
        ["She said the library would stay open late.", "The library stays open late."]
    )
    reported = need_features(said.text, context, said)
    narrated = need_features(plain.text, context, plain)
    assert reported["speech_pronoun"] == 1.0
    assert narrated["speech_pronoun"] == 0.0
    assert reported["context_overlap"] > 0.0  # "library" continues the sentence before
    assert need_features(plain.text, "", plain)["context_overlap"] == 0.0


def test_plot_narration_is_not_read_as_analysis_or_a_view() -> None:
    from citecheck.match.lexical.analyse import analyse_all
    from citecheck.need.decide import decide, signals

    plot = "Jack motions for her to join him and he reveals that he has lived in the hotel."
    view = "President Lee hopes the ILO will play a major role in shaping labor policy."
    analysis = "The governor warns that the budget reveals a deeper crisis."
    facts = dict(zip((plot, view, analysis), analyse_all([plot, view, analysis]), strict=True))
    assert signals(plot, facts[plot]).narrated
    assert not signals(view, facts[view]).narrated  # "hopes" reports a view, not an event
    assert not signals(analysis, facts[analysis]).narrated
    plot_decision = decide(plot, "", facts[plot])
    assert plot_decision.reason is None or "analysis" not in plot_decision.reason
    view_decision = decide(view, "", facts[view])
    assert view_decision.needs_citation
    assert "'Lee'" in (view_decision.reason or "")
    analysis_decision = decide(analysis, "", facts[analysis])
    assert analysis_decision.needs_citation
    assert "unattributed analysis" in (analysis_decision.reason or "")


def test_a_count_in_a_plot_summary_is_not_a_statistic_but_money_is() -> None:
    from citecheck.match.lexical.analyse import analyse_all
    from citecheck.need.decide import signals

    plot = "Rust finds 3 bodies in the cellar and calls Marty."
    pay = "He earns $5 million a year from the deal."
    news = "The company employs 3,000 people in Ohio."
    facts = dict(zip((plot, pay, news), analyse_all([plot, pay, news]), strict=True))
    assert signals(plot, facts[plot]).narrated
    assert not signals(plot, facts[plot]).figure_needs_source
    assert signals(pay, facts[pay]).narrated  # "he earns" narrates, but money is money
    assert signals(pay, facts[pay]).figure_needs_source
    assert signals(news, facts[news]).figure_needs_source
