"""Speed and scale benchmark: qabot's index against bm25s, scikit-learn and rank_bm25.

    python -m benchmarks.scale                          # 10k and 100k passages, every system
    python -m benchmarks.scale --sizes 1000000          # the 1M run (about 15 minutes)
    python -m benchmarks.scale report --write docs/benchmarks.md   # tables and plots

For each corpus size (``benchmarks.synth``: the same passages and queries for every system), each
system runs in a fresh process of its own that reads the passages into a list of strings, builds
the index from them (timed), saves it (size on disk), and times single top-10 queries one at a
time (p50/p99). The list is let go once the system has built all it answers from (qabot: its
collection too), for every system alike: it counts in every build's peak, not after it. Peak
memory is the larger of the process's own peak RSS (``getrusage``) and the peak, sampled every
0.1 s, of the proportional set size (PSS) summed over the process and its children (qabot's build
workers share pages with their parent, which plain RSS would count twice). Cold start is the wall
time of another fresh process that loads the saved index and answers one question (for qabot:
``QAEngine.ask``). Every phase is bounded: ``--time-limit`` seconds of queries per system,
``--timeout`` seconds per process.

Results accumulate in ``--results`` (one entry per size and system, the latest run wins), so the
long 1M run can be made separately; ``report`` turns them into the tables of
``docs/benchmarks.md`` and the plots beside it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from . import synth
from .scale_report import machine, plots, render, tables, write_section
from .systems import SYSTEMS

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "docs" / "benchmarks" / "scale.json"
WARMUP = 20


# --- the parent: corpora, one process per system, results ---------------------------------------

def run(args: argparse.Namespace) -> None:
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    results = _read(Path(args.results))
    results["machine"] = machine()
    for size in args.sizes:
        corpus, queries = ensure_corpus(work, size, args.seed, args.queries)
        for name in args.systems:
            if (limit := SYSTEMS[name].max_size) is not None and size > limit:
                continue
            print(f"[{size}] {name}: build and query", file=sys.stderr, flush=True)
            index_dir = work / f"index-{name}-{size}"
            entry = _subprocess(
                ["worker", name, str(corpus), str(queries), str(index_dir),
                 "--time-limit", str(args.time_limit), "--max-queries", str(args.queries)],
                args.timeout,
            )
            if "error" not in entry:
                question = json.loads(queries.read_text())[0]["text"]
                started = time.perf_counter()
                cold = _subprocess(["cold", name, str(index_dir), question], args.timeout)
                entry["cold_start_s"] = time.perf_counter() - started
                entry["cold"] = cold
            entry["date"] = date.today().isoformat()
            results.setdefault("runs", {}).setdefault(str(size), {})[name] = entry
            _write(Path(args.results), results)
            print(f"[{size}] {name}: {_summary(entry)}", file=sys.stderr, flush=True)
    print(tables(results))
    plots(results, Path(args.results).parent)


def ensure_corpus(work: Path, size: int, seed: int, n_queries: int) -> tuple[Path, Path]:
    """The corpus (one passage a line) and queries files for ``size``, generated when missing."""
    corpus = work / f"corpus-{size}-s{seed}.txt"
    queries = work / f"queries-{size}-s{seed}-q{n_queries}.json"
    if not corpus.exists():
        print(f"[{size}] generating the corpus", file=sys.stderr, flush=True)
        tmp = corpus.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            for text in synth.passages(size, seed):
                f.write(text + "\n")
        tmp.rename(corpus)
    if not queries.exists():
        texts = read_corpus(corpus)
        qs = synth.queries(texts, n_queries, seed)
        queries.write_text(json.dumps([{"text": q.text, "passage": q.passage} for q in qs]))
    return corpus, queries


def read_corpus(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def _subprocess(argv: list[str], timeout: float) -> dict[str, Any]:
    """Run this module in a fresh process; its last stdout line is a JSON object."""
    cmd = [sys.executable, "-m", "benchmarks.scale", *argv]
    # As an installed program runs: byte code cached (some shells and sandboxes turn that off,
    # which would make every fresh process recompile qabot's own modules but not the peers').
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                              check=False, env=env)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else
                f"exit {proc.returncode}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- the child processes ------------------------------------------------------------------------

def worker(args: argparse.Namespace) -> None:
    """Build, save and query one system; print its measurements as one JSON line."""
    system = SYSTEMS[args.system]()
    with PeakMemory() as memory:
        texts = read_corpus(Path(args.corpus))
        queries = [q["text"] for q in json.loads(Path(args.queries).read_text())]
        base_mb = memory.current_mb()
        started = time.perf_counter()
        system.build(texts)
        out: dict[str, Any] = {"build_s": time.perf_counter() - started, "corpus_mb": base_mb}
        out["build_peak_mb"] = memory.peak_mb()
        out.update(system.after_build())
        # Every system has now made all it answers from, and keeps what it needs of the texts
        # (qabot its packed passages): the list read here is the benchmark's own, let go for
        # every system alike, so that it counts in each build's peak but not after it.
        del texts
        hand_back_freed_memory()
        out["corpus_freed_mb"] = memory.current_mb()
        started = time.perf_counter()
        index_dir = Path(args.index_dir)
        _clear(index_dir)
        system.save(index_dir)
        out["save_s"] = time.perf_counter() - started
        out["disk_mb"] = _du(index_dir) / 2**20
        out.update(system.disk_detail(index_dir))
        prepared = [system.prepare(q) for q in queries]
        limits = {"time_limit": args.time_limit, "max_items": args.max_queries}
        out.update(_latency(system.search, items=prepared, **limits)[0])
        if args.system == "qabot":
            # With and without words of like meaning, question by question in turns, so that
            # neither runs on caches (stems, word vectors) the other has warmed.
            ask, exact = _latency(system.answer, system.answer_exact, items=queries, **limits)
            out.update({f"ask_{k}": v for k, v in ask.items()})
            out.update({f"ask_exact_{k}": v for k, v in exact.items()})
        out["peak_mb"] = memory.peak_mb()
    print(json.dumps(out))


def hand_back_freed_memory() -> None:
    """Collect cyclic garbage and hand the heap's freed blocks back to the operating system
    (glibc's ``malloc_trim``; elsewhere, nothing more), so that what a process let go of stops
    counting in its memory, the same for every system."""
    import ctypes
    import gc

    gc.collect()
    with contextlib.suppress(AttributeError, OSError):
        ctypes.CDLL(None).malloc_trim(0)


def cold(args: argparse.Namespace) -> None:
    """Load a saved index in this fresh process and answer one question."""
    started = time.perf_counter()
    system = SYSTEMS[args.system]()
    system.load(Path(args.index_dir))
    loaded = time.perf_counter()
    system.answer(args.question)
    done = time.perf_counter()
    print(json.dumps({"load_s": loaded - started, "answer_s": done - loaded,
                      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _latency(*fns: Any, items: list[Any], time_limit: float, max_items: int
             ) -> list[dict[str, Any]]:
    """p50/p99 of each of ``fns`` over the same items, after ``WARMUP`` of them; with several,
    they take turns at going first, so that none runs on caches another has just warmed."""
    for item in items[:WARMUP]:
        for fn in fns:
            fn(item)
    times: list[list[float]] = [[] for _ in fns]
    deadline = time.perf_counter() + time_limit
    for i, item in enumerate(items[:max_items]):
        started = time.perf_counter()
        for k in range(len(fns)):
            which = (i + k) % len(fns)
            began = time.perf_counter()
            fns[which](item)
            times[which].append(time.perf_counter() - began)
        if started > deadline:
            break
    return [_percentiles(t) for t in times]


def _percentiles(times: list[float]) -> dict[str, Any]:
    ms = np.array(times) * 1e3
    return {"p50_ms": float(np.percentile(ms, 50)), "p99_ms": float(np.percentile(ms, 99)),
            "n_queries": len(times)}


class PeakMemory:
    """Peak memory of this process and its children, sampled in a background thread."""

    def __init__(self, every: float = 0.1) -> None:
        self.every = every
        self._peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def current_mb(self) -> float:
        return sum(_pss_kb(pid) for pid in _tree(os.getpid())) / 1024

    def peak_mb(self) -> float:
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        return max(own, self._peak, self.current_mb())

    def _sample(self) -> None:
        while not self._stop.wait(self.every):
            self._peak = max(self._peak, self.current_mb())


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (from /proc)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        with contextlib.suppress(OSError):  # the process may have just exited
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
    return out


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _clear(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def _summary(e: dict[str, Any]) -> str:
    if "error" in e:
        return e["error"]
    return (f"build {e['build_s']:.1f} s, p50 {e['p50_ms']:.3f} ms, p99 {e['p99_ms']:.3f} ms, "
            f"peak {e['peak_mb']:.0f} MB, disk {e['disk_mb']:.0f} MB, "
            f"cold {e.get('cold_start_s', float('nan')):.2f} s")


def _read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text()) if path.exists() else {}


def _write(path: Path, results: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--systems", nargs="+", choices=list(SYSTEMS), default=list(SYSTEMS))
    parser.add_argument("--queries", type=int, default=1000, help="queries per size")
    parser.add_argument("--time-limit", type=float, default=30.0,
                        help="seconds of timed queries per system (and of engine.ask)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per process")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", default=str(ROOT / ".bench-cache"),
                        help="corpora and saved indexes go here")
    parser.add_argument("--results", default=str(RESULTS))
    w = sub.add_parser("worker")
    for a in ("system", "corpus", "queries", "index_dir"):
        w.add_argument(a)
    w.add_argument("--time-limit", type=float, default=30.0)
    w.add_argument("--max-queries", type=int, default=1000)
    c = sub.add_parser("cold")
    for a in ("system", "index_dir", "question"):
        c.add_argument(a)
    r = sub.add_parser("report")
    r.add_argument("--write", type=Path, metavar="MARKDOWN",
                   help="put the tables between the scale markers of this file")
    args = parser.parse_args(argv)
    if args.command == "worker":
        worker(args)
    elif args.command == "cold":
        cold(args)
    elif args.command == "report":
        results = _read(Path(args.results))
        plots(results, Path(args.results).parent)
        if args.write:
            write_section(args.write, render(results))
        else:
            print(render(results))
    else:
        run(args)


if __name__ == "__main__":
    main()
