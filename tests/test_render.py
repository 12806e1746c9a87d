"""``bot.render``: an answer as console text."""

from __future__ import annotations

from bot.render import shown, source_line
from retrieval.answer import SourceRef


def test_a_source_line_is_one_line_a_terminal_shows_as_it_is() -> None:
    # a file named "new\nline.txt", another "heron\u202etxt.exe.txt" (a right-to-left override)
    assert source_line(SourceRef(id="new\nline", title="The badger digs at dawn.")) == (
        "The badger digs at dawn. [new?line]")
    assert source_line(SourceRef(id="heron\u202etxt.exe", title="Herons")) == (
        "Herons [herontxt.exe]")
    assert shown("Café › Überblick (p. 4)") == "Café › Überblick (p. 4)"
