"""Read a table saved as text (.csv, .tsv: a spreadsheet's export) into table rows.

Read with the standard library's ``csv``: a ``.tsv`` is split at tabs; a ``.csv`` at the
delimiter ``csv.Sniffer`` finds among the comma, the semicolon (what a spreadsheet in a
language writing "3,5" exports), the tab and the bar, else at commas. The first row is the
header, itself a block ("Name | Age"), unless a cell of it is a number or a date (data, not a
column's name); each row under it reads "Name: Ann; Age: 31", empty cells left out, as a Word
or HTML table's rows read. The text is decoded as any text file is (``read.decode``: UTF-8, or
the legacy encoding detected). More than ``MAX_ROWS`` rows is skipped, saying so.
"""

from __future__ import annotations

import csv
import io
import re

from .blocks import Block, Parsed, one_line, table_row_text

MAX_ROWS = 200_000  # as the Word reader's paragraphs and tables
_DELIMITERS = ",;\t|"
_DATUM_RE = re.compile(r"[-+]?[\d.,:/ %$€£]+")  # a number, an amount, a date or a time


def read_delimited(text: str, delimiter: str | None = None) -> Parsed:
    """The rows of the table ``text`` (``delimiter``: the tab of a ``.tsv``; ``None``:
    sniffed); ``ValueError`` when it is no table or too large."""
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:65536], delimiters=_DELIMITERS).delimiter
        except csv.Error:
            delimiter = ","
    rows: list[list[str]] = []
    try:
        for cells in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            row = [one_line(c) for c in cells]
            if any(row):
                rows.append(row)
                if len(rows) > MAX_ROWS:
                    raise ValueError(f"over the {MAX_ROWS:,} rows qabot reads of a table")
    except csv.Error as err:
        raise ValueError(f"not a readable table ({err})") from err
    if not rows:
        raise ValueError("a table with no text")
    header = rows[0] if _is_header(rows) else None
    blocks = [Block("table_row", t) for i, cells in enumerate(rows)
              if (t := table_row_text(cells, None if header is None or i == 0 else header))]
    return Parsed(blocks, web=False)


def _is_header(rows: list[list[str]]) -> bool:
    """Whether the first row names the columns: there are rows under it, and none of its
    cells is a number or a date."""
    return len(rows) >= 2 and not any(_DATUM_RE.fullmatch(c) for c in rows[0] if c)


__all__ = ["MAX_ROWS", "read_delimited"]
