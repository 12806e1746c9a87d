"""Read a PDF into blocks: wrapped lines re-joined, headings found, page furniture dropped.

pypdf does the reading: pure Python, no system libraries (no poppler, no Ghostscript). It gives
each page's text line by line and, through its text visitor, where each piece of text sits and
in which font and size. From those the reader rebuilds what a person sees on the page:

* **Page furniture**, each kind dropped and reported once, with its first occurrence. A line
  among the first or last three of a page that recurs (digits read as ``#``) on at least half
  the pages, and on three or more, is a running header or footer; so is one whose number runs
  with the pages ("Chapter 4: Functions 9", "... 10") on three pages, or on two when it agrees
  with the document's other page numbers. A bare page number ("4", "Page 4 of 10", "- 4 -",
  "iv") among the first or last two lines, recurring, is a page number. Table-of-contents and
  index lines ("Scope . . . . 4") go too.
* **Paragraphs.** Hard-wrapped lines are joined with a space; a word hyphenated at a line end
  is rejoined ("hyphen-" + "ated"; "UTF-" + "encoded" keeps its hyphen). A paragraph ends at a
  blank line, at white space over 1.35 line pitches, at a change of type size by 15%, or where
  a line ending a sentence is followed by one starting a new sentence. It runs on over a page
  break and keeps the page it starts on.
* **Headings.** With an outline (bookmarks), a line on an entry's page (or the next) that
  matches its title, ignoring case, spaces, punctuation and a leading number ("3.2",
  "Appendix A"), is a heading at the entry's depth. Without one, a guess: a line of at most 12
  words, not ending in ``. , ; :`` nor on "the", "of" and the like, starting with a capital or
  a section number ("2.1 Scope"), that stands alone (a blank, white space, a finished sentence
  or a change of size before it; a new sentence after it) and is followed by a longer line or
  by another heading. When the PDF sets some such lines apart (type 12% above the body text's,
  or bold when the body is not), only lines set apart count. Level: the section number's depth
  ("2.1" -> 2), else the rank of its size among the headings' sizes.
* **List items** start with a bullet glyph (removed from the text), or, where a sentence may
  start, with "-" / "*" / "–" (removed) or "1." / "a)" / "ii." / "(i)" (kept); wrapped lines
  join the item. Nesting comes from the marker's indent.
* **Code**: consecutive lines in a monospaced font, when the body text is not monospaced.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pypdf

from .blocks import Block, Dropped, Kind, Outline, Parsed, one_line

EDGE_LINES = 3  # lines at a page's top and at its bottom where running heads are sought
NUMBER_EDGE_LINES = 2  # ... and page numbers (a column of figures may end a page)
MAX_HEADING_WORDS = 12
GAP_PITCHES = 1.35  # more white space than this above a line (in line pitches) is a gap
SIZE_STEP = 1.12  # a heading's type is this much larger than the body text's, or more
# a change of type size by this factor ends a paragraph (code set 10% smaller inside one does not)
SIZE_CHANGE = 1.15

# a bullet glyph always starts an item; a dash or star, like a number, only where a sentence may
_GLYPHS = "•◦▪▫‣∙·●○■□➢►\uf0b7\uf0a7"  # the last two: Word's Symbol and Wingdings bullets
_BULLET = re.compile(rf"^(?:[{_GLYPHS}]\s*|[*–-]\s+)(?=\S)")
_GLYPH = re.compile(rf"^[{_GLYPHS}]")
_NUMBERED = re.compile(
    r"^(?:\d{1,3}[.)]|[a-z][.)]|[ivx]{1,5}[.)]|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\))\s+(?=\S)"
)
_SECTION = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=\S)")
_NUMBERING = re.compile(
    r"^(?:(?:chapter|appendix|part|section|annex)\s+)?(?:\d{1,2}|[A-Z]|[IVXLC]{1,6})(?:\.\d{1,2})*"
    r"[.:]?\s+(?=\S)",
    re.I,
)
_ROMAN = r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_PAGE_NUMBER = re.compile(
    rf"(?:page\s+)?[-–—]?\s*(?:\d{{1,4}}|{_ROMAN})\s*[-–—]?(?:\s*(?:of|/)\s*\d{{1,4}})?", re.I
)
_LEADER = re.compile(r"(?:\.\s?){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})(?:\s|$)")  # ". . . . 12"
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_CLOSES = re.compile(r"[.!?…:][\"'”’)\]]*$")  # a sentence or a lead-in ("as follows:") ends
_OPENERS = "\"'“‘([«"
_MONO = re.compile(r"mono|monl|courier|cmtt|consol|menlo|typewriter|code", re.I)
_BOLD = re.compile(r"bold|black|heavy|cmbx|-medi", re.I)
# words a title does not end on (English: the language of most documents here)
_OPEN_ENDINGS = set(
    "a an the of to in for and or but with on at by from as that which who is are was were be "
    "has have than into onto per via".split()
)
_JUNK_TITLES = set(
    "untitled|untitled document|document|title|no title|word document|microsoft word|"
    "powerpoint presentation|presentation|slide 1".split("|")
)


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


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of a page's text, with what the page shows of it (``None``: not known)."""

    text: str
    page: int
    x: float | None = None  # left edge of the first piece, in points
    y: float | None = None  # baseline, in points from the page's bottom
    size: float = 0.0  # type size of most of its characters (0: not known)
    bold: bool = False
    mono: bool = False
    gap: bool = False  # a blank line or white space above it, on its own page


@dataclass(frozen=True, slots=True)
class _Style:
    """What the body text of the document looks like."""

    body: float  # type size of most of the text (0: not known)
    pitch: float  # usual distance between two body lines' baselines (0: not known)
    bold: bool  # the body text itself is bold
    mono: bool  # ... or monospaced (then nothing is called code for its font)
    styled: bool  # some short lines are set apart by size or weight: only those are headings


@dataclass(frozen=True, slots=True)
class _Entry:
    """An outline (bookmark) entry: its depth (1 = top), title and 1-based page."""

    level: int
    title: str
    page: int


def read_pdf(data: bytes) -> Parsed:
    """The blocks of a PDF in reading order, its title and date; ``ValueError`` if unreadable."""
    reader = _open(data)
    try:
        texts = [_extract(page) for page in reader.pages]
    except Exception as err:  # pypdf raises whatever its parser trips on in a damaged file
        raise ValueError(f"unreadable PDF: {_reason(err)}") from err
    if not texts:
        raise ValueError("PDF has no pages")
    if not any(text.strip() for text, _ in texts):
        raise ValueError("PDF has no text layer (scanned?): run OCR on it first (ocrmypdf)")
    notes: list[str] = []
    blank = sum(1 for text, _ in texts if not text.strip())
    if blank:
        notes.append(f"{blank} of {len(texts)} pages have no text layer (scanned?)")
    pages = [_lines(text, pieces, n) for n, (text, pieces) in enumerate(texts, 1)]
    pages, dropped = _furniture(pages)
    pages, listed = _leaders(pages)
    dropped += listed
    style = _style(pages)
    lines = [line for page in pages for line in _gaps(page, style)]
    entries = _outline(reader, notes)
    heads: dict[int, int] = {}
    if entries:
        lines, heads, missed = _outline_headings(lines, entries)
        if missed:
            notes.append(f"{missed} of {len(entries)} outline entries not found on their pages")
    if not heads:
        heads = _guess_headings(lines, style)
    blocks = _assemble(lines, heads, style)
    return Parsed(blocks, meta=_meta(reader), web=False, dropped=dropped, notes=notes)


def _open(data: bytes) -> pypdf.PdfReader:
    """A reader of ``data``, decrypted when that takes no password."""
    if not data.strip():
        raise ValueError("empty file, not a PDF")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as err:  # pypdf raises whatever its parser trips on in a damaged file
        raise ValueError(f"not a readable PDF: {_reason(err)}") from err
    if encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as err:  # DependencyError: AES needs the cryptography package
            raise ValueError(f"encrypted PDF, cannot decrypt it: {_reason(err)}") from err
        if opened == pypdf.PasswordType.NOT_DECRYPTED:
            raise ValueError("encrypted PDF: it needs a password; save an unprotected copy")
    return reader


def _reason(err: Exception) -> str:
    text = one_line(str(err)) or "no detail"
    return f"{type(err).__name__}: {text[:150]}"


def _extract(page: pypdf.PageObject) -> tuple[str, list[_Piece]]:
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
    return bool(_BOLD.search(name)), fixed or bool(_MONO.search(name))


def _place(cm: Any, tm: Any) -> tuple[float, float, float]:
    """Where text drawn with text matrix ``tm`` under ``cm`` starts, and its vertical scale."""
    a, b, c, d, e, f = (float(v) for v in cm)
    tc, td, tx, ty = float(tm[2]), float(tm[3]), float(tm[4]), float(tm[5])
    return a * tx + c * ty + e, b * tx + d * ty + f, math.hypot(a * tc + c * td, b * tc + d * td)


def _lines(text: str, pieces: list[_Piece], page: int) -> list[_Line]:
    """The page's lines (blank ones kept, as empty text) with their position, size and font."""
    lines: list[_Line] = []
    pos = k = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if not stripped:
            lines.append(_Line("", page))
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
            _Line(
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


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", one_line(text)).casefold()


def _edges(lines: list[_Line], count: int) -> set[int]:
    filled = [i for i, line in enumerate(lines) if line.text]
    return set(filled[:count] + filled[-count:])


def _furniture(pages: list[list[_Line]]) -> tuple[list[list[_Line]], list[Dropped]]:
    """The pages without running headers, footers and page numbers, and what was dropped."""
    on: dict[str, dict[int, str]] = {}  # a line (digits as "#"): its text on each page it is on
    for n, lines in enumerate(pages, 1):
        for i in _edges(lines, EDGE_LINES):
            on.setdefault(_key(lines[i].text), {}).setdefault(n, lines[i].text)
    need = max(3, math.ceil(len(pages) / 2))
    # A book's header names its chapter ("Chapter 4: Functions 9"), so it is on fewer than half
    # the pages; the page number in it, one more on each next page, gives it away.
    tracks = {key: offset for key, seen in on.items() if (offset := _tracks_page(seen)) is not None}
    offsets = Counter(offset for key, offset in tracks.items() for _ in on[key])
    usual = offsets.most_common(1)[0][0] if offsets else None
    running = {
        key
        for key, seen in on.items()
        if len(seen) >= need
        or (key in tracks and (len(seen) >= 3 or (len(seen) == 2 and tracks[key] == usual)))
    }
    kept: list[list[_Line]] = []
    dropped: list[Dropped] = []
    reported: set[str] = set()
    for lines in pages:
        heads, numbers = _edges(lines, EDGE_LINES), _edges(lines, NUMBER_EDGE_LINES)
        keep = []
        for i, line in enumerate(lines):
            key = _key(line.text)
            reason = None
            if i in numbers and _PAGE_NUMBER.fullmatch(line.text):
                # one number alone could be a figure or a year; a pattern on every page is not,
                # nor is "1" or "Page 1 of 1" ending a one-page document
                ones = set(re.findall(r"\d+", line.text)) <= {"1"}
                if len(on[key]) >= 2 or (len(pages) == 1 and ones):
                    reason = "page number"
            elif i in heads and key in running:
                count = len(on[key])
                reason = f"running header/footer (on {count} page{'s' * (count > 1)})"
            if reason is None:
                keep.append(line)
            elif key not in reported:
                reported.add(key)
                block = Block("paragraph", one_line(line.text), page=line.page)
                dropped.append(Dropped(block, reason))
        kept.append(keep)
    return kept, dropped


def _tracks_page(seen: dict[int, str]) -> int | None:
    """How far behind the page count the number a recurring line starts or ends with runs, when
    it runs with the pages ("Chapter 2: Parks 6" on page 8 and "... 7" on page 9: 2)."""
    common: set[int] | None = None
    for page, text in seen.items():
        here = {page - int(n) for n in re.findall(r"^\d{1,4}\b|\b\d{1,4}$", text.strip())}
        common = here if common is None else common & here
    return min(common) if common and len(seen) >= 2 else None


def _leaders(pages: list[list[_Line]]) -> tuple[list[list[_Line]], list[Dropped]]:
    """The pages without table-of-contents and index lines ("Scope . . . . 4"), and the first."""
    kept = [[line for line in lines if not _LEADER.search(line.text)] for lines in pages]
    listed = [line for lines in pages for line in lines if _LEADER.search(line.text)]
    if not listed:
        return pages, []
    block = Block("paragraph", one_line(listed[0].text), page=listed[0].page)
    return kept, [Dropped(block, f"table of contents or index ({len(listed)} lines)")]


def _style(pages: list[list[_Line]]) -> _Style:
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
    steps = [
        above.y - below.y
        for page in pages
        for above, below in itertools.pairwise(page)
        if above.y is not None
        and below.y is not None
        and _near(above.size, body)
        and _near(below.size, body)
        and 0 < above.y - below.y < 3 * body
    ]
    # too few lines to know the usual step: a step larger than 1.25 sizes is white space
    pitch = statistics.median(steps) if steps else 0.0
    if len(steps) < 5 and body:
        pitch = min(pitch, 1.25 * body) if pitch else 1.25 * body
    partial = _Style(body, pitch, bold > chars / 2, mono > chars / 2, False)
    apart = sum(
        1 for page in pages for line in page if _title_like(line) and _set_apart(line, partial)
    )
    return replace(partial, styled=apart >= 2)


def _near(size: float, body: float) -> bool:
    return body > 0 and abs(size - body) <= 0.5


def _set_apart(line: _Line, style: _Style) -> bool:
    """The line's type marks it out from the body text: larger, or bold where the body is not."""
    if not style.body or not line.size:
        return False
    return line.size >= style.body * SIZE_STEP or (line.bold and not style.bold)


def _gaps(lines: list[_Line], style: _Style) -> list[_Line]:
    """A page's non-blank lines, each marked when a blank or white space comes above it."""
    out: list[_Line] = []
    blank = False
    for line in lines:
        if not line.text:
            blank = bool(out)  # white space at the top of a page says nothing: a page broke
            continue
        prev = out[-1] if out else None
        out.append(replace(line, gap=blank or (prev is not None and _far(prev, line, style))))
        blank = False
    return out


def _far(above: _Line, below: _Line, style: _Style) -> bool:
    if above.y is None or below.y is None or not style.pitch:
        return False
    step = above.y - below.y
    scale = max(1.0, max(above.size, below.size) / style.body) if style.body else 1.0
    # a step up the page is a new column or text drawn out of order: the words decide
    return step > GAP_PITCHES * style.pitch * scale


def _outline(reader: pypdf.PdfReader, notes: list[str]) -> list[_Entry]:
    """The outline's entries in document order; none when it is missing or unreadable."""
    entries: list[_Entry] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
                continue
            page = reader.get_destination_page_number(item)
            title = one_line(str(item.title or ""))
            if title and page is not None and page >= 0:
                entries.append(_Entry(min(level, 6), title, page + 1))

    try:
        walk(reader.outline, 1)
    except Exception as err:  # a broken outline costs the headings it names, not the text
        notes.append(f"outline unreadable ({_reason(err)}); headings guessed")
        return []
    return entries


def _norm(text: str) -> str:
    """A title for comparing: no section number ("2.1", "A.1", "Appendix A"), case, spaces or
    punctuation."""
    return re.sub(r"[\W_]+", "", _NUMBERING.sub("", text.strip(), count=1).casefold())


def _outline_headings(
    lines: list[_Line], entries: list[_Entry]
) -> tuple[list[_Line], dict[int, int], int]:
    """The lines (a heading wrapped over two made one), heading levels by line, entries missed."""
    firsts: dict[int, int] = {}
    for i, line in enumerate(lines):
        firsts.setdefault(line.page, i)
    heads: dict[int, int] = {}
    joined: dict[int, str] = {}
    cursor = missed = 0
    for entry in entries:
        want = _norm(entry.title)
        found = None
        for page in (entry.page, entry.page + 1):  # a bookmark may point just above its page
            i = max(cursor, firsts.get(page, len(lines)))
            while found is None and i < len(lines) and lines[i].page == page:
                here = _norm(lines[i].text)
                if here == want:
                    found = i
                elif (
                    here
                    and want.startswith(here)
                    and i + 1 < len(lines)
                    and _norm(lines[i].text + " " + lines[i + 1].text) == want
                ):
                    found = i
                    joined[i] = one_line(lines[i].text + " " + lines[i + 1].text)
                i += 1
            if found is not None:
                break
        if found is None or not want:
            missed += 1
            continue
        heads[found] = entry.level
        cursor = found + 1 + (found in joined)
    out: list[_Line] = []
    levels: dict[int, int] = {}
    skip = {i + 1 for i in joined}
    for i, line in enumerate(lines):
        if i in skip:
            continue
        if i in heads:
            levels[len(out)] = heads[i]
        out.append(replace(line, text=joined[i]) if i in joined else line)
    return out, levels, missed


def _title_like(line: _Line) -> bool:
    """Short, unpunctuated at its end, starting with a capital or a section number."""
    text = line.text
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or line.mono or text[-1] in ".,;:-":
        return False
    if _BULLET.match(text) or _PAGE_NUMBER.fullmatch(text):
        return False
    if words[-1].casefold() in _OPEN_ENDINGS:
        return False  # "The money goes to the": a sentence broken off, not a title
    rest = _SECTION.sub("", text, count=1)
    return rest[:1].isupper() and any(ch.isalpha() for ch in rest)


def _starts_sentence(text: str) -> bool:
    return text.lstrip(_OPENERS)[:1].isupper()


def _resized(a: _Line, b: _Line) -> bool:
    return bool(a.size and b.size) and max(a.size, b.size) >= SIZE_CHANGE * min(a.size, b.size)


def _marker_free(text: str) -> str:
    return _NUMBERED.sub("", _BULLET.sub("", text, count=1), count=1)


def _is_marker(text: str) -> bool:
    return bool(_BULLET.match(text) or _NUMBERED.match(text))


def _guess_headings(lines: list[_Line], style: _Style) -> dict[int, int]:
    """Heading levels by line index, for a PDF without an outline (the module's rules)."""
    # Backwards first: a heading may be followed by a subheading rather than by its text, and
    # whether that one is a heading depends on what follows it.
    ahead: set[int] = set()
    for i in range(len(lines) - 2, -1, -1):
        line, nxt = lines[i], lines[i + 1]
        if not _title_like(line) or (style.styled and not _set_apart(line, style)):
            continue
        if _NUMBERED.match(line.text) and not _SECTION.match(line.text.replace(")", " ")):
            continue  # "a) Apples": a list item
        if re.match(r"\d+[.)]\s", line.text) and _is_marker(nxt.text):
            continue  # "1. Apples" over "2. Pears": a numbered list
        # "- which met on Monday": a dash going on with the sentence, no list under a heading
        item = _is_marker(nxt.text) and _starts_sentence(_marker_free(nxt.text))
        after = nxt.gap or _resized(line, nxt) or _starts_sentence(nxt.text) or item
        longer = len(nxt.text.split()) > len(line.text.split()) or i + 1 in ahead
        if after and longer:
            ahead.add(i)
    heads: dict[int, int] = {}
    for i in sorted(ahead):
        line, prev = lines[i], lines[i - 1] if i else None
        # after a line that leaves its sentence open, this line goes on with that sentence
        if (
            prev is None
            or line.gap
            or i - 1 in heads
            or bool(_CLOSES.search(prev.text))
            or _resized(prev, line)
        ):
            heads[i] = 0
    ranks = sorted({round(lines[i].size * 2) / 2 for i in heads}, reverse=True)
    for i in heads:
        number = _SECTION.match(lines[i].text)
        if number:
            heads[i] = min(6, number.group(1).count(".") + 1)
        elif style.styled:
            heads[i] = min(6, ranks.index(round(lines[i].size * 2) / 2) + 1)
        else:
            heads[i] = 1
    return heads


def _join(left: str, right: str) -> str:
    """Two wrapped lines as one: a word broken by a hyphen at the line end made whole."""
    broken = re.search(r"(\S*[^\W\d_])-$", left)
    if broken and right[:1].islower():
        word = broken.group(1)
        if any(ch.isupper() or ch.isdigit() for ch in word[1:]):
            return left + right  # "MIME-" + "related", "UTF-" + "encoded": a real hyphen
        return left[:-1] + right
    if left.endswith("\xad"):  # a soft hyphen
        return left[:-1] + right
    return f"{left} {right}"


def _assemble(lines: list[_Line], heads: dict[int, int], style: _Style) -> list[Block]:
    """Blocks from the lines: each heading its own, the rest joined into paragraphs and items."""
    blocks: list[Block] = []
    outline = Outline()
    unit: list[_Line] = []
    kind: Kind = "paragraph"
    level = 0
    indents: list[float] = []  # list markers' left edges, outermost first

    def flush() -> None:
        if not unit:
            return
        text = unit[0].text
        if kind == "list_item":
            text = _BULLET.sub("", text, count=1)
        for line in unit[1:]:
            text = _join(text, line.text)
        blocks.append(Block(kind, one_line(text), outline.path, unit[0].page, level))
        unit.clear()

    for i, line in enumerate(lines):
        if i in heads:
            flush()
            indents.clear()
            text, depth = one_line(line.text), heads[i]
            blocks.append(Block("heading", text, outline.heading(depth, text), line.page, depth))
            continue
        code = line.mono and not style.mono
        if code and unit and kind != "code" and not line.gap:
            # a path set in code font inside a sentence is still the sentence
            code = bool(_CLOSES.search(unit[-1].text))
        marker = bool(_GLYPH.match(line.text)) and not code
        if not marker and _is_marker(line.text) and not code:
            # "– which met on Monday" wrapped to a line's start goes on with its sentence
            marker = (
                not unit or line.gap or kind == "list_item" or bool(_CLOSES.search(unit[-1].text))
            )
        if unit and not _starts_unit(unit, kind, line, code, marker):
            unit.append(line)
            continue
        flush()
        unit.append(line)
        kind = "code" if code else "list_item" if marker else "paragraph"
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


def _starts_unit(unit: list[_Line], kind: Kind, line: _Line, code: bool, marker: bool) -> bool:
    """Whether ``line`` begins a new block rather than continuing the one in ``unit``."""
    prev = unit[-1]
    if line.gap or marker or code != (kind == "code") or _resized(prev, line):
        return True
    if kind == "code":
        return False
    if _SENTENCE_END.search(prev.text) and _starts_sentence(line.text):
        return True
    # a list item's wrapped lines are indented past its marker; a new sentence back at the
    # marker's edge is the text after the list
    head = unit[0]
    return (
        kind == "list_item"
        and line.page == head.page
        and line.x is not None
        and head.x is not None
        and line.x <= head.x + 1
        and _starts_sentence(line.text)
    )


def _meta(reader: pypdf.PdfReader) -> dict[str, str]:
    """``title`` from the document information, ``published`` from its creation date."""
    meta: dict[str, str] = {}
    try:
        info = reader.metadata
        raw_title, raw_date = (info.get("/Title"), info.get("/CreationDate")) if info else ("", "")
    except Exception:  # a damaged information dictionary only costs the metadata
        return meta
    title = _usable_title(str(raw_title or ""))
    if title:
        meta["title"] = title
    found = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", str(raw_date or "").strip())
    if found:
        with contextlib.suppress(ValueError):  # a date like 20240231 says nothing reliable
            meta["published"] = date(*map(int, found.groups())).isoformat()
    return meta


def _usable_title(raw: str) -> str:
    """A declared title as a reader would call the document; "" for a placeholder ("untitled").

    Word's PDF export declares "Microsoft Word - report.docx": the prefix and the extension go.
    """
    title = one_line(raw)
    title = re.sub(r"^Microsoft (?:Office )?(?:Word|PowerPoint|Excel) - ", "", title, flags=re.I)
    title = re.sub(r"\.(?:docx?|rtf|odt|pptx?|xlsx?|pdf|txt|tex|indd)$", "", title, flags=re.I)
    placeholder = re.fullmatch(r"(?:document|untitled|doc)\s*\d*", title, re.I)
    return "" if placeholder or title.casefold() in _JUNK_TITLES else title


__all__ = ["read_pdf"]
