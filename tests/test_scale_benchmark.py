"""A smoke run of the scale benchmark at a tiny size (qabot only; peers are a bench extra)."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks import scale, scale_report, synth


def test_the_generator_is_deterministic_and_passage_shaped() -> None:
    a = list(synth.passages(30, seed=3))
    assert a == list(synth.passages(30, seed=3))
    assert all(60 <= len(p.split()) <= 120 for p in a)
    qs = synth.queries(a, 5, seed=3)
    assert all(3 <= len(q.text.split()) <= 8 for q in qs)


def test_a_tiny_run_records_every_measurement(tmp_path: Path) -> None:
    results = tmp_path / "scale.json"
    scale.main(["--sizes", "200", "--systems", "qabot", "--queries", "30", "--time-limit", "2",
                "--timeout", "300", "--work", str(tmp_path / "work"), "--results", str(results)])
    entry = json.loads(results.read_text())["runs"]["200"]["qabot"]
    for key in ("build_s", "p50_ms", "p99_ms", "peak_mb", "disk_mb", "cold_start_s", "ask_p50_ms",
                "ask_exact_p50_ms", "corpus_freed_mb"):
        assert entry[key] > 0, key
    assert entry["n_queries"] == 30


def test_the_report_goes_between_its_markers_or_into_its_section(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text(
        "# Benchmarks\n\n## Quality\n\nq\n\n## Speed and scale\n\nintro\n\n## Later\n\nz\n"
    )
    scale_report.write_section(doc, f"{scale_report.BEGIN}\none\n{scale_report.END}")
    scale_report.write_section(doc, f"{scale_report.BEGIN}\ntwo\n{scale_report.END}")
    text = doc.read_text()
    assert text.count("## Speed and scale") == 1 and "one" not in text
    assert text.index("intro") < text.index("two") < text.index("## Later")
    fresh = tmp_path / "new.md"
    scale_report.write_section(fresh, f"{scale_report.BEGIN}\nthree\n{scale_report.END}")
    assert "## Speed and scale" in fresh.read_text() and "three" in fresh.read_text()


def test_qabot_lets_the_texts_go_once_packed_and_answers_the_same(tmp_path: Path) -> None:
    from benchmarks.systems import Qabot

    texts = list(synth.passages(200, seed=5))
    question = synth.queries(texts, 1, seed=5)[0].text
    system = Qabot()
    system.build(texts)
    system.after_build()
    assert not hasattr(system, "texts")  # the benchmark's list is not kept past the build
    built = system.answer(question)
    system.save(tmp_path / "index")
    loaded = Qabot()
    loaded.load(tmp_path / "index")
    assert loaded.answer(question) == built
