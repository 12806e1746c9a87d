"""An AsciiDoc table (``|===`` ... ``|===``) read as Asciidoctor lays it out: its cells (``|a |b``,
one line or one per line) in rows of as many columns as its ``cols`` attribute names, else as its
first line holds; the first row heads the rest when a blank line follows that line or the table
says ``options="header"``, each body row then keyed by it ("Name: Ann; Role: editor"). A cell
spanning columns (``2+|``) fills them; a repeated one (``3*|``) is there that many times."""

from __future__ import annotations

import re
from collections.abc import Callable

from .blocks import table_row_text

TABLE_RE = re.compile(r"^[|!,:]={3,}[ \t]*$")  # a table's opening or closing delimiter
# A table cell's start: "|", after a specifier opening the line or a space ("2+|" spans two
# columns, "3*|" repeats the cell three times; an alignment and a style, "^.^a|", say no more).
_CELL_RE = re.compile(r"(?:(?:^|(?<=\s))(?:(?P<span>\d+)(?:\.\d+)?\+|(?P<times>\d+)\*)?"
                      r"(?:[<^>]?(?:\.[<^>])?[adehlmsv]?))?(?<!\\)\|")
_COLS_RE = re.compile(r"""\bcols\s*=\s*(?:"([^"]*)"|'([^']*)'|([^,\]]*))""")
_HEADER_RE = re.compile(r"(?<![\w-])header\b")  # options="header", %header


def table_rows(lines: list[str], at: int, attributes: str, inline: Callable[[str], str]
               ) -> tuple[list[str], int]:
    """The text of each row of the table whose cells start at ``lines[at]`` (its attribute line
    ``attributes``; ``inline`` renders a cell's text), and where the lines after its closing
    delimiter start."""
    cells: list[str] = []
    columns = _columns(attributes)
    first_line_alone = False
    read = 0  # the table's lines of cells read so far
    while at < len(lines):
        line = lines[at].strip()
        at += 1
        if TABLE_RE.match(line):
            break
        if not line:
            first_line_alone = first_line_alone or read == 1
            continue
        found = list(_CELL_RE.finditer(line))
        if not found or found[0].start() > 0:  # a cell's text goes on on this line
            text = inline(line[: found[0].start()] if found else line)
            if cells:
                cells[-1] = f"{cells[-1]} {text}".strip()
            if not found:
                continue
        row: list[str] = []
        for k, m in enumerate(found):
            end = found[k + 1].start() if k + 1 < len(found) else len(line)
            text = inline(line[m.end() : end].strip())
            span, times = int(m["span"] or 1), int(m["times"] or 1)
            row += [text, *[""] * (span - 1)] * times
        read += 1
        columns = columns or len(row)
        cells += row
    rows = [cells[k : k + columns] for k in range(0, len(cells), columns or 1)]
    headed = _HEADER_RE.search(attributes) or (first_line_alone and len(rows[0]) == columns)
    header = rows[0] if rows and headed else None
    texts = [table_row_text(row, None if header is None or k == 0 else header)
             for k, row in enumerate(rows)]
    return [text for text in texts if text], at


def _columns(attributes: str) -> int:
    """The number of columns a table's ``cols`` attribute names ("1,2,1": 3; "3*": 3; "2*,1":
    3), or 0 without one."""
    m = _COLS_RE.search(attributes)
    specs = next((g for g in m.groups() if g is not None), "").strip() if m else ""
    if specs.isdigit():  # cols=3: three columns
        return int(specs)
    count = 0
    for spec in specs.split(",") if specs else []:
        times = re.match(r"\s*(\d+)\*", spec)
        count += int(times[1]) if times else 1
    return count


__all__ = ["TABLE_RE", "table_rows"]
