"""``retrieval.ingest.rstsigns``: a plain text file that is reStructuredText source is read as
reStructuredText."""

from __future__ import annotations

from retrieval.ingest.read import parse
from retrieval.ingest.rstsigns import looks_like_rst

FAQ = """\
####
FAQ
####

This is the editor's Frequently Asked Questions document.

.. contents:: Contents
    :depth: 2

.. _docutils: http://docutils.sourceforge.net/

Installing
++++++++++

How do I install it on Windows?
*******************************

Run the installer, then open a new console::

    editor --version

Use :ref:`plugins <plugins>` to add features.
"""

PLAIN = """\
Installing
==========

Run the installer, then type this at the prompt::

    editor --version

Upgrading
---------

Archive the old version first.
"""


def test_a_text_file_in_rst_is_read_as_rst() -> None:
    assert looks_like_rst(FAQ)
    parsed = parse(FAQ.encode(), "text")
    texts = [b.text for b in parsed.blocks]
    assert "FAQ" not in " ".join(t for t in texts if "Frequently" in t)
    assert not any(".. contents" in t or "++++" in t or "****" in t for t in texts)
    (run,) = [b for b in parsed.blocks if b.text.startswith("Run the installer")]
    assert run.section[-2:] == ("Installing", "How do I install it on Windows?")
    assert any(b.kind == "code" and "editor --version" in b.text for b in parsed.blocks)
    assert any(t == "Use plugins to add features." for t in texts)


def test_plain_text_with_underlined_headings_and_a_double_colon_stays_plain() -> None:
    assert not looks_like_rst(PLAIN)
    assert not looks_like_rst(".. and so on\n.. and on\n\nA line.\n")  # no second sign
