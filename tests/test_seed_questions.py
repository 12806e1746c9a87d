"""The seeds question set (tests/data/seed_questions.jsonl): answer quality and abstention.

99 answerable questions (``factoid``, and ``paraphrase``: reworded as a reader who has not seen
the article would ask) and 42 that must be abstained (``offtopic``, ``gibberish``,
``boilerplate``: only ads or teasers could answer; ``unsupported``: on the topic, but the
articles do not say). Splits: ``tune`` (used while tuning), ``holdout`` (written with it, never
tuned on), ``fresh`` (written later by another writer who saw neither the system nor the other
questions). The figures per split and kind are printed (``-s``).

Floors here are what the method reaches with a margin (see the issue note for the figures).
Plain questions reach the issue's aim of 90% / 95%; reworded ones do not (0.51 / 0.60).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from retrieval import QAEngine

QUESTIONS = Path(__file__).parent / "data" / "seed_questions.jsonl"
ROWS = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line]


def _first_hits(engine: QAEngine, row: dict) -> list[bool]:
    answer = engine.ask(row["question"])
    return [
        s.source in row["sources"] and any(a.lower() in s.text.lower() for a in row["answers"])
        for s in answer.sentences
    ]


@pytest.fixture(scope="module")
def results(seeds_engine):
    out = []
    for row in ROWS:
        answer = seeds_engine.ask(row["question"])
        hits = _first_hits(seeds_engine, row)
        out.append((row, answer.answered, hits))
    for split in ("tune", "holdout", "fresh", "factoid", "paraphrase", None):
        rows = [r for r in out if split is None or split in (r[0]["split"], r[0]["kind"])]
        answerable = [r for r in rows if r[0]["answers"]]
        abstain = [r for r in rows if not r[0]["answers"]]
        print(
            f"\nseed questions [{split or 'all'}]: "
            f"hit@1 {sum(bool(h[:1] and h[0]) for _, _, h in answerable)}/{len(answerable)}, "
            f"hit@3 {sum(any(h) for _, _, h in answerable)}/{len(answerable)}, "
            f"abstained {sum(not a for _, a, _ in abstain)}/{len(abstain)}"
        )
    return out


def test_the_question_set_is_well_formed():
    assert sum(bool(r["answers"]) for r in ROWS) >= 40
    assert sum(not r["answers"] for r in ROWS) >= 12
    for r in ROWS:
        assert r["split"] in ("tune", "holdout", "fresh")
        for answer in r["answers"]:  # every expected phrase is really in a listed source
            texts = [(Path(__file__).parent.parent / "seeds" / f"{s}.txt").read_text("utf-8")
                     for s in r["sources"]]
            assert any(answer.lower() in t.lower() for t in texts), (r["question"], answer)


@pytest.mark.parametrize(("kind", "floor"), [(None, 0.72), ("factoid", 0.87)])
def test_first_sentence_answers_most_questions(results, kind, floor):
    answerable = [h for row, _, h in results if row["answers"] and kind in (None, row["kind"])]
    share = sum(bool(h[:1] and h[0]) for h in answerable) / len(answerable)
    assert share >= floor


# (0.78 for all: the learned trigger's abstention costs two reworded questions their answers,
# 81 -> 79 of 99, and abstains on two more must-abstain questions, 39 -> 41 of 42)
@pytest.mark.parametrize(("kind", "floor"), [(None, 0.78), ("factoid", 0.94)])
def test_an_answer_is_among_the_first_three_for_most_questions(results, kind, floor):
    answerable = [h for row, _, h in results if row["answers"] and kind in (None, row["kind"])]
    assert sum(any(h) for h in answerable) / len(answerable) >= floor


def test_off_topic_gibberish_and_boilerplate_questions_are_abstained(results):
    # "unsupported" questions (on the topic; the answer is not in the articles) are not held
    # to this: their words all meet in the articles, which term coverage cannot tell apart.
    must_abstain = [(row, answered) for row, answered, _ in results
                    if not row["answers"] and row["kind"] != "unsupported"]
    wrong = [row["question"] for row, answered in must_abstain if answered]
    # "Who took the photo of Pashinyan and Putin?" was answered until the learned trigger came
    # (the credit line is removed as boilerplate, but "took", "Pashinyan" and "Putin" meet in
    # article sentences); its confidence is now below the threshold.
    assert not wrong, wrong


@pytest.mark.parametrize("kind", ["gibberish", "offtopic"])
def test_gibberish_and_off_topic_questions_are_always_abstained(results, kind):
    rows = [(row, answered) for row, answered, _ in results if row["kind"] == kind]
    assert rows
    assert all(not answered for _, answered in rows), [r["question"] for r, a in rows if a]


def test_what_do_you_know_about_x_is_answered_by_what_x_is(seeds_engine) -> None:
    # asked as people ask (and as /start once suggested): a sentence saying what the CSTO is
    # comes first, not one that merely names it
    answer = seeds_engine.ask("What do you know about the CSTO?")
    assert answer.answered
    assert re.search(r"\(CSTO\), a (group|military alliance)", answer.sentences[0].text)


def test_which_countries_is_answered_by_the_sentence_listing_them(seeds_engine) -> None:
    # "countries" names what the answer lists, not a word it holds: the sentence naming one
    # member country no longer beats the one listing the members
    answer = seeds_engine.ask("Which countries are members of the CSTO?")
    assert answer.answered
    assert "Belarus, Kazakhstan, Kyrgyzstan and Tajikistan" in answer.sentences[0].text


def test_who_leads_x_is_answered_by_the_sentence_naming_who_leads_it(seeds_engine) -> None:
    # the issue's own example: "accused Moscow of leading a ... campaign" holds "leading" and a
    # name, but leads a campaign; "The bloc ... is led by Russia" names who leads the bloc
    for question in ("Who leads the CSTO?", "Which country leads the CSTO bloc?",
                     "Who is the CSTO led by?"):
        answer = seeds_engine.ask(question)
        assert answer.answered, question
        assert "led by Russia" in answer.sentences[0].text, question
