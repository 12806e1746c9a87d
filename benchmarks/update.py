"""Live-corpus figures: a full build of a corpus folder, an incremental one after adding files,
and how long a running bot takes to answer from them.

    python -m benchmarks.update                       # 100,000 documents, 100 added
    python -m benchmarks.update --documents 10000 --added 100 --runs 3

The corpus is ``benchmarks.synth`` passages, one per file (``docs/DDD/NNNNNN.txt``), written to
a temporary folder. Timed, in one process, each a median over ``--runs``:

- **full**: ``QAEngine.from_directory(..., rebuild=True, full=True)``: every file read;
- **incremental**: the same after ``--added`` new files: only they are read, the rest kept
  (the index is the one a full build makes: ``tests/test_indexing.py``);
- **reload**: a ``LiveEngine`` (what ``qabot telegram`` / ``qabot webhook`` answer from)
  noticing the new snapshot (``changed()``) and loading it (``reload()``), until its first
  answer from an added document. A running bot polls every ``QABOT_RELOAD_SECONDS`` (2 s),
  so it answers from new files at most that much later than ``reload`` says.

Peers, timed in the same run on the same texts (the passages of the full build):

- **bm25s**: ``bm25s.tokenize`` (stemmed, English stop words) + ``BM25.index``, what the
  issue compares a full build with (bm25s only tokenizes and indexes: it reads no files and
  cleans, segments and cites nothing); and qabot's end-to-end build from the same raw texts
  in memory, ``QAEngine.from_texts``;
- **counting**: qabot's term counts (``termcounts.count_terms``, on every core) against
  scikit-learn's ``CountVectorizer(analyzer=analyze)`` giving the same matrix.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bot.config import Settings
from bot.engines import LiveEngine, load_engine
from retrieval import QAEngine

from . import synth

NEW = "The observatory on Kessel Ridge was opened in {year} by the astronomer Ines Varga {i}."


def write_corpus(root: Path, n: int, seed: int = 0) -> None:
    for i, text in enumerate(synth.passages(n, seed)):
        folder = root / "docs" / f"{i // 1000:03d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:06d}.txt").write_text(text + "\n", encoding="utf-8")


def add_files(root: Path, k: int, run: int) -> None:
    folder = root / "added" / f"run{run}"
    folder.mkdir(parents=True)
    for i in range(k):
        (folder / f"new{i:04d}.txt").write_text(NEW.format(year=1900 + i % 100, i=i) + "\n",
                                                encoding="utf-8")


def _peers(texts: list[str]) -> dict[str, float]:
    import bm25s
    from sklearn.feature_extraction.text import CountVectorizer

    from retrieval.analyzer import analyze
    from retrieval.termcounts import count_terms

    from .systems import _stemmer

    out = {}
    started = time.perf_counter()
    QAEngine.from_texts(texts)
    out["from_texts"] = time.perf_counter() - started
    started = time.perf_counter()
    model = bm25s.BM25()
    model.index(bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), show_progress=False),
                show_progress=False)
    out["bm25s"] = time.perf_counter() - started
    started = time.perf_counter()
    ours, _ = count_terms(texts)
    out["qabot_counts"] = time.perf_counter() - started
    started = time.perf_counter()
    theirs = CountVectorizer(analyzer=analyze).fit_transform(texts)
    out["sklearn_counts"] = time.perf_counter() - started
    assert theirs.shape == ours.shape and (theirs != ours).nnz == 0  # the same counts
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--added", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="qabot-update-"))
    try:
        root = work / "corpus"
        started = time.perf_counter()
        write_corpus(root, args.documents)
        print(f"wrote {args.documents} files in {time.perf_counter() - started:.1f} s")
        settings = Settings(_env_file=None, corpus_dir=root)
        full, incremental, reload = [], [], []
        for run in range(args.runs):
            started = time.perf_counter()
            engine = QAEngine.from_directory(root, rebuild=True, full=True)
            full.append(time.perf_counter() - started)
            live = LiveEngine(load_engine(settings), settings)
            add_files(root, args.added, run)
            started = time.perf_counter()
            engine = QAEngine.from_directory(root, rebuild=True)
            incremental.append(time.perf_counter() - started)
            assert engine.report.files_read == args.added, engine.report
            started = time.perf_counter()
            assert live.changed() and live.reload()
            answer = live.ask("When was the observatory on Kessel Ridge opened?")
            reload.append(time.perf_counter() - started)
            assert answer.answered and answer.sentences[0].source.startswith("new"), answer
            print(f"run {run + 1}: full {full[-1]:.2f} s, incremental {incremental[-1]:.2f} s, "
                  f"reload {reload[-1]:.2f} s ({engine.n_documents} documents, "
                  f"{engine.n_passages} passages)", flush=True)
        texts = [engine.passage(p) for p in range(engine.n_passages)]
        peers = _peers(texts)
        print(f"\nmedians over {args.runs} runs, {args.documents} documents + {args.added} "
              f"added:\n| full build s | incremental s | ratio | reload to first answer s |\n"
              f"| ---: | ---: | ---: | ---: |\n| {statistics.median(full):.2f} | "
              f"{statistics.median(incremental):.2f} | "
              f"{statistics.median(incremental) / statistics.median(full):.3f} | "
              f"{statistics.median(reload):.2f} |")
        print(f"\npeers on the same {len(texts)} passages: bm25s tokenize+index "
              f"{peers['bm25s']:.2f} s (qabot's full build / bm25s: "
              f"{statistics.median(full) / peers['bm25s']:.1f}x; QAEngine.from_texts "
              f"{peers['from_texts']:.2f} s: {peers['from_texts'] / peers['bm25s']:.1f}x); "
              f"term counts: qabot "
              f"{peers['qabot_counts']:.2f} s, CountVectorizer(analyzer=analyze) "
              f"{peers['sklearn_counts']:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
