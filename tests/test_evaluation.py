"""Running questions through an engine, the quality metrics, and holdout folds."""

from __future__ import annotations

import itertools
import json

import pytest

from retrieval import QAEngine
from retrieval.errors import QuestionFileError
from retrieval.evaluation import holdout_folds, run
from retrieval.metrics import (
    correct_at,
    detail,
    document_rank,
    holds_answer,
    mrr_at,
    passage_rank,
    percentile,
    recall_at,
    summarize,
    summarize_groups,
    threshold_at,
)
from retrieval.questions import Question, parse_squad

from .evaldata import TEXTS, outcome, squad

# --- metrics --------------------------------------------------------------------------------


def test_holds_answer_ignores_case_spacing_and_curly_quotes():
    assert holds_answer("It was formed  in\n2002.", ["FORMED IN 2002", "x"])
    assert holds_answer("the \u2018Big\u2019 one", ["'big'"])
    assert not holds_answer("It was formed in 2003.", ["2002"])
    assert not holds_answer("anything", ["", "  "])


def test_recall_and_mrr_count_missing_ranks_as_misses():
    ranks = [1, 3, None, 12]
    assert recall_at(ranks, 1) == 0.25
    assert recall_at(ranks, 5) == 0.5
    assert mrr_at(ranks, 10) == pytest.approx((1 + 1 / 3) / 4)
    assert recall_at([], 1) is None and mrr_at([]) is None


def test_percentile_interpolates_between_closest_ranks():
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile(list(map(float, range(101))), 95) == 95.0
    assert percentile([], 50) is None


def test_document_rank_counts_distinct_documents_not_passages():
    q = Question("1", "Q?", ("fox",), ("b",))
    o = outcome(q, [("a", "x"), ("a", "y"), ("b", "a fox")])
    assert document_rank(o) == 2
    assert passage_rank(o) == 3


def test_without_sources_the_first_passage_holding_an_answer_is_gold():
    q = Question("1", "Q?", ("fox",))
    assert document_rank(outcome(q, [("a", "no"), ("b", "The Fox.")])) == 2


def test_a_correct_sentence_must_come_from_a_gold_source():
    q = Question("1", "Q?", ("1999",), ("a",))
    assert correct_at(outcome(q, quotes=[("In 1999.", "a")]), 1)
    assert not correct_at(outcome(q, quotes=[("In 1999.", "b")]), 1)
    assert not correct_at(outcome(q, quotes=[("No.", "a"), ("In 1999.", "a")]), 1)
    assert correct_at(outcome(q, quotes=[("No.", "a"), ("In 1999.", "a")]), 3)
    assert not correct_at(outcome(q, quotes=[("In 1999.", "a")], answered=False), 1)


def test_summarize_scores_answers_abstentions_and_latency():
    ans = Question("1", "When?", ("1999",), ("a",))
    must = Question("2", "Weather?", ())
    imp = Question("3", "Never?", (), ("a",), impossible=True)
    outcomes = [
        outcome(ans, [("a", "In 1999.")], [("In 1999.", "a")], seconds=0.001),
        outcome(ans, [("b", "x"), ("a", "In 1999.")], answered=False, seconds=0.002),
        outcome(must, [("a", "x")], answered=False, seconds=0.003),
        outcome(must, [("a", "x")], [("x y z w", "a")], seconds=0.004),
        outcome(imp, [("a", "x")], answered=False, seconds=0.005),
    ]
    s = summarize(outcomes)
    assert (s.questions, s.answerable, s.must_abstain, s.impossible) == (5, 2, 2, 1)
    assert (s.r1, s.r5, s.mrr10) == (0.5, 1.0, 0.75)
    assert (s.passage_r1, s.passage_r5) == (0.5, 1.0)
    assert (s.acc1, s.acc3, s.wrongly_abstained) == (0.5, 0.5, 0.5)
    assert (s.abstain_recall, s.abstain_precision) == (0.5, 0.5)
    assert s.impossible_abstained == 1.0
    assert s.latency_p50_ms == pytest.approx(3.0)
    assert s.latency_p95_ms == pytest.approx(4.8)


def test_summarize_leaves_undefined_metrics_empty():
    s = summarize([outcome(Question("1", "Q?", ()), answered=False)])
    assert s.r1 is None and s.acc1 is None and s.abstain_precision == 1.0
    s = summarize([outcome(Question("1", "Q?", ("a",)), answered=False)])
    assert s.abstain_recall is None and s.abstain_precision is None


def test_groups_are_shown_only_when_there_is_more_than_one():
    a = outcome(Question("1", "Q?", ("x",), split="tune"))
    b = outcome(Question("2", "Q?", ("x",), split="holdout"))
    assert list(summarize_groups([a, b, a])) == ["all", "tune", "holdout"]
    assert summarize_groups([a, b, a])["tune"].questions == 2
    assert list(summarize_groups([a, a])) == ["all"]
    assert list(summarize_groups([a, b], "kind")) == ["all"]
    de, ru = (outcome(Question(str(n), "Q?", ("x",), lang=lang)) for n, lang in ((3, "de"),
                                                                                (4, "ru")))
    assert list(summarize_groups([de, ru, de], "lang")) == ["all", "de", "ru"]


def test_detail_says_what_happened_to_one_question():
    q = Question("7", "When?", ("1999",), ("a",), split="tune")
    row = detail(outcome(q, [("b", "x"), ("a", "In 1999.")], [("In 1999.", "b")], seconds=0.002))
    assert json.loads(json.dumps(row)) == row
    assert row["id"] == "7" and row["split"] == "tune" and row["answered"] is True
    assert (row["correct@1"], row["document_rank"], row["top_document"]) == (False, 2, "b")
    assert row["quotes"] == [{"text": "In 1999.", "source": "b"}] and row["ms"] == 2.0


def test_threshold_keeps_the_asked_share_of_answerable_questions():
    ans, out = Question("1", "Q?", ("x",)), Question("2", "Q?", ())
    outcomes = [outcome(ans, [("a", "x")], scores=[float(s)]) for s in range(1, 11)]
    outcomes += [outcome(out, [("a", "x")], scores=[s]) for s in (0.5, 1.5, 2.5, 9.0)]
    t = threshold_at(outcomes, kept=0.9)
    assert t is not None and t.score == 2.0 and t.out_abstained == 0.5
    assert threshold_at([outcome(out, [("a", "x")])]) is None


# --- running against a real engine ----------------------------------------------------------

@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return QAEngine.from_texts(list(TEXTS.values()), list(TEXTS))


def test_run_records_retrieval_quotes_and_time(engine):
    qs = [Question("1", "What do red foxes hunt?", ("voles",), ("foxes",)),
          Question("2", "What is the capital of Peru?", ())]
    ticks = itertools.count(0.0, 0.5)
    seen = []
    outcomes = run(engine, qs, clock=lambda: next(ticks),
                   progress=lambda done, total: seen.append((done, total)))
    fox, peru = outcomes
    assert fox.retrieved[0].doc_id == "foxes" and "voles" in fox.retrieved[0].text
    assert fox.answered and fox.quotes[0].source == "foxes" and correct_at(fox, 1)
    assert not peru.answered and peru.expect == "abstain"
    assert fox.seconds == 0.5
    assert seen == [(1, 2), (2, 2)]
    s = summarize(outcomes)
    assert (s.r1, s.acc1, s.abstain_recall) == (1.0, 1.0, 1.0)


def test_holdout_folds_leave_each_article_out_and_expect_abstention():
    data = squad(
        ("Fox", [(TEXTS["foxes"], [("f1", "What do foxes hunt?", ["voles"], False),
                                   ("f2", "What do foxes knit?", [], True)])]),
        ("Owl", [(TEXTS["owls"], [("o1", "Where do barn owls nest?", ["old barns"], False)])]),
        ("Bee", [(TEXTS["bees"], [("b1", "What do bees build?", ["wax combs"], False)])]),
    )
    folds = list(holdout_folds(parse_squad(data)))
    assert [f.article for f in folds] == ["Fox", "Owl", "Bee"]
    fox = folds[0]
    assert [d.id for d in fox.documents] == ["Owl_0", "Bee_0"]
    assert [q.id for q in fox.out_of_corpus] == ["f1", "f2"]
    assert [q.id for q in fox.in_corpus] == ["o1", "b1"]
    assert [fox.expect(q) for q in fox.questions] == ["abstain", "abstain", "answer", "answer"]
    engine = QAEngine.from_documents(fox.documents)
    s = summarize(run(engine, fox.questions, expect=fox.expect, fold=fox.article))
    assert s.must_abstain == 2 and s.answerable == 2 and s.r1 == 1.0


def test_holdout_needs_two_articles():
    data = squad(("Fox", [(TEXTS["foxes"], [("f1", "What do foxes hunt?", ["voles"], False)])]))
    with pytest.raises(QuestionFileError, match="at least two articles"):
        list(holdout_folds(parse_squad(data)))
