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
rules of ``htmlnav``, and listed in ``Parsed.dropped``; so is a heading's own permalink (``¶``),
and a block of links to the next, previous or parent page (two or more, by their ``rel``:
Texinfo's "Next: Using libffi, Previous: libffi, Up: libffi").

Table rows are read by ``htmltable`` (a header row ``H1 | H2``, a body row under it ``H1: c1;
H2: c2``; a layout table's cells as the blocks they hold; a short list in a cell reads "PNG,
GIF", its items apart), a definition list's terms by ``htmlterms``.

The page's metadata is what it declares (``htmlmeta``), its title else its first ``h1``.
``Parsed.web``: the page says it is an article, or its blocks read as a web page
(``webpage.looks_like_web_page``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from .blocks import (
    TERM_LEVEL,
    Block,
    Dropped,
    Kind,
    Parsed,
    code_lines,
    one_line,
)
from .htmlmeta import PageMeta
from .htmlnav import SKIP_TAGS, nav_reason
from .htmltable import MAX_COLSPAN, MAX_ROWSPAN, Cell, Grid, Row, row_blocks, span_of
from .htmlterms import sectioned, with_terms
from .segment import blocks
from .text import layout_blocks, reads_as_layout
from .webpage import looks_like_web_page

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCKS = frozenset(
    "address article blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu ol p pre "
    "section summary table tbody td tfoot th thead tr ul".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_TITLES = _HEADINGS | {"dt"}  # what names the text under or after it
# read as one line: block elements inside them do not split them (a definition list's term too)
_LITERAL = _HEADINGS | {"pre", "dt"}
_CONTEXT = _LITERAL | {"li", "blockquote", "td", "th"}  # what the text inside them is
_ROW_SCOPE = frozenset({"tr", "table", "thead", "tbody", "tfoot"})
_HEAD_TAGS = frozenset("base head html link meta noscript script style template title".split())
# An element that starts while one of these is open closes it first (HTML's implied end tags),
# unless a boundary element comes first: "<li>a<li>b" are two items, not one inside the other.
_IMPLIED: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "tr": (frozenset({"tr"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    **dict.fromkeys(
        ("thead", "tbody", "tfoot"),
        (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
    ),
}
# A list whose every entry (two or more) is only a link to a place in a page of the same site
# ("1.2. <a href="faq.html#faq.whence">Where does the name come from?</a>") is a table of
# contents: the page's text is where it leads. (A term, "<dt><a href=...>String Methods</a>",
# heads its definition: it stays.)
_LISTS = frozenset({"ul", "ol", "dl", "menu"})
_ENTRY = frozenset({"li", "dd"})
_IN_PAGE_RE = re.compile(r"^(?![a-z][a-z0-9+.-]*:|//)[^#]*#.", re.I)
_ENUMERATOR_RE = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-Za-z][.)])\s+")
_TOC_REASON = "a table of contents (a list whose entries only link to places in pages)"
# A line of links to the next, previous and parent pages (Texinfo's "Next: ..., Previous: ...,
# Up: ...", marked by their ``rel``): where the page sits in its manual, not its text
_PAGING_RELS = frozenset({"next", "prev", "previous", "up", "index", "contents", "start", "first",
                          "last"})
_PAGING_REASON = "links to the next, previous and parent pages (navigation)"
_ANCHOR_CHARS = frozenset({"", "¶", "#", "§", "🔗"})  # a heading's permalink, alone in its <a>
_HEADING_ANCHOR_RE = re.compile(r"(?:\s*¶|\s+#)+$")
# Markup at the very start (a doctype, an <html> or <head> tag) or a high density of tags.
_START_RE = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_TAG_RE = re.compile(r"</?(?:p|div|span|a|br|li|h[1-6]|table|tr|td|img|section|article)\b[^>]*>",
                     re.I)
_SPACE_RE = re.compile(r"[ \t\r\n\f\v]+")  # a source line break is a space; "\n" marks a <br>
# Inline elements of code: a paragraph of nothing else is a code block ("<p><code>xslt-config
# --cflags</code></p>" between the sentences that explain it).
_CODE_TAGS = ("code", "kbd", "samp", "tt")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML markup rather than text: it opens with a doctype, ``<html>``,
    ``<head>`` or ``<body>``, or holds at least 5 block or inline tags per 1,000 characters."""
    if _START_RE.match(text[:1000]):
        return True
    tags = len(_TAG_RE.findall(text))
    return tags >= 5 and tags >= 5 * len(text) / 1000


def read_html(markup: str) -> Parsed:
    """The blocks of the HTML page ``markup`` in reading order, its metadata and web flag."""
    parser = _Parser()
    parser.feed(_without_open_comment(markup))
    parser.close()
    parser.finish()
    blocks = with_terms(sectioned(parser.blocks, parser.term_scopes))
    meta = parser.page.declared(
        next((b.text for b in blocks if b.kind == "heading" and b.level == 1), ""))
    web = parser.page.article or looks_like_web_page([b.text for b in blocks])
    return Parsed(blocks, meta, web=web, dropped=parser.dropped)


def _without_open_comment(markup: str) -> str:
    """``markup`` without a comment left open at its end, which a browser shows none of (the
    parser gives it as text: "<!-- TODO remove <p>draft: ..." was quoted)."""
    start = markup.rfind("<!--")
    if start >= 0 and markup.find("-->", start + 4) < 0:
        return markup[:start]
    return markup


@dataclass(slots=True)
class _Open:
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
    ident: str = ""  # its id attribute
    first: int = 0  # a definition list: where its blocks start among the page's
    main: bool = False  # the page's main content (main, role="main")


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.dropped: list[Dropped] = []
        self.page = PageMeta()
        # a definition list's last block (its id): the id of its first; its terms head nothing
        # after it
        self.term_scopes: dict[int, int] = {}
        self._open: list[_Open] = []  # outermost first
        # The open elements by tag: what the reading asks of the stack, at no cost in its depth
        # (a page of unclosed elements nests thousands deep).
        self._by_tag: defaultdict[str, list[_Open]] = defaultdict(list)
        self._open_ids: Counter[str] = Counter()  # the ids of the open elements
        self._line: list[str] = []  # the text of the block being read
        self._code_chars = 0  # ... how many of its characters (not spaces) are inline code
        self._linked: list[str] = []  # ... what of it is the text of links to places in a page
        self._paging = 0  # ... how many of its links lead to the next, previous or parent page
        self._skipping = 0  # open elements left out by their tag
        self._head_open = 0  # open head elements (one, in a page that has its head)
        self._main_open = 0  # open elements of the page's main content (main, role="main")
        self._dropping: _Open | None = None  # the outermost element left out by attributes
        self._heading_level = 0  # the level of the page's last heading (0: none yet)

    # --- the parser's events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        self.page.start(tag, a, self._is_open("svg"))
        if self._head_open and tag not in _HEAD_TAGS:
            self.handle_endtag("head")  # "</head>" may be left out
        if tag in ("td", "th") and (row := self._nearest(_ROW_SCOPE)) and row.tag != "tr":
            self.handle_starttag("tr", [])  # a cell with no row: the row is implied, as in HTML
        if tag in _IMPLIED:
            closes, bounds = _IMPLIED[tag]
            closing, bound = self._nearest(closes), self._nearest(bounds)
            if closing and (bound is None or closing.depth > bound.depth):
                self.handle_endtag(closing.tag)
        if self._dropping is not None and (tag in _BLOCKS or tag == "br"):
            self._dropping.text.append(" ")  # its menu items apart
        live = not self._skipping and self._dropping is None
        skip_tag = tag in SKIP_TAGS
        reason = nav_reason(tag, a, self._main_open > 0) if live and not skip_tag else ""
        if live and not reason and tag == "a" and self._permalink(a):
            reason = "a link to the element it is in (a permalink)"
        el = _Open(tag, len(self._open), live and not skip_tag and not reason, skip_tag, reason,
                   ident=a.get("id", ""),
                   main=tag == "main" or a.get("role", "").strip().lower() == "main")
        if el.live:
            self._opening(el, a)
        if tag in _VOID:
            return
        self._open.append(el)
        self._by_tag[tag].append(el)
        self._open_ids[el.ident] += 1
        self._skipping += el.skip_tag
        self._head_open += tag == "head"
        self._main_open += el.main
        if el.skip_reason:
            self._dropping = el

    def _permalink(self, a: dict[str, str]) -> bool:
        """Whether a link opening a block points at the element it sits in, outside a heading
        or a term (the Rust Reference's "[layout.repr.transparent]" rule markers): a permalink
        to that spot, not the text. A heading's or a definition term's own text linked to it
        (mdBook's headings, the Cargo book's "--workspace" options) is its text, and so is such
        a link inside a sentence."""
        href = a.get("href", "")
        return (href.startswith("#") and len(href) > 1 and self._open_ids[href[1:]] > 0
                and not "".join(self._line).strip() and not self._nearest(_TITLES))

    def handle_endtag(self, tag: str) -> None:
        self.page.end(tag)
        if not self._is_open(tag):
            return
        while self._open:  # close it, and whatever was left open inside it
            el = self._open[-1]
            if el.live:
                self._closing(el)
            self._open.pop()
            self._by_tag[el.tag].pop()
            self._open_ids[el.ident] -= 1
            self._skipping -= el.skip_tag
            self._head_open -= el.tag == "head"
            self._main_open -= el.main
            if el is self._dropping:
                self._dropping = None
                text = one_line("".join(el.text))
                if text not in _ANCHOR_CHARS:  # a permalink's "¶" is no loss worth a record
                    self.dropped.append(Dropped(Block("paragraph", text), el.skip_reason))
            if el.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.page.data(data):
            pass  # the title's
        elif self._skipping:
            pass
        elif self._dropping is not None:
            self._dropping.text.append(data)
        else:
            # a <pre>'s lines as laid out (``_flush`` reads them as code, or as a plain text)
            self._line.append(data.replace("\r\n", "\n") if self._by_tag["pre"]
                              else _SPACE_RE.sub(" ", data))
            if any(self._by_tag[t] for t in _CODE_TAGS):
                self._code_chars += len(data) - sum(map(str.isspace, data))

    def finish(self) -> None:
        """Close what the page left open and read its last block."""
        while self._open:
            self.handle_endtag(self._open[-1].tag)
        self._flush()

    # --- reading

    def _opening(self, el: _Open, a: dict[str, str]) -> None:
        tag = el.tag
        if tag == "br":  # a line's end, but in a heading or a term (read as one line)
            self._line.append(" " if self._nearest(_TITLES) else "\n")
        elif tag in _BLOCKS:
            self._boundary()
        if tag == "table":
            el.grid = Grid()
        elif tag == "dl":
            el.first = len(self.blocks)
        elif tag == "tr":
            table = self._nearest({"table"})
            head = self._nearest({"thead", "tbody", "tfoot", "table"})
            el.row = Row(table.grid if table else None, head is not None and head.tag == "thead")
        elif tag in ("td", "th") and (tr := self._nearest({"tr", "table"})) and tr.row:
            el.cell = (tr.row, [])
            el.span = (span_of(a.get("rowspan"), MAX_ROWSPAN),
                       span_of(a.get("colspan"), MAX_COLSPAN))
        elif tag == "a" and self._nearest(_HEADINGS):
            el.anchor = (len(self._line), a.get("href", ""))
        elif tag == "a" and _IN_PAGE_RE.match(a.get("href", "")):
            el.link = len(self._line)
        if tag == "a" and _PAGING_RELS & set(a.get("rel", "").lower().split()):
            self._paging += 1
        if tag in _ENTRY and (lst := self._nearest(_LISTS)):
            lst.entries += 1

    def _closing(self, el: _Open) -> None:
        if el.tag in _LITERAL:
            self._flush()
        elif el.tag in _BLOCKS:
            self._boundary()
        if el.cell:
            row, blocks = el.cell
            row.cells.append(Cell(el.tag == "th", blocks, *el.span))
        elif el.row:
            sink = self._sink()
            sink.extend(row_blocks(el.row, sink))
        elif el.tag in ("thead", "tbody", "tfoot") and (table := self._nearest({"table"})):
            if table.grid:
                table.grid.below.clear()  # a cell spans rows of its row group alone
        elif el.link is not None:
            self._linked.extend(self._line[el.link:])
        elif (el.tag in _LISTS and not el.prose and len(el.linked) >= 2
              and len(el.linked) == el.entries):
            for sink, block in el.linked:
                del sink[next(i for i in range(len(sink) - 1, -1, -1) if sink[i] is block)]
                self.dropped.append(Dropped(block, _TOC_REASON))
        elif el.anchor:
            start, href = el.anchor
            if href.startswith("#") and "".join(self._line[start:]).strip() in _ANCHOR_CHARS:
                del self._line[start:]
        if el.tag == "dl" and self._sink() is self.blocks and len(self.blocks) > el.first:
            self.term_scopes[id(self.blocks[-1])] = id(self.blocks[el.first])

    def _boundary(self) -> None:
        """A block element starts or ends: a new block, or a space inside a heading or pre."""
        if self._literal():
            self._line.append(" ")
        else:
            self._flush()

    def _flush(self) -> None:
        """Make the text read since the last block boundary the blocks of its context."""
        text, self._line = "".join(self._line), []
        linked, self._linked = one_line("".join(self._linked)), []
        code_chars, self._code_chars = self._code_chars, 0
        paging, self._paging = self._paging, 0
        if paging >= 2 and text.strip() and not self._nearest(_TITLES):
            # "Next: Using libffi, Previous: libffi, Up: libffi [Index]"
            self.dropped.append(Dropped(Block("paragraph", one_line(text)), _PAGING_REASON))
            return
        kind: Kind = "paragraph"
        level, context = 0, self._nearest(_CONTEXT)
        if (code_chars and code_chars >= len(text) - sum(map(str.isspace, text))
                and (inner := self._nearest({"p", *_CONTEXT})) and inner.tag == "p"
                and ((cell := self._nearest({"li", "td", "th"})) is None or cell.tag == "li")):
            kind = "code"  # a paragraph of inline code alone, in an item too: a line of code
            # (an item or a table cell of it is a list's or a table's datum: "<li><code>")
        elif context is None:
            pass
        elif context.tag in _HEADINGS or context.tag == "dt":  # a term heads its definition
            kind, level = "heading", int(context.tag[1]) if context.tag != "dt" else TERM_LEVEL
            text = _HEADING_ANCHOR_RE.sub("", one_line(text))
        elif context.tag == "pre":
            kind = "code"
        elif context.tag == "li":
            kind, level = "list_item", len(self._by_tag["li"])
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
        entry, lst = self._nearest(_ENTRY), self._nearest(_LISTS)
        if made and entry and lst and entry.depth > lst.depth:
            if linked and len(made) == 1 and _ENUMERATOR_RE.sub("", made[0].text) == linked:
                lst.linked.append((self._sink(), made[0]))
            else:
                lst.prose = True

    def _sink(self) -> list[Block]:
        """Where blocks go: the table cell being read, else the page."""
        cell = self._nearest({"td", "th"})
        return cell.cell[1] if cell and cell.cell else self.blocks

    def _literal(self) -> bool:
        return any(self._by_tag.get(t) for t in _LITERAL)

    def _is_open(self, tag: str) -> bool:
        return bool(self._by_tag.get(tag))

    def _nearest(self, tags: set[str] | frozenset[str]) -> _Open | None:
        """The innermost open element of one of ``tags``. (Reading happens only outside left-out
        elements, so every open element is live then.)"""
        found = None
        for t in tags:
            opened = self._by_tag.get(t)
            if opened and (found is None or opened[-1].depth > found.depth):
                found = opened[-1]
        return found


def _under(layout: list[Block], level: int) -> list[Block]:
    """A plain text's blocks set under a page's heading of ``level``: its outermost headings
    one level deeper, the rest as deep under them as in the text (6 at most)."""
    top = min((b.level for b in layout if b.kind == "heading"), default=1)
    return [replace(b, section=(), level=min(6, level + 1 + b.level - top))
            if b.kind == "heading" else replace(b, section=()) for b in layout]


__all__ = ["looks_like_html", "read_html"]
