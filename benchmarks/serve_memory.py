"""Resident memory of a bot that builds its own index, then answers: ``QAEngine.from_directory``
on a corpus folder without a saved index (what ``qabot telegram`` / ``webhook`` / ``ask`` do
when it is missing or stale), then questions.

    python -m benchmarks.serve_memory                              # 100,000 files, 100 questions
    python -m benchmarks.serve_memory --tree /path/to/other/checkout --tree . --runs 3

The corpus is ``benchmarks.synth`` passages, one a file (``benchmarks.update.write_corpus``),
written once into a temporary folder (``--corpus DIR``: into DIR, kept for the next run). Each
build runs in a fresh process with ``retrieval`` imported from the checkout given (``--tree``,
several allowed, in turns; default this one), saving into a fresh index folder. Reported, from
``/proc/self/status`` and ``smaps_rollup``: the process's RSS (anonymous and file-backed apart)
and PSS once ``from_directory`` has returned, and again after ``--questions`` synthetic
questions (``engine.ask``, words of like meaning on, as a bot answers), its peak RSS, and a digest
of the answers (equal across checkouts when they answer the same).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
FIELDS = ("RssAnon", "RssFile", "Pss")


def _memory_mib() -> dict[str, float]:
    """This process's anonymous and file-backed RSS and its PSS, in MiB."""
    out = {}
    for source in ("/proc/self/status", "/proc/self/smaps_rollup"):
        for line in Path(source).read_text().splitlines():
            name, _, value = line.partition(":")
            if name in FIELDS:
                out[name] = int(value.split()[0]) / 1024
    return out


def one(corpus: Path, index_dir: Path, questions: list[str]) -> dict[str, Any]:
    """Build and save ``corpus``'s index into ``index_dir`` in this process, then answer
    ``questions``; its figures."""
    from retrieval import QAEngine

    started = time.perf_counter()
    engine = QAEngine.from_directory(corpus, index_dir=index_dir, rebuild=True, full=True)
    engine.warm_up()  # as a bot does before its first question (bot.engines.load_engine)
    seconds = time.perf_counter() - started
    built = _memory_mib()
    digest = hashlib.sha256()
    started = time.perf_counter()
    for q in questions:
        digest.update(repr(engine.ask(q)).encode())
    ask_seconds = time.perf_counter() - started
    import retrieval

    return {
        "tree": str(Path(retrieval.__file__).resolve().parent.parent),
        "passages": engine.n_passages,
        "seconds": seconds,
        "ask_seconds": ask_seconds,
        "built": built,
        "answered": _memory_mib(),
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "digest": digest.hexdigest()[:16],
    }


def _line(r: dict[str, Any]) -> str:
    def mem(m: dict[str, float]) -> str:
        return (f"RSS {m['RssAnon'] + m['RssFile']:.0f} (anon {m['RssAnon']:.0f}, file "
                f"{m['RssFile']:.0f}), PSS {m['Pss']:.0f}")

    return (f"built in {r['seconds']:.1f} s: {mem(r['built'])} MiB; after the questions "
            f"({r['ask_seconds']:.1f} s): {mem(r['answered'])} MiB; peak RSS "
            f"{r['peak_mib']:.0f} MiB; {r['passages']} passages; answers {r['digest']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--tree", action="append", default=[],
                        help="a checkout whose retrieval package builds (default: this one)")
    parser.add_argument("--corpus", type=Path, help="write the corpus here (kept), or reuse it")
    parser.add_argument("--one", nargs=3, metavar=("CORPUS", "INDEX_DIR", "QUESTIONS"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        corpus, index_dir, questions = map(Path, args.one)
        print(json.dumps(one(corpus, index_dir, json.loads(questions.read_text()))), flush=True)
        return
    from benchmarks import synth
    from benchmarks.update import write_corpus

    work = Path(tempfile.mkdtemp(prefix="qabot-serve-"))
    try:
        corpus = args.corpus or work / "corpus"
        if not corpus.exists():
            write_corpus(corpus, args.documents)
        questions = work / "questions.json"
        texts = list(synth.passages(args.documents))  # what write_corpus wrote, one a file
        questions.write_text(json.dumps([q.text for q in synth.queries(texts, args.questions)]))
        del texts
        trees = [str(Path(t).resolve()) for t in args.tree] or [str(HERE)]
        results: dict[str, list[dict[str, Any]]] = {t: [] for t in trees}
        for run in range(args.runs):
            for tree in trees:
                index_dir = work / "index"
                shutil.rmtree(index_dir, ignore_errors=True)
                # retrieval from ``tree``; benchmarks from there too, else from here
                env = {**os.environ, "PYTHONPATH": os.pathsep.join([tree, str(HERE)])}
                out = subprocess.run(
                    [sys.executable, "-P", "-m", "benchmarks.serve_memory", "--one", str(corpus),
                     str(index_dir), str(questions)],
                    env=env, check=True, capture_output=True, text=True, cwd=HERE)
                r = json.loads(out.stdout.strip().splitlines()[-1])
                assert r["tree"] == tree, (r["tree"], tree)
                results[tree].append(r)
                print(f"run {run + 1} {tree}: {_line(r)}", flush=True)
        print(f"\nmedians over {args.runs} runs, {args.documents} files, {args.questions} "
              "questions (MiB):\n| checkout | RSS built | anon | PSS built | RSS answered | anon "
              "| PSS answered | peak RSS | answers |\n| --- | ---: | ---: | ---: | ---: | ---: "
              "| ---: | ---: | --- |")
        for tree, rs in results.items():
            def med(when: str, *keys: str, rs: list[dict[str, Any]] = rs) -> float:
                return statistics.median(sum(r[when][k] for k in keys) for r in rs)

            peak = statistics.median(r["peak_mib"] for r in rs)
            print(f"| {tree} | {med('built', 'RssAnon', 'RssFile'):.0f} | "
                  f"{med('built', 'RssAnon'):.0f} | {med('built', 'Pss'):.0f} | "
                  f"{med('answered', 'RssAnon', 'RssFile'):.0f} | "
                  f"{med('answered', 'RssAnon'):.0f} | {med('answered', 'Pss'):.0f} | "
                  f"{peak:.0f} | {', '.join(sorted({r['digest'] for r in rs}))} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
