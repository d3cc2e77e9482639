"""Fitted model files are checked against the code that reads them."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from citecheck.fitted import MODEL_SCHEMA_VERSION, LogisticModel, ModelFileError, check_model_data
from citecheck.match.lexical.features import FEATURES
from citecheck.match.lexical.judge import default_model
from citecheck.need.decide import default_need_model
from citecheck.need.features import NEED_FEATURES


def _shipped(package: str, name: str) -> dict[str, object]:
    return dict(json.loads(resources.files(package).joinpath(name).read_text("utf-8")))


@pytest.mark.parametrize(
    ("package", "name", "features"),
    [
        ("citecheck.match.lexical", "judge_model.json", FEATURES),
        ("citecheck.need", "need_model.json", NEED_FEATURES),
    ],
)
def test_shipped_models_fit_the_code_and_say_where_they_come_from(
    package: str, name: str, features: tuple[str, ...]
) -> None:
    data = _shipped(package, name)
    check_model_data(data, features, name)  # raises if they do not fit
    assert data["schema_version"] == MODEL_SCHEMA_VERSION
    fitted_on = data["fitted_on"]
    assert isinstance(fitted_on, dict)
    assert fitted_on
    assert all(len(digest) == 64 for digest in fitted_on.values())
    assert isinstance(data["cv"], dict)
    assert data["cv"]
    assert isinstance(data["fitting"], dict)
    assert "script" in data["fitting"]


def test_a_renamed_feature_is_an_error_not_a_silent_zero() -> None:
    data = _shipped("citecheck.match.lexical", "judge_model.json")
    names = list(FEATURES)
    names[names.index("name_missing")] = "name_absent"
    with pytest.raises(
        ModelFileError, match=r"missing \['name_missing'\], unknown \['name_absent'\]"
    ):
        check_model_data({**data, "features": names}, FEATURES, "judge_model.json")


def test_a_reordered_feature_list_is_an_error() -> None:
    data = _shipped("citecheck.need", "need_model.json")
    names = list(NEED_FEATURES)
    names[0], names[1] = names[1], names[0]
    with pytest.raises(ModelFileError, match="in another order"):
        check_model_data({**data, "features": names}, NEED_FEATURES, "need_model.json")


def test_an_old_schema_version_is_an_error() -> None:
    data = _shipped("citecheck.need", "need_model.json")
    with pytest.raises(ModelFileError, match="schema version 1"):
        check_model_data({**data, "schema_version": 1}, NEED_FEATURES, "need_model.json")


def test_the_score_and_the_fitters_probabilities_are_one_definition() -> None:
    model = default_model()
    rng = np.random.default_rng(7)
    rows = rng.normal(size=(20, len(model.names))) * model.scale + model.mean
    batch = model.probabilities(rows)
    unshifted = LogisticModel(
        names=model.names,
        mean=model.mean,
        scale=model.scale,
        coef=model.coef,
        intercept=model.intercept,
        thresholds=model.thresholds,
    )
    for row, p in zip(rows, batch, strict=True):
        assert unshifted.score(dict(zip(model.names, row, strict=True))) == pytest.approx(p)
    assert default_need_model().thresholds["needs"] > 0
