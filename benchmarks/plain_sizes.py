"""The plain model's abstention by corpus size: XQuAD's ``test`` half in German, Spanish and
Russian asked of small corpora, with the shipped selector and with it reading scores as they are.

    python benchmarks/plain_sizes.py
    python benchmarks/plain_sizes.py --languages en    # the English model, on XQuAD English

**XQuAD** (``../shared/benchmarks/xquad/``, CC BY-SA 4.0; only its ``test`` half of the
questions, which no model was trained on). Sub-corpora of each language: its articles in runs of
three, one paragraph of each left out (about 12 passages), and each article alone, one paragraph
left out (4 passages). Per size: the kept paragraphs' questions (acc@1 and the share abstained of
those answerable), the left-out paragraphs' questions (out of corpus but *on the corpus's
topic*, as a small corpus's unanswerable questions are: the share abstained) and the next
articles' questions (out of corpus and off its topic: the share abstained); and the full corpus
(every paragraph), its answerable questions only. Questions in other languages are answered by
the selector's plain model, which reads the best passage's score of a corpus smaller than nearly
every corpus it learned from as at that size (``selection.read_score``); ``as is`` is the same
model with that reading off.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout

from bot import logs  # noqa: E402
from retrieval import QAEngine  # noqa: E402
from retrieval.corpus import Document  # noqa: E402
from retrieval.evaluation import run  # noqa: E402
from retrieval.metrics import correct_at  # noqa: E402
from retrieval.questions import Question, QuestionSet, half, read_questions  # noqa: E402
from retrieval.selection import Selector, bundled  # noqa: E402

XQUAD = ROOT.parent / "shared" / "benchmarks" / "xquad"
LANGUAGES = ("de", "es", "ru")
RUNS = (3, 1)  # articles a sub-corpus holds


def _articles(qset: QuestionSet) -> dict[str, list[Document]]:
    out: dict[str, list[Document]] = {}
    for d in qset.documents:
        out.setdefault(qset.article_of[d.id], []).append(d)
    return out


def _test(qset: QuestionSet, keep: Callable[[Question], bool]) -> list[Question]:
    return [q for q in qset.questions if half(q.id) == "test" and keep(q)]


def measure(lang: str, size: int, selector: Selector) -> tuple[int, int, int, int, int, int, int]:
    """Answerable questions, right first quotes, answerable abstained; on-topic out-of-corpus
    questions and those abstained; off-topic ones and those abstained (``size`` articles a
    corpus; 0: the full corpus, answerable questions only)."""
    qset = read_questions(XQUAD / f"xquad.{lang}.json", "squad")
    paras = _articles(qset)
    names = list(paras)
    groups = ([(names, set(), [])] if size == 0 else [])
    for g in range(0, len(names) if size else 0, size or 1):
        group = names[g:g + size]
        left = {paras[a][k % len(paras[a])].id for k, a in enumerate(group, g)}
        after = names[(g + size) % len(names):(g + size) % len(names) + size]
        groups.append((group, left, after))
    counts = [0] * 7
    for group, left, after in groups:
        docs = [d for a in group for d in paras[a] if d.id not in left]
        engine = QAEngine.from_documents(docs, selector=selector)
        inside = run(engine, _test(qset, lambda q, g=group, lo=left: q.article in g
                                   and not set(q.sources) & lo))
        counts[0] += len(inside)
        counts[1] += sum(correct_at(o, 1) for o in inside)
        counts[2] += sum(not o.answered for o in inside)
        near = _test(qset, lambda q, lo=left: bool(set(q.sources) & lo))
        far = _test(qset, lambda q, a=after: q.article in a)
        for k, qs in ((3, near), (5, far)):
            counts[k] += len(qs)
            counts[k + 1] += sum(not engine.ask(q.text).answered for q in qs)
    return (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6])


def _share(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES), metavar="LANG",
                        help="XQuAD languages, summed (en alone: the English model)")
    args = parser.parse_args(argv)
    logs.configure("ERROR")
    started = time.perf_counter()
    shipped = bundled()
    assert shipped.plain is not None
    as_is = dataclasses.replace(shipped, passages=0,
                                plain=dataclasses.replace(shipped.plain, passages=0))
    english = args.languages == ["en"]
    reference = shipped.passages if english else shipped.plain.passages
    print("| model | corpus | acc@1 | answerable abstained | on topic abstained "
          "| off topic abstained |")
    print("|---|---|---|---|---|---|")
    for name, selector in (("as is", as_is), (f"read at {reference}", shipped)):
        for size, label in ((0, "full"), *((s, f"{s} article(s)") for s in RUNS)):
            total = [0] * 7
            for lang in args.languages:
                total = [a + b for a, b in zip(total, measure(lang, size, selector), strict=True)]
            print(f"| {name} | {label} | {_share(total[1], total[0])} | "
                  f"{_share(total[2], total[0])} | {_share(total[4], total[3])} | "
                  f"{_share(total[6], total[5])} |")
    print(f"\n({time.perf_counter() - started:.0f} s; {', '.join(args.languages)} together)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
