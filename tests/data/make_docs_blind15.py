#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind15/: a fifteenth held-out set (20 files), written without
running qabot, to measure it on documents and questions nobody tuned on -- in a genre the
earlier sets (software documentation, reports and records, prose written to be read) have
little of: what a research community keeps next to its code -- decision records and
governance (NetworkX's enhancement proposals NXEP 0, 1, 2 and 4, its values, its roadmap, its
history and team page), a release announcement (NetworkX 2.0) and a mailing-list style one
(PLY 3.11's ANNOUNCE), a change history (mpmath's CHANGES), how to cite a project (SymPy),
a technical note on numerical precision (mpmath's "Precision and representation issues"), a
design and implementation report (PLY's internals), and tutorials and explanations of
scientific libraries (SymPy's introduction to symbolic computation, its guidance on solving
equations, solving numerically, finite-difference derivatives and differential equations; PLY's
manual and its BASIC interpreter example).

* 14 files are copied byte for byte (``.html``, ``.md``, ``.rst``, ``.txt``) from four PyPI
  sdists (below).
* 3 PDF files (fpdf2) and 3 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by tests/data/docreaders.py's ``read_rst``
  through ``read_sphinx_rst`` below (stand-ins for the Sphinx roles and directives these
  pages use) -- the words are the sources'; only their markup is turned into headings,
  paragraphs, list items, code and tables.

The PyPI sdists (NetworkX 3.6.1, SymPy 1.14.0, mpmath 1.4.1, PLY 3.11) are read from
``SDISTS`` (the folder given by the environment variable QABOT_SDISTS, default
~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        networkx==3.6.1 sympy==1.14.0 mpmath==1.4.1 ply==3.11

puts them; their members are read straight from the tarballs (SHA-256 in docs_blind15.md).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind15.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind15.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docsgen import sdist

NETWORKX = "networkx-3.6.1.tar.gz"
SYMPY = "sympy-1.14.0.tar.gz"
MPMATH = "mpmath-1.4.1.tar.gz"
PLY = "ply-3.11.tar.gz"

NX_DOC = "networkx-3.6.1/doc"
SYMPY_DOC = "sympy-1.14.0/doc/src"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("ply-internals.html", sdist(PLY, "ply-3.11/doc/internal.html"), "copy"),
    ("ply-manual.html", sdist(PLY, "ply-3.11/doc/ply.html"), "copy"),
    ("sympy-citing.md", sdist(SYMPY, f"{SYMPY_DOC}/citing.md"), "copy"),
    ("sympy-solving-guidance.md", sdist(SYMPY, f"{SYMPY_DOC}/guides/solving/solving-guidance.md"), "copy"),
    ("sympy-solve-numerically.md", sdist(SYMPY, f"{SYMPY_DOC}/guides/solving/solve-numerically.md"), "copy"),
    ("sympy-solve-ode.md", sdist(SYMPY, f"{SYMPY_DOC}/guides/solving/solve-ode.md"), "copy"),
    ("nx-nxep-0000.rst", sdist(NETWORKX, f"{NX_DOC}/developer/nxeps/nxep-0000.rst"), "copy"),
    ("nx-nxep-0001.rst", sdist(NETWORKX, f"{NX_DOC}/developer/nxeps/nxep-0001.rst"), "copy"),
    ("nx-about-us.rst", sdist(NETWORKX, f"{NX_DOC}/developer/about_us.rst"), "copy"),
    ("nx-values.rst", sdist(NETWORKX, f"{NX_DOC}/developer/values.rst"), "copy"),
    ("mpmath-technical.rst", sdist(MPMATH, "mpmath-1.4.1/docs/technical.rst"), "copy"),
    ("ply-announce.txt", sdist(PLY, "ply-3.11/ANNOUNCE"), "copy"),
    ("ply-basic-readme.txt", sdist(PLY, "ply-3.11/example/BASIC/README"), "copy"),
    ("mpmath-changes.txt", sdist(MPMATH, "mpmath-1.4.1/CHANGES"), "copy"),
]


# the Sphinx roles its pages use, read as their text (``read_sphinx_rst``)
SPHINX_ROLES = ("issue", "pr", "user", "pypi", "setting", "ttag", "source", "hook", "py:func",
                "py:class", "std:ref")


def read_sphinx_rst(src: Path) -> list[tuple] | None:
    """``docsgen.read_sphinx_rst`` with the Sphinx roles these pages use."""
    return docsgen.read_sphinx_rst(src, SPHINX_ROLES)


# --- the generated files ----------------------------------------------------------------------

NX_AUTHOR = "NetworkX Developers"
SYMPY_AUTHOR = "SymPy Development Team"

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("nx-nxep-0004.pdf", read_sphinx_rst,
     sdist(NETWORKX, f"{NX_DOC}/developer/nxeps/nxep-0004.rst"), NX_AUTHOR,
     "NXEP 4: Default random interface (doc/developer/nxeps/nxep-0004.rst of NetworkX 3.6.1)",
     "NetworkX, NXEP, random numbers, numpy, decision record"),
    ("nx-release-2.0.pdf", read_sphinx_rst,
     sdist(NETWORKX, f"{NX_DOC}/release/release_2.0.rst"), NX_AUTHOR,
     "NetworkX 2.0 release notes (doc/release/release_2.0.rst of NetworkX 3.6.1)",
     "NetworkX, 2.0, release notes, announcement, API changes"),
    ("sympy-intro-tutorial.pdf", read_sphinx_rst,
     sdist(SYMPY, f"{SYMPY_DOC}/tutorials/intro-tutorial/intro.rst"), SYMPY_AUTHOR,
     "SymPy tutorial: Introduction (doc/src/tutorials/intro-tutorial/intro.rst of SymPy 1.14.0)",
     "SymPy, tutorial, symbolic computation, computer algebra"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("nx-nxep-0002.docx", read_sphinx_rst,
     sdist(NETWORKX, f"{NX_DOC}/developer/nxeps/nxep-0002.rst"), NX_AUTHOR,
     "NXEP 2: API design of view slices (doc/developer/nxeps/nxep-0002.rst)",
     "Rendered from NetworkX's doc/developer/nxeps/nxep-0002.rst (sdist of NetworkX 3.6.1); BSD-3-Clause License",
     "NetworkX, NXEP, views, slicing, decision record"),
    ("nx-roadmap.docx", read_sphinx_rst,
     sdist(NETWORKX, f"{NX_DOC}/developer/roadmap.rst"), NX_AUTHOR,
     "NetworkX roadmap (doc/developer/roadmap.rst)",
     "Rendered from NetworkX's doc/developer/roadmap.rst (sdist of NetworkX 3.6.1); BSD-3-Clause License",
     "NetworkX, roadmap, plans, community"),
    ("sympy-finite-diff.docx", read_sphinx_rst,
     sdist(SYMPY, f"{SYMPY_DOC}/explanation/special_topics/finite_diff_derivatives.rst"), SYMPY_AUTHOR,
     "SymPy: Finite Difference Approximations to Derivatives (doc/src/explanation/special_topics/finite_diff_derivatives.rst)",
     "Rendered from SymPy's doc/src/explanation/special_topics/finite_diff_derivatives.rst (sdist of SymPy 1.14.0); BSD-3-Clause License",
     "SymPy, finite differences, derivatives, numerical methods"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind15.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind15", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
