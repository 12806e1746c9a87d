"""``retrieval.ingest.htmltable``: an HTML table's rows, as ``read_html`` reads them."""

from __future__ import annotations

from retrieval.ingest.html import read_html


def kinds(markup: str) -> list[tuple[str, str, int]]:
    return [(b.kind, b.text, b.level) for b in read_html(markup).blocks]


def test_a_table_is_its_header_row_then_body_rows_keyed_by_it():
    markup = ("<table><caption>Sizes</caption><tr><th>Type</th><th>Bits</th><th>Note</th></tr>"
              "<tr><td>i8</td><td>8</td><td></td><tr><td>i16<td>16<td>two <b>bytes</b></table>")
    assert kinds(markup) == [
        ("paragraph", "Sizes", 0),
        ("table_row", "Type | Bits | Note", 0),
        ("table_row", "Type: i8; Bits: 8", 0),  # the empty cell left out
        ("table_row", "Type: i16; Bits: 16; Note: two bytes", 0),  # end tags implied
    ]


def test_a_table_without_a_header_row_joins_its_cells():
    assert kinds("<table><tr><th>Born</th><td>1950</td></tr><tr><td>a</td><td>b</td></tr>"
                 "</table>") == [("table_row", "Born | 1950", 0), ("table_row", "a | b", 0)]


def test_a_cell_spanning_rows_or_columns_is_read_under_the_headers_it_stands_under():
    # a cell merged down is read in every row it spans, the cells right of it under their own
    # headers ("Route: Winter; Season: 22 hours" was read); a two-row header names the columns
    # together; a cell spanning the whole table is keyed by none
    timetable = ("<table><tr><th>Route</th><th>Season</th><th>Duration</th></tr><tr><td "
                 "rowspan=2>Oslo to Kiel</td><td>Summer</td><td>20 hours</td></tr><tr><td>Winter"
                 "</td><td>22 hours</td></tr><tr><td>Bergen</td><td colspan=2>daily</td></tr>"
                 "</table>")
    assert [t for _, t, _ in kinds(timetable)] == [
        "Route | Season | Duration", "Route: Oslo to Kiel; Season: Summer; Duration: 20 hours",
        "Route: Oslo to Kiel; Season: Winter; Duration: 22 hours",
        "Route: Bergen; Season / Duration: daily"]
    results = ('<table><thead><tr><th rowspan="2">Team</th><th colspan="2">Goals</th></tr><tr>'
               "<th>Home</th><th>Away</th></tr></thead><tr><td>Molde</td><td>0</td><td>2</td>"
               '</tr><tfoot><tr><td colspan="3">Source: the league.</td></tr></tfoot></table>')
    assert [t for _, t, _ in kinds(results)] == [
        "Team | Goals Home | Goals Away", "Team: Molde; Goals Home: 0; Goals Away: 2",
        "Source: the league."]
    titled = ("<table><tr><th colspan=2>Prices</th></tr><tr><th>Item</th><th>Cost</th></tr><tr>"
              "<td>Tea</td><td>2</td></tr></table>")
    assert [t for _, t, _ in kinds(titled)] == ["Prices", "Item | Cost", "Item: Tea; Cost: 2"]


def test_a_layout_table_is_read_as_the_blocks_in_its_cells():
    markup = ("<table><tr><td><h2>News</h2><p>First story.</p></td><td><p>Second.</p></td></tr>"
              "</table>")
    assert kinds(markup) == [
        ("heading", "News", 2), ("paragraph", "First story.", 0), ("paragraph", "Second.", 0),
    ]


def test_a_cell_holding_a_list_of_paragraphs_is_layout_its_items_read_as_items():
    # an FAQ boxed by a layout table (libxslt's): each question an item, its answer paragraphs
    markup = ("<table><tr><td><ol><li><em>Troubles linking</em><p>Use the flags.</p>"
              "<p>Or the script.</p></li><li><em>Slow?</em><p>No.</p></li></ol></td></tr>"
              "</table>")
    assert kinds(markup) == [
        ("list_item", "Troubles linking", 1), ("list_item", "Use the flags.", 1),
        ("list_item", "Or the script.", 1), ("list_item", "Slow?", 1), ("list_item", "No.", 1),
    ]
    # a cell holding a short list is one datum of its row
    assert kinds("<table><tr><td>Formats</td><td><ul><li>PNG</li><li>GIF</li></ul></td></tr>"
                 "</table>") == [("table_row", "Formats | PNG, GIF", 0)]


def test_the_items_of_a_list_in_a_cell_are_apart_not_one_string():
    markup = ("<table><tr><th>Field</th><th>Values</th></tr><tr><td>Attributes</td><td>"
              "<ul><li>Alcohol</li><li>Malic acid</li></ul></td></tr><tr><td>Classes:</td><td>"
              "Kinds:<ul><li>class_0</li><li>class_1</li></ul></td></tr></table>")
    assert [b.text for b in read_html(markup).blocks] == [
        "Field | Values", "Field: Attributes; Values: Alcohol, Malic acid",
        "Field: Classes:; Values: Kinds: class_0, class_1"]



def test_cells_merged_down_repeat_their_text_within_a_bound_of_the_tables_own():
    # every cell merged to the end of the table: each row's cells stood after all those above
    # it, 80 rows of 80 cells read as 259,200 cells (2 MB of them took minutes and gigabytes)
    row = "<tr>" + '<td rowspan="0">x</td>' * 80 + "</tr>"
    blocks = read_html(f"<table>{row * 80}</table><p>After the table.</p>").blocks
    assert sum(b.text.count("x") for b in blocks) <= 11 * 80 * 80 + 10_000
    assert blocks[-1].text == "After the table."
    # one long cell merged down over empty rows (65,534 of them were 6 GB of text)
    long = "<table><tr><td rowspan=0>" + "word " * 200 + "</td></tr>" + "<tr></tr>" * 2000
    blocks = read_html(long + "</table>").blocks
    assert blocks[0].text.startswith("word word") and sum(len(b.text) for b in blocks) < 30_000
    # a cell merged down over a few rows is read in each of them still
    assert kinds("<table><tr><td rowspan=3>Oslo</td><td>a</td></tr><tr><td>b</td></tr><tr>"
                 "<td>c</td></tr></table>") == [("table_row", "Oslo | a", 0),
                                                ("table_row", "Oslo | b", 0),
                                                ("table_row", "Oslo | c", 0)]
