# ruff: noqa: E501  (XML and mail written out as the formats write them)
"""Writers of the office and mail formats qabot reads (ODT, EPUB, RTF, e-mail, mbox, PPTX), for the
readers' tests and ``tests/data/make_formats.py``: each writes, deterministically (fixed zip
dates), a file of blocks as ``tests/data/docreaders.py`` gives them -- ``("title", text)``,
``("h1".."h3", text)``, ``("p", text)``, ``("quote", text)``, ``("code", text)``, ``("li",
level, ordered, number, text)``, ``("table", header, rows)`` -- the way the format's usual
writer sets them (LibreOffice's styles, an EPUB 3 package, WordPad-like RTF)."""

from __future__ import annotations

import html
import io
import textwrap
import zipfile
import zlib
from email.message import EmailMessage
from xml.sax.saxutils import escape

_DATE = (2024, 1, 1, 0, 0, 0)


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    """A zip of ``members`` in order, the first (``mimetype``) stored, the others deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n, (name, data) in enumerate(members):
            info = zipfile.ZipInfo(name, _DATE)
            info.compress_type = zipfile.ZIP_STORED if n == 0 else zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return out.getvalue()


# ---------------------------------------------------------------- OpenDocument text (.odt)
_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"')
_ODT_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODT_NS}><office:styles>'
    '<style:style style:name="Standard" style:family="paragraph"/>'
    '<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>'
    + "".join(f'<style:style style:name="Heading_20_{n}" style:display-name="Heading {n}" '
              'style:family="paragraph" style:parent-style-name="Heading"/>' for n in (1, 2, 3))
    + '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>'
    '<style:style style:name="Quotations" style:family="paragraph"/>'
    '<style:style style:name="Preformatted_20_Text" style:display-name="Preformatted Text" '
    'style:family="paragraph"/></office:styles></office:document-styles>')


def _odt_inline(text: str) -> str:
    """Text as ODF writes it: runs of spaces as ``text:s``."""
    out = escape(text)
    while "  " in out:
        out = out.replace("  ", ' <text:s text:c="1"/>', 1)
    return out


def odt_body(blocks: list[tuple]) -> str:
    """The ``office:text`` content of ``blocks``."""
    parts: list[str] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        kind = b[0]
        if kind == "title":
            parts.append(f'<text:p text:style-name="Title">{_odt_inline(b[1])}</text:p>')
        elif kind in ("h1", "h2", "h3"):
            level = int(kind[1])
            parts.append(f'<text:h text:style-name="Heading_20_{level}" text:outline-level="'
                         f'{level}">{_odt_inline(b[1])}</text:h>')
        elif kind in ("p", "quote"):
            style = "Standard" if kind == "p" else "Quotations"
            parts.append(f'<text:p text:style-name="{style}">{_odt_inline(b[1])}</text:p>')
        elif kind == "code":
            parts.extend(f'<text:p text:style-name="Preformatted_20_Text">{_odt_inline(line)}'
                         '</text:p>' for line in b[1].splitlines() if line.strip())
        elif kind == "li":
            j = i
            while j < len(blocks) and blocks[j][0] == "li":
                j += 1
            parts.append(_odt_list(blocks[i:j], 0))
            i = j
            continue
        elif kind == "table":
            header, rows = b[1], b[2]
            cols = "".join('<table:table-column/>' for _ in header)
            cell = lambda t: f'<table:table-cell office:value-type="string"><text:p>{_odt_inline(t)}</text:p></table:table-cell>'  # noqa: E731
            head = "<table:table-header-rows><table:table-row>" + "".join(map(cell, header)) + \
                "</table:table-row></table:table-header-rows>"
            body = "".join("<table:table-row>" + "".join(map(cell, r)) + "</table:table-row>"
                           for r in rows)
            parts.append(f'<table:table table:name="Table{i}">{cols}{head}{body}</table:table>')
        i += 1
    return "".join(parts)


def _odt_list(items: list[tuple], level: int) -> str:
    out, i = ["<text:list>"], 0
    while i < len(items):
        _, lvl, _, _, text = items[i]
        j = i + 1
        while j < len(items) and items[j][1] > lvl:
            j += 1
        inner = _odt_list(items[i + 1 : j], level + 1) if j > i + 1 else ""
        out.append(f"<text:list-item><text:p>{_odt_inline(text)}</text:p>{inner}</text:list-item>")
        i = j
    out.append("</text:list>")
    return "".join(out)


def write_odt(blocks: list[tuple], title: str = "", date: str = "2024-01-01T00:00:00",
              body: str | None = None, encrypted: bool = False) -> bytes:
    """An ODT file of ``blocks`` (or of the ``office:text`` XML ``body``), declaring
    ``title`` in meta.xml; ``encrypted``: its manifest says its parts are encrypted."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS}>'
               f'<office:body><office:text>{odt_body(blocks) if body is None else body}'
               '</office:text></office:body></office:document-content>')
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_ODT_NS}><office:meta>'
            + (f"<dc:title>{escape(title)}</dc:title>" if title else "")
            + f"<meta:creation-date>{date}</meta:creation-date></office:meta></office:document-meta>")
    enc = ('<manifest:encryption-data manifest:checksum-type="SHA1" manifest:checksum="x">'
           '</manifest:encryption-data>') if encrypted else ""
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{enc}'
        '</manifest:file-entry></manifest:manifest>')
    return _zip([("mimetype", b"application/vnd.oasis.opendocument.text"),
                 ("META-INF/manifest.xml", manifest.encode()), ("content.xml", content.encode()),
                 ("styles.xml", _ODT_STYLES.encode()), ("meta.xml", meta.encode())])


# ------------------------------------------------------------------------ EPUB 3 (.epub)
def xhtml_body(blocks: list[tuple]) -> str:
    """``blocks`` as XHTML: the title an ``h1``, headings one level down, lists nested."""
    parts: list[str] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b[0] == "title":
            parts.append(f"<h1>{html.escape(b[1])}</h1>")
        elif b[0] in ("h1", "h2", "h3"):
            n = int(b[0][1]) + 1
            parts.append(f"<h{n}>{html.escape(b[1])}</h{n}>")
        elif b[0] == "p":
            parts.append(f"<p>{html.escape(b[1])}</p>")
        elif b[0] == "quote":
            parts.append(f"<blockquote><p>{html.escape(b[1])}</p></blockquote>")
        elif b[0] == "code":
            parts.append(f"<pre>{html.escape(b[1])}</pre>")
        elif b[0] == "li":
            j = i
            while j < len(blocks) and blocks[j][0] == "li":
                j += 1
            parts.append("<ul>" + "".join(f"<li>{html.escape(x[4])}</li>" for x in blocks[i:j])
                         + "</ul>")
            i = j
            continue
        elif b[0] == "table":
            head = "".join(f"<th>{html.escape(c)}</th>" for c in b[1])
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                           for r in b[2])
            parts.append(f"<table><tr>{head}</tr>{rows}</table>")
        i += 1
    return "\n".join(parts)


def _xhtml(title: str, body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
            f"<head><title>{html.escape(title)}</title></head><body>\n{body}\n</body></html>"
            ).encode()


def write_epub(title: str, chapters: list[tuple[str, str]], date: str = "2024-01-01",
               publisher: str = "", encrypt: bool = False, nav_in_spine: bool = True,
               spine: bool = True) -> bytes:
    """An EPUB 3 book titled ``title`` of ``chapters`` (title, XHTML body), a nav document
    (in the spine when ``nav_in_spine``), chapters in spine order (an empty spine unless
    ``spine``); ``encrypt``: its encryption.xml lists the first chapter as encrypted (as DRM
    does)."""
    names = [f"text/ch{n:02d}.xhtml" for n in range(1, len(chapters) + 1)]
    items = "".join(f'<item id="c{n}" href="{name}" media-type="application/xhtml+xml"/>'
                    for n, name in enumerate(names, 1))
    spine = ('<itemref idref="nav"/>' if nav_in_spine else "") + "".join(
        f'<itemref idref="c{n}"/>' for n in range(1, len(names) + 1)) if spine else ""
    opf = ('<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" '
           'version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
           f'<dc:identifier id="id">urn:uuid:00000000-0000-0000-0000-000000000000</dc:identifier>'
           f"<dc:title>{html.escape(title)}</dc:title><dc:language>en</dc:language>"
           f"<dc:date>{date}</dc:date>"
           + (f"<dc:publisher>{html.escape(publisher)}</dc:publisher>" if publisher else "")
           + '</metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
           f'properties="nav"/>{items}</manifest><spine>{spine}</spine></package>')
    nav = "<nav epub:type=\"toc\"><ol>" + "".join(
        f'<li><a href="{name}">{html.escape(t)}</a></li>' for name, (t, _) in zip(names, chapters, strict=True)
    ) + "</ol></nav>"
    container = ('<?xml version="1.0"?><container version="1.0" '
                 'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                 '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
                 "</rootfiles></container>")
    members = [("mimetype", b"application/epub+zip"), ("META-INF/container.xml", container.encode())]
    if encrypt:
        members.append(("META-INF/encryption.xml", (
            '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
            '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
            f'<enc:CipherData><enc:CipherReference URI="OEBPS/{names[0]}"/></enc:CipherData>'
            "</enc:EncryptedData></encryption>").encode()))
    members += [("OEBPS/content.opf", opf.encode()), ("OEBPS/nav.xhtml", _xhtml(title, nav))]
    members += [(f"OEBPS/{name}", _xhtml(t, body)) for name, (t, body) in zip(names, chapters, strict=True)]
    return _zip(members)


# ------------------------------------------------------------ PowerPoint presentation (.pptx)
_PML = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _pptx_shape(n: int, paragraphs: list[tuple[int, str, bool]], placeholder: str | None) -> str:
    """A shape of ``paragraphs`` (level, text, bulleted), a placeholder of that type ("body"
    for a bare ``<p:ph/>``) or, for ``None``, a text box."""
    ph = ("" if placeholder is None else "<p:ph/>" if placeholder == "body"
          else f'<p:ph type="{placeholder}"/>')
    box = ' txBox="1"' if placeholder is None else ""
    paras = "".join(
        f'<a:p><a:pPr lvl="{lvl}">{"" if bullet else "<a:buNone/>"}</a:pPr>'
        f"<a:r><a:t>{escape(text)}</a:t></a:r></a:p>" for lvl, text, bullet in paragraphs)
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{n}" name="Shape {n}"/><p:cNvSpPr{box}/><p:nvPr>{ph}'
            f"</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>{paras}</p:txBody></p:sp>")


def write_pptx(title: str, slides: list[dict]) -> bytes:
    """A presentation titled ``title`` (its core properties) of ``slides``, each a dict of
    ``title``, ``bullets`` ([(level, text)]), ``text`` (a text box's paragraphs), ``table``
    (rows of cells, the first the header), ``notes`` (speaker notes' paragraphs), ``footer``
    and ``hidden``, as PowerPoint writes them (placeholders, a notes part per slide)."""
    members = [("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
               ("docProps/core.xml", (
                   '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                   'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
                   f"<dc:title>{escape(title)}</dc:title><dcterms:created>2024-05-06T09:00:00Z</dcterms:created>"
                   "</cp:coreProperties>").encode())]
    ids = "".join(f'<p:sldId id="{256 + n}" r:id="rId{n + 10}"/>' for n in range(len(slides)))
    members.append(("ppt/presentation.xml", f'<?xml version="1.0"?><p:presentation {_PML}><p:sldIdLst>{ids}</p:sldIdLst></p:presentation>'.encode()))
    rels = "".join(f'<Relationship Id="rId{n + 10}" Type="{_REL}slide" Target="slides/slide{n + 1}.xml"/>'
                   for n in range(len(slides)))
    members.append(("ppt/_rels/presentation.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="{_RELS}">{rels}</Relationships>'.encode()))
    for n, slide in enumerate(slides, 1):
        shapes = []
        if slide.get("title"):
            shapes.append(_pptx_shape(2, [(0, slide["title"], False)], "title"))
        if slide.get("bullets"):
            shapes.append(_pptx_shape(3, [(lvl, text, True) for lvl, text in slide["bullets"]], "body"))
        if slide.get("text"):
            shapes.append("<p:grpSp>" + _pptx_shape(4, [(0, text, False) for text in slide["text"]], None) + "</p:grpSp>")
        if slide.get("table"):
            rows = "".join("<a:tr>" + "".join(f"<a:tc><a:txBody><a:p><a:r><a:t>{escape(c)}</a:t></a:r></a:p></a:txBody></a:tc>" for c in row) + "</a:tr>"
                           for row in slide["table"])
            shapes.append(f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="5" name="Table"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>'
                          f"<a:graphic><a:graphicData><a:tbl>{rows}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")
        if slide.get("footer"):
            shapes.append(_pptx_shape(6, [(0, slide["footer"], False)], "ftr"))
        shapes.append(_pptx_shape(7, [(0, str(n), False)], "sldNum"))
        show = ' show="0"' if slide.get("hidden") else ""
        members.append((f"ppt/slides/slide{n}.xml", f'<?xml version="1.0"?><p:sld {_PML}{show}><p:cSld><p:spTree>{"".join(shapes)}</p:spTree></p:cSld></p:sld>'.encode()))
        if slide.get("notes"):
            members.append((f"ppt/slides/_rels/slide{n}.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="{_RELS}"><Relationship Id="rId2" Type="{_REL}notesSlide" Target="../notesSlides/notesSlide{n}.xml"/></Relationships>'.encode()))
            notes = _pptx_shape(2, [(0, "", False)], "sldImg") + _pptx_shape(3, [(0, text, False) for text in slide["notes"]], "body")
            members.append((f"ppt/notesSlides/notesSlide{n}.xml", f'<?xml version="1.0"?><p:notes {_PML}><p:cSld><p:spTree>{notes}</p:spTree></p:cSld></p:notes>'.encode()))
    return _zip(members)


# ------------------------------------------------------------------- Rich Text Format (.rtf)
def _rtf_text(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        elif ord(ch) < 256:
            out.append(f"\\'{ord(ch):02x}")
        else:
            code = ord(ch) if ord(ch) < 32768 else ord(ch) - 65536
            out.append(f"\\u{code}?")
    return "".join(out)


def write_rtf(blocks: list[tuple], title: str = "") -> bytes:
    """An RTF file of ``blocks`` as WordPad-like writers set them: headings bold paragraphs,
    list items with a bullet in ``\\pntext``, tables as ``\\trowd`` rows of ``\\cell``s."""
    out = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}"
           "{\\f1\\fmodern Courier New;}}"]
    if title:
        out.append(f"{{\\info{{\\title {_rtf_text(title)}}}{{\\author qabot tests}}}}")
    for b in blocks:
        if b[0] in ("title", "h1", "h2", "h3"):
            out.append(f"\\pard\\b\\fs28 {_rtf_text(b[1])}\\b0\\fs24\\par")
        elif b[0] in ("p", "quote"):
            out.append(f"\\pard {_rtf_text(b[1])}\\par")
        elif b[0] == "code":
            out.extend(f"\\pard\\f1 {_rtf_text(line)}\\f0\\par" for line in b[1].splitlines())
        elif b[0] == "li":
            out.append(f"\\pard{{\\pntext\\'b7\\tab}}{_rtf_text(b[4])}\\par")
        elif b[0] == "table":
            for row in [b[1], *b[2]]:
                cells = "".join(f"\\cellx{1500 * (n + 1)}" for n in range(len(row)))
                out.append(f"\\trowd{cells}" + "".join(f"\\intbl {_rtf_text(c)}\\cell"
                                                       for c in row) + "\\row")
    out.append("}")
    return "\n".join(out).encode("ascii")


# -------------------------------------------------------------------------- e-mail, mbox
def plain_text(blocks: list[tuple], width: int = 72) -> str:
    """``blocks`` as the plain text of a mail: headings on their own line, paragraphs wrapped,
    list items "- " with a hanging indent (one under the other), code indented four spaces,
    a blank line between blocks."""
    out = ""
    for n, b in enumerate(blocks):
        if b[0] in ("title", "h1", "h2", "h3"):
            part = b[1]
        elif b[0] in ("p", "quote"):
            part = textwrap.fill(b[1], width)
        elif b[0] == "li":
            part = textwrap.fill(b[4], width, initial_indent="  " * b[1] + "- ",
                                 subsequent_indent="  " * b[1] + "  ")
        elif b[0] == "code":
            part = textwrap.indent(b[1].rstrip("\n"), "    ")
        else:
            continue
        tight = b[0] == "li" and n > 0 and blocks[n - 1][0] == "li"
        out += ("\n" if tight else "\n\n" if out else "") + part
    return out + "\n"


def write_eml(subject: str, sender: str, to: str, date: str, body: str,
              attachment: tuple[str, bytes] | None = None, html_body: str | None = None) -> bytes:
    """An e-mail message (RFC 5322 bytes, as a mail client's "Save as" writes it)."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"], msg["Date"] = sender, to, subject, date
    msg["Message-ID"] = f"<{zlib.crc32((subject + date).encode()):08x}@example.org>"
    msg.set_content(body)
    if html_body is not None:
        msg.add_alternative(html_body, subtype="html")
    if attachment:
        msg.add_attachment(attachment[1], maintype="application", subtype="octet-stream",
                           filename=attachment[0])
    return bytes(msg)


def write_mbox(messages: list[tuple[str, str, bytes]]) -> bytes:
    """An mbox archive (mboxrd) of ``(sender address, asctime date, message bytes)``."""
    out = []
    for address, when, data in messages:
        body = b"\n".join(b">" + line if line.lstrip(b">").startswith(b"From ") else line
                          for line in data.replace(b"\r\n", b"\n").split(b"\n"))
        out.append(b"From " + address.encode() + b" " + when.encode() + b"\n" + body.rstrip(b"\n")
                   + b"\n\n")
    return b"".join(out)
