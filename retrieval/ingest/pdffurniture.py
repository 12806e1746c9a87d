"""Find a PDF's page furniture: running headers and footers, page numbers, contents lines.

The rules are the first item of ``pdf``'s docstring; each kind is dropped and reported once,
with its first occurrence.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from .blocks import Block, Dropped, one_line
from .pdflines import PAGE_NUMBER, ROMAN, Line

EDGE_LINES = 3  # lines at a page's top and at its bottom where running heads are sought
NUMBER_EDGE_LINES = 2  # ... and page numbers (a column of figures may end a page)
# a footer's "Page 3 of 4" beside its other words ("Riverbend Water Trust   Page 3 of 4")
_PAGE_OF = re.compile(r"(?:^|\s)page\s+(\d{1,4})\s*(?:of|/)\s*(\d{1,4})$|"
                      r"^page\s+(\d{1,4})\s*(?:of|/)\s*(\d{1,4})(?:\s|$)", re.I)
_LEADER = re.compile(r"(?:\.\s?){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})(?:\s|$)")  # ". . . . 12"


def _key(text: str) -> str:
    """A line as it recurs from page to page: numbers (a lone roman one too) read as "#"."""
    if re.fullmatch(ROMAN, text.strip(), re.I):
        return "#"
    return re.sub(r"\d+", "#", one_line(text)).casefold()


def _edges(lines: list[Line], count: int) -> set[int]:
    filled = [i for i, line in enumerate(lines) if line.text]
    return set(filled[:count] + filled[-count:])


def furniture(pages: list[list[Line]]) -> tuple[list[list[Line]], list[Dropped]]:
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
    # a two-page document's header or footer: the same line at the top (or the bottom) of both
    # pages, among their first (last) three as on more pages (a header of two lines: the
    # organisation, then the document); only a line with furniture alone between it and the
    # page's edge is dropped (``_banded``)
    both = (set.intersection(*({_key(lines[i].text) for i in _edges(lines, EDGE_LINES)}
                               for lines in pages))
            if len(pages) == 2 else set())
    # a header or footer left off the first page (a title or cover page): on every page after it
    after_first = set(range(2, len(pages) + 1)) if len(pages) >= 3 else None
    running = {
        key
        for key, seen in on.items()
        if (len(seen) >= need or key in both or seen.keys() == after_first
            or (key in tracks and (len(seen) >= 3 or (len(seen) == 2 and tracks[key] == usual))))
        and not _own_numbers(seen)
    }
    kept: list[list[Line]] = []
    dropped: list[Dropped] = []
    reported: set[str] = set()
    for lines in pages:
        heads, numbers = _edges(lines, EDGE_LINES), _edges(lines, NUMBER_EDGE_LINES)
        reasons: dict[int, str] = {}
        for i, line in enumerate(lines):
            key = _key(line.text)
            if i in numbers and PAGE_NUMBER.fullmatch(line.text):
                # one number alone could be a figure or a year; a pattern on every page is not,
                # nor is "1" or "Page 1 of 1" ending a one-page document
                ones = set(re.findall(r"\d+", line.text)) <= {"1"}
                if len(on[key]) >= 2 or (len(pages) == 1 and ones):
                    reasons[i] = "page number"
            elif i in numbers and _counts_pages(line.text, len(pages)):
                reasons[i] = "page header or footer (its page number)"
            elif i in heads and key in running:
                count = len(on[key])
                reasons[i] = f"running header/footer (on {count} page{'s' * (count > 1)})"
        banded = _banded(lines, reasons)
        keep = []
        for i, line in enumerate(lines):
            if i not in banded:
                keep.append(line)
            elif (key := _key(line.text)) not in reported:
                reported.add(key)
                block = Block("paragraph", one_line(line.text), page=line.page)
                dropped.append(Dropped(block, reasons[i]))
        kept.append(keep)
    return kept, dropped


def _counts_pages(text: str, count: int) -> bool:
    """Whether a line opens or ends with its page's number of the document's ``count`` pages
    ("WP 7   Page 1 of 1", "Page 3 of 4 | Confidential"): a footer, though on one page only
    (a one-page document) or with words that change from page to page."""
    found = _PAGE_OF.search(text.strip())
    if not found:
        return False
    page, total = (int(n) for n in found.groups() if n is not None)
    return total == count and 1 <= page <= total


def _banded(lines: list[Line], furnished: dict[int, str]) -> set[int]:
    """Of the lines found to be furniture, those in the page's top or bottom band: with only
    furniture between them and the page's edge. A warning repeated in the body of short pages,
    under a heading and some text, is among their first three lines but no running header."""
    filled = [i for i, line in enumerate(lines) if line.text]
    banded: set[int] = set()
    for order in (filled, filled[::-1]):
        for i in order:
            if i not in furnished:
                break
            banded.add(i)
    return banded


def _own_numbers(seen: dict[int, str]) -> bool:
    """Whether a line recurring on three pages or more carries numbers of its own on each: one
    of its numbers neither stays the same nor runs with the pages, but differs on most of them
    ("Invoice 10423", "Invoice 10588" heading form letters, one a page). Furniture's numbers stay
    (a year, "of 12") or count pages ("Page 3", "Chapter 4: Tax 9"); these are the page's
    content, read as such (they were dropped as a running header, and the letters' first lines
    with them)."""
    if len(seen) < 3:
        return False
    numbers = {page: [int(n) for n in re.findall(r"\d{1,9}", text)] for page, text in seen.items()}
    if len({len(found) for found in numbers.values()}) != 1:
        return False
    for values in zip(*numbers.values(), strict=True):
        if len(set(values)) * 2 > len(seen) and len(
                {page - value for page, value in zip(numbers, values, strict=True)}) > 1:
            return True
    return False


def _tracks_page(seen: dict[int, str]) -> int | None:
    """How far behind the page count the number a recurring line starts or ends with runs, when
    it runs with the pages ("Chapter 2: Parks 6" on page 8 and "... 7" on page 9: 2)."""
    common: set[int] | None = None
    for page, text in seen.items():
        here = {page - int(n) for n in re.findall(r"^\d{1,4}\b|\b\d{1,4}$", text.strip())}
        common = here if common is None else common & here
    return min(common) if common and len(seen) >= 2 else None


def leaders(pages: list[list[Line]]) -> tuple[list[list[Line]], list[Dropped]]:
    """The pages without table-of-contents and index lines ("Scope . . . . 4"), and the first."""
    kept = [[line for line in lines if not _LEADER.search(line.text)] for lines in pages]
    listed = [line for lines in pages for line in lines if _LEADER.search(line.text)]
    if not listed:
        return pages, []
    block = Block("paragraph", one_line(listed[0].text), page=listed[0].page)
    return kept, [Dropped(block, f"table of contents or index ({len(listed)} lines)")]


__all__ = ["furniture", "leaders"]
