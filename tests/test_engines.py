"""The engine the channels answer from: a saved index damaged on disk is rebuilt, once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from bot.config import Settings
from bot.engines import Repairing, load_engine

TEXT = "The harbour bridge opened in 1932 after eight years.\n"
QUESTION = "When did the harbour bridge open?"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT)
    return Settings(_env_file=None, corpus_dir=corpus)


def _damage(settings: Settings) -> None:
    index = settings.corpus_path() / ".qabot-index"
    snap = next(p for p in index.iterdir() if p.name.startswith("snap-"))
    blob = bytearray((snap / "text_blob.npy").read_bytes())
    blob[bytes(blob).rindex(b"1932") + 3] ^= 0x01  # 1932 -> 1933, the same size
    (snap / "text_blob.npy").write_bytes(bytes(blob))


def _repairing(settings: Settings) -> tuple[Repairing, list[int]]:
    load_engine(settings)  # build and save
    _damage(settings)
    rebuilds: list[int] = []

    def rebuild():
        rebuilds.append(1)
        return load_engine(settings, rebuild=True)

    return Repairing(load_engine(settings), rebuild), rebuilds


def test_a_question_meeting_a_damaged_passage_is_answered_from_a_rebuilt_index(
        settings: Settings) -> None:
    engine, rebuilds = _repairing(settings)
    damaged = engine.engine
    with capture_logs() as logs:
        answer = engine.ask(QUESTION)
    assert answer.answered and "1932" in answer.sentences[0].text
    assert engine.engine is not damaged and rebuilds == [1]
    (warning,) = [e for e in logs if e["event"] == "index_damaged_rebuilding"]
    assert "passage 0" in warning["reason"] and warning["log_level"] == "warning"
    assert engine.passage(0) == TEXT.strip()  # answered from the new one from now on
    assert rebuilds == [1]


def test_a_quote_button_reading_a_damaged_passage_is_repaired_too(settings: Settings) -> None:
    engine, rebuilds = _repairing(settings)
    assert engine.passage(0) == TEXT.strip() and rebuilds == [1]


def test_questions_meeting_the_damage_at_once_rebuild_it_once(settings: Settings) -> None:
    engine, rebuilds = _repairing(settings)
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: engine.ask(QUESTION), range(16)))
    assert all("1932" in a.sentences[0].text for a in answers)
    assert rebuilds == [1]
