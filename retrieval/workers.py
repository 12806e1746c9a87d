"""Worker processes for building an index on every core: ``Pool(n).map(function, payloads)``.

    with Pool(2) as pool:
        for worker, result in pool.map("retrieval.held:read_chunk", chunks):
            ...

Each worker is a plain ``python -c`` process fed pickled ``(function, payload)`` pairs on its
stdin and answering on its stdout; ``function`` is named as ``"module:name"`` and imported in
the worker. Plain subprocesses rather than ``multiprocessing``: a ``fork``ed worker shares the
parent's pages, but pickling a chunk writes to its strings' reference counts, so copy-on-write
ends up duplicating the whole corpus (measured: +600 MB at 1M passages); a ``spawn`` or
``forkserver`` worker re-runs the caller's main module, which breaks any script that builds an
engine without an ``if __name__ == "__main__"`` guard.

A worker keeps its module state between calls, so work can be split in steps that leave their
results in the worker (``pinned``: the worker each payload must go to). Results come back in
payload order, each with the index of the worker that made it; a worker that dies makes
``map`` raise ``RuntimeError``.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from .ondemand import OnDemand

T = TypeVar("T")

_SERVE = "from retrieval.workers import _serve; _serve()"
IN_WORKER = False  # set in a worker process


class Pool:
    """``n`` worker processes, started at once and stopped on ``__exit__``."""

    def __init__(self, n: int) -> None:
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parent.parent)  # where ``retrieval`` is importable
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self.procs = [
            # -P: the current folder is not put on sys.path, so a ``retrieval`` there (another
            # checkout, or a planted one) is never what the worker imports
            # (this process's id: the worker ends when its parent is gone, ``_serve``)
            subprocess.Popen([sys.executable, "-P", "-c", _SERVE, str(os.getpid())],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
            for _ in range(n)
        ]

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (their memory is the system's again), letting each finish its task;
        again, nothing. A closed pool runs nothing more."""
        for p in self.procs:
            with contextlib.suppress(OSError):
                p.stdin.close()  # type: ignore[union-attr]  # EOF: the worker's loop ends
        for p in self.procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
            p.stdout.close()  # type: ignore[union-attr]

    def map(self, function: str, payloads: Sequence[Any],
            pinned: Sequence[int] | None = None) -> Iterator[tuple[int, Any]]:
        """``function(payload)`` for each payload, in order, each with the index of the worker
        that ran it; with ``pinned``, payload ``i`` runs on worker ``pinned[i]``."""
        done: dict[int, tuple[int, Any]] = {}
        failed: list[BaseException] = []
        cond = threading.Condition()
        queues: list[Iterator[int]]
        if pinned is None:
            shared = iter(range(len(payloads)))
            queues = [shared] * len(self.procs)
        else:
            queues = [iter([i for i, w in enumerate(pinned) if w == k])
                      for k in range(len(self.procs))]

        def feed(worker: int, proc: subprocess.Popen[bytes]) -> None:
            try:
                while True:
                    with cond:
                        i = next(queues[worker], None)
                    if i is None:
                        return
                    pickle.dump((function, payloads[i]), proc.stdin,  # type: ignore[arg-type]
                                pickle.HIGHEST_PROTOCOL)
                    proc.stdin.flush()  # type: ignore[union-attr]
                    ok, result = pickle.load(proc.stdout)  # type: ignore[arg-type]
                    if not ok:
                        raise RuntimeError(f"{function} failed in a worker: {result}")
                    with cond:
                        done[i] = (worker, result)
                        cond.notify_all()
            except BaseException as exc:  # a dead worker: EOFError, BrokenPipeError, ...
                with cond:
                    failed.append(exc)
                    cond.notify_all()

        threads = [threading.Thread(target=feed, args=wp, daemon=True)
                   for wp in enumerate(self.procs)]
        for t in threads:
            t.start()
        for i in range(len(payloads)):
            with cond:
                cond.wait_for(functools.partial(_ready, i, done, failed))
                if i not in done:
                    raise RuntimeError(f"a worker process failed: {failed[0]}") from failed[0]
                result = done.pop(i)
            yield result
        for t in threads:
            t.join()


class Chunks(OnDemand[T]):
    """The payloads of ``n`` items cut in chunks of ``size``, chunk ``[lo, hi)`` made by
    ``make(lo, hi)`` only when asked for (``Pool.map`` asks as a worker is about to take it):
    a large job's payloads are never all in memory at once."""

    def __init__(self, n: int, size: int, make: Callable[[int, int], T]) -> None:
        self.n, self.size, self.make = n, size, make

    def __len__(self) -> int:
        return -(-self.n // self.size)

    def _at(self, i: int) -> T:
        lo = i * self.size
        return self.make(lo, min(lo + self.size, self.n))


def _ready(i: int, done: Mapping[int, object], failed: list[BaseException]) -> bool:
    return i in done or bool(failed)


# How often a worker looks whether its parent is still there (``_orphaned``)
PARENT_LOOK_SECONDS = 0.2


def _serve() -> None:
    """A worker's loop: read pickled ``(function, payload)`` pairs from stdin, write
    ``(True, result)`` (or ``(False, error)``) to stdout, until EOF. The worker ends, silently,
    as soon as its parent is gone (``_orphaned``; the parent's id is its first argument), and
    on Ctrl-C, which a terminal sends the parent too: the parent says what happened. Before,
    a killed ``qabot index`` left its workers running their task for minutes, each then
    printing a ``BrokenPipeError`` traceback, and Ctrl-C printed each one's
    ``KeyboardInterrupt`` traceback under qabot's clean exit."""
    global IN_WORKER
    IN_WORKER = True
    parent = int(sys.argv[1]) if len(sys.argv) > 1 else os.getppid()
    threading.Thread(target=_orphaned, args=(parent,), name="qabot-parent-watch",
                     daemon=True).start()
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print must not corrupt the results stream
    try:
        _answer(out)
    except (KeyboardInterrupt, BrokenPipeError):  # Ctrl-C, or no parent left to read it
        os._exit(1)


def _orphaned(parent: int) -> None:
    """End this process once its parent (``parent``) is gone: its results have no reader."""
    while os.getppid() == parent:
        time.sleep(PARENT_LOOK_SECONDS)
    os._exit(1)


def _answer(out: BinaryIO) -> None:
    functions: dict[str, Callable[[Any], Any]] = {}
    while True:
        try:
            name, payload = pickle.load(sys.stdin.buffer)
        except EOFError:
            return
        try:
            if name not in functions:
                module, _, attr = name.partition(":")
                functions[name] = getattr(importlib.import_module(module), attr)
            reply: tuple[bool, Any] = (True, functions[name](payload))
        except Exception as exc:  # said to the parent, which raises it
            reply = (False, f"{type(exc).__name__}: {exc}")
        pickle.dump(reply, out, pickle.HIGHEST_PROTOCOL)
        out.flush()
