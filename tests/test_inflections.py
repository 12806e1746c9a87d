"""``retrieval.inflections``: irregular English forms read as their base form, in the index
and in questions alike."""

from __future__ import annotations

from retrieval import QAEngine
from retrieval.analyzer import stem_term
from retrieval.inflections import base_form


def test_irregular_forms_are_read_as_their_base_form() -> None:
    assert base_form("led") == "lead" and base_form("began") == "begin"
    assert base_form("written") == "write" and base_form("children") == "child"
    assert base_form("lead") == "lead" and base_form("table") == "table"


def test_a_form_and_its_base_share_one_term_and_other_words_keep_theirs() -> None:
    assert stem_term("led") == stem_term("leads") == stem_term("leading")
    assert stem_term("wrote") == stem_term("writes") and stem_term("teeth") == stem_term("tooth")
    # "founded" is not "found" (of "find"); words that are often another word are left alone
    assert stem_term("found") == stem_term("find") != stem_term("founded")
    assert stem_term("left") != stem_term("leave") and stem_term("saw") != stem_term("see")
    assert stem_term("went") is None  # "go" is a stop word


def test_a_question_in_the_present_meets_the_sentence_in_the_past() -> None:
    ranking = QAEngine.from_texts([
        "The expedition was led by a retired naval officer from Bristol.",
        "The harbour master keeps the records of every ship that docks.",
    ]).rank("Who leads the expedition?")
    assert ranking is not None
    best = ranking.candidates[0]
    assert best.sentence.text.startswith("The expedition was led")
    assert stem_term("leads") in best.matched  # "led" met "leads"
