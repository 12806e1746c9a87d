"""How a full build's cost grows with a corpus folder: CPU seconds, not wall time.

    python -m benchmarks.build_scaling CORPUS --sizes 300 600 1200 --rounds 2

Evenly spread subsets of ``CORPUS``'s files (every k-th in sorted order: the same mix of kinds
of files), hard-linked (copied across file systems) into a temporary folder, each built by
``python -m bot index --full`` in a fresh process, in turns, ``--rounds`` times. For each size:
the median wall time, the median CPU time of the build and its workers (``RUSAGE_CHILDREN``:
user + system), CPU seconds per MB of input and the share of a core the build got (CPU / wall).

On a machine other work loads (a shared 2-core one), the wall time follows the share of the
cores the build gets, not the build: compare CPU seconds per MB across sizes. Measured
(2026-12, 2 cores loaded by other sessions; a corpus of ``/usr/share/doc`` and site-packages
documentation, 2,680 files, 158 MB):

| files | MB | wall s | CPU s | CPU s/MB | share of a core |
|---|---|---|---|---|---|
| 300 | 12.7 | 45.3 | 20.3 | 1.59 | 45% |
| 600 | 30.1 | 122.8 | 47.4 | 1.57 | 39% |
| 1200 | 72.5 | 227.4 | 120.9 | 1.67 | 53% |

and, timed by ``/usr/bin/time``, its two halves 117 and 146 CPU s (1.63 and 1.69 a MB) in
2:44 and 2:54, their union 255 CPU s (1.62 a MB) in 8:48: at 48% of a core against 71% and 83%.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def subset(files: list[Path], src: Path, n: int, dst: Path) -> int:
    """``n`` of ``files`` evenly spread, linked under ``dst`` at their places in ``src``;
    their size in bytes."""
    total = 0
    for i in range(n):
        f = files[i * len(files) // n]
        to = dst / f.relative_to(src)
        to.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(f, to)
        except OSError:
            shutil.copy2(f, to)
        total += f.stat().st_size
    return total


def timed_build(corpus: Path, index_dir: Path) -> tuple[float, float]:
    """Wall and CPU seconds (the build's process and its workers) of one full build."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot", "index", "--full", "--corpus", str(corpus),
                    "--index-dir", str(index_dir)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 600, 1200])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    src = args.corpus.resolve()
    files = sorted(p for p in src.rglob("*") if p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(src).parts))
    sizes = [n for n in args.sizes if n <= len(files)]
    with tempfile.TemporaryDirectory(prefix="qabot-scaling-") as tmp:
        work = Path(tmp)
        mb = {n: subset(files, src, n, work / f"c{n}") / 1e6 for n in sizes}
        runs: dict[int, list[tuple[float, float]]] = {n: [] for n in sizes}
        for _ in range(args.rounds):
            for n in sizes:  # in turns: each size sees the machine's load alike
                shutil.rmtree(work / f"i{n}", ignore_errors=True)
                runs[n].append(timed_build(work / f"c{n}", work / f"i{n}"))
    print("| files | MB | wall s | CPU s | CPU s/MB | share of a core |")
    print("|---|---|---|---|---|---|")
    for n in sizes:
        wall = statistics.median(w for w, _ in runs[n])
        cpu = statistics.median(c for _, c in runs[n])
        print(f"| {n} | {mb[n]:.1f} | {wall:.1f} | {cpu:.1f} | {cpu / mb[n]:.2f} | "
              f"{cpu / wall:.0%} |")


if __name__ == "__main__":
    main()
