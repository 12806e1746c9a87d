"""``retrieval.ingest.textsize``: a text file read up to a bound, saying what was kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from structlog.testing import capture_logs

from retrieval.corpus import read_document
from retrieval.ingest import textsize
from retrieval.ingest.read import parse

SENTENCE = "The council agreed to fund the new library. "


@pytest.fixture
def small_bound(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(textsize, "MAX_TEXT_CHARS", 1000)
    return 1000


def test_a_text_of_one_long_line_is_read_up_to_the_bound_saying_so(
        small_bound: int, tmp_path: Path) -> None:
    """A 50 MB text of one line was read whole: 1.3-1.7 GB and four minutes to index."""
    (tmp_path / "dump.txt").write_text(SENTENCE * 500)  # 22,000 characters, one line
    with capture_logs() as logs:
        found = read_document(tmp_path / "dump.txt", "dump", tmp_path)
    assert isinstance(found, list) and found[0].parsed is not None
    text = " ".join(b.text for b in found[0].parsed.blocks)
    assert small_bound // 2 < len(text) <= small_bound and text.endswith(" the")  # at a space
    noted = [e for e in logs if e["event"] == "file_read_with_note"]
    assert noted and noted[0]["path"] == str(tmp_path / "dump.txt")
    assert "its first 998 characters read (1 line, of a file of 0.0 MB)" in noted[0]["note"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1251"])
def test_a_long_text_is_cut_at_a_line_end_in_any_encoding(small_bound: int,
                                                          encoding: str) -> None:
    line = "Совет согласился финансировать новую библиотеку в следующем году.\n"
    parsed = parse((line * 400).encode(encoding), "text")
    text = " ".join(b.text for b in parsed.blocks)
    assert 0 < len(text) <= small_bound and text.endswith("году.") and "\ufffd" not in text
    assert any(n.startswith("too long to read whole") for n in parsed.notes)


def test_a_text_within_the_bound_is_read_whole_and_said_nothing_of() -> None:
    parsed = parse((SENTENCE * 10).encode(), "text")
    assert not any("too long" in n for n in parsed.notes)


def test_bytes_past_what_the_bound_can_take_are_not_decoded_and_not_cut_in_a_character(
        small_bound: int) -> None:
    data = ("é" * 3000).encode()  # 6,000 bytes; the bound's 1,000 characters take 4,000 at most
    kept = textsize.bounded_bytes(b"a" + data)
    assert len(kept) == 3999 and kept.decode() == "a" + "é" * 1999
    assert textsize.bounded_bytes(data[:3000]) == data[:3000]
