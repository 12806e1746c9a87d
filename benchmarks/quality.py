"""Quality benchmark: qabot against BM25 and TF-IDF peers on SQuAD paragraphs, side by side.

    python benchmarks/quality.py                              # print the results (markdown)
    python benchmarks/quality.py --write docs/benchmarks.md   # and update them there

One corpus, every paragraph of the SQuAD file a document (``retrieval.questions.parse_squad``);
the same answerable questions for every system, reported on all of them and on the fixed tune and
test halves (``questions.half``, a hash of the question id); the metrics of
``retrieval.metrics``. qabot answers through ``QAEngine.ask``; the peers answer the way
``benchmarks/peers.py`` describes. Then qabot's abstention, leaving each article out in turn, next
to what a plain top-passage score threshold does at 90% of in-corpus questions kept.

The peers need the ``bench`` extra (``pip install -e '.[bench]'``); without it only qabot and the
plain TF-IDF peer run. The default run takes about a minute on 2 cores.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib.metadata
import importlib.util
import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout: `python benchmarks/quality.py`
sys.path.insert(0, str(ROOT / "benchmarks"))

from peers import PEERS, Corpus, Fitted, answer  # noqa: E402 (after the path set-up above)

from bot import logs  # noqa: E402
from retrieval import QAEngine  # noqa: E402
from retrieval.evaluation import Outcome, run, run_holdout  # noqa: E402
from retrieval.metrics import Scores, Threshold, summarize_groups, threshold_at  # noqa: E402
from retrieval.questions import QuestionSet, read_questions  # noqa: E402

DEFAULT_SQUAD = ROOT.parent / "shared" / "benchmarks" / "squad" / "squad2-dev-5articles.json"
BEGIN = "<!-- quality:begin (written by benchmarks/quality.py --write; edit outside) -->"
END = "<!-- quality:end -->"
TARGETS = {"r1": 0.75, "acc1": 0.75, "out_abstained": 0.90, "wrongly_abstained": 0.10}


@dataclasses.dataclass(frozen=True, slots=True)
class Results:
    """Everything one run measured."""

    questions: int
    documents: int
    qabot_documents: int  # paragraphs qabot kept after cleaning
    systems: dict[str, dict[str, Scores]]  # system -> {"all", "tune", "test"} -> scores
    holdout: dict[str, Scores] | None  # "all" and one per left-out article
    threshold: Threshold | None
    seconds: float


def _available(key: str) -> bool:
    return all(importlib.util.find_spec(m) is not None for m in PEERS[key].needs)


def measure(qset: QuestionSet, peers: Sequence[str], holdout: bool) -> Results:
    """Run qabot and ``peers`` on the answerable questions of ``qset``, and qabot's holdout."""
    started = time.perf_counter()
    answerable = [q for q in qset.questions if q.expect == "answer"]
    engine = QAEngine.from_documents(qset.documents)
    systems = {"qabot": summarize_groups(run(engine, answerable))}
    corpus = Corpus.of([d.id for d in qset.documents], [d.text for d in qset.documents])
    for key in peers:
        fitted = Fitted.build(PEERS[key], corpus)
        outcomes: list[Outcome] = [answer(fitted, q) for q in answerable]
        systems[key] = summarize_groups(outcomes)
    held = threshold = None
    if holdout:
        outcomes = run_holdout(qset, QAEngine.from_documents)
        held = summarize_groups(outcomes, "fold")
        threshold = threshold_at(outcomes, kept=0.9)
    return Results(len(answerable), len(qset.documents), engine.n_documents, systems, held,
                   threshold, time.perf_counter() - started)


# --- markdown -------------------------------------------------------------------------------


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(
        " --- " if i == 0 else " ---: " for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _system_table(results: Results, group: str) -> str:
    rows = []
    for key, groups in results.systems.items():
        s = groups[group]
        name = "**qabot**" if key == "qabot" else PEERS[key].name
        rows.append([name, _f(s.r1), _f(s.r5), _f(s.mrr10), _f(s.acc1), _f(s.acc3),
                     _f(s.wrongly_abstained), f"{s.latency_p50_ms:.2f}"])
    return _table(["system", "R@1", "R@5", "MRR@10", "acc@1", "acc@3", "abstained", "p50 ms"],
                  rows)


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _holdout_section(results: Results) -> list[str]:
    held, t = results.holdout, results.threshold
    if held is None:
        return []
    a = held["all"]
    out_ok = (a.abstain_recall or 0) >= TARGETS["out_abstained"]
    in_ok = (a.wrongly_abstained or 1) <= TARGETS["wrongly_abstained"]
    rows = [
        ["out-of-corpus questions abstained", str(a.must_abstain), _f(a.abstain_recall),
         _f(t.out_abstained if t else None), f">= {TARGETS['out_abstained']:.2f}: "
         + _met(out_ok)],
        ["in-corpus answerable wrongly abstained", str(a.answerable), _f(a.wrongly_abstained),
         _f(1 - t.kept if t else None), f"<= {TARGETS['wrongly_abstained']:.2f}: "
         + _met(in_ok)],
        ["in-corpus answer accuracy@1", str(a.answerable), _f(a.acc1), "", ""],
    ]
    per_article = [[name, str(s.must_abstain), _f(s.abstain_recall), str(s.answerable),
                    _f(s.wrongly_abstained)] for name, s in held.items() if name != "all"]
    return [
        "#### Abstention, leaving each article out (qabot)",
        "",
        "Each article is left out of the corpus in turn: its questions (answerable and "
        "`is_impossible` alike) must be abstained, while the answerable questions of the other "
        "articles, asked of the same corpus, must not. The threshold column abstains whenever the "
        f"top passage's BM25 score is below {t.score:.2f}, the score that keeps 90% of the "
        "in-corpus answerable questions." if t else "",
        "",
        _table(["", "questions", "qabot", "score threshold", "target"], rows),
        "",
        _table(["left out", "out-of-corpus", "abstained", "in-corpus answerable",
                "wrongly abstained"], per_article),
    ]


def _versions() -> str:
    names = ["scikit-learn", "numpy", "bm25s", "rank-bm25", "PyStemmer"]
    have = []
    for n in names:
        try:
            have.append(f"{n} {importlib.metadata.version(n)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    return ", ".join(have)


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def render(results: Results, squad: Path) -> str:
    """The generated part of the ``## Quality`` section of ``docs/benchmarks.md``."""
    q = results.systems["qabot"]
    tune, test = q["tune"], q["test"]
    src = os.path.relpath(squad, ROOT)
    lines = [
        BEGIN,
        f"Measured on {dt.date.today().isoformat()}, {os.cpu_count()} cores ({_cpu()}), "
        f"Python {platform.python_version()}, {_versions()}; the run took "
        f"{results.seconds:.0f} s:",
        "",
        "```bash",
        "pip install -e '.[bench]'",
        "python benchmarks/quality.py --write docs/benchmarks.md"
        + ("" if src == "../shared/benchmarks/squad/squad2-dev-5articles.json"
           else f" --squad {src}"),
        "```",
        "",
        f"Corpus: the {results.documents} paragraphs of `{Path(src).name}` "
        f"(qabot's cleaner keeps {results.qabot_documents} of them). Questions: the "
        f"{results.questions} answerable ones, split by a hash of their id into a tune half "
        f"({tune.answerable}) and a test half ({test.answerable}). *abstained*: answerable "
        "questions the system declined (counted wrong in acc@k; the peers never abstain).",
        "",
        f"Targets: R@1 >= {TARGETS['r1']:.2f} ({_met((q['all'].r1 or 0) >= TARGETS['r1'])} "
        f"on all, {_met((test.r1 or 0) >= TARGETS['r1'])} on test) and acc@1 >= "
        f"{TARGETS['acc1']:.2f} ({_met((q['all'].acc1 or 0) >= TARGETS['acc1'])} on all, "
        f"{_met((test.acc1 or 0) >= TARGETS['acc1'])} on test).",
        "",
        f"#### All {results.questions} answerable questions",
        "",
        _system_table(results, "all"),
        "",
        f"#### Tune half ({tune.answerable})",
        "",
        _system_table(results, "tune"),
        "",
        f"#### Test half ({test.answerable})",
        "",
        _system_table(results, "test"),
        "",
        *_holdout_section(results),
        END,
    ]
    return "\n".join(lines)


def write_section(path: Path, generated: str) -> None:
    """Put ``generated`` between the markers of ``path`` (or append a ``## Quality`` section)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + generated + rest.split(END, 1)[1]
    elif "\n## Quality\n" in text:  # at the end of the hand-written section
        head, rest = text.split("\n## Quality\n", 1)
        body, sep, tail = rest.partition("\n## ")
        text = (head + "\n## Quality\n" + body.rstrip("\n") + "\n\n" + generated + "\n"
                + ("\n" + sep.lstrip("\n") + tail if sep else ""))
    else:
        text = text.rstrip("\n") + "\n\n## Quality\n\n" + generated + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--squad", type=Path, default=DEFAULT_SQUAD, metavar="PATH",
                        help="SQuAD v1.1/v2.0 file (default: %(default)s)")
    parser.add_argument("--peers", default=",".join(PEERS), metavar="A,B",
                        help=f"peers to run, of {', '.join(PEERS)} (default: every installed one)")
    parser.add_argument("--no-holdout", action="store_true", help="skip the holdout-article runs")
    parser.add_argument("--json", action="store_true", help="print JSON instead of markdown")
    parser.add_argument("--write", type=Path, metavar="MD",
                        help="also update the generated part of this markdown file")
    args = parser.parse_args(argv)
    logs.configure(level="ERROR")  # the cleaner's per-paragraph warnings are summarised instead

    asked = [p for p in args.peers.split(",") if p]
    unknown = [p for p in asked if p not in PEERS]
    if unknown:
        parser.error(f"unknown peer {', '.join(unknown)}: choose from {', '.join(PEERS)}")
    peers = [p for p in asked if _available(p)]
    for p in sorted(set(asked) - set(peers)):
        print(f"skipping {p}: pip install -e '.[bench]'", file=sys.stderr)
    if not args.squad.exists():
        parser.error(f"no SQuAD file at {args.squad}: pass --squad PATH")

    results = measure(read_questions(args.squad, "squad"), peers, not args.no_holdout)
    if args.json:
        print(json.dumps(dataclasses.asdict(results), indent=1))
    else:
        print(render(results, args.squad))
    if args.write:
        write_section(args.write, render(results, args.squad))
    return 0


if __name__ == "__main__":
    sys.exit(main())
