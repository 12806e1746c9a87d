"""Incremental builds: only new and changed files are read, and the index is the full build's."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from retrieval import QAEngine, store
from retrieval.collection import Collection
from retrieval.corpus import Document
from retrieval.indexing import COUNTS

from .conftest import SEEDS

FOOTER = "The council archive on the second floor of the town hall keeps older records."
QUESTIONS = ["When was the CSTO formed?", "When did the harbour bridge open?",
             "Who designed the northern lighthouse?", "What does the ferry carry?"]


def _write(corpus: Path, name: str, text: str) -> None:
    path = corpus / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _town(i: int, footer: bool) -> str:
    body = (f"The town of Riverton {i} held its market on the square in 18{10 + i}. "
            f"Its mayor, Ann Novak {i}, opened the new library there.\n\n"
            f"The harbour of Riverton {i} takes ferries from the islands twice a day.\n")
    return body + (f"\n{FOOTER}\n" if footer else "")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(SEEDS, root, ignore=shutil.ignore_patterns(".*"))
    for i in range(4):
        _write(root, f"towns/town{i}.txt", _town(i, footer=i < 2))
    _write(root, "guide.md", "# Harbour guide\n\n## The bridge\n\nThe harbour bridge opened in "
           "1932 after eight years of work.\n\n## The ferry\n\n- The ferry carries cars and "
           "bicycles.\n- It sails every hour in summer.\n")
    return root


def _engines(corpus: Path, tmp_path: Path) -> tuple[QAEngine, QAEngine]:
    """The incremental build of ``corpus`` (over its saved index) and a full one elsewhere."""
    incremental = QAEngine.from_directory(corpus, rebuild=True)
    full = QAEngine.from_directory(corpus, index_dir=tmp_path / "full", rebuild=True, full=True)
    return incremental, full


def _assert_same(a: QAEngine, b: QAEngine) -> None:
    assert a.index.vocabulary == b.index.vocabulary
    for key in ("indptr", "passages", "weights", "df", "maxw"):
        assert np.array_equal(getattr(a.index, key), getattr(b.index, key)), key
    for key in ("passage_doc", "text_offsets", "text_blob", "sent_indptr", "sent_bounds",
                "sent_flags", "passage_section", "passage_page", "passage_crc", "passage_lang"):
        assert np.array_equal(getattr(a.collection, key), getattr(b.collection, key)), key
    assert list(a.collection.sources) == list(b.collection.sources)
    assert list(a.collection.sections) == list(b.collection.sections)
    for q in QUESTIONS:
        assert a.ask(q).model_dump() == b.ask(q).model_dump()


def test_an_unchanged_corpus_is_kept_whole_and_indexes_the_same(corpus: Path,
                                                                tmp_path: Path) -> None:
    first = QAEngine.from_directory(corpus)
    assert first.report.files_read == 10 and first.report.files_kept == 0
    again, full = _engines(corpus, tmp_path)
    assert again.report.files_read == 0 and again.report.files_kept == 10
    _assert_same(again, full)
    _assert_same(again, first)


def test_added_changed_and_removed_files_are_read_and_the_rest_kept(corpus: Path,
                                                                    tmp_path: Path) -> None:
    QAEngine.from_directory(corpus)
    _write(corpus, "lighthouse.txt", "The northern lighthouse was designed by Mary Fell in "
           "1871 and first lit that winter.\n")
    _write(corpus, "guide.md", "# Harbour guide\n\n## The ferry\n\n- The ferry carries cars, "
           "bicycles and post.\n")
    (corpus / "towns" / "town3.txt").unlink()
    (corpus / "guide.meta.json").write_text(json.dumps({"title": "The harbour guide"}))
    incremental, full = _engines(corpus, tmp_path)
    assert (incremental.report.files_read, incremental.report.files_kept) == (2, 8)
    _assert_same(incremental, full)
    assert "1871" in incremental.ask("Who designed the northern lighthouse?").text
    assert "The harbour guide" in [s.title for s in incremental.sources()]
    assert "harbour bridge" not in " ".join(incremental.passage(p) for p in range(
        incremental.n_passages))  # the old guide's words are gone from every passage ...
    assert "1932" not in incremental.index.vocabulary  # ... and from the index


def test_files_that_cannot_be_read_are_left_out_of_an_incremental_build(
        corpus: Path, tmp_path: Path) -> None:
    QAEngine.from_directory(corpus)
    (corpus / "aaa.txt").write_text("")  # first in corpus order, and skipped
    (corpus / "towns" / "empty.txt").write_text("")  # among kept files
    _write(corpus, "towns/town9.txt", _town(9, footer=False))  # read, after both
    incremental, full = _engines(corpus, tmp_path)
    assert (incremental.report.files_read, incremental.report.files_kept) == (1, 10)
    assert sorted(s.path for s in incremental.report.skipped) == [
        str(corpus / "aaa.txt"), str(corpus / "towns" / "empty.txt")]
    _assert_same(incremental, full)
    again = QAEngine.from_directory(corpus, rebuild=True)  # the skipped ones tried again
    assert (again.report.files_read, again.report.files_kept) == (0, 11)
    _assert_same(again, full)


def test_documents_in_other_languages_added_to_a_saved_index_are_read_in_theirs(
        corpus: Path, tmp_path: Path) -> None:
    QAEngine.from_directory(corpus)
    _write(corpus, "leuchtturm.txt", "Der nördliche Leuchtturm wurde von Mary Fell entworfen und "
           "im Jahr 1871 zum ersten Mal angezündet. Er steht auf einer kleinen Insel vor dem "
           "Hafen.\n")
    _write(corpus, "mayak.txt", "Северный маяк был спроектирован Мэри Фелл и впервые зажжён "
           "зимой 1871 года. Он стоит на маленьком острове перед гаванью.\n")
    incremental, full = _engines(corpus, tmp_path)
    assert (incremental.report.files_read, incremental.report.files_kept) == (2, 10)
    _assert_same(incremental, full)
    assert incremental.collection.languages() == {"en", "de", "ru"}
    assert "1871" in incremental.ask("Wann wurde der Leuchtturm zum ersten Mal angezündet?").text
    assert "1871" in incremental.ask("Когда был впервые зажжён маяк?").text


def test_compounds_kept_added_and_removed_index_as_a_full_build(corpus: Path,
                                                                 tmp_path: Path) -> None:
    # A German compound counts for its parts when the corpus holds them: a kept file's saved
    # counts then have postings only its compounds made (counting 0), which must go once the
    # parts are gone from the corpus, as must all compounds once no German is left.
    _write(corpus, "verfahren.txt", "Ein Gerichtsverfahren gegen den Bürgermeister von "
           "Lindholm begann im Jahr 1998 und dauerte lange.\n")
    QAEngine.from_directory(corpus)
    _write(corpus, "gericht1.txt", "Das Gericht eröffnete das Verfahren im Mai. Das Verfahren "
           "dauerte zwei Jahre.\n")  # the parts, added, more frequent than the compound
    _write(corpus, "gericht2.txt", "Das Gericht von Lindholm tagt im alten Rathaus. Jedes "
           "Verfahren dort ist öffentlich.\n")
    incremental, full = _engines(corpus, tmp_path)
    assert incremental.report.files_read == 2
    _assert_same(incremental, full)
    snap = Path(incremental.report.index_dir or "") / (incremental.report.snapshot or "")
    assert (np.load(snap / COUNTS) == 0).any()  # the compound's postings on its parts
    (corpus / "gericht2.txt").unlink()  # the parts, rarer: the compound's postings on them go
    incremental, full = _engines(corpus, tmp_path)
    assert incremental.report.files_read == 0
    _assert_same(incremental, full)
    (corpus / "verfahren.txt").unlink()
    (corpus / "gericht1.txt").unlink()  # no German left: no compounds
    incremental, full = _engines(corpus, tmp_path)
    assert incremental.report.files_read == 0
    assert incremental.collection.languages() == {"en"}
    _assert_same(incremental, full)


def test_a_paragraph_becoming_repeated_lays_the_files_holding_it_out_again(
        corpus: Path, tmp_path: Path) -> None:
    # 9 documents, the footer in 2: not repeated (3 needed); two more with it: it is, and the
    # two kept files that hold it must now drop it, as a full build does
    QAEngine.from_directory(corpus)
    before = QAEngine.from_directory(corpus)
    assert any(FOOTER in before.passage(p) for p in range(before.n_passages))
    for i in (4, 5):
        _write(corpus, f"towns/town{i}.txt", _town(i, footer=True))
    incremental, full = _engines(corpus, tmp_path)
    assert incremental.report.files_read == 4  # the two new files and the two that changed
    _assert_same(incremental, full)
    assert not any(FOOTER in incremental.passage(p) for p in range(incremental.n_passages))


def test_a_previous_index_without_the_update_files_is_built_in_full(corpus: Path) -> None:
    first = QAEngine.from_directory(corpus)
    snap = Path(first.report.index_dir or "") / (first.report.snapshot or "")
    os.remove(snap / COUNTS)  # an index saved by another qabot, or damaged
    (corpus / "towns" / "town0.txt").write_text(_town(0, footer=False))
    again = QAEngine.from_directory(corpus)
    assert again.report.files_read == 10 and store.current_name(snap.parent) != snap.name


def test_reading_in_worker_processes_builds_the_same_index(corpus: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from retrieval import indexing

    # a document the workers cannot tell as English: its language is told in the parent
    _write(corpus, "mayak.txt", "Северный маяк был спроектирован Мэри Фелл и впервые зажжён "
           "зимой 1871 года. Он стоит на маленьком острове перед гаванью.\n")
    alone = QAEngine.from_directory(corpus, index_dir=tmp_path / "alone")
    monkeypatch.setattr(indexing, "PARALLEL_FILES", 1)  # 11 files, 3 a task: on 2 workers
    monkeypatch.setattr(indexing, "READ_CHUNK", 3)
    monkeypatch.setattr(indexing.os, "cpu_count", lambda: 2)
    (corpus / "empty.txt").write_text("")  # skipped in a worker, said in the parent
    shared = QAEngine.from_directory(corpus, index_dir=tmp_path / "shared")
    assert shared.report.files_read == 11 and [s.path for s in shared.report.skipped] == [
        str(corpus / "empty.txt")]
    _assert_same(shared, alone)
    assert shared.collection.languages() == {"en", "ru"}


def test_a_failing_worker_process_leaves_the_build_to_this_process(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from structlog.testing import capture_logs

    from retrieval import indexing

    alone = QAEngine.from_directory(corpus, index_dir=tmp_path / "alone")
    monkeypatch.setattr(indexing, "PARALLEL_FILES", 1)
    monkeypatch.setattr(indexing, "READ_CHUNK", 3)
    monkeypatch.setattr(indexing.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(indexing, "READ", "retrieval.indexing:no_such_function")
    with capture_logs() as logs:
        rescued = QAEngine.from_directory(corpus, index_dir=tmp_path / "rescued")
    (failed,) = [e for e in logs if e["event"] == "index_workers_failed"]
    assert "no_such_function" in failed["reason"]
    _assert_same(rescued, alone)


def test_documents_given_in_memory_are_laid_out_the_same_in_worker_processes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from retrieval import indexing

    texts = [_town(i, footer=i % 2 == 0) for i in range(12)] + ["Home\nNews\n"]
    alone = QAEngine.from_texts(texts)
    monkeypatch.setattr(indexing, "PARALLEL_FILES", 1)
    monkeypatch.setattr(indexing, "READ_CHUNK", 4)
    monkeypatch.setattr(indexing.os, "cpu_count", lambda: 2)
    shared = QAEngine.from_texts(texts)
    _assert_same(shared, alone)
    assert shared.n_documents == 12  # the menu has nothing to quote, here as there


@pytest.mark.parametrize("guess", ["none", "too_many"])
def test_documents_sieved_against_a_wrong_guess_are_laid_out_again(
        guess: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers sieve documents given in memory against a guess of the repeated paragraphs (a
    sample's); those whose sieve asked about one the guess got wrong are laid out again, so the
    build is the one that knew the corpus's repeated paragraphs from the start."""
    from retrieval import indexing
    from retrieval.ingest.repeated import line_keys
    from retrieval.layout import parsed_of

    texts = [_town(i, footer=i % 2 == 0) for i in range(12)] + ["Home\nNews\n"]
    alone = QAEngine.from_texts(texts)
    monkeypatch.setattr(indexing, "PARALLEL_FILES", 1)
    monkeypatch.setattr(indexing, "READ_CHUNK", 4)
    monkeypatch.setattr(indexing.os, "cpu_count", lambda: 2)

    def guessed(docs: list[Document]) -> np.ndarray:
        if guess == "none":  # the footer, repeated, guessed not: the six holding it again
            return np.zeros(0, dtype=np.uint64)
        return line_keys(parsed_of(docs[1]))  # one document's paragraphs: those asking, again

    again: list[int] = []
    laid_out_again = indexing._laid_out_again

    def spy(docs: list[Document], which: np.ndarray, *args: Any) -> Collection:
        again.append(len(which))
        return laid_out_again(docs, which, *args)

    monkeypatch.setattr(indexing, "_guessed_repeated", guessed)
    monkeypatch.setattr(indexing, "_laid_out_again", spy)
    shared = QAEngine.from_texts(texts)
    assert again == [6] if guess == "none" else len(again) == 1 and again[0] >= 1
    _assert_same(shared, alone)
    assert shared.n_documents == 12


# terse English, too few function words to read as English without the detection model
TERSE_EN = ("Harbour bridge opened 1932 after eight years building. Premier attended opening "
            "ceremony. Eight lanes carry traffic daily. Railway tracks cross harbour beside "
            "road lanes.")
HAFEN_DE = ("Der Hafen von Lindholm wurde im Jahr 1250 von Kaufleuten aus Lübeck gegründet. "
            "Die Kaufleute bauten zuerst einen hölzernen Steg an der Mündung des Flusses.")


@pytest.mark.parametrize("workers", [False, True])
def test_a_build_lets_go_of_the_detection_model_once_every_document_is_told_english(
        workers: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    from retrieval import indexing, language

    if workers:
        monkeypatch.setattr(indexing, "PARALLEL_FILES", 1)
        monkeypatch.setattr(indexing, "READ_CHUNK", 4)
        monkeypatch.setattr(indexing.os, "cpu_count", lambda: 2)
    loaded: list[bool] = []  # whether the model was loaded when the build let it go

    def release() -> None:
        loaded.append(language.model_loaded())
        language.release()

    monkeypatch.setattr(indexing, "release_language_model", release)
    towns = [_town(i, footer=False) for i in range(6)]
    english = QAEngine.from_texts([*towns, TERSE_EN])
    assert loaded == [True] and not language.model_loaded()  # it told TERSE_EN, then went
    assert english.collection.languages() == {"en"}
    assert english.ask("When did the harbour bridge open?").answered
    mixed = QAEngine.from_texts([*towns, TERSE_EN, HAFEN_DE])
    assert loaded == [True] and language.model_loaded()  # kept: questions are told with it
    assert mixed.collection.languages() == {"en", "de"}
    assert mixed.ask("Wann wurde der Hafen gegründet?").answered


def test_laid_out_documents_are_let_go_once_packed(corpus: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Counting, weighting and saving go on without every document's passages as Python
    objects (whose memory, among the objects kept, would not be handed back)."""
    import gc

    from retrieval import indexing
    from retrieval.layout import Laid

    count, alive = indexing.count_terms, []

    def counting(*args: object, **kwargs: object) -> object:
        alive.append(sum(isinstance(o, Laid) for o in gc.get_objects()))
        return count(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(indexing, "count_terms", counting)
    engine = QAEngine.from_directory(corpus, rebuild=True, full=True)
    assert alive == [0] and engine.n_documents == 10
    QAEngine.from_directory(corpus, rebuild=True)  # nothing read: nothing laid out
    (corpus / "towns" / "town0.txt").write_text(_town(7, footer=False), encoding="utf-8")
    assert QAEngine.from_directory(corpus, rebuild=True).report.files_read == 1
    assert alive == [0, 0, 0]
