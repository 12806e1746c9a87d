"""Read an OpenDocument text (.odt, LibreOffice's and OpenOffice's own format) into blocks.

An ODT file is a zip package (``package``) of XML parts; the body (``content.xml``) is walked in
document order with the standard library's ``xml.etree`` (odfpy would parse the same XML into a
tree of its own, and add nothing a reader of it needs):

* ``text:h`` is a heading of its ``text:outline-level`` (1 without one; at most 6); so is a
  ``text:p`` in a heading style ("Heading 2", or a style based on one), and one in the style
  "Title", a level-1 heading that titles the document when ``meta.xml`` declares no title.
* ``text:list`` items are list items, nested lists one level deeper each; a list item's
  further paragraphs continue it.
* ``table:table`` rows are table rows: under a header row (``table:table-header-rows``, or the
  first row of a table wider than two columns) a row reads "Column: value; ...", as the Word
  reader reads one; a two-column table without a header is read row by row.
* A paragraph in a preformatted style ("Preformatted Text", "Source Text", a style named for
  code) is code, consecutive lines one block.
* Footnotes and endnotes are read after the body, in a section "Notes", their marks left out;
  text frames (``draw:text-box``) after the paragraph they are anchored in.
* Left out, listed as dropped: a table of contents or an index (``text:table-of-content``,
  ``text:alphabetical-index``, ...: its entries repeat the headings), tracked deletions,
  hidden paragraphs and text. Comments (``office:annotation``) are not read.

``meta.xml`` gives the title (``dc:title``) and the date (``dc:date``, else
``meta:creation-date``). A password-protected file (``manifest:encryption-data``) is refused,
saying so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from .blocks import (
    Block,
    Dropped,
    Outline,
    Parsed,
    iso_day,
    one_line,
    table_row_text,
    usable_title,
)
from .package import Package

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_INDEXES = {_q(f"text:{n}") for n in ("table-of-content", "alphabetical-index",
                                       "illustration-index", "table-index", "object-index",
                                       "user-index", "bibliography")}
_SKIPPED_INLINE = {_q("text:note-citation"), _q("office:annotation"),
                   _q("office:annotation-end"), _q("text:tracked-changes")}
_HEADING_STYLE_RE = re.compile(r"heading[ _]?(?:20_)?(\d)$", re.I)
_CODE_STYLE_RE = re.compile(r"preformatted|source[ _](?:20_)?text|code|listing", re.I)
MAX_PARAGRAPHS = 200_000  # as the Word reader's MAX_BODY_ITEMS


def read_odt(data: bytes) -> Parsed:
    """The blocks of an OpenDocument text in reading order, with its title and date;
    ``ValueError`` if it is not one, is damaged, password-protected or too large."""
    package = Package(data, "OpenDocument text")
    if package.has("META-INF/manifest.xml"):
        manifest = package.xml("META-INF/manifest.xml")
        if manifest.find(f".//{_q('manifest:encryption-data')}") is not None:
            raise ValueError("a password-protected OpenDocument text: qabot cannot read it "
                             "(save a copy without the password)")
    if not package.has("content.xml"):
        raise ValueError("not an OpenDocument text (no content.xml in the zip)")
    content = package.xml("content.xml")
    body = content.find(f"{_q('office:body')}/{_q('office:text')}")
    if body is None:
        raise ValueError("not an OpenDocument text (its body holds no text: a spreadsheet or "
                         "a presentation?)")
    if sum(1 for _ in body.iter(_q("text:p"))) > MAX_PARAGRAPHS:
        raise ValueError(f"over the {MAX_PARAGRAPHS:,} paragraphs qabot reads of an "
                         "OpenDocument text")
    styles = _StyleNames(content, package.xml("styles.xml") if package.has("styles.xml")
                         else None)
    reader = _Reader(styles)
    reader.walk(body, 0)
    blocks = reader.blocks + [Block("paragraph", n, ("Notes",)) for n in reader.notes]
    meta = _meta(package.xml("meta.xml") if package.has("meta.xml") else None, reader.title)
    return Parsed(blocks, meta=meta, web=False, dropped=reader.dropped)


class _StyleNames:
    """A paragraph style's name and the names of the styles it is based on (automatic styles
    in ``content.xml``, named ones in ``styles.xml``), display names preferred."""

    def __init__(self, *roots: ET.Element | None) -> None:
        self.parent: dict[str, str] = {}
        self.shown: dict[str, str] = {}
        for root in roots:
            if root is None:
                continue
            for style in root.iter(_q("style:style")):
                name = style.get(_q("style:name"), "")
                self.parent[name] = style.get(_q("style:parent-style-name"), "")
                self.shown[name] = style.get(_q("style:display-name"), name)

    def chain(self, name: str) -> list[str]:
        out: list[str] = []
        while name and name not in out and len(out) < 20:
            out.append(name)
            name = self.parent.get(name, "")
        return [self.shown.get(n, n) for n in out]


class _Reader:
    """One walk over the body, keeping the section path."""

    def __init__(self, styles: _StyleNames) -> None:
        self.styles = styles
        self.blocks: list[Block] = []
        self.dropped: list[Dropped] = []
        self.notes: list[str] = []
        self.outline = Outline()
        self.title = ""

    def walk(self, parent: ET.Element, depth: int) -> None:
        for child in parent:
            tag = child.tag
            if tag == _q("text:h"):
                level = min(6, max(1, _number(child.get(_q("text:outline-level")))))
                self._heading(level, self._text(child))
            elif tag == _q("text:p"):
                self._paragraph(child)
            elif tag == _q("text:list"):
                self._list(child, depth + 1)
            elif tag == _q("table:table"):
                self._table(child)
            elif tag in _INDEXES:
                for line in self._lines(child):
                    self.dropped.append(Dropped(Block("paragraph", line, self.outline.path),
                                                "table of contents or index"))
            elif tag == _q("text:tracked-changes"):
                for line in self._lines(child):
                    self.dropped.append(Dropped(Block("paragraph", line, self.outline.path),
                                                "tracked deletion"))
            elif child.get(_q("text:display")) == "none":  # a hidden section
                for line in self._lines(child):
                    self.dropped.append(Dropped(Block("paragraph", line, self.outline.path),
                                                "hidden text"))
            elif tag in (_q("text:section"), _q("text:list-header"), _q("draw:text-box"),
                         _q("draw:frame")):
                self.walk(child, depth)

    def _heading(self, level: int, text: str) -> None:
        if text:
            self.blocks.append(Block("heading", text, self.outline.heading(level, text),
                                     level=level))

    def _paragraph(self, p: ET.Element, as_item: int = 0) -> None:
        text = self._text(p)
        names = self.styles.chain(p.get(_q("text:style-name"), ""))
        if text:
            heading = next((int(m[1]) for n in names if (m := _HEADING_STYLE_RE.search(n))), 0)
            if any(n.casefold() == "title" for n in names):
                self.title = self.title or text
                self._heading(1, text)
            elif heading and not as_item:
                self._heading(min(6, max(1, heading)), text)
            elif as_item:
                self.blocks.append(Block("list_item", text, self.outline.path, level=as_item))
            elif any(_CODE_STYLE_RE.search(n) for n in names):
                last = self.blocks[-1] if self.blocks else None
                if last is not None and last.kind == "code" and last.section == self.outline.path:
                    self.blocks[-1] = Block("code", f"{last.text} {text}", last.section,
                                            lines=(*last.lines, text))
                else:
                    self.blocks.append(Block("code", text, self.outline.path, lines=(text,)))
            else:
                self.blocks.append(Block("paragraph", text, self.outline.path))
        for frame in p.iter(_q("draw:text-box")):  # a text frame anchored in the paragraph
            self.walk(frame, 0)

    def _list(self, lst: ET.Element, depth: int) -> None:
        for item in lst:
            if item.tag not in (_q("text:list-item"), _q("text:list-header")):
                continue
            first = True
            for part in item:
                if part.tag in (_q("text:p"), _q("text:h")):
                    text = self._text(part)
                    if first or not self.blocks or self.blocks[-1].kind != "list_item":
                        if text:
                            self._paragraph(part, as_item=depth)
                            first = False
                    elif text:  # the item's next paragraph continues it
                        last = self.blocks[-1]
                        self.blocks[-1] = Block("list_item", f"{last.text} {text}",
                                                last.section, level=last.level)
                elif part.tag == _q("text:list"):
                    self._list(part, depth + 1)
                else:
                    self.walk(_wrap(part), depth)

    def _table(self, table: ET.Element) -> None:
        header_rows = [r for h in table.iter(_q("table:table-header-rows"))
                       for r in h.iter(_q("table:table-row"))]
        rows = [self._cells(r) for r in table.iter(_q("table:table-row"))]
        rows = [r for r in rows if any(r)]
        if not rows:
            return
        width = max(len(r) for r in rows)
        has_header = bool(header_rows) or (len(rows) >= 2 and width > 2)
        header = rows[0] if has_header else None
        for i, cells in enumerate(rows):
            text = table_row_text(cells, None if header is None or i == 0 else header)
            if text:
                self.blocks.append(Block("table_row", text, self.outline.path))

    def _cells(self, row: ET.Element) -> list[str]:
        cells: list[str] = []
        for cell in row:
            if cell.tag == _q("table:covered-table-cell"):
                continue
            if cell.tag != _q("table:table-cell"):
                continue
            text = one_line(" ".join(self._text(p) for p in cell.iter()
                                     if p.tag in (_q("text:p"), _q("text:h"))))
            repeat = _number(cell.get(_q("table:number-columns-repeated")))
            cells.extend([text] * (min(repeat, 64) if text else min(repeat, 1)))
        while cells and not cells[-1]:
            cells.pop()
        return cells

    def _lines(self, element: ET.Element) -> list[str]:
        return [t for p in element.iter() if p.tag in (_q("text:p"), _q("text:h"))
                if (t := self._text(p))]

    def _text(self, element: ET.Element) -> str:
        """A paragraph's visible text on one line: spaces, tabs and breaks as spaces, a note
        kept for the "Notes" section and its mark left out, comments and frames left out."""
        return one_line("".join(self._inline(element)))

    def _inline(self, element: ET.Element) -> Iterator[str]:
        if element.text:
            yield element.text
        for child in element:
            tag = child.tag
            if tag == _q("text:s"):
                yield " " * min(_number(child.get(_q("text:c"))), 100)
            elif tag in (_q("text:tab"), _q("text:line-break")):
                yield " "
            elif tag == _q("text:note"):
                body = child.find(_q("text:note-body"))
                if body is not None:
                    self.notes.extend(self._lines(body))
            elif tag in _SKIPPED_INLINE or tag in (_q("draw:frame"), _q("text:list")):
                pass
            elif tag == _q("text:hidden-text"):
                hidden = one_line("".join(child.itertext()))
                if hidden:
                    self.dropped.append(Dropped(Block("paragraph", hidden, self.outline.path),
                                                "hidden text"))
            else:
                yield from self._inline(child)
            if child.tail:
                yield child.tail


def _number(value: str | None) -> int:
    """A count an attribute gives (a level, a repeat), 1 when it gives none or no number."""
    return int(value) if value and value.isascii() and value.isdigit() else 1


def _wrap(part: ET.Element) -> ET.Element:
    """``part`` as the only child of an element, for ``_Reader.walk``."""
    holder = ET.Element("holder")
    holder.append(part)
    return holder


def _meta(meta: ET.Element | None, title: str) -> dict[str, str]:
    """``title`` from ``dc:title``, else the paragraph in the "Title" style; ``published`` from
    ``dc:date`` or ``meta:creation-date``."""
    out: dict[str, str] = {}
    declared, date = "", ""
    if meta is not None:
        found = meta.find(f".//{_q('dc:title')}")
        declared = usable_title("".join(found.itertext())) if found is not None else ""
        for tag in ("dc:date", "meta:creation-date"):
            when = meta.find(f".//{_q(tag)}")
            date = date or (iso_day(when.text or "") if when is not None else "")
    if declared or title:
        out["title"] = declared or title
    if date:
        out["published"] = date
    return out


__all__ = ["read_odt"]
