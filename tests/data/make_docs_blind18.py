#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind18/: an eighteenth held-out set (20 files), written without
running qabot, to measure it on documents and questions nobody tuned on -- a sample of the
kind issue 10 names: several chapters of one HTML manual (Roundup's documentation as Sphinx
publishes it: features, overview, user guide, FAQ, glossary, security, the MySQL and
PostgreSQL backends, XML-RPC), Markdown design proposals and a Markdown specification (xarray's
design notes on flexible indexes, Grouper objects and NamedArray; its Zarr encoding
specification), release notes (nbformat's changelog, Roundup's release announcement),
licences and policies (Roundup's COPYING with its MIT, ZPL and PSF parts; xarray's AI policy and
core team guide), a PDF specification (the Jupyter notebook file format) and a DOCX memo to
users (xarray's DataTree migration guide).

* 18 files are copied byte for byte (``.html``, ``.md``, ``.txt``) from three PyPI sdists
  (below).
* 1 PDF file (fpdf2) and 1 DOCX file (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by tests/data/docreaders.py's ``read_rst``
  (through ``docsgen.read_sphinx_rst``) and ``read_markdown`` -- the words are the sources';
  only their markup is turned into headings, paragraphs, list items, code and tables.

The PyPI sdists (Roundup 2.6.0, xarray 2026.9.0, nbformat 5.11.1) are read from ``SDISTS`` (the
folder given by the environment variable QABOT_SDISTS, default ~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        roundup==2.6.0 xarray==2026.9.0 nbformat==5.11.1

puts them; their members are read straight from the tarballs (SHA-256 in docs_blind18.md).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind18.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind18.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import docreaders
import docsgen
from docsgen import sdist

ROUNDUP = "roundup-2.6.0.tar.gz"
XARRAY = "xarray-2026.9.0.tar.gz"
NBFORMAT = "nbformat-5.11.1.tar.gz"

ROUNDUP_HTML = "roundup-2.6.0/share/doc/roundup/html"
XARRAY_DIR = "xarray-2026.9.0"
NBFORMAT_DIR = "nbformat-5.11.1"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("roundup-features.html", sdist(ROUNDUP, f"{ROUNDUP_HTML}/features.html"), "copy"),
    ("roundup-overview.html", sdist(ROUNDUP, f"{ROUNDUP_HTML}/overview.html"), "copy"),
    ("roundup-user-guide.html", sdist(ROUNDUP, f"{ROUNDUP_HTML}/user_guide.html"), "copy"),
    ("roundup-faq.html", sdist(ROUNDUP, f"{ROUNDUP_HTML}/FAQ.html"), "copy"),
    ("roundup-glossary.html", sdist(ROUNDUP, f"{ROUNDUP_HTML}/glossary.html"), "copy"),
    ("roundup-security.html", sdist(ROUNDUP, f"{ROUNDUP_HTML}/security.html"), "copy"),
    ("roundup-mysql.html", sdist(ROUNDUP, f"{ROUNDUP_HTML}/mysql.html"), "copy"),
    ("roundup-postgresql.html", sdist(ROUNDUP, f"{ROUNDUP_HTML}/postgresql.html"), "copy"),
    ("roundup-xmlrpc.html", sdist(ROUNDUP, f"{ROUNDUP_HTML}/xmlrpc.html"), "copy"),
    ("roundup-announcement.txt", sdist(ROUNDUP, "roundup-2.6.0/doc/announcement.txt"), "copy"),
    ("roundup-copying.txt", sdist(ROUNDUP, "roundup-2.6.0/COPYING.txt"), "copy"),
    ("xarray-flexible-indexes.md", sdist(XARRAY, f"{XARRAY_DIR}/design_notes/flexible_indexes_notes.md"), "copy"),
    ("xarray-grouper-objects.md", sdist(XARRAY, f"{XARRAY_DIR}/design_notes/grouper_objects.md"), "copy"),
    ("xarray-named-array.md", sdist(XARRAY, f"{XARRAY_DIR}/design_notes/named_array_design_doc.md"), "copy"),
    ("xarray-zarr-encoding-spec.md", sdist(XARRAY, f"{XARRAY_DIR}/doc/internals/zarr-encoding-spec.md"), "copy"),
    ("xarray-ai-policy.md", sdist(XARRAY, f"{XARRAY_DIR}/doc/contribute/ai-policy.md"), "copy"),
    ("xarray-core-team-guide.md", sdist(XARRAY, f"{XARRAY_DIR}/CORE_TEAM_GUIDE.md"), "copy"),
    ("nbformat-changelog.md", sdist(NBFORMAT, f"{NBFORMAT_DIR}/CHANGELOG.md"), "copy"),
]


# the Sphinx roles the notebook format page uses beyond docreaders.py's, read as their text
SPHINX_ROLES = ("ref", "doc")


def read_sphinx_rst(src: Path) -> list[tuple] | None:
    """``docsgen.read_sphinx_rst`` with the Sphinx roles the format page uses."""
    return docsgen.read_sphinx_rst(src, SPHINX_ROLES)


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("nbformat-format.pdf", read_sphinx_rst,
     sdist(NBFORMAT, f"{NBFORMAT_DIR}/docs/format_description.rst"), "Jupyter Development Team",
     "nbformat: The Notebook file format (docs/format_description.rst of nbformat 5.11.1)",
     "Jupyter, notebook, file format, JSON, specification, nbformat"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("xarray-datatree-migration.docx", docreaders.read_markdown,
     sdist(XARRAY, f"{XARRAY_DIR}/DATATREE_MIGRATION_GUIDE.md"), "xarray developers",
     "xarray: DataTree migration guide (DATATREE_MIGRATION_GUIDE.md)",
     "Rendered from xarray's DATATREE_MIGRATION_GUIDE.md (sdist of xarray 2026.9.0); Apache License 2.0",
     "xarray, DataTree, migration, xarray-datatree, memo"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind18.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind18", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
