#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind27/: a twenty-seventh held-out set (15 files), written without
running qabot, to measure it on real documentation written in languages other than English --
Hungarian, Slovenian, Estonian, Basque and Galician, none of them a language of docs_blind17,
docs_blind19, docs_blind21 or docs_blind24: translated pages of LibreOffice 7.4's offline help
(Hungarian, Slovenian, Estonian, Basque, Galician) and the unofficial Galician translation of
the GNU General Public License, version 3 (shipped by clasaua, a Galician open-water swimming
results package). No document is in English.

* 8 files are copied byte for byte (``.html``, ``.txt``) from one PyPI sdist and five Debian
  packages (below).
* 3 PDF files (fpdf2) and 4 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by docsgen.py's ``HtmlBlocks`` (a help
  page's body without its header, side panels, related topics and debug footer) -- the words
  are the sources'; only their markup is turned into headings, paragraphs, list items, code
  and tables. The PDFs are of Estonian, Basque and Galician text (the core fonts show
  windows-1252, which has all their letters); the Hungarian and Slovenian pages (whose
  "ő", "ű" and "č" windows-1252 lacks) are DOCX files, as is one Estonian and one Basque page.

The PyPI sdist is read from ``SDISTS`` (the folder given by the environment variable
QABOT_SDISTS, default ~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists clasaua==0.4.11

puts it, and the Debian packages (bookworm) from ``DEBS`` (QABOT_DEBS, default
~/.cache/qabot-debs), where::

    cd ~/.cache/qabot-debs && apt-get download libreoffice-help-hu=4:7.4.7-1+deb12u14 \
        libreoffice-help-sl=4:7.4.7-1+deb12u14 libreoffice-help-et=4:7.4.7-1+deb12u14 \
        libreoffice-help-eu=4:7.4.7-1+deb12u14 libreoffice-help-gl=4:7.4.7-1+deb12u14

puts them (apt names each file with the epoch's colon as "%3a"); the members of both are read
straight from the archives (SHA-256 in docs_blind27.md).

Provenance and licences: tests/data/docs_blind27.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx
    python tests/data/make_docs_blind27.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docsgen import sdist

CLASAUA = "clasaua-0.4.11.tar.gz"


def help_deb(lang: str) -> str:
    """The file name apt-get download gives LibreOffice 7.4's help package in ``lang``."""
    return f"libreoffice-help-{lang}_4%3a7.4.7-1+deb12u14_all.deb"


DEBS = Path(os.environ.get("QABOT_DEBS", Path.home() / ".cache" / "qabot-debs"))


def deb(package: str, member: str) -> Path:
    """``docsgen.deb`` of this script's ``DEBS``."""
    return docsgen.deb(DEBS, package, member)


def page(lang: str, path: str) -> Path:
    """A page of LibreOffice 7.4's help in ``lang``, by its path under ``text/``."""
    return deb(help_deb(lang), f"./usr/share/libreoffice/help/{lang}/text/{path}")


# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("libreoffice-hu-egyuttmukodes.html", page("hu", "shared/guide/collab.html"), "copy"),
    ("libreoffice-hu-cellak-vedelme.html", page("hu", "scalc/guide/cell_protect.html"), "copy"),
    ("libreoffice-sl-zascita-vsebine.html", page("sl", "swriter/guide/protection.html"), "copy"),
    ("libreoffice-sl-digitalni-podpisi.html", page("sl", "shared/guide/digital_signatures.html"), "copy"),
    ("libreoffice-et-impress-kaugjuhtimine.html", page("et", "simpress/guide/impress_remote.html"), "copy"),
    ("libreoffice-eu-dokumentuen-hizkuntza.html", page("eu", "shared/guide/language_select.html"), "copy"),
    ("libreoffice-gl-codigos-de-erro.html", page("gl", "scalc/05/02140000.html"), "copy"),
    ("gpl3-gl.txt", sdist(CLASAUA, "clasaua-0.4.11/LICENSE_GPL3_GL.txt"), "copy"),
]


def _chrome(tag: str, attrs: dict[str, str | None]) -> bool:
    """A LibreOffice help page's header (logo, module menu), side panels (contents, index and
    search), related-topics links, note icons, search and donation frames and debug footer."""
    cls = attrs.get("class") or ""
    if tag in ("header", "aside", "footer"):
        return True
    return tag == "div" and (cls in ("relatedtopics", "noteicon")
                             or attrs.get("id") in ("SearchFrame", "DonationFrame"))


def read_help_html(src: Path) -> list[tuple] | None:
    """The blocks of a LibreOffice help page: its body without the chrome; the page's first
    heading the title."""
    if not src.is_file():
        print(f"missing source, not read: {src}", file=sys.stderr)
        return None
    reader = docsgen.HtmlBlocks("body", True, _chrome)
    reader.feed(src.read_text(encoding="utf-8"))
    return reader.blocks


# --- the generated files ----------------------------------------------------------------------

LO_AUTHOR = "The LibreOffice contributors (translated by the LibreOffice localization teams)"
LO_COMMENTS = "Rendered from LibreOffice 7.4's help in {} (libreoffice-help-{} 4:7.4.7-1+deb12u14); MPL-2.0"

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("libreoffice-et-lehekuljenumbrid.pdf", read_help_html,
     page("et", "swriter/guide/pagenumbers.html"), LO_AUTHOR,
     "LibreOffice 7.4 abi (et/text/swriter/guide/pagenumbers.html, libreoffice-help-et 4:7.4.7-1+deb12u14)",
     "LibreOffice, Writer, leheküljenumbrid"),
    ("libreoffice-eu-urruneko-fitxategiak.pdf", read_help_html,
     page("eu", "shared/guide/cmis-remote-files.html"), LO_AUTHOR,
     "LibreOffice 7.4 laguntza (eu/text/shared/guide/cmis-remote-files.html, libreoffice-help-eu 4:7.4.7-1+deb12u14)",
     "LibreOffice, urruneko fitxategiak"),
    ("libreoffice-gl-xanela-de-axuda.pdf", read_help_html,
     page("gl", "shared/05/new_help.html"), LO_AUTHOR,
     "Axuda do LibreOffice 7.4 (gl/text/shared/05/new_help.html, libreoffice-help-gl 4:7.4.7-1+deb12u14)",
     "LibreOffice, axuda"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("libreoffice-hu-ms-office.docx", read_help_html,
     page("hu", "shared/guide/ms_user.html"), LO_AUTHOR,
     "LibreOffice 7.4 Súgó (hu/text/shared/guide/ms_user.html, libreoffice-help-hu 4:7.4.7-1+deb12u14)",
     LO_COMMENTS.format("Hungarian", "hu"), "LibreOffice, Microsoft Office"),
    ("libreoffice-sl-usmerjenost-strani.docx", read_help_html,
     page("sl", "swriter/guide/pageorientation.html"), LO_AUTHOR,
     "Pomoč za LibreOffice 7.4 (sl/text/swriter/guide/pageorientation.html, libreoffice-help-sl 4:7.4.7-1+deb12u14)",
     LO_COMMENTS.format("Slovenian", "sl"), "LibreOffice, Writer, usmerjenost strani"),
    ("libreoffice-et-ettekandjakuva.docx", read_help_html,
     page("et", "simpress/guide/presenter_console.html"), LO_AUTHOR,
     "LibreOffice 7.4 abi (et/text/simpress/guide/presenter_console.html, libreoffice-help-et 4:7.4.7-1+deb12u14)",
     LO_COMMENTS.format("Estonian", "et"), "LibreOffice, Impress, ettekandjakuva"),
    ("libreoffice-eu-txantiloi-kudeatzailea.docx", read_help_html,
     page("eu", "shared/guide/template_manager.html"), LO_AUTHOR,
     "LibreOffice 7.4 laguntza (eu/text/shared/guide/template_manager.html, libreoffice-help-eu 4:7.4.7-1+deb12u14)",
     LO_COMMENTS.format("Basque", "eu"), "LibreOffice, txantiloiak"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind27.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind27", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
