"""Running a question set through qabot: what it retrieved, what it quoted, how long it took.

Questions come from ``retrieval.questions``; ``run`` records one ``Outcome`` per question and
``run_holdout`` does the same with each article left out of the corpus in turn.
``retrieval.metrics`` turns outcomes into scores.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from .answer import Answer, Hit
from .corpus import Document
from .errors import QuestionFileError
from .questions import Expect, Question, QuestionSet

SEARCH_DEPTH = 10  # documents ranked per question for R@k and MRR
PASSAGE_DEPTH = 30  # passages fetched to find SEARCH_DEPTH distinct documents


# --- running --------------------------------------------------------------------------------


class Engine(Protocol):
    """What evaluation needs of an engine (``QAEngine`` has it)."""

    def search(self, query: str, k: int = 10) -> list[Hit]: ...

    def ask(self, question: str, *, top_k: int | None = None) -> Answer: ...

    def passage(self, passage: int) -> str: ...


@dataclass(frozen=True, slots=True)
class Retrieved:
    """A retrieved passage: its document, text and score."""

    doc_id: str
    text: str
    score: float


@dataclass(frozen=True, slots=True)
class Quoted:
    """A sentence an answer quoted, and the document it is from."""

    text: str
    source: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a system did with one question: what it retrieved, what it said, how long it took."""

    question: Question
    expect: Expect
    retrieved: tuple[Retrieved, ...]
    answered: bool
    quotes: tuple[Quoted, ...]
    seconds: float
    fold: str | None = None  # the left-out article in holdout mode

    @property
    def top_score(self) -> float:
        return self.retrieved[0].score if self.retrieved else 0.0


Progress = Callable[[int, int], None]


def run(
    engine: Engine,
    questions: Sequence[Question],
    *,
    expect: Callable[[Question], Expect] | None = None,
    fold: str | None = None,
    progress: Progress | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> list[Outcome]:
    """Ask ``engine`` every question; ``expect`` overrides what each question expects."""
    outcomes = []
    for i, q in enumerate(questions, start=1):
        started = clock()
        answer = engine.ask(q.text)  # first, so that its time includes any cold cache
        seconds = clock() - started
        hits = engine.search(q.text, k=PASSAGE_DEPTH)
        outcomes.append(Outcome(
            question=q,
            expect=expect(q) if expect else q.expect,
            retrieved=tuple(Retrieved(h.doc_id, engine.passage(h.passage), h.score) for h in hits),
            answered=answer.answered,
            quotes=tuple(Quoted(s.text, s.source) for s in answer.sentences),
            seconds=seconds,
            fold=fold,
        ))
        if progress:
            progress(i, len(questions))
    return outcomes


@dataclass(frozen=True, slots=True)
class Fold:
    """One article left out: the corpus without it, and the questions to ask."""

    article: str
    documents: tuple[Document, ...]
    out_of_corpus: tuple[Question, ...]  # every question of the left-out article
    in_corpus: tuple[Question, ...]  # the answerable questions of the other articles

    def expect(self, q: Question) -> Expect:
        return "abstain" if q.article == self.article else q.expect

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.out_of_corpus + self.in_corpus


def holdout_folds(qset: QuestionSet) -> Iterator[Fold]:
    """Leave each article out in turn (SQuAD): its questions must then be abstained."""
    articles = list(dict.fromkeys(q.article for q in qset.questions if q.article))
    if len(articles) < 2:
        raise QuestionFileError("--holdout-article needs a SQuAD file with at least two articles")
    for a in articles:
        yield Fold(
            article=a,
            documents=tuple(d for d in qset.documents if qset.article_of.get(d.id) != a),
            out_of_corpus=tuple(q for q in qset.questions if q.article == a),
            in_corpus=tuple(q for q in qset.questions if q.article != a and q.expect == "answer"),
        )


def run_holdout(
    qset: QuestionSet,
    build: Callable[[Sequence[Document]], Engine],
    progress: Callable[[str], Progress] | None = None,
) -> list[Outcome]:
    """Every fold of ``holdout_folds``: ``build`` an engine without the article, ask, record."""
    outcomes: list[Outcome] = []
    for fold in holdout_folds(qset):
        outcomes += run(build(fold.documents), fold.questions, expect=fold.expect,
                        fold=fold.article, progress=progress(fold.article) if progress else None)
    return outcomes


__all__ = [
    "Engine", "Fold", "Outcome", "Quoted", "Retrieved", "holdout_folds", "run", "run_holdout",
]
