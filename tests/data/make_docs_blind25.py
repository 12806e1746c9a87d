#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind25/: a twenty-fifth held-out set (20 files), written without
running qabot, to measure it on documents and questions nobody tuned on -- a sample of the
kind issue 10 names: several chapters of one HTML manual (the manual of Pmw, Python
megawidgets for Tkinter: getting started, how to use Pmw, how to build megawidgets, the
dynamic loader, porting between versions, features, bugs), Markdown enhancement proposals
(Flax's FLIPs on default dtypes, RNNs, keyword-only dataclasses, eager variable sharding and
tree-mode NNX, and the FLIP process itself), release notes (Pmw's change log, Flax's
changelog, Mercurial 7.2's release notes), licences and policies (Pmw's copyright and licence,
Flax's contributor guide), a PDF specification (Mercurial's revlog storage format) and a DOCX
report (Flax's "Why Flax NNX").

* 18 files are copied byte for byte (``.html``, ``.md``) from three PyPI sdists
  (below).
* 1 PDF file (fpdf2) and 1 DOCX file (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by tests/data/docreaders.py's ``read_rst``
  (through ``docsgen.read_sphinx_rst`` and ``read_flax_rst`` below) -- the words are the
  sources'; only their markup is turned into headings, paragraphs, list items, code and
  tables.

The PyPI sdists (Pmw 2.1.1, Flax 0.12.8, Mercurial 7.2.4) are read from ``SDISTS`` (the folder
given by the environment variable QABOT_SDISTS, default ~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        Pmw==2.1.1 flax==0.12.8 mercurial==7.2.4

puts them; their members are read straight from the tarballs (SHA-256 in docs_blind25.md).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind25.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind25.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import docsgen
from docsgen import sdist

PMW = "Pmw-2.1.1.tar.gz"
FLAX = "flax-0.12.8.tar.gz"
HG = "mercurial-7.2.4.tar.gz"

PMW_DOC = "Pmw-2.1.1/Pmw/Pmw_2_1_1/doc"
FLIP = "flax-0.12.8/docs_nnx/flip"
HG_DIR = "mercurial-7.2.4"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("pmw-starting.html", sdist(PMW, f"{PMW_DOC}/starting.html"), "copy"),
    ("pmw-how-to-use.html", sdist(PMW, f"{PMW_DOC}/howtouse.html"), "copy"),
    ("pmw-how-to-build.html", sdist(PMW, f"{PMW_DOC}/howtobuild.html"), "copy"),
    ("pmw-dynamic-loader.html", sdist(PMW, f"{PMW_DOC}/dynamicloader.html"), "copy"),
    ("pmw-porting.html", sdist(PMW, f"{PMW_DOC}/porting.html"), "copy"),
    ("pmw-features.html", sdist(PMW, f"{PMW_DOC}/features.html"), "copy"),
    ("pmw-bugs.html", sdist(PMW, f"{PMW_DOC}/bugs.html"), "copy"),
    ("pmw-changes.html", sdist(PMW, f"{PMW_DOC}/changes.html"), "copy"),
    ("pmw-copyright.html", sdist(PMW, f"{PMW_DOC}/copyright.html"), "copy"),
    ("flax-flip-default-dtype.md", sdist(FLAX, f"{FLIP}/1777-default-dtype.md"), "copy"),
    ("flax-flip-rnn.md", sdist(FLAX, f"{FLIP}/2396-rnn.md"), "copy"),
    ("flax-flip-kw-only-dataclasses.md", sdist(FLAX, f"{FLIP}/2974-kw-only-dataclasses.md"), "copy"),
    ("flax-flip-var-eager-sharding.md", sdist(FLAX, f"{FLIP}/4844-var-eager-sharding.md"), "copy"),
    ("flax-flip-tree-mode-nnx.md", sdist(FLAX, f"{FLIP}/5310-tree-mode-nnx.md"), "copy"),
    ("flax-flip-process.md", sdist(FLAX, f"{FLIP}/README.md"), "copy"),
    ("flax-changelog.md", sdist(FLAX, "flax-0.12.8/CHANGELOG.md"), "copy"),
    ("flax-contributing.md", sdist(FLAX, "flax-0.12.8/docs_nnx/contributing.md"), "copy"),
    ("hg-relnotes-7.2.md", sdist(HG, f"{HG_DIR}/relnotes/7.2"), "copy"),
]


def read_hg_rst(src: Path) -> list[tuple] | None:
    """``docsgen.read_sphinx_rst`` of a Mercurial help topic (plain reST, no Sphinx roles)."""
    return docsgen.read_sphinx_rst(src, ())


def read_flax_rst(src: Path) -> list[tuple] | None:
    """The blocks of a Flax Sphinx page: ``docsgen.read_sphinx_rst`` with Flax's doctest
    directives stand-ins -- ``codediff`` and ``testcode`` code (a ``codediff``'s two sides,
    split by its ``---`` line, one block each), ``testsetup`` dropped."""
    from docutils import nodes
    from docutils.parsers.rst import Directive, directives

    class Code(Directive):
        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True
        option_spec: ClassVar[dict] = {"title": directives.unchanged,
                                       "title_left": directives.unchanged,
                                       "title_right": directives.unchanged,
                                       "skip_test": directives.unchanged,
                                       "sync": directives.unchanged,
                                       "code_sep": directives.unchanged}

        def run(self):
            parts, part = [], []
            for line in self.content:
                if line.strip() == "---" and self.name == "codediff":
                    parts.append(part)
                    part = []
                else:
                    part.append(line)
            parts.append(part)
            texts = ["\n".join(p).strip("\n") for p in parts]
            return [nodes.literal_block(t, t) for t in texts if t.strip()]

    class Dropped(Directive):
        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True

        def run(self):
            return []

    directives.register_directive("codediff", Code)
    directives.register_directive("testcode", Code)
    directives.register_directive("testsetup", Dropped)
    return docsgen.read_sphinx_rst(src, ("py:class", "py:func", "py:meth", "py:attr"))


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("hg-revlogs.pdf", read_hg_rst,
     sdist(HG, f"{HG_DIR}/mercurial/helptext/internals/revlogs.txt"), "Mercurial developers",
     "Mercurial: Revision Logs (mercurial/helptext/internals/revlogs.txt of Mercurial 7.2.4)",
     "Mercurial, revlog, storage format, file format, specification"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("flax-why-nnx.docx", read_flax_rst,
     sdist(FLAX, "flax-0.12.8/docs_nnx/why.rst"), "The Flax authors",
     "Flax: Why Flax NNX (docs_nnx/why.rst)",
     "Rendered from Flax's docs_nnx/why.rst (sdist of Flax 0.12.8); Apache License 2.0",
     "Flax, NNX, Linen, JAX, neural networks, report"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind25.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind25", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
