"""News pages saved as HTML, as text, printed to PDF and drafted in Word, written for a fourth
held-out set (``tests/data/news_blind4.md``): the set is what it says it is (answers verbatim in
the text a reader sees of their page, never in its furniture nor in another page's article), and
no answer quotes the pages' furniture (menus, banners, teasers, tickers, job boards, comments,
footers, a print's address line, an editor's note), whatever is asked."""

from __future__ import annotations

from collections import Counter

import pytest

from retrieval import QAEngine
from retrieval.questions import read_questions

from . import newspages as news
from .conftest import ROOT

DATA = ROOT / "tests" / "data"
PAGES = DATA / "news_blind4"
QUESTIONS = DATA / "news_blind4_questions.jsonl"
FURNITURE = DATA / "news_blind4_furniture.txt"




def test_the_pages_are_five_html_five_text_a_pdf_and_a_docx_one_in_a_legacy_encoding() -> None:
    pages = news.pages(PAGES)
    assert Counter(p.suffix for p in pages) == {".html": 5, ".txt": 5, ".pdf": 1, ".docx": 1}
    legacy = [p for p in pages
              if p.suffix == ".html" and news.declared_charset(p.read_bytes()).lower() != "utf-8"]
    assert [news.declared_charset(p.read_bytes()).lower() for p in legacy] == ["windows-1252"]
    with pytest.raises(UnicodeDecodeError):  # €, curly quotes and á as single cp1252 bytes
        legacy[0].read_bytes().decode("utf-8")
    assert "€3 a night" in news.flat(news.lines(legacy[0]))


def test_the_furniture_is_on_the_pages_and_the_articles_are_news_length() -> None:
    # 450-700 words of article, plus headline, standfirst, byline and caption; a furniture line
    # long enough to be tested is no article text
    assert news.misplaced_furniture(PAGES, FURNITURE, (450, 800)) == []


def test_the_questions_are_well_formed_and_answered_verbatim_outside_the_furniture() -> None:
    rows = news.rows(QUESTIONS)
    assert len(rows) == 78 and len({r["id"] for r in rows}) == 78
    assert Counter(r["kind"] for r in rows) == {"plain": 20, "reworded": 40, "unanswerable": 18}
    assert {r["split"] for r in rows} == {"news_blind4"}
    furniture = news.furniture(FURNITURE)
    texts = {p.stem: news.article(p, furniture) for p in news.pages(PAGES)}
    wrong, per_page = news.misplaced_answers(rows, texts, furniture, own_page_only=True)
    assert wrong == []
    assert set(per_page) == set(texts) and all(n == 5 for n in per_page.values())


@pytest.fixture(scope="module")
def engine() -> QAEngine:
    return news.engine(PAGES, 12)  # every page, HTML, text, PDF or Word, is read as a document


def test_no_answer_quotes_a_news_page_s_furniture(engine: QAEngine) -> None:
    questions = [q.text for q in read_questions(QUESTIONS).questions]
    # and what a reader might ask of the furniture itself
    questions += ["How do I sign up for the newsletter?", "What are the most read stories?",
                  "How do I manage my cookie settings?", "How much does it cost to subscribe?",
                  "What do readers say in the comments?", "What is the exchange rate?",
                  "What did the news editor say about the draft?", "What jobs are advertised?",
                  "How do I become a member?", "What is the weather in Puerto Sol?"]
    assert not news.furniture_quoted(engine.ask, questions, FURNITURE)
