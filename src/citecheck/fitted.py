"""A logistic combination of named features, loaded from a small JSON file in the package.

Used by the judge (`judge_model.json`) and by the citation-need decision
(`need_model.json`); both files are written by the fitting scripts in `benchmarks/`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt


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

    def score(self, values: dict[str, float]) -> float:
        """Probability in [0, 1] (never NaN: missing or non-finite inputs count as 0)."""
        raw = [values.get(n, 0.0) for n in self.names]
        x = np.array([v if math.isfinite(v) else 0.0 for v in raw], dtype=np.float64)
        z = float(((x - self.mean) / self.scale) @ self.coef + self.intercept)
        z = max(-40.0, min(40.0, z)) if math.isfinite(z) else 0.0
        p = 1.0 / (1.0 + math.exp(-z))
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


@lru_cache(maxsize=4)
def load_model(package: str, filename: str) -> LogisticModel:
    """A model shipped as package data (`package` is the dotted package holding the file)."""
    text = resources.files(package).joinpath(filename).read_text("utf-8")
    return LogisticModel.from_json(json.loads(text))
