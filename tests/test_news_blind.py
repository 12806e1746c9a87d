"""News pages saved as text, written for a held-out set (``tests/data/news_blind.md``): no answer
quotes the pages' furniture (menus, appeals, teasers, comments, widgets), whatever is asked."""

from __future__ import annotations

import pytest

from retrieval import QAEngine
from retrieval.corpus import load_directory
from retrieval.questions import read_questions

from .conftest import ROOT

DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    docs, _ = load_directory(DATA / "news_blind")
    return QAEngine.from_documents(docs)


def test_no_answer_quotes_a_news_page_s_furniture(engine: QAEngine) -> None:
    furniture = [line.strip() for line in
                 (DATA / "news_blind_furniture.txt").read_text(encoding="utf-8").splitlines()
                 if len(line.strip()) >= 12]  # ("Advertisement", "Log in": words prose has too)
    questions = [q.text for q in read_questions(DATA / "news_blind_questions.jsonl").questions]
    # and what a reader might ask of the furniture itself
    questions += ["How much does it cost to support the Gazette?", "What do readers comment?",
                  "How is the audio version of the article made?", "What is most popular?"]
    quoted = [(q, s.text) for q in questions for s in engine.ask(q).sentences]
    assert quoted
    bad = [(q, text) for q, text in quoted if any(f in text for f in furniture)]
    assert not bad


def test_the_plain_questions_are_answered_right_first(engine: QAEngine) -> None:
    from retrieval.evaluation import run
    from retrieval.metrics import correct_at

    plain = [q for q in read_questions(DATA / "news_blind_questions.jsonl").questions
             if q.kind == "plain"]
    outcomes = run(engine, plain)
    assert sum(correct_at(o, 1) for o in outcomes) >= 0.85 * len(plain)
