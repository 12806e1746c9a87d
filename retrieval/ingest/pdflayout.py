"""Turn pypdf's text-visitor output into a page's lines, each with its position, size and font.

pypdf gives a page's text line by line and, through its text visitor, where each piece of text
sits and in which font and size; a line takes the place of its first piece and the size and
weight of most of its characters.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

import pypdf

from .blocks import MONOSPACED, one_line
from .notemarks import note_mark
from .pdflines import Line

_BOLD = re.compile(r"bold|black|heavy|cmbx|-medi", re.I)


@dataclass(frozen=True, slots=True)
class _Piece:
    """A run of text as the visitor reported it: where it sits in the page text and on paper."""

    start: int
    end: int
    x: float
    y: float
    size: float
    bold: bool
    mono: bool


# a page's text and the pieces the visitor saw (``extract``)
PageText = tuple[str, list[_Piece]]


def extract(page: pypdf.PageObject) -> PageText:
    """The page's text and, when they line up with it, the pieces the visitor saw."""
    pieces: list[_Piece] = []
    seen: list[str] = []
    offset = 0
    traits: dict[int, tuple[bool, bool]] = {}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        nonlocal offset
        start, offset = offset, offset + len(text)
        seen.append(text)
        if text.strip():
            x, y, scale = _place(cm, tm)
            if id(font) not in traits:
                traits[id(font)] = _traits(font)
            bold, mono = traits[id(font)]
            pieces.append(_Piece(start, offset, x, y, round(float(size) * scale, 1), bold, mono))

    text = page.extract_text(visitor_text=visit)
    # pypdf builds the text from the visited pieces; should a version not, positions are unknown
    return text, pieces if "".join(seen) == text else []


def _traits(font: Any) -> tuple[bool, bool]:
    """Whether a font is bold, and whether it is monospaced, by its name or its glyph widths."""
    if not isinstance(font, dict):
        return False, False
    name = str(font.get("/BaseFont", ""))
    raw = font.get("/Widths")
    try:
        widths = [float(w) for w in (raw.get_object() if raw is not None else [])]
    except (AttributeError, TypeError, ValueError):  # a malformed widths array: go by the name
        widths = []
    # font flags are unreliable (TeX's fonts all say "symbolic"); one width for every glyph is not
    fixed = len(widths) >= 10 and len({w for w in widths if w > 0}) == 1
    return bool(_BOLD.search(name)), fixed or bool(MONOSPACED.search(name))


def _place(cm: Any, tm: Any) -> tuple[float, float, float]:
    """Where text drawn with text matrix ``tm`` under ``cm`` starts, and its vertical scale."""
    a, b, c, d, e, f = (float(v) for v in cm)
    tc, td, tx, ty = float(tm[2]), float(tm[3]), float(tm[4]), float(tm[5])
    return a * tx + c * ty + e, b * tx + d * ty + f, math.hypot(a * tc + c * td, b * tc + d * td)


def page_lines(text: str, pieces: list[_Piece], page: int) -> list[Line]:
    """The page's lines (blank ones kept, as empty text) with their position, size and font."""
    lines: list[Line] = []
    pos = k = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if not stripped:
            lines.append(Line("", page))
            continue
        first = start + len(raw) - len(raw.lstrip())
        while k < len(pieces) and pieces[k].end <= start:
            k += 1
        sizes: Counter[float] = Counter()
        chars = bold = mono = 0
        where: tuple[float, float] | None = None
        # [left edge, text, estimated right edge, size, characters, of them bold]
        parts: list[list[Any]] = []
        j = k
        on_line = []
        while j < len(pieces) and pieces[j].start < end:
            on_line.append(pieces[j])
            j += 1
        marks = _note_marks(text, on_line, start, end)
        if marks:
            stripped = _without(text, start, end, marks).strip()
        for piece in on_line:
            count = min(end, piece.end) - max(start, piece.start)
            if count <= 0 or piece in marks:
                continue
            if where is None and piece.end > first:
                # a piece that began on an earlier line tells where that line was, not this one
                lead = text[piece.start : first]
                where = (piece.x, piece.y) if not lead.strip() else (math.nan, math.nan)
            _part(parts, piece, text[max(start, piece.start) : min(end, piece.end)])
            sizes[piece.size] += count
            chars += count
            bold += count * piece.bold
            mono += count * piece.mono
        x, y = where if where and not math.isnan(where[0]) else (None, None)
        lines.append(
            Line(
                stripped,
                page,
                x,
                y,
                sizes.most_common(1)[0][0] if sizes else 0.0,
                bool(chars) and bold >= 0.9 * chars,
                bool(chars) and mono >= 0.9 * chars,
                cells=tuple((part[0], one_line(part[1])) for part in parts)
                if len(parts) > 1 and x is not None else (),
                cell_bold=tuple(part[5] >= 0.9 * part[4] for part in parts)
                if len(parts) > 1 and x is not None else (),
            )
        )
    return lines


# a footnote's mark is set in type this much smaller than the text's on both sides of it
# (``notemarks``)
_MARK_SIZE = 0.85


def _note_marks(text: str, pieces: list[_Piece], start: int, end: int) -> list[_Piece]:
    """The pieces of a line (``text[start:end]``) that are footnote marks: set smaller than
    the pieces on both sides of them, glued to the one before (``notemarks.note_mark``)."""
    marks = []
    for n in range(1, len(pieces)):
        piece, before = pieces[n], pieces[n - 1]
        after = pieces[n + 1] if n + 1 < len(pieces) else None
        if (piece.start < start or piece.end > end or before.end != piece.start
                or before.start < start or piece.size > _MARK_SIZE * before.size
                or (after is not None and after.start < end
                    and piece.size > _MARK_SIZE * after.size)
                or not note_mark(text[piece.start : piece.end], text[before.start : before.end])):
            continue
        marks.append(piece)
    return marks


def _without(text: str, start: int, end: int, marks: list[_Piece]) -> str:
    """``text[start:end]`` without the ``marks``' text."""
    out, at = [], start
    for mark in marks:
        out.append(text[at : mark.start])
        at = mark.end
    out.append(text[at:end])
    return "".join(out)


# a piece's width is not known, only where it starts: about this many type sizes a character
# (Helvetica's lower-case letters and spaces average under half of one); a piece starting
# half a type size past where the one before it ends at that is a part of its own. A wide
# word may part a line of prose wrongly: only parts at one edge line after line are read as
# columns (or cells)
_CHAR_WIDTH = 0.45
_PART_GAP = 0.5


def _part(parts: list[list[Any]], piece: _Piece, text: str) -> None:
    """Add ``piece`` (its ``text`` on this line) to the line's ``parts``: to the last one, or
    as a new one when white space wider than a word space comes before it."""
    if not text.strip():
        return
    if parts and piece.x <= parts[-1][2] + parts[-1][3] * _PART_GAP:
        parts[-1][1] += text
        parts[-1][2] = max(parts[-1][2], piece.x + len(text) * piece.size * _CHAR_WIDTH)
    else:
        parts.append([piece.x, text, piece.x + len(text) * piece.size * _CHAR_WIDTH, piece.size,
                      0, 0])
    parts[-1][4] += len(text)
    parts[-1][5] += len(text) * piece.bold


def unweave(lines: list[Line]) -> list[Line]:
    """A page's lines with two columns drawn line by line (each line of the page a line of the
    left column and one of the right, at one left edge each) read column by column: the left
    column's lines, then the right's. Lines that fit two columns (two parts at the columns'
    edges, a heading beside a line of text among them; one part at the right edge, or at the
    left ending short of the right (a column's paragraph ends where the other's goes on); a
    blank line) are two columns when ``WOVEN_RUN`` of them or more, and half of those of two
    parts, are two parts of prose (``PROSE_WORDS`` words or more each)."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if len(lines[i].cells) != 2:
            out.append(lines[i])
            i += 1
            continue
        edges = lines[i].cells[0][0], lines[i].cells[1][0]
        end = i
        while end < len(lines) and _fits(lines[end], edges):
            end += 1
        pairs = [line for line in lines[i:end] if line.cells]
        prose = sum(_prose(line) for line in pairs)
        if prose < WOVEN_RUN or prose < 0.5 * len(pairs):
            out.append(lines[i])
            i += 1
            continue
        start = i
        while start > 0 and _fits(lines[start - 1], edges):
            start -= 1
        del out[len(out) - (i - start):]  # (none when nothing before the run fits)
        left: list[Line] = []
        right: list[Line] = []
        for line in lines[start:end]:
            if not line.text:
                left.append(line)
                right.append(line)
            elif line.cells:
                left.append(_cell_line(line, 0))
                right.append(_cell_line(line, 1))
            else:
                (left if abs((line.x or 0.0) - edges[0]) <= _ALIGNED else right).append(line)
        out.extend(left + right)
        i = end
    return out


def _fits(line: Line, edges: tuple[float, float]) -> bool:
    """Whether a line fits two columns at ``edges``: blank, two parts at them, or one part at
    either."""
    if not line.text:
        return True
    if line.cells:
        return len(line.cells) == 2 and all(
            abs(x - edge) <= _ALIGNED for (x, _), edge in zip(line.cells, edges, strict=True))
    if line.x is None:
        return False
    if abs(line.x - edges[1]) <= _ALIGNED:
        return True
    # at the left edge, a line that ends short of the right column's (a line across the page,
    # below the columns, does not)
    width = len(line.text) * line.size * _CHAR_WIDTH
    return abs(line.x - edges[0]) <= _ALIGNED and line.x + width < edges[1]


WOVEN_RUN = 3
PROSE_WORDS = 4
_ALIGNED = 2.0  # points: two edges this close are one


def _prose(line: Line) -> bool:
    return all(len(text.split()) >= PROSE_WORDS for _, text in line.cells)


def _cell_line(line: Line, n: int) -> Line:
    """Part ``n`` of a line as a line of its own: a heading beside a column's text is bold
    where the line as a whole is not."""
    x, text = line.cells[n]
    bold = line.cell_bold[n] if len(line.cell_bold) > n else line.bold
    return replace(line, text=text, x=x, bold=bold, cells=(), cell_bold=())


__all__ = ["PROSE_WORDS", "WOVEN_RUN", "PageText", "extract", "page_lines", "unweave"]
