"""Reason codes: documented, rendered from their parameters, stable."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.reasons import CATALOGUE, catalogue_markdown, reason

DOC = Path(__file__).resolve().parent.parent / "docs" / "reasons.md"


def test_every_code_is_documented() -> None:
    assert DOC.read_text(encoding="utf-8") == catalogue_markdown(), (
        "docs/reasons.md is out of date: python scripts/reasons_doc.py > docs/reasons.md"
    )


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_renders_a_one_line_message_from_its_params(code: str) -> None:
    params = {
        name: ["a", "b"] if name in ("sources", "terms", "unseen") else "x"
        for name in CATALOGUE[code].params
    }
    made = reason(code, **params)
    assert made.code == code
    assert made.params == params
    assert made.message.strip()
    assert "\n" not in made.message
    assert "{" not in made.message  # every placeholder filled


def test_an_unknown_code_is_an_error() -> None:
    with pytest.raises(KeyError):
        reason("no_such_code")
