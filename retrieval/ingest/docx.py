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

Its parts: a paragraph's visible text (``docxtext``), its styles, heading and list levels
(``docxparagraph``), tables (``docxtable``) and numbering labels (``docxnumbering``).
"""

from __future__ import annotations

import functools
import io
import itertools
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

import docx
from docx.exceptions import PythonDocxError
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from .blocks import (
    Block,
    Dropped,
    Outline,
    Parsed,
    error_reason,
    one_line,
    usable_title,
)
from .docxnumbering import Numbering, worded
from .docxparagraph import CODE_STYLE, Item, StyleMap, heading_level, list_level
from .docxtable import table_rows
from .docxtext import hidden_text, text_boxes, toc_field, visible_text
from .package import MAX_XML_BYTES, xml

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
# What one Word file may hold before it is skipped rather than read: its XML parts inflated
# (``package.MAX_XML_BYTES``, the bound of every zip package qabot reads: a few hundred KB on disk
# can inflate to hundreds of MB, which lxml holds in memory), and its body's paragraphs and tables
# (a book of a thousand pages has some 20,000)
MAX_BODY_ITEMS = 200_000
# ... and all its parts inflated, pictures too (an EPUB's and an OpenDocument file's bound)
MAX_PACKAGE_BYTES = MAX_XML_BYTES * 4


def read_docx(data: bytes) -> Parsed:
    """The blocks of a .docx in reading order, with its title and date; ``ValueError`` if bad."""
    if not data.strip():
        raise ValueError("empty file, not a Word document")
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ValueError("an old binary Word file (.doc), not a .docx: save it as .docx first")
    if not data.startswith(b"PK"):  # where every zip package, and so every .docx, starts
        raise ValueError("not a Word document (.docx): it is no zip package (a file of "
                         "another kind named .docx? an RTF, HTML or text file)")
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
    if document.element.getroottree().docinfo.doctype:
        # no Word writes one: its entities are not expanded, and the text after each was lost
        raise ValueError("a Word document declaring a DOCTYPE (XML entities), which qabot "
                         "does not expand")
    try:
        return _read(document)
    except _TooLarge:
        raise
    except _BROKEN as err:  # a part python-docx reads only when asked, missing or malformed
        raise ValueError(f"damaged Word document (.docx): {error_reason(err)}") from err


class _TooLarge(ValueError):
    """A Word file holding more than qabot reads of one (not a damaged one)."""


def _check_inflated(data: bytes) -> None:
    """``ValueError`` when the package inflates past ``MAX_PACKAGE_BYTES`` in all, or its XML
    parts past ``MAX_XML_BYTES`` (a zip's own sizes: its reader reads no further); a damaged
    zip is left to python-docx to tell. A part is XML by the content type the package gives it
    (``[Content_Types].xml``), whatever its name: python-docx inflates every part the document
    relates to and parses those of an XML type, and a 1 MB file whose main part was named
    "document.dat", or whose picture inflated to 1.5 GB, took 2 and 3 GB to read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            total = sum(i.file_size for i in infos)
            if total > MAX_PACKAGE_BYTES:
                raise _TooLarge(f"it inflates to {total >> 20} MB, over the "
                                f"{MAX_PACKAGE_BYTES >> 20} MB qabot reads of a Word document "
                                "(.docx)")
            types = _content_types(package)
    except (zipfile.BadZipFile, EOFError, zlib.error):
        return
    size = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels"))
               or _is_xml(types, i.filename))
    if size > MAX_XML_BYTES:
        raise _TooLarge(f"its XML inflates to {size >> 20} MB, over the {MAX_XML_BYTES >> 20} MB "
                         "qabot reads of a Word document (.docx)")


_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _content_types(package: zipfile.ZipFile) -> dict[str, str]:
    """The content types ``[Content_Types].xml`` gives, by part name ("/word/document.xml")
    and by extension ("xml"); none when it is missing, too large or no XML (python-docx then
    says what is wrong)."""
    try:
        info = package.getinfo("[Content_Types].xml")
    except KeyError:
        return {}
    if info.file_size > MAX_XML_BYTES:
        return {}
    try:
        root = xml(package.read(info), "the package's content types")
    except ValueError:
        return {}
    return {(el.get("PartName") or el.get("Extension") or "").lower(): el.get("ContentType", "")
            for el in root if el.tag in (f"{_CT}Override", f"{_CT}Default")}


def _is_xml(types: dict[str, str], name: str) -> bool:
    """Whether the member ``name`` is a part of an XML content type ("...main+xml")."""
    kind = types.get(f"/{name}".lower()) or types.get(name.rpartition(".")[2].lower(), "")
    return kind.endswith("xml")


def _read(document: Any) -> Parsed:
    """The blocks of an opened document: the module's rules, block by block."""
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    outline = Outline()
    title = ""
    code_run = False  # the last paragraph read was code (its lines are paragraphs of their own)
    styles_of = StyleMap(document)
    body = list(_body_items(document.element.body))
    if len(body) > MAX_BODY_ITEMS:
        raise _TooLarge(f"{len(body):,} paragraphs and tables, over the {MAX_BODY_ITEMS:,} "
                         "qabot reads of a Word document (.docx)")
    items = [Item.of(element, styles_of) for element in body]
    numbering = Numbering(document)
    # a document typed in a monospaced font (a typewriter memo) has no code by its font
    by_font = sum(i.size for i in items if i.mono) <= sum(i.size for i in items) / 2
    bold_heads = _bold_headings(items)
    for index, item in enumerate(items):
        element, text, styles = item.element, one_line(item.raw), item.styles
        if element.tag == qn("w:tbl"):
            rows = table_rows(element, document, styles_of)
            blocks.extend(Block("table_row", row, outline.path) for row in rows)
            code_run = False
            continue
        # every numbered paragraph counts, an empty one too, as Word counts it
        label, pattern = numbering.label(*item.numbered) if item.numbered else ("", "")
        if text:
            code_run, was_code = False, code_run
            names = [(style.name or "").casefold() for style in styles]
            level = 1 if "title" in names or index in bold_heads else heading_level(
                element, styles, names)
            if label and ((level and "title" not in names) or worded(pattern)):
                text = f"{label} {text}"  # "1.1 Scope", "Article 3. The board ..."
            # "TOC Heading" is based on "Heading 1", yet no section of the document
            if (names and (names[0].startswith("toc ") or names[0] == "toc heading")) or (
                    toc_field(element)):
                dropped.append(Dropped(Block("paragraph", text, outline.path), "table of contents"))
            elif level:
                # a bold line opening a document of bold lines titles it, as its first line did
                opens = index == min(bold_heads, default=-1) and not blocks
                title = title or (text if "title" in names or opens else "")
                blocks.append(Block("heading", text, outline.heading(level, text), level=level))
            elif (depth := list_level(element, styles, names)) > 0:
                blocks.append(Block("list_item", text, outline.path, level=depth))
            elif any(CODE_STYLE.search(n) for n in names) or (by_font and item.mono):  # code
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
                           for hidden in hidden_text(element))
        # an anchor paragraph is often empty, its text box not
        blocks.extend(Block("paragraph", box, outline.path) for box in text_boxes(element))
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
                if text := one_line(visible_text(para)):
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


# a bold line heads what follows in a document with no heading styles: one this short that ends
# no sentence (nor leads into one with a colon), with a paragraph not all bold after it
BOLD_HEADING_WORDS = 12


def _bold_headings(items: list[Item]) -> set[int]:
    """The indices of the items that are headings set as bold lines of Normal text, in a
    document that has no heading by style or outline level (minutes typed without styles:
    "2. Office relocation" in bold above its paragraph); else none."""
    texts = [i for i, item in enumerate(items) if one_line(item.raw)]
    for i in texts:
        names = [(style.name or "").casefold() for style in items[i].styles]
        if "title" in names or heading_level(items[i].element, items[i].styles, names):
            return set()
    out = set()
    for i, after in itertools.pairwise(texts):
        item, text = items[i], one_line(items[i].raw)
        if (item.bold and not items[after].bold and not item.mono
                and len(text.split()) <= BOLD_HEADING_WORDS and text[-1] not in ".!?…:;,"
                and not list_level(item.element, item.styles,
                                    [(s.name or "").casefold() for s in item.styles])):
            out.add(i)
    return out


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
