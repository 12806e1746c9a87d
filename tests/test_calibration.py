"""``retrieval.calibration``: the second stage of the trigger, a page's opening that names what
is asked about and says nothing of what is asked, added to the frozen trigger's logit."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from retrieval import QAEngine
from retrieval.calibration import (
    CALIBRATION_FEATURES,
    NONE,
    Calibration,
    aside,
    bundled,
    calibration_row,
)
from retrieval.corpus import Document
from retrieval.errors import ModelError
from retrieval.selection import FEATURES
from retrieval.selection import bundled as bundled_selector

PAGE = ("Mira Castell (1931 - 1999) was a Dutch painter and sculptor.\n"
        "She studied at the academy in Utrecht and later taught drawing there.\n"
        "Her large canvases of harbours and rivers hang in several museums.\n"
        "In her later years she made bronze figures of dancers.\n"
        "Critics praised the calm light of her northern landscapes.\n"
        "A retrospective of her work toured three countries after her death.\n"
        "Her letters to other painters were published in two volumes.\n"
        "The town where she worked named a square after her.\n"
        "Several of her students became known painters in their own right.\n"
        "Her studio is kept as it was and can be visited in summer.")
OTHER = ("Tomas Verlaan is a Belgian architect.\nHe designed bridges and railway stations across "
         "Flanders.\nHis best known building is a library in Ghent.")


def _row(**values: float) -> list[float]:
    x = [0.0] * len(FEATURES)
    for name, v in values.items():
        x[FEATURES.index(name)] = v
    return x


def test_the_shipped_second_stage_loads_and_weighs_an_opening_aside_down() -> None:
    c = bundled()
    assert c.coef.shape == (len(CALIBRATION_FEATURES),) and np.isfinite(c.coef).all()
    assert c.coef[CALIBRATION_FEATURES.index("aside")] < 0
    assert Calibration.from_json(json.loads(json.dumps(c.to_json()))).coef.tolist() == (
        c.coef.tolist())


@pytest.mark.parametrize("damage", [
    lambda d: d.update(version=99), lambda d: d.update(names=["other"]),
    lambda d: d.update(coef=[float("nan")]), lambda d: d.update(coef=[1.0, 2.0]),
    lambda d: d.pop("coef")])
def test_a_damaged_calibration_file_is_refused_with_a_clear_error(tmp_path: Path, damage
                                                                  ) -> None:
    data = bundled().to_json()
    damage(data)
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match=r"calibration model .* unusable"):
        Calibration.load(path)


def test_aside_is_an_opening_that_meets_only_the_title_and_holds_no_evidence() -> None:
    assert aside(_row(lead=1, title=0.6, focus_own=0.0)) == 1.0
    assert aside(_row(lead=1, title=0.6, focus_own=0.3)) == 0.0  # meets what is asked
    assert aside(_row(lead=1, title=0.6, focus_own=0.0, evidence=1)) == 0.0  # a date, a place
    assert aside(_row(lead=0, title=0.6, focus_own=0.0)) == 0.0  # not the page's opening
    assert aside(_row(lead=1, title=0.0, focus_own=0.0)) == 0.0  # its title not asked of
    assert calibration_row(_row(lead=1, title=0.6)).tolist() == [1.0]


def test_no_second_stage_leaves_the_confidence_and_a_weight_moves_its_logit() -> None:
    assert NONE.adjust(0.8, np.array([1.0])) == 0.8
    c = Calibration(np.array([-np.log(4.0)]), {})
    assert c.adjust(0.8, np.array([1.0])) == pytest.approx(0.5)  # odds 4 -> 1
    assert c.adjust(0.8, np.array([0.0])) == 0.8
    assert c.adjust(1.0, np.array([1.0])) == 1.0 and c.adjust(0.0, np.array([1.0])) == 0.0


def test_a_pages_opening_that_says_nothing_of_what_is_asked_is_less_sure() -> None:
    engine = QAEngine.from_documents([Document(id="mira", title="Mira Castell", text=PAGE),
                                      Document(id="tomas", title="Tomas Verlaan", text=OTHER)])
    ranking = engine.rank("what instrument did mira castell play")
    assert ranking is not None
    best = ranking.candidates[0]
    assert best.sentence.text.startswith("Mira Castell (1931 - 1999) was a Dutch painter")
    assert aside(best.features) == 1.0
    selector = bundled_selector()
    logits = np.sort(selector.rank(np.array([[*c.features, *c.meaning]
                                             for c in ranking.candidates])))[::-1]
    frozen = selector.confidence(np.asarray(best.features), logits, ranking.top_score,
                                 engine.collection.n_passages)
    assert ranking.confidence == pytest.approx(bundled().adjust(frozen, np.array([1.0])))
    assert ranking.confidence < frozen
    # the opening asked what it says is as sure as before
    who = engine.rank("who was mira castell")
    assert who is not None and aside(who.candidates[0].features) == 0.0
