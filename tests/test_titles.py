"""A document's title: declared, else from its text, one short line."""

from __future__ import annotations

from retrieval.corpus import Document
from retrieval.ingest.blocks import Block, Parsed
from retrieval.ingest.sieve import sieve
from retrieval.titles import MAX_TITLE_CHARS, title_of


def _title(blocks: list[Block], meta: dict[str, str] | None = None, own: str = "") -> str:
    parsed = Parsed(blocks, meta or {})
    return title_of(Document(id="doc-id", text="", title=own), parsed, sieve(parsed))


def test_a_sidecars_title_then_the_files_own_then_one_from_the_text():
    blocks = [Block("heading", "Widget Guide", ("Widget Guide",), level=1),
              Block("paragraph", "Widgets are small.", ("Widget Guide",))]
    assert _title(blocks, {"title": "Declared"}, own="Sidecar") == "Sidecar"
    assert _title(blocks, {"title": "Declared"}) == "Declared"
    assert _title(blocks) == "Widget Guide"


def test_several_outermost_headings_are_sections_and_the_id_stands_in():
    blocks = [Block("heading", "Summary", ("Summary",), level=1),
              Block("paragraph", "It works.", ("Summary",)),
              Block("heading", "Motivation", ("Motivation",), level=1),
              Block("paragraph", "It was needed.", ("Motivation",))]
    assert _title(blocks) == "doc-id"


def test_a_date_or_a_number_heading_the_text_is_no_title():
    # an announcement's date over its heading, a changelog's latest release
    blocks = [Block("heading", "February 15, 2018", ("February 15, 2018",), level=1),
              Block("heading", "Announcing: Widget 3.11", ("Announcing: Widget 3.11",), level=2),
              Block("paragraph", "Widget 3.11 is out.", ("Announcing: Widget 3.11",))]
    assert _title(blocks) == "Announcing: Widget 3.11"
    blocks = [Block("heading", "--1.4.1--", ("--1.4.1--",), level=1),
              Block("paragraph", "Released March 15, 2026", ("--1.4.1--",))]
    assert _title(blocks) == "Released March 15, 2026"  # a text without headings: its first
    blocks = [Block("heading", "Python 3", ("Python 3",), level=1),
              Block("paragraph", "Python 3 is here.", ("Python 3",))]
    assert _title(blocks) == "Python 3"


def test_a_manual_pages_name_line_and_a_text_without_headings():
    assert _title([Block("heading", "NAME", ("NAME",), level=1),
                   Block("paragraph", "frob - frob files", ("NAME",))]) == "frob - frob files"
    assert _title([Block("paragraph", "Copyright 2020 Example Ltd."),
                   Block("paragraph", "Frobbing made easy. It frobs.")]) == "Frobbing made easy."


def test_a_title_is_one_short_line_without_direction_overrides():
    long = " ".join(["word"] * 60)
    title = _title([], {"title": long})
    assert len(title) <= MAX_TITLE_CHARS + 1 and title.endswith("…")
    assert _title([], {"title": "Report\n\u202eFDP.x"}) == "Report FDP.x"
