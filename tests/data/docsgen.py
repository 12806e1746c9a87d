"""The machinery shared by the make_docs_*.py scripts that build the documentation test sets.

Each script keeps what is its own -- its list of copied files, its embedded Markdown texts and
the small Markdown reader that turns them into blocks -- and takes from here:

* ``copy_sources``: package files copied byte for byte, gunzipped, or (PyPI ``METADATA``)
  minus their RFC-822 header, a missing source reported and skipped;
* ``Writer``: blocks written as a PDF (fpdf2) or a DOCX file (python-docx), with the layout
  options in which the sets differ;
* the pieces that make the files deterministic (``FIXED_DATE``, ``start_pdf``, ``new_docx``,
  ``fixed_zip``), so that a rerun gives the same bytes;
* a few helpers of the readers (``list_item``, ``extend_item``, ``table_row``), the HTML page
  reader ``HtmlBlocks`` (an element's blocks, some elements left out) and ``cp1252_only`` (a
  block the PDF's core fonts can show), and of the DOCX writers (``docx_list_item``,
  ``docx_code``, ``docx_table``).

The blocks a reader gives ``Writer``: ("title"|"h1"|"h2"|"h3", text), ("p", text),
("quote", text), ("li", level, ordered, number, text), ("code", text) and
("table", header, rows).

Not run by itself: the scripts import it (their folder is on sys.path when they run).
"""

from __future__ import annotations

import atexit
import datetime as dt
import gzip
import io
import lzma
import os
import re
import shutil
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.shared import Pt
from fpdf import FPDF

FIXED_DATE = dt.datetime(2024, 6, 1, 12, 0, 0, tzinfo=dt.UTC)
HERE = Path(__file__).resolve().parent


# --- reading an HTML page ---------------------------------------------------------------------

HTML_BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "blockquote", "td", "th",
                   "figcaption", "dt", "dd"}
HTML_HEADING = {"h1": "h1", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}


class HtmlBlocks(HTMLParser):
    """The blocks of an HTML page's element ``container`` ("main": an mdBook page's text,
    "body"): headings (the first one the "title" with ``first_title``), paragraphs (a ``<dt>``
    label one of its own, a ``<dd>``'s paragraphs others), list items, code, block quotes and
    tables, leaving out every element ``left_out`` names, with all it holds."""

    def __init__(self, container: str, first_title: bool,
                 left_out: Callable[[str, dict[str, str | None]], bool],
                 block_tags: set[str] = HTML_BLOCK_TAGS) -> None:
        super().__init__(convert_charrefs=True)
        self.container, self.first_title, self.left_out = container, first_title, left_out
        self.block_tags = block_tags
        self.blocks: list[tuple] = []
        self.inside = False
        self.skipped = ""  # the tag of the element being left out
        self.depth = 0  # ... and how deep inside elements of that tag
        self.text: list[str] | None = None  # the text of the open block
        self.kind = ""
        self.lists: list[list] = []  # [ordered, next number] of each open list
        self.quote = 0
        self.table: list[list[str]] | None = None
        self.row: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.container:
            self.inside = True
            return
        if not self.inside:
            return
        if self.depth or self.left_out(tag, dict(attrs)):
            if not self.depth:
                self.skipped = tag
            if tag == self.skipped:
                self.depth += 1
            return
        if tag in ("ul", "ol"):
            if self.text is not None:
                self.emit(self.close())  # an item's text before its nested list
            self.lists.append([tag == "ol", int(dict(attrs).get("start") or 1)])
        elif tag == "blockquote":
            self.quote += 1
        elif tag == "table":
            self.table = []
        elif tag == "tr":
            self.row = []
        elif tag == "br" and self.text is not None:
            self.text.append("\n" if self.kind == "pre" else " ")
        elif tag in self.block_tags:
            if self.text is not None and tag != "p":
                self.emit(self.close())
            if self.text is None:
                self.text, self.kind = [], tag

    def handle_endtag(self, tag: str) -> None:
        if not self.inside:
            return
        if tag == self.container:
            self.inside = False
            return
        if self.depth:
            if tag == self.skipped:
                self.depth -= 1
            return
        if tag in ("ul", "ol"):
            if self.text is not None:
                self.emit(self.close())
            self.lists.pop()
        elif tag == "blockquote":
            if self.text is not None:
                self.emit(self.close())
            self.quote -= 1
        elif tag == "tr" and self.row is not None and self.table is not None:
            self.table.append(self.row)
            self.row = None
        elif tag == "table" and self.table is not None:
            if self.table:
                width = max(len(r) for r in self.table)
                rows = [r + [""] * (width - len(r)) for r in self.table]
                self.blocks.append(("table", rows[0], rows[1:]))
            self.table = None
        elif tag == self.kind and self.text is not None:
            self.emit(self.close())

    def handle_data(self, data: str) -> None:
        if self.inside and not self.depth and self.text is not None:
            self.text.append(data)

    def close(self) -> tuple:
        kind, raw = self.kind, "".join(self.text or [])
        self.text, self.kind = None, ""
        if kind == "pre":
            return ("code", raw.strip("\n"))
        return (kind, re.sub(r"\s+", " ", raw).strip())

    def emit(self, block: tuple) -> None:
        kind, text = block
        if not text:
            return
        if kind in ("td", "th"):
            if self.row is not None:
                self.row.append(text)
        elif kind in HTML_HEADING:
            first = self.first_title and not any(
                b[0] in ("title", "h1", "h2", "h3") for b in self.blocks)
            self.blocks.append(("title" if first else HTML_HEADING[kind], text))
        elif kind == "li":
            level = max(len(self.lists) - 1, 0)
            ordered, number = self.lists[-1] if self.lists else (False, 0)
            if self.lists and ordered:
                self.lists[-1][1] += 1
            self.blocks.append(("li", level, ordered, number, text))
        elif kind == "code":
            self.blocks.append(("code", text))
        else:  # p, figcaption, dt, dd
            self.blocks.append(("quote" if self.quote else "p", text))


def cp1252_only(block: tuple, squeeze: bool = False) -> tuple:
    """A block without the characters that the PDF's core fonts (windows-1252) cannot show (a
    page that changes cannot stop the PDF writer); with ``squeeze``, two spaces made one."""
    def keep(text: str) -> str:
        kept = "".join(c for c in text if c.encode("cp1252", "ignore"))
        return kept.replace("  ", " ") if squeeze else kept
    return tuple(cp1252_only(x, squeeze) if isinstance(x, (tuple, list)) else
                 keep(x) if isinstance(x, str) else x for x in block)

def first_title(blocks: list[tuple], fallback: str) -> str:
    """The text of a document's title block when its blocks open with one, else ``fallback``."""
    return blocks[0][1] if blocks and blocks[0][0] == "title" else fallback


# --- news articles (the news sets' PDF and DOCX) ---------------------------------------------


def article_blocks(text: str, caption_prefix: str = "") -> list[tuple]:
    """The blocks of a news article written as the news sets' makers write them: "H: "
    headline, "S: " standfirst, "B: " byline, "D: " date, "C: " caption lines, "## " crossheads,
    every other line a paragraph (``caption_prefix`` before the caption: a draft's "PIC: ")."""
    head: dict[str, str] = {}
    paras: list[tuple] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line[:3] in ("H: ", "S: ", "B: ", "D: ", "C: "):
            head[line[0]] = line[3:]
        elif line.startswith("## "):
            paras.append(("h2", line[3:]))
        else:
            paras.append(("p", line))
    return [("title", head["H"]), ("p", head["S"]), ("p", head["B"]), ("p", head["D"]),
            ("p", caption_prefix + head["C"]), *paras]


def printed_article(text: str, top: list[str], ad: str, ad_after: int,
                    bottom: list[str]) -> list[tuple]:
    """An article as a browser prints its page: the site's ``top`` lines, the story with an
    ``ad`` after its first ``ad_after`` blocks, the ``bottom`` lines."""
    story = article_blocks(text)
    body = [*story[:ad_after], ("p", ad), *story[ad_after:]]
    return [("p", line) for line in top] + body + [("p", line) for line in bottom]


def reporters_draft(text: str, top: list[str], note: str, bottom: list[str]) -> list[tuple]:
    """An article as a reporter's draft: the ``top`` lines (a stamp, a slug), the editor's
    ``note`` as a quote, the story with its caption as "PIC: ", the ``bottom`` lines."""
    story = article_blocks(text, caption_prefix="PIC: ")
    return ([("p", line) for line in top] + [("quote", note)] + story
            + [("p", line) for line in bottom])


# --- the scripts' command line and report ---------------------------------------------------


def out_dir(argv: list[str], default: str) -> Path:
    """The folder to write: argv[1], else tests/data/<default>; made if missing."""
    out = Path(argv[1]) if len(argv) > 1 else HERE / default
    out.mkdir(parents=True, exist_ok=True)
    return out


def report(out: Path) -> None:
    """Print the size of each file in the folder, and the total."""
    total = 0
    for p in sorted(out.iterdir()):
        total += p.stat().st_size
        print(f"{p.stat().st_size:>8}  {p.name}")
    print(f"{total:>8}  total ({len(list(out.iterdir()))} files)")


Reader = Callable[[Path], "list[tuple] | None"]


def generate(argv: list[str], folder: str, copies: list[tuple[str, Path, str]],
             pdfs: list[tuple[str, Reader, Path, str, str, str]],
             docxs: list[tuple[str, Reader, Path, str, str, str, str]], write: Writer) -> int:
    """A set's folder made whole: its sources copied, then each PDF (file name, reader, source,
    author, subject, keywords) and DOCX (... and comments before the keywords) written from the
    blocks its reader reads (a missing source is reported and its file not made); the sizes
    printed. The ``main`` of a make_docs_*.py script."""
    out = out_dir(argv, folder)
    copy_sources(out, copies)
    for name, read, src, author, subject, keywords in pdfs:
        if (blocks := read(src)) is not None:
            write.pdf([cp1252_only(b) for b in blocks], out / name,
                      first_title(blocks, src.stem), author, subject, keywords)
    for name, read, src, author, subject, comments, keywords in docxs:
        if (blocks := read(src)) is not None:
            write.docx(blocks, out / name, first_title(blocks, src.stem), author, subject,
                       comments, keywords)
    report(out)
    return 0


# --- copied sources ---------------------------------------------------------------------------


def copy_sources(out: Path, copies: list[tuple[str, Path, str]]) -> None:
    """Copy (file name, source path, transform) into the folder: "copy" = byte for byte,
    "gunzip" = the decompressed .gz, "metadata" = PyPI METADATA minus its RFC-822 header block
    (everything up to the first blank line). A missing source is reported and skipped."""
    for name, src, how in copies:
        if not src.is_file():
            print(f"missing source, not copied: {src}", file=sys.stderr)
            continue
        if how == "copy":
            shutil.copyfile(src, out / name)
        elif how == "gunzip":
            (out / name).write_bytes(gzip.decompress(src.read_bytes()))
        elif how == "metadata":
            (out / name).write_bytes(src.read_bytes().split(b"\n\n", 1)[1])
        else:
            raise ValueError(f"unknown transform {how!r} for {name}")


# --- helpers of the Markdown readers ----------------------------------------------------------


def list_item(m: re.Match[str], indents: list[int], inline: Callable[[str], str]) -> tuple:
    """The ("li", level, ordered, number, text) block of a list line matched as (indent, marker,
    text); ``indents``, the indents of the open lists, is updated to give the nesting level."""
    ind = len(m.group(1))
    while indents and indents[-1] > ind:
        indents.pop()
    if not indents or indents[-1] < ind:
        indents.append(ind)
    ordered = m.group(2)[0].isdigit()
    number = int(re.sub(r"\D", "", m.group(2))) if ordered else 0
    return ("li", len(indents) - 1, ordered, number, inline(m.group(3)))


def extend_item(item: tuple, line: str, inline: Callable[[str], str]) -> tuple:
    """A list item block with a continuation line added to its text."""
    kind, level, ordered, number, text = item
    return (kind, level, ordered, number, inline(text + " " + line))


def table_row(line: str, inline: Callable[[str], str]) -> list[str] | None:
    """The cells of a '| a | b |' table line, or None for its '|---|:--:|' separator line."""
    cells = [inline(c) for c in line.strip().strip("|").split("|")]
    return None if all(re.fullmatch(r":?-+:?", c) for c in cells) else cells


# --- PDF --------------------------------------------------------------------------------------


class PagedPDF(FPDF):
    """A PDF with the document title at the top of every page but the first, and page numbers."""

    doc_title = ""

    def header(self) -> None:
        if self.page_no() > 1:
            self.set_font("Helvetica", "I", 8)
            self.set_text_color(110)
            self.cell(0, 6, self.doc_title, align="R", new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0)
            self.ln(2)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(110)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0)


def start_pdf(pdf: FPDF, title: str, author: str, subject: str, creator: str,
              keywords: str | None, margins: tuple[float, float, float], bottom: float) -> FPDF:
    """Metadata with the fixed creation date ("<creator> (fpdf2)" as creator), margins
    (left, top, right), the bottom margin of the automatic page break, and the first page."""
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_subject(subject)
    if keywords is not None:
        pdf.set_keywords(keywords)
    pdf.set_creator(f"{creator} (fpdf2)")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_margins(*margins)
    pdf.set_auto_page_break(True, margin=bottom)
    pdf.add_page()
    return pdf


# --- DOCX -------------------------------------------------------------------------------------


def new_docx(title: str, author: str, subject: str, comments: str,
             keywords: str | None = None) -> docx.document.Document:
    """An empty document with these core properties, the fixed dates and 11 pt body text."""
    d = docx.Document()
    cp = d.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.subject = subject
    cp.comments = comments
    if keywords is not None:
        cp.keywords = keywords
    cp.revision = 1
    naive = FIXED_DATE.replace(tzinfo=None)
    cp.created = naive
    cp.modified = naive
    cp.last_printed = naive
    d.styles["Normal"].font.size = Pt(11)
    return d


def fixed_zip(data: bytes) -> bytes:
    """Rewrite the .docx zip with fixed timestamps, so the bytes do not depend on the clock."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 6, 1, 12, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def save_docx(d: docx.document.Document, path: Path) -> None:
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(fixed_zip(buf.getvalue()))


def docx_list_item(d: docx.document.Document, text: str, ordered: bool, level: int,
                   deepest: int) -> None:
    """A "List Bullet"/"List Number" paragraph; nested levels take the "2", "3" styles, up to
    ``deepest``."""
    style = "List Number" if ordered else "List Bullet"
    if level:
        style += f" {min(level + 1, deepest)}"
    d.add_paragraph(text, style=style)


def docx_code(d: docx.document.Document, text: str, how: str) -> None:
    """A code block in 9 pt Courier New: "run" = one paragraph with one run (its line ends
    become breaks), "breaks" = one paragraph with a run for each line and a break after each
    but the last, "lines" = a "No Spacing" paragraph for each line."""
    if how == "run":
        runs = [d.add_paragraph().add_run(text)]
    elif how == "breaks":
        para = d.add_paragraph()
        runs = []
        for i, line in enumerate(text.split("\n")):
            runs.append(para.add_run(line))
            if i < text.count("\n"):
                runs[-1].add_break()
    elif how == "lines":
        runs = [d.add_paragraph(style="No Spacing").add_run(line) for line in text.split("\n")]
    else:
        raise ValueError(f"unknown code layout {how!r}")
    for run in runs:
        run.font.name = "Courier New"
        run.font.size = Pt(9)


def docx_table(d: docx.document.Document, header: list[str], rows: list[list[str]], style: str,
               gap: bool) -> None:
    """A table with a bold header row; ``gap``: an empty paragraph after it."""
    t = d.add_table(rows=1, cols=len(header))
    t.style = style
    for cell, text in zip(t.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for r in rows:
        for cell, text in zip(t.add_row().cells, r, strict=True):
            cell.text = text
    if gap:
        d.add_paragraph()


# --- blocks to PDF and DOCX -------------------------------------------------------------------


def _title(blocks: list[tuple], src: Path) -> str:
    return blocks[0][1] if blocks[0][0] == "title" else src.stem


@dataclass(frozen=True)
class Writer:
    """Writes a reader's blocks as PDF and DOCX files; ``creator`` (the generating script) is
    named in the PDF metadata. The defaults are the layout of most sets."""

    creator: str
    margins: tuple[float, float, float] = (24, 22, 24)  # PDF left, top, right (mm)
    bottom: float = 24  # PDF bottom margin (automatic page break)
    size: float = 11  # PDF body text: font size, line height, space after a paragraph
    leading: float = 5.6
    gap: float = 2.4
    headings: dict[str, float] = field(default_factory=lambda: {"h1": 14, "h2": 11.5})
    code_lines: bool = True  # PDF: a cell for each code line (else one for the whole block)
    docx_code: str = "run"  # see docx_code
    deepest_list: int = 2  # DOCX: the deepest "List Bullet N" style used
    table_gap: bool = False  # DOCX: an empty paragraph after a table

    def pdf(self, blocks: list[tuple], path: Path, title: str, author: str, subject: str,
            keywords: str) -> None:
        pdf = PagedPDF(format="A4")
        pdf.core_fonts_encoding = "windows-1252"
        pdf.doc_title = title
        start_pdf(pdf, title, author, subject, self.creator, keywords, self.margins, self.bottom)
        w = pdf.w - pdf.l_margin - pdf.r_margin
        for block in blocks:
            kind = block[0]
            if kind == "title":
                pdf.set_font("Helvetica", "B", 20)
                pdf.multi_cell(w, 9, block[1], new_x="LMARGIN", new_y="NEXT")
                pdf.ln(4)
            elif kind in self.headings:
                pdf.ln(3)
                pdf.set_font("Helvetica", "B", self.headings[kind])
                pdf.multi_cell(w, 7, block[1], new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1.5)
            elif kind in ("p", "quote"):
                pdf.set_font("Helvetica", "I" if kind == "quote" else "", self.size)
                indent = 6 if kind == "quote" else 0
                pdf.set_x(pdf.l_margin + indent)
                pdf.multi_cell(w - indent, self.leading, block[1], new_x="LMARGIN", new_y="NEXT")
                pdf.ln(self.gap)
            elif kind == "li":
                _, level, ordered, number, text = block
                indent = 5 + 7 * level
                marker = f"{number}." if ordered else ("\u2022" if level == 0 else "\u2013")
                pdf.set_font("Helvetica", "", self.size)
                pdf.set_x(pdf.l_margin + indent)
                pdf.cell(7, self.leading, marker)
                pdf.multi_cell(w - indent - 7, self.leading, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1)
            elif kind == "code":
                pdf.set_font("Courier", "", 9)
                for line in block[1].split("\n") if self.code_lines else [block[1]]:
                    pdf.set_x(pdf.l_margin + 5)
                    pdf.multi_cell(w - 5, 4.6, line or " ", new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2.4)
            elif kind == "table":
                _, header, rows = block
                pdf.set_font("Helvetica", "", 9)
                with pdf.table(first_row_as_headings=True, line_height=5) as t:
                    for r in [header, *rows]:
                        row = t.row()
                        for c in r:
                            row.cell(c)
                pdf.ln(3)
            else:
                raise ValueError(f"no PDF layout for a {kind!r} block")
        path.write_bytes(bytes(pdf.output()))

    def generated(self, out: Path, read: Callable[[Path], list[tuple] | None],
                  pdfs: list[tuple], docxs: list[tuple]) -> None:
        """A set's PDF ``(name, source, author, subject, keywords)`` and DOCX ``(name, source,
        author, subject, comments, keywords)`` files, each made of its source's blocks as
        ``read`` makes them (``None``: not on this machine), titled by its first block when that
        is a title, else by its source's stem; the PDFs in Windows-1252 (``cp1252_only``)."""
        for name, src, author, subject, keywords in pdfs:
            if (blocks := read(src)) is not None:
                self.pdf([cp1252_only(b) for b in blocks], out / name, _title(blocks, src),
                         author, subject, keywords)
        for name, src, author, subject, comments, keywords in docxs:
            if (blocks := read(src)) is not None:
                self.docx(blocks, out / name, _title(blocks, src), author, subject, comments,
                          keywords)

    def docx(self, blocks: list[tuple], path: Path, title: str, author: str, subject: str,
             comments: str, keywords: str) -> None:
        d = new_docx(title, author, subject, comments, keywords)
        for block in blocks:
            kind = block[0]
            if kind == "title":
                d.add_paragraph(block[1], style="Title")
            elif kind in ("h1", "h2", "h3"):
                d.add_heading(block[1], level=int(kind[1]))
            elif kind == "p":
                d.add_paragraph(block[1])
            elif kind == "quote":
                d.add_paragraph(block[1], style="Quote")
            elif kind == "li":
                _, level, ordered, _number, text = block
                docx_list_item(d, text, ordered, level, self.deepest_list)
            elif kind == "code":
                docx_code(d, block[1], self.docx_code)
            elif kind == "table":
                _, header, rows = block
                docx_table(d, header, rows, "Light Grid Accent 1", self.table_gap)
            else:
                raise ValueError(f"no DOCX layout for a {kind!r} block")
        save_docx(d, path)


# --- sources read from PyPI sdists (make_docs_blind13.py on) --------------------------------

SDISTS = Path(os.environ.get("QABOT_SDISTS", Path.home() / ".cache" / "qabot-sdists"))
_UNPACKED: list[Path] = []  # the temporary folder members are unpacked into, made once


def sdist(tarball: str, member: str) -> Path:
    """The path of ``member`` of the sdist ``SDISTS/tarball``, unpacked alone into a temporary
    folder (removed at exit); a path that does not exist (reported when used) if the tarball or
    the member is missing."""
    out = _unpacked() / tarball / member
    src = SDISTS / tarball
    if not src.is_file():
        print(f"missing sdist: {src} (see this script's docstring for the pip download command)",
              file=sys.stderr)
        return out
    with tarfile.open(src) as tar:
        _extract(tar, member, out)
    return out


def _unpacked() -> Path:
    """The temporary folder members are unpacked into, made at the first (removed at exit)."""
    if not _UNPACKED:
        _UNPACKED.append(Path(tempfile.mkdtemp(prefix="make_docs-")))
        atexit.register(shutil.rmtree, _UNPACKED[0], True)
    return _UNPACKED[0]


def _extract(tar: tarfile.TarFile, member: str, out: Path) -> None:
    """``member`` of ``tar`` written to ``out``, when ``tar`` holds it as a file."""
    try:
        data = tar.extractfile(member)
    except KeyError:
        data = None
    if data is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data.read())


def deb(debs: Path, package: str, member: str) -> Path:
    """The path of ``member`` (as ``./usr/...``) of the Debian package ``debs/package`` (an ar
    archive whose ``data.tar.xz`` holds the files), unpacked alone into the temporary folder
    of the sdists' members (removed at exit); a path that does not exist (reported when used)
    if either is missing."""
    out = _unpacked() / package / member
    src = debs / package
    if not src.is_file():
        print(f"missing package: {src} (see this script's docstring for apt-get download)",
              file=sys.stderr)
        return out
    data = src.read_bytes()
    pos = 8  # after b"!<arch>\n"
    while pos + 60 <= len(data):
        name = data[pos:pos + 16].decode().strip().rstrip("/")
        size = int(data[pos + 48:pos + 58].decode().strip())
        body = data[pos + 60:pos + 60 + size]
        if name == "data.tar.xz":
            with tarfile.open(fileobj=io.BytesIO(lzma.decompress(body))) as tar:
                _extract(tar, member, out)
            break
        pos += 60 + size + size % 2
    return out


def read_sphinx_rst(src: Path, role_names: Sequence[str], option: bool = False
                    ) -> list[tuple] | None:
    """``docreaders.read_rst``'s blocks of a Sphinx page that also uses roles plain docutils
    and docreaders.py do not know (``role_names``: shown as their text, ``title <target>`` as
    ``title``) and Sphinx's directives ``versionadded``, ``versionchanged`` and ``seealso``
    (their content read as the body it is) and ``index`` (dropped); with ``option``, Sphinx's
    ``option`` directive too (its argument a paragraph, then its content)."""
    from docreaders import read_rst
    from docutils import nodes
    from docutils.parsers.rst import Directive, directives, roles

    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        m = re.fullmatch(r"(.*?)\s*<[^<>]*>", text, re.S)
        return [nodes.literal(rawtext, m.group(1) if m else text)], []

    class Body(Directive):
        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True

        def run(self):
            node = nodes.container()
            self.state.nested_parse(self.content, self.content_offset, node)
            return node.children

    class Dropped(Directive):
        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True

        def run(self):
            return []

    class Option(Directive):
        required_arguments = 1
        final_argument_whitespace = True
        has_content = True

        def run(self):
            node = nodes.container()
            node += nodes.paragraph(self.arguments[0], self.arguments[0])
            self.state.nested_parse(self.content, self.content_offset, node)
            return node.children

    for name in role_names:
        roles.register_local_role(name, role)
    for name in ("versionadded", "versionchanged", "seealso"):
        directives.register_directive(name, Body)
    if option:
        directives.register_directive("option", Option)
    directives.register_directive("index", Dropped)
    return read_rst(src)
