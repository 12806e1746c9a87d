"""``python -m bot`` and the ``qabot`` command (``run``)."""

import sys


def run() -> None:
    """``cli.main``; Ctrl-C while its modules load (about half a second) ends quietly too, as it
    does later (exit 130), not with a traceback from an import."""
    try:
        from .cli import main
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(main())


if __name__ == "__main__":
    run()
