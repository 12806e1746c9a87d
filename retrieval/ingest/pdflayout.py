"""Turn pypdf's text-visitor output into a page's lines, each with its position, size and font.

pypdf gives a page's text line by line and, through its text visitor, where each piece of text
sits and in which font and size; a line takes the place of its first piece and the size and
weight of most of its characters.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pypdf

from .blocks import MONOSPACED
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


def extract(page: pypdf.PageObject) -> tuple[str, list[_Piece]]:
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
        j = k
        while j < len(pieces) and pieces[j].start < end:
            piece = pieces[j]
            j += 1
            count = min(end, piece.end) - max(start, piece.start)
            if count <= 0:
                continue
            if where is None and piece.end > first:
                # a piece that began on an earlier line tells where that line was, not this one
                lead = text[piece.start : first]
                where = (piece.x, piece.y) if not lead.strip() else (math.nan, math.nan)
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
            )
        )
    return lines


__all__ = ["extract", "page_lines"]
