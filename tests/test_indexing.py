"""Incremental builds: only new and changed files are read, and the index is the full build's."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from structlog.testing import capture_logs

from retrieval import QAEngine, store
from retrieval.indexing import COUNTS

from .builds import FOOTER, assert_same, town, towns_corpus, write


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return towns_corpus(tmp_path)


def _engines(corpus: Path, tmp_path: Path) -> tuple[QAEngine, QAEngine]:
    """The incremental build of ``corpus`` (over its saved index) and a full one elsewhere."""
    incremental = QAEngine.from_directory(corpus, rebuild=True)
    full = QAEngine.from_directory(corpus, index_dir=tmp_path / "full", rebuild=True, full=True)
    return incremental, full


def test_an_unchanged_corpus_is_kept_whole_and_indexes_the_same(corpus: Path,
                                                                tmp_path: Path) -> None:
    first = QAEngine.from_directory(corpus)
    assert first.report.files_read == 10 and first.report.files_kept == 0
    again, full = _engines(corpus, tmp_path)
    assert again.report.files_read == 0 and again.report.files_kept == 10
    assert_same(again, full)
    assert_same(again, first)


def test_added_changed_and_removed_files_are_read_and_the_rest_kept(corpus: Path,
                                                                    tmp_path: Path) -> None:
    QAEngine.from_directory(corpus)
    write(corpus, "lighthouse.txt", "The northern lighthouse was designed by Mary Fell in "
          "1871 and first lit that winter.\n")
    write(corpus, "guide.md", "# Harbour guide\n\n## The ferry\n\n- The ferry carries cars, "
          "bicycles and post.\n")
    (corpus / "towns" / "town3.txt").unlink()
    (corpus / "guide.meta.json").write_text(json.dumps({"title": "The harbour guide"}))
    incremental, full = _engines(corpus, tmp_path)
    assert (incremental.report.files_read, incremental.report.files_kept) == (2, 8)
    assert_same(incremental, full)
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
    write(corpus, "towns/town9.txt", town(9, footer=False))  # read, after both
    incremental, full = _engines(corpus, tmp_path)
    assert (incremental.report.files_read, incremental.report.files_kept) == (1, 10)
    assert sorted(s.path for s in incremental.report.skipped) == [
        str(corpus / "aaa.txt"), str(corpus / "towns" / "empty.txt")]
    assert_same(incremental, full)
    again = QAEngine.from_directory(corpus, rebuild=True)  # the skipped ones tried again
    assert (again.report.files_read, again.report.files_kept) == (0, 11)
    assert_same(again, full)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_to_nothing_added_to_a_corpus_whose_index_is_current_is_said_at_load(
        corpus: Path) -> None:
    """A link to nothing has no size or time to fingerprint: the saved index stayed current,
    and was loaded without a word of the document the user meant to add."""
    QAEngine.from_directory(corpus)
    (corpus / "draft.txt").symlink_to(corpus / "gone.txt")
    with capture_logs() as logs:
        again = QAEngine.from_directory(corpus)
    assert not again.report.built  # still current: nothing to build
    said = [(s.path, s.reason) for s in again.report.skipped]
    assert said == [(str(corpus / "draft.txt"), "a symbolic link to a file that does not exist")]
    assert [(e["path"], e["reason"]) for e in logs if e["event"] == "file_skipped"] == said


def test_documents_in_other_languages_added_to_a_saved_index_are_read_in_theirs(
        corpus: Path, tmp_path: Path) -> None:
    QAEngine.from_directory(corpus)
    write(corpus, "leuchtturm.txt", "Der nördliche Leuchtturm wurde von Mary Fell entworfen und "
          "im Jahr 1871 zum ersten Mal angezündet. Er steht auf einer kleinen Insel vor dem "
          "Hafen.\n")
    write(corpus, "mayak.txt", "Северный маяк был спроектирован Мэри Фелл и впервые зажжён "
          "зимой 1871 года. Он стоит на маленьком острове перед гаванью.\n")
    incremental, full = _engines(corpus, tmp_path)
    assert (incremental.report.files_read, incremental.report.files_kept) == (2, 10)
    assert_same(incremental, full)
    assert incremental.collection.languages() == {"en", "de", "ru"}
    assert "1871" in incremental.ask("Wann wurde der Leuchtturm zum ersten Mal angezündet?").text
    assert "1871" in incremental.ask("Когда был впервые зажжён маяк?").text


def test_compounds_kept_added_and_removed_index_as_a_full_build(corpus: Path,
                                                                 tmp_path: Path) -> None:
    # A German compound counts for its parts when the corpus holds them: a kept file's saved
    # counts then have postings only its compounds made (counting 0), which must go once the
    # parts are gone from the corpus, as must all compounds once no German is left.
    write(corpus, "verfahren.txt", "Ein Gerichtsverfahren gegen den Bürgermeister von "
          "Lindholm begann im Jahr 1998 und dauerte lange.\n")
    QAEngine.from_directory(corpus)
    write(corpus, "gericht1.txt", "Das Gericht eröffnete das Verfahren im Mai. Das Verfahren "
          "dauerte zwei Jahre.\n")  # the parts, added, more frequent than the compound
    write(corpus, "gericht2.txt", "Das Gericht von Lindholm tagt im alten Rathaus. Jedes "
          "Verfahren dort ist öffentlich.\n")
    incremental, full = _engines(corpus, tmp_path)
    assert incremental.report.files_read == 2
    assert_same(incremental, full)
    snap = Path(incremental.report.index_dir or "") / (incremental.report.snapshot or "")
    assert (np.load(snap / COUNTS) == 0).any()  # the compound's postings on its parts
    (corpus / "gericht2.txt").unlink()  # the parts, rarer: the compound's postings on them go
    incremental, full = _engines(corpus, tmp_path)
    assert incremental.report.files_read == 0
    assert_same(incremental, full)
    (corpus / "verfahren.txt").unlink()
    (corpus / "gericht1.txt").unlink()  # no German left: no compounds
    incremental, full = _engines(corpus, tmp_path)
    assert incremental.report.files_read == 0
    assert incremental.collection.languages() == {"en"}
    assert_same(incremental, full)


def test_a_paragraph_becoming_repeated_lays_the_files_holding_it_out_again(
        corpus: Path, tmp_path: Path) -> None:
    # 9 documents, the footer in 2: not repeated (3 needed); two more with it: it is, and the
    # two kept files that hold it must now drop it, as a full build does
    QAEngine.from_directory(corpus)
    before = QAEngine.from_directory(corpus)
    assert any(FOOTER in before.passage(p) for p in range(before.n_passages))
    for i in (4, 5):
        write(corpus, f"towns/town{i}.txt", town(i, footer=True))
    incremental, full = _engines(corpus, tmp_path)
    assert incremental.report.files_read == 4  # the two new files and the two that changed
    assert_same(incremental, full)
    assert not any(FOOTER in incremental.passage(p) for p in range(incremental.n_passages))


def test_a_previous_index_without_the_update_files_is_built_in_full(corpus: Path) -> None:
    first = QAEngine.from_directory(corpus)
    snap = Path(first.report.index_dir or "") / (first.report.snapshot or "")
    os.remove(snap / COUNTS)  # an index saved by another qabot, or damaged
    (corpus / "towns" / "town0.txt").write_text(town(0, footer=False))
    again = QAEngine.from_directory(corpus)
    assert again.report.files_read == 10 and store.current_name(snap.parent) != snap.name


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
    (corpus / "towns" / "town0.txt").write_text(town(7, footer=False), encoding="utf-8")
    assert QAEngine.from_directory(corpus, rebuild=True).report.files_read == 1
    assert alive == [0, 0, 0]


def test_a_lead_ins_code_is_in_its_passage_and_out_of_the_index_after_an_update(
        corpus: Path, tmp_path: Path) -> None:
    """Code quoted with its lead-in (``CODE_LINE``) is in the passage text of a file read
    anew, and of one kept from the saved index, and in neither's index terms."""
    write(corpus, "ferry.md", "# Ferry\n\nTo book the harbour ferry, send:\n\n```\n"
          "sms zorblat 4455\n```\n")
    QAEngine.from_directory(corpus)
    write(corpus, "lighthouse.txt", "The northern lighthouse was designed by Mary Fell in "
          "1871 and first lit that winter.\n")
    incremental, full = _engines(corpus, tmp_path)
    assert incremental.report.files_kept == 11 and incremental.report.files_read == 1
    assert_same(incremental, full)
    for engine in (incremental, full):
        assert "zorblat" not in engine.index.vocabulary
        quote = engine.ask("How do I book the harbour ferry?").sentences[0]
        assert quote.text == "To book the harbour ferry, send:\n    sms zorblat 4455"
        assert "sms zorblat 4455" in engine.passage(quote.passage)
