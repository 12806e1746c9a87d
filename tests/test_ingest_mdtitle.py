"""``retrieval.ingest.mdtitle``: a Markdown document's title, as ``read_markdown`` finds it."""

from __future__ import annotations

import pytest

from retrieval.ingest.markdown import read_markdown


def test_the_one_h1_before_any_other_heading_is_the_title():
    assert read_markdown("# Harbour\n\nText.\n\n## Use\n\nMore.").meta == {"title": "Harbour"}
    assert read_markdown("Intro text.\n\nHarbour\n=======\n\nText.").meta == {"title": "Harbour"}


@pytest.mark.parametrize(
    "text",
    [
        "# One\n\nText.\n\n# Two\n\nText.",  # H1s are the sections
        "## Before\n\n# Late\n\nText.",  # a heading comes before the H1
        "Just a paragraph.",
        "- Start Date: 2020-01-01\n- Author: Ann",  # a metadata list with no name in it
        "- Feature Name: N/A\n- Start Date: 2020-01-01",  # a template's blank
        "- Name: Ann\n- and a plain item",  # not a metadata list
    ],
)
def test_no_title_is_made_up(text):
    assert "title" not in read_markdown(text).meta


def test_metadata_lines_give_a_title_where_a_title_key_wins_over_a_name():
    assert read_markdown("Name: harbour\nTitle: *Harbour* docs\n\nText.").meta == {
        "title": "Harbour docs"
    }


def test_a_pandoc_title_block_is_the_title_and_no_block():
    parsed = read_markdown("% Rust Release Notes\n% The Rust Team\n\nVersion 1.0\n===\n\nText.")
    assert parsed.meta == {"title": "Rust Release Notes"}
    assert [b.text for b in parsed.blocks] == ["Version 1.0", "Text."]


def test_a_front_matter_title_wins_over_a_pandoc_title():
    parsed = read_markdown("---\ntitle: Front\n---\n% Pandoc\n\nText.")
    assert parsed.meta == {"title": "Front"} and [b.text for b in parsed.blocks] == ["Text."]

