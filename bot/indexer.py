"""``qabot index --watch``: save the corpus's index anew whenever its files change.

    watch_corpus(settings, build, every=1.0, stop=threading.Event())

At once, then every ``every`` seconds, the corpus's files are listed (names, sizes,
modification times); once a change has settled (two listings in a row agree, so a copy in
progress is not indexed half way), ``build()`` indexes and saves it. Running bots take the new
snapshot up by themselves (``QABOT_RELOAD_SECONDS``). A build that fails (a corpus left empty,
a folder not writable) is reported and the watch goes on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import structlog

from retrieval import QabotError
from retrieval.corpus import FileStat, file_stats

from .config import Settings

log = structlog.get_logger()


def watch_corpus(settings: Settings, build: Callable[[], object], *, every: float,
                 stop: threading.Event) -> None:
    """Until ``stop`` is set: ``build()`` at the first look, then whenever the corpus's files
    have changed and settled."""
    root = settings.corpus_path()
    seen = _listing(root)
    built: object = NOTHING_BUILT
    wait = 0.0
    while not stop.wait(wait):
        wait = every
        now = _listing(root)
        if now != seen:  # still changing: look again next time
            seen = now
            continue
        if now == built:
            continue
        try:
            build()
        except (QabotError, OSError) as exc:
            log.error("index_watch_build_failed", reason=str(exc))
        built = now


NOTHING_BUILT = object()


def _listing(root: Path) -> list[FileStat] | None:
    try:
        return file_stats(root)
    except OSError:  # the folder is gone or unreadable for now
        return None
