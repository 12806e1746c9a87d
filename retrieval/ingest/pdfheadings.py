"""Find a PDF's headings: by its outline (bookmarks) when it has one, else by their look.

The rules are the "Headings" item of ``pdf``'s docstring; both finders give heading levels by
line index.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

import pypdf

from .blocks import error_reason, one_line
from .pdflines import (
    BULLET,
    CLOSES,
    GLYPH,
    MAX_HEADING_WORDS,
    NUMBERED,
    SECTION,
    SENTENCE_END,
    SIZE_STEP,
    Line,
    Style,
    is_marker,
    resized,
    set_apart,
    starts_sentence,
    title_like,
)

_NUMBERING = re.compile(
    r"^(?:(?:chapter|appendix|part|section|annex)\s+)?(?:\d{1,2}|[A-Z]|[IVXLC]{1,6})(?:\.\d{1,2})*"
    r"[.:]?\s+(?=\S)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Entry:
    """An outline (bookmark) entry: its depth (1 = top), title and 1-based page."""

    level: int
    title: str
    page: int


def outline_entries(reader: pypdf.PdfReader, notes: list[str]) -> list[_Entry]:
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
        notes.append(f"outline unreadable ({error_reason(err)}); headings guessed")
        return []
    return entries


def _norm(text: str) -> str:
    """A title for comparing: no section number ("2.1", "A.1", "Appendix A"), case, spaces or
    punctuation."""
    return re.sub(r"[\W_]+", "", _NUMBERING.sub("", text.strip(), count=1).casefold())


def outline_headings(
    lines: list[Line], entries: list[_Entry]
) -> tuple[list[Line], dict[int, int], int]:
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
    out: list[Line] = []
    levels: dict[int, int] = {}
    skip = {i + 1 for i in joined}
    for i, line in enumerate(lines):
        if i in skip:
            continue
        if i in heads:
            levels[len(out)] = heads[i]
        out.append(replace(line, text=joined[i]) if i in joined else line)
    return out, levels, missed


def wrapped_titles(lines: list[Line], style: Style) -> list[Line]:
    """``lines`` with a title set larger than the body text and wrapped over lines made one
    line: a line so set that breaks off ("Robust Keyword Spotting in Noisy Classrooms: A",
    ending on a word a title does not end on, or a colon or comma) and the line under it in
    the same type, with no white space between. A paper's title, wrapped, was no heading, and
    the paper was titled by its file name."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and style.body and prev.size >= style.body * SIZE_STEP
                and prev.page == line.page and not line.gap and not resized(prev, line)
                and abs(prev.size - line.size) <= 0.5 and prev.bold == line.bold
                and not title_like(prev) and not SENTENCE_END.search(prev.text)
                and not SECTION.match(line.text) and not is_marker(line.text)
                and len(prev.text.split()) < 2 * MAX_HEADING_WORDS):
            out[-1] = replace(prev, text=one_line(f"{prev.text} {line.text}"))
            continue
        out.append(line)
    return out


def _opens(text: str) -> bool:
    """The line begins something new: a sentence, or a numbered heading ("2.1 Scope")."""
    return starts_sentence(text) or starts_sentence(SECTION.sub("", text, count=1))


def _depth(text: str) -> int:
    """A heading's level by its numbering ("2.1" and "A.1" -> 2, "Appendix B" -> 1), 0 if none."""
    if re.match(r"(?:chapter|appendix|part|annex)\s+\w+\b", text, re.I):
        return 1
    found = re.match(r"(?:\d{1,2}|[A-Z](?=\.\d))((?:\.\d{1,2})*)\.?\s", text)
    return min(6, found.group(1).count(".") + 1) if found else 0


def _numbered_capitals(text: str) -> bool:
    """A section number and a title in capitals ("2.3. DESCRIPTION", "10.3 APPLYING PATCHES"):
    a heading whatever follows it (a manual page's text opens with a command's name in lower
    case)."""
    m = SECTION.match(text)
    title = text[m.end():] if m else ""
    return sum(c.isalpha() for c in title) >= 3 and title.isupper()


def _capital_titles(lines: list[Line]) -> set[int]:
    """Lines that are a title of up to four words in capitals alone ("DESCRIPTION", "SEE ALSO"),
    when the document has three or more such: a manual page's sections, read as headings
    whatever follows them (its text opens with a command's name in lower case: "NAME" over
    "gramps - Genealogy program" was one paragraph, "NAME gramps - ..."). Two may stand one over
    the other (a section left empty); three in a row are a table's column of codes, and the
    document has no such pattern."""
    found = [i for i, line in enumerate(lines)
             if len(line.text.split()) <= 4 and sum(c.isalpha() for c in line.text) >= 4
             and line.text.isupper() and title_like(line) and not SECTION.match(line.text)]
    if len({_norm(lines[i].text) for i in found}) < 3 or any(
            found[k + 2] == found[k] + 2 for k in range(len(found) - 2)):
        return set()
    return set(found)


def _column_top(prev: Line, line: Line) -> bool:
    """The line starts a new column: it is set higher on the page than the line before it. The
    sentence that ends that line ends the other column, and says nothing of this one: the first
    line of a column, run on into the next without white space, is text ("The keeper was Anna"
    over "Berg, who served until 1931.")."""
    return (
        prev.page == line.page and prev.y is not None and line.y is not None and line.y > prev.y
    )


def _marker_free(text: str) -> str:
    return NUMBERED.sub("", BULLET.sub("", text, count=1), count=1)


def guess_headings(lines: list[Line], style: Style) -> dict[int, int]:
    """Heading levels by line index, for a PDF without an outline (the module's rules)."""
    # Backwards first: a heading may be followed by a subheading rather than by its text, and
    # whether that one is a heading depends on what follows it.
    ahead: set[int] = set()
    # numbered titles in capitals, and a manual page's: headings whatever is around them
    capitals: set[int] = _capital_titles(lines)
    for i in range(len(lines) - 2, -1, -1):
        line, nxt = lines[i], lines[i + 1]
        if not title_like(line) or (style.styled and not set_apart(line, style)):
            continue
        if NUMBERED.match(line.text) and not SECTION.match(line.text.replace(")", " ")):
            continue  # "a) Apples": a list item
        if re.match(r"\d+[.)]\s", line.text) and is_marker(nxt.text):
            continue  # "1. Apples" over "2. Pears": a numbered list
        # "- which met on Monday": a dash going on with the sentence, no list under a heading;
        # a bullet glyph opens an item whatever its first word ("• fix issue126 - ...")
        item = is_marker(nxt.text) and (bool(GLYPH.match(nxt.text))
                                         or starts_sentence(_marker_free(nxt.text)))
        after = nxt.gap or resized(line, nxt) or _opens(nxt.text) or item
        # set apart by its type, a heading needs no longer line after it to show what it is
        longer = style.styled or len(nxt.text.split()) > len(line.text.split()) or i + 1 in ahead
        if _numbered_capitals(line.text):
            capitals.add(i)
        if (after and longer) or i in capitals:
            ahead.add(i)
    heads: dict[int, int] = {}
    for i in sorted(ahead):
        line, prev = lines[i], lines[i - 1] if i else None
        # after a line that leaves its sentence open, this line goes on with that sentence
        if (
            prev is None
            or line.gap
            or i - 1 in heads
            or (bool(CLOSES.search(prev.text)) and not _column_top(prev, line))
            or i in capitals
            or resized(prev, line)
            or (style.styled and prev.page != line.page)  # set apart, atop a new page
            # ... or atop a new column, where a numbered title is one too ("3 Data Collection"
            # over "We recorded ...": a paper's section opening its right column)
            or (_column_top(prev, line) and (style.styled or _depth(line.text) > 0))
        ):
            heads[i] = 0
    size = {i: round(lines[i].size * 2) / 2 for i in heads}
    ranks = sorted(set(size.values()), reverse=True)
    # an unnumbered heading ("Concept Index") ranks with numbered ones set in its size
    numbered: dict[float, Counter[int]] = {}
    for i in heads:
        if depth := _depth(lines[i].text):
            numbered.setdefault(size[i], Counter())[depth] += 1
    # a heading set larger than every numbered one ranks above the numbering ("Annual Report"
    # over "1. Finances"): the numbering's depth counts from below those sizes
    above = [r for r in ranks if numbered and r > max(numbered)]
    for i in heads:
        if depth := _depth(lines[i].text):
            heads[i] = min(6, depth + len(above))
        elif size[i] in numbered:
            heads[i] = min(6, numbered[size[i]].most_common(1)[0][0] + len(above))
        elif size[i] in above:
            heads[i] = above.index(size[i]) + 1
        else:
            heads[i] = min(6, ranks.index(size[i]) + 1) if style.styled else 1
    return heads


__all__ = ["guess_headings", "outline_entries", "outline_headings", "wrapped_titles"]
