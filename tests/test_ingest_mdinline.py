"""``retrieval.ingest.mdinline``: the text a reader sees of Markdown's inline markup."""

from __future__ import annotations

from retrieval.ingest.markdown import read_markdown


def test_html_lists_and_paragraphs_in_a_cell_keep_their_words_apart():
    doc = ("| Field | Values |\n|---|---|\n| Attributes | <ul><li>Alcohol</li><li>Malic acid</li>"
           "</ul> |\n| Note | one<p>two</p> and <b>bo</b>ld |\n")
    assert [b.text for b in read_markdown(doc).blocks if b.kind == "table_row"] == [
        "Field | Values", "Field: Attributes; Values: Alcohol, Malic acid",
        "Field: Note; Values: one two and bold"]


def test_a_headings_badges_are_no_part_of_it_and_an_image_alone_is_its_alt_text():
    parsed = read_markdown(
        "# Thread-pool Controls [![Build Status](https://ci/x.svg)](https://ci/x) "
        "[![codecov](https://c/y.svg)](https://c/y)\n\n## ![Widget](logo.png)\n\nIt pools.\n")
    assert [b.text for b in parsed.blocks] == ["Thread-pool Controls", "Widget", "It pools."]
    assert parsed.meta["title"] == "Thread-pool Controls"


def test_an_image_on_a_line_of_its_own_over_its_caption_is_a_figure_not_its_alt_text():
    parsed = read_markdown("# Interview\n\n![Mara Lindqvist at her home](lindqvist.jpg)\n"
                           "*Mara Lindqvist at her home. Photo: Ellie Rowe*\n\n"
                           "Click the ![gear](gear.png) icon.\n")
    assert [b.text for b in parsed.blocks] == [
        "Interview", "Mara Lindqvist at her home. Photo: Ellie Rowe", "Click the gear icon."]

