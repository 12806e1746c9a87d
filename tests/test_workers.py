"""Worker processes: results in order, pinned tasks, failures said, nothing imported from cwd."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from retrieval.workers import Pool

COUNT = "retrieval.chunkcounter:count_chunk"


def test_results_come_in_order_with_the_worker_that_made_them() -> None:
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"]
    with Pool(2) as pool:
        results = list(pool.map(COUNT, [([w], None) for w in words]))
    assert [r[0][0][:4] for _, r in results] == [w[:4] for w in words]  # each its own word
    assert {w for w, _ in results} <= {0, 1}


def test_pinned_tasks_run_where_they_are_sent() -> None:
    with Pool(2) as pool:
        results = list(pool.map(COUNT, [(["alpha"], None)] * 3, pinned=[1, 1, 0]))
    assert [w for w, _ in results] == [1, 1, 0]
    # worker 1 counted "alpha" first, then knew it: the second chunk names no new term
    assert [r[0] for _, r in results] == [["alpha"], [], ["alpha"]]


def test_a_function_that_fails_in_a_worker_is_an_error_here() -> None:
    with Pool(1) as pool, pytest.raises(RuntimeError, match="no_such_function"):
        list(pool.map("retrieval.termcounts:no_such_function", [1]))


def test_a_retrieval_package_in_the_current_folder_is_not_what_workers_import(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    planted = tmp_path / "retrieval"
    planted.mkdir()
    (planted / "__init__.py").write_text("raise SystemExit('the planted package ran')\n")
    monkeypatch.chdir(tmp_path)
    with Pool(1) as pool:
        ((_, (terms, *_)),) = list(pool.map(COUNT, [(["bridge"], None)]))
    assert terms == ["bridg"]


def test_a_closed_pool_has_stopped_its_workers_and_runs_nothing_more() -> None:
    pool = Pool(2)
    list(pool.map(COUNT, [(["alpha"], None)] * 2))
    pool.close()
    assert all(p.returncode == 0 for p in pool.procs)
    pool.close()  # again: nothing
    with pytest.raises(RuntimeError):
        list(pool.map(COUNT, [(["alpha"], None)]))
    with pool:
        pass  # leaving it: nothing


# A parent that starts one worker on a long task, says the worker's pid, then waits for it.
_PARENT = """
import sys
from retrieval.workers import Pool
pool = Pool(1)
print(pool.procs[0].pid, flush=True)
try:
    list(pool.map("time:sleep", [60]))
except KeyboardInterrupt:
    sys.exit(130)
"""


def _parent(**popen: object) -> tuple[subprocess.Popen[str], int]:
    root = str(Path(__file__).resolve().parent.parent)
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], cwd=root, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)  # type: ignore[call-overload]
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    time.sleep(1.0)  # the worker is in its task
    return parent, worker


def _gone(pid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_worker_whose_parent_is_killed_stops_at_once_not_after_its_task() -> None:
    # `kill PID` (SIGTERM) of `qabot index` left its workers running for minutes, orphaned,
    # each holding its memory, then printing a BrokenPipeError traceback to the terminal
    parent, worker = _parent()
    try:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        assert _gone(worker, within=5.0), "the worker outlived its parent"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker, signal.SIGKILL)
    _, err = parent.communicate(timeout=10)
    assert "Traceback" not in err, err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_stops_the_workers_without_a_traceback() -> None:
    # A terminal's Ctrl-C reaches the whole foreground process group: each worker printed its
    # KeyboardInterrupt traceback (two dozen lines) under qabot's own clean exit
    parent, worker = _parent(start_new_session=True)
    try:
        os.killpg(parent.pid, signal.SIGINT)
        _, err = parent.communicate(timeout=30)
        assert parent.returncode == 130
        assert _gone(worker, within=5.0)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker, signal.SIGKILL)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
