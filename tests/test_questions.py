"""Question files: JSONL and SQuAD rows into ``Question`` values, splits, unknown sources."""

from __future__ import annotations

import json

import pytest

from retrieval.errors import QuestionFileError
from retrieval.questions import (
    Question,
    half,
    parse_jsonl,
    parse_squad,
    read_questions,
    unknown_sources,
)

from .evaldata import SEED_QUESTIONS, squad


def test_jsonl_rows_become_questions_with_line_numbers_as_default_ids():
    qs = parse_jsonl([
        '{"question": " When? ", "answers": ["1999", "1999"], "sources": ["a"], "split": "tune"}',
        "",
        '{"question": "Off topic?", "answers": [], "kind": "offtopic", "id": "x7", "lang": "de"}',
    ]).questions
    assert qs[0] == Question(id="1", text="When?", answers=("1999",), sources=("a",),
                             split="tune")
    assert qs[1].id == "x7" and qs[1].kind == "offtopic" and qs[1].sources == ()
    assert (qs[0].lang, qs[1].lang) == (None, "de")
    assert [q.expect for q in qs] == ["answer", "abstain"]


@pytest.mark.parametrize(("line", "says"), [
    ("{not json", "q.jsonl:2: not JSON"),
    ('["a list"]', "q.jsonl:2: expected a JSON object"),
    ('{"question": "", "answers": []}', '"question" must be a non-empty string'),
    ('{"question": "Why?"}', '"answers" must be a list of strings ([] when'),
    ('{"question": "Why?", "answers": [1]}', '"answers" must be a list of strings'),
    ('{"question": "Why?", "answers": [], "sources": "a"}', '"sources" must be a list'),
    ('{"question": "Why?", "answers": [], "split": ["a"]}', '"split" must be a string'),
])
def test_bad_jsonl_rows_are_reported_with_file_and_line(line, says):
    good = '{"question": "Who?", "answers": ["Ann"]}'
    with pytest.raises(QuestionFileError, match=says.replace("[", r"\[").replace("(", r"\(")):
        parse_jsonl([good, line], "q.jsonl")


def test_a_file_without_questions_is_an_error():
    with pytest.raises(QuestionFileError, match="no question"):
        parse_jsonl(["", "  "], "empty.jsonl")


def test_squad_paragraphs_become_documents_named_by_title_and_position():
    data = squad(
        ("Red_Fox", [("Foxes eat voles.", [("q1", "What do foxes eat?", ["voles", "voles"],
                                            False)]),
                     ("Foxes live in dens.", [("q2", "What do foxes fly?", [], True)])]),
        ("Owl", [("Owls hunt at night.", [("q3", "When do owls hunt?", ["at night"], False)])]),
    )
    qset = parse_squad(data)
    assert [d.id for d in qset.documents] == ["Red_Fox_0", "Red_Fox_1", "Owl_0"]
    assert qset.documents[0].title == "Red Fox"
    q1, q2, q3 = qset.questions
    assert q1.answers == ("voles",) and q1.sources == ("Red_Fox_0",) and q1.article == "Red_Fox"
    assert q2.expect == "impossible" and q3.sources == ("Owl_0",)
    assert [q.split for q in qset.questions] == [half("q1"), half("q2"), half("q3")]
    assert qset.article_of == {"Red_Fox_0": "Red_Fox", "Red_Fox_1": "Red_Fox", "Owl_0": "Owl"}


@pytest.mark.parametrize("data", [[], {"data": []}, {"data": [{"title": "T"}]},
                                  {"data": [{"title": "T", "paragraphs": [{"qas": []}]}]}])
def test_a_file_that_is_not_squad_is_an_error(data):
    with pytest.raises(QuestionFileError, match="not a SQuAD file"):
        parse_squad(data, "x.json")


@pytest.mark.parametrize("qa, says", [
    ({"id": "q1", "question": 5, "answers": []},
     r"qas\[0\]\.question must be a non-empty string, got 5"),
    ({"id": "q1", "question": "  ", "answers": []}, r"qas\[0\]\.question must be a non-empty"),
    ({"id": "q1", "question": "Who?", "answers": [{"text": 2002}]},
     r"qas\[0\]\.answers\[0\]\.text must be a non-empty string, got 2002"),
    ({"id": "q1", "question": "Who?", "answers": ["Ann"]},
     r"qas\[0\]\.answers\[0\] must be a JSON object with 'text'"),
])
def test_a_squad_value_of_the_wrong_type_is_named_by_its_place(qa, says):
    """Each was a traceback (AttributeError) while reading the file or scoring it."""
    data = {"data": [{"title": "A", "paragraphs": [{"context": "Ann sings.", "qas": [qa]}]}]}
    with pytest.raises(QuestionFileError, match=r"x\.json: data\[0\]\.paragraphs\[0\]\." + says):
        parse_squad(data, "x.json")


def test_a_squad_context_that_is_no_text_is_named_by_its_place():
    data = {"data": [{"title": "A", "paragraphs": [{"context": 12, "qas": []}]}]}
    with pytest.raises(QuestionFileError, match=r"paragraphs\[0\]\.context must be a non-empty"):
        parse_squad(data, "x.json")


def test_a_squad_file_without_questions_is_an_error():
    """It was scored, as a table of "questions 0", with exit code 0."""
    data = squad(("A", [("Ann sings.", [])]))
    with pytest.raises(QuestionFileError, match=r"x\.json: no question in the file"):
        parse_squad(data, "x.json")


def test_read_questions_reads_both_formats(tmp_path):
    (tmp_path / "q.jsonl").write_text('{"question": "Who?", "answers": ["Ann"]}\n')
    data = squad(("A", [("Ann sings.", [("q1", "Who sings?", ["Ann"], False)])]))
    (tmp_path / "s.json").write_text(json.dumps(data))
    assert read_questions(tmp_path / "q.jsonl").questions[0].answers == ("Ann",)
    assert len(read_questions(tmp_path / "s.json", "squad").documents) == 1


def test_read_questions_explains_a_missing_file_and_jsonl_read_as_squad(tmp_path):
    with pytest.raises(QuestionFileError, match="does not exist"):
        read_questions(tmp_path / "nope.jsonl")
    with pytest.raises(QuestionFileError, match="drop --format squad"):
        read_questions(SEED_QUESTIONS, "squad")


def test_only_keeps_one_split_and_names_the_splits_when_it_is_absent():
    qset = read_questions(SEED_QUESTIONS)
    holdout = qset.only("holdout")
    assert holdout.questions and {q.split for q in holdout.questions} == {"holdout"}
    with pytest.raises(QuestionFileError, match="splits in the file: fresh, holdout, tune"):
        qset.only("test")
    with pytest.raises(QuestionFileError, match="no row has a \"split\" field"):
        parse_jsonl(['{"question": "Who?", "answers": []}']).only("tune")


def test_half_is_a_fixed_and_even_split():
    ids = [f"id{i}" for i in range(2000)]
    halves = [half(i) for i in ids]
    assert halves == [half(i) for i in ids]
    assert set(halves) == {"tune", "test"}
    assert 0.45 < halves.count("tune") / len(ids) < 0.55


def test_unknown_sources_names_ids_that_the_corpus_lacks():
    qs = [Question("1", "Q?", ("a",), ("doc1", "dcc2")), Question("2", "Q?", ())]
    assert unknown_sources(qs, ["doc1", "doc2"]) == ["dcc2"]
