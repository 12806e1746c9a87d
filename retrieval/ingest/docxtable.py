"""A Word table read row by row (``table_rows``): each row one line, a cell merged across columns
keyed by the headers it spans, one merged down the rows read in each of them, rows of one cell
across the table above it its title, and the first row a header when it is marked as one or the
table is wider than two columns (the ``docx`` module's "Tables")."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from docx.table import Table

from .blocks import Block, cell_text, one_line, table_row_text
from .docxparagraph import StyleMap, list_level
from .docxtext import FALLBACK, OFF, visible_text


def _cell_text(tc: Any, styles_of: StyleMap) -> str:
    """A cell's text: its paragraphs, a nested table's among them, as one line; the items of a
    list in it apart by commas ("PNG, GIF": ``blocks.cell_text``)."""
    parts = []
    for p in tc.iter(qn("w:p")):
        if any(a.tag == FALLBACK for a in p.iterancestors()) or not (
                text := one_line(visible_text(p))):
            continue
        styles = [] if p.pPr is None else styles_of.of(p)
        item = list_level(p, styles, [(s.name or "").casefold() for s in styles]) > 0
        parts.append(Block("list_item" if item else "paragraph", text))
    return cell_text(parts)


def table_rows(tbl: Any, document: Any, styles_of: StyleMap) -> list[str]:
    """Each row of a table rendered as one line, the header row first when there is one."""
    layout: list[list[tuple[int, int, str | None]]] = []  # per row: (first grid column, span,
    # text), the text None where a cell merged down from the row above goes on
    for tr in tbl.tr_lst:
        column = tr.grid_before
        cells = []
        for tc in tr.tc_lst:
            span = tc.grid_span
            # python-docx repeats a merged cell for every column or row it covers; the XML
            # holds it once, and a cell merged down leaves empty continuations below it
            text = None if tc.vMerge == "continue" else _cell_text(tc, styles_of)
            cells.append((column, span, text))
            column += span
        layout.append(cells)
    # rows of one cell across the whole table above it are its title ("Spending by area
    # (EUR)"), read as themselves: the row that heads the columns is the first one under them
    full = max((start + span for cells in layout for start, span, _ in cells), default=0)
    titles = 0
    while (titles < len(layout) - 1 and full > 1 and len(layout[titles]) == 1
           and layout[titles][0][:2] == (0, full)):
        titles += 1
    lead = [row for cells in layout[:titles] if (row := table_row_text([cells[0][2] or ""]))]
    return lead + _grid_rows(layout[titles:], tbl.tr_lst[titles:], tbl, document)


def _grid_rows(layout: list[list[tuple[int, int, str | None]]], trs: list[Any], tbl: Any,
               document: Any) -> list[str]:
    """The rows of ``layout`` (the table's, from its header row on) rendered as lines."""
    headed = len(layout) >= 2 and _has_header(trs, tbl, document)
    # a cell merged down is read in each row it spans, as it stands beside each (a header cell
    # merged down names its column once)
    grid: list[list[tuple[int, int, str]]] = []
    above: dict[int, str] = {}
    for index, cells in enumerate(layout):
        grid.append([])
        for start, span, text in cells:
            if text is None:
                text = above.get(start, "")
            else:
                above[start] = "" if headed and index == 0 else text
            grid[-1].append((start, span, text))
    header = grid[0] if headed else None
    if header is None or not any(text for _, _, text in header):
        return [row for line in grid if (row := table_row_text([t for _, _, t in line]))]
    names = {c: text for start, span, text in header for c in range(start, start + span)}
    width = max(names) + 1 - min(names)
    rows = [table_row_text([text for _, _, text in header])]
    for line in grid[1:]:
        # a cell spanning columns reads under each header it spans: "Q1 / Q2: 40"; one
        # spanning them all (a note under the table) under none
        keys = [
            "" if width > 1 and span >= width else
            " / ".join(dict.fromkeys(n for c in range(start, start + span) if (n := names.get(c))))
            for start, span, _ in line
        ]
        if row := table_row_text([text for _, _, text in line], keys):
            rows.append(row)
    return rows


def _has_header(trs: list[Any], tbl: Any, document: Any) -> bool:
    """Whether a table's first row heads its columns: marked as a header row (repeated on every
    page, ``w:tblHeader``), set bold by the table's style (its first-row formatting, which
    ``w:tblLook`` turns on), or bold in every run while the rows under it are not; else by the
    table's shape: unmarked, a table of two columns is a list of pairs ("Capital | Oslo",
    "Currency | Norwegian krone") read row by row, a wider one is keyed by its first row."""
    first, *rest = trs
    marks = first.xpath("./w:trPr/w:tblHeader")
    if marks and marks[0].get(qn("w:val")) not in OFF:
        return True
    if _style_bolds_first_row(tbl, document) or (
            _all_bold(first) and not all(_all_bold(tr) for tr in rest)):
        return True
    return max(sum(tc.grid_span for tc in tr.tc_lst) for tr in trs) > 2


def _style_bolds_first_row(tbl: Any, document: Any) -> bool:
    """Whether the table's style sets its first row bold, and the table turns that on."""
    look = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblLook')}")
    if look is None:
        return False
    if look.get(qn("w:firstRow")) is not None:
        if look.get(qn("w:firstRow")) in OFF:
            return False
    elif not int(look.get(qn("w:val")) or "0", 16) & 0x0020:  # the older bit mask
        return False
    style, seen = Table(tbl, document).style, 0
    while style is not None and seen < 10:  # based-on styles can loop in a bad file
        bold = style.element.xpath("./w:tblStylePr[@w:type='firstRow']/w:rPr/w:b")
        if bold:
            return bold[0].get(qn("w:val")) not in OFF
        style, seen = style.base_style, seen + 1
    return False


def _all_bold(tr: Any) -> bool:
    """Whether every run of a row's text is bold (by its own formatting)."""
    runs = [r for r in tr.iter(qn("w:r")) if any((t.text or "").strip() for t in r.iter(qn("w:t")))]
    return bool(runs) and all(
        (b := r.find(f"{qn('w:rPr')}/{qn('w:b')}")) is not None and b.get(qn("w:val")) not in OFF
        for r in runs)
