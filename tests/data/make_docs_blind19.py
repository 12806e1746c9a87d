#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind19/: a nineteenth held-out set (21 files), written without
running qabot, to measure it on real documentation written in languages other than English --
Italian, Dutch, Korean, Czech, Finnish and Indonesian, none of them a language of
docs_blind17: chapters of the Debian FAQ (Italian, Dutch, Korean), pages of aptitude's user
manual (Dutch, Czech, Finnish), the Italian Debian New Maintainers' Guide (its plain-text
edition, whole), two pages of the Indonesian Debian Reference, READMEs of Italian Plone
add-ons for public administrations (design.plone.policy, design.plone.contenttypes), of an
Italian tax-code library (codicefiscale-ita), of a Czech company-register client (ares-data),
and of two Korean projects (pykrx's contributor guide, koreanize-matplotlib). No document is
in English.

* 14 files are copied byte for byte (``.html``, ``.md``, ``.rst``) or gunzipped (``.txt``)
  from six PyPI sdists and eight Debian packages (below).
* 4 PDF files (fpdf2) and 3 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by docsgen.py's ``HtmlBlocks`` (a
  DocBook page's body without its navigation and table of contents) -- the words are the
  sources'; only their markup is turned into headings, paragraphs, list items, code and
  tables. The PDFs are of Italian, Dutch, Finnish and Indonesian text (their core fonts show
  windows-1252); the Korean and Czech ones are DOCX files (and one Dutch).

The PyPI sdists are read from ``SDISTS`` (the folder given by the environment variable
QABOT_SDISTS, default ~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        design.plone.policy==5.1.0 design.plone.contenttypes==6.3.18 \
        codicefiscale-ita==0.1.2 ares-data==1.0.1 pykrx==1.2.9 koreanize-matplotlib==0.1.1

puts them, and the Debian packages (bookworm) from ``DEBS`` (QABOT_DEBS, default
~/.cache/qabot-debs), where::

    cd ~/.cache/qabot-debs && apt-get download debian-faq-it=11.1 debian-faq-nl=11.1 \
        debian-faq-ko=11.1 aptitude-doc-nl=0.8.13-5 aptitude-doc-cs=0.8.13-5 \
        aptitude-doc-fi=0.8.13-5 maint-guide-it=1.2.53 debian-reference-id=2.100

puts them; the members of both are read straight from the archives (SHA-256 in
docs_blind19.md).

Provenance and licences: tests/data/docs_blind19.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, markdown-it-py
    python tests/data/make_docs_blind19.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docsgen import sdist

POLICY = "design_plone_policy-5.1.0.tar.gz"
CONTENTTYPES = "design_plone_contenttypes-6.3.18.tar.gz"
CODICEFISCALE = "codicefiscale_ita-0.1.2.tar.gz"
ARES = "ares_data-1.0.1.tar.gz"
PYKRX = "pykrx-1.2.9.tar.gz"
KOREANIZE = "koreanize-matplotlib-0.1.1.tar.gz"

FAQ_IT = "debian-faq-it_11.1_all.deb"
FAQ_NL = "debian-faq-nl_11.1_all.deb"
FAQ_KO = "debian-faq-ko_11.1_all.deb"
APTITUDE_NL = "aptitude-doc-nl_0.8.13-5_all.deb"
APTITUDE_CS = "aptitude-doc-cs_0.8.13-5_all.deb"
APTITUDE_FI = "aptitude-doc-fi_0.8.13-5_all.deb"
MAINT_IT = "maint-guide-it_1.2.53_all.deb"
REFERENCE_ID = "debian-reference-id_2.100_all.deb"

DEBS = Path(os.environ.get("QABOT_DEBS", Path.home() / ".cache" / "qabot-debs"))


def deb(package: str, member: str) -> Path:
    """``docsgen.deb`` of this script's ``DEBS``."""
    return docsgen.deb(DEBS, package, member)


FAQ = "./usr/share/doc/debian/FAQ"
APTITUDE = "./usr/share/doc/aptitude/html"
REFERENCE = "./usr/share/debian-reference"

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = the decompressed .gz
COPIES = [
    ("debian-faq-it-pkgtools.html", deb(FAQ_IT, f"{FAQ}/it/pkgtools.it.html"), "copy"),
    ("debian-faq-nl-customizing.html", deb(FAQ_NL, f"{FAQ}/nl/customizing.nl.html"), "copy"),
    ("debian-faq-ko-ftparchives.html", deb(FAQ_KO, f"{FAQ}/ko/ftparchives.ko.html"), "copy"),
    ("aptitude-nl-pakketbeheerder.html", deb(APTITUDE_NL, f"{APTITUDE}/nl/pr01s02.html"), "copy"),
    ("aptitude-cs-zavislosti.html", deb(APTITUDE_CS, f"{APTITUDE}/cs/ch02s02s04.html"), "copy"),
    ("aptitude-fi-miinaharava.html", deb(APTITUDE_FI, f"{APTITUDE}/fi/ch02s05.html"), "copy"),
    ("debian-reference-id-lampiran.html", deb(REFERENCE_ID, f"{REFERENCE}/apa.id.html"), "copy"),
    ("design-plone-contenttypes-readme.md", sdist(CONTENTTYPES, "design_plone_contenttypes-6.3.18/README.md"), "copy"),
    ("codicefiscale-ita-readme.md", sdist(CODICEFISCALE, "codicefiscale_ita-0.1.2/README.md"), "copy"),
    ("ares-data-readme.md", sdist(ARES, "ares_data-1.0.1/README.md"), "copy"),
    ("pykrx-contributing.md", sdist(PYKRX, "pykrx-1.2.9/CONTRIBUTING.md"), "copy"),
    ("koreanize-matplotlib-readme.md", sdist(KOREANIZE, "koreanize-matplotlib-0.1.1/README.md"), "copy"),
    ("design-plone-policy-readme.rst", sdist(POLICY, "design_plone_policy-5.1.0/README.rst"), "copy"),
    ("maint-guide-it.txt", deb(MAINT_IT, "./usr/share/doc/maint-guide-it/maint-guide.it.txt.gz"), "gunzip"),
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

FAQ_AUTHOR = "The Debian FAQ authors"
APTITUDE_AUTHOR = "Daniel Burrows"
REFERENCE_AUTHOR = "Osamu Aoki"

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("debian-faq-it-kernel.pdf", read_docbook_html,
     deb(FAQ_IT, f"{FAQ}/it/kernel.it.html"), FAQ_AUTHOR,
     "Le FAQ di Debian GNU/Linux, capitolo 10 (kernel.it.html, debian-faq-it 11.1)",
     "Debian, FAQ, kernel, moduli"),
    ("aptitude-nl-broncode.pdf", read_docbook_html,
     deb(APTITUDE_NL, f"{APTITUDE}/nl/pr01s04s02.html"), APTITUDE_AUTHOR,
     "aptitude: gebruikershandleiding, aptitude bouwen vanuit de broncode (html/nl/pr01s04s02.html)",
     "aptitude, Debian, broncode, compileren"),
    ("aptitude-fi-komentorivi.pdf", read_docbook_html,
     deb(APTITUDE_FI, f"{APTITUDE}/fi/ch01s02.html"), APTITUDE_AUTHOR,
     "aptituden käyttöopas: aptituden käyttö komentoriviltä (html/fi/ch01s02.html)",
     "aptitude, Debian, komentorivi, paketit"),
    ("debian-reference-id-pengantar.pdf", read_docbook_html,
     deb(REFERENCE_ID, f"{REFERENCE}/pr01.id.html"), REFERENCE_AUTHOR,
     "Referensi Debian: Kata Pengantar (pr01.id.html, debian-reference-id 2.100)",
     "Debian, referensi, pengantar"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("debian-faq-ko-nextrelease.docx", read_docbook_html,
     deb(FAQ_KO, f"{FAQ}/ko/nextrelease.ko.html"), FAQ_AUTHOR,
     "Debian GNU/Linux FAQ 15장 (nextrelease.ko.html, debian-faq-ko 11.1)",
     "Rendered from the Debian FAQ's Korean translation (debian-faq-ko 11.1); the FAQ's permission notice",
     "Debian, FAQ, 릴리스"),
    ("aptitude-cs-informace.docx", read_docbook_html,
     deb(APTITUDE_CS, f"{APTITUDE}/cs/ch02s02s02.html"), APTITUDE_AUTHOR,
     "aptitude: příručka uživatele, získání informací o balíku (html/cs/ch02s02s02.html)",
     "Rendered from aptitude's Czech user manual (aptitude-doc-cs 0.8.13-5); GPL-2+",
     "aptitude, Debian, balíky, informace"),
    ("aptitude-nl-faq.docx", read_docbook_html,
     deb(APTITUDE_NL, f"{APTITUDE}/nl/ch03.html"), APTITUDE_AUTHOR,
     "aptitude: gebruikershandleiding, hoofdstuk 3, veel gestelde vragen (html/nl/ch03.html)",
     "Rendered from aptitude's Dutch user manual (aptitude-doc-nl 0.8.13-5); GPL-2+",
     "aptitude, Debian, FAQ, vragen"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind19.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind19", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
