#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind26/: a twenty-sixth held-out set (22 files), written without
running qabot, to measure it on documents and questions nobody tuned on -- a sample of the
kind issue 10 names: the chapters of one HTML manual (pyPEG 2's: how to use pyPEG, grammar
elements, the parser engine, the XML backend) and one HTML page of another (Docutils' "Quick
reStructuredText"), enhancement proposals (Docutils' EP 1 and EP 10 and the docstring
conventions PEP it ships, in reST), release notes (Docutils' release notes; PyMdown
Extensions' 8.0 and 9.0 migration notes in Markdown), licences and policies (Docutils'
copying terms, project policies and security guide; PyMdown Extensions' contributing guide),
Markdown manual pages (PyMdown Extensions' FAQ, usage notes, Snippets and Critic pages), a
request for proposals (Enthought's, in Docutils), a PDF specification (PEP 258, the Docutils
design specification) and a DOCX report (the plan for the Enthought API documentation tool).

* 20 files are copied byte for byte (``.html``, ``.rst``, ``.md``) from three PyPI sdists
  (below).
* 1 PDF file (fpdf2) and 1 DOCX file (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by tests/data/docreaders.py's ``read_rst``
  (through ``docsgen.read_sphinx_rst``) -- the words are the sources'; only their markup is
  turned into headings, paragraphs, list items, code and tables (and the PEP's "Title:"
  header field into the PDF's title line).

The PyPI sdists (pyPEG2 2.15.2, docutils 0.22.3, pymdown-extensions 13.1.2) are read from
``SDISTS`` (the folder given by the environment variable QABOT_SDISTS, default
~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        pyPEG2==2.15.2 docutils==0.22.3 pymdown-extensions==13.1.2

puts them; their members are read straight from the tarballs (SHA-256 in docs_blind26.md).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind26.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind26.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docsgen import sdist

PYPEG = "pyPEG2-2.15.2.tar.gz"
DU = "docutils-0.22.3.tar.gz"
PYM = "pymdown_extensions-13.1.2.tar.gz"

PYPEG_DOC = "pyPEG2-2.15.2/docs"
DU_DIR = "docutils-0.22.3"
PYM_DOC = "pymdown_extensions-13.1.2/docs/src/markdown"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("pypeg-how-to-use.html", sdist(PYPEG, f"{PYPEG_DOC}/index.html"), "copy"),
    ("pypeg-grammar-elements.html", sdist(PYPEG, f"{PYPEG_DOC}/grammar_elements.html"), "copy"),
    ("pypeg-parser-engine.html", sdist(PYPEG, f"{PYPEG_DOC}/parser_engine.html"), "copy"),
    ("pypeg-xml-backend.html", sdist(PYPEG, f"{PYPEG_DOC}/xml_backend.html"), "copy"),
    ("docutils-quickref.html", sdist(DU, f"{DU_DIR}/docs/user/rst/quickref.html"), "copy"),
    ("docutils-ep-001.rst", sdist(DU, f"{DU_DIR}/docs/eps/ep-001.rst"), "copy"),
    ("docutils-ep-010.rst", sdist(DU, f"{DU_DIR}/docs/eps/ep-010.rst"), "copy"),
    ("docutils-pep-0257.rst", sdist(DU, f"{DU_DIR}/docs/peps/pep-0257.rst"), "copy"),
    ("docutils-policies.rst", sdist(DU, f"{DU_DIR}/docs/dev/policies.rst"), "copy"),
    ("docutils-security.rst", sdist(DU, f"{DU_DIR}/docs/howto/security.rst"), "copy"),
    ("docutils-copying.rst", sdist(DU, f"{DU_DIR}/COPYING.rst"), "copy"),
    ("docutils-release-notes.rst", sdist(DU, f"{DU_DIR}/RELEASE-NOTES.rst"), "copy"),
    ("docutils-enthought-rfp.rst", sdist(DU, f"{DU_DIR}/docs/dev/enthought-rfp.rst"), "copy"),
    ("pymdown-faq.md", sdist(PYM, f"{PYM_DOC}/faq.md"), "copy"),
    ("pymdown-usage-notes.md", sdist(PYM, f"{PYM_DOC}/usage_notes.md"), "copy"),
    ("pymdown-contributing.md", sdist(PYM, f"{PYM_DOC}/about/contributing.md"), "copy"),
    ("pymdown-release-8.0.md", sdist(PYM, f"{PYM_DOC}/about/releases/8.0.md"), "copy"),
    ("pymdown-release-9.0.md", sdist(PYM, f"{PYM_DOC}/about/releases/9.0.md"), "copy"),
    ("pymdown-snippets.md", sdist(PYM, f"{PYM_DOC}/extensions/snippets.md"), "copy"),
    ("pymdown-critic.md", sdist(PYM, f"{PYM_DOC}/extensions/critic.md"), "copy"),
]


def read_docutils_rst(src: Path) -> list[tuple] | None:
    """``docsgen.read_sphinx_rst`` of a Docutils page (plain reST, no Sphinx roles)."""
    return docsgen.read_sphinx_rst(src, ())


def read_pep(src: Path) -> list[tuple] | None:
    """A PEP's blocks (``read_docutils_rst``) with its "Title:" header field as the title line:
    plain reST reads the RFC 822 header as one paragraph, which is kept as it is."""
    blocks = read_docutils_rst(src)
    if blocks and blocks[0][0] == "p" and (m := re.search(r"\bTitle: (.+?) Version:", blocks[0][1])):
        return [("title", m.group(1)), *blocks]
    return blocks


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("docutils-design-spec.pdf", read_pep,
     sdist(DU, f"{DU_DIR}/docs/peps/pep-0258.rst"), "David Goodger",
     "PEP 258: Docutils Design Specification (docs/peps/pep-0258.rst of docutils 0.22.3)",
     "Docutils, PEP 258, design, specification, docstrings, reStructuredText"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("docutils-enthought-plan.docx", read_docutils_rst,
     sdist(DU, f"{DU_DIR}/docs/dev/enthought-plan.rst"), "David Goodger",
     "Plan for Enthought API Documentation Tool (docs/dev/enthought-plan.rst)",
     "Rendered from docs/dev/enthought-plan.rst of docutils 0.22.3; public domain (COPYING.rst)",
     "Docutils, Enthought, API documentation, plan, report"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind26.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind26", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
