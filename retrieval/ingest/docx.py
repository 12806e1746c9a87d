"""Read a Word document (.docx) into blocks: headings by style, list items, tables row by row.

python-docx opens the package (over lxml; no Word, no LibreOffice). The body is walked in
document order, paragraphs and tables interleaved, content controls (``w:sdt``: cover pages,
boxed-in parts) opened rather than skipped, a text box read after the paragraph it is anchored
in. Footnotes and endnotes are read after the body, in a section "Notes"; page headers and
footers are page furniture, listed as dropped; comments are not read.

* **Paragraphs.** Style "Title": a level-1 heading, and the title when the core properties
  declare none. "Heading N", or an outline level on the paragraph or its style: a heading of
  level N (at most 6). A "List ..." style ("List Continue" excepted: it continues an item, it
  is none) or numbering (``w:numPr``): a list item of level ``w:ilvl`` + 1. "TOC ..." styles:
  dropped as the table of contents (the headings themselves follow), as is a paragraph holding a
  TOC field's code (its result: an entry, or "Right-click to update ..."). Any other paragraph with
  text: a paragraph; empty ones hold nothing and are skipped. In a document with no heading
  by style or outline level, a short bold line ending no sentence, above text not all bold,
  is a heading of level 1 (minutes typed in Normal style).
* **Numbering.** The label Word's automatic numbering shows (``docxnumbering``) opens a
  numbered heading ("1.1 Scope") and a list item whose label holds a word ("Article 3."); a
  list item's plain enumerator ("1.", "(ii)") is left out, as other readers leave it out.
* **Hidden text.** Runs formatted as hidden (``w:vanish``), which Word neither shows nor prints,
  are not read: listed as dropped. The old place of a tracked move is deleted text, not read.
* **Code.** A paragraph in a code style ("HTML Preformatted", "Macro Text", a style named
  "Code"...) or whose every run is set in a monospaced font ("Courier New", "Consolas"; not in
  a document mostly set in one, a typewriter memo): code, consecutive lines one block (kept out
  of quotes, as every reader's code is).
* **Tables.** One ``table_row`` block per row. With two rows or more the first is the header,
  itself a block ("Name | Age"), and the rows under it read "Name: Ann; Age: 31" (empty cells
  left out), when it is marked as one (a header row repeated on each page, bold by the table's
  style or its own runs) or the table is wider than two columns; a table of two columns with
  no marked header row is a list of pairs ("Capital | Oslo"), read row by row. A cell merged
  across columns counts once, keyed by the headers it spans (by none when it spans them all); a
  cell merged down the rows is read in each of them. A nested table's text is flattened into
  its cell.
* **Metadata.** ``title`` from the core properties (placeholders like "Word Document" ignored),
  ``published`` from their creation date.
"""

from __future__ import annotations

import functools
import io
import itertools
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.exceptions import PythonDocxError
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.styles.style import StyleFactory
from docx.table import Table
from lxml import etree

from .blocks import (
    MONOSPACED,
    Block,
    Dropped,
    Outline,
    Parsed,
    cell_text,
    error_reason,
    one_line,
    table_row_text,
    usable_title,
)
from .docxnumbering import Numbering, worded
from .notemarks import MARK_RE, note_mark

# what a damaged package raises on the way: the zip (a bad CRC, a broken deflate stream, a
# missing member), the XML, python-docx's checks of it, and its attribute lookups on an element
# of the wrong kind (a part whose root is not what its content type promises)
_BROKEN = (
    AttributeError,
    TypeError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    NotImplementedError,
    ValueError,
    PackageNotFoundError,
    PythonDocxError,
    etree.LxmlError,
)
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# not read as the paragraph's own text: text boxes (read apart), deleted runs and the old place
# of moved ones, properties
_OPAQUE = {qn("w:txbxContent"), _FALLBACK, qn("w:del"), qn("w:moveFrom"), qn("w:pPr"),
           qn("w:rPr")}
_OFF = ("0", "false", "off")  # an on/off property turned off
# What one Word file may hold before it is skipped rather than read: its XML parts inflated (a
# few hundred KB on disk can inflate to hundreds of MB, which lxml holds in memory), and its
# body's paragraphs and tables (a book of a thousand pages has some 20,000)
MAX_XML_BYTES = 64 << 20
MAX_BODY_ITEMS = 200_000


def read_docx(data: bytes) -> Parsed:
    """The blocks of a .docx in reading order, with its title and date; ``ValueError`` if bad."""
    if not data.strip():
        raise ValueError("empty file, not a Word document")
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ValueError("an old binary Word file (.doc), not a .docx: save it as .docx first")
    _check_inflated(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except _BROKEN as err:
        reason = error_reason(err)
        if "officeDocument" in reason and "relationship" in reason:
            reason = "saved as Strict Open XML; save it as a Word Document (.docx) instead"
        elif "[Content_Types].xml" in reason:
            reason = "a zip archive with no Word document in it"
        raise ValueError(f"not a readable Word document (.docx): {reason}") from err
    try:
        return _read(document)
    except _TooLarge:
        raise
    except _BROKEN as err:  # a part python-docx reads only when asked, missing or malformed
        raise ValueError(f"damaged Word document (.docx): {error_reason(err)}") from err


class _TooLarge(ValueError):
    """A Word file holding more than qabot reads of one (not a damaged one)."""


def _check_inflated(data: bytes) -> None:
    """``ValueError`` when the package's XML parts inflate past ``MAX_XML_BYTES`` (a zip's own
    sizes: its reader reads no further); a damaged zip is left to python-docx to tell."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            size = sum(i.file_size for i in package.infolist()
                       if i.filename.endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, EOFError, ValueError):
        return
    if size > MAX_XML_BYTES:
        raise _TooLarge(f"its XML inflates to {size >> 20} MB, over the {MAX_XML_BYTES >> 20} MB "
                         "qabot reads of a Word document (.docx)")


def _read(document: Any) -> Parsed:
    """The blocks of an opened document: the module's rules, block by block."""
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    outline = Outline()
    title = ""
    code_run = False  # the last paragraph read was code (its lines are paragraphs of their own)
    styles_of = _StyleMap(document)
    body = list(_body_items(document.element.body))
    if len(body) > MAX_BODY_ITEMS:
        raise _TooLarge(f"{len(body):,} paragraphs and tables, over the {MAX_BODY_ITEMS:,} "
                         "qabot reads of a Word document (.docx)")
    items = [_Item.of(element, styles_of) for element in body]
    numbering = Numbering(document)
    # a document typed in a monospaced font (a typewriter memo) has no code by its font
    by_font = sum(i.size for i in items if i.mono) <= sum(i.size for i in items) / 2
    bold_heads = _bold_headings(items)
    for index, item in enumerate(items):
        element, text, styles = item.element, one_line(item.raw), item.styles
        if element.tag == qn("w:tbl"):
            rows = _table_rows(element, document, styles_of)
            blocks.extend(Block("table_row", row, outline.path) for row in rows)
            code_run = False
            continue
        # every numbered paragraph counts, an empty one too, as Word counts it
        label, pattern = numbering.label(*item.numbered) if item.numbered else ("", "")
        if text:
            code_run, was_code = False, code_run
            names = [(style.name or "").casefold() for style in styles]
            level = 1 if "title" in names or index in bold_heads else _heading_level(
                element, styles, names)
            if label and ((level and "title" not in names) or worded(pattern)):
                text = f"{label} {text}"  # "1.1 Scope", "Article 3. The board ..."
            # "TOC Heading" is based on "Heading 1", yet no section of the document
            if (names and (names[0].startswith("toc ") or names[0] == "toc heading")) or (
                    _toc_field(element)):
                dropped.append(Dropped(Block("paragraph", text, outline.path), "table of contents"))
            elif level:
                # a bold line opening a document of bold lines titles it, as its first line did
                opens = index == min(bold_heads, default=-1) and not blocks
                title = title or (text if "title" in names or opens else "")
                blocks.append(Block("heading", text, outline.heading(level, text), level=level))
            elif (depth := _list_level(element, styles, names)) > 0:
                blocks.append(Block("list_item", text, outline.path, level=depth))
            elif any(_CODE_STYLE.search(n) for n in names) or (by_font and item.mono):  # code
                if was_code and blocks[-1].kind == "code":  # the block's next line
                    blocks[-1] = Block("code", f"{blocks[-1].text} {text}", outline.path,
                                       lines=(*blocks[-1].lines, text))
                else:
                    blocks.append(Block("code", text, outline.path, lines=(text,)))
                code_run = True
            else:
                blocks.append(Block("paragraph", text, outline.path))
        if element.tag == qn("w:p"):
            dropped.extend(Dropped(Block("paragraph", hidden, outline.path), "hidden text")
                           for hidden in _hidden_text(element))
        # an anchor paragraph is often empty, its text box not
        blocks.extend(Block("paragraph", box, outline.path) for box in _text_boxes(element))
    blocks.extend(Block("paragraph", note, ("Notes",)) for note in _notes(document))
    dropped.extend(Dropped(Block("paragraph", text), "page header or footer")
                   for text in _headers_and_footers(document))
    return Parsed(blocks, meta=_meta(document, title), web=False, dropped=dropped)


def _notes(document: Any) -> Iterator[str]:
    """The paragraphs of the document's footnotes and endnotes, in their order (not the
    separators Word keeps among them)."""
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/footnotes", "/endnotes")):
            continue
        root = etree.fromstring(rel.target_part.blob)
        for note in root:
            if note.get(qn("w:type")) in ("separator", "continuationSeparator",
                                          "continuationNotice"):
                continue
            for para in note.iter(qn("w:p")):
                if text := one_line(_text(para)):
                    yield text


def _headers_and_footers(document: Any) -> list[str]:
    """The text of every page header and footer, each once: page furniture, listed as
    dropped."""
    seen: dict[str, None] = {}
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header,
                     section.first_page_footer, section.even_page_header,
                     section.even_page_footer):
            if part.is_linked_to_previous:
                continue
            for para in part.paragraphs:
                if text := one_line(para.text):
                    seen.setdefault(text)
    return list(seen)


def _body_items(parent: Any) -> Iterator[Any]:
    """The body's paragraphs and tables in document order, content controls opened."""
    for child in parent.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_items(content)
        elif child.tag == qn("w:customXml"):
            yield from _body_items(child)


def _text(element: Any) -> str:
    """A paragraph's visible text, tracked insertions, fields and inline controls included.

    python-docx's ``Paragraph.text`` reads only direct runs and hyperlinks. Deleted text
    (``w:delText``) and field codes (``w:instrText``) are not ``w:t`` and stay out, and so do
    the old place of a tracked move (``w:moveFrom``) and hidden runs (``_hidden``); a text box
    anchored in the paragraph is read as paragraphs of its own (``_text_boxes``).
    """
    parts: list[str] = []
    for child in element.iterchildren():
        tag = child.tag
        if tag == qn("w:r") and (_hidden(child) or _note_mark(child, parts)):
            continue
        if tag == qn("w:t"):
            parts.append(child.text or "")
        elif tag in (qn("w:tab"), qn("w:br"), qn("w:cr")):
            parts.append(" ")
        elif tag == qn("w:noBreakHyphen"):
            parts.append("-")
        elif tag not in _OPAQUE:
            parts.append(_text(child))
    return "".join(parts)


def _note_mark(run: Any, before: list[str]) -> bool:
    """Whether a run is a footnote's mark typed as superscript figures after the word it
    annotates ("policy" and a raised "3", from a document converted or pasted; Word's own
    footnote reference holds no text), not an exponent ("m" and a raised "2"; ``notemarks``)."""
    align = run.find(f"{qn('w:rPr')}/{qn('w:vertAlign')}")
    if align is None or align.get(qn("w:val")) != "superscript":
        return False
    text = "".join(t.text or "" for t in run.iter(qn("w:t")))
    return MARK_RE.fullmatch(text) is not None and note_mark(text, "".join(before))


def _toc_field(paragraph: Any) -> bool:
    """Whether a paragraph holds a table-of-contents field's code (``TOC \\o "1-3"``): its
    text is the field's result, the contents' first entry or, never updated, Word's "Right-click
    to update the table of contents." or "No table of contents entries found."."""
    codes = [t.text or "" for t in paragraph.iter(qn("w:instrText"))]
    codes += [f.get(qn("w:instr")) or "" for f in paragraph.iter(qn("w:fldSimple"))]
    return any(re.match(r"\s*TOC\b", code) for code in codes)


def _hidden(run: Any) -> bool:
    """Whether a run is hidden text (``w:vanish`` set on it): Word neither shows nor prints it
    (a note to the author, an answer key, a code kept out of the printout)."""
    vanish = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
    return vanish is not None and vanish.get(qn("w:val")) not in _OFF


def _hidden_text(paragraph: Any) -> list[str]:
    """The hidden text of a paragraph (not of its text boxes), each stretch of it once."""
    stretches: list[list[str]] = [[]]
    for run in paragraph.iter(qn("w:r")):
        if any(a.tag in _OPAQUE for a in run.iterancestors() if a is not paragraph):
            continue
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        if _hidden(run):
            stretches[-1].append(text)
        elif text.strip() and stretches[-1]:
            stretches.append([])
    return [line for parts in stretches if (line := one_line("".join(parts)))]


def _text_boxes(paragraph: Any) -> Iterator[str]:
    """The text of the paragraphs in text boxes anchored in ``paragraph``, each once."""
    for box in paragraph.iter(qn("w:txbxContent")):
        # Word stores each box twice: the drawing, and a VML fallback for old readers
        if not any(a.tag == _FALLBACK for a in box.iterancestors()):
            for inner in box.iterchildren(qn("w:p")):
                if text := one_line(_text(inner)):
                    yield text


_MAX_BASED_ON = 10  # based-on styles followed at most: they can loop in a bad file


class _StyleMap:
    """A document's paragraph styles by id, read once, and each one's chain of based-on styles.

    python-docx finds a paragraph's style by scanning every style of the document (and, for a
    paragraph with none, every style again for the default one), per paragraph: a file of
    35,000 one-line paragraphs, or one with thousands of styles, took minutes to read. Here a
    lookup is one dict access. The rules are python-docx's: the first style of an id; an id
    naming no paragraph style, or none, stands for the last paragraph style marked default.
    """

    def __init__(self, document: Any) -> None:
        self._by_id: dict[str, Any] = {}
        self._default: Any = None
        for element in document.styles.element.iterchildren(qn("w:style")):
            style_id = element.get(qn("w:styleId"))
            if style_id is not None:
                self._by_id.setdefault(style_id, element)
            if element.type == WD_STYLE_TYPE.PARAGRAPH and element.default:
                self._default = element
        self._chains: dict[str | None, list[Any]] = {}

    def of(self, paragraph: Any) -> list[Any]:
        """The style of the paragraph element ``paragraph`` and the styles it is based on,
        nearest first."""
        style_id = paragraph.style
        chain = self._chains.get(style_id)
        if chain is None:
            chain = self._chains[style_id] = self._chain(style_id)
        return chain

    def _chain(self, style_id: str | None) -> list[Any]:
        element = self._by_id.get(style_id) if style_id is not None else None
        if element is None or element.type != WD_STYLE_TYPE.PARAGRAPH:
            element = self._default
        chain: list[Any] = []
        while element is not None and len(chain) < _MAX_BASED_ON:
            chain.append(StyleFactory(element))
            based_on = element.basedOn
            element = self._by_id.get(based_on.val) if based_on is not None else None
        return chain


# paragraph styles for code: "Code", "HTML Preformatted", "Macro Text", "Plain Text", ...
_CODE_STYLE = re.compile(r"code|preformatted|macro text|plain text|verbatim|listing")
_FONT_ATTRIBUTES = (qn("w:ascii"), qn("w:hAnsi"))


@dataclass(frozen=True, slots=True)
class _Item:
    """A body item (paragraph or table) with what is read of it once: a paragraph's text, its
    styles (nearest first), its text's size and whether every run of it is monospaced."""

    element: Any
    raw: str = ""
    styles: list[Any] = field(default_factory=list)
    size: int = 0
    mono: bool = False
    numbered: tuple[str, int] | None = None  # the list and level Word numbers it in
    bold: bool = False  # every run of its text bold, by its own formatting or its style's

    @classmethod
    def of(cls, element: Any, styles_of: _StyleMap) -> _Item:
        if element.tag == qn("w:tbl"):
            return cls(element)
        raw = _text(element)
        if not one_line(raw):  # no text; yet a numbered paragraph shows a number and counts
            styles = [] if element.pPr is None else styles_of.of(element)
            return cls(element, raw, numbered=_numbered(element, styles))
        styles = styles_of.of(element)
        return cls(element, raw, styles, len(raw.strip()), _monospaced(element, styles),
                   _numbered(element, styles), _bold(element, styles))


def _bold(element: Any, styles: list[Any]) -> bool:
    """Whether every run of a paragraph's text is bold (its own formatting, else its paragraph
    style's)."""
    inherited = next((b.get(qn("w:val")) not in _OFF for style in styles
                      if (b := style.element.find(f"{qn('w:rPr')}/{qn('w:b')}")) is not None),
                     False)
    runs = [r for r in element.iter(qn("w:r"))
            if any((t.text or "").strip() for t in r.iter(qn("w:t")))]
    own = [r.find(f"{qn('w:rPr')}/{qn('w:b')}") for r in runs]
    return bool(runs) and all(inherited if b is None else b.get(qn("w:val")) not in _OFF
                              for b in own)


# a bold line heads what follows in a document with no heading styles: one this short that ends
# no sentence (nor leads into one with a colon), with a paragraph not all bold after it
BOLD_HEADING_WORDS = 12


def _bold_headings(items: list[_Item]) -> set[int]:
    """The indices of the items that are headings set as bold lines of Normal text, in a
    document that has no heading by style or outline level (minutes typed without styles:
    "2. Office relocation" in bold above its paragraph); else none."""
    texts = [i for i, item in enumerate(items) if one_line(item.raw)]
    for i in texts:
        names = [(style.name or "").casefold() for style in items[i].styles]
        if "title" in names or _heading_level(items[i].element, items[i].styles, names):
            return set()
    out = set()
    for i, after in itertools.pairwise(texts):
        item, text = items[i], one_line(items[i].raw)
        if (item.bold and not items[after].bold and not item.mono
                and len(text.split()) <= BOLD_HEADING_WORDS and text[-1] not in ".!?…:;,"
                and not _list_level(item.element, item.styles,
                                    [(s.name or "").casefold() for s in item.styles])):
            out.add(i)
    return out


def _monospaced(element: Any, styles: list[Any]) -> bool:
    """Whether every run of a paragraph's text is set in a monospaced font (its own, else its
    paragraph style's)."""
    inherited = next((f for f in (_font(style.element) for style in styles) if f), "")
    fonts = [_font(run) or inherited for run in element.iter(qn("w:r"))
             if any((t.text or "").strip() for t in run.iter(qn("w:t")))]
    return bool(fonts) and all(MONOSPACED.search(f) for f in fonts)


def _font(owner: Any) -> str:
    """The font a run or style names for its text (``w:rPr/w:rFonts``), or ``""``."""
    props = owner.find(qn("w:rPr"))
    fonts = props.find(qn("w:rFonts")) if props is not None else None
    if fonts is None:
        return ""
    return next((fonts.get(a) for a in _FONT_ATTRIBUTES if fonts.get(a)), "")


def _heading_level(element: Any, styles: list[Any], names: list[str]) -> int:
    """1-6 for a heading (its style's number, else an outline level), 0 for body text."""
    for name in names:
        found = re.fullmatch(r"heading\s*(\d)", name)
        if found:
            return min(6, max(1, int(found.group(1))))
    for owner in [element, *(style.element for style in styles)]:
        values = _vals(owner, "w:pPr/w:outlineLvl")
        if values:
            value = int(values[0])
            return min(6, value + 1) if 0 <= value < 9 else 0  # 9 is "body text"
    return 0


def _list_level(element: Any, styles: list[Any], names: list[str]) -> int:
    """1 and up for a list item (its numbering level + 1, or its style's), 0 for none. A
    level without a list (``w:ilvl`` and no ``w:numId``, here or in a style: Word's own
    Subtitle style has one) numbers nothing: Word shows no label, and the subtitle was read as
    a list item."""
    own = element.find(_clark("w:pPr/w:numPr"))
    if own is not None and any(_vals(o, "w:pPr/w:numPr/w:numId")
                               for o in [element, *(style.element for style in styles)]):
        return _numbering_level(own)
    if any(n.startswith("list") and not n.startswith("list continue") for n in names):
        found = re.search(r"\s(\d)$", names[0])  # "List Bullet 2"
        return int(found.group(1)) if found else 1
    for style in styles:
        numbering = style.element.find(_clark("w:pPr/w:numPr"))
        if numbering is not None and _vals(numbering, "w:numId"):
            return _numbering_level(numbering)
    return 0


def _numbered(element: Any, styles: list[Any]) -> tuple[str, int] | None:
    """The list (``w:numId``) and level (``w:ilvl``) a paragraph is numbered in, each its own
    or else its style's; ``None`` if it is not numbered (or numbering is switched off)."""
    owners = [element, *(style.element for style in styles)]
    num_ids = [v for o in owners for v in _vals(o, "w:pPr/w:numPr/w:numId")]
    levels = [v for o in owners for v in _vals(o, "w:pPr/w:numPr/w:ilvl")]
    if not num_ids or num_ids[0] == "0":
        return None
    try:
        return str(num_ids[0]), int(levels[0]) if levels else 0
    except ValueError:
        return None


_VAL = qn("w:val")


@functools.cache
def _clark(path: str) -> str:
    """``"w:pPr/w:numPr"`` in the names lxml's ``find`` takes (``{namespace}pPr/...``)."""
    return "/".join(qn(step) for step in path.split("/"))


def _vals(owner: Any, path: str) -> list[str]:
    """The ``w:val`` of each element at ``path`` under ``owner``: what ``owner.xpath(
    "./<path>/@w:val")`` gives, without compiling an XPath expression each call (a few calls
    a paragraph were most of a long document's reading time)."""
    return [v for e in owner.iterfind(_clark(path)) if (v := e.get(_VAL)) is not None]


def _numbering_level(numbering: Any) -> int:
    if _vals(numbering, "w:numId") == ["0"]:
        return 0  # numbering switched off for this paragraph
    level = _vals(numbering, "w:ilvl")
    return int(level[0]) + 1 if level else 1


def _cell_text(tc: Any, styles_of: _StyleMap) -> str:
    """A cell's text: its paragraphs, a nested table's among them, as one line; the items of a
    list in it apart by commas ("PNG, GIF": ``blocks.cell_text``)."""
    parts = []
    for p in tc.iter(qn("w:p")):
        if any(a.tag == _FALLBACK for a in p.iterancestors()) or not (text := one_line(_text(p))):
            continue
        styles = [] if p.pPr is None else styles_of.of(p)
        item = _list_level(p, styles, [(s.name or "").casefold() for s in styles]) > 0
        parts.append(Block("list_item" if item else "paragraph", text))
    return cell_text(parts)


def _table_rows(tbl: Any, document: Any, styles_of: _StyleMap) -> list[str]:
    """Each row of a table rendered as one line, the header row first when there is one."""
    layout: list[list[tuple[int, int, str | None]]] = []  # per row: (first grid column, span,
    # text), the text None where a cell merged down from the row above goes on
    for tr in tbl.tr_lst:
        column = tr.grid_before
        cells = []
        for tc in tr.tc_lst:
            span = tc.grid_span
            # python-docx repeats a merged cell for every column or row it covers; the XML
            # holds it once, and a cell merged down leaves empty continuations below it
            text = None if tc.vMerge == "continue" else _cell_text(tc, styles_of)
            cells.append((column, span, text))
            column += span
        layout.append(cells)
    # rows of one cell across the whole table above it are its title ("Spending by area
    # (EUR)"), read as themselves: the row that heads the columns is the first one under them
    full = max((start + span for cells in layout for start, span, _ in cells), default=0)
    titles = 0
    while (titles < len(layout) - 1 and full > 1 and len(layout[titles]) == 1
           and layout[titles][0][:2] == (0, full)):
        titles += 1
    lead = [row for cells in layout[:titles] if (row := table_row_text([cells[0][2] or ""]))]
    return lead + _grid_rows(layout[titles:], tbl.tr_lst[titles:], tbl, document)


def _grid_rows(layout: list[list[tuple[int, int, str | None]]], trs: list[Any], tbl: Any,
               document: Any) -> list[str]:
    """The rows of ``layout`` (the table's, from its header row on) rendered as lines."""
    headed = len(layout) >= 2 and _has_header(trs, tbl, document)
    # a cell merged down is read in each row it spans, as it stands beside each (a header cell
    # merged down names its column once)
    grid: list[list[tuple[int, int, str]]] = []
    above: dict[int, str] = {}
    for index, cells in enumerate(layout):
        grid.append([])
        for start, span, text in cells:
            if text is None:
                text = above.get(start, "")
            else:
                above[start] = "" if headed and index == 0 else text
            grid[-1].append((start, span, text))
    header = grid[0] if headed else None
    if header is None or not any(text for _, _, text in header):
        return [row for line in grid if (row := table_row_text([t for _, _, t in line]))]
    names = {c: text for start, span, text in header for c in range(start, start + span)}
    width = max(names) + 1 - min(names)
    rows = [table_row_text([text for _, _, text in header])]
    for line in grid[1:]:
        # a cell spanning columns reads under each header it spans: "Q1 / Q2: 40"; one
        # spanning them all (a note under the table) under none
        keys = [
            "" if width > 1 and span >= width else
            " / ".join(dict.fromkeys(n for c in range(start, start + span) if (n := names.get(c))))
            for start, span, _ in line
        ]
        if row := table_row_text([text for _, _, text in line], keys):
            rows.append(row)
    return rows


def _has_header(trs: list[Any], tbl: Any, document: Any) -> bool:
    """Whether a table's first row heads its columns: marked as a header row (repeated on every
    page, ``w:tblHeader``), set bold by the table's style (its first-row formatting, which
    ``w:tblLook`` turns on), or bold in every run while the rows under it are not; else by the
    table's shape: unmarked, a table of two columns is a list of pairs ("Capital | Oslo",
    "Currency | Norwegian krone") read row by row, a wider one is keyed by its first row."""
    first, *rest = trs
    marks = first.xpath("./w:trPr/w:tblHeader")
    if marks and marks[0].get(qn("w:val")) not in _OFF:
        return True
    if _style_bolds_first_row(tbl, document) or (
            _all_bold(first) and not all(_all_bold(tr) for tr in rest)):
        return True
    return max(sum(tc.grid_span for tc in tr.tc_lst) for tr in trs) > 2


def _style_bolds_first_row(tbl: Any, document: Any) -> bool:
    """Whether the table's style sets its first row bold, and the table turns that on."""
    look = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblLook')}")
    if look is None:
        return False
    if look.get(qn("w:firstRow")) is not None:
        if look.get(qn("w:firstRow")) in _OFF:
            return False
    elif not int(look.get(qn("w:val")) or "0", 16) & 0x0020:  # the older bit mask
        return False
    style, seen = Table(tbl, document).style, 0
    while style is not None and seen < 10:  # based-on styles can loop in a bad file
        bold = style.element.xpath("./w:tblStylePr[@w:type='firstRow']/w:rPr/w:b")
        if bold:
            return bold[0].get(qn("w:val")) not in _OFF
        style, seen = style.base_style, seen + 1
    return False


def _all_bold(tr: Any) -> bool:
    """Whether every run of a row's text is bold (by its own formatting)."""
    runs = [r for r in tr.iter(qn("w:r")) if any((t.text or "").strip() for t in r.iter(qn("w:t")))]
    return bool(runs) and all(
        (b := r.find(f"{qn('w:rPr')}/{qn('w:b')}")) is not None and b.get(qn("w:val")) not in _OFF
        for r in runs)


@functools.cache
def _template_created() -> Any:
    """The creation date of python-docx's blank template (2013-12-23), which every file made
    from it declares unless its maker set another: a report written in 2025 was "published"
    in 2013. ``None`` if the template cannot be read."""
    try:
        return docx.Document().core_properties.created
    except (*_BROKEN, OSError):
        return None


def _meta(document: Any, title: str) -> dict[str, str]:
    """``title`` from the core properties, else the Title paragraph; ``published`` if dated
    (not by the date of the blank template the file was made from)."""
    try:
        core = document.core_properties
        declared, created = usable_title(core.title or ""), core.created
    except _BROKEN:  # a damaged core-properties part costs the metadata, not the text
        declared, created = "", None
    meta = {"title": declared or title} if declared or title else {}
    if created is not None and created != _template_created():
        meta["published"] = created.date().isoformat()
    return meta


__all__ = ["read_docx"]
