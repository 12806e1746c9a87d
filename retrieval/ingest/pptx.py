"""Read a PowerPoint presentation (.pptx, Office Open XML) into blocks: its slides in order.

A .pptx file is a zip package (``package``) of XML parts. ``ppt/presentation.xml`` lists the
slides in the order they are shown (``p:sldIdLst``, each by a relationship its ``_rels`` part
resolves to a slide part); each slide's shapes are read in the order they are drawn (groups
opened), with the standard library's ``xml.etree`` (python-pptx would parse the same XML into
a tree of its own, and add nothing a reader of it needs):

* The slide's title (a ``title`` or ``ctrTitle`` placeholder) is a level-1 heading: the blocks
  of the slide sit under it. A slide without one cites "Slide N" as its section.
* A paragraph of a body placeholder (a slide's bullets) is a list item, its ``lvl`` one level
  deeper each; one with bullets turned off (``a:buNone``), a subtitle, and the paragraphs of a
  text box are paragraphs.
* A table's rows (``a:tbl``) are table rows, read "Column: value; ..." under its first row, as
  the Word reader reads one.
* The speaker notes (the slide's notes part, its body placeholder) are paragraphs after the
  slide's own, in a section "Notes" under the slide's title.
* Left out, listed as dropped: a hidden slide (``show="0"``: not shown when presenting), and
  the slide number, date and footer placeholders (the same on every slide).

``docProps/core.xml`` gives the title (``dc:title``, else the first slide's title) and the date
(``dcterms:created``). A password-protected file (an OLE compound file, not a zip) and an old
binary .ppt are refused, saying so.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote
from xml.etree import ElementTree as ET

from .blocks import Block, Dropped, Parsed, iso_day, one_line, table_row_text, usable_title
from .package import Package

_NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted Office file, or a legacy .ppt
_NOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide"
_TITLES = {"title", "ctrTitle"}
_FURNITURE = {"sldNum": "slide number", "dt": "date placeholder", "ftr": "footer"}
MAX_SLIDES = 5_000


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


def read_pptx(data: bytes) -> Parsed:
    """The blocks of a presentation's slides in order, with its title and date; ``ValueError``
    if it is not one, is damaged, password-protected or too large."""
    if data.startswith(_OLE):
        raise ValueError("a password-protected or old binary PowerPoint file: qabot reads "
                         ".pptx (save a copy without the password, as .pptx)")
    package = Package(data, "PowerPoint presentation")
    if not package.has("ppt/presentation.xml"):
        raise ValueError("not a PowerPoint presentation (no ppt/presentation.xml in the zip)")
    slides = _targets(package, "ppt/presentation.xml",
                      [el.get(_q("r:id"), "") for el in
                       package.xml("ppt/presentation.xml").iter(_q("p:sldId"))])
    if len(slides) > MAX_SLIDES:
        raise ValueError(f"over the {MAX_SLIDES:,} slides qabot reads of a presentation")
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    furniture: set[str] = set()
    read: set[str] = set()
    for number, part in enumerate(slides, 1):
        if part in read:
            continue  # a slide the list names again (PowerPoint never does): read once
        read.add(part)
        if not package.has(part):
            dropped.append(Dropped(Block("paragraph", f"slide {number}"),
                                   "slide not read: its part is missing"))
            continue
        try:
            slide = package.xml(part)
        except ValueError as err:  # a damaged slide costs that slide, not the presentation
            if "inflates past" in str(err):
                raise
            dropped.append(Dropped(Block("paragraph", f"slide {number}"), f"slide not read: {err}"))
            continue
        shapes = list(_shapes(slide))
        title = next((text for kind, sp in shapes if kind in _TITLES and (text := _text(sp))), "")
        section = (title or f"Slide {number}",)
        if slide.get("show") == "0":
            dropped.append(Dropped(Block("paragraph", section[0], section),
                                   "hidden slide (not shown when presenting)"))
            continue
        if title:
            blocks.append(Block("heading", title, section, level=1))
        for kind, shape in shapes:
            if kind in _TITLES:
                continue
            if kind in _FURNITURE:
                text = _text(shape)
                if text and kind not in furniture:
                    furniture.add(kind)
                    dropped.append(Dropped(Block("paragraph", text, section),
                                           f"{_FURNITURE[kind]} (on every slide)"))
                continue
            blocks.extend(_shape_blocks(kind, shape, section))
        for notes in _targets(package, part, [], _NOTES):
            if package.has(notes):
                blocks.extend(Block("paragraph", text, (*section, "Notes"))
                              for kind, sp in _shapes(package.xml(notes)) if kind == "body"
                              for text in _paragraphs(sp))
    if not blocks:
        raise ValueError("a PowerPoint presentation with no text on its slides")
    return Parsed(blocks, meta=_meta(package, blocks), web=False, dropped=dropped)


def _targets(package: Package, part: str, ids: list[str], kind: str = "") -> list[str]:
    """The parts ``part``'s relationships point at: those of ``ids`` in that order, or every
    one of type ``kind``."""
    rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if not package.has(rels):
        return []
    found = {}
    for rel in package.xml(rels).iter(_q("rel:Relationship")):
        if rel.get("TargetMode") == "External":
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(part),
                                                   unquote(rel.get("Target", ""))))
        if not kind or rel.get("Type") == kind:
            found[rel.get("Id", "")] = target
    return [found[i] for i in ids if i in found] if ids else list(found.values())


def _shapes(root: ET.Element) -> Iterator[tuple[str, ET.Element]]:
    """The shapes of a slide (or a notes page) in drawing order, groups opened, each with its
    placeholder type ("title", "body", "sldNum", ...; "body" for a placeholder of none, "text"
    for a text box or other shape, "table" for a table)."""
    tree = root.find(f"{_q('p:cSld')}/{_q('p:spTree')}")
    if tree is None:
        return
    stack = [iter(tree)]
    while stack:
        shape = next(stack[-1], None)
        if shape is None:
            stack.pop()
            continue
        if shape.tag == _q("p:grpSp"):
            stack.append(iter(shape))
        elif shape.tag == _q("p:sp"):
            placeholder = shape.find(f".//{_q('p:nvPr')}/{_q('p:ph')}")
            kind = "text" if placeholder is None else placeholder.get("type", "body")
            yield ("body" if kind == "obj" else kind), shape
        elif shape.tag == _q("p:graphicFrame") and shape.find(f".//{_q('a:tbl')}") is not None:
            yield "table", shape


def _runs(paragraph: ET.Element) -> str:
    parts = []
    for el in paragraph.iter():
        if el.tag == _q("a:t"):
            parts.append(el.text or "")
        elif el.tag == _q("a:br"):
            parts.append(" ")
    return one_line("".join(parts))


def _paragraphs(shape: ET.Element) -> list[str]:
    return [text for p in shape.iter(_q("a:p")) if (text := _runs(p))]


def _text(shape: ET.Element) -> str:
    return one_line(" ".join(_paragraphs(shape)))


def _shape_blocks(kind: str, shape: ET.Element, section: tuple[str, ...]) -> list[Block]:
    if kind == "table":
        rows = [[_text(cell) for cell in row.iter(_q("a:tc"))] for row in shape.iter(_q("a:tr"))]
        rows = [row for row in rows if any(row)]
        if not rows:
            return []
        header = rows[0] if len(rows) > 1 else None
        return [Block("table_row", table_row_text(row, None if i == 0 else header), section)
                for i, row in enumerate(rows)]
    out = []
    for p in shape.iter(_q("a:p")):
        text = _runs(p)
        if not text:
            continue
        props = p.find(_q("a:pPr"))
        bulleted = kind == "body" and (props is None or props.find(_q("a:buNone")) is None)
        level = int(props.get("lvl", "0")) + 1 if props is not None and re.fullmatch(
            r"\d", props.get("lvl", "")) else 1
        out.append(Block("list_item", text, section, level=level) if bulleted
                   else Block("paragraph", text, section))
    return out


def _meta(package: Package, blocks: list[Block]) -> dict[str, str]:
    """``title`` from the core properties (else the first slide's title), ``published`` from
    their creation date."""
    meta: dict[str, str] = {}
    core = package.xml("docProps/core.xml") if package.has("docProps/core.xml") else None
    if core is not None:
        found = core.find(_q("dc:title"))
        title = usable_title("".join(found.itertext())) if found is not None else ""
        if title:
            meta["title"] = title
        created = core.find(_q("dcterms:created"))
        day = iso_day(created.text or "") if created is not None else ""
        if day:
            meta["published"] = day
    if "title" not in meta:
        first = next((b.text for b in blocks if b.kind == "heading"), "")
        if first:
            meta["title"] = first
    return meta


__all__ = ["read_pptx"]
