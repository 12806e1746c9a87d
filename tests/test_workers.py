"""Worker processes: results in order, pinned tasks, failures said, nothing imported from cwd."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.workers import Pool

COUNT = "retrieval.termcounts:count_chunk"


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
