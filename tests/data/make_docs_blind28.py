#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind28/: a twenty-eighth held-out set (12 files), written without
running qabot, to measure it on documents and questions nobody tuned on -- a sample of the
kind issue 10 names: chapters of one HTML book (SQLAlchemy 1.3's documentation: the overview,
three FAQ chapters, the copyright page), Markdown guides and policies (jupyter_client's
migration guide and release process, Scrapy's security policy), release notes (jupyter_client's
changelog), policies in reST (Scrapy's versioning and API stability, Scrapy's FAQ), a PDF
specification (jupyter_client's "Making kernels for Jupyter": kernel specs and connection
files) and a DOCX report (Scrapy's "Architecture overview").

* 10 files are copied byte for byte (``.html``, ``.md``, ``.rst``) from three PyPI sdists
  (below).
* 1 PDF file (fpdf2) and 1 DOCX file (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by tests/data/docreaders.py's ``read_rst``
  (through ``docsgen.read_sphinx_rst``) -- the words are the sources'; only their markup is
  turned into headings, paragraphs, list items, code and tables.

The PyPI sdists (SQLAlchemy 1.3.24, jupyter_client 8.10.0, Scrapy 2.19.0) are read from
``SDISTS`` (the folder given by the environment variable QABOT_SDISTS, default
~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        SQLAlchemy==1.3.24 jupyter_client==8.10.0 scrapy==2.19.0

puts them; their members are read straight from the tarballs (SHA-256 in docs_blind28.md).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind28.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind28.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docsgen import sdist

SA = "SQLAlchemy-1.3.24.tar.gz"
JC = "jupyter_client-8.10.0.tar.gz"
SC = "scrapy-2.19.0.tar.gz"

SA_DOC = "SQLAlchemy-1.3.24/doc"
JC_DIR = "jupyter_client-8.10.0"
SC_DIR = "scrapy-2.19.0"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("sqlalchemy-overview.html", sdist(SA, f"{SA_DOC}/intro.html"), "copy"),
    ("sqlalchemy-faq-connections.html", sdist(SA, f"{SA_DOC}/faq/connections.html"), "copy"),
    ("sqlalchemy-faq-metadata-schema.html", sdist(SA, f"{SA_DOC}/faq/metadata_schema.html"), "copy"),
    ("sqlalchemy-faq-third-party.html", sdist(SA, f"{SA_DOC}/faq/thirdparty.html"), "copy"),
    ("sqlalchemy-copyright.html", sdist(SA, f"{SA_DOC}/copyright.html"), "copy"),
    ("jupyter-client-migration.md", sdist(JC, f"{JC_DIR}/docs/migration.md"), "copy"),
    ("jupyter-client-releasing.md", sdist(JC, f"{JC_DIR}/RELEASING.md"), "copy"),
    ("jupyter-client-changelog.md", sdist(JC, f"{JC_DIR}/CHANGELOG.md"), "copy"),
    ("scrapy-security-policy.md", sdist(SC, f"{SC_DIR}/SECURITY.md"), "copy"),
    ("scrapy-versioning.rst", sdist(SC, f"{SC_DIR}/docs/versioning.rst"), "copy"),
    ("scrapy-faq.rst", sdist(SC, f"{SC_DIR}/docs/faq.rst"), "copy"),
]

ROLES = ("ref", "doc", "meth", "class", "func", "attr", "envvar", "setting", "signal",
         "command", "reqmeta", "mod", "exc", "data", "file", "option")


def read_sphinx(src: Path) -> list[tuple] | None:
    """``docsgen.read_sphinx_rst`` with the Sphinx roles these two pages use."""
    return docsgen.read_sphinx_rst(src, ROLES)


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("jupyter-kernels-spec.pdf", read_sphinx,
     sdist(JC, f"{JC_DIR}/docs/kernels.rst"), "Jupyter Development Team",
     "jupyter_client: Making kernels for Jupyter (docs/kernels.rst of jupyter_client 8.10.0)",
     "Jupyter, kernel, kernel spec, connection files, specification"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("scrapy-architecture.docx", read_sphinx,
     sdist(SC, f"{SC_DIR}/docs/topics/architecture.rst"), "Scrapy developers",
     "Scrapy: Architecture overview (docs/topics/architecture.rst)",
     "Rendered from Scrapy's docs/topics/architecture.rst (sdist of Scrapy 2.19.0); BSD licence",
     "Scrapy, architecture, engine, scheduler, downloader, spiders, report"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind28.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind28", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
