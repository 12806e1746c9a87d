"""Train qabot's second stage of the trigger (``retrieval/models/calibration.json``,
``calibration.py``).

    python training/train_calibration.py            # train, report, write the model
    python training/train_calibration.py --check    # train and report only

The English trigger (``selector.json``) stays as it is; this learns weights for what it does not
weigh (``calibration.CALIBRATION_FEATURES``), added to its logit: a logistic regression over each
question's first quoted candidate with the frozen trigger's logit as an offset (its weight fixed
at 1, no intercept), fitted with scipy's L-BFGS to tell whether that candidate holds a gold
answer from a gold source (``train_selector._right``; a question whose answer is not in the
corpus is never right), each question weighing the same.

Trained on questions asked of whole pages, which the trigger seldom saw (it learned mostly from
paragraphs asked about what they say), from data whose licence allows a shipped model:

* the ``tune`` halves of SQuAD 2.0 (``../shared/benchmarks/squad/``) and XQuAD English
  (``../shared/benchmarks/xquad/xquad.en.json``; both CC BY-SA 4.0), their answerable questions
  asked of the articles, each article one document (``QuestionSet.articles``);
* the same questions asked of the articles with every sentence holding a gold answer cut out, in
  three groups of questions (each group's answers cut at once): the right page, no answer;
* the ``tune`` split of the search questions (``tests/data/search_questions.jsonl``) over XQuAD's
  articles.

Never on WikiQA or a held-out set. Reproducible (``PYTHONHASHSEED=0``, a deterministic solver,
the questions in file order): run twice, it writes the same file.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from train_selector import _right  # noqa: E402

from bot import logs  # noqa: E402
from retrieval import QAEngine  # noqa: E402
from retrieval.calibration import (  # noqa: E402
    CALIBRATION_FEATURES,
    CALIBRATION_FILE,
    Calibration,
    calibration_row,
)
from retrieval.candidates import Ranking  # noqa: E402
from retrieval.corpus import Document  # noqa: E402
from retrieval.ingest.sentences import split_sentences  # noqa: E402
from retrieval.metrics import holds_answer  # noqa: E402
from retrieval.query import parse_query  # noqa: E402
from retrieval.questions import Question, read_questions  # noqa: E402
from retrieval.selection import Selector, bundled  # noqa: E402
from retrieval.writing import write_atomic  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks"
SETS = (("squad", SHARED / "squad" / "squad2-dev-5articles.json"),
        ("xquad", SHARED / "xquad" / "xquad.en.json"))
SEARCH = ROOT / "tests" / "data" / "search_questions.jsonl"
MODEL = ROOT / "retrieval" / "models" / CALIBRATION_FILE
GROUPS = 3  # the answer-cut questions' groups (each group's answers cut from one corpus)
PRIOR = 0.0  # L2 weight towards 0 (one feature, hundreds of rows: none needed)
SEED = 0
Row = tuple[float, np.ndarray, bool, str]  # frozen logit, second-stage row, right, group


def frozen_confidence(selector: Selector, ranking: Ranking, passages: int
                      ) -> tuple[float, list[float]]:
    """The trigger's confidence in ``ranking``'s best candidate by its own ranker, before any
    second stage (as ``ranking.rank`` works it out), and that candidate's features."""
    cands = ranking.candidates
    logits = selector.rank(np.array([[*c.features, *c.meaning] for c in cands]))
    order = sorted(range(len(cands)), key=lambda k: (
        -logits[k], cands[k].sentence.passage, cands[k].sentence.number))
    best = cands[order[0]].features
    return selector.confidence(np.asarray(best), logits[order], ranking.top_score,
                               passages), best


def _rows(engine: QAEngine, questions: Iterable[Question], group: str,
          answerable: bool | None = None) -> list[Row]:
    """Each question's row; ``answerable`` overrides whether its answer is in the corpus
    (``None``: it is when it has answers)."""
    selector = bundled()
    out = []
    for q in questions:
        ranking = engine.rank(q.text)
        if ranking is None:
            continue
        p, best = frozen_confidence(selector, ranking, engine.collection.n_passages)
        p = min(max(p, 1e-6), 1 - 1e-6)
        can = bool(q.answers) if answerable is None else answerable
        qset = set(parse_query(q.text, engine.index, engine.config).terms)
        right = can and _right(engine, ranking, ranking.candidates[0], q, qset)
        out.append((math.log(p / (1 - p)), calibration_row(best), bool(right), group))
    return out


def cut(doc: Document, answers: Sequence[str]) -> Document:
    """``doc`` without the sentences that hold one of ``answers``, paragraph by paragraph."""
    paragraphs = [" ".join(s for s in split_sentences(p) if not holds_answer(s, answers))
                  for p in doc.text.split("\n\n")]
    return Document(id=doc.id, title=doc.title, text="\n\n".join(p for p in paragraphs if p))


def gather() -> list[Row]:
    """Every question's row, in a fixed order."""
    out: list[Row] = []
    for name, path in SETS:
        qs = read_questions(path, "squad")
        pages = qs.articles()
        # asked of its article: the question's source is the article, not its paragraph
        tune = [dataclasses.replace(q, sources=(q.article,) if q.article else ())
                for q in qs.questions if q.split == "tune" and q.answers and not q.impossible]
        out += _rows(QAEngine.from_documents(pages), tune, f"{name}-pages", True)
        for k in range(GROUPS):
            group = tune[k::GROUPS]
            answers: dict[str, list[str]] = {}
            for q in group:
                answers.setdefault(q.article or "", []).extend(q.answers)
            docs = [cut(d, answers.get(d.id, [])) for d in pages]
            out += _rows(QAEngine.from_documents(docs), group, f"{name}-cut", False)
    xquad = read_questions(SETS[1][1], "squad")
    search = [q for q in read_questions(SEARCH).questions if q.split == "tune"]
    out += _rows(QAEngine.from_documents(xquad.articles()), search, "search")
    return out


def fit(rows: Sequence[Row], prior: float = PRIOR) -> np.ndarray:
    """The weights maximising the mean log-likelihood of ``rows``' labels under the frozen
    logit plus the weighted second-stage row, minus ``prior`` / 2 times their squared norm."""
    offset = np.array([r[0] for r in rows])
    x = np.array([r[1] for r in rows])
    y = np.array([r[2] for r in rows], dtype=float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = offset + x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        ll = -(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)).mean()
        return ll + prior * float(w @ w) / 2, x.T @ (p - y) / len(y) + prior * w

    return minimize(loss, np.zeros(len(CALIBRATION_FEATURES)), jac=True,
                    method="L-BFGS-B").x


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report only; write no model")
    parser.add_argument("--out", type=Path, default=MODEL, help="where to write the model")
    parser.add_argument("--prior", type=float, default=PRIOR)
    args = parser.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != str(SEED):
        os.execve(sys.executable, [sys.executable, __file__, *sys.argv[1:]],
                  {**os.environ, "PYTHONHASHSEED": str(SEED)})
    logs.configure("WARNING")
    rows = gather()
    w = fit(rows, args.prior)
    groups = list(dict.fromkeys(r[3] for r in rows))
    about = {"trained": "python training/train_calibration.py", "prior": args.prior,
             "questions": {g: sum(1 for r in rows if r[3] == g) for g in groups},
             "right": {g: sum(1 for r in rows if r[3] == g and r[2]) for g in groups},
             "aside": {g: sum(1 for r in rows if r[3] == g and r[1][0]) for g in groups}}
    model = Calibration(np.round(w, 6), about)
    print(json.dumps(model.to_json(), indent=2))
    if not args.check:
        write_atomic(args.out, (json.dumps(model.to_json(), indent=1) + "\n").encode())
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
