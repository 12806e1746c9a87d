#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind16/: a sixteenth held-out set (20 files), written without
running qabot, to measure it on documents and questions nobody tuned on -- in a genre the
earlier sets (software documentation, reports and records, prose written to be read, a
research community's documents) have little of: help written for the people who use an
application, not for its developers -- user guides and FAQs of end-user programs (beets, the
music library manager: getting started, the auto-tagger, its FAQ, queries, album art and
ReplayGain; khal, a calendar; Deluge, a BitTorrent client; rpCalc, a reverse Polish notation
calculator; Leo, an outlining editor: its FAQ, glossary, cheat sheet and the Leo-Babel
plugin's manual), guides for people writing text (Python-Markdown's footnotes, typographic
quotes and tables), and reference knowledge told in prose (time zones and UTC in pytz's
README; dates, coordinates and rising and setting in PyEphem's documentation).

* 14 files are copied byte for byte (``.html``, ``.md``, ``.rst``, ``.txt``) from seven PyPI
  sdists (below).
* 3 PDF files (fpdf2) and 3 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by tests/data/docreaders.py's ``read_rst``
  through ``read_sphinx_rst`` below (stand-ins for the Sphinx roles and directives these
  pages use) -- the words are the sources'; only their markup is turned into headings,
  paragraphs, list items, code and tables.

The PyPI sdists (beets 2.14.1, PyEphem 4.2.1, pytz 2026.6, khal 0.14.1, Python-Markdown
3.11.4, Deluge 2.2.0, Leo 6.8.10) are read from ``SDISTS`` (the folder given by the
environment variable QABOT_SDISTS, default ~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        beets==2.14.1 ephem==4.2.1 pytz==2026.6 khal==0.14.1 markdown==3.11.4 \
        deluge==2.2.0 leo==6.8.10

puts them; their members are read straight from the tarballs (SHA-256 in docs_blind16.md).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind16.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind16.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docsgen import sdist

BEETS = "beets-2.14.1.tar.gz"
EPHEM = "ephem-4.2.1.tar.gz"
PYTZ = "pytz-2026.6.tar.gz"
KHAL = "khal-0.14.1.tar.gz"
MARKDOWN = "markdown-3.11.4.tar.gz"
DELUGE = "deluge-2.2.0.tar.gz"
LEO = "leo-6.8.10.tar.gz"

BEETS_DOC = "beets-2.14.1/docs"
EPHEM_DOC = "ephem-4.2.1/ephem/doc"
MD_DOC = "markdown-3.11.4/docs"
LEO_DOC = "leo-6.8.10/leo/doc/_sources"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("rpcalc-readme.html", sdist(LEO, "leo-6.8.10/leo/plugins/rpcalc/doc/README.html"), "copy"),
    ("leo-babel.html", sdist(LEO, "leo-6.8.10/leo/plugins/leo_babel/doc/Leo-Babel.html"), "copy"),
    ("deluge-readme.md", sdist(DELUGE, "deluge-2.2.0/README.md"), "copy"),
    ("markdown-footnotes.md", sdist(MARKDOWN, f"{MD_DOC}/extensions/footnotes.md"), "copy"),
    ("markdown-smarty.md", sdist(MARKDOWN, f"{MD_DOC}/extensions/smarty.md"), "copy"),
    ("markdown-tables.md", sdist(MARKDOWN, f"{MD_DOC}/extensions/tables.md"), "copy"),
    ("beets-faq.rst", sdist(BEETS, f"{BEETS_DOC}/faq.rst"), "copy"),
    ("beets-getting-started.rst", sdist(BEETS, f"{BEETS_DOC}/guides/main.rst"), "copy"),
    ("beets-autotagger.rst", sdist(BEETS, f"{BEETS_DOC}/guides/tagger.rst"), "copy"),
    ("ephem-dates.rst", sdist(EPHEM, f"{EPHEM_DOC}/date.rst"), "copy"),
    ("pytz-readme.rst", sdist(PYTZ, "pytz-2026.6/README.rst"), "copy"),
    ("leo-faq.txt", sdist(LEO, f"{LEO_DOC}/FAQ.html.txt.txt"), "copy"),
    ("leo-glossary.txt", sdist(LEO, f"{LEO_DOC}/glossary.html.txt.txt"), "copy"),
    ("leo-cheatsheet.txt", sdist(LEO, f"{LEO_DOC}/cheatsheet.html.txt.txt"), "copy"),
]


# the Sphinx roles its pages use, read as their text (``read_sphinx_rst``)
SPHINX_ROLES = ("kbd", "command", "program", "option", "manpage", "guilabel", "issue", "pr",
                "user", "pypi", "py:func", "py:class", "std:ref")


def read_sphinx_rst(src: Path) -> list[tuple] | None:
    """``docsgen.read_sphinx_rst`` with the Sphinx roles these pages use and ``option``."""
    return docsgen.read_sphinx_rst(src, SPHINX_ROLES, option=True)


# --- the generated files ----------------------------------------------------------------------

BEETS_AUTHOR = "beets contributors"
EPHEM_AUTHOR = "Brandon Rhodes"
KHAL_AUTHOR = "khal contributors"

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("beets-queries.pdf", read_sphinx_rst,
     sdist(BEETS, f"{BEETS_DOC}/reference/query.rst"), BEETS_AUTHOR,
     "beets: Queries (docs/reference/query.rst of beets 2.14.1)",
     "beets, music library, queries, search, user guide"),
    ("khal-usage.pdf", read_sphinx_rst,
     sdist(KHAL, "khal-0.14.1/doc/source/usage.rst"), KHAL_AUTHOR,
     "khal: Usage (doc/source/usage.rst of khal 0.14.1)",
     "khal, calendar, command line, events, user guide"),
    ("ephem-radec.pdf", read_sphinx_rst,
     sdist(EPHEM, f"{EPHEM_DOC}/radec.rst"), EPHEM_AUTHOR,
     "PyEphem: Astrometric, apparent and topocentric positions (ephem/doc/radec.rst of PyEphem 4.2.1)",
     "PyEphem, astronomy, right ascension, declination, coordinates"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("beets-fetchart.docx", read_sphinx_rst,
     sdist(BEETS, f"{BEETS_DOC}/plugins/fetchart.rst"), BEETS_AUTHOR,
     "beets: FetchArt plugin (docs/plugins/fetchart.rst)",
     "Rendered from beets' docs/plugins/fetchart.rst (sdist of beets 2.14.1); MIT License",
     "beets, album art, cover art, plugin, user guide"),
    ("beets-replaygain.docx", read_sphinx_rst,
     sdist(BEETS, f"{BEETS_DOC}/plugins/replaygain.rst"), BEETS_AUTHOR,
     "beets: ReplayGain plugin (docs/plugins/replaygain.rst)",
     "Rendered from beets' docs/plugins/replaygain.rst (sdist of beets 2.14.1); MIT License",
     "beets, ReplayGain, loudness, volume, plugin"),
    ("ephem-rise-set.docx", read_sphinx_rst,
     sdist(EPHEM, f"{EPHEM_DOC}/rise-set.rst"), EPHEM_AUTHOR,
     "PyEphem: Rising and setting (ephem/doc/rise-set.rst)",
     "Rendered from PyEphem's ephem/doc/rise-set.rst (sdist of PyEphem 4.2.1); MIT License",
     "PyEphem, astronomy, sunrise, sunset, rising, setting"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind16.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind16", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
