"""The documentation question sets are answerable from what qabot reads: every gold answer of
an answerable question is in the text qabot indexed of one of its gold documents (a reader that
dropped or garbled it would make the question unanswerable, and the sets' figures meaningless),
and every gold document is one of the corpus's."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import QAEngine
from retrieval.metrics import holds_answer
from retrieval.questions import read_questions

from .conftest import ROOT

DATA = ROOT / "tests" / "data"
SETS = [("docs_corpus", "docs_questions.jsonl"), ("docs_fresh", "docs_fresh_questions.jsonl"),
        ("docs_more", "docs_more_questions.jsonl"), ("docs_extra", "docs_extra_questions.jsonl"),
        ("docs_new", "docs_new_questions.jsonl"),
        ("docs_pkg_a", "docs_pkg_a_questions.jsonl"),
        ("docs_pkg_b", "docs_pkg_b_questions.jsonl"),
        ("docs_blind", "docs_blind_questions.jsonl"),
        ("docs_blind2", "docs_blind2_questions.jsonl"),
        ("docs_blind3", "docs_blind3_questions.jsonl"),
        ("docs_blind4", "docs_blind4_questions.jsonl"),
        ("docs_blind5", "docs_blind5_questions.jsonl"),
        ("docs_blind6", "docs_blind6_questions.jsonl"),
        ("docs_blind7", "docs_blind7_questions.jsonl"),
        ("docs_blind8", "docs_blind8_questions.jsonl"),
        ("docs_blind9", "docs_blind9_questions.jsonl"),
        ("docs_blind10", "docs_blind10_questions.jsonl"),
        ("docs_blind11", "docs_blind11_questions.jsonl"),
        ("docs_blind12", "docs_blind12_questions.jsonl"),
        ("docs_blind13", "docs_blind13_questions.jsonl"),
        ("docs_blind14", "docs_blind14_questions.jsonl"),
        ("docs_blind15", "docs_blind15_questions.jsonl"),
        ("docs_blind16", "docs_blind16_questions.jsonl"),
        ("docs_blind17", "docs_blind17_questions.jsonl"),
        ("docs_blind18", "docs_blind18_questions.jsonl"),
        ("docs_blind19", "docs_blind19_questions.jsonl"),
        ("docs_blind20", "docs_blind20_questions.jsonl"),
        ("docs_blind21", "docs_blind21_questions.jsonl"),
        ("docs_blind22", "docs_blind22_questions.jsonl"),
        ("docs_blind23", "docs_blind23_questions.jsonl"),
        ("docs_blind24", "docs_blind24_questions.jsonl"),
        ("docs_blind25", "docs_blind25_questions.jsonl"),
        ("docs_blind26", "docs_blind26_questions.jsonl"),
        ("docs_blind27", "docs_blind27_questions.jsonl"),
        ("docs_blind28", "docs_blind28_questions.jsonl"),
        ("formats", "formats_questions.jsonl"),
        # the "can" sets: one small file a corpus (eval takes one corpus a file), 17-20 rows each
        ("docs_new", "docs_can_new_questions.jsonl"),
        ("docs_pkg_b", "docs_can_pkg_b_questions.jsonl"),
        ("docs_blind6", "docs_can_blind6_questions.jsonl"),
        ("docs_blind7", "docs_can_blind7_questions.jsonl")]


# Gold answers written into what qabot reads as code, kept out of quotes and the index: Leo's
# cheat sheet is reStructuredText in a .txt file, its key bindings and usage in literal blocks
# ("When focus is in the outline::" over four lines), which its blind author read as text.
# And one written into what a page hides: LibreOffice's help holds each step for Windows and for
# Linux in ``hidden`` spans its script shows one of by the reader's system; qabot leaves hidden
# elements out (``show`` lists them; a tab's hidden panel is read).
IN_CODE = {"docs_blind16": {"what command line options does leo have?"},
           "docs_blind27": {"nola gehitu interfaze-hizkuntza gehiago?"}}


@pytest.mark.parametrize(("corpus", "questions"), SETS)
def test_every_gold_answer_is_in_what_qabot_read_of_its_document(
        corpus: str, questions: str, tmp_path: Path) -> None:
    engine = QAEngine.from_directory(DATA / corpus, index_dir=tmp_path / "index")
    text: dict[str, list[str]] = {}
    for p in range(engine.n_passages):
        text.setdefault(engine.source(engine.document_of(p)).id, []).append(engine.passage(p))
    qs = read_questions(DATA / questions).questions
    assert len(qs) >= (15 if questions.startswith("docs_can_") else 40)
    missing = []
    for q in qs:
        if not q.answers:
            assert not q.sources, q.text
            continue
        assert set(q.sources) <= text.keys(), q.text
        if not any(holds_answer(" ".join(text[s]), q.answers) for s in q.sources):
            missing.append(q.text)
    assert set(missing) == IN_CODE.get(corpus, set())


LANGUAGES = DATA / "languages"


@pytest.mark.parametrize("lang", sorted(p.name for p in LANGUAGES.iterdir() if p.is_dir()))
def test_every_gold_answer_of_a_language_set_is_in_what_qabot_read_of_its_document(
        lang: str, tmp_path: Path) -> None:
    """``tests/data/languages/``: 16 answerable questions (8 plain, 8 reworded) and 6
    unanswerable ones a language, every gold answer in the text qabot read of its document."""
    engine = QAEngine.from_directory(LANGUAGES / lang, index_dir=tmp_path / "index")
    text: dict[str, list[str]] = {}
    for p in range(engine.n_passages):
        text.setdefault(engine.source(engine.document_of(p)).id, []).append(engine.passage(p))
    qs = read_questions(LANGUAGES / f"{lang}_questions.jsonl").questions
    kinds = [q.kind for q in qs]
    assert (kinds.count("plain"), kinds.count("reworded"), kinds.count("unanswerable")) == (8, 8, 6)
    assert [q.id for q in qs] == [f"{lang}-{n}" for n in range(1, len(qs) + 1)]
    missing = []
    for q in qs:
        assert bool(q.answers) == (q.kind != "unanswerable") == bool(q.sources), q.text
        if q.answers and not any(holds_answer(" ".join(text[s]), q.answers) for s in q.sources):
            missing.append(q.text)
    assert missing == []
