"""News pages saved as HTML and as text, written for a second held-out set
(``tests/data/news_blind2.md``): the set is what it says it is (answers verbatim in the visible
text of their page, never in its furniture), and no answer quotes the pages' furniture (menus,
banners, teasers, newsletter boxes, comments, footers), whatever is asked."""

from __future__ import annotations

from collections import Counter

import pytest

from retrieval import QAEngine
from retrieval.questions import read_questions

from . import newspages as news
from .conftest import ROOT

DATA = ROOT / "tests" / "data"
PAGES = DATA / "news_blind2"
QUESTIONS = DATA / "news_blind2_questions.jsonl"
FURNITURE = DATA / "news_blind2_furniture.txt"



def test_the_pages_are_five_html_and_five_text_one_in_a_legacy_encoding() -> None:
    pages = news.pages(PAGES)
    assert Counter(p.suffix for p in pages) == {".html": 5, ".txt": 5}
    legacy = [p for p in pages
              if p.suffix == ".html" and news.declared_charset(p.read_bytes()).lower() != "utf-8"]
    assert [news.declared_charset(p.read_bytes()).lower() for p in legacy] == ["windows-1252"]
    with pytest.raises(UnicodeDecodeError):  # curly quotes and euro signs as single cp1252 bytes
        legacy[0].read_bytes().decode("utf-8")


def test_the_furniture_is_on_the_pages_and_the_articles_are_news_length() -> None:
    furniture = news.furniture(FURNITURE)
    pages = {p.stem: news.lines(p) for p in news.pages(PAGES)}
    everywhere = {line for lines in pages.values() for line in lines}
    assert [f for f in furniture if f not in everywhere] == []
    fset = set(furniture)
    for stem, lines in pages.items():
        article = [line for line in lines if line not in fset]
        # 400-1200 words, plus byline and captions
        assert 400 <= len(news.flat(article).split()) <= 1300, stem
        # a furniture line long enough to be tested must not also be article text
        assert [f for f in furniture if len(f) >= 20 and f in news.flat(article)] == [], stem


def test_the_questions_are_well_formed_and_answered_verbatim_outside_the_furniture() -> None:
    rows = news.rows(QUESTIONS)
    assert len(rows) == 60 and len({r["id"] for r in rows}) == 60
    assert Counter(r["kind"] for r in rows) == {"plain": 15, "reworded": 30, "unanswerable": 15}
    assert {r["split"] for r in rows} == {"news_blind2"}
    texts = {p.stem: news.flat(news.lines(p)) for p in news.pages(PAGES)}
    wrong, per_page = news.misplaced_answers(rows, texts, news.furniture(FURNITURE))
    assert wrong == []
    assert set(per_page) == set(texts) and all(4 <= n <= 5 for n in per_page.values())


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return news.engine(PAGES, 10)  # every page, HTML or text, is read as a document


def test_no_answer_quotes_a_news_page_s_furniture(engine: QAEngine) -> None:
    questions = [q.text for q in read_questions(QUESTIONS).questions]
    # and what a reader might ask of the furniture itself
    questions += ["How do I sign up for the newsletter?", "What are the most read stories?",
                  "How do I manage my cookie settings?", "How much does it cost to subscribe?",
                  "What do readers say in the comments?", "How can I support the newspaper?",
                  "What is the KSX 100 index at?", "What else should I read?"]
    assert not news.furniture_quoted(engine.ask, questions, FURNITURE)
