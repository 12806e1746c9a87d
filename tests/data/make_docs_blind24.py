#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind24/: a twenty-fourth held-out set (15 files), written without
running qabot, to measure it on real documentation written in languages other than English --
Norwegian Bokmål, Vietnamese, Persian, Arabic, Lithuanian and Hebrew, none of them a language
of docs_blind17, docs_blind19 or docs_blind21: translated sections of the Debian
Administrator's Handbook (Norwegian, Vietnamese, Persian, Arabic), of the Debian Installation
Guide (Vietnamese) and of the Debian History (Lithuanian: the Debian Manifesto, the project's
leadership, the release dedication of Debian 5.0), and the READMEs of two Israeli projects
(nachshon, a Hebrew programming language on Python; yemot-ai, AI agents for the Yemot
HaMashiach telephone system). No document is in English.

* 9 files are copied byte for byte (``.html``, ``.md``, ``.txt``) from two PyPI sdists and
  three Debian packages (below).
* 1 PDF file (fpdf2) and 5 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by docsgen.py's ``HtmlBlocks`` (a
  DocBook or Publican page's body without its navigation, banner and table of contents) --
  the words are the sources'; only their markup is turned into headings, paragraphs, list
  items, code and tables. The PDF is of Norwegian text (its core fonts show windows-1252);
  the Vietnamese, Persian, Arabic and Lithuanian pages are DOCX files.

The PyPI sdists are read from ``SDISTS`` (the folder given by the environment variable
QABOT_SDISTS, default ~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        nachshon==1.0.0 yemot-ai==0.1.1

puts them, and the Debian packages (bookworm) from ``DEBS`` (QABOT_DEBS, default
~/.cache/qabot-debs), where::

    cd ~/.cache/qabot-debs && apt-get download debian-handbook=11.20220922 \
        installation-guide-amd64=20230508+deb12u1 debian-history=2.28

puts them; the members of both are read straight from the archives (SHA-256 in
docs_blind24.md).

Provenance and licences: tests/data/docs_blind24.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx
    python tests/data/make_docs_blind24.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docsgen import sdist

NACHSHON = "nachshon-1.0.0.tar.gz"
YEMOT = "yemot_ai-0.1.1.tar.gz"

HANDBOOK = "debian-handbook_11.20220922_all.deb"
GUIDE = "installation-guide-amd64_20230508+deb12u1_all.deb"
HISTORY = "debian-history_2.28_all.deb"

DEBS = Path(os.environ.get("QABOT_DEBS", Path.home() / ".cache" / "qabot-debs"))


def deb(package: str, member: str) -> Path:
    """``docsgen.deb`` of this script's ``DEBS``."""
    return docsgen.deb(DEBS, package, member)



HB = "./usr/share/doc/debian-handbook/html"
IG = "./usr/share/doc/installation-guide-amd64"
HISTORY_DOCS = "./usr/share/doc/debian-history/docs"
DEDICATION = "./usr/share/doc/debian-history/dedication"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("debian-handbook-nb-grunnlagsdokumentene.html", deb(HANDBOOK, f"{HB}/nb-NO/sect.foundation-documents.html"), "copy"),
    ("debian-handbook-vi-hat-nhan.html", deb(HANDBOOK, f"{HB}/vi-VN/sect.kernel-role-and-tasks.html"), "copy"),
    ("debian-install-vi-gnu-linux.html", deb(GUIDE, f"{IG}/vi/ch01s03.html"), "copy"),
    ("debian-handbook-fa-fazaye-karbari.html", deb(HANDBOOK, f"{HB}/fa-IR/sect.user-space.html"), "copy"),
    ("debian-handbook-ar-shabakat.html", deb(HANDBOOK, f"{HB}/ar-MA/network-infrastructure.html"), "copy"),
    ("debian-manifestas-lt.html", deb(HISTORY, f"{HISTORY_DOCS}/manifesto.lt.html"), "copy"),
    ("debian-dedication-lt.txt", deb(HISTORY, f"{DEDICATION}/dedication-5.0.lt.txt"), "copy"),
    ("nachshon-readme.md", sdist(NACHSHON, "nachshon-1.0.0/README.md"), "copy"),
    ("yemot-ai-readme.md", sdist(YEMOT, "yemot_ai-0.1.1/README.md"), "copy"),
]


def _navigation(tag: str, attrs: dict[str, str | None]) -> bool:
    """A DocBook XSL page's navigation header and footer and its chapter's table of contents;
    a Publican page's banner, logo links and previous/next navigation."""
    cls = attrs.get("class") or ""
    if tag == "div":
        return cls in ("navheader", "navfooter", "toc") or attrs.get("id") == "banner"
    return (tag == "p" and attrs.get("id") == "title") or (tag == "ul" and cls.startswith("docnav"))


class BookBlocks(docsgen.HtmlBlocks):
    """``HtmlBlocks`` that also reads a Publican page's paragraphs, ``<div class="para">``
    (the Debian Administrator's Handbook has no ``<p>``), as paragraphs."""

    def __init__(self) -> None:
        super().__init__("body", True, _navigation)
        self.divs: list[bool] = []  # whether each open div is a paragraph

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div":
            self.divs.append(dict(attrs).get("class") == "para" and not self.depth)
            if self.divs[-1]:
                tag = "p"
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.divs and self.divs.pop():
            tag = "p"
        super().handle_endtag(tag)


def read_book_html(src: Path) -> list[tuple] | None:
    """The blocks of a DocBook XSL or Publican page: its body, without the navigation and
    the table of contents; the page's first heading the title."""
    if not src.is_file():
        print(f"missing source, not read: {src}", file=sys.stderr)
        return None
    reader = BookBlocks()
    reader.feed(src.read_text(encoding="utf-8"))
    return reader.blocks


# --- the generated files ----------------------------------------------------------------------

HANDBOOK_AUTHOR = "Raphaël Hertzog, Roland Mas (translated by the Debian Handbook translators)"
GUIDE_AUTHOR = "The Debian Installer team"
HISTORY_AUTHOR = "The Debian Documentation Project"

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("debian-handbook-nb-kompromittert.pdf", read_book_html,
     deb(HANDBOOK, f"{HB}/nb-NO/sect.dealing-with-compromised-machine.html"), HANDBOOK_AUTHOR,
     "Håndbok for Debian-administratoren, 14.7 (nb-NO/sect.dealing-with-compromised-machine.html, debian-handbook 11.20220922)",
     "Debian, sikkerhet, innbrudd"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("debian-handbook-nb-oppdatert.docx", read_book_html,
     deb(HANDBOOK, f"{HB}/nb-NO/sect.regular-upgrades.html"), HANDBOOK_AUTHOR,
     "Håndbok for Debian-administratoren, 6.8 (nb-NO/sect.regular-upgrades.html, debian-handbook 11.20220922)",
     "Rendered from the Debian Administrator's Handbook's Norwegian Bokmål translation (debian-handbook 11.20220922); GPL-2+ or CC-BY-SA-3.0",
     "Debian, APT, oppdateringer"),
    ("debian-install-vi-dang-nhap.docx", read_book_html,
     deb(GUIDE, f"{IG}/vi/ch07s03.html"), GUIDE_AUTHOR,
     "Cài đặt Debian GNU/Linux, 7.3 (vi/ch07s03.html, installation-guide-amd64 20230508+deb12u1)",
     "Rendered from the Debian Installation Guide's Vietnamese translation (installation-guide-amd64 20230508+deb12u1); GPL-2",
     "Debian, cài đặt, đăng nhập"),
    ("debian-handbook-fa-shabake.docx", read_book_html,
     deb(HANDBOOK, f"{HB}/fa-IR/network-infrastructure.html"), HANDBOOK_AUTHOR,
     "کتاب راهنمای مدیر دبیان، فصل ۱۰ (fa-IR/network-infrastructure.html, debian-handbook 11.20220922)",
     "Rendered from the Debian Administrator's Handbook's Persian translation (debian-handbook 11.20220922); GPL-2+ or CC-BY-SA-3.0",
     "Debian, شبکه"),
    ("debian-handbook-ar-fada-almustakhdim.docx", read_book_html,
     deb(HANDBOOK, f"{HB}/ar-MA/sect.user-space.html"), HANDBOOK_AUTHOR,
     "دليل مدير دبيان، B.5 (ar-MA/sect.user-space.html, debian-handbook 11.20220922)",
     "Rendered from the Debian Administrator's Handbook's Arabic translation (debian-handbook 11.20220922); GPL-2+ or CC-BY-SA-3.0",
     "Debian, عمليات, مكتبات"),
    ("debian-vadovavimas-lt.docx", read_book_html,
     deb(HISTORY, f"{HISTORY_DOCS}/leaders.lt.html"), HISTORY_AUTHOR,
     "Trumpa Debian'o istorija, 2 skyrius (leaders.lt.html, debian-history 2.28)",
     "Rendered from the Lithuanian translation of A Brief History of Debian (debian-history 2.28); GPL-2+",
     "Debian, vadovavimas"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind24.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind24", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
