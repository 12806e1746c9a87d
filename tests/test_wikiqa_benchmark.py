"""The WikiQA benchmark's reading, scoring and diagnosis, on a small file of its format."""

from __future__ import annotations

from pathlib import Path

from benchmarks import wikiqa
from retrieval import QAEngine

HEADER = "QuestionID\tQuestion\tDocumentID\tDocumentTitle\tSentenceID\tSentence\tLabel\n"
PAGES = {
    "D1": ("Harbour Bridge", [
        "The Harbour Bridge is a steel arch bridge across Sydney Harbour.",
        "The bridge was opened in 1932 after eight years of construction.",
        "It carries rail, vehicular, bicycle and pedestrian traffic.",
    ]),
    "D2": ("Opera House", [
        "The Opera House is a multi-venue performing arts centre in Sydney.",
        "It was designed by the Danish architect Jorn Utzon.",
    ]),
}
QUESTIONS = [  # id, question, page, the index of its answer on the page (None: no answer)
    ("Q1", "when was the harbour bridge opened", "D1", 1),
    ("Q2", "who designed the opera house", "D2", 1),
    ("Q3", "how much did the opera house cost", "D2", None),
]


def _file(tmp_path: Path) -> Path:
    lines = [HEADER]
    for qid, text, page, answer in QUESTIONS:
        title, sentences = PAGES[page]
        for i, sentence in enumerate(sentences):
            label = int(i == answer)
            lines.append(f"{qid}\t{text}\t{page}\t{title}\t{page}-{i}\t{sentence}\t{label}\n")
    path = tmp_path / "WikiQA-small.tsv"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_every_question_is_put_where_it_goes_and_counted_once(tmp_path: Path) -> None:
    data = wikiqa.read(_file(tmp_path))
    assert [len(q.gold) for q in data.questions] == [1, 1, 0]
    engine = QAEngine.from_documents(data.documents)
    counts = wikiqa.diagnose(data, engine)
    assert sum(n for (g, _, _), n in counts.items() if g == "answerable") == 2
    assert sum(n for (g, _, _), n in counts.items() if g == "unanswerable") == 1
    # the two answerable questions are answered right, first, as the scores say
    scores = wikiqa.measure(data, engine)["all"]
    assert counts["answerable", wikiqa.RIGHT, True] + counts[
        "answerable", wikiqa.RIGHT, False] == scores.first_right == 2
    # the question without an answer: abstained, or answered from a page, never both
    unanswerable = {kind: n for (g, kind, _), n in counts.items() if g == "unanswerable"}
    assert sum(unanswerable.values()) == 1 and set(unanswerable) <= {
        wikiqa.ABSTAINED, wikiqa.ON_PAGE, wikiqa.OFF_PAGE}
    assert (wikiqa.ABSTAINED in unanswerable) == (scores.abstained_unanswerable == 1)


def test_the_diagnosis_table_has_a_row_for_every_kind(tmp_path: Path) -> None:
    data = wikiqa.read(_file(tmp_path))
    table = wikiqa.render_diagnosis(wikiqa.diagnose(data, QAEngine.from_documents(data.documents)))
    rows = table.splitlines()[2:]
    assert len(rows) == 8
    assert rows[0].startswith(f"| answerable | {wikiqa.RIGHT} | ")
    assert rows[0].endswith(" | 1.000 |")  # both answerable questions right
    assert rows[-1].startswith(f"| unanswerable | {wikiqa.ABSTAINED} | 0 | ")
