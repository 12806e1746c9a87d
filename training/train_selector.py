"""Train qabot's answer selector (``retrieval/models/selector.json``) with scikit-learn.

    python training/train_selector.py            # train, report, write the model
    python training/train_selector.py --check    # train and report only

Reproducible: fixed seeds (string hashing too: the script runs itself again with
``PYTHONHASHSEED=0``), deterministic solvers, the same data in the same order. Trained only
on data whose licence allows a shipped model:

* SQuAD 2.0 (``../shared/benchmarks/squad/``, CC BY-SA 4.0): every paragraph a document; its
  answerable questions teach ranking, its ``is_impossible`` questions and every question of an
  article left out of the corpus teach abstention;
* XQuAD English (``../shared/benchmarks/xquad/xquad.en.json``, CC BY-SA 4.0): likewise, with
  articles left out in four folds;
* qabot's own question sets: the seeds (``tests/data/seed_questions.jsonl``) and the
  documentation corpus (``tests/data/docs_questions.jsonl``), their ``tune`` split only.

Of SQuAD and XQuAD only the ``tune`` half of the questions (``retrieval.questions.half``) is used,
so their ``test`` halves, the other splits of the project's sets, and WikiQA (never trained on:
its licence forbids a shipped model) measure it.

The *ranker* is a logistic regression over every candidate sentence of the answerable questions
(label: the quote holds a gold answer from a gold source), each question weighing the same. The
*trigger* is a logistic regression over each question's best candidate (label: it is right; a
question without an answer in the corpus is never right). Its threshold is the one that
maximises answer-triggering F1 on out-of-fold predictions (five folds grouped by question
source), so it is chosen on questions the trigger did not see.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import logs  # noqa: E402
from retrieval import QAEngine  # noqa: E402
from retrieval.corpus import Document, load_directory  # noqa: E402
from retrieval.metrics import holds_answer  # noqa: E402
from retrieval.query import parse_query  # noqa: E402
from retrieval.questions import Question, QuestionSet, read_questions  # noqa: E402
from retrieval.ranking import Candidate, Ranking  # noqa: E402
from retrieval.selection import (  # noqa: E402
    FEATURES,
    MODEL_FILE,
    TRIGGER_EXTRA,
    Linear,
    Selector,
    sigmoid,
    trigger_row,
)

SHARED = ROOT.parent / "shared" / "benchmarks"
SQUAD = SHARED / "squad" / "squad2-dev-5articles.json"
XQUAD_EN = SHARED / "xquad" / "xquad.en.json"
MODEL = ROOT / "retrieval" / "models" / MODEL_FILE
SEED = 0
XQUAD_FOLDS = 4
HARD = 10  # the wrong candidates a right one is paired with: the ones the hand ranker put first


@dataclasses.dataclass(slots=True)
class Example:
    """One question's candidates: their feature rows, which hold the answer, and its group."""

    group: str  # where it is from (for grouped folds and the report)
    answerable: bool  # its answer is in the corpus it was asked of
    rows: np.ndarray  # (candidates, FEATURES)
    right: np.ndarray  # bool per candidate
    top_score: float


def hand_selector() -> Selector:
    """A ranker with the hand-set weights qabot used before it learned them (0.55 sentence
    coverage, 0.30 window coverage, 0.15 passage score, 0.08 for evidence), to gather features
    with: the candidates and their features do not depend on the ranker."""
    n = len(FEATURES)
    coef = np.zeros(n)
    for name, w in (("cov", 0.55), ("win", 0.30), ("passage_score", 0.15), ("evidence", 0.08)):
        coef[FEATURES.index(name)] = 10 * w
    ranker = Linear(FEATURES, np.zeros(n), np.ones(n), coef, -5.0)
    m = n + len(TRIGGER_EXTRA)
    trigger = Linear(FEATURES + TRIGGER_EXTRA, np.zeros(m), np.ones(m), np.zeros(m), 0.0)
    return Selector(ranker, trigger, 0.0, {"hand": True})


HAND = hand_selector().ranker


def examples(engine: QAEngine, questions: Iterable[Question], group: str,
             answerable: bool | None = None) -> list[Example]:
    """The candidates of each question asked of ``engine``; ``answerable`` overrides whether
    the questions' answers are in its corpus (``False`` for a left-out article)."""
    out = []
    for q in questions:
        ranking = engine.rank(q.text)
        can = bool(q.answers) and not q.impossible if answerable is None else answerable
        if ranking is None:
            out.append(Example(group, can, np.zeros((0, len(FEATURES))), np.zeros(0, bool), 0.0))
            continue
        qset = set(parse_query(q.text, engine.index, engine.config).terms)
        right = np.array([can and _right(engine, ranking, c, q, qset)
                          for c in ranking.candidates], dtype=bool)
        out.append(Example(group, can, np.array([c.features for c in ranking.candidates]),
                           right, ranking.top_score))
    return out


def _right(engine: QAEngine, ranking: Ranking, c: Candidate, q: Question, qset: set[str]
           ) -> bool:
    """Whether candidate ``c`` is a right answer: what qabot would quote for it (bounded, as
    shown, with the question's terms ``qset`` marked) holds a gold answer, and it is from a
    gold source."""
    if q.sources and engine.collection.source_of(c.sentence.passage).id not in q.sources:
        return False
    return holds_answer(ranking.quote(c, qset)[0], q.answers)


def _tune(qs: Iterable[Question]) -> list[Question]:
    return [q for q in qs if q.split == "tune"]


def gather(hand: Selector) -> list[Example]:
    """Every training example, in a fixed order."""
    out: list[Example] = []

    def build(docs: Sequence[Document]) -> QAEngine:
        return QAEngine.from_documents(docs, selector=hand)

    for name, path in (("squad", SQUAD), ("xquad", XQUAD_EN)):
        qset = read_questions(path, "squad")
        tune = _tune(qset.questions)
        out += examples(build(qset.documents), tune, name)
        articles = list(dict.fromkeys(q.article for q in qset.questions))
        folds = ([[a] for a in articles] if name == "squad"
                 else [articles[k::XQUAD_FOLDS] for k in range(XQUAD_FOLDS)])
        for left in folds:
            kept = [d for d in qset.documents if qset.article_of[d.id] not in left]
            out += examples(build(kept), [q for q in tune if q.article in left], f"{name}-out",
                            answerable=False)
    for name, corpus, path in (
            ("seeds", ROOT / "seeds", ROOT / "tests" / "data" / "seed_questions.jsonl"),
            ("docs", ROOT / "tests" / "data" / "docs_corpus",
             ROOT / "tests" / "data" / "docs_questions.jsonl")):
        docs, _ = load_directory(corpus)
        qs: QuestionSet = read_questions(path)
        out += examples(build(docs), _tune(qs.questions), name)
    return out


def pairs(exs: Sequence[Example], scale: np.ndarray) -> tuple[np.ndarray, np.ndarray,
                                                              np.ndarray]:
    """The pairwise transform (Herbrich et al., 2000): for each answerable question with a right
    and a wrong candidate, the differences right - wrong (label 1) and wrong - right (label 0)
    of their standardised rows, every question weighing the same. A logistic regression on
    them without intercept ranks candidates within a question, which is what choosing the first
    quote needs (a pointwise fit learns which sentences are right across questions)."""
    xs, ys, ws = [], [], []
    for e in exs:
        if not e.answerable or not e.right.any() or e.right.all():
            continue
        z = e.rows / scale
        hand = HAND.logits(e.rows)
        wrong = np.flatnonzero(~e.right)
        wrong = wrong[np.argsort(-hand[wrong], kind="stable")[:HARD]]
        pos, neg = z[e.right], z[wrong]
        d = (pos[:, None, :] - neg[None, :, :]).reshape(-1, z.shape[1])
        w = np.full(len(d), 1.0 / len(d))
        xs += [d, -d]
        ys += [np.ones(len(d), bool), np.zeros(len(d), bool)]
        ws += [w, w]
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(ws)


def fit_ranker(exs: Sequence[Example], c: float) -> Linear:
    x_all = np.concatenate([e.rows for e in exs if len(e.rows)])
    mean = x_all.mean(axis=0)
    scale = x_all.std(axis=0)
    scale[scale < 1e-9] = 1.0
    x, y, w = pairs(exs, scale)
    model = LogisticRegression(C=c, max_iter=5000, solver="lbfgs", fit_intercept=False,
                               random_state=SEED)
    model.fit(x, y, sample_weight=w * len(exs))
    coef = model.coef_[0].copy()
    # the intercept centres the ranker's logits on the mean candidate (ranking ignores it)
    return Linear(FEATURES, mean, scale, coef, 0.0)


def fit_linear(x: np.ndarray, y: np.ndarray, w: np.ndarray | None, names: tuple[str, ...],
               c: float) -> Linear:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    model = LogisticRegression(C=c, max_iter=5000, solver="lbfgs", random_state=SEED)
    model.fit((x - mean) / scale, y, sample_weight=w)
    return Linear(names, mean, scale, model.coef_[0].copy(), float(model.intercept_[0]))


def trigger_rows(ranker: Linear, exs: Sequence[Example]) -> tuple[np.ndarray, np.ndarray,
                                                                   np.ndarray]:
    """Per question with candidates: the trigger's row for its best candidate, whether that one
    is right, and its index in ``exs``."""
    rows, labels, where = [], [], []
    for k, e in enumerate(exs):
        if not len(e.rows):
            continue
        logits = ranker.logits(e.rows)
        order = np.argsort(-logits, kind="stable")
        rows.append(trigger_row(e.rows[order[0]], logits[order], e.top_score))
        labels.append(bool(e.right[order[0]]))
        where.append(k)
    return np.array(rows), np.array(labels), np.array(where)


def best_threshold(p: np.ndarray, right: np.ndarray, answerable: int) -> tuple[float, float]:
    """The threshold on ``p`` that maximises answer-triggering F1, and that F1."""
    best = (0.5, 0.0)
    for t in np.linspace(0.05, 0.95, 91):
        answered = p >= t
        hit = int((answered & right).sum())
        prec = hit / answered.sum() if answered.sum() else 0.0
        rec = hit / answerable if answerable else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if f1 > best[1] + 1e-12:
            best = (float(round(t, 2)), f1)
    return best


def report(name: str, ranker: Linear, exs: Sequence[Example]) -> dict[str, float]:
    answerable = [e for e in exs if e.answerable]
    top_right = sum(1 for e in answerable if len(e.rows)
                    and e.right[int(np.argmax(ranker.logits(e.rows)))])
    return {"questions": len(exs), "answerable": len(answerable),
            "top_right": round(top_right / len(answerable), 4) if answerable else 0.0}


def cv_top_right(exs: Sequence[Example], c: float, folds: int = 5) -> tuple[float, float]:
    """Top-1 right on held-out folds of the answerable questions: the pairwise ranker fitted
    on the other folds, and the hand-set formula."""
    ans = [e for e in exs if e.answerable and len(e.rows)]
    fold = np.arange(len(ans)) % folds
    learned = 0
    for k in range(folds):
        ranker = fit_ranker([e for e, f in zip(ans, fold, strict=True) if f != k], c)
        learned += sum(bool(e.right[int(np.argmax(ranker.logits(e.rows)))])
                       for e, f in zip(ans, fold, strict=True) if f == k)
    hand = sum(bool(e.right[int(np.argmax(HAND.logits(e.rows)))]) for e in ans)
    return learned / len(ans), hand / len(ans)


def train(exs: Sequence[Example], c_rank: float, c_trig: float) -> tuple[Selector, dict]:
    learned_cv, hand_cv = cv_top_right(exs, c_rank)
    # the ranker that picks the right sentence first more often on held-out questions
    ranker = fit_ranker(exs, c_rank) if learned_cv > hand_cv else HAND
    tx, ty, where = trigger_rows(ranker, exs)
    groups = np.array([exs[k].group for k in where])
    trig_names = FEATURES + TRIGGER_EXTRA
    # out-of-fold trigger probabilities, to choose the threshold on unseen questions
    oof = np.zeros(len(ty))
    folds = GroupKFold(n_splits=5)
    ids = np.arange(len(ty)) % 5  # interleaved folds within every source
    for train_idx, test_idx in folds.split(tx, ty, groups=[f"{g}:{i}" for g, i in zip(
            groups, ids, strict=True)]):
        m = fit_linear(tx[train_idx], ty[train_idx], None, trig_names, c_trig)
        oof[test_idx] = sigmoid(m.logits(tx[test_idx]))
    answerable = sum(1 for e in exs if e.answerable)
    threshold, f1 = best_threshold(oof, ty, answerable)
    trigger = fit_linear(tx, ty, None, trig_names, c_trig)
    about = {
        "trained": "python training/train_selector.py", "scikit-learn": sklearn.__version__,
        "seed": SEED, "C_ranker": c_rank, "C_trigger": c_trig,
        "examples": {g: sum(1 for e in exs if e.group == g) for g in dict.fromkeys(
            e.group for e in exs)},
        "out_of_fold_triggering_f1": round(f1, 4),
        "ranker": "learned" if ranker is not HAND else "hand-set formula",
        "ranker_cv_top_right": {"learned": round(learned_cv, 4), "hand": round(hand_cv, 4)},
        "ranker_top_right": {g: report(g, ranker, [e for e in exs if e.group == g])["top_right"]
                             for g in dict.fromkeys(e.group for e in exs)
                             if any(e.answerable for e in exs if e.group == g)},
        "hand_top_right": {g: report(g, hand_selector().ranker,
                                     [e for e in exs if e.group == g])["top_right"]
                           for g in dict.fromkeys(e.group for e in exs)
                           if any(e.answerable for e in exs if e.group == g)},
    }
    return Selector(ranker, trigger, threshold, about), about


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report only; write no model")
    parser.add_argument("--out", type=Path, default=MODEL, help="where to write the model")
    parser.add_argument("--c-ranker", type=float, default=1.0)
    parser.add_argument("--c-trigger", type=float, default=1.0)
    args = parser.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != str(SEED):
        # sums over sets of terms follow string hashing: fix it so that ties break the same
        os.execve(sys.executable, [sys.executable, __file__, *sys.argv[1:]],
                  {**os.environ, "PYTHONHASHSEED": str(SEED)})
    logs.configure("WARNING")
    np.random.seed(SEED)
    started = time.perf_counter()
    exs = gather(hand_selector())
    selector, about = train(exs, args.c_ranker, args.c_trigger)
    about["seconds"] = round(time.perf_counter() - started)
    print(json.dumps(about, indent=2))
    if not args.check:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        tmp = args.out.with_suffix(".tmp")
        tmp.write_text(json.dumps(selector.to_json(), indent=1) + "\n", encoding="utf-8")
        tmp.replace(args.out)
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
