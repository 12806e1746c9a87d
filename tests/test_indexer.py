"""``qabot index --watch``: the corpus indexed again when its files change, and only then."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from bot.config import Settings
from bot.engines import Halted, load_engine
from bot.indexer import index, watch_corpus

from .conftest import ROOT


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The harbour bridge opened in 1932 after eight years.\n")
    return Settings(_env_file=None, corpus_dir=corpus)


def _until(condition, timeout: float = 20.0) -> None:
    """Wait for ``condition()`` (``timeout`` only bounds a failing test)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition never held"
        time.sleep(0.01)


def test_the_corpus_is_indexed_at_once_and_again_after_each_settled_change(
        settings: Settings) -> None:
    builds: list[int] = []

    def build() -> None:
        builds.append(load_engine(settings, rebuild=True).n_documents)

    stop = threading.Event()
    watcher = threading.Thread(target=watch_corpus, args=(settings, build),
                               kwargs={"every": 0.02, "stop": stop})
    watcher.start()
    try:
        _until(lambda: builds == [1])
        time.sleep(0.2)
        assert builds == [1]  # nothing changed: nothing built
        (settings.corpus_path() / "b.txt").write_text("The lighthouse was lit in 1871.\n")
        _until(lambda: builds == [1, 2])
        with capture_logs() as logs:
            (settings.corpus_path() / "a.txt").unlink()
            (settings.corpus_path() / "b.txt").unlink()
            _until(lambda: any(e["event"] == "index_watch_build_failed" for e in logs))
        (settings.corpus_path() / "c.txt").write_text("The ferry first sailed in 1902.\n")
        _until(lambda: builds == [1, 2, 1])  # the watch went on after the failed build
        # the folder gone for a while (moved away and back): the watch waits for it
        away = settings.corpus_path().with_name("away")
        settings.corpus_path().rename(away)
        time.sleep(0.2)
        away.rename(settings.corpus_path())
        (settings.corpus_path() / "d.txt").write_text("The mill burned down in 1911.\n")
        _until(lambda: builds == [1, 2, 1, 2])
    finally:
        stop.set()
        watcher.join(10)
    assert not watcher.is_alive()
    failed = next(e for e in logs if e["event"] == "index_watch_build_failed")
    assert failed["reason"].startswith("no usable document")


def test_a_file_that_keeps_changing_holds_back_the_others_a_bounded_while(
        settings: Settings) -> None:
    """A log that grows for good once kept every other change from being indexed."""
    builds: list[int] = []
    stop = threading.Event()

    def grow() -> None:
        with open(settings.corpus_path() / "log.txt", "a") as log_file:
            while not stop.wait(0.005):
                log_file.write("The service answered another request today.\n")
                log_file.flush()

    def build() -> None:
        builds.append(load_engine(settings, rebuild=True).n_documents)

    watcher = threading.Thread(target=watch_corpus, args=(settings, build),
                               kwargs={"every": 0.05, "stop": stop, "patience": 0.5})
    grower = threading.Thread(target=grow)
    watcher.start()
    try:
        _until(lambda: builds == [1])
        grower.start()
        with capture_logs() as logs:
            (settings.corpus_path() / "comet.txt").write_text("The comet returns every 41 "
                                                              "years.\n")
            _until(lambda: builds[-1:] == [3])
    finally:
        stop.set()
        watcher.join(10)
        grower.join(10)
    unsettled = [e for e in logs if e["event"] == "index_watch_unsettled"]
    assert unsettled and all(e["files"] == ["log.txt"] for e in unsettled)
    assert unsettled[0]["seconds"] >= 0.5 and unsettled[0]["log_level"] == "warning"


def test_a_broken_link_or_a_link_out_appearing_is_said_as_index_says_it(
        settings: Settings, tmp_path: Path) -> None:
    """A watch listed only the files it reads: a broken link, or a link out of the folder,
    made while it watched changed nothing it looked at, and nothing was said of either until
    some other file changed (``qabot index`` says each at once)."""
    builds: list[int] = []
    stop = threading.Event()

    def build() -> None:
        builds.append(load_engine(settings, rebuild=True).n_documents)

    watcher = threading.Thread(target=watch_corpus, args=(settings, build),
                               kwargs={"every": 0.02, "stop": stop})
    watcher.start()
    try:
        _until(lambda: builds == [1])
        (settings.corpus_path() / "dead.txt").symlink_to("gone.txt")
        _until(lambda: len(builds) == 2)
        (tmp_path / "secret.txt").write_text("The vault code is 1234.\n")
        (settings.corpus_path() / "out.txt").symlink_to(tmp_path / "secret.txt")
        _until(lambda: len(builds) == 3)
        time.sleep(0.2)
        assert len(builds) == 3  # said once: nothing built again while nothing changes
    finally:
        stop.set()
        watcher.join(10)
    assert builds == [1, 1, 1]


def test_qabot_index_watch_runs_until_sigterm(settings: Settings) -> None:
    corpus = settings.corpus_path()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "index", "--watch", "--interval", "0.05",
         "--corpus", str(corpus)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("indexed 1 document,")
        (corpus / "b.txt").write_text("The lighthouse was lit in 1871.\n")
        assert proc.stdout.readline().startswith("indexed 2 documents")
        proc.send_signal(signal.SIGTERM)
        # (a minute: on a machine loaded by other work, 30 s was once not enough)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pipe in (proc.stdout, proc.stderr):  # closed whatever happened: an open pipe
            if pipe is not None:                 # would fail a later test (ResourceWarning)
                pipe.close()
    assert proc.returncode == 0
    assert "watching it for changes" in err and "Traceback" not in err


def test_the_stop_signal_handler_takes_no_lock_the_main_thread_may_hold() -> None:
    """The handler runs between two steps of the main thread, which may hold the stop event's
    lock just then (inside ``stop.wait``): setting the event there waited for that lock
    forever. The handler must return at once, and ``stop`` be set all the same."""
    from bot.indexer import stop_on_signals

    before = signal.getsignal(signal.SIGTERM)
    stop = threading.Event()
    try:
        stop_on_signals(stop, signal.SIGTERM)
        handler = signal.getsignal(signal.SIGTERM)
        assert callable(handler)
        returned = threading.Event()

        def interrupted_while_waiting() -> None:
            with stop._cond:  # type: ignore[attr-defined]  # what stop.wait holds at times
                handler(signal.SIGTERM, None)
            returned.set()

        threading.Thread(target=interrupted_while_waiting, daemon=True).start()
        assert returned.wait(5)
        assert stop.wait(5)
    finally:
        signal.signal(signal.SIGTERM, before)


def test_a_build_told_to_stop_ends_at_its_next_step_saving_nothing(settings: Settings) -> None:
    stop = threading.Event()
    stop.set()
    with pytest.raises(Halted):
        index(settings, stop=stop)
    index_dir = settings.corpus_path() / ".qabot-index"
    assert not index_dir.exists() or not any(p.name.startswith("snap-")
                                             for p in index_dir.iterdir())


def test_qabot_index_watch_stops_on_sigterm_during_a_build(tmp_path: Path) -> None:
    """SIGTERM (or Ctrl-C) while `qabot index --watch` built the index was taken only once the
    build was done: 47 s on 427 documents, past a service manager's patience. It now ends the
    build at its next step, saving nothing, and exits 0."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(1500):
        (corpus / f"note{i}.txt").write_text(
            f"Note {i}: the ferry number {i} left the harbour at dawn with {i % 40} "
            "passengers and a cargo of timber for the island's new school.\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "index", "--watch", "--corpus", str(corpus)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        assert "watching it for changes" in proc.stderr.readline()  # (said once it takes them)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
    assert proc.returncode == 0, err
    assert "indexed" not in out and "Traceback" not in err
    index_dir = corpus / ".qabot-index"
    assert not index_dir.exists() or not any(p.name.startswith("snap-")
                                             for p in index_dir.iterdir())
