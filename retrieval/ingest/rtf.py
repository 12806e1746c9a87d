"""Read a Rich Text Format file (.rtf: WordPad's and many mail clients' memos) into blocks.

striprtf (a small parser of RTF's groups and control words, BSD-licensed) gives the text: the
characters escaped in the document's code page (``\\ansicpg``) and ``\\u`` escapes decoded,
destinations a reader does not see (font and colour tables, pictures, fields' instructions,
``\\info``) left out. Each RTF paragraph (``\\par``) is a paragraph of the plain text then read
as a plain-text file is read (``text.read_plain``: a lone short line is a heading, "- " and
"1." lines list items), a table's rows (``\\cell``, ``\\row``) as table rows under a header row
(the first, when the table is wider than two columns), in the section the table stands in.
RTF keeps its headings as formatting, which is not read: a heading is found by its layout
only. The title is ``\\info``'s
``\\title``. A file over ``MAX_RTF_BYTES`` is skipped, saying so.
"""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from .blocks import Block, Parsed, one_line, table_row_text, usable_title
from .text import read_plain

MAX_RTF_BYTES = 64 << 20  # as the Word reader's XML; pictures in hex make most of a big one
_TITLE_RE = re.compile(r"\{\\title\s*((?:[^{}\\]|\\[^a-z]|\\[a-z]+-?\d* ?)*)\}", re.I)
_CODEPAGE_RE = re.compile(r"\\ansicpg(\d+)")
_UNICODE_RE = re.compile(r"\\u(-?\d+)")


def _in_range(escape: re.Match[str]) -> str:
    """A ``\\u`` escape as it is, or of "�" when its number is out of its range."""
    number = escape[1]
    return escape[0] if len(number) <= 6 and -32768 <= int(number) <= 65535 else "\\u65533"


def read_rtf(data: bytes) -> Parsed:
    """The blocks of an RTF document, with its title; ``ValueError`` when it is none."""
    if len(data) > MAX_RTF_BYTES:
        raise ValueError(f"an RTF file of {len(data) >> 20} MB, over the "
                         f"{MAX_RTF_BYTES >> 20} MB qabot reads of one")
    source = data.decode("latin-1")  # RTF is 7-bit: 8-bit bytes are escaped as \'hh
    if not source.lstrip().startswith("{\\rtf"):
        raise ValueError("not an RTF file (it does not open with {\\rtf)")
    codepage = _CODEPAGE_RE.search(source[:4096])
    encoding = f"cp{codepage[1]}" if codepage else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    # a \u escape is a signed 16-bit number: one outside that (\u99999999) reads as "�",
    # where striprtf's chr() failed on it and the whole file was skipped
    source = _UNICODE_RE.sub(_in_range, source)
    text = rtf_to_text(source, encoding=encoding, errors="replace")
    # The prose is read as one plain text, each table standing in it as a placeholder line
    # (a paragraph of its own): its rows are then set where it stands, under the headings
    # before it, and a heading after it is read as the text's next heading, not its first
    # (which a text read in pieces made of it: a level-1 heading, its section path lost).
    paragraphs: list[str] = []
    tables: list[list[list[str]]] = []
    for line in text.splitlines():
        if line.rstrip().endswith("|"):  # a table row: its cells, each ended by "|"
            cells = [one_line(c) for c in one_line(line).rstrip("|").split("|")]
            if not paragraphs or paragraphs[-1] != _placeholder(len(tables) - 1):
                tables.append([])
                paragraphs.append(_placeholder(len(tables) - 1))
            tables[-1].append(cells)
        elif line.strip():
            paragraphs.append(line)
    prose = "\n\n".join(paragraphs)
    blocks: list[Block] = []
    for b in (read_plain(prose).blocks if prose.strip() else []):
        n = _table_of(b.text)
        blocks.extend(_table_rows(tables[n], b.section) if n is not None else [b])
    if not blocks:
        raise ValueError("an RTF file with no text")
    meta = {}
    if found := _TITLE_RE.search(source):
        title = usable_title(rtf_to_text(found[1], encoding=encoding, errors="replace"))
        if title:
            meta["title"] = title
    return Parsed(blocks, meta=meta, web=False)


_PLACEHOLDER = "\ue000"  # (a private-use character, which no RTF text sets alone on a line)


def _placeholder(n: int) -> str:
    return f"{_PLACEHOLDER}{n}{_PLACEHOLDER}"


def _table_of(text: str) -> int | None:
    """The number of the table whose placeholder ``text`` is, else ``None``."""
    if text.startswith(_PLACEHOLDER) and text.endswith(_PLACEHOLDER) and text[1:-1].isdigit():
        return int(text[1:-1])
    return None


def _table_rows(rows: list[list[str]], section: tuple[str, ...]) -> list[Block]:
    """A table's rows as ``table_row_text`` reads them, under ``section``: under the first
    row as a header when the table is wider than two columns."""
    header = rows[0] if len(rows) >= 2 and max(map(len, rows)) > 2 else None
    return [Block("table_row", t, section) for n, cells in enumerate(rows)
            if (t := table_row_text(cells, None if header is None or n == 0 else header))]


__all__ = ["MAX_RTF_BYTES", "read_rtf"]
