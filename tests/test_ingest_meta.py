"""``retrieval.ingest.meta``: the metadata a text declares about itself in a front matter."""

from __future__ import annotations

import pytest

from retrieval.ingest.meta import front_matter


def test_a_toml_front_matter_is_metadata_not_text():
    text = '+++\ntitle = "Beekeeping Basics"\ndate = 2020-05-05\ndraft = false\n+++\n\nA hive.\n'
    assert front_matter(text) == (
        {"title": "Beekeeping Basics", "published": "2020-05-05"}, "\nA hive.\n")


@pytest.mark.parametrize(("front", "title"), [
    ("title: >-\n  Pear Growing in\n  Cold Climates\n---", "Pear Growing in Cold Climates"),
    ("title: |\n  Cherry Notes\n---", "Cherry Notes"),
    ("title: 'It''s the Orchard: a \"guide\"'\n---", 'It\'s the Orchard: a "guide"'),
    ("title: Fig Notes # draft, rename later\n---", "Fig Notes"),
    ("title: Quince Notes\n...", "Quince Notes"),  # pandoc's end of the YAML block
    ("title: Harbour: not valid YAML\ndate: 2024-05-01\n---", "Harbour: not valid YAML"),
])
def test_a_yaml_front_matter_is_read_as_yaml(front, title):
    meta, text = front_matter(f"---\n{front}\n\nThe text.\n")
    assert meta["title"] == title and text == "\nThe text.\n"
