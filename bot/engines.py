"""The engine an entry point answers from: loaded (or built) with the settings' options, and
built anew from the corpus when a question finds the saved index damaged.

    engine = Repairing(load_engine(settings), lambda: load_engine(settings, rebuild=True))
    engine.ask("When was the CSTO formed?")   # a damaged passage: one warning, rebuilt, answered
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypedDict

import structlog

from retrieval import Answer, ComposerConfig, QAEngine
from retrieval.errors import DamagedIndexError

from .config import Settings

log = structlog.get_logger()


class Options(TypedDict):
    top_k: int
    similar_words: bool
    config: ComposerConfig


def options(settings: Settings) -> Options:
    """The answering options the settings choose, for every engine the CLI builds."""
    return {"top_k": settings.top_k, "similar_words": settings.similar_words,
            "config": ComposerConfig(correct_spelling=settings.correct_spelling,
                                     min_confidence=settings.min_confidence)}


def load_engine(settings: Settings, rebuild: bool = False) -> QAEngine:
    """The engine of the settings' corpus: its saved index loaded, or built and saved."""
    engine = QAEngine.from_directory(
        settings.corpus_path(), index_dir=settings.index_dir, rebuild=rebuild,
        **options(settings),
    )
    _ = engine.word_vectors  # load them now, not at the first question (a 0.1 s pause)
    r = engine.report
    log.debug("engine_ready", built=r.built, seconds=round(r.seconds, 3),
              documents=engine.n_documents, passages=engine.n_passages)
    return engine


class Repairing:
    """An engine that, when reading a passage finds the saved index damaged on disk
    (``DamagedIndexError``), logs a warning, replaces itself with ``rebuild()`` (once, however
    many questions found it at the same time) and answers again. Everything else goes to the
    engine it holds now."""

    def __init__(self, engine: QAEngine, rebuild: Callable[[], QAEngine]) -> None:
        self.engine = engine
        self._rebuild = rebuild
        self._lock = threading.Lock()

    def ask(self, question: str, *, top_k: int | None = None) -> Answer:
        engine = self.engine
        try:
            return engine.ask(question, top_k=top_k)
        except DamagedIndexError as exc:
            return self._repaired(engine, exc).ask(question, top_k=top_k)

    def passage(self, passage: int) -> str:
        engine = self.engine
        try:
            return engine.passage(passage)
        except DamagedIndexError as exc:
            return self._repaired(engine, exc).passage(passage)

    def _repaired(self, damaged: QAEngine, exc: DamagedIndexError) -> QAEngine:
        with self._lock:
            if self.engine is damaged:
                log.warning("index_damaged_rebuilding", reason=str(exc),
                            index_dir=damaged.report.index_dir)
                self.engine = self._rebuild()
            return self.engine

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)
