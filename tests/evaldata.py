"""Question sets and outcomes built by hand, shared by the evaluation tests."""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import structlog

from retrieval.evaluation import Outcome, Quoted, Retrieved
from retrieval.questions import Question

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_QUESTIONS = ROOT / "tests" / "data" / "seed_questions.jsonl"

# A three-document corpus with one fact per sentence.
TEXTS = {
    "foxes": "Red foxes hunt voles in open meadows at dusk. A fox den has several entrances.",
    "owls": "Barn owls nest in old barns and hollow trees. They swallow mice whole.",
    "bees": "Honey bees build wax combs inside hives. A colony overwinters as a cluster.",
}


def squad(*articles: tuple[str, list[tuple[str, list[tuple[str, str, list[str], bool]]]]]) -> dict:
    """A SQuAD 2.0 object from (title, [(context, [(id, question, answers, impossible)])])."""
    return {"version": "v2.0", "data": [
        {"title": title, "paragraphs": [
            {"context": ctx, "qas": [
                {"id": qid, "question": q, "is_impossible": imp,
                 "answers": [{"text": a, "answer_start": ctx.find(a)} for a in answers]}
                for qid, q, answers, imp in qas]}
            for ctx, qas in paragraphs]}
        for title, paragraphs in articles]}


def outcome(
    q: Question,
    retrieved: Sequence[tuple[str, str]] = (),
    quotes: Sequence[tuple[str, str]] = (),
    *,
    answered: bool | None = None,
    seconds: float = 0.001,
    expect: str | None = None,
    scores: list[float] | None = None,
) -> Outcome:
    """An outcome of ``q``: (doc, text) passages with falling scores, (text, source) quotes."""
    scores = scores or [10.0 - i for i in range(len(retrieved))]
    return Outcome(
        question=q,
        expect=expect or q.expect,  # type: ignore[arg-type]
        retrieved=tuple(Retrieved(d, t, s) for (d, t), s in zip(retrieved, scores, strict=True)),
        answered=bool(quotes) if answered is None else answered,
        quotes=tuple(Quoted(t, s) for t, s in quotes),
        seconds=seconds,
    )


@contextmanager
def logging_restored() -> Iterator[None]:
    """Put structlog and stdlib logging back as they were: an in-process ``main`` points them at
    the test's captured stderr, which is closed once the test ends."""
    saved = structlog.get_config()
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        yield
    finally:
        structlog.configure(**saved)
        root.handlers[:] = handlers
        root.setLevel(level)


@contextmanager
def benchmark_module(script: str, name: str) -> Iterator[ModuleType]:
    """The script ``benchmarks/<script>`` loaded as module ``name`` (registered while in use:
    dataclasses look their module up by name)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[name]
