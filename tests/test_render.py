"""``bot.render``: an answer as console text."""

from __future__ import annotations

from bot.render import document_text, shown, source_line
from retrieval.answer import SourceRef
from retrieval.corpus import Document
from retrieval.ingest.report import DocumentReport


def test_a_source_line_is_one_line_a_terminal_shows_as_it_is() -> None:
    # a file named "new\nline.txt", another "heron\u202etxt.exe.txt" (a right-to-left override)
    assert source_line(SourceRef(id="new\nline", title="The badger digs at dawn.")) == (
        "The badger digs at dawn. [new?line]")
    assert source_line(SourceRef(id="heron\u202etxt.exe", title="Herons")) == (
        "Herons [herontxt.exe]")
    assert shown("Café › Überblick (p. 4)") == "Café › Überblick (p. 4)"


def test_qabot_show_prints_a_file_name_and_title_without_terminal_controls() -> None:
    """An escape sequence in a file name set the terminal's title and cleared its screen."""
    name = "notes\x1b]0;PWNED\x07\x1b[2Jred"
    doc = Document(id=name, title="Policy \u202eFDP.nettirwdnah", text="x",
                   url="https://example.org/\x1b[31m", path=f"c/{name}.txt")
    out = document_text(DocumentReport(doc, web=False, rows=()))
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert out.startswith("notes?]0;PWNED??[2Jred: Policy FDP.nettirwdnah\n  file: c/notes?]0;")
