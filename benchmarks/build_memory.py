"""Peak memory and time of an end-to-end build from raw texts (``QAEngine.from_texts``), the
issue's "peak memory <= 2 GB at 1M passages".

    python -m benchmarks.build_memory --passages 1000000
    python -m benchmarks.build_memory --passages 200000 --runs 3 --tree /path/to/other/checkout
    python -m benchmarks.build_memory --save-dir /tmp/snap   # and save it, as qabot index does

Each build runs in a fresh process (peak RSS only grows), with ``retrieval`` imported from the
checkout given (``--tree``, several allowed; default this one), in turns when there are several.
The texts are ``benchmarks.synth`` passages, one document each, generated in that process before
the build (they count toward its peak, as a caller's texts would). Reported per build: seconds,
the process's RSS with the texts alone, its peak RSS (``getrusage``: the whole run) and the
largest worker's (``getrusage``, which gives a worker this process's peak up to the moment it
was started, as a child inherits it; and sampled, its own), the peak of its
RSS and its workers' together (sampled), its RSS once built (the texts and the engine), and a
digest of the collection and index built, equal across checkouts when they build the same.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class TreePeak:
    """The largest sum of the resident sizes of this process and its children, sampled every
    0.1 s in a background thread (``getrusage`` gives each process's own peak, not the sum's)."""

    def __init__(self) -> None:
        self.peak_kib = 0
        self.child_kib = 0  # the largest RSS sampled of one child
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> float:
        """The peak in MiB."""
        self._stop.set()
        self._thread.join()
        return self.peak_kib / 1024

    def _sample(self) -> None:
        me = os.getpid()
        while not self._stop.wait(0.1):
            total = 0
            for pid in [me, *_children(me)]:
                with contextlib.suppress(OSError, ValueError, IndexError):
                    status = Path(f"/proc/{pid}/status").read_text()
                    kib = int(status.split("VmRSS:")[1].split()[0])
                    total += kib
                    if pid != me:
                        self.child_kib = max(self.child_kib, kib)
            self.peak_kib = max(self.peak_kib, total)


def _children(pid: int) -> list[int]:
    with contextlib.suppress(OSError):
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    return []


def _digest(engine: Any) -> str:
    """A hash of every array and name of the engine's collection and index."""
    h = hashlib.sha256()
    c, ix = engine.collection, engine.index
    for name in ("passage_doc", "text_offsets", "text_blob", "sent_indptr", "sent_bounds",
                 "sent_flags", "passage_section", "passage_page", "passage_crc", "passage_lang"):
        h.update(getattr(c, name).tobytes())
    h.update(json.dumps([[s.id, s.title, s.url, s.publisher, s.published] for s in c.sources],
                        ensure_ascii=False).encode())
    h.update(json.dumps(list(c.sections), ensure_ascii=False).encode())
    h.update(json.dumps(list(ix.vocabulary), ensure_ascii=False).encode())
    for a in (ix.indptr, ix.passages, ix.weights, ix.df, ix.maxw):
        h.update(a.tobytes())
    return h.hexdigest()[:16]


def one(n: int, save_dir: str | None = None) -> dict[str, Any]:
    """Build from ``n`` synthetic texts in this process, and save the snapshot into
    ``save_dir`` when given, as ``qabot index`` does; its figures, the save counted in the
    peaks."""
    from benchmarks import synth
    from retrieval import QAEngine

    texts = list(synth.passages(n))
    gc.collect()
    # glibc's malloc_trim, called here and not imported from the checkout measured, which
    # may keep it elsewhere (retrieval.heap, earlier retrieval.termcounts)
    with contextlib.suppress(AttributeError, OSError):
        ctypes.CDLL(None).malloc_trim(0)
    texts_mib = _rss_mib()
    tree = TreePeak()
    started = time.perf_counter()
    engine = QAEngine.from_texts(texts)
    seconds = time.perf_counter() - started
    after_mib = _rss_mib()
    save_seconds = None
    if save_dir is not None:
        from retrieval import store

        started = time.perf_counter()
        store.save(Path(save_dir), engine.index, engine.collection, "build_memory")
        save_seconds = time.perf_counter() - started
    tree_mib = tree.stop()
    worker_mib = tree.child_kib / 1024
    import retrieval
    return {
        "tree": str(Path(retrieval.__file__).resolve().parent.parent),
        "passages": engine.collection.n_passages,
        "seconds": seconds,
        "save_seconds": save_seconds,
        "texts_mib": texts_mib,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "tree_peak_mib": tree_mib,
        "worker_sampled_mib": worker_mib,
        "after_mib": after_mib,
        "digest": _digest(engine),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--passages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--tree", action="append", default=[],
                        help="a checkout whose retrieval package builds (default: this one)")
    parser.add_argument("--save-dir", metavar="DIR",
                        help="save each build's snapshot into DIR (as qabot index does; the "
                             "save counts in the peaks)")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.passages, args.save_dir)), flush=True)
        return
    trees = [str(Path(t).resolve()) for t in args.tree] or [str(HERE)]
    results: dict[str, list[dict[str, Any]]] = {t: [] for t in trees}
    for run in range(args.runs):
        for tree in trees:
            # retrieval from ``tree``; benchmarks.synth from there too, else from here
            env = {**os.environ, "PYTHONPATH": os.pathsep.join([tree, str(HERE)])}
            save = ["--save-dir", str(Path(args.save_dir).resolve())] if args.save_dir else []
            out = subprocess.run([sys.executable, "-P", str(Path(__file__).resolve()), "--one",
                                  "--passages", str(args.passages), *save],
                                 env=env, check=True, capture_output=True, text=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            assert r["tree"] == tree, (r["tree"], tree)
            results[tree].append(r)
            print(f"run {run + 1} {tree}: {r['seconds']:.1f} s, texts {r['texts_mib']:.0f} MiB, "
                  f"peak {r['peak_mib']:.0f} MiB, largest worker {r['worker_peak_mib']:.0f} "
                  f"MiB (sampled: {r['worker_sampled_mib']:.0f} MiB), with workers "
                  f"{r['tree_peak_mib']:.0f} MiB, {r['passages']} passages, "
                  f"after the build {r['after_mib']:.0f} MiB, digest {r['digest']}"
                  + (f", saved in {r['save_seconds']:.1f} s" if r.get("save_seconds") else ""),
                  flush=True)
    print(f"\nmedians over {args.runs} runs, {args.passages} texts:\n"
          "| checkout | build s | texts MiB | peak MiB | largest worker MiB | with workers MiB "
          "| digest |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for tree, rs in results.items():
        med = {k: statistics.median(r[k] for r in rs)
               for k in ("seconds", "texts_mib", "peak_mib", "worker_peak_mib", "tree_peak_mib")}
        print(f"| {tree} | {med['seconds']:.1f} | {med['texts_mib']:.0f} | "
              f"{med['peak_mib']:.0f} | {med['worker_peak_mib']:.0f} | "
              f"{med['tree_peak_mib']:.0f} | "
              f"{', '.join(sorted({r['digest'] for r in rs}))} |")


if __name__ == "__main__":
    main()
