"""``retrieval.ingest.adoctable``: an AsciiDoc table's rows, as ``read_asciidoc`` reads them."""

from __future__ import annotations

from retrieval.ingest.asciidoc import read_asciidoc


def test_a_table_with_a_cell_per_line_has_rows_of_as_many_cells_as_it_has_columns():
    rows = [b.text for b in read_asciidoc(
        ".Sizes\n|===\n|Size |Flow\n\n|Small\n|20 l/min\n\n|Large\n|45 l/min\n|===\n\n"
        '[cols="1,1,1",options="header"]\n|===\n|Name\n|Value\n|Note\n2+|Total\n|all\n|===\n'
    ).blocks if b.kind == "table_row"]
    assert rows == ["Size | Flow", "Size: Small; Flow: 20 l/min", "Size: Large; Flow: 45 l/min",
                    "Name | Value | Note", "Name: Total; Note: all"]

