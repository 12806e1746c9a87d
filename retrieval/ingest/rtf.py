"""Read a Rich Text Format file (.rtf: WordPad's and many mail clients' memos) into blocks.

striprtf (a small parser of RTF's groups and control words, BSD-licensed) gives the text: the
characters escaped in the document's code page (``\\ansicpg``) and ``\\u`` escapes decoded,
destinations a reader does not see (font and colour tables, pictures, fields' instructions,
``\\info``) left out. Each RTF paragraph (``\\par``) is a paragraph of the plain text then read
as a plain-text file is read (``text.read_plain``: a lone short line is a heading, "- " and
"1." lines list items), a table's rows (``\\cell``, ``\\row``) as table rows under a header row
(the first, when the table is wider than two columns). RTF keeps its headings as formatting,
which is not read: a heading is found by its layout only. The title is ``\\info``'s
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
    text = rtf_to_text(source, encoding=encoding, errors="replace")
    blocks: list[Block] = []
    prose: list[str] = []
    for line in text.splitlines():
        if line.rstrip().endswith("|"):  # a table row: its cells, each ended by "|"
            blocks.extend(_flush(prose))
            prose = []
            blocks.append(Block("table_row", one_line(line)))
        else:
            prose.append(line)
    blocks.extend(_flush(prose))
    blocks = _table_rows(blocks)
    if not blocks:
        raise ValueError("an RTF file with no text")
    meta = {}
    if found := _TITLE_RE.search(source):
        title = usable_title(rtf_to_text(found[1], encoding=encoding, errors="replace"))
        if title:
            meta["title"] = title
    return Parsed(blocks, meta=meta, web=False)


def _flush(lines: list[str]) -> list[Block]:
    """Lines of prose as the plain-text reader reads them, each RTF paragraph apart."""
    text = "\n\n".join(ln for ln in lines if ln.strip())
    return read_plain(text).blocks if text.strip() else []


def _table_rows(blocks: list[Block]) -> list[Block]:
    """Each run of table rows (still "a|b|c|") as ``table_row_text`` reads it: under the
    first row as a header when the table is wider than two columns."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        if blocks[i].kind != "table_row" or "|" not in blocks[i].text:
            out.append(blocks[i])
            i += 1
            continue
        j = i
        while j < len(blocks) and blocks[j].kind == "table_row" and "|" in blocks[j].text:
            j += 1
        rows = [[one_line(c) for c in b.text.rstrip().rstrip("|").split("|")]
                for b in blocks[i:j]]
        header = rows[0] if len(rows) >= 2 and max(map(len, rows)) > 2 else None
        out.extend(Block("table_row", t, blocks[i].section) for n, cells in enumerate(rows)
                   if (t := table_row_text(cells, None if header is None or n == 0 else header)))
        i = j
    return out


__all__ = ["MAX_RTF_BYTES", "read_rtf"]
