#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind21/: a twenty-first held-out set (19 files), written without
running qabot, to measure it on real documentation written in languages other than English --
Swedish, Danish, Greek, Romanian, Catalan, Polish and Ukrainian, none of them a language of
docs_blind17 or docs_blind19: sections of the Debian Installation Guide (Swedish, Danish,
Greek, Romanian, Catalan), two of the Debian release dedications (Danish, Romanian), the
Swedish and Polish manual pages of Gramps, and the READMEs of two Polish projects
(dni-do-emerytury, working days left to retirement; aztecdecoder, the AZTEC 2D code of
Polish vehicle registration certificates) and of a Ukrainian one (alerts-in-ua-py, air-raid
alerts). No document is in English.

* 13 files are copied byte for byte (``.html``, ``.md``, ``.rst``, ``.txt``) from four PyPI
  sdists and two Debian packages (below).
* 3 PDF files (fpdf2) and 3 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by docsgen.py's ``HtmlBlocks`` (a
  DocBook page's body without its navigation and table of contents) -- the words are the
  sources'; only their markup is turned into headings, paragraphs, list items, code and
  tables. The PDFs are of Swedish, Danish and Catalan text (their core fonts show
  windows-1252); the Greek, Romanian and one more Catalan page are DOCX files.

The PyPI sdists are read from ``SDISTS`` (the folder given by the environment variable
QABOT_SDISTS, default ~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        gramps==6.0.8 dni-do-emerytury==0.2.1 aztecdecoder==1.1.0 alerts-in-ua-py==1.4.4

puts them, and the Debian packages (bookworm) from ``DEBS`` (QABOT_DEBS, default
~/.cache/qabot-debs), where::

    cd ~/.cache/qabot-debs && apt-get download installation-guide-amd64=20230508+deb12u1 \
        debian-history=2.28

puts them; the members of both are read straight from the archives (SHA-256 in
docs_blind21.md).

Provenance and licences: tests/data/docs_blind21.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx
    python tests/data/make_docs_blind21.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docsgen import sdist

GRAMPS = "gramps-6.0.8.tar.gz"
EMERYTURA = "dni_do_emerytury-0.2.1.tar.gz"
AZTEC = "aztecdecoder-1.1.0.tar.gz"
ALERTS = "alerts_in_ua_py-1.4.4.tar.gz"

GUIDE = "installation-guide-amd64_20230508+deb12u1_all.deb"
HISTORY = "debian-history_2.28_all.deb"

DEBS = Path(os.environ.get("QABOT_DEBS", Path.home() / ".cache" / "qabot-debs"))


def deb(package: str, member: str) -> Path:
    """``docsgen.deb`` of this script's ``DEBS``."""
    return docsgen.deb(DEBS, package, member)



IG = "./usr/share/doc/installation-guide-amd64"
DEDICATION = "./usr/share/doc/debian-history/dedication"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("debian-install-sv-epost.html", deb(GUIDE, f"{IG}/sv/ch08s04.html"), "copy"),
    ("debian-install-da-tilgaengelighed.html", deb(GUIDE, f"{IG}/da/ch05s02.html"), "copy"),
    ("debian-install-el-usb.html", deb(GUIDE, f"{IG}/el/ch04s03.html"), "copy"),
    ("debian-install-el-katalogoi.html", deb(GUIDE, f"{IG}/el/apcs02.html"), "copy"),
    ("debian-install-ro-functionare.html", deb(GUIDE, f"{IG}/ro/ch06s01.html"), "copy"),
    ("debian-install-ca-requisits.html", deb(GUIDE, f"{IG}/ca/ch03s04.html"), "copy"),
    ("dni-do-emerytury-readme.md", sdist(EMERYTURA, "dni_do_emerytury-0.2.1/README.md"), "copy"),
    ("aztecdecoder-readme.md", sdist(AZTEC, "aztecdecoder-1.1.0/README.md"), "copy"),
    ("alerts-in-ua-readme.md", sdist(ALERTS, "alerts_in_ua_py-1.4.4/README.md"), "copy"),
    ("gramps-man-pl.rst", sdist(GRAMPS, "gramps-6.0.8/data/man/pl/pl.rst"), "copy"),
    ("gramps-man-sv.rst", sdist(GRAMPS, "gramps-6.0.8/data/man/sv/sv.rst"), "copy"),
    ("debian-dedication-da.txt", deb(HISTORY, f"{DEDICATION}/dedication-9.0.da.txt"), "copy"),
    ("debian-dedication-ro.txt", deb(HISTORY, f"{DEDICATION}/dedication-5.0.ro.txt"), "copy"),
]


def _docbook_nav(tag: str, attrs: dict[str, str | None]) -> bool:
    """A DocBook page's navigation header and footer and its chapter's table of contents."""
    return tag == "div" and attrs.get("class") in ("navheader", "navfooter", "toc")


def read_docbook_html(src: Path) -> list[tuple] | None:
    """The blocks of a DocBook XSL chapter page: its body, without the navigation and the
    table of contents; the chapter's heading the title."""
    if not src.is_file():
        print(f"missing source, not read: {src}", file=sys.stderr)
        return None
    reader = docsgen.HtmlBlocks("body", True, _docbook_nav)
    reader.feed(src.read_text(encoding="utf-8"))
    return reader.blocks


# --- the generated files ----------------------------------------------------------------------

GUIDE_AUTHOR = "The Debian Installer team"

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("debian-install-sv-aterstallning.pdf", read_docbook_html,
     deb(GUIDE, f"{IG}/sv/ch08s06.html"), GUIDE_AUTHOR,
     "Debian GNU/Linux Installationsguide, 8.6 (sv/ch08s06.html, installation-guide-amd64 20230508+deb12u1)",
     "Debian, installation, återställning"),
    ("debian-install-da-krypterede.pdf", read_docbook_html,
     deb(GUIDE, f"{IG}/da/ch07s02.html"), GUIDE_AUTHOR,
     "Debian GNU/Linux installationsvejledning, 7.2 (da/ch07s02.html, installation-guide-amd64 20230508+deb12u1)",
     "Debian, installation, kryptering"),
    ("debian-install-ca-particions.pdf", read_docbook_html,
     deb(GUIDE, f"{IG}/ca/apcs01.html"), GUIDE_AUTHOR,
     "Guia d'instal·lació de Debian GNU/Linux, C.1 (ca/apcs01.html, installation-guide-amd64 20230508+deb12u1)",
     "Debian, instal·lació, particions"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("debian-install-el-ti-einai.docx", read_docbook_html,
     deb(GUIDE, f"{IG}/el/ch01s01.html"), GUIDE_AUTHOR,
     "Οδηγός Εγκατάστασης του Debian GNU/Linux, 1.1 (el/ch01s01.html, installation-guide-amd64 20230508+deb12u1)",
     "Rendered from the Debian Installation Guide's Greek translation (installation-guide-amd64 20230508+deb12u1); GPL-2",
     "Debian, εγκατάσταση"),
    ("debian-install-ro-firmware.docx", read_docbook_html,
     deb(GUIDE, f"{IG}/ro/ch02s02.html"), GUIDE_AUTHOR,
     "Ghidul de instalare Debian GNU/Linux, 2.2 (ro/ch02s02.html, installation-guide-amd64 20230508+deb12u1)",
     "Rendered from the Debian Installation Guide's Romanian translation (installation-guide-amd64 20230508+deb12u1); GPL-2",
     "Debian, instalare, firmware"),
    ("debian-install-ca-llicencies.docx", read_docbook_html,
     deb(GUIDE, f"{IG}/ca/ch01s08.html"), GUIDE_AUTHOR,
     "Guia d'instal·lació de Debian GNU/Linux, 1.8 (ca/ch01s08.html, installation-guide-amd64 20230508+deb12u1)",
     "Rendered from the Debian Installation Guide's Catalan translation (installation-guide-amd64 20230508+deb12u1); GPL-2",
     "Debian, instal·lació, llicències"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind21.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind21", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
