"""Shipped weights come with a model card naming every file they were fitted on, with its
licence (the fitted files record their data by name and sha256)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "citecheck"
MODELS = sorted(PACKAGE.rglob("*_model.json"))


def test_there_are_shipped_models() -> None:
    assert {m.name for m in MODELS} >= {"judge_model.json", "need_model.json"}


@pytest.mark.parametrize("model", MODELS, ids=lambda p: p.name)
def test_every_training_file_is_on_the_card_with_its_licence(model: Path) -> None:
    card = model.parent / "MODEL_CARD.md"
    assert card.is_file(), f"{model.name} ships without {card.name}"
    text = card.read_text(encoding="utf-8")
    fitted = json.loads(model.read_text(encoding="utf-8"))
    files = list(fitted["fitted_on"]) + [f"{n}.jsonl" for n in fitted["fitting"].get("train", [])]
    assert files, "the model names no training file"
    for name in files:
        rows = [line for line in text.splitlines() if f"`{name}`" in line and line.startswith("|")]
        assert rows, f"{card.name} does not list {name}"
        licence = rows[0].rstrip("|").rsplit("|", 1)[-1].strip()
        assert licence, f"{card.name}: no licence for {name}"
    for digest in fitted["fitted_on"].values():
        assert digest in text, f"{card.name} does not give the sha256 {digest[:12]}…"


def test_cards_report_the_cross_validated_figures() -> None:
    for model in MODELS:
        text = (model.parent / "MODEL_CARD.md").read_text(encoding="utf-8")
        cv = json.loads(model.read_text(encoding="utf-8")).get("cv", {})
        for name, figures in cv.items():
            bacc = figures.get("BAcc")
            if bacc is not None:
                assert re.search(rf"{re.escape(name)}.*{bacc:.3f}", text), (model.name, name)
