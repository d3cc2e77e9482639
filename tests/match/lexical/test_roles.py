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
