"""A revision of this repository checked out beside it, for a benchmark that measures the tree
before a change against this one in the same run (``ask_latency.py``, ``large_document.py``)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def checked_out(revision: str, where: Path) -> Iterator[Path]:
    """``revision`` in a detached git worktree at ``where`` for the ``with`` block, removed
    after it whatever happens."""
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(where),
                    revision], check=True, capture_output=True)
    try:
        yield where
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(where)],
                       check=False, capture_output=True)
