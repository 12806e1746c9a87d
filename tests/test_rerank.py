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
from retrieval.ranking import rank, second_rows
from retrieval.rerank import (
    DOC_FEATURES,
    HEADING_FEATURES,
    HEADS,
    NONE,
    RERANK_FEATURES,
    Rerank,
    bundled,
    heading_meets,
    heading_share,
    own_heading,
    rows,
)
from retrieval.selection import FEATURES
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


def test_how_much_of_a_heading_meets_the_question_tells_one_about_it_from_one_naming_it(
        ) -> None:
    vectors = bundled_vectors()
    assert vectors is not None
    en = analyzer("en")
    words = {en.term(w): w for w in ("skip", "slow", "test", "ask")}
    headings = ["Ignoring tests", "Running specific tests", "Tests", "Release history", "The", ""]
    share = heading_share(vectors, words, set(words), headings, en.term, lower_words)
    met = heading_meets(vectors, words, dict.fromkeys(words, 1.0), headings, en.term_set,
                        lower_words)
    # both headings hold "tests"; of the question's words "Running specific" meets about as
    # much as "Ignoring" does, but less of it is about what is asked
    assert met[1] >= met[0] and share[0] > share[1]
    assert share[2] == 1.0  # every content word of it a question term
    assert share[3] < share[1]
    assert share[4] == share[5] == 0.0  # no content word: nothing to meet
    assert not heading_share(None, words, set(words), headings, en.term, lower_words).any()


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
    assert all(0 < c.heading_share <= 1 for c in ranking.candidates)
    np.testing.assert_allclose(ranking.logits, raw + second_rows(ranking.candidates,
                                                                 engine.collection,
                                                                 "How do I silence the output?")
                               @ bundled().coef)
    assert "q flag" in ranking.candidates[0].sentence.text


def test_no_second_stage_leaves_the_frozen_order() -> None:
    logits = np.array([2.0, 1.0])
    heads = rows([(0.0, 0.0), (1.0, 0.0)], [[1.0] * len(FEATURES)] * 2, [False, True])
    assert NONE.adjust(logits, heads).tolist() == [2.0, 1.0]
    coef = np.zeros(len(RERANK_FEATURES))
    coef[0] = 3.0
    assert Rerank(coef, {}).adjust(logits, heads).tolist() == [2.0, 4.0]


def test_the_ranker_features_are_weighed_again_in_a_document_with_sections_only() -> None:
    assert (*HEADING_FEATURES, *(f"doc_{name}" for name in FEATURES),
            *DOC_FEATURES) == RERANK_FEATURES
    feats = [[0.5] * len(FEATURES), [0.25] * len(FEATURES)]
    out = rows([(0.8, 0.5), (0.1, 0.0)], feats, [True, False], [(1.0,), (1.0,)])
    assert out.shape == (2, len(RERANK_FEATURES))
    assert out[0].tolist() == [0.8, 0.5, *feats[0], 1.0]
    # a page without headings: its heading only
    assert out[1].tolist() == [0.1, 0.0] + [0.0] * (len(FEATURES) + len(DOC_FEATURES))
    assert rows([], [], []).shape == (0, len(RERANK_FEATURES))
    assert rows([(0.8, 0.5)], feats[:1], [True])[0, -1] == 0.0  # no values of its own given


def test_the_shipped_second_stage_reweighs_what_documentation_answers_show() -> None:
    coef = dict(zip(RERANK_FEATURES, bundled().coef.tolist(), strict=True))
    # learned on documentation questions: the ranker's features are weighed again there
    assert sum(abs(v) for k, v in coef.items() if k not in HEADING_FEATURES) > 1.0
    assert coef["heading_share"] > 0  # a heading about what is asked weighs up


def test_a_page_without_headings_is_ranked_by_the_frozen_ranker_and_its_heading(
        tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(
        "The output shows every step the tool takes. Pass the q flag and no output is "
        "printed.\n", encoding="utf-8")
    engine = QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")
    ranking = engine.rank("How do I silence the output?")
    assert ranking is not None
    raw = bundled_selector().rank(np.array([[*c.features, *c.meaning]
                                            for c in ranking.candidates]))
    heads = np.array([c.heading for c in ranking.candidates])
    assert not any(c.heading_share for c in ranking.candidates)  # no heading: none of it meets
    np.testing.assert_allclose(ranking.logits, raw + bundled().coef[0] * heads)


def test_what_is_quoted_first_may_be_reweighed_but_answering_is_judged_by_the_heading_alone(
        tmp_path: Path) -> None:
    (tmp_path / "guide.md").write_text(GUIDE, encoding="utf-8")
    engine = QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")
    question = "How do I silence the output?"
    r = engine.reader.read(question, engine.config)
    hits = engine._retrieve(question, r.query, engine.top_k)
    heading_only = np.zeros(len(RERANK_FEATURES))
    heading_only[0] = 3.0
    plain = rank(question, r.query, hits, engine.collection, r.config, r.vectors, engine.index,
                 r.selector, Rerank(heading_only, {}))
    assert plain is not None and plain.judged is None  # one order: judged by its first
    # a weight on a feature of the ranker's puts the other sentence first in a document with
    # sections; answering is still judged by the heading's best
    first, second = plain.candidates[0].features, plain.candidates[1].features
    k = next(k for k in range(len(FEATURES)) if first[k] != second[k])
    swapped = heading_only.copy()
    swapped[HEADS + k] = -100.0 / (first[k] - second[k])
    other = rank(question, r.query, hits, engine.collection, r.config, r.vectors, engine.index,
                 r.selector, Rerank(swapped, {}))
    assert other is not None and other.judged is not None
    assert other.candidates[0].sentence != plain.candidates[0].sentence
    assert other.judged.sentence == plain.candidates[0].sentence


def test_a_sentence_committing_to_yes_or_no_is_marked_for_a_yes_no_question_only(
        tmp_path: Path) -> None:
    (tmp_path / "guide.md").write_text(
        "# Client\n\n## Certificates\n\nSetting verify to true makes the client check the "
        "server's certificate.\n\nBy default, the client does not check the certificate.\n",
        encoding="utf-8")
    engine = QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")
    for question, marked in [("Does the client check the certificate by default?", True),
                             ("How does the client check the certificate?", False)]:
        ranking = engine.rank(question)
        assert ranking is not None
        out = second_rows(ranking.candidates, engine.collection, question)
        commits = {c.sentence.text: v for c, v in
                   zip(ranking.candidates, out[:, RERANK_FEATURES.index("doc_commits")],
                       strict=True)}
        assert commits == {
            "Setting verify to true makes the client check the server's certificate.": 0.0,
            "By default, the client does not check the certificate.": float(marked)}


def test_the_shipped_second_stage_weighs_up_a_sentence_committing_to_yes_or_no() -> None:
    assert bundled().coef[RERANK_FEATURES.index("doc_commits")] > 0
