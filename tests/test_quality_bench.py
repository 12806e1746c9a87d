"""A smoke run of ``benchmarks/quality.py`` on a three-article SQuAD file (seconds, no network)."""

from __future__ import annotations

import json

import pytest

from .evaldata import TEXTS, benchmark_module, logging_restored, squad


@pytest.fixture(autouse=True)
def _logging():
    with logging_restored():
        yield


@pytest.fixture(scope="module")
def quality():
    with benchmark_module("quality.py", "quality") as module:
        yield module


@pytest.fixture
def squad_file(tmp_path):
    path = tmp_path / "squad.json"
    path.write_text(json.dumps(squad(
        ("Fox", [(TEXTS["foxes"], [("f1", "What do red foxes hunt?", ["voles"], False),
                                   ("f2", "How many entrances does a fox den have?",
                                    ["several"], False)])]),
        ("Owl", [(TEXTS["owls"], [("o1", "Where do barn owls nest?", ["old barns"], False),
                                  ("o2", "What do owls knit?", [], True)])]),
        ("Bee", [(TEXTS["bees"], [("b1", "What do honey bees build?", ["wax combs"], False)])]),
    )))
    return path


def test_quality_benchmark_writes_its_section_and_keeps_the_rest(quality, squad_file, tmp_path,
                                                                   capsys):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n## Quality\n\nby hand\n\n## Scale\n\nscale notes\n")
    assert quality.main(["--squad", str(squad_file), "--peers", "tfidf", "--write", str(doc)]) == 0
    out = capsys.readouterr().out
    assert "| **qabot** |" in out and "| sklearn TF-IDF cosine |" in out
    assert "#### Abstention, leaving each article out (qabot)" in out
    text = doc.read_text()
    assert text.startswith("# Benchmarks\n\n## Quality\n\nby hand\n\n" + quality.BEGIN)
    assert text.endswith(quality.END + "\n\n## Scale\n\nscale notes\n")
    doc.write_text(text.replace(quality.END, quality.END + "\n\nnotes by hand"))
    assert quality.main(["--squad", str(squad_file), "--peers", "tfidf", "--no-holdout",
                         "--write", str(doc)]) == 0
    text = doc.read_text()
    assert "notes by hand" in text and "scale notes" in text and text.count("## Quality") == 1
    assert "Abstention" not in text


def test_quality_benchmark_starts_the_file_when_there_is_none(quality, squad_file, tmp_path):
    doc = tmp_path / "docs" / "benchmarks.md"
    assert quality.main(["--squad", str(squad_file), "--peers", "", "--no-holdout",
                         "--write", str(doc)]) == 0
    assert doc.read_text().startswith("# Benchmarks\n\n## Quality\n\n" + quality.BEGIN)


def test_bm25_peers_answer_from_the_same_corpus(quality, squad_file, capsys):
    pytest.importorskip("bm25s")
    pytest.importorskip("rank_bm25")
    assert quality.main(["--squad", str(squad_file), "--peers", "bm25s,rank_bm25", "--json",
                         "--no-holdout"]) == 0
    systems = json.loads(capsys.readouterr().out)["systems"]
    assert set(systems) == {"qabot", "bm25s", "rank_bm25"}
    for groups in systems.values():
        assert groups["all"]["answerable"] == 4 and groups["all"]["r1"] == 1.0
