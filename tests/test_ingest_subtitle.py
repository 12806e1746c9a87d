"""A document's subtitle (``ingest/subtitle.py``): the phrase under its title heading that says
what it is, read as its opening text and quoted for "what is X?"; a section's name is none."""

from __future__ import annotations

from pathlib import Path

from retrieval import QAEngine
from retrieval.definitions import names_a_kind
from retrieval.ingest.read import parse

README = """<html><body>
<h1>ReadMe file for Quill</h1>
<h2>a reverse polish notation calculator</h2>
<p>Written by Ann Lee</p><p>Version 2.1</p><p>April 8, 2018</p>
<h2>Requirements</h2>
<p>Quill requires Python 3.8 or higher and the Qt libraries to run on any system.</p>
<h2>Features</h2>
<ul><li>Quill keeps a history of the last hundred calculations you made.</li>
<li>Quill converts numbers to and from hexadecimal, octal and binary.</li></ul>
</body></html>
"""


def test_a_phrase_under_the_title_heading_is_read_as_text() -> None:
    blocks = parse(README.encode(), "html").blocks
    assert [(b.kind, b.text, b.section) for b in blocks[:3]] == [
        ("heading", "ReadMe file for Quill", ("ReadMe file for Quill",)),
        ("paragraph", "a reverse polish notation calculator", ("ReadMe file for Quill",)),
        ("paragraph", "Written by Ann Lee", ("ReadMe file for Quill",))]
    # a section's name under the title, over text, stays a heading
    named = README.replace("a reverse polish notation calculator", "The basic operations").replace(
        "<p>Written by Ann Lee</p>", "<p>Quill adds, subtracts and multiplies numbers well.</p>")
    assert parse(named.encode(), "html").blocks[1].kind == "heading"
    for other in ("Overview of the calculator", "v2.1, April 2018", "a calculator"):
        assert parse(README.replace("a reverse polish notation calculator", other).encode(),
                     "html").blocks[1].kind == "heading", other


def test_what_is_x_quotes_the_subtitle(tmp_path: Path) -> None:
    (tmp_path / "quill-readme.html").write_text(README)
    (tmp_path / "notes.txt").write_text("The office printer is on the second floor.\n")
    engine = QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")
    answer = engine.ask("what is quill?")
    assert answer.sentences[0].text == "a reverse polish notation calculator"
    assert names_a_kind("a reverse polish notation calculator")
    assert not names_a_kind("a list of the options:") and not names_a_kind(
        "A deprecation lasts two releases before the function is removed.")
