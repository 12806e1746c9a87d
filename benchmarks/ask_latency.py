"""``QAEngine.ask`` latency of two trees of qabot side by side, in one run, on the same corpus.

    python benchmarks/ask_latency.py --before a1ca1f8               # 100k passages, 3 rounds
    python benchmarks/ask_latency.py --before HEAD~3 --passages 20000 --rounds 5

The corpus and queries are ``benchmarks.synth``'s (the same for both trees). The ``--before``
revision is checked out into a temporary git worktree; each tree builds and saves its index once
in a process of its own, then in every round a fresh process of each tree, taking turns at going
first, loads its index and times ``ask`` over the queries (after a warm-up). Reported: each
tree's median over the rounds of its p50 and p95, and the difference after - before. Only
loopback-free local work: nothing is sent anywhere.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import synth  # noqa: E402
from benchmarks.revision import checked_out  # noqa: E402

WARMUP = 50

# Run in each tree's own interpreter: the tree's retrieval package, nothing of this one.
CHILD = r"""
import json, sys, time
tree, corpus, index_dir, mode, n = sys.argv[1:6]
from pathlib import Path
index_dir = Path(index_dir)
sys.path.insert(0, tree)
from bot import logs
logs.configure("WARNING")
from retrieval import QAEngine, store
# a tree before store.py was split opens a snapshot with store.load (asked of the tree's files:
# an import would find this checkout's module through the editable install)
if (Path(tree) / "retrieval" / "snapshot.py").exists():
    from retrieval.snapshot import load
else:
    load = store.load
data = json.load(open(corpus))
if mode == "build":
    engine = QAEngine.from_texts(data["texts"])
    store.save(index_dir, engine.index, engine.collection, "bench")
    print(json.dumps({"built": True}))
    raise SystemExit
index, collection = load(index_dir)[:2]
engine = QAEngine(index, collection)
queries = data["queries"][: int(n)]
for q in queries[:WARMUP]:
    engine.ask(q)
times = []
for q in queries:
    t = time.perf_counter()
    engine.ask(q)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(json.dumps({"p50": times[len(times) // 2], "p95": times[int(len(times) * 0.95)]}))
""".replace("WARMUP", str(WARMUP))


def run_child(tree: Path, corpus: Path, index_dir: Path, mode: str, n: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(tree), str(corpus), str(index_dir),
                          mode, str(n)], capture_output=True, text=True, timeout=3600,
                         check=False, cwd=tree)  # its own tree first, for its worker processes too
    if out.returncode != 0:
        raise SystemExit(f"{tree}: {mode} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", required=True, help="the git revision to compare with")
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="qabot-latency-") as tmp:
        work = Path(tmp)
        with checked_out(args.before, work / "before") as before:
            texts = list(synth.passages(args.passages))
            queries = [q.text for q in synth.queries(texts, args.queries + WARMUP)]
            corpus = work / "corpus.json"
            corpus.write_text(json.dumps({"texts": texts, "queries": queries}))
            trees = {"before": before, "after": ROOT}
            for name, tree in trees.items():
                run_child(tree, corpus, work / f"index-{name}", "build", 0)
            got: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
            for r in range(args.rounds):
                order = list(trees) if r % 2 == 0 else list(reversed(trees))
                for name in order:
                    got[name].append(run_child(trees[name], corpus, work / f"index-{name}",
                                               "ask", args.queries + WARMUP))
    med = {name: {k: statistics.median(x[k] for x in runs) for k in ("p50", "p95")}
           for name, runs in got.items()}
    print(f"engine.ask over {args.passages:,} synthetic passages, {args.queries} queries, "
          f"median of {args.rounds} rounds in turns:")
    for name in ("before", "after"):
        print(f"  {name:<6} ({args.before if name == 'before' else 'this tree'}): "
              f"p50 {med[name]['p50']:.2f} ms, p95 {med[name]['p95']:.2f} ms")
    print(f"  after - before: p50 {med['after']['p50'] - med['before']['p50']:+.2f} ms, "
          f"p95 {med['after']['p95'] - med['before']['p95']:+.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
