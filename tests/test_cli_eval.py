"""``qabot eval``: the table, JSON, exit codes and the SQuAD modes, end to end through ``main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main

from .evaldata import SEED_QUESTIONS, SEEDS, TEXTS, logging_restored, squad


@pytest.fixture(autouse=True)
def _logging():
    with logging_restored():
        yield


@pytest.fixture
def seeds_args(tmp_path) -> list[str]:
    """The seeds corpus with its index kept out of the source tree."""
    return ["--corpus", str(SEEDS), "--index-dir", str(tmp_path / "index")]


@pytest.fixture
def squad_file(tmp_path) -> Path:
    path = tmp_path / "squad.json"
    path.write_text(json.dumps(squad(
        ("Fox", [(TEXTS["foxes"], [("f1", "What do red foxes hunt?", ["voles"], False),
                                   ("f2", "What do red foxes knit?", [], True)])]),
        ("Owl", [(TEXTS["owls"], [("o1", "Where do barn owls nest?", ["old barns"], False)])]),
        ("Bee", [(TEXTS["bees"], [("b1", "What do honey bees build?", ["wax combs"], False)])]),
    )))
    return path


def test_eval_prints_a_table_with_a_column_per_split(capsys, seeds_args):
    assert main(["eval", str(SEED_QUESTIONS), *seeds_args]) == EXIT_OK
    out = capsys.readouterr().out
    header, *rows = out.splitlines()
    assert header.split() == ["by", "split", "all", "tune", "holdout", "fresh"]
    labels = [r[:22].strip() for r in rows]
    for label in ("document R@1", "answer accuracy@1", "must abstain", "latency p95 ms"):
        assert label in labels
    assert "impossible" not in out  # no SQuAD 2.0 question in a JSONL file


def test_eval_split_keeps_one_split_and_json_has_every_metric(capsys, seeds_args):
    code = main(["eval", str(SEED_QUESTIONS), "--split", "holdout", "--json", *seeds_args])
    assert code == EXIT_OK
    report = json.loads(capsys.readouterr().out)
    assert report["split"] == "holdout" and list(report["groups"]) == ["all"]
    scores = report["groups"]["all"]
    rows = [json.loads(line) for line in SEED_QUESTIONS.read_text().splitlines()]
    assert scores["questions"] == sum(r.get("split") == "holdout" for r in rows)
    assert {"r1", "r5", "mrr10", "acc1", "acc3", "abstain_precision", "abstain_recall",
            "latency_p50_ms", "latency_p95_ms"} <= set(scores)


def test_min_hit1_fails_the_run_below_the_bar(capsys, seeds_args):
    assert main(["eval", str(SEED_QUESTIONS), "--min-hit1", "0.1", *seeds_args]) == EXIT_OK
    assert main(["eval", str(SEED_QUESTIONS), "--min-hit1", "1", *seeds_args]) == EXIT_FAILED
    assert "below --min-hit1 1.0" in capsys.readouterr().err


def test_eval_details_never_writes_over_the_question_file(capsys, seeds_args, tmp_path):
    """`--details` naming the question file wrote the rows over the questions."""
    questions = tmp_path / "q.jsonl"
    text = '{"question": "When was the CSTO formed?", "answers": ["2002"]}\n'
    questions.write_text(text)
    assert main(["eval", str(questions), *seeds_args, "--details",
                 str(tmp_path / "." / "q.jsonl")]) == EXIT_USAGE
    assert capsys.readouterr().err.endswith("q.jsonl is the question file: name another file "
                                            "to write the rows to\n")
    assert questions.read_text() == text


def test_eval_details_writes_a_row_per_question(capsys, seeds_args, tmp_path):
    out = tmp_path / "details.jsonl"
    args = ["eval", str(SEED_QUESTIONS), "--split", "holdout", "--details", str(out)]
    assert main([*args, *seeds_args]) == EXIT_OK
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and {r["split"] for r in rows} == {"holdout"}
    keys = {"question", "expect", "answered", "correct@1", "document_rank", "quotes"}
    assert keys <= rows[0].keys()


def test_eval_squad_builds_its_own_corpus_and_reports_impossible_questions(capsys, squad_file):
    assert main(["eval", str(squad_file), "--format", "squad", "--json"]) == EXIT_OK
    scores = json.loads(capsys.readouterr().out)["groups"]["all"]
    assert scores["answerable"] == 3 and scores["impossible"] == 1
    assert scores["r1"] == 1.0 and scores["acc1"] == 1.0


def test_eval_holdout_article_has_a_column_per_left_out_article(capsys, squad_file):
    assert main(["eval", str(squad_file), "--format", "squad", "--holdout-article"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["by", "fold", "all", "Fox", "Owl", "Bee"]
    assert "abstained (recall)" in out and "score threshold" in out


@pytest.mark.parametrize(("extra", "says"), [
    (["--holdout-article"], "needs a SQuAD file"),
    (["--format", "squad", "--corpus", "x"], "drop --corpus"),
    (["--min-hit1", "2"], "between 0 and 1"),
    (["--split", "nope"], "splits in the file: fresh, holdout, tune"),
])
def test_eval_usage_errors_exit_2_with_one_line(capsys, seeds_args, extra, says):
    args = seeds_args if "--corpus" not in extra else []
    assert main(["eval", str(SEED_QUESTIONS), *args, *extra]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1 and "Traceback" not in err


def test_eval_of_a_missing_file_is_a_usage_error(capsys, tmp_path):
    assert main(["eval", str(tmp_path / "none.jsonl")]) == EXIT_USAGE
    assert "does not exist" in capsys.readouterr().err


def test_eval_details_that_cannot_be_written_leave_the_previous_rows_whole(tmp_path):
    """On a full disk (here: a file size limit, EFBIG as ENOSPC is) the rows were written over a
    previous run's, which were lost, cut to the first rows of this one; and the scores, minutes
    of work, were not printed."""
    import os
    import resource
    import subprocess
    import sys

    from .conftest import ROOT

    questions = tmp_path / "q.jsonl"
    questions.write_text("".join(json.dumps({"question": q, "answers": [a]}) + "\n" for q, a in [
        ("When was the CSTO formed?", "2002"), ("Who is Dmitry Peskov?", "spokesman"),
        ("What did Armenia freeze?", "membership")] * 3))
    out = tmp_path / "details.jsonl"
    out.write_text('{"question": "a previous run\'s row"}\n')
    kept = out.read_text()

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    env = {k: v for k, v in os.environ.items() if not k.startswith("QABOT_")}
    r = subprocess.run(
        [sys.executable, "-m", "bot", "eval", str(questions), "--corpus", str(SEEDS),
         "--index-dir", str(tmp_path / "index"), "--details", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=300, preexec_fn=limited,
        env={**env, "PYTHONDONTWRITEBYTECODE": "1"})
    assert r.returncode == EXIT_USAGE and "cannot write --details" in r.stderr, r.stderr
    assert out.read_text() == kept
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [
        "details.jsonl", "q.jsonl"]  # (no temporary left)
    assert "document R@1" in r.stdout


def test_eval_details_in_a_folder_that_does_not_exist_is_said_before_the_run(capsys, seeds_args,
                                                                            tmp_path):
    args = ["eval", str(SEED_QUESTIONS), "--details", str(tmp_path / "no" / "d.jsonl")]
    assert main([*args, *seeds_args]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert "no such folder" in captured.err and captured.out == ""
