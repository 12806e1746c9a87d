"""A PDF's text lines as the reader weighs them: the line, the body text's style, a line's shape.

``pdflayout`` makes the ``Line`` values; the furniture, heading and block rules of ``pdf`` read
them through what is here: the body text's size, pitch and weight (``body_style``), the white
space above a line (``gaps``), and what a line's words say of it (a list marker, a sentence's
start, a title's shape, a table row's: ``table_rows``).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace

from .blocks import table_row_text

MAX_HEADING_WORDS = 12
GAP_PITCHES = 1.35  # more white space than this above a line (in line pitches) is a gap
SIZE_STEP = 1.12  # a heading's type is this much larger than the body text's, or more
# a change of type size by this factor ends a paragraph (code set 10% smaller inside one does not)
SIZE_CHANGE = 1.15

# a bullet glyph always starts an item; a dash or star, like a number, only where a sentence may
_GLYPHS = "•◦▪▫‣∙·●○■□➢►\uf0b7\uf0a7"  # the last two: Word's Symbol and Wingdings bullets
BULLET = re.compile(rf"^(?:[{_GLYPHS}]\s*|[*–-]\s+)(?=\S)")
GLYPH = re.compile(rf"^[{_GLYPHS}]")
# ... and a reference list's "[12]" ("[3] C. Lee. Speech recognition in classrooms. ...")
NUMBERED = re.compile(
    r"^(?:\d{1,3}[.)]|[a-z][.)]|[ivx]{1,5}[.)]|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\)|\[\d{1,3}\])"
    r"\s+(?=\S)"
)
SECTION = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=\S)")
ROMAN = r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
PAGE_NUMBER = re.compile(
    rf"(?:page\s+)?[-–—]?\s*(?:\d{{1,4}}|{ROMAN})\s*[-–—]?(?:\s*(?:of|/)\s*\d{{1,4}})?", re.I
)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
CLOSES = re.compile(r"[.!?…:][\"'”’)\]]*$")  # a sentence or a lead-in ("as follows:") ends
_OPENERS = "\"'“‘([«"
# a table's figure: "6.981", "2,501", "-0.5", "12%", "$40"
_FIGURE = re.compile(r"[-+−]?[$€£]?\d[\d,.]*%?")
TABLE_RUN = 3  # lines in a row of one row shape that make a table, at the least
# words a title does not end on (English: the language of most documents here)
_OPEN_ENDINGS = set(
    "a an the of to in for and or but with on at by from as that which who is are was were be "
    "has have than into onto per via".split()
)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a page's text, with what the page shows of it (``None``: not known)."""

    text: str
    page: int
    x: float | None = None  # left edge of the first piece, in points
    y: float | None = None  # baseline, in points from the page's bottom
    size: float = 0.0  # type size of most of its characters (0: not known)
    bold: bool = False
    mono: bool = False
    gap: bool = False  # a blank line or white space above it, on its own page
    # where white space wider than a word space parts it, each part's left edge and text ("
    # Chiyanga", "6", "5": a table's cells, or two columns drawn line by line); () for one part
    cells: tuple[tuple[float, str], ...] = ()
    cell_bold: tuple[bool, ...] = ()  # each part set in bold (a heading beside a column's text)


@dataclass(frozen=True, slots=True)
class Style:
    """What the body text of the document looks like."""

    body: float  # type size of most of the text (0: not known)
    pitch: float  # usual distance between two body lines' baselines (0: not known)
    bold: bool  # the body text itself is bold
    mono: bool  # ... or monospaced (then nothing is called code for its font)
    styled: bool  # some short lines are set apart by size or weight: only those are headings


def body_style(pages: list[list[Line]]) -> Style:
    """The body text's size, line pitch and weight, from the characters of every line."""
    sizes: Counter[float] = Counter()
    chars = bold = mono = 0
    for line in (line for page in pages for line in page if line.text):
        if line.size:
            sizes[round(line.size * 2) / 2] += len(line.text)
        chars += len(line.text)
        bold += len(line.text) * line.bold
        mono += len(line.text) * line.mono
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    pairs = [  # two body lines one above the other, and the step between their baselines
        (above.y - below.y, above, below)
        for page in pages
        for above, below in itertools.pairwise(page)
        if above.y is not None
        and below.y is not None
        and _near(above.size, body)
        and _near(below.size, body)
        and 0 < above.y - below.y < 3 * body
    ]
    steps = [step for step, _, _ in pairs]
    # too few lines to know the usual step: a step larger than 1.25 sizes is white space
    pitch = statistics.median(steps) if steps else 0.0
    if len(steps) < 5 and body:
        pitch = min(pitch, 1.25 * body) if pitch else 1.25 * body
    # ... unless the document shows its own leading: a sentence wrapped from one line to the
    # next ("... tighten the clamp" over "by hand.") crosses no white space, however loosely
    # the lines are set (double spacing is twice the type size)
    wrapped = [
        step
        for step, above, below in pairs
        if not CLOSES.search(above.text) and below.text[:1].islower()
    ]
    if wrapped:
        pitch = max(pitch, min(wrapped))
    partial = Style(body, pitch, bold > chars / 2, mono > chars / 2, False)
    apart = sum(
        1 for page in pages for line in page if title_like(line) and set_apart(line, partial)
    )
    return replace(partial, styled=apart >= 2)


def _near(size: float, body: float) -> bool:
    return body > 0 and abs(size - body) <= 0.5


def set_apart(line: Line, style: Style) -> bool:
    """The line's type marks it out from the body text: larger, or bold where the body is not."""
    if not style.body or not line.size:
        return False
    return line.size >= style.body * SIZE_STEP or (line.bold and not style.bold)


def gaps(lines: list[Line], style: Style) -> list[Line]:
    """A page's non-blank lines, each marked when a blank or white space comes above it."""
    out: list[Line] = []
    blank = False
    for line in lines:
        if not line.text:
            blank = bool(out)  # white space at the top of a page says nothing: a page broke
            continue
        prev = out[-1] if out else None
        out.append(replace(line, gap=blank or (prev is not None and _far(prev, line, style))))
        blank = False
    return out


def _far(above: Line, below: Line, style: Style) -> bool:
    if above.y is None or below.y is None or not style.pitch:
        return False
    step = above.y - below.y
    scale = max(1.0, max(above.size, below.size) / style.body) if style.body else 1.0
    # a step up the page is a new column or text drawn out of order: the words decide
    return step > GAP_PITCHES * style.pitch * scale


def title_like(line: Line) -> bool:
    """Short, unpunctuated at its end, starting with a capital or a section number."""
    text = line.text
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or line.mono or text[-1] in ".,;:-":
        return False
    if BULLET.match(text) or PAGE_NUMBER.fullmatch(text):
        return False
    if words[-1].casefold() in _OPEN_ENDINGS:
        return False  # "The money goes to the": a sentence broken off, not a title
    rest = SECTION.sub("", text, count=1)
    # "F" over an index's entries is a letter, no title
    return rest[:1].isupper() and sum(ch.isalpha() for ch in rest) >= 2


def broken_off(text: str) -> bool:
    """Whether a line leaves its sentence open: it ends in a comma, a hyphen, or a word a
    sentence goes on from ("In Proceedings of" over "Interspeech, 2015.")."""
    words = text.split()
    return bool(words) and (text[-1] in ",-" or words[-1].casefold() in _OPEN_ENDINGS)


def compound(word: str, after: str) -> bool:
    """Whether ``word`` ending a line in a hyphen, and the line ``after`` it, hold a word
    written with a hyphen ("cross-" over "entropy loss", "signal-to-" over "noise"), not one
    hyphenated to fit the line ("develop-" over "ment", "annota-" over "ted"): ``word``
    holds a hyphen already, or it and the next line's first word are each an English word
    (wordfreq's), it of four letters or more, and the two run together are none. A prefix
    of three letters or fewer ("non-" over "commercially", "pre-" over "trained") is joined:
    both spellings are in use, and the joined one is the licences' and the dictionaries'."""
    if "-" in word:
        return True
    found = re.match(r"[^\W\d_]+", after)
    if found is None:
        return False
    from ..common_words import common_words  # wordfreq's list: read only for a hyphen

    words = common_words("en", _WORD_ZIPF)
    head, tail = word.casefold(), found.group().casefold()
    return len(head) >= 4 and head in words and tail in words and head + tail not in words


# wordfreq's words at this Zipf frequency or more (its small list; the query's rare words')
_WORD_ZIPF = 3.0


def starts_sentence(text: str) -> bool:
    """Whether a line opens with a capital, after any quotes or brackets, or a dash opening a
    line of dialogue ("— Мы планируем ...", "—¿Cuándo?")."""
    return text.lstrip(_OPENERS).lstrip("—¿¡ ")[:1].isupper()


def row_shape(text: str) -> tuple[int, bool] | None:
    """The shape of a line that reads as a table's row, a label (or none) then figures only
    ("radius (mean): 6.981 28.11", "Alcohol 11.0 14.8"): how many figures end it, and whether
    its label ends in a colon. ``None`` for any other line: one without figures at its end,
    longer than a title, ending a sentence, a list item, or whose last word before its figures
    is one a sentence goes on from ("costs rose by 12")."""
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or SENTENCE_END.search(text):
        return None
    if is_marker(text) or GLYPH.match(text):
        return None
    figures = 0
    for word in reversed(words):
        if not _FIGURE.fullmatch(word):
            break
        figures += 1
    label = words[: len(words) - figures]
    if not figures or (label and label[-1].casefold() in _OPEN_ENDINGS):
        return None
    return figures, bool(label) and label[-1].endswith(":")


def table_rows(lines: list[Line]) -> set[int]:
    """The indices of lines that are each a row of a table set as lines of text: ``TABLE_RUN``
    or more lines in a row of one ``row_shape``, at one left edge and in one type size. Each is
    a block of its own, where wrapped lines of prose are joined: its figures read with its
    label, not run on into the next row's. Wrapped prose seldom makes such a run: its lines are
    longer, and do not each end in as many figures with no word a sentence goes on from."""
    rows: set[int] = set()
    start = 0
    for i in range(1, len(lines) + 1):
        if i < len(lines) and _same_row(lines[i - 1], lines[i]):
            continue
        if i - start >= TABLE_RUN:
            rows.update(range(start, i))
        start = i
    for run in cell_runs(lines):
        rows.update(run)
    return rows


def cell_runs(lines: list[Line]) -> list[range]:
    """The runs of ``TABLE_RUN`` lines or more each parted into as many cells at the same left
    edges (a table drawn cell by cell: "Village", "Pumps", "Fee" over "Chiyanga", "6", "10"),
    whatever the cells hold."""
    runs = []
    start = 0
    for i in range(1, len(lines) + 1):
        if i < len(lines) and _same_cells(lines[start], lines[i]) and not resized(
                lines[i - 1], lines[i]):
            continue
        if i - start >= TABLE_RUN and len(lines[start].cells) >= 2:
            runs.append(range(start, i))
        start = i
    return runs


def _same_cells(a: Line, b: Line) -> bool:
    # a list's marker set apart from its item's text ("•", "2.") opens no table's row
    if any(is_marker(f"{line.cells[0][1]} item") for line in (a, b) if line.cells):
        return False
    return len(a.cells) == len(b.cells) >= 2 and all(
        abs(x - y) <= _CELL_EDGE for (x, _), (y, _) in zip(a.cells, b.cells, strict=True))


_CELL_EDGE = 2.0  # points: cells whose left edges are this close are in one column


def tabulated(lines: list[Line]) -> list[Line]:
    """``lines`` with each table drawn cell by cell (``cell_runs``) read as a table's rows: its
    first line heads the columns ("Village | Pumps | Fee"), and each line under it names its
    cells by them ("Village: Chiyanga; Pumps: 6; Fee: 10"), as a Word or HTML table reads."""
    out = list(lines)
    for run in cell_runs(lines):
        header = [text for _, text in lines[run[0]].cells]
        out[run[0]] = replace(lines[run[0]], text=table_row_text(header))
        for i in run[1:]:
            out[i] = replace(lines[i], text=table_row_text([t for _, t in lines[i].cells], header))
    return out


def _same_row(a: Line, b: Line) -> bool:
    shape = row_shape(a.text)
    aligned = a.x is None or b.x is None or abs(a.x - b.x) <= 2
    return shape is not None and shape == row_shape(b.text) and aligned and not resized(a, b)


def resized(a: Line, b: Line) -> bool:
    return bool(a.size and b.size) and max(a.size, b.size) >= SIZE_CHANGE * min(a.size, b.size)


def is_marker(text: str) -> bool:
    return bool(BULLET.match(text) or NUMBERED.match(text))


__all__ = [
    "BULLET",
    "CLOSES",
    "GAP_PITCHES",
    "GLYPH",
    "MAX_HEADING_WORDS",
    "NUMBERED",
    "PAGE_NUMBER",
    "ROMAN",
    "SECTION",
    "SENTENCE_END",
    "SIZE_CHANGE",
    "SIZE_STEP",
    "TABLE_RUN",
    "Line",
    "Style",
    "body_style",
    "broken_off",
    "cell_runs",
    "compound",
    "gaps",
    "is_marker",
    "resized",
    "row_shape",
    "set_apart",
    "starts_sentence",
    "table_rows",
    "tabulated",
    "title_like",
]
