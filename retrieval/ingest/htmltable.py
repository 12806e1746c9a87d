"""An HTML table's rows read: cells placed in their columns, the rows and columns they span
(``rowspan``, ``colspan``) resolved before cells are labelled by their headers, as a browser
lays them out ("Route" merged down over two rows stays the route of both).

A row reads like its Markdown counterpart: a header row of ``th`` cells is ``H1 | H2``, a body
row under it ``H1: c1; H2: c2``, and a table without a header row joins its cells with `` | ``.
A header of two rows names a column with both ("Goals Home"). A row whose cells hold headings,
code, a table or many paragraphs is page layout, not data, and its cells' blocks are read as
they are."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import zip_longest

from .blocks import Block, cell_text, table_row_text


@dataclass(slots=True)
class Cell:
    """A table cell read: a header cell or not, its blocks, and how many rows and columns it
    spans (``rowspan``, ``colspan``)."""

    th: bool
    blocks: list[Block]
    rows: int = 1
    cols: int = 1


@dataclass(slots=True)
class Grid:
    """A table's columns as its rows are read: the header's name for each column, the cells
    merged down into rows still to come, and the header's block while a header row under it may
    still stack onto it (a cell of its last row spans rows or columns: "Team" over two header
    rows, "Goals" over "Home" and "Away")."""

    names: list[str] = field(default_factory=list)
    below: dict[int, tuple[int, int, str]] = field(default_factory=dict)  # first column: rows
    # left, columns, text
    head: Block | None = None
    # the characters of its cells read in their own rows, and of those merged down into later
    # rows (``_placed``: each cell counts one at least, an empty one too)
    own: int = 0
    repeated: int = 0


@dataclass(slots=True)
class Row:
    """A table row being read: its table's grid (``None`` outside a table), whether it stands in
    the table's ``thead``, and its cells so far."""

    grid: Grid | None
    in_head: bool
    cells: list[Cell] = field(default_factory=list)


MAX_ROWSPAN, MAX_COLSPAN = 65534, 1000  # as HTML caps them
# The text of a table's cells merged down into later rows: at most this many times its cells'
# own and this many characters more. A hostile table (2 MB of cells each merged down to the
# end of the table, so that each row's cells stood after all those of the rows above it; or
# one long cell over 65,534 empty rows) was read for minutes into gigabytes.
REPEATED_SHARE, REPEATED_MORE = 10, 10_000
_MAX_CELL_PARAGRAPHS = 3  # a cell with more (or list items) is a page's layout box, not a datum


def span_of(value: str | None, most: int) -> int:
    """A ``rowspan`` or ``colspan`` as HTML reads it: a whole number, 1 if none or bad; a
    ``rowspan`` of 0 reaches to the end of its row group."""
    digits = re.match(r"\s*(\d+)", value or "")
    number = int(digits.group(1)) if digits else 1
    return most if number == 0 and most == MAX_ROWSPAN else min(most, max(1, number))


def _any_spans(cells: list[Cell]) -> bool:
    return any(cell.rows > 1 or cell.cols > 1 for cell in cells)


def _placed(cells: list[Cell], grid: Grid) -> list[tuple[int, int, str]]:
    """A row's cells at their columns (first column, columns spanned, text), the cells merged
    down into it from rows above among them; ``grid.below`` (by first column: rows left,
    columns, text) is updated for the next row. A cell is merged down no further once the
    text repeated so would pass the table's bound (``REPEATED_SHARE``)."""
    out: list[tuple[int, int, str]] = []
    below = grid.below
    above, column = dict(below), 0
    below.clear()

    def place(start: int, rows: int, span: int, text: str) -> None:
        out.append((start, span, text))
        if rows > 1:
            below[start] = (rows - 1, span, text)

    def carry(start: int, rows: int, span: int, text: str) -> None:
        grid.repeated += max(1, len(text))
        if grid.repeated <= REPEATED_SHARE * grid.own + REPEATED_MORE:
            place(start, rows, span, text)

    for cell in cells:
        while column in above:  # a cell merged down from above takes this column
            rows, span, text = above.pop(column)
            carry(column, rows, span, text)
            column += span
        text = cell_text(cell.blocks)
        grid.own += max(1, len(text))
        place(column, cell.rows, cell.cols, text)
        column += cell.cols
    for start in sorted(above):  # those after the row's own cells (not under one: a bad table)
        if start >= column:
            carry(start, *above[start])
            column = start + above[start][1]
    return out


def row_blocks(row: Row, sink: list[Block]) -> list[Block]:
    """A table row's blocks: one ``table_row``, or its cells' own blocks when it is layout;
    ``sink``: the blocks read before it, where a header row it stacks onto stands.

    Its cells are set in their columns first: a cell merged down from a row above
    (``rowspan``) takes its column in this row too, and is read in it; a cell spanning
    columns (``colspan``) is keyed by the names of the columns it spans ("Q1 / Q2: 40"), and
    by none when it spans them all (a note under the table). A header row under a header
    row that spans into it names the columns with it ("Goals Home", "Goals Away")."""
    grid = row.grid if row.grid is not None else Grid()
    if any(_is_layout(cell.blocks) for cell in row.cells):
        grid.head = None
        return [b for cell in row.cells for b in cell.blocks]
    columns = _placed(row.cells, grid)
    texts = [text for _, _, text in columns]
    if row.cells and (row.in_head or all(cell.th for cell in row.cells)):
        labels = [""] * sum(span for _, span, _ in columns)
        for start, span, text in columns:
            labels[start:start + span] = [text] * span
        # the lower row of a header of two rows or more (not under a title spanning them all)
        if grid.head and any(labels) and len(set(grid.names)) > 1:
            names = [" ".join(dict.fromkeys(n for n in pair if n)) for pair in zip_longest(
                grid.names, labels, fillvalue="")]
            stacked = Block("table_row", table_row_text(list(dict.fromkeys(names))))
            at = next((i for i in range(len(sink) - 1, -1, -1) if sink[i] is grid.head), None)
            if at is not None:
                sink[at] = stacked
            grid.names, grid.head = names, stacked if _any_spans(row.cells) else None
            return [] if at is not None else [stacked]
        grid.names = labels if any(labels) else []
        text = table_row_text(texts)
        block = Block("table_row", text) if text else None
        grid.head = block if _any_spans(row.cells) else None
        return [block] if block else []
    grid.head = None
    names, width = grid.names, len(grid.names)
    keys = [
        "" if width > 1 and start == 0 and span >= width else
        " / ".join(dict.fromkeys(n for n in names[start:start + span] if n))
        for start, span, _ in columns
    ]
    text = table_row_text(texts, keys if any(names) else None)
    return [Block("table_row", text)] if text else []


def _is_layout(cell: list[Block]) -> bool:
    """Whether a cell's blocks are a page's content boxed by a layout table, not one datum."""
    return any(b.kind in ("heading", "code", "table_row") for b in cell) or (
        sum(b.kind in ("paragraph", "list_item") for b in cell) > _MAX_CELL_PARAGRAPHS
    )


__all__ = ["MAX_COLSPAN", "MAX_ROWSPAN", "Cell", "Grid", "Row", "row_blocks", "span_of"]
