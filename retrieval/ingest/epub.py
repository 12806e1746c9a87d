"""Read an EPUB e-book (EPUB 2 or 3) into blocks: its chapters in spine order, read as HTML.

An EPUB is a zip package (``package``): ``META-INF/container.xml`` names the package document
(the OPF), whose ``metadata`` gives the title (``dc:title``), the date (``dc:date``) and the
publisher (``dc:publisher``), whose ``manifest`` lists the files, and whose ``spine`` orders the
chapters as a reader pages through them. Each chapter is an XHTML file read by the HTML reader
(``html.read_html``): headings, paragraphs, list items, table rows, code, each under the
chapter's own headings. The navigation document (EPUB 3's ``nav``, when the spine holds it) is
the table of contents, listed as dropped; so is a chapter that cannot be read (named, with why).
A package whose spine lists no chapter (damaged, or made by a careless tool) is read in the
order its manifest lists the XHTML files, with a note saying so: its text is there to read.
A book whose chapters are encrypted (DRM, ``META-INF/encryption.xml``; not the font
obfuscation many books use) is refused, saying so. No library is needed: ebooklib would parse
the same two XML files and hand over the same XHTML.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote
from xml.etree import ElementTree as ET

from .blocks import Block, Dropped, Parsed, iso_day, one_line, usable_title
from .html import read_html
from .package import Package

_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_ENC = "{http://www.w3.org/2001/04/xmlenc#}"
# font obfuscation (IDPF's and Adobe's): the fonts are mangled, the text is not
_FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")
_XHTML = ("application/xhtml+xml", "text/html")
# how a chapter in UTF-16 opens: with its byte-order mark, or without one with "<" (as XML
# tells its encoding)
_UTF16_STARTS = ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"), (b"<\x00", "utf-16-le"),
                 (b"\x00<", "utf-16-be"))
_ENCODING_RE = re.compile(rb"""^<\?xml[^>]*encoding=["']([\w.:-]+)["']""")


def read_epub(data: bytes) -> Parsed:
    """The blocks of an EPUB's chapters in spine order, with its title; ``ValueError`` if it
    is not one, is damaged, encrypted, or too large."""
    book = Package(data, "EPUB e-book")
    if not book.has("META-INF/container.xml"):
        raise ValueError("not an EPUB e-book (no META-INF/container.xml in the zip)")
    rootfile = book.xml("META-INF/container.xml").find(f".//{_CONTAINER}rootfile")
    opf_path = rootfile.get("full-path", "") if rootfile is not None else ""
    if not opf_path:
        raise ValueError("a damaged EPUB e-book: its container names no package document")
    opf = book.xml(opf_path)
    base = posixpath.dirname(opf_path)
    manifest = {item.get("id", ""): item for item in opf.iter(f"{_OPF}item")}
    encrypted = _encrypted(book)
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    chapters = [manifest[ref.get("idref", "")] for ref in opf.iter(f"{_OPF}itemref")
                if ref.get("idref") in manifest]
    notes: list[str] = []
    if not any(item.get("media-type") in _XHTML for item in chapters):
        chapters = list(manifest.values())
        notes.append("its spine lists no chapter: read in the order its manifest lists them")
    read: set[str] = set()
    for item in chapters:
        href = posixpath.normpath(posixpath.join(base, unquote(item.get("href", ""))))
        if href in read:  # a file the spine lists again (by its id or another's): read once,
            continue  # as a 1 KB book listing one chapter 9,000 times took 90 s to read
        read.add(href)
        if item.get("media-type") not in _XHTML:
            continue  # an image or an SVG page: no text to read
        if "nav" in (item.get("properties") or "").split():
            dropped.append(Dropped(Block("paragraph", href), "the e-book's table of contents"))
            continue
        if href in encrypted:
            raise ValueError("an encrypted EPUB e-book (DRM): qabot cannot read its chapters")
        try:
            chapter = read_html(_decoded(book.read(href)))
        except ValueError as err:
            if "inflates past" in str(err):
                raise
            dropped.append(Dropped(Block("paragraph", href), f"chapter not read: {err}"))
            continue
        blocks.extend(chapter.blocks)
        dropped.extend(chapter.dropped)
    if not blocks:
        raise ValueError("an EPUB e-book with no text in its chapters")
    return Parsed(blocks, meta=_meta(opf, blocks), web=False, dropped=dropped, notes=notes)


def _encrypted(book: Package) -> set[str]:
    """The files ``META-INF/encryption.xml`` lists as encrypted, font obfuscation aside."""
    if not book.has("META-INF/encryption.xml"):
        return set()
    out = set()
    for data in book.xml("META-INF/encryption.xml").iter(f"{_ENC}EncryptedData"):
        method = data.find(f"{_ENC}EncryptionMethod")
        if method is not None and method.get("Algorithm") in _FONT_OBFUSCATION:
            continue
        ref = data.find(f".//{_ENC}CipherReference")
        if ref is not None and ref.get("URI"):
            out.add(posixpath.normpath(unquote(ref.get("URI", ""))))
    return out


def _decoded(data: bytes) -> str:
    """An XHTML chapter's text, in the encoding its byte-order mark or the first bytes of its
    markup say (UTF-16, which EPUB allows besides UTF-8: it was read as UTF-8, its markup
    quoted as the text), else its XML declaration names (UTF-8 without one), a byte in none
    replaced."""
    for start, encoding in _UTF16_STARTS:
        if data.startswith(start):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    found = _ENCODING_RE.match(data.lstrip(b"\xef\xbb\xbf"))
    encoding = found[1].decode() if found else "utf-8"
    try:
        return data.decode(encoding, errors="replace").lstrip("\ufeff")
    except LookupError:
        return data.decode("utf-8", errors="replace").lstrip("\ufeff")


def _meta(opf: ET.Element, blocks: list[Block]) -> dict[str, str]:
    """``title`` from ``dc:title`` (else the first level-1 heading), ``published`` from a
    ``dc:date`` written as ISO 8601, ``publisher`` from ``dc:publisher``."""
    meta: dict[str, str] = {}
    metadata = opf.find(f"{_OPF}metadata")
    if metadata is None:
        metadata = opf
    for key, tag in (("title", "title"), ("publisher", "publisher"), ("published", "date")):
        found = metadata.find(f".//{_DC}{tag}")
        value = one_line("".join(found.itertext())) if found is not None else ""
        if key == "title":
            value = usable_title(value)
        if key == "published":
            value = iso_day(value)
        if value:
            meta[key] = value
    if "title" not in meta:
        first = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), "")
        if first:
            meta["title"] = first
    return meta


__all__ = ["read_epub"]
