"""The ``qabot eval`` table, its JSON form and the progress bar."""

from __future__ import annotations

import io
import json

from bot.report import ProgressBar, table, to_json
from retrieval.metrics import Report, Threshold, summarize
from retrieval.questions import Question

from .evaldata import outcome


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def report(threshold: Threshold | None = None) -> Report:
    q = Question("1", "When?", ("1999",), ("a",))
    s = summarize([outcome(q, [("a", "In 1999.")], [("In 1999.", "a")])])
    return Report({"all": s, "tune": s}, "split", threshold)


def test_table_has_a_row_per_defined_metric_and_a_column_per_group():
    lines = table(report()).splitlines()
    assert lines[0].split() == ["by", "split", "all", "tune"]
    assert lines[lines.index(next(x for x in lines if x.startswith("document R@1")))].split()[-2:] \
        == ["1.000", "1.000"]
    assert not any(x.startswith(("must abstain", "impossible")) for x in lines)


def test_table_ends_with_the_threshold_baseline_in_holdout_mode():
    text = table(report(Threshold(kept=0.9, score=7.5, out_abstained=0.84)))
    assert text.endswith("keeps 90% of in-corpus answerable questions abstains on 0.840 of "
                         "the out-of-corpus ones")


def test_json_form_is_serialisable_and_carries_the_meta_keys():
    data = to_json(report(), file="q.jsonl")
    assert json.loads(json.dumps(data))["groups"]["tune"]["acc1"] == 1.0
    assert data["file"] == "q.jsonl" and data["threshold"] is None


def test_progress_bar_draws_on_a_terminal_and_clears_at_the_end():
    term = Terminal()
    bar = ProgressBar("eval", term, width=10)
    bar(5, 10)
    assert term.getvalue() == "\reval [#####.....] 5/10"
    bar(10, 10)
    assert term.getvalue().endswith("\r")


def test_progress_bar_is_silent_when_stderr_is_not_a_terminal():
    stream = io.StringIO()
    ProgressBar("eval", stream)(1, 2)
    assert stream.getvalue() == ""


def test_progress_bar_says_the_time_left_and_redraws_at_most_ten_times_a_second():
    term = Terminal()
    now = [100.0]
    bar = ProgressBar("index: reading files", term, width=10, clock=lambda: now[0])
    bar(0, 1000)
    now[0] += 30.0
    bar(250, 1000)  # 250 in 30 s: 750 more take 90 s
    assert term.getvalue().endswith("[##........] 250/1,000, 1:30 left")
    drawn = term.getvalue()
    now[0] += 0.05
    bar(251, 1000)  # too soon to draw again
    assert term.getvalue() == drawn
    bar(1000, 1000)  # the end is always drawn, then cleared
    assert term.getvalue().endswith("\r")
