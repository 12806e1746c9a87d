"""``retrieval.ingest.rsttable``: a reStructuredText table's rows, as ``read_rst`` reads them."""

from __future__ import annotations

from retrieval.ingest.rst import read_rst


def test_a_simple_table_header_over_the_data_columns_only_keys_its_cells() -> None:
    """docutils drops a simple table's header row whose first column is blank (it reads as
    going on with a row above, and there is none); its labels are read from the source."""
    doc = ("Statistics\n\n   ==================== ==== ===== =====\n"
           "                          Min   Max    SD\n"
           "   ==================== ==== ===== =====\n"
           "   Alcohol:             11.0  14.8   0.8\n"
           "   Malic Acid:          0.74  5.80  1.12\n"
           "   ==================== ==== ===== =====\n")
    assert [b.text for b in read_rst(doc).blocks if b.kind == "table_row"] == [
        "Min | Max | SD", "Alcohol: Min: 11.0; Max: 14.8; SD: 0.8",
        "Malic Acid: Min: 0.74; Max: 5.80; SD: 1.12"]

