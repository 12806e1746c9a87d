"""The elements open at the page reader's place in a page, and what it keeps of each.

``OpenElement``: what the reader keeps of an element while it is open. ``OpenElements``: the
open elements, outermost first and by tag, so that what reading asks of them (the innermost of
some tags, whether one is open, how many of a tag) costs nothing in their depth (a page of
unclosed elements nests thousands deep).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .blocks import Block
from .htmltable import Grid, Row


@dataclass(slots=True)
class OpenElement:
    """An open element, and what reading it needs when it closes."""

    tag: str
    depth: int  # how many elements are open around it
    live: bool  # neither it nor an element around it is left out
    skip_tag: bool = False
    skip_reason: str = ""  # left out by its attributes (recorded as dropped)
    grid: Grid | None = None  # a table's columns
    span: tuple[int, int] = (1, 1)  # a cell's rowspan and colspan
    row: Row | None = None  # a tr's cells so far
    cell: tuple[Row, list[Block]] | None = None  # a td's row, and its blocks so far
    anchor: tuple[int, str] | None = None  # an <a> in a heading: where its text starts, href
    link: int | None = None  # an <a> to a place in a page (not in a heading): where its text starts
    entries: int = 0  # a list's entries so far
    linked: list[tuple[list[Block], Block]] = field(default_factory=list)  # ... that only link
    prose: bool = False  # an entry of the list holds more than a link
    text: list[str] = field(default_factory=list)  # a left-out element's text, for ``dropped``
    linked_chars: int = 0  # ... how much of it is the text of links
    ident: str = ""  # its id attribute
    first: int = 0  # a definition list: where its blocks start among the page's
    main: bool = False  # the page's main content (main, role="main")
    section: bool = False  # a section of the text (section, DocBook's div class="section")


class OpenElements:
    """The open elements, outermost first, with counts of those left out by their tag, of the
    page's head and of its main content."""

    def __init__(self) -> None:
        self._open: list[OpenElement] = []  # outermost first
        self._by_tag: defaultdict[str, list[OpenElement]] = defaultdict(list)
        self._ids: Counter[str] = Counter()  # the ids of the open elements
        self.skipping = 0  # open elements left out by their tag
        self.head = 0  # open head elements (one, in a page that has its head)
        self.main = 0  # open elements of the page's main content (main, role="main")
        self.sections = 0  # open sections of the text

    def __len__(self) -> int:
        return len(self._open)

    def push(self, el: OpenElement) -> None:
        self._open.append(el)
        self._by_tag[el.tag].append(el)
        self._ids[el.ident] += 1
        self.skipping += el.skip_tag
        self.head += el.tag == "head"
        self.main += el.main
        self.sections += el.section

    def innermost(self) -> OpenElement:
        return self._open[-1]

    def pop(self) -> OpenElement:
        el = self._open.pop()
        self._by_tag[el.tag].pop()
        self._ids[el.ident] -= 1
        self.skipping -= el.skip_tag
        self.head -= el.tag == "head"
        self.main -= el.main
        self.sections -= el.section
        return el

    def is_open(self, tag: str) -> bool:
        return bool(self._by_tag.get(tag))

    def any_open(self, tags: Iterable[str]) -> bool:
        return any(self._by_tag.get(t) for t in tags)

    def count(self, tag: str) -> int:
        """How many ``tag`` elements are open (a list item's nesting depth)."""
        return len(self._by_tag.get(tag, ()))

    def has_id(self, ident: str) -> bool:
        """Whether an open element has the id ``ident``."""
        return self._ids[ident] > 0

    def nearest(self, tags: set[str] | frozenset[str]) -> OpenElement | None:
        """The innermost open element of one of ``tags``. (Reading happens only outside left-out
        elements, so every open element is live then.)"""
        found = None
        for t in tags:
            opened = self._by_tag.get(t)
            if opened and (found is None or opened[-1].depth > found.depth):
                found = opened[-1]
        return found


__all__ = ["OpenElement", "OpenElements"]
