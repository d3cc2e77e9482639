"""A logistic combination of named features, loaded from a small JSON file in the package.

Used by the lexical judge (`match/lexical/judge_model.json`) and by the citation-need
decision (`need/need_model.json`); both files are written by the fitting scripts in
`benchmarks/` (`fit.py`, `fit_need.py`), which score through `LogisticModel.score` too,
so there is one definition of a model's score. Loading checks the file against the
code: its schema version, and that its feature names are exactly the features the
code computes, in order — a renamed or reordered feature is an error, never a silent 0.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt

from citecheck.errors import InternalError

#: Logits are clipped to ±this before the sigmoid (no overflow, no exact 0 or 1).
_CLIP = 40.0


@dataclass(frozen=True, slots=True)
class LogisticModel:
    """Standardised features -> probability, plus the thresholds that turn it into a decision."""

    names: tuple[str, ...]
    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    coef: npt.NDArray[np.float64]
    intercept: float
    thresholds: dict[str, float]
    #: (feature, center, slope): the score moves by -slope * (feature - center), so that one
    #: threshold fits short passages and long articles alike (calibration by source length).
    shift: tuple[str, float, float] | None = None

    def probabilities(self, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """The model's probability for each row of a features matrix (columns in `names`
        order), before the `shift`: the one definition the fitting scripts score with."""
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        z = np.clip(np.nan_to_num(z, nan=0.0, posinf=_CLIP, neginf=-_CLIP), -_CLIP, _CLIP)
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)

    def score(self, values: dict[str, float]) -> float:
        """Probability in [0, 1] (never NaN: missing or non-finite inputs count as 0)."""
        raw = [values.get(n, 0.0) for n in self.names]
        x = np.array([v if math.isfinite(v) else 0.0 for v in raw], dtype=np.float64)
        p = float(self.probabilities(x[None, :])[0])
        if self.shift is not None:
            name, center, slope = self.shift
            value = values.get(name, center)
            p -= slope * ((value if math.isfinite(value) else center) - center)
        return min(1.0, max(0.0, p))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LogisticModel:
        scale = np.array(data["scale"], dtype=np.float64)
        return cls(
            names=tuple(data["features"]),
            mean=np.array(data["mean"], dtype=np.float64),
            scale=np.where(scale > 0, scale, 1.0),
            coef=np.array(data["coef"], dtype=np.float64),
            intercept=float(data["intercept"]),
            thresholds={str(k): float(v) for k, v in data["thresholds"].items()},
            shift=(
                (
                    str(data["shift"]["feature"]),
                    float(data["shift"]["center"]),
                    float(data["shift"]["slope"]),
                )
                if data.get("shift")
                else None
            ),
        )


#: The model-file layout this code reads; the fitting scripts write it.
MODEL_SCHEMA_VERSION = 2


class ModelFileError(InternalError):
    """A shipped model file does not fit the code that reads it (refit it)."""


def check_model_data(data: Any, features: Sequence[str], where: str) -> None:
    """Raise `ModelFileError` unless `data` is a model file for exactly `features`."""
    if not isinstance(data, dict):
        raise ModelFileError(f"{where}: not a model file (a JSON object is expected)")
    version = data.get("schema_version")
    if version != MODEL_SCHEMA_VERSION:
        raise ModelFileError(
            f"{where}: schema version {version!r}, but this code reads version "
            f"{MODEL_SCHEMA_VERSION}; refit it with the script in benchmarks/"
        )
    names = data.get("features")
    if names != list(features):
        missing = [n for n in features if n not in (names or [])]
        extra = [n for n in names or [] if n not in features]
        detail = f"missing {missing}, unknown {extra}" if missing or extra else "in another order"
        raise ModelFileError(
            f"{where}: its features do not match the code's ({detail}); refit it with the "
            "script in benchmarks/"
        )
    for key in ("mean", "scale", "coef"):
        values = data.get(key)
        if not isinstance(values, list) or len(values) != len(features):
            raise ModelFileError(f"{where}: {key!r} must list one number per feature")


@lru_cache(maxsize=8)
def load_model(package: str, filename: str, features: tuple[str, ...]) -> LogisticModel:
    """A model shipped as package data, checked against the `features` the code computes."""
    where = f"{package}/{filename}"
    try:
        data = json.loads(resources.files(package).joinpath(filename).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelFileError(f"{where}: cannot be read ({exc})") from None
    check_model_data(data, features, where)
    return LogisticModel.from_json(data)
