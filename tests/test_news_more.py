"""More almost-answer questions asked of the news tune pages (``tests/data/news_more.md``): the
set is what it says it is (answers verbatim in their page's visible text, never in its
furniture; unanswerable rows with no answer), and each row names the corpus it is asked of."""

from __future__ import annotations

from collections import Counter

from . import newspages as news
from .conftest import ROOT

DATA = ROOT / "tests" / "data"
QUESTIONS = DATA / "news_more_questions.jsonl"
CORPORA = {"news_blind": (DATA / "news_blind", DATA / "news_blind_furniture.txt"),
           "news_blind2": (DATA / "news_blind2", DATA / "news_blind2_furniture.txt"),
           "seeds": (ROOT / "seeds", None)}


def test_the_questions_are_well_formed_and_answered_verbatim_outside_the_furniture() -> None:
    rows = news.rows(QUESTIONS)
    assert len(rows) == 85 and len({r["id"] for r in rows}) == 85
    assert Counter(r["kind"] for r in rows) == {"unanswerable": 64, "plain": 11, "reworded": 10}
    assert {r["split"] for r in rows} == {"news_more"}
    assert {r["corpus"] for r in rows} == set(CORPORA)
    for corpus, (folder, furniture) in CORPORA.items():
        texts = {p.stem: news.flat(news.lines(p)) for p in news.pages(folder)}
        lines = news.furniture(furniture) if furniture else []
        wrong, _ = news.misplaced_answers([r for r in rows if r["corpus"] == corpus], texts, lines)
        assert wrong == [], corpus
