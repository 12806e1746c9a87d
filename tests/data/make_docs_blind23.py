#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind23/: a twenty-third held-out set (21 files), written without
running qabot, to measure it on documents and questions nobody tuned on -- a sample of the
kind issue 10 names: several chapters of one HTML manual (Alembic's documentation as Sphinx
publishes it: front matter, tutorial, auto generating migrations, batch migrations for SQLite,
working with branches, the importance of naming constraints, offline mode, the API overview),
Markdown proposals (python-tuf's architectural decision records and its repository library
design), release notes (python-tuf's changelog and its 1.0.0 announcement), licences and
policies (Alembic's MIT licence, python-tuf's security policy and governance), a PDF
specification (NumPy's NPY binary file format) and a DOCX memo (python-tuf's note on its
2022 security assessment).

* 19 files are copied byte for byte (``.html``, ``.md``, ``.txt``) from two PyPI sdists
  (below).
* 1 PDF file (fpdf2) and 1 DOCX file (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps): the PDF from the module docstring of NumPy's
  ``numpy/lib/_format_impl.py`` (the NPY format specification, reStructuredText, read by
  tests/data/docreaders.py's ``read_rst`` through ``docsgen.read_sphinx_rst``), from the NumPy
  installed on this machine (2.4.6; another version is reported and the PDF not made); the
  DOCX file from a Markdown blog post read by ``read_markdown`` (its Jekyll front matter
  left out, its ``title`` made the title) -- the words are the sources'; only their markup is
  turned into headings, paragraphs, list items, code and tables.

The PyPI sdists (Alembic 1.20.1, tuf 7.0.1) are read from ``SDISTS`` (the folder given by the
environment variable QABOT_SDISTS, default ~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        alembic==1.20.1 tuf==7.0.1

puts them; their members are read straight from the tarballs (SHA-256 in docs_blind23.md).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind23.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py, numpy
    python tests/data/make_docs_blind23.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import ast
import atexit
import importlib.metadata
import importlib.util
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import docreaders
import docsgen
from docsgen import sdist

ALEMBIC = "alembic-1.20.1.tar.gz"
TUF = "tuf-7.0.1.tar.gz"

ALEMBIC_HTML = "alembic-1.20.1/docs"
TUF_DOCS = "tuf-7.0.1/docs"
NUMPY_VERSION = "2.4.6"

# the generated files' intermediate sources (removed at exit)
TMP = Path(tempfile.mkdtemp(prefix="make_docs_blind23-"))
atexit.register(shutil.rmtree, TMP, True)

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("alembic-front.html", sdist(ALEMBIC, f"{ALEMBIC_HTML}/front.html"), "copy"),
    ("alembic-tutorial.html", sdist(ALEMBIC, f"{ALEMBIC_HTML}/tutorial.html"), "copy"),
    ("alembic-autogenerate.html", sdist(ALEMBIC, f"{ALEMBIC_HTML}/autogenerate.html"), "copy"),
    ("alembic-batch.html", sdist(ALEMBIC, f"{ALEMBIC_HTML}/batch.html"), "copy"),
    ("alembic-branches.html", sdist(ALEMBIC, f"{ALEMBIC_HTML}/branches.html"), "copy"),
    ("alembic-naming.html", sdist(ALEMBIC, f"{ALEMBIC_HTML}/naming.html"), "copy"),
    ("alembic-offline.html", sdist(ALEMBIC, f"{ALEMBIC_HTML}/offline.html"), "copy"),
    ("alembic-api-overview.html", sdist(ALEMBIC, f"{ALEMBIC_HTML}/api/overview.html"), "copy"),
    ("alembic-license.txt", sdist(ALEMBIC, "alembic-1.20.1/LICENSE"), "copy"),
    ("tuf-adr-python-version.md", sdist(TUF, f"{TUF_DOCS}/adr/0001-python-version-3-6-plus.md"), "copy"),
    ("tuf-adr-deprecation-strategy.md", sdist(TUF, f"{TUF_DOCS}/adr/0002-pre-1-0-deprecation-strategy.md"), "copy"),
    ("tuf-adr-oop-metadata-model.md", sdist(TUF, f"{TUF_DOCS}/adr/0004-extent-of-OOP-in-metadata-model.md"), "copy"),
    ("tuf-adr-unrecognised-fields.md", sdist(TUF, f"{TUF_DOCS}/adr/0008-accept-unrecognised-fields.md"), "copy"),
    ("tuf-adr-reference-implementation.md", sdist(TUF, f"{TUF_DOCS}/adr/0009-what-is-a-reference-implementation.md"), "copy"),
    ("tuf-repository-library-design.md", sdist(TUF, f"{TUF_DOCS}/repository-library-design.md"), "copy"),
    ("tuf-changelog.md", sdist(TUF, f"{TUF_DOCS}/CHANGELOG.md"), "copy"),
    ("tuf-1.0.0-announcement.md", sdist(TUF, f"{TUF_DOCS}/1.0.0-ANNOUNCEMENT.md"), "copy"),
    ("tuf-security-policy.md", sdist(TUF, f"{TUF_DOCS}/SECURITY.md"), "copy"),
    ("tuf-governance.md", sdist(TUF, f"{TUF_DOCS}/GOVERNANCE.md"), "copy"),
]


def npy_format_source() -> Path:
    """The NPY format specification: the module docstring of the installed NumPy's
    ``numpy/lib/_format_impl.py`` written to a temporary .rst file; a path that does not exist
    (reported) when NumPy is missing or not version NUMPY_VERSION."""
    out = TMP / "npy-format.rst"
    spec = importlib.util.find_spec("numpy")
    try:
        version = importlib.metadata.version("numpy")
    except importlib.metadata.PackageNotFoundError:
        version = None
    if spec is None or spec.origin is None or version != NUMPY_VERSION:
        print(f"missing source: numpy {NUMPY_VERSION} (found {version})", file=sys.stderr)
        return out
    src = Path(spec.origin).parent / "lib" / "_format_impl.py"
    doc = ast.get_docstring(ast.parse(src.read_text(encoding="utf-8")), clean=True)
    if doc is None:
        return out
    out.write_text(doc + "\n", encoding="utf-8")
    return out


def read_npy_rst(src: Path) -> list[tuple] | None:
    """``docsgen.read_sphinx_rst`` with the one Sphinx role the docstring uses (``doc``)."""
    return docsgen.read_sphinx_rst(src, ("doc",)) if src.is_file() else None


def read_post(src: Path) -> list[tuple] | None:
    """``docreaders.read_markdown``'s blocks of a Jekyll post, its front matter (between two
    ``---`` lines) left out and its ``title`` made the document's title."""
    text = docreaders.source_text(src)
    if text is None:
        return None
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    title = None
    if m:
        t = re.search(r"^title:\s*[\"']?(.*?)[\"']?\s*$", m.group(1), re.M)
        title = t.group(1) if t else None
        text = text[m.end():]
    body = TMP / src.name
    body.write_text(text, encoding="utf-8")
    blocks = docreaders.read_markdown(body) or []
    return ([("title", title)] if title else []) + blocks


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("numpy-npy-format.pdf", read_npy_rst, npy_format_source(), "NumPy Developers",
     "NumPy: the NPY binary file format (module docstring of numpy/lib/_format_impl.py, NumPy 2.4.6)",
     "NumPy, npy, npz, binary format, specification, array"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("tuf-security-assessment.docx", read_post,
     sdist(TUF, f"{TUF_DOCS}/_posts/2022-10-21-python-tuf-security-assessment.md"), "python-tuf maintainers",
     "python-tuf: security assessment (docs/_posts/2022-10-21-python-tuf-security-assessment.md)",
     "Rendered from python-tuf's blog post of 2022-10-21 (sdist of tuf 7.0.1); Apache License 2.0 or MIT",
     "TUF, python-tuf, security assessment, X41, memo"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind23.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind23", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
