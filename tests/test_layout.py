"""Documents laid out in passages: sections and pages kept apart and cited."""

from __future__ import annotations

from retrieval.corpus import Document
from retrieval.ingest.blocks import Block, Parsed
from retrieval.layout import build_collection, section_name


def test_passages_keep_to_one_section_and_page_and_cite_them():
    blocks = [Block("heading", "Guide", ("Guide",), page=1, level=1),
              Block("paragraph", "The guide explains the widget server in short.", ("Guide",),
                    page=1),
              Block("heading", "Install", ("Guide", "Install"), page=1, level=2),
              Block("paragraph", "Run the installer as root to set it up.", ("Guide", "Install"),
                    page=1),
              Block("paragraph", "The installer asks for the port.", ("Guide", "Install"),
                    page=2)]
    doc = Document(id="g", title="", text="", parsed=Parsed(blocks))
    c, texts = build_collection([doc])
    assert c.sources[0].title == "Guide"
    assert texts == ["Guide\nThe guide explains the widget server in short.",
                     "Install\nRun the installer as root to set it up.",
                     "The installer asks for the port."]
    assert [c.section_of(p) for p in range(3)] == ["", "Install", "Install"]  # "": the title
    assert [c.page_of(p) for p in range(3)] == [1, 1, 2]
    assert [s.quotable for s in c.sentences(1)] == [False, True]  # a heading is never quoted


def test_a_section_path_drops_the_heading_the_title_begins_with():
    assert section_name(("2. Using the Interpreter", "2.1. Invoking"),
                        "2. Using the Interpreter — Python 3.11 documentation") == "2.1. Invoking"
    assert section_name(("Guide", "Install"), "Guide") == "Install"
    assert section_name(("Install", "Linux"), "Guide") == "Install › Linux"
