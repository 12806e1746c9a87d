"""WikiQA benchmark: real search-engine questions, answered or abstained over Wikipedia summaries.

    python benchmarks/wikiqa.py                              # print the results (markdown)
    python benchmarks/wikiqa.py --write docs/benchmarks.md   # and update them there
    python benchmarks/wikiqa.py --diagnose                   # and where questions go wrong

The corpus is every page of the WikiQA file (its summary sentences, joined, one document a page,
titled with the page title); each question is asked of the whole corpus. A question whose page
has a sentence labelled 1 is *answerable*: it is answered right when qabot's first quote is one of
those sentences. A question whose page has none should be abstained. Answer triggering (Yang et
al., 2015): precision = right answers / questions answered, recall = right answers / answerable
questions, F1 their harmonic mean.

The file is the dev split in ``../shared/benchmarks/wikiqa/`` (Microsoft Research Data License:
research use; it is read at run time, never copied into the project, and no shipped model is
trained on it). Each question is put in a tune or test half by a hash of its id
(``retrieval.questions.half``) so that a change tuned on one half can be checked on the other.
"""

from __future__ import annotations

import argparse
import collections
import csv
import dataclasses
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout: `python benchmarks/wikiqa.py`

from bot import logs  # noqa: E402
from retrieval import QAEngine  # noqa: E402
from retrieval.answer import ELLIPSIS  # noqa: E402
from retrieval.corpus import Document  # noqa: E402
from retrieval.questions import half  # noqa: E402

DEFAULT_FILE = ROOT.parent / "shared" / "benchmarks" / "wikiqa" / "WikiQA-dev.tsv"
BEGIN = "<!-- wikiqa:begin (written by benchmarks/wikiqa.py --write; edit outside) -->"
END = "<!-- wikiqa:end -->"
TARGETS = {"f1": 0.45, "first_right": 0.60}
_WORD = re.compile(r"\w+")


@dataclasses.dataclass(frozen=True, slots=True)
class WikiQuestion:
    id: str
    text: str
    page: str
    gold: tuple[str, ...]  # the page's sentences labelled as answers (none: abstain)


@dataclasses.dataclass(frozen=True, slots=True)
class WikiQA:
    questions: tuple[WikiQuestion, ...]
    documents: tuple[Document, ...]


def read(path: Path) -> WikiQA:
    """Questions and pages of a WikiQA TSV file."""
    pages: dict[str, tuple[str, list[str]]] = {}
    questions: dict[str, tuple[str, str, list[str]]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            doc = row["DocumentID"]
            sentences = pages.setdefault(doc, (row["DocumentTitle"], []))[1]
            sentence = row["Sentence"].strip()
            if sentence not in sentences:
                sentences.append(sentence)
            q = questions.setdefault(row["QuestionID"], (row["Question"].strip(), doc, []))
            if row["Label"] == "1":
                q[2].append(sentence)
    docs = tuple(Document(id=d, title=t, text="\n".join(s)) for d, (t, s) in pages.items())
    qs = tuple(WikiQuestion(qid, text, doc, tuple(gold))
               for qid, (text, doc, gold) in questions.items())
    return WikiQA(qs, docs)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.replace(ELLIPSIS, " ").lower())


def is_gold(quote: str, gold: Sequence[str]) -> bool:
    """Whether a quote is one of the gold sentences: the same words, up to qabot's sentence
    splitting and shortening (the first eight words of one found in the other)."""
    q = _words(quote)
    for g in map(_words, gold):
        head_q, head_g = " ".join(q[:8]), " ".join(g[:8])
        if head_q and (head_q in " ".join(g) or head_g in " ".join(q)):
            return True
    return False


@dataclasses.dataclass(frozen=True, slots=True)
class Scores:
    answerable: int
    unanswerable: int
    first_right: int  # answerable questions whose first quote is gold
    answered: int
    answered_right: int
    abstained_unanswerable: int

    @property
    def precision(self) -> float:
        return self.answered_right / self.answered if self.answered else 0.0

    @property
    def recall(self) -> float:
        return self.answered_right / self.answerable if self.answerable else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(outcomes: Sequence[tuple[WikiQuestion, bool, str | None]]) -> Scores:
    """``outcomes``: (question, answered, first quote or None when abstained or not asked)."""
    answerable = [o for o in outcomes if o[0].gold]
    right = [o for o in answerable if o[2] is not None and is_gold(o[2], o[0].gold)]
    answered = [o for o in outcomes if o[1]]
    return Scores(
        answerable=len(answerable), unanswerable=len(outcomes) - len(answerable),
        first_right=len(right), answered=len(answered),
        answered_right=sum(1 for o in right if o[1]),
        abstained_unanswerable=sum(1 for o in outcomes if not o[0].gold and not o[1]),
    )


def measure(data: WikiQA, engine: QAEngine) -> dict[str, Scores]:
    """Ask every question; scores on all and on each half. First-right counts the first quote,
    or when qabot abstains the sentence it ranked first (``QAEngine.rank``)."""
    outcomes = []
    for q in data.questions:
        answer = engine.ask(q.text)
        first = answer.sentences[0].text if answer.sentences else None
        if first is None:
            ranking = engine.rank(q.text)
            first = ranking.candidates[0].sentence.text if ranking else None
        outcomes.append((q, answer.answered, first))
    return {
        "all": score(outcomes),
        **{h: score([o for o in outcomes if half(o[0].id) == h]) for h in ("tune", "test")},
    }


# Where a question goes, in ``diagnose``: an answerable question by its first quote (answered or
# not), one without an answer by whether qabot answered it and from which page.
RIGHT = "first quote right"
SECOND = "its page first, a right sentence ranked 2-3"
LOWER = "its page first, a right sentence ranked lower"
ELSEWHERE = "another page first, a right sentence among the candidates"
MISSED = "no right sentence among the candidates"
ABSTAINED = "abstained"
ON_PAGE = "answered from its page"
OFF_PAGE = "answered from another page"


def diagnose(data: WikiQA, engine: QAEngine) -> collections.Counter[tuple[str, str, bool]]:
    """Where each question goes: (``answerable`` or ``unanswerable``, its kind, answered) ->
    questions. Its kind: for an answerable question, whether its first candidate is right, else
    where the right sentence was ranked (``RIGHT`` ... ``MISSED``); for one without an answer,
    whether its first candidate is from its own page (``ON_PAGE``, ``OFF_PAGE``; ``ABSTAINED``
    when qabot declined)."""
    out: collections.Counter[tuple[str, str, bool]] = collections.Counter()
    for q in data.questions:
        answered = engine.ask(q.text).answered
        ranking = engine.rank(q.text)
        candidates = ranking.candidates if ranking else []
        pages = [engine.collection.source_of(c.sentence.passage).id for c in candidates]
        on_page = bool(pages) and pages[0] == q.page
        if not q.gold:
            kind = ABSTAINED if not answered else ON_PAGE if on_page else OFF_PAGE
            out["unanswerable", kind, answered] += 1
            continue
        at = next((i for i, c in enumerate(candidates) if is_gold(c.sentence.text, q.gold)), None)
        kind = (MISSED if at is None else RIGHT if at == 0 else ELSEWHERE if not on_page
                else SECOND if at < 3 else LOWER)
        out["answerable", kind, answered] += 1
    return out


def render_diagnosis(counts: collections.Counter[tuple[str, str, bool]]) -> str:
    """``diagnose``'s counts as a markdown table: kind, answered, abstained, share of its group."""
    rows = ["| questions | kind | answered | abstained | share |", "|---|---|---|---|---|"]
    for group, kinds in (("answerable", (RIGHT, SECOND, LOWER, ELSEWHERE, MISSED)),
                         ("unanswerable", (ON_PAGE, OFF_PAGE, ABSTAINED))):
        total = sum(n for (g, _, _), n in counts.items() if g == group) or 1
        for kind in kinds:
            yes, no = counts[group, kind, True], counts[group, kind, False]
            rows.append(f"| {group} | {kind} | {yes} | {no} | {(yes + no) / total:.3f} |")
    return "\n".join(rows)


def render(scores: dict[str, Scores], seconds: float, path: Path) -> str:
    rows = []
    for group, s in scores.items():
        rows.append(
            f"| {group} | {s.answerable} / {s.unanswerable} | {s.first_right / s.answerable:.3f} "
            f"| {s.precision:.3f} | {s.recall:.3f} | **{s.f1:.3f}** "
            f"| {s.abstained_unanswerable / s.unanswerable:.3f} |")
    a = scores["all"]
    met = ("met" if a.f1 >= TARGETS["f1"] else "not met",
           "met" if a.first_right / a.answerable >= TARGETS["first_right"] else "not met")
    return "\n".join([
        BEGIN,
        f"`python benchmarks/wikiqa.py --write docs/benchmarks.md` ({path.name}, "
        f"the run took {seconds:.0f} s). "
        "*first right*: answerable questions whose first quote (answered or not) is a labelled "
        "sentence; precision, recall, F1: answer triggering; *abstained*: share of the "
        "questions without an answer on their page that qabot declined.",
        "",
        "| questions | answerable / not | first right | precision | recall | F1 | abstained |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"Targets: F1 >= {TARGETS['f1']:.2f} ({met[0]}), first right >= "
        f"{TARGETS['first_right']:.2f} ({met[1]}).",
        END,
    ])


def write_section(path: Path, generated: str, begin: str = BEGIN, end: str = END,
                  heading: str = "## WikiQA") -> None:
    """Put ``generated`` (which starts with ``begin`` and ends with ``end``) in place of the
    section between those markers in ``path``, or append it under ``heading``."""
    text = path.read_text(encoding="utf-8")
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + generated + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + f"\n\n{heading}\n\n" + generated + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE, help="WikiQA TSV file")
    parser.add_argument("--write", type=Path, metavar="MD", help="update this benchmarks file")
    parser.add_argument("--diagnose", action="store_true",
                        help="also print where the questions go wrong (not written)")
    args = parser.parse_args(argv)
    logs.configure("WARNING")
    if not args.file.exists():
        print(f"no WikiQA file at {args.file}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    data = read(args.file)
    engine = QAEngine.from_documents(data.documents)
    scores = measure(data, engine)
    generated = render(scores, time.perf_counter() - started, args.file)
    print(generated)
    if args.write:
        write_section(args.write, generated)
    if args.diagnose:
        print("\n" + render_diagnosis(diagnose(data, engine)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
