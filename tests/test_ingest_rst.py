"""``retrieval.ingest.rst``: reStructuredText (docutils, and Sphinx's markup) -> blocks, as a
reader of the rendered page sees them."""

from __future__ import annotations

import re

import pytest
from docutils import nodes, utils
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser

from retrieval.ingest.blocks import TERM_LEVEL, Block
from retrieval.ingest.rst import read_rst

GUIDE = """\
.. _top:

=============
Widget Server
=============

:Author: Jane Doe
:Date: 2024-01-02

.. contents::

.. toctree::
   :maxdepth: 2

   install
   usage

The server answers on port 8080 by default. Start it with :func:`~widget.cli.serve`, or
read :ref:`the install guide <install>` and :class:`widget.Server`. See `the site
<https://example.org>`_ for *more*, **much** more, and ``widget --help``.

.. versionadded:: 3.2
   The *fast* mode.

.. deprecated:: 4.0

   Use ``serve`` instead.

.. note::

   Configure it first with ``widget init``.

.. |name| replace:: Widget

.. This is a comment nobody sees.

Install
=======

On Linux
--------

Run the installer::

    ./install.sh --prefix /opt/widget

- The installer puts the server in /opt/widget.
- It asks for a port:

  * 8080 is the default,
  * any port above 1024 works.

#. Numbered step one.

.. code-block:: python
   :linenos:
   :emphasize-lines: 2

   import widget
   widget.serve(port=8080)

>>> widget.version()
'3.2'

Reference
=========

.. function:: serve(port=8080, *, fast=False)

   Serve on *port*. Returns when the server stops.

   :param port: the TCP port to listen on
   :returns: the exit status

--verbose, -v    Say more about what happens.

Port
    The TCP port the server listens on.

=========  ===========
Option     Meaning
=========  ===========
--fast     skip checks
--dry-run  print only
=========  ===========

+--------+---------+
| Key    | Default |
+========+=========+
| port   | 8080    |
+--------+---------+

.. widget-gallery::
   :columns: 3

   A gallery of widgets, in three columns.
"""


def by_kind(blocks: list[Block], kind: str) -> list[str]:
    return [b.text for b in blocks if b.kind == kind]


def test_sections_are_headings_of_their_depth_and_a_lone_section_titles_the_document():
    parsed = read_rst(GUIDE)
    assert parsed.meta["title"] == "Widget Server" and parsed.web is False
    headings = [(b.text, b.level, b.section) for b in parsed.blocks if b.kind == "heading"
                and b.level < TERM_LEVEL]
    assert headings == [
        ("Widget Server", 1, ("Widget Server",)),
        ("Install", 2, ("Widget Server", "Install")),
        ("On Linux", 3, ("Widget Server", "Install", "On Linux")),
        ("Reference", 2, ("Widget Server", "Reference")),
    ]
    (step,) = [b for b in parsed.blocks if b.text == "Numbered step one."]
    assert step.section == ("Widget Server", "Install", "On Linux")


def test_inline_markup_and_sphinx_roles_read_as_the_rendered_text():
    paragraphs = by_kind(read_rst(GUIDE).blocks, "paragraph")
    assert ("The server answers on port 8080 by default. Start it with serve, or read the "
            "install guide and widget.Server. See the site for more, much more, and "
            "widget --help.") in paragraphs
    text = " ".join(b.text for b in read_rst(GUIDE).blocks)
    assert not re.search(r":\w+:`|``|\*\*|`_|\|name\|", text)


def test_sphinx_directives_keep_their_text_and_code_directives_their_code():
    blocks = read_rst(GUIDE).blocks
    paragraphs = by_kind(blocks, "paragraph")
    assert "New in version 3.2: The fast mode." in paragraphs
    assert "Deprecated since version 4.0." in paragraphs and "Use serve instead." in paragraphs
    assert "Configure it first with widget init." in paragraphs
    assert "A gallery of widgets, in three columns." in paragraphs  # a directive no one knows
    code = by_kind(blocks, "code")
    # ":linenos:" (Sphinx's, not docutils') made docutils' own code-block fail: kept here
    assert code == ["./install.sh --prefix /opt/widget", "import widget widget.serve(port=8080)",
                    ">>> widget.version() '3.2'"]
    assert "Run the installer:" in paragraphs


def test_lists_fields_options_and_terms():
    blocks = read_rst(GUIDE).blocks
    items = [(b.text, b.level) for b in blocks if b.kind == "list_item"]
    assert ("The installer puts the server in /opt/widget.", 1) in items
    assert ("8080 is the default,", 2) in items and ("Numbered step one.", 1) in items
    assert ("param port: the TCP port to listen on", 1) in items
    assert ("--verbose, -v: Say more about what happens.", 1) in items
    terms = [b for b in blocks if b.kind == "heading" and b.level == TERM_LEVEL]
    assert [t.text for t in terms] == ["serve(port=8080, *, fast=False)", "Port"]
    (defined,) = [b for b in blocks if b.text == "The TCP port the server listens on."]
    assert defined.kind == "paragraph" and defined.section[-1] == "Port"
    (serves,) = [b for b in blocks if b.text.startswith("Serve on port.")]
    assert serves.section[-1] == "serve(port=8080, *, fast=False)"


def test_tables_read_as_rows_keyed_by_their_header():
    rows = by_kind(read_rst(GUIDE).blocks, "table_row")
    assert rows == ["Option | Meaning", "Option: --fast; Meaning: skip checks",
                    "Option: --dry-run; Meaning: print only", "Key | Default",
                    "Key: port; Default: 8080"]


def test_what_a_reader_does_not_see_is_dropped_with_its_reason():
    parsed = read_rst(GUIDE)
    dropped = {d.block.text: d.reason for d in parsed.dropped}
    assert dropped["Author: Jane Doe"].startswith("the document's metadata fields")
    assert parsed.meta["publisher"] == "Jane Doe" and parsed.meta["published"] == "2024-01-02"
    assert dropped["install usage"].startswith("navigation or a generated part")
    assert dropped["This is a comment nobody sees."].startswith("a comment")
    shown = " ".join(b.text for b in parsed.blocks)
    assert "Jane Doe" not in shown and "comment nobody sees" not in shown


def test_nothing_outside_the_document_is_read_and_refused_markup_is_reported(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the launch code is 0000\n", encoding="utf-8")
    text = (f"Notes\n=====\n\nBefore.\n\n.. include:: {secret}\n\n"
            f".. literalinclude:: {secret}\n\n"
            ".. raw:: html\n\n   <script>alert(1)</script>\n\nAfter.\n")
    parsed = read_rst(text)
    everything = " ".join(b.text for b in parsed.blocks) + " ".join(
        d.block.text for d in parsed.dropped)
    assert "launch code" not in everything and "alert" not in " ".join(
        b.text for b in parsed.blocks)
    assert by_kind(parsed.blocks, "paragraph") == ["Before.", "After."]
    reasons = [d.reason for d in parsed.dropped]
    assert any(r.startswith("not read:") and "include" in r for r in reasons)
    assert any(r.startswith("not read:") and "raw" in r for r in reasons)


def test_broken_markup_stays_text_and_never_raises():
    text = "Title\n=====\n\nAn *unclosed emphasis and a `bad link`_ here.\n\n" \
           ".. image::\n\n:undefined:`role` text.\n\n  Unexpected indent.\n\n====\n"
    parsed = read_rst(text)
    shown = " ".join(b.text for b in parsed.blocks)
    assert "unclosed emphasis" in shown and "role text." in shown
    assert "Unexpected indent." in shown


class _Units(nodes.SparseNodeVisitor):
    """Every unit of text a reader of the rendered page sees, found by docutils alone."""

    def __init__(self, document: nodes.document) -> None:
        super().__init__(document)
        self.units: list[str] = []

    def visit_paragraph(self, node: nodes.Node) -> None:
        self.units.append(node.astext())

    visit_title = visit_term = visit_entry = visit_literal_block = visit_paragraph

    def unknown_visit(self, node: nodes.Node) -> None:  # the reader's own nodes, once it ran
        pass

    def unknown_departure(self, node: nodes.Node) -> None:
        pass


def norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def test_every_unit_of_the_document_is_a_block_or_dropped_with_a_reason():
    document = utils.new_document("<test>", get_default_settings(Parser))
    document.reporter.report_level = 5
    Parser().parse(GUIDE.replace(".. code-block:: python\n   :linenos:\n   :emphasize-lines: 2",
                                 ".. code-block:: python"), document)
    units = _Units(document)
    document.walkabout(units)
    parsed = read_rst(GUIDE)
    kept = norm(" ".join(b.text for b in parsed.blocks) + " "
                + " ".join(d.block.text for d in parsed.dropped))
    missing = [u for u in units.units if norm(u) and norm(u) not in kept]
    assert len(units.units) > 30 and missing == []


def test_a_substitution_reads_as_its_definition_and_a_footnote_mark_leaves_no_gap():
    parsed = read_rst(".. |product| replace:: WidgetPro\n\nThe |product| ships with a charger "
                      "[#f1]_. The |Product| weighs 2 kg [1]_. See |version|.\n\n"
                      ".. [#f1] The charger delivers 65 watts.\n.. [1] Without the box.\n")
    assert [b.text for b in parsed.blocks] == [
        "The WidgetPro ships with a charger. The WidgetPro weighs 2 kg. See version.",
        "The charger delivers 65 watts.", "Without the box."]


def test_a_term_heads_its_definition_and_nothing_after_its_list() -> None:
    doc = ("Title\n=====\n\nWords\n-----\n\nharbour\n   A place where ships shelter.\n\n"
           "quay\n   A stone platform beside the water.\n\n"
           "The words above are the port's own, kept since 1890.\n")
    blocks = read_rst(doc).blocks
    assert blocks[3].section == ("Title", "Words", "harbour")
    assert blocks[-1].text.startswith("The words above") and blocks[-1].section == (
        "Title", "Words")


def test_a_field_holding_a_list_leads_in_its_items_not_one_line_of_them() -> None:
    """A bullet list in a field's body (and a term in it, drawn as a nested list) is read item
    by item under the field's name, as a Markdown list after a lead-in is."""
    doc = (":Instances: 178\n:Attribute Information:\n    - Alcohol\n    - Malic acid\n"
           "    - class:\n        - class_0\n        - class_1\n:Creator: R.A. Fisher\n\n"
           "The data is the result of a chemical analysis.\n")
    blocks = read_rst("Wine\n====\n\n**Data Set Characteristics:**\n\n" + doc).blocks
    items = [(b.text, b.level) for b in blocks if b.kind == "list_item"]
    assert items == [("Instances: 178", 1), ("Attribute Information:", 1), ("Alcohol", 2),
                     ("Malic acid", 2), ("class:", 2), ("class_0", 3), ("class_1", 3),
                     ("Creator: R.A. Fisher", 1)]
    assert all(b.section == ("Wine",) for b in blocks[1:])




def test_a_literal_block_of_words_reads_as_a_list_and_code_stays_code() -> None:
    """A cheat sheet sets its key bindings in ``::`` blocks, which a reader reads as text: a
    block whose every line is words (opening with a capital, no punctuation, one indentation)
    is a list of its lines; a command, a statement, a query in capitals, nested lines and a
    code directive stay code."""
    source = """Keys
====

When focus is in the outline::

    Shift-Up-arrow (move-outline-up)
    Shift-Down-arrow (move-outline-down)
    Ctrl-D

To install it::

    pip install beets

A query::

    SELECT name FROM users

Nested::

    Begin
        End

.. code-block:: text

    Shift-Left-arrow
"""
    blocks = read_rst(source).blocks
    assert by_kind(blocks, "list_item") == ["Shift-Up-arrow (move-outline-up)",
                                            "Shift-Down-arrow (move-outline-down)", "Ctrl-D"]
    assert by_kind(blocks, "code") == ["pip install beets", "SELECT name FROM users",
                                       "Begin End", "Shift-Left-arrow"]


def test_a_document_indented_deeper_than_is_read_is_refused_saying_so():
    # each line one space deeper: docutils recursed a level a line, copying the lines under it
    # (a 4.5 MB file took 1.4 GB), and failed at some 200 levels with a RecursionError
    deep = "Para\n\n" + "".join(" " * i + "quote\n\n" for i in range(1, 300))
    with pytest.raises(ValueError, match="indented 300 levels deep, over the 100"):
        read_rst(deep)
    nested = "".join("  " * i + "- item\n\n" for i in range(60))  # deep, and read
    assert [b.kind for b in read_rst(nested).blocks] == ["list_item"] * 60


def test_substitutions_expand_within_a_bound_of_the_documents_length():
    # ten references a definition, five deep: 858 bytes read as 8 MB of text
    defs = [".. |a| replace:: lol lol lol lol lol lol lol lol lol lol"] + [
        f".. |{c}| replace:: " + " ".join([f"|{p}|"] * 10) for p, c in ("ab", "bc", "cd", "de")]
    text = "Title\n=====\n\n" + "The harbour |e| ends here.\n\n" * 20 + "\n".join(defs) + "\n"
    blocks = read_rst(text).blocks
    assert sum(len(b.text) for b in blocks) < 100_000
    assert blocks[1].text == "The harbour e ends here."
    # a substitution within one reads as its text still
    nested = ("We ship |product| and |Product|.\n\n.. |product| replace:: Widget |ver|\n"
              ".. |ver| replace:: Pro 2\n")
    assert [b.text for b in read_rst(nested).blocks] == ["We ship Widget Pro 2 and Widget Pro 2."]
