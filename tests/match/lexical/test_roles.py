"""Role checks of the lexical judge: who did what, on small hand-made sources."""

from __future__ import annotations

import pytest

from citecheck.report import Status
from tests.match.support import Harness, messages

SOURCE = (
    "The Bank of Corvia cut its main rate to 3 percent on Thursday. Analysts surveyed by the "
    "Corvia Herald had expected no change."
)


@pytest.fixture(scope="module")
def corvia() -> Harness:
    return Harness({"1": SOURCE})


def test_name_of_the_same_place_is_backed(corvia: Harness) -> None:
    verdict = corvia.check("Analysts surveyed by the Corvia Herald had expected no change.")
    assert verdict.status is Status.SUPPORTED, messages(verdict)


def test_name_with_of_heads_on_its_first_word(corvia: Harness) -> None:
    """'Bank of Corvia' for 'Corvia Herald': the heads 'Bank' and 'Herald' fill one slot."""
    verdict = corvia.check("Analysts surveyed by the Bank of Corvia had expected no change.")
    assert verdict.status is Status.CONTRADICTED
    (conflict,) = [r for r in verdict.reasons if r.code == "role_conflict"]
    assert conflict.params["claim_value"] == "Bank of Corvia"
    assert conflict.params["source_value"] == "Corvia Herald"


REPORT = (
    "Catches of cod fell by a third last year, according to a report from the Coastal "
    "Fisheries Council. The Harbour Pilots Guild said fuel costs had doubled."
)


@pytest.mark.parametrize(
    "tail", ["the Coastal Fisheries Council", "the council"], ids=["verbatim", "role"]
)
def test_party_after_preposition_and_determiner_is_backed(tail: str) -> None:
    claim = f"Catches of cod fell by a third last year, according to a report from {tail}."
    verdict = Harness({"1": REPORT}).check(claim)
    assert verdict.status is Status.SUPPORTED, messages(verdict)


def test_party_after_preposition_and_determiner_is_a_slot() -> None:
    """'a report from the X': the content word two back anchors the name at the tail."""
    claim = (
        "Catches of cod fell by a third last year, according to a report from the Harbour "
        "Pilots Guild."
    )
    verdict = Harness({"1": REPORT}).check(claim)
    assert verdict.status is Status.CONTRADICTED
    (conflict,) = [r for r in verdict.reasons if r.code == "role_conflict"]
    assert conflict.params["claim_value"] == "Harbour Pilots Guild"
    assert conflict.params["source_value"] == "Coastal Fisheries Council"


SERVICE = (
    "Her father, Colonel Ivo Marsh, was then serving in Norway with the army. His old "
    "regiment later toured as a band called No Way Out."
)


def test_named_party_in_apposition_is_backed() -> None:
    claim = "Her father, Colonel Ivo Marsh, was then serving in Norway with the army."
    verdict = Harness({"1": SERVICE}).check(claim)
    assert verdict.status is Status.SUPPORTED, messages(verdict)


def test_name_spelt_with_small_capitalised_words_is_a_party() -> None:
    """'No Way Out' in the slot of 'Ivo Marsh': its capitalised 'No' is part of the name."""
    claim = "Her father, Colonel No Way Out, was then serving in Norway with the army."
    verdict = Harness({"1": SERVICE}).check(claim)
    assert verdict.status is Status.CONTRADICTED
    (conflict,) = [r for r in verdict.reasons if r.code == "role_conflict"]
    assert (conflict.params["claim_value"], conflict.params["source_value"]) == (
        "No Way Out",
        "Ivo Marsh",
    )


STAFF = (
    "Ines Marlowe, a reporter covering Peru and Central America who works at the Harlow "
    "Courier, was hurt on Monday. Colleagues from Quito flew in to see her."
)


def test_name_in_the_place_of_another_is_a_changed_party() -> None:
    """'Peru and Quito' where the source has 'Peru and Central America': a name put between
    the same words, though the source names Quito elsewhere."""
    claim = (
        "Ines Marlowe, a reporter covering Peru and Quito who works at the Harlow Courier, "
        "was hurt on Monday."
    )
    verdict = Harness({"1": STAFF}).check(claim)
    assert verdict.status is Status.CONTRADICTED, messages(verdict)
    (conflict,) = [r for r in verdict.reasons if r.code == "role_conflict"]
    assert conflict.params["claim_value"] == "Quito"
    assert conflict.params["source_value"] == "Central America"


def test_same_name_in_its_place_is_backed() -> None:
    claim = (
        "Ines Marlowe, a reporter covering Peru and Central America who works at the Harlow "
        "Courier, was hurt on Monday."
    )
    verdict = Harness({"1": STAFF}).check(claim)
    assert verdict.status is Status.SUPPORTED, messages(verdict)
