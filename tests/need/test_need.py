"""Citation need: which uncited sentences need a source, and the reason given."""

from __future__ import annotations

import pytest

from citecheck.lang import get_language
from citecheck.match.lexical.analyse import analyse_all
from citecheck.match.lexical.normalize import Lexicon
from citecheck.need.cues import compile_cues
from citecheck.need.decide import decide
from citecheck.need.features import need_features
from citecheck.need.signals import signals
from tests.match.support import WIRE, Harness

LEXICON = Lexicon(get_language("en"))
CUES = compile_cues(get_language("en"))


@pytest.fixture(scope="module")
def wire() -> Harness:
    return Harness({"1": WIRE})


@pytest.mark.parametrize(
    "text",
    [
        "South Korea's decision indicates that the government views AI as a systemic risk.",
        "Seoul is attempting to create a sustainable model for a just transition.",
        "The meeting marks a strategic effort by the government to address automation.",
    ],
)
def test_analysis_needs_a_citation_as_unattributed_analysis(wire: Harness, text: str) -> None:
    decision = wire.need(text)
    assert decision.needs_citation
    assert decision.reason is not None
    assert decision.reason.code == "analysis_uncited"
    assert "unattributed analysis" in decision.reason.message


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("What happens next?", "exempt_question"),
        ("Background", "exempt_fragment"),
        ("In conclusion, there is more to do.", "exempt_transition"),
        ("Thanks!", "exempt_transition"),
        ("It is what it is.", "exempt_no_content"),
    ],
)
def test_questions_fragments_and_transitions_need_none_and_say_why(
    wire: Harness, text: str, code: str
) -> None:
    decision = wire.need(text)
    assert not decision.needs_citation
    assert not decision.statement
    assert decision.reason is not None
    assert decision.reason.code == code


def test_specific_fact_needs_a_citation(wire: Harness) -> None:
    decision = wire.need("Unemployment rose to 3.1 percent in October.")
    assert decision.needs_citation
    assert 0.0 <= decision.score <= 1.0


def test_reported_speech_of_he_or_she_leans_on_a_source() -> None:
    context = "Mayor Ana Ruiz opened the new library on Monday."
    said, plain = analyse_all(
        ["She said the library would stay open late.", "The library stays open late."], LEXICON
    )
    reported = need_features(said.text, context, said, CUES, LEXICON)
    narrated = need_features(plain.text, context, plain, CUES, LEXICON)
    assert reported["speech_pronoun"] == 1.0
    assert narrated["speech_pronoun"] == 0.0
    assert reported["context_overlap"] > 0.0  # "library" continues the sentence before
    assert need_features(plain.text, "", plain, CUES, LEXICON)["context_overlap"] == 0.0


def test_plot_narration_is_not_read_as_analysis_or_a_view() -> None:
    plot = "Jack motions for her to join him and he reveals that he has lived in the hotel."
    view = "President Lee hopes the ILO will play a major role in shaping labor policy."
    analysis = "The governor warns that the budget reveals a deeper crisis."
    facts = dict(
        zip((plot, view, analysis), analyse_all([plot, view, analysis], LEXICON), strict=True)
    )
    assert signals(plot, facts[plot], CUES, LEXICON).narrated
    assert not signals(view, facts[view], CUES, LEXICON).narrated  # "hopes" reports a view
    assert not signals(analysis, facts[analysis], CUES, LEXICON).narrated
    plot_decision = decide(plot, "", facts[plot], CUES, LEXICON)
    assert plot_decision.reason is None or plot_decision.reason.code != "analysis_uncited"
    view_decision = decide(view, "", facts[view], CUES, LEXICON)
    assert view_decision.needs_citation
    assert view_decision.reason is not None
    assert view_decision.reason.params == {"speaker": "Lee"}
    analysis_decision = decide(analysis, "", facts[analysis], CUES, LEXICON)
    assert analysis_decision.needs_citation
    assert analysis_decision.reason is not None
    # The governor's warning is attributed (issue 12): a generic speaker, not the article's
    # own analysis; still not narration, still uncited.
    assert analysis_decision.reason.code == "generic_attribution_uncited"
    assert analysis_decision.reason.params == {"speaker": "The governor"}


def test_a_count_in_a_plot_summary_is_not_a_statistic_but_money_is() -> None:
    plot = "Rust finds 3 bodies in the cellar and calls Marty."
    pay = "He earns $5 million a year from the deal."
    news = "The company employs 3,000 people in Ohio."
    facts = dict(zip((plot, pay, news), analyse_all([plot, pay, news], LEXICON), strict=True))
    assert signals(plot, facts[plot], CUES, LEXICON).narrated
    assert not signals(plot, facts[plot], CUES, LEXICON).figure_needs_source
    assert signals(pay, facts[pay], CUES, LEXICON).narrated  # "he earns" narrates; money is money
    assert signals(pay, facts[pay], CUES, LEXICON).figure_needs_source
    assert signals(news, facts[news], CUES, LEXICON).figure_needs_source
