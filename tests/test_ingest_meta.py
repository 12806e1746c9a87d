"""``retrieval.ingest.meta``: the metadata a text declares about itself in a front matter."""

from __future__ import annotations

from retrieval.ingest.meta import front_matter


def test_a_toml_front_matter_is_metadata_not_text():
    text = '+++\ntitle = "Beekeeping Basics"\ndate = 2020-05-05\ndraft = false\n+++\n\nA hive.\n'
    assert front_matter(text) == (
        {"title": "Beekeeping Basics", "published": "2020-05-05"}, "\nA hive.\n")
