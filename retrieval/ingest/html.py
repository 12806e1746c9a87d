"""HTML pages -> blocks and metadata, with the standard library's ``html.parser``.

A saved web page or documentation page (``.html``/``.htm``, or a ``.txt`` that holds markup)
becomes the blocks a reader sees: ``h1``-``h6`` headings and ``dt`` terms (an API's signature
heads its ``dd`` description, and nothing after its list), ``li`` list items (nesting depth
the level), ``tr`` table rows, ``pre`` code, and a paragraph for every other block element
(``p``, ``div``, ``dd``, ...) and for loose text between blocks. Inline markup stays inline,
entities are decoded, white space is collapsed; a ``<br>`` ends a line, so a paragraph broken by
one is one block per line (unless its lines read as wrapped prose, joined as in a plain text:
``segment.blocks``). Lines laid out as a plain text is, in a ``pre`` or broken by ``<br>`` (a
README in DocBook's literallayout: headings underlined, "- " items, wrapped prose;
``text.reads_as_layout``), are read as the plain-text reader reads a file, their headings under
the page's heading they stand under; any other ``pre`` is code.

What is never the page's text (scripts, styles, navigation, hidden elements) is left out by the
rules of ``htmlnav`` and listed in ``Parsed.dropped``, as are a heading's own permalink (``¶``)
and a block of links to the next, previous or parent page (two or more, by their ``rel``:
Texinfo's "Next: Using libffi, Previous: libffi, Up: libffi"). One left out by a class or id
that holds the page's text (1,000 characters in no link, twice what was kept, most of it: a
theme's "content-with-sidebar") is read, the page read again sparing it.

Table rows are read by ``htmltable`` (a header row ``H1 | H2``, a body row under it ``H1: c1;
H2: c2``; a layout table's cells as the blocks they hold; a short list in a cell reads "PNG,
GIF", its items apart), a definition list's terms by ``htmlterms``.

Which elements are blocks, void, headings or terms, and which end tags HTML implies, is
``htmltags``'s; so is telling markup from text (``looks_like_html``). The elements open at the
reader's place, and what it keeps of each, are ``htmlopen``'s.

The page's metadata is what it declares (``htmlmeta``), its title else its first ``h1``.
``Parsed.web``: the page says it is an article, or its blocks read as a web page
(``webpage.looks_like_web_page``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from .blocks import TERM_LEVEL, Block, Dropped, Kind, Parsed, code_lines, one_line
from .htmlmeta import PageMeta
from .htmlnav import (
    ANCHOR_CHARS,
    ENUMERATOR_RE,
    HEADING_ANCHOR_RE,
    IN_PAGE_RE,
    PAGING_REASON,
    PAGING_RELS,
    SKIP_TAGS,
    TOC_REASON,
    is_section,
    nav_reason,
    news_chrome,
)
from .htmlopen import OpenElement, OpenElements
from .htmltable import MAX_COLSPAN, MAX_ROWSPAN, Cell, Grid, Row, row_blocks, span_of
from .htmltags import (
    BLOCKS,
    CODE_TAGS,
    CONTEXT,
    ENTRY,
    HEAD_TAGS,
    HEADINGS,
    IMPLIED,
    LISTS,
    LITERAL,
    ROW_SCOPE,
    TITLES,
    VOID,
    without_open_comment,
)
from .htmlterms import sectioned, with_terms
from .segment import blocks
from .text import layout_blocks, reads_as_layout
from .webpage import looks_like_web_page

_SPACE_RE = re.compile(r"[ \t\r\n\f\v]+")  # a source line break is a space; "\n" marks a <br>


SPARED_PROSE = 1000  # characters in no link of a left-out element that is the page's text


def read_html(markup: str) -> Parsed:
    """The blocks of the HTML page ``markup`` in reading order, its metadata and web flag."""
    markup = without_open_comment(markup)
    parser = _parsed(markup, frozenset())
    kept = sum(len(b.text) for b in parser.blocks)
    spared = frozenset(reason for reason, size, linked in parser.attribute_drops
                       if reason.startswith(('class "', 'id "')) and size - linked >= max(
                           SPARED_PROSE, 2 * kept) and linked * 2 < size)
    if spared:  # a class or id naming chrome on the element that holds the text
        parser = _parsed(markup, spared)
    blocks = with_terms(sectioned(parser.blocks, parser.term_scopes))
    meta = parser.page.declared(
        next((b.text for b in blocks if b.kind == "heading" and b.level == 1), ""))
    web = parser.page.article or looks_like_web_page(
        [b.text for b in blocks], [r for r, _, _ in parser.attribute_drops if news_chrome(r)])
    return Parsed(blocks, meta, web=web, dropped=parser.dropped)


def _parsed(markup: str, spared: frozenset[str]) -> _Parser:
    parser = _Parser(spared)
    parser.feed(markup)
    parser.close()
    parser.finish()
    return parser


class _Parser(HTMLParser):
    def __init__(self, spared: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.dropped: list[Dropped] = []
        self.spared = spared  # reasons to leave an element out not to act on ('class "x"')
        # each element left out by its attributes: the reason, its text's length, and how much
        # of it is the text of links
        self.attribute_drops: list[tuple[str, int, int]] = []
        self.page = PageMeta()
        # a definition list's last block (its id): the id of its first; its terms head nothing
        # after it
        self.term_scopes: dict[int, int] = {}
        self._open = OpenElements()
        self._line: list[str] = []  # the text of the block being read
        self._code_chars = 0  # ... how many of its characters (not spaces) are inline code
        self._linked: list[str] = []  # ... what of it is the text of links to places in a page
        self._paging = 0  # ... how many of its links lead to the next, previous or parent page
        self._dropping: OpenElement | None = None  # the outermost element left out by attributes
        self._heading_level = 0  # the level of the page's last heading (0: none yet)

    # --- the parser's events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        self.page.start(tag, a, self._open.is_open("svg"))
        if self._open.head and tag not in HEAD_TAGS:
            self.handle_endtag("head")  # "</head>" may be left out
        if tag in ("td", "th") and (row := self._open.nearest(ROW_SCOPE)) and row.tag != "tr":
            self.handle_starttag("tr", [])  # a cell with no row: the row is implied, as in HTML
        if tag in IMPLIED:
            closes, bounds = IMPLIED[tag]
            closing, bound = self._open.nearest(closes), self._open.nearest(bounds)
            if closing and (bound is None or closing.depth > bound.depth):
                self.handle_endtag(closing.tag)
        if self._dropping is not None and (tag in BLOCKS or tag == "br"):
            self._dropping.text.append(" ")  # its menu items apart
        live = not self._open.skipping and self._dropping is None
        skip_tag = tag in SKIP_TAGS
        reason = (nav_reason(tag, a, self._open.main > 0, self._open.sections > 0)
                  if live and not skip_tag else "")
        if reason in self.spared:
            reason = ""
        if live and not reason and tag == "a" and self._permalink(a):
            reason = "a link to the element it is in (a permalink)"
        el = OpenElement(tag, len(self._open), live and not skip_tag and not reason, skip_tag,
                         reason, ident=a.get("id", ""),
                         main=tag == "main" or a.get("role", "").strip().lower() == "main",
                         section=is_section(tag, a))
        if el.live:
            self._opening(el, a)
        if tag in VOID:
            return
        self._open.push(el)
        if el.skip_reason:
            self._dropping = el

    def _permalink(self, a: dict[str, str]) -> bool:
        """Whether a link opening a block points at the element it sits in, outside a heading
        or a term (the Rust Reference's "[layout.repr.transparent]" rule markers): a permalink
        to that spot, not the text. A heading's or a definition term's own text linked to it
        (mdBook's headings, the Cargo book's "--workspace" options) is its text, and so is such
        a link inside a sentence."""
        href = a.get("href", "")
        return (href.startswith("#") and len(href) > 1 and self._open.has_id(href[1:])
                and not "".join(self._line).strip() and not self._open.nearest(TITLES))

    def handle_endtag(self, tag: str) -> None:
        self.page.end(tag)
        if not self._open.is_open(tag):
            return
        while self._open:  # close it, and whatever was left open inside it
            el = self._open.innermost()
            if el.live:
                self._closing(el)
            self._open.pop()
            if el is self._dropping:
                self._dropping = None
                text = one_line("".join(el.text))
                if text not in ANCHOR_CHARS:  # a permalink's "¶" is no loss worth a record
                    self.dropped.append(Dropped(Block("paragraph", text), el.skip_reason))
                    self.attribute_drops.append((el.skip_reason, len(text), el.linked_chars))
            if el.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.page.data(data):
            pass  # the title's
        elif self._open.skipping:
            pass
        elif self._dropping is not None:
            self._dropping.text.append(data)
            if self._open.is_open("a"):
                self._dropping.linked_chars += len(data.strip())
        else:
            # a <pre>'s lines as laid out (``_flush`` reads them as code, or as a plain text)
            self._line.append(data.replace("\r\n", "\n") if self._open.is_open("pre")
                              else _SPACE_RE.sub(" ", data))
            if self._open.any_open(CODE_TAGS):
                self._code_chars += len(data) - sum(map(str.isspace, data))

    def finish(self) -> None:
        """Close what the page left open and read its last block."""
        while self._open:
            self.handle_endtag(self._open.innermost().tag)
        self._flush()

    # --- reading

    def _opening(self, el: OpenElement, a: dict[str, str]) -> None:
        tag = el.tag
        if tag == "br":  # a line's end, but in a heading or a term (read as one line)
            self._line.append(" " if self._open.nearest(TITLES) else "\n")
        elif tag in BLOCKS:
            self._boundary()
        if tag == "table":
            el.grid = Grid()
        elif tag == "dl":
            el.first = len(self.blocks)
        elif tag == "tr":
            table = self._open.nearest({"table"})
            head = self._open.nearest({"thead", "tbody", "tfoot", "table"})
            el.row = Row(table.grid if table else None, head is not None and head.tag == "thead")
        elif tag in ("td", "th") and (tr := self._open.nearest({"tr", "table"})) and tr.row:
            el.cell = (tr.row, [])
            el.span = (span_of(a.get("rowspan"), MAX_ROWSPAN),
                       span_of(a.get("colspan"), MAX_COLSPAN))
        elif tag == "a" and self._open.nearest(HEADINGS):
            el.anchor = (len(self._line), a.get("href", ""))
        elif tag == "a" and IN_PAGE_RE.match(a.get("href", "")):
            el.link = len(self._line)
        if tag == "a" and PAGING_RELS & set(a.get("rel", "").lower().split()):
            self._paging += 1
        if tag in ENTRY and (lst := self._open.nearest(LISTS)):
            lst.entries += 1

    def _closing(self, el: OpenElement) -> None:
        if el.tag in LITERAL:
            self._flush()
        elif el.tag in BLOCKS:
            self._boundary()
        if el.cell:
            row, blocks = el.cell
            row.cells.append(Cell(el.tag == "th", blocks, *el.span))
        elif el.row:
            sink = self._sink()
            sink.extend(row_blocks(el.row, sink))
        elif el.tag in ("thead", "tbody", "tfoot") and (table := self._open.nearest({"table"})):
            if table.grid:
                table.grid.below.clear()  # a cell spans rows of its row group alone
        elif el.link is not None:
            self._linked.extend(self._line[el.link:])
        elif (el.tag in LISTS and not el.prose and len(el.linked) >= 2
              and len(el.linked) == el.entries):
            for sink, block in el.linked:
                del sink[next(i for i in range(len(sink) - 1, -1, -1) if sink[i] is block)]
                self.dropped.append(Dropped(block, TOC_REASON))
        elif el.anchor:
            start, href = el.anchor
            if href.startswith("#") and "".join(self._line[start:]).strip() in ANCHOR_CHARS:
                del self._line[start:]
        if el.tag == "dl" and self._sink() is self.blocks and len(self.blocks) > el.first:
            self.term_scopes[id(self.blocks[-1])] = id(self.blocks[el.first])

    def _boundary(self) -> None:
        """A block element starts or ends: a new block, or a space inside a heading or pre."""
        if self._open.any_open(LITERAL):
            self._line.append(" ")
        else:
            self._flush()

    def _flush(self) -> None:
        """Make the text read since the last block boundary the blocks of its context."""
        text, self._line = "".join(self._line), []
        linked, self._linked = one_line("".join(self._linked)), []
        code_chars, self._code_chars = self._code_chars, 0
        paging, self._paging = self._paging, 0
        if paging >= 2 and text.strip() and not self._open.nearest(TITLES):
            # "Next: Using libffi, Previous: libffi, Up: libffi [Index]"
            self.dropped.append(Dropped(Block("paragraph", one_line(text)), PAGING_REASON))
            return
        kind: Kind = "paragraph"
        level, context = 0, self._open.nearest(CONTEXT)
        if (code_chars and code_chars >= len(text) - sum(map(str.isspace, text))
                and (inner := self._open.nearest({"p", *CONTEXT})) and inner.tag == "p"
                and ((cell := self._open.nearest({"li", "td", "th"})) is None or cell.tag == "li")):
            kind = "code"  # a paragraph of inline code alone, in an item too: a line of code
            # (an item or a table cell of it is a list's or a table's datum: "<li><code>")
        elif context is None:
            pass
        elif context.tag in HEADINGS or context.tag == "dt":  # a term heads its definition
            kind, level = "heading", int(context.tag[1]) if context.tag != "dt" else TERM_LEVEL
            text = HEADING_ANCHOR_RE.sub("", one_line(text))
        elif context.tag == "pre":
            kind = "code"
        elif context.tag == "li":
            kind, level = "list_item", self._open.count("li")
        made: list[Block]
        if (kind in ("paragraph", "code") and "\n" in text.strip() and not code_chars
                and (context is None or context.tag in ("pre", "blockquote"))
                and reads_as_layout(text)):
            # lines laid out as a plain text is (a README in a <pre>, or a line a <br>):
            # read as one, its headings under the page's heading it stands under
            made = _under(layout_blocks(text), self._heading_level)
        else:
            # lines broken by <br>: one block each, unless they are prose wrapped at a width (a
            # README rendered a <br> a line) or a line goes on with an open sentence in lower
            # case, as in a plain text
            lines = [text] if kind in ("heading", "code") else [p for p, _ in blocks(text)]
            made = [Block(kind, t, level=level) for t in map(one_line, lines) if t]
            if kind == "code" and made:  # a <pre>'s lines as laid out; inline code is one
                made = [replace(made[0], lines=code_lines(text) if context is not None
                                and context.tag == "pre" else (made[0].text,))]
        if kind == "heading" and level < TERM_LEVEL and self._sink() is self.blocks and made:
            self._heading_level = level
        self._sink().extend(made)
        entry, lst = self._open.nearest(ENTRY), self._open.nearest(LISTS)
        if made and entry and lst and entry.depth > lst.depth:
            if linked and len(made) == 1 and ENUMERATOR_RE.sub("", made[0].text) == linked:
                lst.linked.append((self._sink(), made[0]))
            else:
                lst.prose = True

    def _sink(self) -> list[Block]:
        """Where blocks go: the table cell being read, else the page."""
        cell = self._open.nearest({"td", "th"})
        return cell.cell[1] if cell and cell.cell else self.blocks


def _under(layout: list[Block], level: int) -> list[Block]:
    """A plain text's blocks set under a page's heading of ``level``: its outermost headings
    one level deeper, the rest as deep under them as in the text (6 at most)."""
    top = min((b.level for b in layout if b.kind == "heading"), default=1)
    return [replace(b, section=(), level=min(6, level + 1 + b.level - top))
            if b.kind == "heading" else replace(b, section=()) for b in layout]


__all__ = ["read_html"]
