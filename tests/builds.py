"""A corpus built by hand (the bundled seeds, towns sharing a footer, a guide), shared by the
tests of index builds (``test_indexing``, ``test_parallel``), and the check that two builds made
the same index and answer alike."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from retrieval import QAEngine

from .conftest import SEEDS

# a site's footer line, no sentence (a whole sentence several documents share is kept in each:
# what versions of one policy say alike)
FOOTER = "Council archive | second floor, town hall | older records"
QUESTIONS = ["When was the CSTO formed?", "When did the harbour bridge open?",
             "Who designed the northern lighthouse?", "What does the ferry carry?"]


def write(corpus: Path, name: str, text: str) -> None:
    path = corpus / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def town(i: int, footer: bool) -> str:
    body = (f"The town of Riverton {i} held its market on the square in 18{10 + i}. "
            f"Its mayor, Ann Novak {i}, opened the new library there.\n\n"
            f"The harbour of Riverton {i} takes ferries from the islands twice a day.\n")
    return body + (f"\n{FOOTER}\n" if footer else "")


def towns_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(SEEDS, root, ignore=shutil.ignore_patterns(".*"))
    for i in range(4):
        write(root, f"towns/town{i}.txt", town(i, footer=i < 2))
    write(root, "guide.md", "# Harbour guide\n\n## The bridge\n\nThe harbour bridge opened in "
          "1932 after eight years of work.\n\n## The ferry\n\n- The ferry carries cars and "
          "bicycles.\n- It sails every hour in summer.\n")
    return root


def assert_same(a: QAEngine, b: QAEngine) -> None:
    assert a.index.vocabulary == b.index.vocabulary
    for key in ("indptr", "passages", "weights", "df", "maxw"):
        assert np.array_equal(getattr(a.index, key), getattr(b.index, key)), key
    for key in ("passage_doc", "text_offsets", "text_blob", "sent_indptr", "sent_bounds",
                "sent_flags", "passage_section", "passage_page", "passage_crc", "passage_lang"):
        assert np.array_equal(getattr(a.collection, key), getattr(b.collection, key)), key
    assert list(a.collection.sources) == list(b.collection.sources)
    assert list(a.collection.sections) == list(b.collection.sections)
    for q in QUESTIONS:
        assert a.ask(q).model_dump() == b.ask(q).model_dump()
