#!/usr/bin/env python3
"""Build tests/data/docs_blind22/: a twenty-second held-out set (20 files), written without
running qabot, to measure it on documents and questions nobody tuned on -- a sample of the
kind issue 10 names: several chapters of one HTML manual (Mako's documentation as Sphinx
publishes it: usage, syntax, defs and blocks, the runtime environment, inheritance, filtering
and buffering, caching, the Unicode chapter), Markdown design documents and references (Lark's
philosophy, grammar reference, parsers, tree construction reference and how-to guide),
release notes (Lark's v1.0 changelog, the ASDF Standard's CHANGES), licences and policies
(Lark's MIT licence, the ASDF Standard's BSD licence, the asdf-format Code of Conduct), a PDF
specification (the ASDF low-level file layout) and a DOCX memo to contributors (Lark's "How to
develop Lark" guide).

* 18 files are copied byte for byte (``.html``, ``.md``, ``.rst``, ``.txt``) from three PyPI
  sdists (below).
* 1 PDF file (fpdf2) and 1 DOCX file (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by tests/data/docreaders.py's ``read_rst``
  (through ``docsgen.read_sphinx_rst``) and ``read_markdown`` -- the words are the sources';
  only their markup is turned into headings, paragraphs, list items, code and tables.

The PyPI sdists (Mako 1.4.3, Lark 1.3.1, asdf-standard 1.5.0) are read from ``SDISTS`` (the
folder given by the environment variable QABOT_SDISTS, default ~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        mako==1.4.3 lark==1.3.1 asdf_standard==1.5.0

puts them; their members are read straight from the tarballs (SHA-256 in docs_blind22.md).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind22.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind22.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import docreaders
import docsgen
from docsgen import sdist

MAKO = "mako-1.4.3.tar.gz"
LARK = "lark-1.3.1.tar.gz"
ASDF = "asdf_standard-1.5.0.tar.gz"

MAKO_HTML = "mako-1.4.3/doc"
LARK_DIR = "lark-1.3.1"
ASDF_DIR = "asdf_standard-1.5.0"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("mako-usage.html", sdist(MAKO, f"{MAKO_HTML}/usage.html"), "copy"),
    ("mako-syntax.html", sdist(MAKO, f"{MAKO_HTML}/syntax.html"), "copy"),
    ("mako-defs.html", sdist(MAKO, f"{MAKO_HTML}/defs.html"), "copy"),
    ("mako-runtime.html", sdist(MAKO, f"{MAKO_HTML}/runtime.html"), "copy"),
    ("mako-inheritance.html", sdist(MAKO, f"{MAKO_HTML}/inheritance.html"), "copy"),
    ("mako-filtering.html", sdist(MAKO, f"{MAKO_HTML}/filtering.html"), "copy"),
    ("mako-caching.html", sdist(MAKO, f"{MAKO_HTML}/caching.html"), "copy"),
    ("mako-unicode.html", sdist(MAKO, f"{MAKO_HTML}/unicode.html"), "copy"),
    ("lark-philosophy.md", sdist(LARK, f"{LARK_DIR}/docs/philosophy.md"), "copy"),
    ("lark-grammar.md", sdist(LARK, f"{LARK_DIR}/docs/grammar.md"), "copy"),
    ("lark-parsers.md", sdist(LARK, f"{LARK_DIR}/docs/parsers.md"), "copy"),
    ("lark-tree-construction.md", sdist(LARK, f"{LARK_DIR}/docs/tree_construction.md"), "copy"),
    ("lark-how-to-use.md", sdist(LARK, f"{LARK_DIR}/docs/how_to_use.md"), "copy"),
    ("lark-changelog.md", sdist(LARK, f"{LARK_DIR}/CHANGELOG.md"), "copy"),
    ("lark-license.txt", sdist(LARK, f"{LARK_DIR}/LICENSE"), "copy"),
    ("asdf-standard-changes.rst", sdist(ASDF, f"{ASDF_DIR}/CHANGES.rst"), "copy"),
    ("asdf-license.txt", sdist(ASDF, f"{ASDF_DIR}/LICENSE"), "copy"),
    ("asdf-code-of-conduct.md", sdist(ASDF, f"{ASDF_DIR}/CODE_OF_CONDUCT.md"), "copy"),
]


# the Sphinx role the file layout page uses beyond docreaders.py's, read as its text
SPHINX_ROLES = ("ref",)


def read_sphinx_rst(src: Path) -> list[tuple] | None:
    """``docsgen.read_sphinx_rst`` with the Sphinx role the file layout page uses."""
    return docsgen.read_sphinx_rst(src, SPHINX_ROLES)


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("asdf-file-layout.pdf", read_sphinx_rst,
     sdist(ASDF, f"{ASDF_DIR}/docs/source/file_layout.rst"), "ASDF Standard developers",
     "ASDF Standard: Low-level file layout (docs/source/file_layout.rst of asdf-standard 1.5.0)",
     "ASDF, file format, specification, header, blocks, YAML tree, block index"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("lark-how-to-develop.docx", docreaders.read_markdown,
     sdist(LARK, f"{LARK_DIR}/docs/how_to_develop.md"), "Lark developers",
     "Lark: How to develop Lark (docs/how_to_develop.md)",
     "Rendered from Lark's docs/how_to_develop.md (sdist of lark 1.3.1); MIT License",
     "Lark, development, code style, unit tests, tox, pytest, documentation, memo"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind22.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind22", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
