"""Issue 12, item 6: unnamed and generic attributions need a source, as named ones do."""

from __future__ import annotations

import pytest

import citecheck
from citecheck import Status


def _only(text: str, **options: object) -> citecheck.ClaimResult:
    report = citecheck.verify(text, {}, **options)  # type: ignore[arg-type]
    (claim,) = report.claims
    return claim


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Police said the suspect fled on foot.", "Police"),
        ("Analysts expect property taxes to rise next year.", "Analysts"),
        ("Critics say the plan cuts library hours.", "Critics"),
        ("The company said profits rose last year.", "The company"),
        ("The mayor called the vote 'a turning point.'", "The mayor"),
        ("The suspect fled on foot, police said.", "police"),
        ("People familiar with the talks said the deal was close.", "People"),
        ("A spokesperson for the utility said power would return by Friday.", "A spokesperson"),
        ("Local officials have warned that the bridge could close.", "Local officials"),
    ],
)
def test_an_unnamed_speaker_makes_the_claim_uncited(text: str, speaker: str) -> None:
    claim = _only(text)
    assert claim.status is Status.UNCITED
    assert claim.needs_citation
    (why,) = claim.details
    assert why.code == "generic_attribution_uncited"
    assert why.params == {"speaker": speaker}
    assert f"'{speaker}'" in why.message


def test_a_named_speaker_keeps_its_own_reason() -> None:
    claim = _only("Mayor Karen Bass said the vote was close.")
    assert claim.status is Status.UNCITED
    assert [d.code for d in claim.details] == ["attribution_uncited"]
    assert claim.details[0].params == {"speaker": "Bass"}


@pytest.mark.parametrize(
    "text",
    [
        "Some states require employers to reimburse remote workers.",  # a noun phrase
        "The mayor called the police after the storm.",  # "called" with no quotation
        "Residents of the valley grow apples and pears.",
    ],
)
def test_look_alikes_are_not_attributions(text: str) -> None:
    claim = _only(text)
    assert all(d.code != "generic_attribution_uncited" for d in claim.details), claim.details


def test_a_cited_generic_attribution_is_checked_not_flagged() -> None:
    report = citecheck.verify(
        "Police said the suspect fled on foot [1].", {1: "Police said the suspect fled on foot."}
    )
    assert report.claims[0].status is Status.SUPPORTED


@pytest.mark.parametrize(
    "text",
    [
        "The ID said the parameter is required.",
        "The ID in the request header says which user sent it.",
        "Each request carries an API key, which the server says is valid for a day.",
    ],
)
def test_acronyms_that_are_not_speakers_are_never_quoted_as_speakers(text: str) -> None:
    for profile in ("news", "docs"):
        claim = _only(text, profile=profile)
        for detail in claim.details:
            assert detail.params.get("speaker") not in ("ID", "API"), (profile, detail)
            assert "'ID' said" not in detail.message
            assert "'API' said" not in detail.message


def test_an_acronym_that_speaks_is_still_a_speaker() -> None:
    claim = _only("The WHO said on Monday that the outbreak in Kivu province was over.")
    assert claim.status is Status.UNCITED
    assert claim.details[0].code == "attribution_uncited"
    assert claim.details[0].params == {"speaker": "WHO"}
