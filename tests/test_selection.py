"""``retrieval.selection``: the shipped answer selector, its JSON form, and how its confidence
decides between answering and abstaining."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from retrieval import ComposerConfig, QAEngine
from retrieval.errors import ModelError
from retrieval.selection import (
    FEATURES,
    MEANING,
    TRIGGER_EXTRA,
    Selector,
    bundled,
    read_score,
    rules_met,
    trigger_row,
)

TEXTS = [
    "The Harbour Bridge opened in 1932 after eight years of construction.",
    "Ferries cross the harbour every twenty minutes from the main quay.",
    "The city council meets on the first Monday of each month.",
]


def test_the_shipped_selector_loads_with_every_feature_and_sane_levels() -> None:
    s = bundled()
    assert s.ranker.names == FEATURES + MEANING
    assert s.trigger.names == FEATURES + TRIGGER_EXTRA
    assert 0.0 <= s.threshold <= s.sure <= 1.0
    assert s.about["trained"] == "python training/train_selector.py"


def test_a_selector_survives_its_json_form() -> None:
    s = bundled()
    again = Selector.from_json(json.loads(json.dumps(s.to_json())))
    row = np.linspace(0.0, 1.0, len(FEATURES + MEANING))
    assert np.allclose(again.rank(row[None, :]), s.rank(row[None, :]))
    assert again.threshold == s.threshold and again.sure == s.sure


def test_a_small_corpus_score_is_read_at_the_size_each_model_learned_on() -> None:
    # idf grows with the log of a corpus's size: a term met once weighs ln(1 + (N - 0.5) / 1.5)
    assert read_score(6.0, 12, 200) == pytest.approx(
        6.0 * math.log1p(199.5 / 1.5) / math.log1p(11.5 / 1.5))
    assert read_score(6.0, 12, 200) > 6.0
    assert read_score(6.0, 200, 200) == read_score(6.0, 5000, 200) == 6.0  # never scaled down
    assert read_score(6.0, 12, 0) == 6.0  # a model without a size reads it as it is
    s = bundled()
    assert s.plain is not None and s.passages > 0 and s.plain.passages > 0
    again = Selector.from_json(json.loads(json.dumps(s.to_json())))
    assert again.passages == s.passages and again.plain is not None
    assert again.plain.passages == s.plain.passages
    # told that the corpus is small, each model is surer of the same best candidate
    best = np.full(len(FEATURES), 0.5)
    logits = np.array([1.0, 0.0])
    for model in (s, s.plain):
        small = model.confidence(best, logits, 5.0, passages=12)
        assert small > model.confidence(best, logits, 5.0)
        assert small == model.confidence(best, logits, read_score(5.0, 12, model.passages))
        # ... and reads a corpus of its size or more as it is
        assert (model.confidence(best, logits, 5.0, passages=model.passages)
                == model.confidence(best, logits, 5.0))


@pytest.mark.parametrize("damage", [
    lambda d: d.update(version=99),
    lambda d: d["ranker"].update(names=d["ranker"]["names"][:-1]),
    lambda d: d["trigger"]["coef"].__setitem__(0, math.inf),
    lambda d: d["ranker"]["scale"].__setitem__(0, 0.0),
    lambda d: d.pop("trigger"),
])
def test_a_damaged_model_file_is_refused_with_a_clear_error(tmp_path, damage) -> None:
    data = bundled().to_json()
    damage(data)
    path = tmp_path / "selector.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match=r"answer selection model .* reinstall qabot"):
        Selector.load(path)


def test_the_trigger_row_is_the_best_row_and_what_the_ranker_saw() -> None:
    best = np.arange(len(FEATURES), dtype=float)
    row = trigger_row(best, np.array([2.0, 0.5, -1.0]), 3.0)
    assert len(row) == len(FEATURES) + len(TRIGGER_EXTRA)
    assert np.array_equal(row[: len(FEATURES)], best)
    extra = dict(zip(TRIGGER_EXTRA, row[len(FEATURES):], strict=True))
    assert extra == {"logit": 2.0, "margin": 1.5, "candidates": math.log1p(3),
                     "top_score": math.log1p(3.0)}
    # the plain model's trigger also reads whether the term-coverage rules are met
    with_rules = trigger_row(best, np.array([2.0, 0.5, -1.0]), 3.0, rules=True)
    assert len(with_rules) == len(row) + 1 and with_rules[-1] == float(rules_met(best))


def test_the_trigger_knows_whether_the_term_coverage_rules_are_met() -> None:
    covered = np.zeros(len(FEATURES))
    for name in ("win", "known_share", "word_share"):
        covered[FEATURES.index(name)] = 1.0
    assert rules_met(covered)
    assert trigger_row(covered, np.array([1.0]), 1.0, rules=True)[-1] == 1.0
    short = covered.copy()
    short[FEATURES.index("known_share")] = 0.4
    assert not rules_met(short)
    assert trigger_row(short, np.array([1.0]), 1.0, rules=True)[-1] == 0.0


def test_confidence_decides_whether_qabot_answers() -> None:
    engine = QAEngine.from_texts(TEXTS)
    answer = engine.ask("When did the Harbour Bridge open?")
    assert answer.answered and 0.0 < answer.confidence < 1.0
    strict = engine.ask("When did the Harbour Bridge open?", min_confidence=answer.confidence
                        + 1e-3)
    assert not strict.answered and strict.confidence == answer.confidence
    assert engine.ask("When did the Harbour Bridge open?",
                      min_confidence=answer.confidence - 1e-3).answered


def test_a_question_its_words_meet_is_surer_than_one_they_barely_touch() -> None:
    engine = QAEngine.from_texts(TEXTS, config=ComposerConfig(min_confidence=0.0))
    met = engine.ask("When did the Harbour Bridge open?")
    touched = engine.ask("How much did the harbour ferries cost to build in the war?")
    assert met.confidence > touched.confidence


def test_the_sure_level_flags_answers_below_it() -> None:
    question = "When did the Harbour Bridge open?"
    for level, flagged in ((0.0, False), (1.0, True)):
        engine = QAEngine.from_texts(TEXTS, config=ComposerConfig(sure_confidence=level))
        answer = engine.ask(question)
        assert answer.answered and answer.low_confidence is flagged
