"""Train qabot's answer selector (``retrieval/models/selector.json``) with scikit-learn.

    python training/train_selector.py            # train, report, write the model
    python training/train_selector.py --check    # train and report only
    python training/train_selector.py --keep-trigger  # ... keeping the English trigger

``--keep-english`` keeps the English model whole (ranker, trigger, threshold, sure level)
from the model file at ``--out`` but for the corpus size it reads small corpora's scores at
(``reading_size`` of its questions' corpora, counted again) and trains the plain model only:
how the shipped file is made since the plain model was last retrained (2026-12-05), the
English ranker being the one ``--keep-trigger`` wrote at a4aa0d5, whose features have moved
since (reading changes), so that a full retrain would change English answers. Run twice, it
writes the same file.

``--keep-trigger`` keeps the English model's trigger, threshold and sure level from the model
file at ``--out`` (the shipped one by default) and trains the rest (the English ranker, the
plain model) as without it. It is how the shipped model is made: its trigger is the one
``git checkout a763c09 && python training/train_selector.py`` writes; a trigger retrained on
today's features abstains on fewer of the documentation sets' unanswerable questions, at any
threshold (docs/benchmarks.md, "Ranker retrained, trigger kept"). Run twice, it writes the same
file.

Reproducible: fixed seeds (string hashing too: the script runs itself again with
``PYTHONHASHSEED=0``), deterministic solvers, the same data in the same order. Trained only
on data whose licence allows a shipped model:

* SQuAD 2.0 (``../shared/benchmarks/squad/``, CC BY-SA 4.0): every paragraph a document; its
  answerable questions teach ranking, its ``is_impossible`` questions and every question of an
  article left out of the corpus teach abstention;
* XQuAD English (``../shared/benchmarks/xquad/xquad.en.json``, CC BY-SA 4.0): likewise, with
  articles left out in four folds;
* qabot's own question sets: the seeds (``tests/data/seed_questions.jsonl``), the two
  documentation corpora (``tests/data/docs_questions.jsonl``, ``docs_more_questions.jsonl``) and
  questions written the way people type them into a search engine about XQuAD's articles, each
  article one document
  (``tests/data/search_questions.jsonl``), their ``tune`` split only.

Of SQuAD and XQuAD only the ``tune`` half of the questions (``retrieval.questions.half``) is used,
so their ``test`` halves, the other splits of the project's sets, and WikiQA (never trained on:
its licence forbids a shipped model) measure it.

A second, *plain* model (``Selector.plain``) is trained the same way on the same questions read
as qabot reads questions in other languages: without English's question types, typo and
framing lists, words of like meaning (their vectors are English; words of like form instead)
and term-coverage rules. It answers questions in other languages, which the first was never
shown, so they are no longer judged by features that are always off for them; it also learns
from the ``tune`` halves of XQuAD in German, Spanish and Russian (the same licence), read in
their own languages, so that it sees how inflection and compounds change what a right answer's
features look like (their ``test`` halves measure it).
In use, each model's trigger (the English one's too) reads the best passage's score of a
corpus smaller than nearly every corpus it learned from (the 5th percentile of its questions'
corpus sizes, ``Selector.passages``, stored with it) as at that size
(``selection.read_score``): questions are often asked of a few documents, whose scores (idf
grows with the log of a corpus's size) it would otherwise read as out of corpus. Training
reads its examples as they are (the trigger is not extrapolated from, only clamped to, the
sizes it learned).

The *ranker* is a conditional (listwise) logistic regression: for each answerable question, the
softmax over its candidate sentences of their linear scores, fitted to put the probability on
the right ones (label: the quote holds a gold answer from a gold source), each question weighing
the same, with an L2 prior centred on the hand-set formula qabot ranked with before (with little
data, it moves from that formula only where the data says so). scikit-learn has no listwise
logistic regression, so this one model is fitted with scipy's L-BFGS; its pairwise form in
scikit-learn (``LogisticRegression`` on differences of right and wrong rows) picked the right
sentence less often on held-out folds (``ranker_cv_top_right``). The *trigger* is a
scikit-learn logistic regression over each question's best candidate (label: it is right; a
question without an answer in the corpus is never right). Its threshold (``best_threshold``) is
chosen on out-of-fold predictions (five folds grouped by question source), so on questions the
trigger did not see, for answer-triggering F1 averaged over the question sets, together with the
term-coverage rules qabot keeps (``selection.rules_met``).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import sklearn
from scipy.optimize import minimize
from scipy.special import logsumexp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import logs  # noqa: E402
from retrieval import ComposerConfig, QAEngine  # noqa: E402
from retrieval.candidates import Candidate, Ranking  # noqa: E402
from retrieval.corpus import Document, load_directory  # noqa: E402
from retrieval.metrics import holds_answer  # noqa: E402
from retrieval.query import parse_query  # noqa: E402
from retrieval.questions import Question, QuestionSet, read_questions  # noqa: E402
from retrieval.selection import (  # noqa: E402
    FEATURES,
    MEANING,
    MODEL_FILE,
    RULES,
    TRIGGER_EXTRA,
    Linear,
    Selector,
    rules_met,
    sigmoid,
    trigger_row,
)
from retrieval.writing import write_atomic  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks"
SQUAD = SHARED / "squad" / "squad2-dev-5articles.json"
XQUAD_EN = SHARED / "xquad" / "xquad.en.json"
MODEL = ROOT / "retrieval" / "models" / MODEL_FILE
SEED = 0
XQUAD_FOLDS = 4
XQUAD_OTHER = ("de", "es", "ru")  # the plain model's: XQuAD in other languages (CC BY-SA 4.0)
SEARCH = ROOT / "tests" / "data" / "search_questions.jsonl"
PRIOR = 0.01  # the L2 weight pulling the ranker towards the hand-set formula
PRIOR_MEANING = 0.3  # ... and its weights on MEANING towards 0 (more of them: held tighter)
# the default threshold is the lowest within this much mean F1 of the best: F1 is flat near its
# best, and a lower threshold answers more of the questions that have an answer
THRESHOLD_SLACK = 0.01
UNSURE_RIGHT = 1 / 3  # an answer is flagged unsure where such answers were right this often


@dataclasses.dataclass(slots=True)
class Example:
    """One question's candidates: their feature rows, which hold the answer, and its group."""

    group: str  # where it is from (for grouped folds and the report)
    answerable: bool  # its answer is in the corpus it was asked of
    rows: np.ndarray  # (candidates, FEATURES + MEANING): what the ranker reads
    right: np.ndarray  # bool per candidate
    top_score: float
    passages: int  # the size of the corpus it was asked of


def hand_selector() -> Selector:
    """A ranker with the hand-set weights qabot used before it learned them (0.55 sentence
    coverage, 0.30 window coverage, 0.15 passage score, 0.08 for evidence), to gather features
    with: the candidates and their features do not depend on the ranker."""
    n = len(FEATURES + MEANING)
    coef = np.zeros(n)
    for name, w in (("cov", 0.55), ("win", 0.30), ("passage_score", 0.15), ("evidence", 0.08)):
        coef[FEATURES.index(name)] = 10 * w
    ranker = Linear(FEATURES + MEANING, np.zeros(n), np.ones(n), coef, -5.0)
    m = len(FEATURES) + len(TRIGGER_EXTRA)
    trigger = Linear(FEATURES + TRIGGER_EXTRA, np.zeros(m), np.ones(m), np.zeros(m), 0.0)
    return Selector(ranker, trigger, 0.0, {"hand": True})


HAND = hand_selector().ranker


def _examples(engine: QAEngine, questions: Iterable[Question], group: str,
             answerable: bool | None = None, sizes_only: bool = False) -> list[Example]:
    """The candidates of each question asked of ``engine``; ``answerable`` overrides whether
    the questions' answers are in its corpus (``False`` for a left-out article); with
    ``sizes_only``, no candidates: only the size of the corpus each question is asked of."""
    out = []
    for q in questions:
        ranking = None if sizes_only else engine.rank(q.text)
        can = bool(q.answers) and not q.impossible if answerable is None else answerable
        if ranking is None:
            out.append(Example(group, can, np.zeros((0, len(FEATURES + MEANING))),
                               np.zeros(0, bool), 0.0, engine.collection.n_passages))
            continue
        qset = set(parse_query(q.text, engine.index, engine.config).terms)
        right = np.array([can and _right(engine, ranking, c, q, qset)
                          for c in ranking.candidates], dtype=bool)
        out.append(Example(group, can, np.array([[*c.features, *c.meaning]
                                                 for c in ranking.candidates]),
                           right, ranking.top_score, engine.collection.n_passages))
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


def gather(hand: Selector, plain: bool = False, sizes_only: bool = False) -> list[Example]:
    """Every training example, in a fixed order; ``plain``: the questions read as questions in
    other languages are (``reading.Reader.read``), for the plain model; ``sizes_only``: without
    candidates (``examples``)."""
    out: list[Example] = []
    examples = functools.partial(_examples, sizes_only=sizes_only)

    def build(docs: Sequence[Document]) -> QAEngine:
        return QAEngine.from_documents(docs, selector=hand, plain=plain)

    others = [(f"xquad_{lang}", SHARED / "xquad" / f"xquad.{lang}.json")
              for lang in XQUAD_OTHER] if plain else []
    for name, path in (("squad", SQUAD), ("xquad", XQUAD_EN), *others):
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
    xquad = read_questions(XQUAD_EN, "squad")
    out += examples(build(xquad.articles()), _tune(read_questions(SEARCH).questions), "search")
    for name, corpus, path in (
            ("seeds", ROOT / "seeds", ROOT / "tests" / "data" / "seed_questions.jsonl"),
            ("docs", ROOT / "tests" / "data" / "docs_corpus",
             ROOT / "tests" / "data" / "docs_questions.jsonl"),
            # the same kind of corpus as docs: one family (``best_threshold``), two groups
            ("docs-more", ROOT / "tests" / "data" / "docs_more",
             ROOT / "tests" / "data" / "docs_more_questions.jsonl")):
        docs, _ = load_directory(corpus)
        qs: QuestionSet = read_questions(path)
        out += examples(build(docs), _tune(qs.questions), name)
    return out


def standardise(exs: Sequence[Example]) -> tuple[np.ndarray, np.ndarray]:
    """The mean and spread of every feature over all candidates (a constant one: spread 1)."""
    x_all = np.concatenate([e.rows for e in exs if len(e.rows)])
    mean, scale = x_all.mean(axis=0), x_all.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return mean, scale


def fit_ranker(exs: Sequence[Example], prior: float = PRIOR,
               prior_meaning: float = PRIOR_MEANING) -> Linear:
    """The listwise ranker: maximise the mean over answerable questions of log P(a right
    candidate), P the softmax of the candidates' scores, minus ``prior`` / 2 times the squared
    distance of the weights from the hand-set formula's (all on standardised features)."""
    mean, scale = standardise(exs)
    lists = [((e.rows - mean) / scale, e.right) for e in exs
             if e.answerable and e.right.any() and not e.right.all()]
    centre = HAND.coef / HAND.scale * scale  # the hand formula on standardised features
    strength = np.array([prior] * len(FEATURES) + [prior_meaning] * len(MEANING))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.0, np.zeros_like(w)
        for z, right in lists:
            s = z @ w
            every, rights = logsumexp(s), logsumexp(s[right])
            total -= rights - every
            grad -= np.exp(s[right] - rights) @ z[right] - np.exp(s - every) @ z
        d = w - centre
        return (total / len(lists) + float((strength * d) @ d) / 2,
                grad / len(lists) + strength * d)

    fit = minimize(loss, centre, jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    # the intercept centres the ranker's logits on the mean candidate (ranking ignores it)
    return Linear(FEATURES + MEANING, mean, scale, fit.x, 0.0)


def fit_linear(x: np.ndarray, y: np.ndarray, w: np.ndarray | None, names: tuple[str, ...],
               c: float) -> Linear:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    model = LogisticRegression(C=c, max_iter=5000, solver="lbfgs", random_state=SEED)
    model.fit((x - mean) / scale, y, sample_weight=w)
    return Linear(names, mean, scale, model.coef_[0].copy(), float(model.intercept_[0]))


def trigger_rows(ranker: Linear, exs: Sequence[Example], rules: bool = False
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per question with candidates: the trigger's row for its best candidate, whether that one
    is right, and its index in ``exs``."""
    rows, labels, where = [], [], []
    for k, e in enumerate(exs):
        if not len(e.rows):
            continue
        logits = ranker.logits(e.rows)
        order = np.argsort(-logits, kind="stable")
        rows.append(trigger_row(e.rows[order[0], : len(FEATURES)], logits[order], e.top_score,
                                rules))
        labels.append(bool(e.right[order[0]]))
        where.append(k)
    return np.array(rows), np.array(labels), np.array(where)


def f1(answered: np.ndarray, right: np.ndarray, answerable: int) -> float:
    """Answer-triggering F1: precision = right answers / answers, recall = right answers /
    answerable questions."""
    hit = int((answered & right).sum())
    prec = hit / answered.sum() if answered.sum() else 0.0
    rec = hit / answerable if answerable else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def best_threshold(p: np.ndarray, right: np.ndarray, rules: np.ndarray, family: np.ndarray,
                   answerable: dict[str, int]) -> tuple[float, float]:
    """The threshold on ``p`` for qabot's decision (it answers when ``p`` reaches it and the
    term-coverage ``rules`` are met): the lowest one whose answer-triggering F1, averaged over
    the question sets (``family`` of each row: every kind of corpus has the same say, however
    many questions it brings), is within ``THRESHOLD_SLACK`` of the best; and that mean F1."""
    grid = [round(float(t), 2) for t in np.linspace(0.0, 0.95, 96)]
    means = [float(np.mean([f1((p[family == f] >= t) & rules[family == f], right[family == f], n)
                            for f, n in answerable.items()])) for t in grid]
    best = max(means)
    pick = next(k for k, m in enumerate(means) if m >= best - THRESHOLD_SLACK)
    return grid[pick], means[pick]


def sure_level(p: np.ndarray, right: np.ndarray, rules: np.ndarray, family: np.ndarray,
               threshold: float) -> float:
    """The confidence below which an answer is flagged as unsure: the highest level (a step of
    0.05) at which the answers given below it (``p`` from ``threshold``, rules met) were right
    at most ``UNSURE_RIGHT`` of the time, averaged over the question sets."""
    level = threshold
    for cut in np.arange(threshold + 0.05, 0.951, 0.05):
        shares = []
        for f in dict.fromkeys(family):
            low = (family == f) & rules & (p >= threshold) & (p < cut)
            if low.any():
                shares.append(float(right[low].mean()))
        if shares and float(np.mean(shares)) <= UNSURE_RIGHT:
            level = float(round(cut, 2))
    return level


def report(name: str, ranker: Linear, exs: Sequence[Example]) -> dict[str, float]:
    answerable = [e for e in exs if e.answerable]
    top_right = sum(1 for e in answerable if len(e.rows)
                    and e.right[int(np.argmax(ranker.logits(e.rows)))])
    return {"questions": len(exs), "answerable": len(answerable),
            "top_right": round(top_right / len(answerable), 4) if answerable else 0.0}


def cv_top_right(exs: Sequence[Example], prior: float, prior_meaning: float, folds: int = 5
                 ) -> tuple[float, float]:
    """Top-1 right on held-out folds of the answerable questions: the ranker fitted on the
    other folds, and the hand-set formula."""
    ans = [e for e in exs if e.answerable and len(e.rows)]
    fold = np.arange(len(ans)) % folds
    learned = 0
    for k in range(folds):
        ranker = fit_ranker([e for e, f in zip(ans, fold, strict=True) if f != k], prior,
                            prior_meaning)
        learned += sum(bool(e.right[int(np.argmax(ranker.logits(e.rows)))])
                       for e, f in zip(ans, fold, strict=True) if f == k)
    hand = sum(bool(e.right[int(np.argmax(HAND.logits(e.rows)))]) for e in ans)
    return learned / len(ans), hand / len(ans)


def train(exs: Sequence[Example], prior: float, prior_meaning: float, c_trig: float,
          gates: bool = True) -> tuple[Selector, dict]:
    """The ranker and trigger, their threshold chosen with the term-coverage rules (``gates``)
    or without them (the plain model's questions are answered without)."""
    learned_cv, hand_cv = cv_top_right(exs, prior, prior_meaning)
    # the ranker that picks the right sentence first more often on held-out questions
    ranker = fit_ranker(exs, prior, prior_meaning) if learned_cv > hand_cv else HAND
    # the plain model's trigger learns how much the term-coverage rules are worth, instead of
    # being gated by them
    tx, ty, where = trigger_rows(ranker, exs, rules=not gates)
    # ... and in use reads the best passage's score of a corpus smaller than 95% of its
    # questions' corpora as at that size (``read_score``: questions are asked of corpora of
    # any size, often a few documents)
    passages = reading_size(exs)
    groups = np.array([exs[k].group for k in where])
    trig_names = FEATURES + TRIGGER_EXTRA + (() if gates else (RULES,))
    # out-of-fold trigger probabilities, to choose the threshold on unseen questions
    oof = np.zeros(len(ty))
    folds = GroupKFold(n_splits=5)
    ids = np.arange(len(ty)) % 5  # interleaved folds within every source
    for train_idx, test_idx in folds.split(tx, ty, groups=[f"{g}:{i}" for g, i in zip(
            groups, ids, strict=True)]):
        m = fit_linear(tx[train_idx], ty[train_idx], None, trig_names, c_trig)
        oof[test_idx] = sigmoid(m.logits(tx[test_idx]))
    rules = np.array([not gates or rules_met(row[: len(FEATURES)], ComposerConfig())
                      for row in tx], dtype=bool)
    family = np.array([exs[k].group.split("-")[0] for k in where])  # "squad-out" is squad's
    answerable = {f: sum(1 for e in exs if e.answerable and e.group.split("-")[0] == f)
                  for f in dict.fromkeys(family)}
    threshold, mean_f1 = best_threshold(oof, ty, rules, family, answerable)
    sure = sure_level(oof, ty, rules, family, threshold)
    trigger = fit_linear(tx, ty, None, trig_names, c_trig)
    about = {
        "trained": "python training/train_selector.py", "scikit-learn": sklearn.__version__,
        "seed": SEED, "ranker_prior": prior, "ranker_prior_meaning": prior_meaning,
        "C_trigger": c_trig,
        "examples": {g: sum(1 for e in exs if e.group == g) for g in dict.fromkeys(
            e.group for e in exs)},
        "out_of_fold_triggering_f1_mean_over_sets": round(mean_f1, 4),
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
    about["sure"] = sure
    if passages:
        about["passages"] = passages
    return Selector(ranker, trigger, threshold, about, sure, passages=passages), about


def reading_size(exs: Sequence[Example]) -> int:
    """The corpus size a model reads the best passage's score of a smaller corpus as at: the
    5th percentile of its questions' corpus sizes (``selection.read_score``)."""
    return int(np.percentile([e.passages for e in exs], 5))


def keep_trigger(trained: Selector, about: dict, kept: Selector) -> tuple[Selector, dict]:
    """``trained`` with ``kept``'s trigger, threshold and sure level."""
    about = {**about, "trigger": "kept from the model it was trained over",
             "sure": kept.sure, "threshold": kept.threshold}
    about.pop("out_of_fold_triggering_f1_mean_over_sets", None)
    return dataclasses.replace(trained, trigger=kept.trigger, threshold=kept.threshold,
                               sure=kept.sure, about=about), about


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report only; write no model")
    parser.add_argument("--out", type=Path, default=MODEL, help="where to write the model")
    parser.add_argument("--prior", type=float, default=PRIOR,
                        help="L2 weight pulling the ranker towards the hand-set formula")
    parser.add_argument("--prior-meaning", type=float, default=PRIOR_MEANING,
                        help="L2 weight pulling the ranker's MEANING weights towards 0")
    parser.add_argument("--c-trigger", type=float, default=1.0)
    parser.add_argument("--keep-trigger", action="store_true",
                        help="keep the English trigger and its levels of the model at --out")
    parser.add_argument("--keep-english", action="store_true",
                        help="keep the English ranker, trigger and levels of the model at --out; "
                             "train the plain model only")
    args = parser.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != str(SEED):
        # sums over sets of terms follow string hashing: fix it so that ties break the same
        os.execve(sys.executable, [sys.executable, __file__, *sys.argv[1:]],
                  {**os.environ, "PYTHONHASHSEED": str(SEED)})
    logs.configure("WARNING")
    np.random.seed(SEED)
    started = time.perf_counter()
    kept = Selector.load(args.out) if args.keep_trigger or args.keep_english else None
    if args.keep_english and kept is not None:
        about = {k: v for k, v in kept.about.items() if k != "plain"}
        about["passages"] = reading_size(gather(hand_selector(), sizes_only=True))
        selector = dataclasses.replace(kept, passages=about["passages"])
    else:
        exs = gather(hand_selector())
        selector, about = train(exs, args.prior, args.prior_meaning, args.c_trigger)
        if kept is not None:
            selector, about = keep_trigger(selector, about, kept)
    plain, about["plain"] = train(gather(hand_selector(), plain=True), args.prior,
                                  args.prior_meaning, args.c_trigger, gates=False)
    selector = dataclasses.replace(selector, plain=dataclasses.replace(plain, about={}),
                                   about=about)
    print(json.dumps(about, indent=2))
    # (the time is printed, not stored: two runs write the same file, byte for byte)
    print(f"trained in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if not args.check:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(args.out, (json.dumps(selector.to_json(), indent=1) + "\n").encode())
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
