"""``qabot index``: save the corpus's index (``index``), once or whenever its files change.

    index(settings)                          # what `qabot index` prints; whether it was saved
    watch(settings, every=1.0)               # `qabot index --watch`, until SIGTERM or Ctrl-C
    watch_corpus(settings, build, every=1.0, stop=threading.Event())

At once, then every ``every`` seconds, the corpus's files are listed (names, sizes,
modification times, and what a build passes over: a broken link, a link out of the folder,
said as ``qabot index`` says it); once a change has settled (two listings in a row agree, so
a copy in progress is not indexed half way), ``build()`` indexes and saves it. A change that has not
settled after ``PATIENCE`` seconds (a log that grows for good, a file a sync tool keeps
touching) is indexed as it is then, with a warning naming the files still changing
(``index_watch_unsettled``): one such file held back every other change. Running bots take the new
snapshot up by themselves (``QABOT_RELOAD_SECONDS``). A build that fails (a corpus left empty,
a folder not writable) is reported and the watch goes on.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import structlog

from retrieval import QabotError
from retrieval.corpus import Skipped
from retrieval.walk import FileStat, watched

from . import logs
from .config import Settings
from .engines import Halted, halting, load_engine
from .render import counted, shown
from .report import ProgressBar

log = structlog.get_logger()

# Seconds a change may go on changing before it is indexed as it is: long past the pauses of
# a copy in progress, and what a file that never stops changing holds the others back at most.
PATIENCE = 30.0


def watch(settings: Settings, every: float, note: str = "") -> None:
    """``qabot index --watch``: ``index`` at once and on every settled change, until SIGTERM
    or SIGINT. One that comes during a build ends it at its next step, saving nothing (it was
    taken once the build was done: 47 s on 427 documents, past a service manager's
    patience). ``note`` is said on stderr once the signals are taken."""
    stop = threading.Event()
    stop_on_signals(stop, signal.SIGTERM, signal.SIGINT)
    if note:
        print(note, file=sys.stderr, flush=True)
    try:
        watch_corpus(settings, lambda: index(settings, stop=stop), every=every, stop=stop)
    except Halted:
        log.info("index_watch_build_stopped")


def stop_on_signals(stop: threading.Event, *signals: signal.Signals) -> None:
    """Set ``stop`` when one of ``signals`` comes, from a thread of its own. A signal handler
    runs in the main thread between two of its steps: one that set the event itself waited
    for the event's lock when the signal came while the main thread held it (in
    ``stop.wait``, between looks), forever: ``qabot index --watch`` once ignored SIGTERM. The
    handler only writes a byte to a pipe, which takes no lock; the thread reading it sets
    ``stop``. Call it from the main thread (as ``signal.signal`` asks)."""
    read, write = os.pipe()

    def relay() -> None:
        os.read(read, 1)
        stop.set()

    threading.Thread(target=relay, name="qabot-stop-signal", daemon=True).start()
    for sig in signals:
        signal.signal(sig, lambda *_: os.write(write, b"\0"))


def _say_skipped(skipped: list[Skipped]) -> None:
    """Each file skipped, and why, on stderr."""
    for s in skipped:
        # a file's name may hold a terminal's escape sequences ("\x1b]0;...": a window title)
        print(shown(f"skipped {s.path}: {s.reason}"), file=sys.stderr)


def index(settings: Settings, full: bool = False, stop: threading.Event | None = None) -> bool:
    """``qabot index``: build and save the index (reading only what changed; ``full``: every
    file), with progress bars on a terminal; say what was indexed. Whether it was saved.
    Once ``stop`` is set, the build ends at its next step (``Halted``), saving nothing.
    A saved index the corpus has not changed since is up to date: said so, nothing written
    (a new snapshot of the same files made every running bot load it again)."""
    started = time.perf_counter()
    bars: dict[str, ProgressBar] = {}

    halt = halting(stop) if stop is not None else None

    def progress(what: str, done: int, total: int) -> None:
        if halt is not None:
            halt(what, done, total)
        bars.setdefault(what, ProgressBar(f"index: {what}"))(done, total)

    # (the files skipped are listed below; a stale index is what it is run for)
    with logs.said_elsewhere("file_skipped", "index_stale_rebuilding"):
        engine = load_engine(settings, rebuild=full, full=full, progress=progress)
    seconds = time.perf_counter() - started
    where = engine.report.index_dir or "(not saved)"
    r = engine.report
    if not r.built:
        print(f"up to date: {counted(engine.n_documents, 'document')}, "
              f"{counted(engine.n_passages, 'passage')}, {counted(engine.n_terms, 'term')} in "
              f"{seconds:.2f} s (no file changed since it was "
              f"saved; --full builds it again) -> {where}", flush=True)
        _say_skipped(r.skipped)
        return True
    kept = f", {counted(r.files_kept, 'unchanged file')} kept" if r.files_kept else ""
    print(f"indexed {counted(engine.n_documents, 'document')}, "
          f"{counted(engine.n_passages, 'passage')}, {counted(engine.n_terms, 'term')} in "
          f"{seconds:.2f} s ({counted(r.files_read, 'file')} read{kept}) "
          f"-> {where}", flush=True)
    _say_skipped(r.skipped)
    if engine.report.not_saved:  # the job of `qabot index` is the saved index
        print(f"qabot: the index could not be saved ({engine.report.not_saved}): pass "
              "--index-dir DIR (or set QABOT_INDEX_DIR) to save it elsewhere", file=sys.stderr)
        return False
    if settings.redis_url is not None and r.snapshot:  # replicas sharing Redis look at once
        from .redis_state import publish_snapshot, snapshot_channel

        publish_snapshot(settings.redis_url.get_secret_value(),
                         snapshot_channel(settings.redis_prefix), r.snapshot,
                         settings.redis_timeout)
    return True


def watch_corpus(settings: Settings, build: Callable[[], object], *, every: float,
                 stop: threading.Event, patience: float = PATIENCE) -> None:
    """Until ``stop`` is set: ``build()`` at the first look, then whenever the corpus's files
    have changed and settled, or have been changing for ``patience`` seconds."""
    root = settings.corpus_path()
    seen = _listing(root)
    built: object = NOTHING_BUILT
    changing_since: float | None = None  # when a look first found what was built changed
    wait = 0.0
    while not stop.wait(wait):
        wait = every
        now = _listing(root)
        before, seen = seen, now
        if now == built:
            changing_since = None
            continue
        if now != before:  # still changing: look again next time, unless it has for too long
            if changing_since is None:
                changing_since = time.monotonic()
            waited = time.monotonic() - changing_since
            if waited < patience:
                continue
            changing = _differing(before, now)
            log.warning("index_watch_unsettled", files=changing[:10], count=len(changing),
                        seconds=round(waited, 1), effect="indexed as they are now")
        try:
            build()
        except (QabotError, OSError) as exc:
            log.error("index_watch_build_failed", reason=str(exc))
        built, changing_since = now, None


NOTHING_BUILT = object()


Listing = tuple[list[FileStat], frozenset[str]]


def _differing(before: Listing | None, now: Listing | None) -> list[str]:
    """The files one listing has and the other has not (or of another size or time), and
    what one passed over and the other did not (a broken link)."""
    stats = {s.relpath for s in set(before[0] if before else ()) ^ set(now[0] if now else ())}
    over = (before[1] if before else frozenset()) ^ (now[1] if now else frozenset())
    return sorted(stats | over)


def _listing(root: Path) -> Listing | None:
    """The corpus's files and what a build passes over (``walk.watched``); ``None`` for a
    folder gone or unreadable for now."""
    try:
        return watched(root)
    except (OSError, QabotError):  # the folder is gone or unreadable for now (NoDocumentsError)
        return None
