"""The engine the channels answer from: replaced whole by a new snapshot, rebuilt when damaged."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from bot.config import Settings
from bot.engines import LiveEngine, Watcher, for_answering, load_engine
from retrieval import locks, store

from .conftest import ROOT

TEXT = "The harbour bridge opened in 1932 after eight years.\n"
QUESTION = "When did the harbour bridge open?"
NEW = "The lighthouse on the northern cape was lit in 1871 by the harbour board.\n"
NEW_QUESTION = "When was the lighthouse on the northern cape lit?"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT)
    return Settings(_env_file=None, corpus_dir=corpus)


def _snapshot(settings: Settings) -> Path:
    index = settings.corpus_path() / ".qabot-index"
    name = store.current_name(index)
    assert name is not None
    return index / name


def _damage(settings: Settings) -> None:
    blob_file = _snapshot(settings) / "text_blob.npy"
    blob = bytearray(blob_file.read_bytes())
    blob[bytes(blob).rindex(b"1932") + 3] ^= 0x01  # 1932 -> 1933, the same size
    blob_file.write_bytes(bytes(blob))


def _damaged(settings: Settings) -> LiveEngine:
    load_engine(settings)  # build and save
    _damage(settings)
    return LiveEngine(load_engine(settings), settings)


def _add_document(settings: Settings) -> None:
    """What a newsroom does: a new file, then `qabot index` (here in this process)."""
    (settings.corpus_path() / "b.txt").write_text(NEW)
    load_engine(settings, rebuild=True)


# --- a damaged index ---------------------------------------------------------------------------


def test_a_question_meeting_a_damaged_passage_is_answered_from_a_rebuilt_index(
        settings: Settings) -> None:
    live = _damaged(settings)
    damaged = live.current
    with capture_logs() as logs:
        loaded, answer = live.answer(QUESTION)
    assert answer.answered and "1932" in answer.sentences[0].text
    assert loaded is live.current and loaded is not damaged
    (warning,) = [e for e in logs if e["event"] == "index_damaged_rebuilding"]
    assert "passage 0" in warning["reason"] and warning["log_level"] == "warning"
    assert [e["event"] for e in logs].count("index_swapped") == 1
    assert live.passage(0) == TEXT.strip()  # answered from the new one from now on


def test_a_quote_button_reading_a_damaged_passage_is_repaired_too(settings: Settings) -> None:
    live = _damaged(settings)
    assert live.passage(0) == TEXT.strip()


def test_questions_meeting_the_damage_at_once_rebuild_it_once(settings: Settings) -> None:
    live = _damaged(settings)
    with capture_logs() as logs, ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: live.ask(QUESTION), range(16)))
    assert all("1932" in a.sentences[0].text for a in answers)
    assert [e["event"] for e in logs].count("index_damaged_rebuilding") == 1


def test_an_index_file_cut_short_while_serving_is_rebuilt_not_a_crash(
        settings: Settings) -> None:
    """Truncated in place while mapped (``rsync --inplace``, a full disk during a copy onto
    the volume): reading it killed the process with SIGBUS. Run in a process of its own, which
    that killed."""
    script = """
import os, sys
from pathlib import Path
from structlog.testing import capture_logs
from bot.config import Settings
from bot.engines import LiveEngine, load_engine
from retrieval import store

settings = Settings(_env_file=None, corpus_dir=Path(sys.argv[1]))
live = LiveEngine(load_engine(settings), settings)
index = settings.corpus_path() / ".qabot-index"
cut = store.current_name(index)
os.truncate(index / cut / "text_blob.npy", 0)
with capture_logs() as logs:
    answer = live.ask(sys.argv[2])
(event,) = [e for e in logs if e["event"] == "index_damaged_rebuilding"]
print(answer.sentences[0].text)
print(event["reason"])
print(live.current.snapshot != cut, live.passage(0) == live.current.engine.passage(0))
"""
    done = subprocess.run([sys.executable, "-c", script, str(settings.corpus_path()), QUESTION],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    quoted, reason, swapped = done.stdout.splitlines()[-3:]  # (after the log lines)
    assert "1932" in quoted and swapped == "True True"
    assert reason.startswith("1 file(s) of index snapshot snap-") and "cut short" in reason


def test_an_engine_without_settings_lets_the_damage_be_an_error(settings: Settings) -> None:
    from retrieval.errors import DamagedIndexError

    live = LiveEngine(_damaged(settings).current.engine)
    with pytest.raises(DamagedIndexError):
        live.ask(QUESTION)


# --- new snapshots -----------------------------------------------------------------------------


def test_a_new_snapshot_is_noticed_loaded_and_swapped_in(settings: Settings) -> None:
    live = LiveEngine(load_engine(settings), settings)
    before = live.current
    assert not live.changed() and not live.reload()  # nothing new: nothing swapped
    assert not live.answer(NEW_QUESTION)[1].answered
    _add_document(settings)
    assert live.changed()
    with capture_logs() as logs:
        assert live.reload()
    assert live.current is not before and not live.changed()
    assert live.current.snapshot == _snapshot(settings).name
    loaded, answer = live.answer(NEW_QUESTION)
    assert "1871" in answer.sentences[0].text and len(loaded.sources) == 2
    # a question that began before the swap finishes on the engine it began with
    assert before.engine.ask(QUESTION).answered and len(before.sources) == 1
    (swapped,) = [e for e in logs if e["event"] == "index_swapped"]
    assert swapped["documents"] == 2 and swapped["snapshot"] == live.current.snapshot


def test_a_snapshot_that_cannot_be_loaded_leaves_the_engine_answering(
        settings: Settings) -> None:
    live = LiveEngine(load_engine(settings), settings)
    _add_document(settings)
    (_snapshot(settings) / "vocab.json").write_text("[]")  # another size: refused at load
    with capture_logs() as logs:
        assert not live.reload()
    (failed,) = [e for e in logs if e["event"] == "index_reload_failed"]
    assert failed["log_level"] == "error" and "vocab.json" in failed["reason"]
    assert live.answer(QUESTION)[1].answered


async def test_an_unexpected_error_in_a_reload_is_logged_once_and_the_watching_goes_on(
        settings: Settings) -> None:
    """Any exception of one reload (a RecursionError from a snapshot, say) used to end the
    watcher for good, silently: later snapshots and SIGHUP were ignored until a restart. The
    snapshot that failed is not tried (nor logged) again at every poll."""
    failures = iter([RuntimeError("maximum recursion depth exceeded")])

    def wrap(engine):
        for exc in failures:  # the first load fails, the ones after it do not
            raise exc
        return engine

    live = LiveEngine(load_engine(settings), settings, wrap=wrap)
    watcher = Watcher(live, every=0.02)
    await watcher.start()
    try:
        with capture_logs() as logs:
            await asyncio.to_thread(_add_document, settings)
            async with asyncio.timeout(10):
                while not any(e["event"] == "index_reload_failed" for e in logs):
                    await asyncio.sleep(0.02)
            await asyncio.sleep(0.2)  # ten polls more
            assert len(live.current.sources) == 1  # still answering from the old snapshot
            (settings.corpus_path() / "c.txt").write_text("The ferry to the island is free.\n")
            await asyncio.to_thread(load_engine, settings, True)  # the next `qabot index`
            async with asyncio.timeout(10):
                while len(live.current.sources) != 3:
                    await asyncio.sleep(0.02)
    finally:
        await watcher.stop()
    (failed,) = [e for e in logs if e["event"] == "index_reload_failed"]
    assert failed["log_level"] == "error" and "RuntimeError: maximum" in failed["reason"]
    assert "1871" in live.ask(NEW_QUESTION).sentences[0].text


def _unwritable(settings: Settings) -> None:
    """Make every save into the index folder fail, as a read-only volume does (the tests run as
    root, whom permissions do not stop): its lock file a folder, so a save cannot take it."""
    lock = settings.corpus_path() / ".qabot-index" / locks.LOCK
    lock.unlink()
    lock.mkdir()


def _index_as_the_indexer(settings: Settings) -> None:
    """`qabot index`, run where the index folder is writable."""
    (settings.corpus_path() / ".qabot-index" / locks.LOCK).rmdir()
    load_engine(settings, rebuild=True)
    _unwritable(settings)


def test_a_replica_that_could_not_save_its_index_takes_up_the_next_one_published(
        settings: Settings) -> None:
    """Started on a corpus newer than the saved index (or told to re-read it, SIGHUP), a
    replica that cannot write the index folder answers from an index built in memory; it used
    to stay on that one for good, quoting deleted and outdated text."""
    load_engine(settings)
    stale = _snapshot(settings).name
    _unwritable(settings)
    (settings.corpus_path() / "b.txt").write_text(NEW)
    with capture_logs() as logs:
        live = LiveEngine(load_engine(settings), settings)
    assert any(e["event"] == "index_not_saved" for e in logs)
    assert live.current.snapshot is None and len(live.current.sources) == 2
    assert not live.changed()  # the stale snapshot is not newer than the build
    (settings.corpus_path() / "b.txt").unlink()
    (settings.corpus_path() / "a.txt").write_text(TEXT.replace("1932", "1950"))
    _index_as_the_indexer(settings)
    assert live.changed() and live.reload()
    assert live.current.snapshot == _snapshot(settings).name != stale
    assert "1950" in live.ask(QUESTION).sentences[0].text and len(live.current.sources) == 1
    # SIGHUP after an edit: built in memory again, then the next snapshot is taken up again
    (settings.corpus_path() / "b.txt").write_text(NEW)
    assert live.reload(corpus=True) and live.current.snapshot is None
    assert not live.changed()
    _index_as_the_indexer(settings)
    assert live.changed() and live.reload()
    assert live.current.snapshot == _snapshot(settings).name and not live.changed()


async def test_the_watcher_takes_up_a_new_snapshot_within_its_poll(settings: Settings) -> None:
    live = LiveEngine(load_engine(settings), settings)
    watcher = Watcher(live, every=0.05)
    await watcher.start()
    try:
        await asyncio.to_thread(_add_document, settings)
        async with asyncio.timeout(10):
            while len(live.current.sources) != 2:
                await asyncio.sleep(0.02)
    finally:
        await watcher.stop()
    assert "1871" in live.ask(NEW_QUESTION).sentences[0].text


async def test_sighup_rereads_the_corpus_without_waiting_for_qabot_index(
        settings: Settings) -> None:
    live = LiveEngine(load_engine(settings), settings)
    watcher = Watcher(live, every=0)  # no polling: SIGHUP only
    await watcher.start()
    try:
        (settings.corpus_path() / "b.txt").write_text(NEW)  # no `qabot index` this time
        os.kill(os.getpid(), signal.SIGHUP)
        async with asyncio.timeout(30):
            while len(live.current.sources) != 2:
                await asyncio.sleep(0.02)
    finally:
        await watcher.stop()
    assert live.current.snapshot == _snapshot(settings).name  # built and saved


async def test_a_rebuild_of_the_corpus_ends_at_its_next_step_once_the_watcher_stops(
        settings: Settings) -> None:
    """A SIGTERM while a SIGHUP's rebuild ran (556 files) logged webhook_stopped, then held
    the process 23 s more, until the rebuild in its thread was done and swapped in."""
    live = LiveEngine(load_engine(settings), settings)
    before = _snapshot(settings).name
    watcher = Watcher(live, every=0)
    await watcher.start()
    await watcher.stop()  # as the bot stops (post_stop)
    (settings.corpus_path() / "b.txt").write_text(NEW)  # a rebuild for SIGHUP to start
    with capture_logs() as logs:
        assert await asyncio.to_thread(live.reload, corpus=True) is False
    events = [e["event"] for e in logs]
    assert "index_reload_stopped" in events
    assert "index_swapped" not in events and "index_reload_failed" not in events
    assert _snapshot(settings).name == before  # nothing saved
    assert "1932" in live.ask(QUESTION).sentences[0].text


def test_an_engine_for_answering_has_read_what_the_first_question_would_wait_for(
        settings: Settings) -> None:
    """A bot's (or the console's) first question read wordfreq's English list (0.6-0.8 s after
    /readyz said 200; the next questions took 10 ms): it is read before."""
    from retrieval import spelling

    engine = load_engine(settings)
    spelling._frequent.cache_clear()
    assert for_answering(engine) is engine
    assert spelling._frequent.cache_info().currsize == 1


def test_a_loaded_engines_sources_are_made_on_demand_and_match_the_full_list(
        seeds_engine) -> None:
    from bot.engines import Loaded

    loaded = Loaded(seeds_engine)
    every = seeds_engine.sources()
    assert len(loaded.sources) == len(every) == 5
    assert loaded.sources[1] == every[1] and loaded.sources[-1] == every[-1]
    assert loaded.sources[1:3] == every[1:3]
    assert loaded.doc_index == {s.id: i for i, s in enumerate(every)}
    with pytest.raises(IndexError):
        loaded.sources[5]
