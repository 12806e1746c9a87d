"""``retrieval.ingest.decoding``: bytes read as text, and data that is none told apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.corpus import load_directory
from retrieval.ingest.decoding import decode


def test_utf8_text_with_nul_bytes_in_it_is_read_without_them_saying_how_many() -> None:
    """A log a crash padded with NULs, a text a tool wrote one into: skipped as binary."""
    text, note = decode(b"The mill burned down in 1911.\x00\x00 It was rebuilt in stone.\n"
                        + b"\x00" * 4096 + "Die Mühle brannte 1911 ab.\n".encode())
    assert text == ("The mill burned down in 1911. It was rebuilt in stone.\n"
                    "Die Mühle brannte 1911 ab.\n")
    assert note == "UTF-8, 4098 NUL bytes left out"


@pytest.mark.parametrize("data", [bytes(range(256)) * 8,
                                  b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20,
                                  b"SQLite format 3\x00\x10\x00\x01\x01\x00@  \x00\x00\x00"])
def test_binary_data_with_nul_bytes_is_still_binary(data: bytes) -> None:
    with pytest.raises(ValueError, match=r"^binary file \(contains NUL bytes\)$"):
        decode(data)


def test_a_text_file_with_nul_bytes_is_a_document(tmp_path: Path) -> None:
    (tmp_path / "log.txt").write_bytes(b"The service restarted at noon.\n" + b"\x00" * 100)
    docs, skipped = load_directory(tmp_path)
    assert skipped == [] and docs[0].text.strip() == "The service restarted at noon."


@pytest.mark.parametrize("text", ["Köln", "Ça va très bien.", "Das Treffen findet in Köln statt."])
def test_a_short_latin_text_in_a_code_page_is_not_read_as_chinese(text: str) -> None:
    """Each accented letter alone among ASCII: charset-normalizer offered GB18030, Big5 and
    Shift-JIS first, each pairing the letter with the next one ("K鰈n")."""
    assert decode(text.encode("latin-1")) == (text, "cp1252")


@pytest.mark.parametrize(("text", "encoding"), [
    ("東京は日本の首都です。人口は約千四百万人。", "shift_jis"),
    ("北京是中国的首都，人口约两千万。", "gb18030"), ("Привет, мир.", "cp1251")])
def test_text_whose_letters_run_in_a_two_byte_or_other_code_page_is_read_so(
        text: str, encoding: str) -> None:
    assert decode(text.encode(encoding))[0] == text
