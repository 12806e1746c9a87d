"""A PDF's lines joined into blocks: each heading and each table row a block of its own, the
rest run into paragraphs, list items and code blocks where a reader sees one end and the next
begin (a gap, a change of size or font, a list marker, a sentence ending before a new one);
wrapped lines joined, a word hyphenated at a line end made whole."""

from __future__ import annotations

import re

from .blocks import Block, Kind, Outline, code_lines, one_line
from .pdflines import (
    BULLET,
    CLOSES,
    GLYPH,
    SENTENCE_END,
    Line,
    Style,
    broken_off,
    compound,
    is_marker,
    resized,
    starts_sentence,
)
from .sentences import goes_on


def _join(left: str, right: str) -> str:
    """Two wrapped lines as one: a word broken by a hyphen at the line end made whole."""
    broken = re.search(r"(\S*[^\W\d_])-$", left)
    if broken and right[:1].islower():
        word = broken.group(1)
        if any(ch.isupper() or ch.isdigit() for ch in word[1:]) or compound(word, right):
            # "MIME-" + "related", "UTF-" + "encoded", "cross-" + "entropy": a real hyphen
            return left + right
        return left[:-1] + right
    if left.endswith("\xad"):  # a soft hyphen
        return left[:-1] + right
    return f"{left} {right}"


def assemble(lines: list[Line], heads: dict[int, int], style: Style, rows: set[int]
              ) -> list[Block]:
    """Blocks from the lines: each heading and each of a table's ``rows`` its own, the rest
    joined into paragraphs and items."""
    blocks: list[Block] = []
    outline = Outline()
    unit: list[Line] = []
    kind: Kind = "paragraph"
    level = 0
    indents: list[float] = []  # list markers' left edges, outermost first

    def flush() -> None:
        if not unit:
            return
        text = unit[0].text
        if kind == "list_item":
            text = BULLET.sub("", text, count=1)
        for line in unit[1:]:
            text = _join(text, line.text)
        # a code block's lines as set (a command a line), which joining runs together
        lines = code_lines("\n".join(ln.text for ln in unit)) if kind == "code" else ()
        blocks.append(Block(kind, one_line(text), outline.path, unit[0].page, level, lines))
        unit.clear()

    for i, line in enumerate(lines):
        if i in heads:
            flush()
            indents.clear()
            text, depth = one_line(line.text), heads[i]
            blocks.append(Block("heading", text, outline.heading(depth, text), line.page, depth))
            continue
        code = line.mono and not style.mono
        if code and unit and kind != "code" and not line.gap and not resized(unit[-1], line):
            # a path set in code font inside a sentence is still the sentence (set in another
            # size, the line is a block of its own: "or" above a command)
            code = bool(CLOSES.search(unit[-1].text))
        marker = bool(GLYPH.match(line.text)) and not code
        if not marker and is_marker(line.text) and not code:
            # "– which met on Monday" wrapped to a line's start goes on with its sentence; a
            # dash that the next item's dash, at the same left edge, follows opens a list
            marker = (
                not unit or line.gap or kind == "list_item" or bool(CLOSES.search(unit[-1].text))
                or _dash_follows(lines, i)
            )
        row = i in rows and not code
        if unit and not row and kind != "table_row" and not _starts_unit(
                unit, kind, line, code, marker):
            unit.append(line)
            continue
        flush()
        unit.append(line)
        kind = "code" if code else "table_row" if row else "list_item" if marker else "paragraph"
        if kind != "list_item":
            indents.clear()
            level = 0
        elif line.x is None:
            level = max(1, len(indents))
        else:
            while indents and line.x < indents[-1] - 2:
                indents.pop()
            if not indents or line.x > indents[-1] + 2:
                indents.append(line.x)
            level = len(indents)
    flush()
    return blocks


def _dash_follows(lines: list[Line], i: int, look: int = 4) -> bool:
    """Whether line ``i``, opening with a dash or star, has a line opening with the same mark at
    the same left edge among the ``look`` lines after it, on its page, before any other
    marker: the next item of a list (where one wrapped line opening with a dash has none)."""
    mark, edge = lines[i].text[0], lines[i].x
    if mark not in "*–-" or edge is None:
        return False
    for line in lines[i + 1 : i + 1 + look]:
        if line.page != lines[i].page or GLYPH.match(line.text) or line.x is None:
            return False
        if is_marker(line.text):
            return line.text[0] == mark and abs(line.x - edge) <= 2
    return False


def _starts_unit(unit: list[Line], kind: Kind, line: Line, code: bool, marker: bool) -> bool:
    """Whether ``line`` begins a new block rather than continuing the one in ``unit``."""
    prev = unit[-1]
    if line.gap or marker or code != (kind == "code") or resized(prev, line):
        return True
    if kind == "code":
        return False
    if (SENTENCE_END.search(prev.text) and starts_sentence(line.text)
            and not goes_on(prev.text, line.text)):  # "met Dr." / "Smith": one sentence
        return True
    # a list item's wrapped lines are indented past its marker; a new sentence back at the
    # marker's edge is the text after the list, unless the item's last line broke off its
    # sentence (a reference list set without a hanging indent: "In Proceedings of" over
    # "Interspeech, 2015.")
    head = unit[0]
    return (
        kind == "list_item"
        and not broken_off(prev.text)
        and line.page == head.page
        and line.x is not None
        and head.x is not None
        and line.x <= head.x + 1
        and starts_sentence(line.text)
    )


__all__ = ["assemble"]
