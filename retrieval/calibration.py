"""The second stage of the trigger: what the frozen English trigger (``selection.py``) does not
weigh, added to its logit (``models/calibration.json``, trained by
``training/train_calibration.py``).

A question typed to a search engine names a page's subject and asks one thing of it ("who is amy
poehler married to", "where are the jonas brothers right now"). The page's opening sentence holds
its title's words, so it meets much of the question, and the trigger, which learned mostly from
paragraphs asked about what they say, is sure of it; but when it meets none of the rest of the
question (``focus_own``: the weight outside the document's title, exactly or by a word of like
meaning) and holds none of the evidence the question asks for (a date for "when", a place for
"where", ...), it names what is asked about and says nothing of what is asked: ``aside``.

The weight is fitted on questions asked of whole pages, with the trigger's logit as it is (an
offset): SQuAD's and XQuAD's tune halves asked of their articles, the same with the sentences
holding each answer cut from its article (the right page, no answer), and the search questions'
tune split. Plain JSON, loaded once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .selection import FEATURES, load_model

# the second stage's features of the best candidate, in the order of its weights
CALIBRATION_FEATURES: tuple[str, ...] = ("aside",)
CALIBRATION_FILE = "calibration.json"
CALIBRATION_VERSION = 1
_AT = {name: FEATURES.index(name) for name in ("lead", "title", "focus_own", "evidence")}


def aside(features: Sequence[float]) -> float:
    """1 when a candidate (its ``selection.FEATURES`` row) opens a document whose title holds
    some of the question's weight, meets none of the rest and holds no evidence of the kind
    asked for; else 0."""
    return float(features[_AT["lead"]] > 0 and features[_AT["title"]] > 0
                 and features[_AT["focus_own"]] == 0 and not features[_AT["evidence"]])


def calibration_row(features: Sequence[float]) -> np.ndarray:
    """The second stage's row of the best candidate, in ``CALIBRATION_FEATURES`` order."""
    return np.array([aside(features)])


@dataclass(frozen=True, slots=True)
class Calibration:
    """Weights added to the frozen trigger's logit, one per ``CALIBRATION_FEATURES``."""

    coef: np.ndarray
    about: dict[str, Any]  # how it was trained and what it measured (not used to answer)

    def adjust(self, confidence: float, row: np.ndarray) -> float:
        """The trigger's ``confidence`` with the weighted second-stage ``row`` added to its
        logit."""
        shift = float(row @ self.coef)
        if shift == 0.0 or not 0.0 < confidence < 1.0:
            return confidence
        z = math.log(confidence / (1.0 - confidence)) + shift
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def to_json(self) -> dict[str, Any]:
        return {"version": CALIBRATION_VERSION, "names": list(CALIBRATION_FEATURES),
                "coef": self.coef.tolist(), "about": self.about}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Calibration:
        if data.get("version") != CALIBRATION_VERSION:
            raise ValueError(f"calibration version {data.get('version')!r}, expected "
                             f"{CALIBRATION_VERSION}")
        if tuple(data["names"]) != CALIBRATION_FEATURES:
            raise ValueError(f"the calibration features {data['names']} are not "
                             f"{list(CALIBRATION_FEATURES)}")
        coef = np.asarray(data["coef"], dtype=np.float64)
        if coef.shape != (len(CALIBRATION_FEATURES),) or not np.isfinite(coef).all():
            raise ValueError("the calibration weights are not a finite vector of its features' "
                             "length")
        return cls(coef, dict(data.get("about", {})))

    @classmethod
    def load(cls, path: str | Path) -> Calibration:
        """The second stage from its JSON file; ``ModelError`` when it is not one."""
        return load_model(path, "calibration model", cls.from_json)


NONE = Calibration(np.zeros(len(CALIBRATION_FEATURES)), {"none": True})  # no adjustment


@cache
def bundled() -> Calibration:
    """The second stage that ships in the package (read once)."""
    path = resources.files("retrieval") / "models" / CALIBRATION_FILE
    with resources.as_file(path) as p:
        return Calibration.load(p)


__all__ = ["CALIBRATION_FEATURES", "NONE", "Calibration", "aside", "bundled",
           "calibration_row"]
