"""The AsciiDoc reader: sections, lists, labelled lists, delimited blocks, tables and inline markup
read as the rendered page shows them; what a reader does not see is dropped with its reason; an
AsciiDoc source saved as ``.txt`` is told from plain text."""

from __future__ import annotations

import pytest

from retrieval import QAEngine
from retrieval.ingest.asciidoc import looks_like_asciidoc, read_asciidoc
from retrieval.ingest.blocks import TERM_LEVEL
from retrieval.ingest.read import format_of, parse

from .conftest import ROOT

GUIDE = """\
= Gizmux Manual
:author: The Gizmux Team
:version: 2.4
// a comment nobody sees

The *gizmux* tool joins _sessions_ of `tmux` over the network (version {version}).
See link:https://example.org/gizmux[the project page] and <<install,Installing>>.

[[install]]
== Installing

NOTE: Gizmux needs Python 3.11 or later.

. Download the archive.
. Unpack it:
+
----
$ tar xf gizmux.tar.gz
----
. Run the installer.

=== Options

-q::
--quiet::
    Print nothing but errors.
--port=<n>:: Listen on port <n>.
  The default is 7070.

.Supported systems
|===
| System | Since

| Linux | 1.0
| macOS | 2.1
|===

////
A block comment.
////

++++
<div class="raw">raw markup</div>
++++

  $ gizmux --port=8080
  listening on 8080
"""


def parsed():
    return read_asciidoc(GUIDE)


def test_sections_are_headings_of_their_level_and_the_first_titles_the_document():
    p = parsed()
    headings = [(b.text, b.level) for b in p.blocks if b.kind == "heading"]
    assert headings[:3] == [("Gizmux Manual", 1), ("Installing", 2), ("Options", 3)]
    assert p.meta == {"title": "Gizmux Manual", "publisher": "The Gizmux Team"}
    underlined = read_asciidoc("Gizmux Manual\n=============\n\nUsage\n-----\n\nRun it.\n")
    assert [(b.text, b.level) for b in underlined.blocks if b.kind == "heading"] == [
        ("Gizmux Manual", 1), ("Usage", 2)]
    assert underlined.blocks[-1].section == ("Gizmux Manual", "Usage")


def test_inline_markup_and_macros_read_as_rendered():
    p = parsed()
    assert p.blocks[1].text == ("The gizmux tool joins sessions of tmux over the network "
                                "(version 2.4). See the project page and Installing.")
    git = read_asciidoc("NAME\n----\nSee linkgit:git-log[1] and 'git subtree' "
                        "(it doesn't matter).\n")
    assert git.blocks[-1].text == "See git-log(1) and git subtree (it doesn't matter)."


def test_lists_labelled_lists_and_admonitions():
    p = parsed()
    items = [b.text for b in p.blocks if b.kind == "list_item"]
    assert items == ["Download the archive.", "Unpack it:", "Run the installer."]
    assert "Gizmux needs Python 3.11 or later." in [b.text for b in p.blocks]
    terms = [b for b in p.blocks if b.kind == "heading" and b.level == TERM_LEVEL]
    assert [t.text for t in terms] == ["-q, --quiet", "--port=<n>", "Supported systems"]
    described = {b.section[-1]: b.text for b in p.blocks if b.kind == "paragraph"}
    assert described["-q, --quiet"] == "Print nothing but errors."
    assert described["--port=<n>"] == "Listen on port <n>. The default is 7070."


def test_code_tables_and_what_is_not_shown():
    p = parsed()
    code = [b.text for b in p.blocks if b.kind == "code"]
    assert code == ["$ tar xf gizmux.tar.gz", "  $ gizmux --port=8080\n  listening on 8080"]
    rows = [b.text for b in p.blocks if b.kind == "table_row"]
    assert rows == ["System | Since", "System: Linux; Since: 1.0", "System: macOS; Since: 2.1"]
    reasons = {d.reason for d in p.dropped}
    assert reasons == {"a comment: not shown to a reader",
                       "passthrough markup: not text of the document"}
    assert not any("raw markup" in b.text or "comment" in b.text for b in p.blocks)


def test_broken_markup_stays_text_and_never_raises():
    for text in ("----\nunclosed listing", "|===\n| a | b", "== \n", "::\n;;", "[source]",
                 "* \n.\n+\n", "= T\n:a:\n{a}{b}"):
        read_asciidoc(text)  # no exception
    assert read_asciidoc("----\nunclosed listing").blocks[0].kind == "code"


@pytest.mark.parametrize(("text", "expected"), [
    (GUIDE, True),
    ("NAME\n----\ngit-x - do a thing\n\nOPTIONS\n-------\n-q::\n\tQuiet.\n-v::\n\tLoud.\n\n"
     "[verse]\n'git x' [-q]\n", True),
    # plain text, Markdown and reStructuredText are not AsciiDoc
    ("Title\n=====\n\nA paragraph.\n\n- an item\n- another\n", False),
    ("# Title\n\nSome `code` and a [link](http://x).\n\n```\ncode\n```\n", False),
    ("Title\n=====\n\nExample::\n\n    code here\n\n.. note:: A note.\n", False),
])
def test_an_asciidoc_source_is_told_from_other_text(text, expected):
    assert looks_like_asciidoc(text) is expected


def test_files_are_read_as_asciidoc_by_extension_or_by_their_markup(tmp_path):
    assert format_of("guide.adoc") == format_of("guide.asciidoc") == "asciidoc"
    assert format_of("release.tar.gz.asc") is None  # a signature, not AsciiDoc
    assert format_of("README.asc") is None
    for fmt in ("asciidoc", "text"):
        p = parse(GUIDE.encode(), fmt)
        assert p.meta["title"] == "Gizmux Manual" and not p.web
    # the git manual page of the seventh documentation set, saved as .txt
    subtree = parse((ROOT / "tests" / "data" / "docs_blind7" / "git-subtree.txt").read_bytes(),
                    "text")
    terms = [b.text for b in subtree.blocks if b.level == TERM_LEVEL]
    assert "split [<local-commit>] [<repository>]" in terms and "-q, --quiet" in terms
    (tmp_path / "gizmux.adoc").write_text(GUIDE)
    engine = QAEngine.from_directory(tmp_path, similar_words=False)
    answer = engine.ask("What does the --quiet option do?")
    assert answer.sentences[0].text == "Print nothing but errors."
    assert answer.sentences[0].title.startswith("Gizmux Manual")


def test_a_block_attribute_line_over_a_delimited_block_is_no_section_title():
    p = read_asciidoc("= Pump Manual\n\n== Safety\n\nUnplug it.\n\n[NOTE]\n====\nThe warranty "
                      "lasts two years.\n====\n\n== Maintenance\n\nClean the filter.\n")
    assert [(b.text, b.section) for b in p.blocks[-3:]] == [
        ("The warranty lasts two years.", ("Pump Manual", "Safety")),
        ("Maintenance", ("Pump Manual", "Maintenance")),
        ("Clean the filter.", ("Pump Manual", "Maintenance"))]


def test_a_conditional_ends_its_paragraph_and_a_footnote_is_read_after_its_block():
    p = read_asciidoc("The pump weighs 12 kg.footnote:[Without the hose it weighs 11 kg.] It is "
                      "blue.\n\nifdef::backend-html5[]\nThe manual has a video.\nendif::[]\n")
    assert [b.text for b in p.blocks] == [
        "The pump weighs 12 kg. It is blue.", "Without the hose it weighs 11 kg.",
        "The manual has a video."]
    assert [d.block.text for d in p.dropped] == ["ifdef::backend-html5[]", "endif::[]"]


def test_a_term_heads_its_description_and_what_is_attached_not_a_paragraph_after_the_list():
    doc = ("= Tool\n== Options\n\n-q::\n--quiet::\n\tOperate quietly.\n+\nThis also hides "
           "progress.\n\n-v::\n\nBe verbose.\n\nThe options above may be combined.\n")
    sections = {b.text: b.section for b in read_asciidoc(doc).blocks if b.kind == "paragraph"}
    assert sections["This also hides progress."] == ("Tool", "Options", "-q, --quiet")
    assert sections["Be verbose."] == ("Tool", "Options", "-v")  # its description, after a gap
    assert sections["The options above may be combined."] == ("Tool", "Options")


def test_a_list_under_a_term_is_read_item_by_item_not_run_into_one_paragraph():
    doc = ("= Wine\n\nAttribute Information::\n* Alcohol\n* Malic acid\n** class_0\n"
           "Creator:: R.A. Fisher\n\nThe data is the result of a chemical analysis.\n")
    blocks = read_asciidoc(doc).blocks
    assert [(b.text, b.level) for b in blocks if b.kind == "list_item"] == [
        ("Alcohol", 1), ("Malic acid", 1), ("class_0", 2)]
    assert blocks[2].section == ("Wine", "Attribute Information")
    assert blocks[-1].section == ("Wine",)  # after the list, the terms head it no more


def test_delimited_blocks_nested_past_the_limit_are_listed_as_dropped_not_a_recursion() -> None:
    """3,000 example blocks one in another (each fence longer) were a RecursionError."""
    n = 3000
    data = ("= Title\n\n" + "".join("=" * (4 + i) + "\n" for i in range(n)) + "The deep words.\n"
            + "".join("=" * (3 + n - i) + "\n" for i in range(n)) + "\nAfter them.\n")
    parsed = parse(data.encode(), "asciidoc")
    assert [b.text for b in parsed.blocks] == ["Title", "After them."]
    assert [(d.block.text, d.reason) for d in parsed.dropped] == [
        ("The deep words.", "nested deeper than 100 delimited blocks: not read")]
    shallow = parse(b"= Title\n\n====\n=====\nThe words.\n=====\n====\n", "asciidoc")
    assert [b.text for b in shallow.blocks] == ["Title", "The words."]
