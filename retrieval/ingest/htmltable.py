"""An HTML table's grid: cells placed in their columns, the rows and columns they span
(``rowspan``, ``colspan``) resolved before cells are labelled by their headers, as a browser
lays them out ("Route" merged down over two rows stays the route of both)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import Block, cell_text


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


MAX_ROWSPAN, MAX_COLSPAN = 65534, 1000  # as HTML caps them


def span_of(value: str | None, most: int) -> int:
    """A ``rowspan`` or ``colspan`` as HTML reads it: a whole number, 1 if none or bad; a
    ``rowspan`` of 0 reaches to the end of its row group."""
    digits = re.match(r"\s*(\d+)", value or "")
    number = int(digits.group(1)) if digits else 1
    return most if number == 0 and most == MAX_ROWSPAN else min(most, max(1, number))


def any_spans(cells: list[Cell]) -> bool:
    return any(cell.rows > 1 or cell.cols > 1 for cell in cells)


def placed(cells: list[Cell], below: dict[int, tuple[int, int, str]]) -> list[
        tuple[int, int, str]]:
    """A row's cells at their columns (first column, columns spanned, text), the cells merged
    down into it from rows above among them; ``below`` (by first column: rows left, columns,
    text) is updated for the next row."""
    out: list[tuple[int, int, str]] = []
    above, column = dict(below), 0
    below.clear()

    def place(start: int, rows: int, span: int, text: str) -> None:
        out.append((start, span, text))
        if rows > 1:
            below[start] = (rows - 1, span, text)

    for cell in cells:
        while column in above:  # a cell merged down from above takes this column
            rows, span, text = above.pop(column)
            place(column, rows, span, text)
            column += span
        place(column, cell.rows, cell.cols, cell_text(cell.blocks))
        column += cell.cols
    for start in sorted(above):  # those after the row's own cells (not under one: a bad table)
        if start >= column:
            place(start, *above[start])
            column = start + above[start][1]
    return out


__all__ = ["MAX_COLSPAN", "MAX_ROWSPAN", "Cell", "Grid", "any_spans", "placed", "span_of"]
