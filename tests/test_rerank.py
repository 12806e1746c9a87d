"""``retrieval.rerank``: the second stage of ranking, the heading a candidate sits under met by
the question, added to the frozen ranker's logits."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from retrieval import QAEngine
from retrieval.analyzer import analyzer, lower_words
from retrieval.errors import ModelError
from retrieval.rerank import NONE, RERANK_FEATURES, Rerank, bundled, heading_meets, own_heading
from retrieval.selection import bundled as bundled_selector
from retrieval.similarity import bundled as bundled_vectors

GUIDE = ("# Settings\n\n## Verbose mode\n\nThe output shows every step the tool takes.\n\n"
         "## Quiet mode\n\nPass the q flag and no output is printed.\n")


def test_the_shipped_second_stage_loads_and_weighs_the_heading_up() -> None:
    r = bundled()
    assert r.coef.shape == (len(RERANK_FEATURES),) and np.isfinite(r.coef).all()
    assert r.coef[RERANK_FEATURES.index("heading")] > 0
    assert Rerank.from_json(json.loads(json.dumps(r.to_json()))).coef.tolist() == r.coef.tolist()


@pytest.mark.parametrize("damage", [
    lambda d: d.update(version=99), lambda d: d.update(names=["other"]),
    lambda d: d.update(coef=[float("nan")]), lambda d: d.update(coef=[1.0, 2.0]),
    lambda d: d.pop("coef")])
def test_a_damaged_second_stage_file_is_refused_with_a_clear_error(tmp_path: Path, damage
                                                                   ) -> None:
    data = bundled().to_json()
    damage(data)
    path = tmp_path / "rerank.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match=r"rerank model .* unusable"):
        Rerank.load(path)


def test_own_heading_is_the_last_of_a_section() -> None:
    assert own_heading("Guide › Install › Linux") == "Linux"
    assert own_heading("") == own_heading(None) == ""


def test_a_heading_meets_the_question_by_its_terms_and_words_of_like_meaning() -> None:
    vectors = bundled_vectors()
    assert vectors is not None
    en = analyzer("en")
    words = {en.term("disable"): "disable", en.term("colours"): "colours"}
    weights = dict.fromkeys(words, 1.0)
    met = heading_meets(vectors, words, weights,
                        ["Colours", "Turning colours off", "Release history", ""],
                        en.term_set, lower_words)
    assert met[0] >= 0.5  # "colours", one of two equal terms, exactly
    assert met[1] > met[0]  # ... and "turning off" by meaning
    assert met[2] < met[0] and met[3] == 0.0
    assert not heading_meets(None, words, weights, ["Colours"], en.term_set, lower_words).any()


def test_the_second_stage_adds_its_weighted_heading_to_the_frozen_logits(tmp_path: Path
                                                                         ) -> None:
    (tmp_path / "guide.md").write_text(GUIDE, encoding="utf-8")
    engine = QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")
    ranking = engine.rank("How do I silence the output?")
    assert ranking is not None and len(ranking.candidates) == 2
    raw = bundled_selector().rank(np.array([[*c.features, *c.meaning]
                                            for c in ranking.candidates]))
    heads = np.array([c.heading for c in ranking.candidates])
    assert heads[0] > heads[1] > 0  # "Quiet mode" meets "silence" better than "Verbose mode"
    np.testing.assert_allclose(ranking.logits, raw + bundled().coef[0] * heads)
    assert "q flag" in ranking.candidates[0].sentence.text


def test_no_second_stage_leaves_the_frozen_order() -> None:
    logits = np.array([2.0, 1.0])
    assert NONE.adjust(logits, np.array([[0.0], [1.0]])).tolist() == [2.0, 1.0]
    assert Rerank(np.array([3.0]), {}).adjust(logits, np.array([[0.0], [1.0]])).tolist() == [
        2.0, 4.0]
