"""``python -m bot`` and the ``qabot`` command (``run``)."""

import os
import signal
import sys
from types import FrameType

# The exit code of a command ended by SIGTERM, as a shell reports one it killed (128 + 15)
EXIT_TERMINATED = 128 + signal.SIGTERM


def run() -> None:
    """``cli.main``; Ctrl-C while its modules load (about half a second) ends quietly too, as it
    does later (exit 130), not with a traceback from an import.

    SIGTERM is taken first of all, before any module loads: it ends the command (exit 143),
    ``finally`` blocks run (a lock is let go, a half-written index file is removed), until
    the bot or the webhook server takes it for a graceful stop of its own. Its default
    action is no stop for PID 1 of a container (the image's ``qabot webhook``), which the
    kernel spares any signal it has no handler for: a ``docker stop`` in the first seconds
    waited its 10 s and killed it, and a ``qabot ask`` there never stopped.

    While the modules load, nothing is held or half written, and SystemExit raised there can
    be lost (a finalizer or callback of an import that ran the handler prints and drops it:
    a CI run's ``qabot ask`` then read on for good): the process ends at once instead."""
    global _loaded
    signal.signal(signal.SIGTERM, _terminated)
    try:
        from .cli import main
    except KeyboardInterrupt:
        sys.exit(130)
    _loaded = True
    sys.exit(main())


_loaded = False


def _terminated(signum: int, frame: FrameType | None) -> None:
    if not _loaded:
        os._exit(EXIT_TERMINATED)
    raise SystemExit(EXIT_TERMINATED)


if __name__ == "__main__":
    run()
