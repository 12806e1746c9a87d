#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind20/: a twentieth held-out set (20 files), written without
running qabot, to measure it on documents and questions nobody tuned on -- a sample of the
kind issue 10 names: several chapters of one HTML manual (SQLite's documentation as the
sqlite3-doc package ships it: when to use SQLite, the FAQ, datatypes, AUTOINCREMENT,
write-ahead logging, how to corrupt a database, quirks, foreign keys), enhancement proposals
(three of Numba's NBEPs: integer typing, JIT classes, cfunc), release notes (Numba 0.64.0's;
the Hatch 1.18.0 release post), licences and policies (SQLite's copyright page, its code of
ethics, Numba's AI tools policy), two more Markdown pages of Hatch's documentation (why Hatch,
its FAQ), a PDF specification (SQLite's database file format) and a DOCX memo to users (the
Hatch 1.8.0 release announcement).

* 18 files are copied byte for byte (``.html``, ``.rst``, ``.md``) from one Debian package
  and two PyPI sdists (below).
* 1 PDF file (fpdf2) and 1 DOCX file (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by docsgen.py's ``HtmlBlocks`` (the
  file-format page's body without its menus and table of contents) and tests/data/
  docreaders.py's ``read_markdown`` -- the words are the sources'; only their markup is
  turned into headings, paragraphs, list items, code and tables.

The PyPI sdists (Hatch 1.18.2, Numba 0.68.1) are read from ``SDISTS`` (the folder given by
the environment variable QABOT_SDISTS, default ~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary hatch,numba -d ~/.cache/qabot-sdists \
        hatch==1.18.2 numba==0.68.1

puts them, and the Debian package (bookworm) from ``DEBS`` (QABOT_DEBS, default
~/.cache/qabot-debs), where::

    cd ~/.cache/qabot-debs && apt-get download sqlite3-doc=3.40.1-2+deb12u2

puts it; the members of both are read straight from the archives (SHA-256 in
docs_blind20.md).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts); ``deb`` is make_docs_blind19.py's.

Provenance and licences: tests/data/docs_blind20.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, markdown-it-py
    python tests/data/make_docs_blind20.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import docreaders
import docsgen
from docsgen import sdist

HATCH = "hatch-1.18.2.tar.gz"
NUMBA = "numba-0.68.1.tar.gz"
SQLITE_DOC = "sqlite3-doc_3.40.1-2+deb12u2_all.deb"

DEBS = Path(os.environ.get("QABOT_DEBS", Path.home() / ".cache" / "qabot-debs"))


def deb(package: str, member: str) -> Path:
    """``docsgen.deb`` of this script's ``DEBS``."""
    return docsgen.deb(DEBS, package, member)


SQLITE = "./usr/share/doc/sqlite3"
HATCH_DOCS = "hatch-1.18.2/docs"
NUMBA_DOCS = "numba-0.68.1/docs/source"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("sqlite-when-to-use.html", deb(SQLITE_DOC, f"{SQLITE}/whentouse.html"), "copy"),
    ("sqlite-faq.html", deb(SQLITE_DOC, f"{SQLITE}/faq.html"), "copy"),
    ("sqlite-datatypes.html", deb(SQLITE_DOC, f"{SQLITE}/datatype3.html"), "copy"),
    ("sqlite-autoincrement.html", deb(SQLITE_DOC, f"{SQLITE}/autoinc.html"), "copy"),
    ("sqlite-wal.html", deb(SQLITE_DOC, f"{SQLITE}/wal.html"), "copy"),
    ("sqlite-how-to-corrupt.html", deb(SQLITE_DOC, f"{SQLITE}/howtocorrupt.html"), "copy"),
    ("sqlite-quirks.html", deb(SQLITE_DOC, f"{SQLITE}/quirks.html"), "copy"),
    ("sqlite-foreign-keys.html", deb(SQLITE_DOC, f"{SQLITE}/foreignkeys.html"), "copy"),
    ("sqlite-copyright.html", deb(SQLITE_DOC, f"{SQLITE}/copyright.html"), "copy"),
    ("sqlite-code-of-ethics.html", deb(SQLITE_DOC, f"{SQLITE}/codeofethics.html"), "copy"),
    ("numba-nbep-integer-typing.rst", sdist(NUMBA, f"{NUMBA_DOCS}/proposals/integer-typing.rst"), "copy"),
    ("numba-nbep-jit-classes.rst", sdist(NUMBA, f"{NUMBA_DOCS}/proposals/jit-classes.rst"), "copy"),
    ("numba-nbep-cfunc.rst", sdist(NUMBA, f"{NUMBA_DOCS}/proposals/cfunc.rst"), "copy"),
    ("numba-ai-tools-policy.rst", sdist(NUMBA, f"{NUMBA_DOCS}/reference/ai_tools_policy.rst"), "copy"),
    ("numba-0.64.0-notes.rst", sdist(NUMBA, f"{NUMBA_DOCS}/release/0.64.0-notes.rst"), "copy"),
    ("hatch-1.18.0-release.md", sdist(HATCH, f"{HATCH_DOCS}/blog/posts/release-hatch-1180.md"), "copy"),
    ("hatch-why.md", sdist(HATCH, f"{HATCH_DOCS}/why.md"), "copy"),
    ("hatch-faq.md", sdist(HATCH, f"{HATCH_DOCS}/meta/faq.md"), "copy"),
]


def _sqlite_chrome(tag: str, attrs: dict[str, str | None]) -> bool:
    """An SQLite page's menus, title box and table of contents (all in ``nosearch`` divisions),
    its scripts, and its centred "last modified" line."""
    return ((tag == "div" and attrs.get("class") == "nosearch") or tag in ("script", "style")
            or (tag == "p" and attrs.get("align") == "center"))


def read_sqlite_html(src: Path) -> list[tuple] | None:
    """The blocks of an SQLite documentation page: the text of its ``fancy_title`` box the
    title, then its body without the menus and the table of contents."""
    if not src.is_file():
        print(f"missing source, not read: {src}", file=sys.stderr)
        return None
    text = src.read_text(encoding="utf-8")
    reader = docsgen.HtmlBlocks("body", False, _sqlite_chrome)
    reader.feed(text)
    m = re.search(r'<div class="fancy_title">\s*(.*?)\s*</div>', text, re.S)
    title = [("title", re.sub(r"\s+", " ", m.group(1)))] if m else []
    return title + reader.blocks


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("sqlite-file-format.pdf", read_sqlite_html,
     deb(SQLITE_DOC, f"{SQLITE}/fileformat2.html"), "D. Richard Hipp",
     "SQLite: Database File Format (fileformat2.html, sqlite3-doc 3.40.1-2+deb12u2)",
     "SQLite, database file format, b-tree, pages, specification"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("hatch-1.8.0-announcement.docx", docreaders.read_markdown,
     sdist(HATCH, f"{HATCH_DOCS}/blog/posts/release-hatch-180.md"), "Ofek Lev",
     "Hatch v1.8.0 release announcement (docs/blog/posts/release-hatch-180.md)",
     "Rendered from Hatch's blog post on the 1.8.0 release (sdist of hatch 1.18.2); MIT License",
     "Hatch, release, Python management, installers, memo"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind20.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind20", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
