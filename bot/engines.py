"""The engine the channels answer from, replaced whole between questions.

    live = LiveEngine(load_engine(settings), settings)
    loaded, answer = live.ask("When was the CSTO formed?")   # ``loaded``: the engine that answered
    if live.changed():            # `qabot index` saved a new snapshot (one small read: a poll)
        live.reload()             # load it, then swap; questions in progress finish on the old one

A question in progress keeps the engine it started with (``Loaded``: the engine and what the bot
shows of it, so an answer's Quote buttons are made from the engine that answered). The swap is
one assignment, after the new engine has loaded: no question meets a half-loaded index. A
question that finds the saved index damaged (``DamagedIndexError``) has it rebuilt, once, and
is answered again. ``watch`` polls for new snapshots and reloads on SIGHUP.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypedDict, TypeVar

import structlog

from retrieval import Answer, ComposerConfig, QAEngine, SourceRef, store
from retrieval.errors import DamagedIndexError, QabotError
from retrieval.indexdir import index_dir_of
from retrieval.ondemand import OnDemand
from retrieval.parallel import Progress

from .config import Settings
from .intro import Corpus, Intro

log = structlog.get_logger()

T = TypeVar("T")


class Halted(Exception):
    """Raised in a build, at its next progress report, once the bot is stopping."""


def halting(halt: threading.Event) -> Progress:
    """A build's progress report that ends the build (``Halted``) once ``halt`` is set: a bot
    told to stop while it indexes a large corpus (at start-up, or after SIGHUP) stops within a
    moment, not once the build is done (minutes, past any orchestrator's patience)."""

    def progress(what: str, done: int, total: int) -> None:
        if halt.is_set():
            raise Halted

    return progress


class Options(TypedDict):
    top_k: int
    similar_words: bool
    config: ComposerConfig
    language: str | None


def options(settings: Settings) -> Options:
    """The answering options the settings choose, for every engine the CLI builds."""
    return {"top_k": settings.top_k, "similar_words": settings.similar_words,
            "config": ComposerConfig(correct_spelling=settings.correct_spelling,
                                     min_confidence=settings.min_confidence),
            "language": settings.language}


def load_engine(settings: Settings, rebuild: bool = False, full: bool = False,
                progress: Progress | None = None) -> QAEngine:
    """The engine of the settings' corpus: its saved index loaded, or built and saved (from
    the files that changed since the saved one; ``full``: from every file)."""
    return _ready(QAEngine.from_directory(
        settings.corpus_path(), index_dir=settings.index_dir, rebuild=rebuild, full=full,
        progress=progress, **options(settings),
    ))


def for_answering(engine: QAEngine) -> QAEngine:
    """``engine``, with what the first question of a process that answers them (a bot, the
    console) would wait for read now: the first user's answer took 0.6-0.8 s, the next 10 ms."""
    engine.warm_up(questions=True)
    return engine


def _ready(engine: QAEngine) -> QAEngine:
    engine.warm_up()  # not at the first question (a 0.1 s pause, 0.7 s more in other languages)
    r = engine.report
    log.debug("engine_ready", built=r.built, seconds=round(r.seconds, 3),
              documents=engine.n_documents, passages=engine.n_passages)
    return engine


class Sources(OnDemand[SourceRef]):
    """An engine's documents as a list made on demand: a page of ``/sources`` or a Quote's
    citation makes the few it shows, not 100,000 (a second's work, on the event loop)."""

    def __init__(self, engine: Corpus) -> None:
        self.engine = engine

    def __len__(self) -> int:
        return self.engine.n_documents

    def _at(self, i: int) -> SourceRef:
        return self.engine.source(i)


class Loaded:
    """One engine and what the bot shows of it, pinned for the whole of an update."""

    __slots__ = ("_doc_index", "engine", "index_dir", "intro", "passed_over", "snapshot",
                 "sources")

    def __init__(self, engine: Corpus, intro: Intro | None = None) -> None:
        self.engine = engine
        self.sources = Sources(engine)
        self._doc_index: dict[str, int] | None = None
        self.intro = intro  # the greeting's facts, worked out on first use
        report = getattr(engine, "report", None)
        self.snapshot: str | None = getattr(report, "snapshot", None)
        self.index_dir: str | None = getattr(report, "index_dir", None)
        # built in memory, its index not saved: the snapshot CURRENT named then
        self.passed_over: str | None = getattr(report, "passed_over", None)

    @property
    def doc_index(self) -> dict[str, int]:
        """A document's position in ``sources`` by its id (what Quote buttons carry)."""
        if self._doc_index is None:
            ids = self.engine.document_ids()
            self._doc_index = {doc_id: i for i, doc_id in enumerate(ids)}
        return self._doc_index


class LiveEngine:
    """The engine the channels answer from (``current``), replaced whole between questions:
    when the index folder names a new snapshot, on ``reload``, or when a question finds the
    saved index damaged. Without ``settings`` (an engine built in memory) it is never replaced.
    An engine built from the settings' corpus whose index could not be saved (a read-only
    index folder, as replicas often mount it) follows the folder too: the first snapshot
    CURRENT names other than the one it found stale is newer than it, and is taken up.

    ``wrap`` is applied to every engine it loads (the webhook's metering); ``swapped`` is
    called with each new one once it answers."""

    def __init__(self, engine: Corpus, settings: Settings | None = None, *,
                 intro: Intro | None = None, wrap: Callable[[QAEngine], Corpus] | None = None,
                 swapped: Callable[[Corpus], None] | None = None) -> None:
        self.current = Loaded(engine, intro)
        self._settings = settings
        self._wrap = wrap or (lambda e: e)
        self._swapped = swapped
        self._lock = threading.Lock()  # one load or rebuild at a time
        self._halt = threading.Event()  # the bot is stopping: a rebuild ends at its next step
        # the snapshot whose load failed last: not tried again (nor logged again every poll)
        # until CURRENT names another one or the corpus is re-read
        self._failed: str | None = None

    def call(self, use: Callable[[Loaded], T]) -> tuple[Loaded, T]:
        """``use(current)``, and the ``Loaded`` it used; if it finds the saved index damaged,
        the index is rebuilt (once, however many questions found it at the same time) and
        ``use`` runs again on the new engine."""
        loaded = self.current
        try:
            return loaded, use(loaded)
        except DamagedIndexError as exc:
            settings = self._settings
            if settings is None:
                raise
            loaded = self._replace(loaded, lambda: load_engine(settings, rebuild=True, full=True),
                                   "index_damaged_rebuilding", "warning", reason=str(exc))
            return loaded, use(loaded)

    def answer(self, question: str) -> tuple[Loaded, Answer]:
        """The answer to ``question``, and the engine that gave it."""
        return self.call(lambda loaded: loaded.engine.ask(question))

    # --- the ``Corpus`` of the engine answering now (the console, ``qabot ask``) ---------------

    def ask(self, question: str, *, top_k: int | None = None) -> Answer:
        return self.call(lambda loaded: loaded.engine.ask(question, top_k=top_k))[1]

    def passage(self, passage: int) -> str:
        return self.call(lambda loaded: loaded.engine.passage(passage))[1]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.current.engine, name)

    def changed(self) -> bool:
        """Whether the index folder names a snapshot other than the one answering (for an
        engine whose index could not be saved: other than the one it found stale, since one
        named since is newer than it)."""
        loaded = self.current
        if self._settings is None:
            return False
        # (an engine built in memory has no snapshot: it stands for the one it passed over)
        answering = loaded.snapshot or loaded.passed_over
        return store.current_name(self._index_dir(loaded)) not in (None, answering, self._failed)

    def refresh(self) -> bool:
        """Take up the snapshot the index folder names now when it is not the one answering
        (``changed``: one small read, cheap enough before each question); whether the engine
        was replaced."""
        return self.changed() and self.reload()

    def _index_dir(self, loaded: Loaded) -> Path:
        """The index folder ``loaded`` was saved into, or (not saved) the settings' one, which
        the engines this makes are saved into."""
        if loaded.index_dir is not None:
            return Path(loaded.index_dir)
        assert self._settings is not None
        return index_dir_of(self._settings.corpus_path(), self._settings.index_dir)

    def reload(self, *, corpus: bool = False) -> bool:
        """Take up the snapshot the index folder names now (``corpus``: the corpus as it is
        now, loading its saved index when that is fresh, else building and saving one);
        whether the engine was replaced. A failure of any kind is logged and the current engine
        kept; the snapshot that failed is not tried again (``changed`` passes it over) until
        CURRENT names another one, or SIGHUP re-reads the corpus."""
        settings = self._settings
        if settings is None:
            return False
        loaded = self.current
        if corpus:
            def make() -> QAEngine:
                return load_engine(settings, progress=halting(self._halt))
        else:
            index_dir = self._index_dir(loaded)
            naming = store.current_name(index_dir)

            def make() -> QAEngine:
                return _ready(QAEngine.load_saved(index_dir, **options(settings)))
        try:
            replaced = self._replace(loaded, make, "index_reloading", "info") is not loaded
            self._failed = None
            return replaced
        except Halted:
            log.info("index_reload_stopped", hint="the bot is stopping; the corpus is read "
                     "again at its next start")
            return False
        except Exception as exc:  # any failure: keep answering, keep watching
            self._failed = None if corpus else naming
            # (an unexpected one, a RecursionError say, used to end the watcher for good,
            # silently: the old snapshot served until a restart, later ones ignored)
            expected = isinstance(exc, QabotError | OSError)
            log.error("index_reload_failed",
                      reason=str(exc) if expected else f"{type(exc).__name__}: {exc}",
                      hint=f"still answering from snapshot {loaded.snapshot}; "
                      "`qabot index` rebuilds the index", exc_info=not expected)
            return False

    def halt(self) -> None:
        """End a rebuild of the corpus in progress at its next step: the bot is stopping."""
        self._halt.set()

    def _replace(self, old: Loaded, make: Callable[[], QAEngine], event: str, level: str,
                 **why: Any) -> Loaded:
        with self._lock:
            if self.current is not old:  # another thread replaced it meanwhile
                return self.current
            getattr(log, level)(event, snapshot=old.snapshot, **why)
            started = time.perf_counter()
            engine = self._wrap(make())
            new = Loaded(engine)
            if new.snapshot is not None and new.snapshot == old.snapshot:
                return old  # the same snapshot again: nothing to swap
            _ = new.doc_index  # listed here, off the event loop, not by the first answer
            self.current = new
            log.info("index_swapped", snapshot=new.snapshot, documents=engine.n_documents,
                     passages=engine.n_passages,
                     seconds=round(time.perf_counter() - started, 3))
            if self._swapped is not None:
                self._swapped(engine)
            return new


async def watch(live: LiveEngine, every: float, hangup: asyncio.Event,
                look: asyncio.Event | None = None) -> None:
    """Until cancelled: every ``every`` seconds (0: never), and at once when ``look`` is set (a
    notice that a snapshot was published), see whether the index folder names a new snapshot
    and take it up; when ``hangup`` is set (SIGHUP), re-read the corpus."""
    look = look or asyncio.Event()
    while True:
        waits = [asyncio.ensure_future(hangup.wait()), asyncio.ensure_future(look.wait())]
        try:
            await asyncio.wait(waits, timeout=every or None, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiting in waits:
                waiting.cancel()
        corpus = hangup.is_set()
        hangup.clear()
        look.clear()
        try:
            if corpus or await asyncio.to_thread(live.changed):
                reloading = asyncio.ensure_future(asyncio.to_thread(live.reload, corpus=corpus))
                try:
                    await asyncio.shield(reloading)
                except asyncio.CancelledError:  # stopping: its thread cannot be cancelled, but
                    await reloading  # ends at its next step (``halt``); the bot stops after it
                    raise
        except Exception as exc:  # one bad look must not end the watching
            log.error("index_reload_failed", reason=f"{type(exc).__name__}: {exc}",
                      exc_info=True)


class Watcher:
    """``watch`` running as a task from ``start`` to ``stop``, every ``every`` seconds (0: on
    SIGHUP only) and on ``look()``; SIGHUP is taken where signals can be (the main thread,
    POSIX)."""

    def __init__(self, live: LiveEngine, every: float) -> None:
        self.live = live
        self.every = every
        self._task: asyncio.Task[None] | None = None
        self._hangup: asyncio.Event | None = None
        self._look: asyncio.Event | None = None
        self._signal = False

    def look(self) -> None:
        """Look at the index folder now (another process published a snapshot)."""
        if self._look is not None:
            self._look.set()

    async def start(self) -> None:
        self._hangup, self._look = asyncio.Event(), asyncio.Event()
        loop = asyncio.get_running_loop()
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGHUP"):
            loop.add_signal_handler(signal.SIGHUP, self._hangup.set)
            self._signal = True
        self._task = asyncio.create_task(watch(self.live, self.every, self._hangup, self._look))

    async def stop(self) -> None:
        self.live.halt()  # a rebuild in its thread would hold the process until done
        if self._signal:
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
            self._signal = False
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
