"""A reStructuredText table's rows: a header row reads ``A | B``, each body row under it ``A: 1;
B: 2``. A simple table's header labelling only the data columns, over a first column of row
names, which docutils drops, is read from the source."""

from __future__ import annotations

import re

from docutils import nodes

from .blocks import one_line, table_row_text

# A simple table's border ("=====  ======="): a run of "=" a column.
_SIMPLE_BORDER_RE = re.compile(r"^ *=+(?: +=+)* *$")


def table_rows(table: nodes.Element, lines: list[str]) -> list[str]:
    """The text of each row of ``table`` with one; ``lines``: the document's lines as docutils
    reads them (tabs expanded)."""
    rows: list[str] = []
    header: list[str] | None = None
    for group in table.findall(lambda n: isinstance(n, nodes.thead | nodes.tbody)):
        for row in group.findall(nodes.row):
            cells = [one_line(e.astext()) for e in row.findall(nodes.entry)]
            if isinstance(group, nodes.thead):
                header = cells if any(cells) else _skipped_header(table, len(cells), lines)
                text = table_row_text(header)
            else:
                text = table_row_text(cells, header)
            if text:
                rows.append(text)
    return rows


def _skipped_header(table: nodes.Element, width: int, lines: list[str]) -> list[str]:
    """The labels of a simple table's header row that docutils left empty, read from the
    source (``lines``) under the table's top border; ``[]`` if there are none.

    docutils reads a simple table's line whose first column is blank as going on with the
    row above it, and the first row has none: a header labelling only the data columns, over
    a first column of row names, is dropped (``"          Min   Max"``). A label goes to the
    column its characters overlap most (the last column reaches to the line's end), to the
    nearest column if it overlaps none, as the labels are set over their columns by eye."""
    top = (table.line or 0) - 1
    if not 0 <= top < len(lines) or not _SIMPLE_BORDER_RE.match(lines[top]):
        return []
    columns = [(m.start(), m.end()) for m in re.finditer("=+", lines[top])]
    if len(columns) != width:
        return []
    columns[-1] = (columns[-1][0], 1 << 30)
    labels: list[list[str]] = [[] for _ in columns]
    for line in lines[top + 1:]:
        if _SIMPLE_BORDER_RE.match(line):
            return [one_line(" ".join(words)) for words in labels]
        for word in re.finditer(r"\S+", line):
            labels[_column_of(word.start(), word.end(), columns)].append(word.group())
    return []


def _column_of(start: int, end: int, columns: list[tuple[int, int]]) -> int:
    """The index of the column (start, end) that the characters ``start:end`` of a line overlap
    most, the nearest one if they overlap none."""
    def fit(i: int) -> tuple[int, int]:
        left, right = columns[i]
        return min(end, right) - max(start, left), -min(abs(start - right), abs(end - left))
    return max(range(len(columns)), key=fit)


__all__ = ["table_rows"]
