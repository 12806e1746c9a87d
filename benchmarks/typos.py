"""Typo benchmark: answer accuracy when every question carries one typo, with and without
qabot's spelling correction (``retrieval/spelling.py``).

    python benchmarks/typos.py            # seeds question set and SQuAD, a markdown table

Each answerable question gets one typo in one lower-case word of 5+ letters: a letter deleted,
two neighbours swapped, one replaced or one inserted (chosen at random, fixed seed; a question
with no such word is left out). The same questions without typos are the reference. The method
has no parameter tuned on these questions: the 5-letter floor and wordfreq's small list were set
beforehand. SQuAD's out-of-corpus abstention (leave each article out) is in
``benchmarks/quality.py``, run with correction on (the default).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout

from bot import logs  # noqa: E402
from retrieval import ComposerConfig, QAEngine  # noqa: E402
from retrieval.evaluation import run  # noqa: E402
from retrieval.metrics import summarize  # noqa: E402
from retrieval.questions import Question, QuestionSet, read_questions  # noqa: E402

SEEDS_QUESTIONS = ROOT / "tests" / "data" / "seed_questions.jsonl"
SQUAD = ROOT.parent / "shared" / "benchmarks" / "squad" / "squad2-dev-5articles.json"
_WORD = re.compile(r"\b[a-z]{5,}\b")


def with_typo(text: str, rnd: random.Random) -> str | None:
    """``text`` with one typo in one lower-case word of 5+ letters, or ``None``."""
    words = list(_WORD.finditer(text))
    if not words:
        return None
    m = rnd.choice(words)
    w, i = m.group(), rnd.randrange(1, len(m.group()) - 1)
    op = rnd.choice("dsri")
    if op == "d":
        typo = w[:i] + w[i + 1 :]
    elif op == "s":
        typo = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    elif op == "r":
        typo = w[:i] + rnd.choice("aeiourstln".replace(w[i], "")) + w[i + 1 :]
    else:
        typo = w[:i] + rnd.choice("aeiourstln") + w[i:]
    return None if typo == w else text[: m.start()] + typo + text[m.end() :]


def typoed(questions: Sequence[Question], seed: int) -> list[Question]:
    rnd = random.Random(seed)
    out = []
    for q in questions:
        text = with_typo(q.text, rnd)
        if text is not None:
            out.append(dataclasses.replace(q, text=text))
    return out


def measure(name: str, qset: QuestionSet, build: Callable[[ComposerConfig], QAEngine],
            seed: int) -> list[str]:
    answerable = [q for q in qset.questions if q.expect == "answer"]
    typos = typoed(answerable, seed)
    rows = []
    for label, questions, correct in (("no typos", answerable, True),
                                      ("one typo, as typed", typos, False),
                                      ("one typo, corrected", typos, True)):
        s = summarize(run(build(ComposerConfig(correct_spelling=correct)), questions))
        rows.append(f"| {name} | {label} | {len(questions)} | {s.acc1:.3f} | {s.acc3:.3f} | "
                    f"{s.wrongly_abstained:.3f} |")
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--squad", default=str(SQUAD))
    args = parser.parse_args(argv)
    logs.configure("console", "WARNING")
    seeds = read_questions(SEEDS_QUESTIONS)
    rows = measure("seeds", seeds, lambda config: QAEngine.from_directory(
        ROOT / "seeds", save=False, config=config), args.seed)
    if Path(args.squad).exists():
        squad = read_questions(args.squad, "squad")
        rows += measure("SQuAD", squad, lambda config: QAEngine.from_documents(
            squad.documents, config=config), args.seed)
    print("| questions | asked | n | acc@1 | acc@3 | abstained |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
