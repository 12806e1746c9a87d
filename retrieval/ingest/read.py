"""One file -> ``Parsed``: the reader its format calls for, and the text's encoding.

========================  =========================================================
``.txt`` ``.text``        plain text (``text.py``); markup in it is read as HTML, an
                          AsciiDoc source as AsciiDoc, LaTeX as LaTeX
``.md`` ``.markdown``     Markdown, CommonMark (``markdown.py``; ``.mkd``, ``.mdown``,
                          ``.mkdn``, ``.mdwn`` too)
``.rst`` ``.rest``        reStructuredText, with docutils (``rst.py``)
``.adoc`` ``.asciidoc``   AsciiDoc (``asciidoc.py``)
``.tex`` ``.ltx``         a LaTeX source, as it renders (``latex.py``; a ``.txt`` of
                          LaTeX too)
``.html`` ``.htm``        HTML (``html.py``; ``.xhtml``, ``.xht`` too)
``.pdf``                  PDF, page by page (``pdf.py``)
``.docx``                 Word (``docx.py``)
``.odt``                  OpenDocument text (``odt.py``)
``.epub``                 an e-book, chapters in spine order (``epub.py``)
``.pptx``                 a PowerPoint presentation, slide by slide (``pptx.py``)
``.eml``                  one saved e-mail (``eml.py``, ``mailmessage.py``)
``.mbox``                 a mail archive, a document a message (``mbox.py``)
``.csv`` ``.tsv``         a table saved as text, a row a block (``delimited.py``)
``.rtf``                  Rich Text Format, with striprtf (``rtf.py``)
``.bib``                  a BibTeX database, an entry a section (``bibtex.py``)
``LICENSE``, ``README``   a project's documentation files, named without a format's
``COPYING``, ``NEWS`` ...  extension (``DOC_NAME_RE``): plain text
========================  =========================================================

Text is UTF-8 (a byte-order mark is allowed), UTF-16/UTF-32 with a byte-order mark (what
Windows editors save as "Unicode"), or a legacy encoding (Windows-1252, Latin-1, KOI8-R, ...)
that charset-normalizer detects; that one is read with a note naming it, for the loader's
warning. UTF-8 with a few bytes that are not (a file cut mid-character, a stray byte) is read as
UTF-8, those bytes replaced with U+FFFD, with a note saying how many. A YAML front matter
opening a text file gives metadata and is not part of the text. Of a text over 16 million
characters, that many are read, with a note saying so (``textsize``).
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from .asciidoc import looks_like_asciidoc, read_asciidoc
from .blocks import Parsed
from .decoding import CONTROL_RE, decode
from .html import read_html
from .htmltags import looks_like_html
from .latex import looks_like_latex, read_latex
from .meta import front_matter
from .rstsigns import looks_like_rst
from .subtitle import subtitled
from .terms import lone_terms
from .text import read_plain
from .textsize import bounded_bytes, bounded_text

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
           ".mkd": "markdown", ".mdown": "markdown", ".mkdn": "markdown", ".mdwn": "markdown",
           ".rst": "rst", ".rest": "rst", ".html": "html", ".htm": "html", ".xhtml": "html",
           ".xht": "html", ".pdf": "pdf", ".docx": "docx", ".adoc": "asciidoc",
           ".asciidoc": "asciidoc", ".tex": "latex", ".ltx": "latex", ".odt": "odt",
           ".epub": "epub", ".eml": "email", ".mbox": "mbox", ".csv": "csv", ".tsv": "tsv",
           ".rtf": "rtf", ".bib": "bibtex", ".pptx": "pptx"}
# the formats whose files are not text: each reader decodes what it reads itself; its module
# and function, imported only for a corpus that has its files (pypdf, python-docx with lxml,
# striprtf: libraries a corpus of text never loads)
_BINARY = {"pdf": ("pdf", "read_pdf"), "docx": ("docx", "read_docx"), "odt": ("odt", "read_odt"),
           "epub": ("epub", "read_epub"), "email": ("eml", "read_eml"),
           "mbox": ("mbox", "read_mbox"), "rtf": ("rtf", "read_rtf"),
           "pptx": ("pptx", "read_pptx")}
SUFFIXES = tuple(FORMATS)
# The files a project ships its documentation in without a format's extension ("LICENSE",
# "COPYING", "README.Debian", "LICENSE-MIT", "NEWS", "ChangeLog"): read as plain text. Other
# files without one (a Makefile, a script, a binary) are not documents.
DOC_NAME_RE = re.compile(
    r"(?:licen[cs]e|copying|copyright|readme|news|changes|change_?log|history|authors|"
    r"contributors|contributing|credits|thanks|install|notice|patents|security|faq|bugs|"
    r"hacking|todo|maintainers|upgrading|release[-_]?notes)(?:[-_.][\w.-]*)?", re.IGNORECASE)
# ... unless their last extension names another format ("changelog.Debian.gz", "NEWS.json")
_NOT_PLAIN = frozenset(
    ".gz .bz2 .xz .zst .zip .tar .tgz .7z .png .jpg .gif .svg .json .yaml .yml .toml .py .sh "
    ".js .css .xml .in .cfg .doc .odt .rtf .tex .org .asc .sig".split())


def format_of(name: str) -> str | None:
    """The format a file named ``name`` is read as (a value of ``FORMATS``), or ``None`` when
    qabot does not read it."""
    dot = name.rfind(".")
    suffix = name[dot:].lower() if dot > 0 else ""
    if fmt := FORMATS.get(suffix):
        return fmt
    return "text" if suffix not in _NOT_PLAIN and DOC_NAME_RE.fullmatch(name) else None


def base_of(name: str) -> str:
    """``name`` (or a path) without the extension of the format it is read in: "a/b.md" ->
    "a/b", "LICENSE" -> "LICENSE", "README.Debian" -> "README.Debian"."""
    dot = name.rfind(".")
    cut = dot > max(name.rfind("/"), name.rfind(os.sep)) + 1 and name[dot:].lower() in FORMATS
    return name[:dot] if cut else name


def read_file(path: Path, refuse: Callable[[Path], str | None] | None = None) -> Parsed:
    """Read one document file; raises ``ValueError`` saying why it cannot be used. ``refuse``
    says why the file opened (by its real path, links followed) may not be read."""
    fmt = format_of(path.name)
    if fmt is None:
        raise ValueError(f"not a format qabot reads ({path.suffix or 'no extension'})")
    data = regular_bytes(path, refuse)
    if not data.strip():
        raise ValueError("empty file")
    if data.startswith(b"%PDF-") and fmt != "pdf":
        fmt = "pdf"  # a PDF whatever its name says ("report-pdf.txt"): read as the PDF it is
    return parse(data, fmt)


def regular_bytes(path: Path, refuse: Callable[[Path], str | None] | None = None) -> bytes:
    """The bytes of the regular file at ``path``, checked as it is opened, not only when the
    folder was walked: a file replaced while the corpus is read by a named pipe (which a read
    waits on for ever) or a device is refused, and so is one ``refuse`` gives a reason for (a
    link put in its place leading out of the corpus: "/etc/shadow" was read and quoted)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ValueError("not a regular file (a named pipe or a device)")
        if refuse is not None and (why := refuse(_opened(fd, path))):
            raise ValueError(f"it {why}: not read")
        return f.read()


def _opened(fd: int, path: Path) -> Path:
    """The real path of the file open as ``fd`` (the system's own record of it, where it
    keeps one: not the name's, which may lead elsewhere by now)."""
    try:
        return Path(os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        return Path(os.path.realpath(path))


def parse(data: bytes, fmt: str) -> Parsed:
    """``data`` read as format ``fmt`` (a value of ``FORMATS``); in a document (no web page), a
    subtitle read as text (``subtitle.subtitled``) and a definition list set as paragraphs
    read as one (``terms.lone_terms``)."""
    parsed = _read(data, fmt)
    for one in (parsed, *(part for _, part in parsed.parts)):
        if fmt in _BINARY:  # (a text format's text is made printable as it is decoded)
            one.blocks = [dataclasses.replace(b, text=printable(b.text),
                                              section=tuple(map(printable, b.section)))
                          for b in one.blocks]
            one.meta = {k: printable(v) for k, v in one.meta.items()}
        if not one.web:
            one.blocks = lone_terms(subtitled(one.blocks))
    return parsed


def _read(data: bytes, fmt: str) -> Parsed:
    if fmt in _BINARY:
        return _read_binary(data, fmt)
    kept = bounded_bytes(data)
    text, encoding = decode(kept)
    text, cut = bounded_text(text, len(data), len(kept) < len(data))
    text = printable(text)
    front, text = ({}, text) if fmt in ("csv", "tsv", "bibtex") else front_matter(text)
    if fmt == "bibtex":
        from .bibtex import read_bibtex

        parsed = read_bibtex(text)
    elif fmt in ("csv", "tsv"):
        from .delimited import read_delimited

        parsed = read_delimited(text, "\t" if fmt == "tsv" else None)
    elif fmt == "html" or (fmt == "text" and looks_like_html(text)):
        parsed = read_html(text)
        if not parsed.blocks:
            raise ValueError("an HTML page with no text")
    elif fmt == "rst" or (fmt == "text" and looks_like_rst(text)):
        from .rst import read_rst  # docutils only for a corpus with reStructuredText files

        parsed = read_rst(text)
    elif fmt == "asciidoc" or (fmt == "text" and looks_like_asciidoc(text)):
        parsed = read_asciidoc(text)
    elif fmt == "latex" or (fmt == "text" and looks_like_latex(text)):
        parsed = read_latex(text)
    elif fmt == "markdown":
        from .markdown import read_markdown  # markdown-it only for a corpus with Markdown files

        parsed = read_markdown(text)
    else:
        parsed = read_plain(text)
    parsed.meta = {**parsed.meta, **front}
    parsed.raw = text
    if encoding:
        parsed.notes.append(f"read as {encoding}")
    if cut:
        parsed.notes.append(cut)
    return parsed


def _read_binary(data: bytes, fmt: str) -> Parsed:
    """``data`` read by the reader of a format that is not plain text (``_BINARY``), its
    module imported only now."""
    module, function = _BINARY[fmt]
    read: Callable[[bytes], Parsed] = getattr(import_module(f".{module}", __package__), function)
    return read(data)


# Typographic ligatures (a PDF's "ﬁ", "ﬀ", "ﬃ"), which a reader reads as their letters and no
# question is typed in: "ﬁrst ﬁre" met no "first fire"; and soft hyphens (U+00AD, a word
# processor's hyphenation hint, shown only where a line breaks), which cut a word in two for the
# index: a Word file's "organi\xadsation" met no question's "organisation"
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\xad": ""})
# A terminal's escape sequences (ECMA-48: a colour's "ESC [ 31 m", a cursor move), which a
# terminal acts on and shows nothing of: a log saved with its colours, a question pasted from a
# terminal. Without the escape itself, their parameters were left as text ("[31mCSTO"); a
# string's (a window title's "ESC ] 0;title BEL", a link's "ESC ] 8;;URL ESC \\") ends at BEL or
# "ESC \\", on its line, and its text was glued to the next word ("0;titlewho").
_TERMINAL_ESCAPE_RE = re.compile(
    "\x1b(?:[\\]PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\\\)|\\[[0-?]*[ -/]*[@-~]|[@-Z\\\\-_])")
# UTF-16 surrogates, which no Unicode text holds alone and the index cannot write: an RTF's emoji
# (two ``\u`` escapes, the halves of its UTF-16 pair, as Word writes it) was a traceback at each
# build and question. A pair is read as its character, a lone half as "�".
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# Bidirectional embeddings and overrides: one in a title or a file name turned the rest of a
# Sources line around on screen (``sidecar.read_meta``, ``bot.render.shown``)
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` as a reader reads it: ligatures as their letters, UTF-16 surrogates paired
    (``_SURROGATE_RE``), without soft hyphens or control characters
    (a NUL past the first 8 KB was quoted as "\\u0000"), and in Unicode's composed form (NFC):
    text saved by macOS tools, some PDF extractions and Vietnamese "tổ hợp" keyboards writes
    "ö" as "o" and a combining diaeresis, which reads the same and matched no question typed
    composed ("Köln" was "köln" where "Köln" composed is "koln")."""
    if "\x1b" in text:
        text = _TERMINAL_ESCAPE_RE.sub("", text)
    if text.isascii():
        return CONTROL_RE.sub("", text)
    if _SURROGATE_RE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    text = text.translate(_LIGATURES)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return CONTROL_RE.sub("", text)


__all__ = ["BIDI_CONTROLS", "DOC_NAME_RE", "FORMATS", "SUFFIXES", "base_of", "decode", "format_of",
           "parse", "printable", "read_file", "regular_bytes"]
