"""``retrieval.ingest.labels``: paragraphs that name or list and are never quoted alone."""

from __future__ import annotations

from retrieval.ingest.blocks import Block
from retrieval.ingest.labels import capitals_label, field_strip


def test_a_label_in_capitals_is_no_statement() -> None:
    assert capitals_label(Block("paragraph", "DRAFT - NOT FOR PUBLICATION"))
    assert capitals_label(Block("paragraph", "END OF TERMS AND CONDITIONS"))
    assert not capitals_label(Block("paragraph", "THE BRIDGE IS CLOSED."))  # a sentence
    assert not capitals_label(Block("paragraph", "Draft - not for publication"))
    assert not capitals_label(Block("list_item", "USB"))
    assert not capitals_label(Block(
        "paragraph", "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS AS IS"))


def test_a_strip_of_fields_alone_is_no_statement_but_a_typed_table_s_rows_are() -> None:
    slug = Block("paragraph", "Slug: WATER-LIFTED | Web and Monday paper | Amira Soltani | "
                              "filed Fri 4 Dec, 18:55")
    prose = Block("paragraph", "The notice was lifted on Friday.")
    assert field_strip([prose, slug, prose], 1)
    rows = [Block("paragraph", "Alice | 31 | Paris"), Block("paragraph", "Bob | 42 | Rome")]
    assert not field_strip(rows, 0) and not field_strip(rows, 1)
    said = Block("paragraph", "It rained. | It stopped. | It rained again.")
    assert not field_strip([said], 0)  # statements set apart by bars
    assert not field_strip([Block("paragraph", "Home | News")], 0)  # two fields
