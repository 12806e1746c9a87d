"""Reading and laying out a build's documents in worker processes: the same index as one
process builds, and a failing worker leaves the build to this process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from retrieval import QAEngine
from retrieval.collection import Collection
from retrieval.corpus import Document

from .builds import assert_same, town, towns_corpus, write
from .formatwriters import write_eml, write_mbox


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return towns_corpus(tmp_path)


def test_reading_in_worker_processes_builds_the_same_index(corpus: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from retrieval import parallel

    # a document the workers cannot tell as English: its language is told in the parent
    write(corpus, "mayak.txt", "Северный маяк был спроектирован Мэри Фелл и впервые зажжён "
          "зимой 1871 года. Он стоит на маленьком острове перед гаванью.\n")
    # a file of several documents (a mail archive, a document a message), read in a worker
    (corpus / "letters.mbox").write_bytes(write_mbox([(f"{who}@example.org", "Mon Mar  2 2020",
        write_eml(f"About {who}", who, "town@example.org", "Mon, 02 Mar 2020 09:00:00 +0000",
                  f"The harbour master {who} retires in the spring after thirty years.\n"))
        for who in ("ann", "bob")]))
    alone = QAEngine.from_directory(corpus, index_dir=tmp_path / "alone")
    monkeypatch.setattr(parallel, "PARALLEL_FILES", 1)  # 12 files, 3 a task: on 2 workers
    monkeypatch.setattr(parallel, "READ_CHUNK", 3)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    (corpus / "empty.txt").write_text("")  # skipped in a worker, said in the parent
    shared = QAEngine.from_directory(corpus, index_dir=tmp_path / "shared")
    assert shared.report.files_read == 12 and [s.path for s in shared.report.skipped] == [
        str(corpus / "empty.txt")]
    assert_same(shared, alone)
    assert {"letters#1", "letters#2"} <= {s.id for s in shared.sources()}
    assert shared.collection.languages() == {"en", "ru"}


def test_a_build_in_this_process_reports_its_reading_every_few_files(
        corpus: Path, tmp_path: Path) -> None:
    """A report is where a build can be stopped (a webhook's SIGTERM while it indexes at
    start-up): one per 200 files was one per 10 s of manuals."""
    from retrieval import parallel

    for i in range(45):
        write(corpus, f"note{i:02}.txt", f"Note {i} says the harbour opens at {i} o'clock.\n")
    told: list[tuple[str, int, int]] = []
    QAEngine.from_directory(corpus, index_dir=tmp_path / "i",
                            progress=lambda what, done, total: told.append((what, done, total)))
    reading = [done for what, done, total in told if what == "reading files"]
    assert reading[-1] == told[0][2] > 2 * parallel.SERIAL_READ_CHUNK
    assert all(0 < b - a <= parallel.SERIAL_READ_CHUNK
               for a, b in zip([0, *reading], reading, strict=False))


def test_a_failing_worker_process_leaves_the_build_to_this_process(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from structlog.testing import capture_logs

    from retrieval import parallel

    alone = QAEngine.from_directory(corpus, index_dir=tmp_path / "alone")
    monkeypatch.setattr(parallel, "PARALLEL_FILES", 1)
    monkeypatch.setattr(parallel, "READ_CHUNK", 3)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(parallel, "READ", "retrieval.parallel:no_such_function")
    with capture_logs() as logs:
        rescued = QAEngine.from_directory(corpus, index_dir=tmp_path / "rescued")
    (failed,) = [e for e in logs if e["event"] == "index_workers_failed"]
    assert "no_such_function" in failed["reason"]
    assert_same(rescued, alone)


def test_documents_given_in_memory_are_laid_out_the_same_in_worker_processes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from retrieval import parallel

    texts = [town(i, footer=i % 2 == 0) for i in range(12)] + ["Home\nNews\n"]
    alone = QAEngine.from_texts(texts)
    monkeypatch.setattr(parallel, "PARALLEL_FILES", 1)
    monkeypatch.setattr(parallel, "READ_CHUNK", 4)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    shared = QAEngine.from_texts(texts)
    assert_same(shared, alone)
    assert shared.n_documents == 12  # the menu has nothing to quote, here as there


@pytest.mark.parametrize("guess", ["none", "too_many"])
def test_documents_sieved_against_a_wrong_guess_are_laid_out_again(
        guess: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers sieve documents given in memory against a guess of the repeated paragraphs (a
    sample's); those whose sieve asked about one the guess got wrong are laid out again, so the
    build is the one that knew the corpus's repeated paragraphs from the start."""
    from retrieval import parallel
    from retrieval.ingest.repeated import line_keys
    from retrieval.layout import parsed_of

    texts = [town(i, footer=i % 2 == 0) for i in range(12)] + ["Home\nNews\n"]
    alone = QAEngine.from_texts(texts)
    monkeypatch.setattr(parallel, "PARALLEL_FILES", 1)
    monkeypatch.setattr(parallel, "READ_CHUNK", 4)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)

    def guessed(docs: list[Document]) -> np.ndarray:
        if guess == "none":  # the footer, repeated, guessed not: the six holding it again
            return np.zeros(0, dtype=np.uint64)
        return line_keys(parsed_of(docs[1]))  # one document's paragraphs: those asking, again

    again: list[int] = []
    laid_out_again = parallel._laid_out_again

    def spy(docs: list[Document], which: np.ndarray, *args: Any) -> Collection:
        again.append(len(which))
        return laid_out_again(docs, which, *args)

    monkeypatch.setattr(parallel, "_guessed_repeated", guessed)
    monkeypatch.setattr(parallel, "_laid_out_again", spy)
    shared = QAEngine.from_texts(texts)
    assert again == [6] if guess == "none" else len(again) == 1 and again[0] >= 1
    assert_same(shared, alone)
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
    from retrieval import detection, parallel

    if workers:
        monkeypatch.setattr(parallel, "PARALLEL_FILES", 1)
        monkeypatch.setattr(parallel, "READ_CHUNK", 4)
        monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    loaded: list[bool] = []  # whether the model was loaded when the build let it go

    def release() -> None:
        loaded.append(detection.model_loaded())
        detection.release()

    monkeypatch.setattr(parallel, "release_language_model", release)
    towns = [town(i, footer=False) for i in range(6)]
    english = QAEngine.from_texts([*towns, TERSE_EN])
    assert loaded == [True] and not detection.model_loaded()  # it told TERSE_EN, then went
    assert english.collection.languages() == {"en"}
    assert english.ask("When did the harbour bridge open?").answered
    mixed = QAEngine.from_texts([*towns, TERSE_EN, HAFEN_DE])
    assert loaded == [True] and detection.model_loaded()  # kept: questions are told with it
    assert mixed.collection.languages() == {"en", "de"}
    assert mixed.ask("Wann wurde der Hafen gegründet?").answered
