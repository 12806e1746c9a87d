"""Quality metrics over the outcomes of ``retrieval.evaluation.run`` (pure functions).

Metrics (``summarize``), over the questions that have a gold answer:

* ``R@k``: the share whose first gold document is among the first ``k`` distinct documents of
  ``QAEngine.search`` (when a question lists no sources: the first passage holding an answer);
  ``MRR@10``: the mean of ``1 / rank`` of that document, 0 beyond rank 10.
* ``passage R@k``: a gold *passage*, one from a gold source that holds a gold answer, is among the
  first ``k`` passages.
* ``acc@k``: one of the first ``k`` sentences of the answer holds a gold answer (case-insensitive,
  whitespace and quote marks normalised) and is quoted from a gold source when sources are given.
  An abstention is wrong.
* abstention: precision and recall of abstaining, where the questions that must be abstained are
  the ones without an answer (and, in ``holdout`` folds, those of the left-out article); plus the
  share of answerable questions wrongly abstained.
* latency: median and 95th percentile of the wall time of ``QAEngine.ask`` per question.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .evaluation import SEARCH_DEPTH, Outcome, Retrieved
from .questions import Question

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalize(text: str) -> str:
    """Case-folded text with runs of whitespace collapsed and curly quotes made straight."""
    text = text.translate(_QUOTES)
    return " ".join(text.casefold().split())


def holds_answer(text: str, answers: Iterable[str]) -> bool:
    """Whether ``text`` contains one of ``answers`` (after ``normalize``)."""
    t = normalize(text)
    return any(normalize(a) in t for a in answers if a.strip())


def ranked_documents(retrieved: Sequence[Retrieved], depth: int = SEARCH_DEPTH) -> list[str]:
    """The distinct documents of the retrieved passages, best first, at most ``depth``."""
    return list(dict.fromkeys(r.doc_id for r in retrieved))[:depth]


def _gold_passage(r: Retrieved, q: Question) -> bool:
    return (not q.sources or r.doc_id in q.sources) and holds_answer(r.text, q.answers)


def document_rank(o: Outcome) -> int | None:
    """1-based rank of the first gold document (first answer-holding passage without sources)."""
    q = o.question
    if not q.sources:
        return passage_rank(o)
    for i, doc in enumerate(ranked_documents(o.retrieved), start=1):
        if doc in q.sources:
            return i
    return None


def passage_rank(o: Outcome) -> int | None:
    """1-based rank of the first retrieved passage from a gold source that holds an answer."""
    for i, r in enumerate(o.retrieved, start=1):
        if _gold_passage(r, o.question):
            return i
    return None


def correct_at(o: Outcome, k: int) -> bool:
    """Whether one of the first ``k`` quoted sentences holds a gold answer from a gold source."""
    q = o.question
    return o.answered and any(
        holds_answer(s.text, q.answers) and (not q.sources or s.source in q.sources)
        for s in o.quotes[:k]
    )


def recall_at(ranks: Sequence[int | None], k: int) -> float | None:
    """Share of ranks at or above ``k`` (``None`` when there is no rank to count)."""
    return _share(sum(r is not None and r <= k for r in ranks), len(ranks))


def mrr_at(ranks: Sequence[int | None], k: int = SEARCH_DEPTH) -> float | None:
    """Mean reciprocal rank, counting ranks beyond ``k`` (or missing) as 0."""
    if not ranks:
        return None
    return sum(1.0 / r for r in ranks if r is not None and r <= k) / len(ranks)


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q``-th percentile (0-100) by linear interpolation between closest ranks."""
    if not values:
        return None
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def _share(count: int, total: int) -> float | None:
    return count / total if total else None


@dataclass(frozen=True, slots=True)
class Scores:
    """The quality metrics of a set of outcomes (``None`` where nothing could be counted)."""

    questions: int
    answerable: int
    r1: float | None
    r5: float | None
    mrr10: float | None
    passage_r1: float | None
    passage_r5: float | None
    acc1: float | None
    acc3: float | None
    wrongly_abstained: float | None  # share of answerable questions abstained
    must_abstain: int
    abstain_precision: float | None
    abstain_recall: float | None  # share of must-abstain questions abstained
    impossible: int
    impossible_abstained: float | None
    latency_p50_ms: float | None
    latency_p95_ms: float | None


def summarize(outcomes: Sequence[Outcome]) -> Scores:
    """Every metric of the module docstring over ``outcomes``."""
    ans = [o for o in outcomes if o.expect == "answer"]
    must = [o for o in outcomes if o.expect == "abstain"]
    imp = [o for o in outcomes if o.expect == "impossible"]
    doc_ranks = [document_rank(o) for o in ans]
    passage_ranks = [passage_rank(o) for o in ans]
    abstained = [o for o in ans + must if not o.answered]
    ms = [o.seconds * 1000.0 for o in outcomes]
    return Scores(
        questions=len(outcomes),
        answerable=len(ans),
        r1=recall_at(doc_ranks, 1),
        r5=recall_at(doc_ranks, 5),
        mrr10=mrr_at(doc_ranks, 10),
        passage_r1=recall_at(passage_ranks, 1),
        passage_r5=recall_at(passage_ranks, 5),
        acc1=_share(sum(correct_at(o, 1) for o in ans), len(ans)),
        acc3=_share(sum(correct_at(o, 3) for o in ans), len(ans)),
        wrongly_abstained=_share(sum(not o.answered for o in ans), len(ans)),
        must_abstain=len(must),
        abstain_precision=_share(sum(o.expect == "abstain" for o in abstained), len(abstained))
        if must else None,
        abstain_recall=_share(sum(not o.answered for o in must), len(must)),
        impossible=len(imp),
        impossible_abstained=_share(sum(not o.answered for o in imp), len(imp)),
        latency_p50_ms=percentile(ms, 50),
        latency_p95_ms=percentile(ms, 95),
    )


GroupKey = Callable[[Outcome], str | None]

GROUPINGS: dict[str, GroupKey] = {
    "split": lambda o: o.question.split,
    "kind": lambda o: o.question.kind,
    "article": lambda o: o.question.article,
    "lang": lambda o: o.question.lang,
    "fold": lambda o: o.fold,
}


def summarize_groups(outcomes: Sequence[Outcome], by: str = "split") -> dict[str, Scores]:
    """``{"all": scores, <group>: scores, ...}``, groups in order of first appearance."""
    key = GROUPINGS[by]
    groups: dict[str, list[Outcome]] = {}
    for o in outcomes:
        g = key(o)
        if g is not None:
            groups.setdefault(g, []).append(o)
    out = {"all": summarize(outcomes)}
    if len(groups) > 1 or (groups and sum(map(len, groups.values())) < len(outcomes)):
        out.update((g, summarize(os)) for g, os in groups.items())
    return out


def detail(o: Outcome) -> dict[str, object]:
    """One outcome as a JSON-ready row, to see which questions fail and how."""
    q = o.question
    return {
        "id": q.id, "question": q.text, "expect": o.expect, "fold": o.fold,
        "split": q.split, "kind": q.kind, "lang": q.lang, "answers": list(q.answers),
        "sources": list(q.sources),
        "answered": o.answered, "correct@1": correct_at(o, 1), "correct@3": correct_at(o, 3),
        "document_rank": document_rank(o) if o.expect == "answer" else None,
        "top_document": o.retrieved[0].doc_id if o.retrieved else None,
        "top_score": round(o.top_score, 4),
        "quotes": [{"text": s.text, "source": s.source} for s in o.quotes],
        "ms": round(o.seconds * 1000.0, 3),
    }


@dataclass(frozen=True, slots=True)
class Threshold:
    """A plain score threshold as an abstention rule, set to keep a share of answerable ones."""

    kept: float  # share of in-corpus answerable questions whose top score reaches ``score``
    score: float
    out_abstained: float | None  # share of out-of-corpus questions below ``score``


def threshold_at(outcomes: Sequence[Outcome], kept: float = 0.9) -> Threshold | None:
    """The top-passage score threshold that keeps ``kept`` of the answerable questions, and the
    share of must-abstain questions it would abstain on (the baseline for the composer)."""
    ans = sorted(o.top_score for o in outcomes if o.expect == "answer")
    out = [o.top_score for o in outcomes if o.expect == "abstain"]
    if not ans:
        return None
    must_keep = math.ceil(kept * len(ans) - 1e-9)  # the epsilon absorbs 0.9 * 10 = 9.000...02
    cut = ans[min(len(ans) - 1, max(0, len(ans) - must_keep))]
    return Threshold(kept, cut, _share(sum(s < cut for s in out), len(out)))


@dataclass(frozen=True, slots=True)
class Report:
    """Scores by group, and in holdout mode the score-threshold baseline."""

    groups: dict[str, Scores]
    by: str
    threshold: Threshold | None = None


__all__ = [
    "Report", "Scores", "Threshold", "correct_at", "detail", "document_rank", "holds_answer",
    "mrr_at", "normalize", "passage_rank", "percentile", "ranked_documents", "recall_at",
    "summarize", "summarize_groups", "threshold_at",
]
