#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind14/: a fourteenth held-out set (20 files), written without
running qabot, to measure it on documents and questions nobody tuned on -- in a genre the
earlier sets (software documentation, then reports and records) have little of: prose written
to be read, not looked up -- histories (pytest's history and historical notes, IDLE's history,
Rust's influences), essays and design rationales (Django's design philosophies, "Why Click?",
attrs' "Why not...?" and the story of its API names, the Rust style guide's principles, the
Rustonomicon's "Meet Safe and Unsafe", pytest's reasoning for its fixture evolution), FAQs
answered in paragraphs (Django's general FAQ, Black's FAQ, Jinja's FAQ, Vim's sponsoring
questions), announcements (Django 1.0's release notes, pytest's "Adopt a project" month),
acknowledgements (IDLE's credits), a book chapter (the Rust book's introduction) and a narrative
HOWTO (introducing Black to a project).

* 14 files are copied byte for byte (``.html``, ``.md``, ``.rst``, ``.txt``) from this
  machine's packages (the Rust toolchain's documentation, Debian's vim-runtime, pyenv's Python
  3.12.1) or from six PyPI sdists (below).
* 3 PDF files (fpdf2) and 3 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by tests/data/docreaders.py's ``read_rst``
  through ``read_sphinx_rst`` below (stand-ins for the Sphinx and Django roles and directives
  these pages use) -- the words are the sources'; only their markup is turned into headings,
  paragraphs, list items, code and tables.

The PyPI sdists (Django 5.2.8, pytest 8.4.2, Black 25.9.0, Click 8.1.8, Jinja2 3.1.6, attrs
25.4.0) are read from ``SDISTS`` (the folder given by the environment variable QABOT_SDISTS,
default ~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        Django==5.2.8 pytest==8.4.2 black==25.9.0 click==8.1.8 Jinja2==3.1.6 attrs==25.4.0

puts them; their members are read straight from the tarballs (SHA-256 in docs_blind14.md).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind14.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind14.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docsgen import sdist

RUST = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html")
VIMDOC = Path("/usr/share/vim/vim90/doc")  # Debian's vim-runtime
IDLE = Path("/root/.pyenv/versions/3.12.1/lib/python3.12/idlelib")  # pyenv's Python 3.12.1


DJANGO = "django-5.2.8.tar.gz"
PYTEST = "pytest-8.4.2.tar.gz"
BLACK = "black-25.9.0.tar.gz"
CLICK = "click-8.1.8.tar.gz"
JINJA = "jinja2-3.1.6.tar.gz"
ATTRS = "attrs-25.4.0.tar.gz"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("rust-book-introduction.html", RUST / "book/ch00-00-introduction.html", "copy"),
    ("rust-reference-influences.html", RUST / "reference/influences.html", "copy"),
    ("rust-style-guide-principles.html", RUST / "style-guide/principles.html", "copy"),
    ("nomicon-meet-safe-and-unsafe.html", RUST / "nomicon/meet-safe-and-unsafe.html", "copy"),
    ("black-faq.md", sdist(BLACK, "black-25.9.0/docs/faq.md"), "copy"),
    ("black-introducing-black.md", sdist(BLACK, "black-25.9.0/docs/guides/introducing_black_to_your_project.md"), "copy"),
    ("attrs-why.md", sdist(ATTRS, "attrs-25.4.0/docs/why.md"), "copy"),
    ("attrs-names.md", sdist(ATTRS, "attrs-25.4.0/docs/names.md"), "copy"),
    ("django-design-philosophies.rst", sdist(DJANGO, "django-5.2.8/docs/misc/design-philosophies.txt"), "copy"),
    ("pytest-history.rst", sdist(PYTEST, "pytest-8.4.2/doc/en/history.rst"), "copy"),
    ("click-why.rst", sdist(CLICK, "click-8.1.8/docs/why.rst"), "copy"),
    ("idle-history.txt", IDLE / "HISTORY.txt", "copy"),
    ("idle-credits.txt", IDLE / "CREDITS.txt", "copy"),
    ("vim-sponsor.txt", VIMDOC / "sponsor.txt", "copy"),
]


# the Sphinx roles its pages use, read as their text (``read_sphinx_rst``)
SPHINX_ROLES = ("issue", "pr", "user", "pypi", "setting", "ttag", "source", "hook", "py:func",
                "py:class", "std:ref")


def read_sphinx_rst(src: Path) -> list[tuple] | None:
    """``docsgen.read_sphinx_rst`` with the Sphinx roles these pages use."""
    return docsgen.read_sphinx_rst(src, SPHINX_ROLES)


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("django-1.0-release-notes.pdf", read_sphinx_rst,
     sdist(DJANGO, "django-5.2.8/docs/releases/1.0.txt"),
     "Django Software Foundation and individual contributors",
     "Django 1.0 release notes (docs/releases/1.0.txt of Django 5.2.8)",
     "Django, 1.0, release notes, announcement, stability"),
    ("pytest-fixture-evolution.pdf", read_sphinx_rst,
     sdist(PYTEST, "pytest-8.4.2/doc/en/funcarg_compare.rst"),
     "Holger Krekel and pytest-dev team",
     "pytest-2.3: reasoning for fixture/funcarg evolution (doc/en/funcarg_compare.rst of pytest 8.4.2)",
     "pytest, fixtures, funcargs, design rationale, 2.3"),
    ("jinja-faq.pdf", read_sphinx_rst,
     sdist(JINJA, "jinja2-3.1.6/docs/faq.rst"),
     "Pallets",
     "Jinja: Frequently Asked Questions (docs/faq.rst of Jinja2 3.1.6)",
     "Jinja, FAQ, templates, history"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("django-faq-general.docx", read_sphinx_rst, sdist(DJANGO, "django-5.2.8/docs/faq/general.txt"),
     "Django Software Foundation and individual contributors",
     "Django FAQ: General (docs/faq/general.txt)",
     "Rendered from Django's docs/faq/general.txt (sdist of Django 5.2.8); BSD-3-Clause License",
     "Django, FAQ, history, name, MVC"),
    ("pytest-historical-notes.docx", read_sphinx_rst,
     sdist(PYTEST, "pytest-8.4.2/doc/en/historical-notes.rst"),
     "Holger Krekel and pytest-dev team",
     "pytest: historical notes (doc/en/historical-notes.rst)",
     "Rendered from pytest's doc/en/historical-notes.rst (sdist of pytest 8.4.2); MIT License",
     "pytest, history, marks, cache plugin, setup"),
    ("pytest-adopt.docx", read_sphinx_rst, sdist(PYTEST, "pytest-8.4.2/doc/en/adopt.rst"),
     "Holger Krekel and pytest-dev team",
     "pytest: Adopt a project, April 2015 (doc/en/adopt.rst)",
     "Rendered from pytest's doc/en/adopt.rst (sdist of pytest 8.4.2); MIT License",
     "pytest, adopt a project, announcement, mentoring"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind14.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind14", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
