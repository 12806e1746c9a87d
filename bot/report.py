"""``qabot eval`` output: the scores table, its JSON form; and a progress bar on stderr (also
for ``qabot index``)."""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

from retrieval.metrics import Report, Scores

# (field of Scores, label, kind): kind "n" is a count, "share" a 0-1 value, "ms" milliseconds.
ROWS: tuple[tuple[str, str, str], ...] = (
    ("questions", "questions", "n"),
    ("answerable", "answerable", "n"),
    ("r1", "document R@1", "share"),
    ("r5", "document R@5", "share"),
    ("mrr10", "document MRR@10", "share"),
    ("passage_r1", "passage R@1", "share"),
    ("passage_r5", "passage R@5", "share"),
    ("acc1", "answer accuracy@1", "share"),
    ("acc3", "answer accuracy@3", "share"),
    ("wrongly_abstained", "answerable abstained", "share"),
    ("must_abstain", "must abstain", "n"),
    ("abstain_recall", "  abstained (recall)", "share"),
    ("abstain_precision", "  abstain precision", "share"),
    ("impossible", "impossible (SQuAD 2.0)", "n"),
    ("impossible_abstained", "  abstained", "share"),
    ("latency_p50_ms", "latency p50 ms", "ms"),
    ("latency_p95_ms", "latency p95 ms", "ms"),
)


def _cell(value: float | int | None, kind: str) -> str:
    if value is None:
        return "-"
    if kind == "n":
        return str(value)
    if kind == "ms":
        return f"{value:.2f}"
    return f"{value:.3f}"


def table(report: Report) -> str:
    """The scores as a plain-text table: one row per metric, one column per group."""
    names = list(report.groups)
    rows = [[f"by {report.by}" if len(names) > 1 else "", *names]]
    for key, label, kind in ROWS:
        values = [getattr(s, key) for s in report.groups.values()]
        if kind == "n" and not any(values) and key != "questions":
            continue  # e.g. no impossible question in a JSONL file
        if kind != "n" and all(v is None for v in values):
            continue
        rows.append([label, *(_cell(v, kind) for v in values)])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i])
                       for i, c in enumerate(r)).rstrip() for r in rows]
    if report.threshold is not None:
        t = report.threshold
        out = "-" if t.out_abstained is None else f"{t.out_abstained:.3f}"
        lines.append(f"\nfor reference, a top-passage score threshold ({t.score:.2f}) that keeps "
                     f"{t.kept:.0%} of in-corpus answerable questions abstains on {out} of the "
                     "out-of-corpus ones")
    return "\n".join(lines)


def to_json(report: Report, **meta: Any) -> dict[str, Any]:
    """The report as one JSON-ready object (``meta`` keys first)."""
    return {
        **meta,
        "by": report.by,
        "groups": {name: dataclasses.asdict(s) for name, s in report.groups.items()},
        "threshold": dataclasses.asdict(report.threshold) if report.threshold else None,
    }


class ProgressBar:
    """``label [#####.....] 120/705, 0:42 left`` redrawn on one line of a terminal (at most ten
    times a second); silent when not a terminal."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.label = label
        self.width = width
        self.clock = clock
        self.started: float | None = None
        self.drawn = -1.0
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        now = self.clock()
        if self.started is None:
            self.started = now
        if done < total and now - self.drawn < 0.1:
            return
        self.drawn = now
        filled = self.width * done // total
        bar = "#" * filled + "." * (self.width - filled)
        left = ""
        if 0 < done < total and now > self.started:
            seconds = round((now - self.started) / done * (total - done))
            left = f", {seconds // 60}:{seconds % 60:02d} left"
        line = f"{self.label} [{bar}] {done:,}/{total:,}{left}"
        self.stream.write("\r" + line.ljust(self.shown))
        self.shown = len(line)
        if done >= total:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.started, self.shown = None, 0
        self.stream.flush()


__all__ = ["ROWS", "ProgressBar", "Scores", "table", "to_json"]
