#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind5/: a fifth held-out mixed-format documentation set (20 files),
written without running qabot, to measure it on documents and questions nobody tuned on --
"the Perl docs we use": the documentation of Perl 5.36.0 as Debian 12 installs it (the POD of
the core modules and of perldiag, perl's Debian README and changelog, and the GPL version 1
that Perl is distributed under, with the Artistic License).

* 9 HTML pages are rendered from installed POD by Perl's own ``pod2html`` (Pod::Html, run as
  a program; its index of sections kept, as it makes it by default), byte for byte what it
  writes.
* 2 plain-text pages are rendered from installed POD by Perl's ``pod2text`` (Pod::Text).
* 3 files are copied (``README.Debian``, the GPL-1 text) or gunzipped (``changelog.Debian.gz``).
* 6 files are generated here, deterministically (fixed dates and zip timestamps), as 3 PDFs
  (fpdf2) and 3 DOCX files (python-docx) from the pod2html rendering of installed POD:
  ``read_pod_html`` below turns the page's ``<body>`` (after pod2html's index) into blocks
  (headings, paragraphs, list items, ``=item`` labels, code blocks), its words unchanged; the
  page's NAME line becomes the title.

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind5.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx
    python tests/data/make_docs_blind5.py [OUT_DIR]

Needs ``perl``, ``pod2html`` and ``pod2text`` on PATH (Debian's perl 5.36.0). A source missing
on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import docsgen

LIB = Path("/usr/share/perl/5.36.0")  # perl-modules-5.36: architecture-independent modules
ARCH = Path("/usr/lib/x86_64-linux-gnu/perl/5.36.0")  # libperl5.36: XS modules
DOC = Path("/usr/share/doc/perl")

# (file name, POD source): rendered with pod2html
POD_HTML = [
    ("perl-getopt-long.html", LIB / "Getopt/Long.pm"),
    ("perldiag.html", LIB / "pod/perldiag.pod"),
    ("perl-data-dumper.html", ARCH / "Data/Dumper.pm"),
    ("perl-http-tiny.html", LIB / "HTTP/Tiny.pm"),
    ("perl-file-temp.html", LIB / "File/Temp.pm"),
    ("perl-json-pp.html", LIB / "JSON/PP.pm"),
    ("perl-test-more.html", LIB / "Test/More.pm"),
    ("perl-makemaker-faq.html", LIB / "ExtUtils/MakeMaker/FAQ.pod"),
    ("perl-list-util.html", ARCH / "List/Util.pm"),
]

# (file name, POD source): rendered with pod2text
POD_TEXT = [
    ("perl-libnet-faq.txt", LIB / "Net/libnetFAQ.pod"),
    ("perl-time-local.txt", LIB / "Time/Local.pm"),
]

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = decompressed
COPIES = [
    ("perl-readme-debian.txt", DOC / "README.Debian", "copy"),
    ("perl-debian-changelog.txt", DOC / "changelog.Debian.gz", "gunzip"),
    ("gpl-1.0.txt", Path("/usr/share/common-licenses/GPL-1"), "copy"),
]

# (file name, POD source, author, subject, keywords); the title is the POD's NAME line
GENERATED_PDF = [
    ("perl-test-tutorial.pdf", LIB / "Test/Tutorial.pod",
     "Michael G Schwern and the Test::More maintainers",
     "Test::Tutorial, Perl 5.36.0 core documentation: writing basic tests with Test::Simple and Test::More",
     "Perl, testing, Test::Simple, Test::More, tutorial"),
    ("perl-makemaker-tutorial.pdf", LIB / "ExtUtils/MakeMaker/Tutorial.pod",
     "Michael G Schwern",
     "ExtUtils::MakeMaker::Tutorial, Perl 5.36.0 core documentation: writing a module distribution with MakeMaker",
     "Perl, ExtUtils::MakeMaker, Makefile.PL, modules, tutorial"),
    ("perl-file-find.pdf", LIB / "File/Find.pm",
     "The Perl 5 Porters",
     "File::Find, Perl 5.36.0 core documentation: traversing a directory tree",
     "Perl, File::Find, find, finddepth, directories"),
]

# (file name, POD source, author, subject, comments, keywords)
GENERATED_DOCX = [
    ("perl-io-compress-faq.docx", LIB / "IO/Compress/FAQ.pod",
     "Paul Marquess",
     "IO::Compress::FAQ, Perl 5.36.0 core documentation: questions about the IO::Compress modules",
     "Rendered from the POD of Perl 5.36.0 (Debian 12), /usr/share/perl/5.36.0/IO/Compress/FAQ.pod; same terms as Perl itself",
     "Perl, compression, gzip, zip, zlib, FAQ"),
    ("perl-term-ansicolor.docx", LIB / "Term/ANSIColor.pm",
     "Russ Allbery and Zenin",
     "Term::ANSIColor, Perl 5.36.0 core documentation: color output with ANSI escape sequences",
     "Rendered from the POD of Perl 5.36.0 (Debian 12), /usr/share/perl/5.36.0/Term/ANSIColor.pm; same terms as Perl itself",
     "Perl, terminal, ANSI, color, escape sequences"),
    ("perl-constant.docx", LIB / "constant.pm",
     "Tom Phoenix and the Perl 5 Porters",
     "constant, Perl 5.36.0 core documentation: the constant pragma for declaring constants",
     "Rendered from the POD of Perl 5.36.0 (Debian 12), /usr/share/perl/5.36.0/constant.pm; same terms as Perl itself",
     "Perl, constant, pragma, compile-time constants"),
]

# --- rendering POD with Perl's own tools --------------------------------------------------------


def pod2html(src: Path) -> bytes | None:
    """The page pod2html writes for ``src`` (its cache files kept in a temporary folder, its
    link warnings silenced); None if the source is missing."""
    if not src.is_file():
        print(f"missing source, not rendered: {src}", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as tmp:
        outfile = Path(tmp) / "page.html"
        subprocess.run(["pod2html", "--quiet", f"--cachedir={tmp}", f"--infile={src}",
                        f"--outfile={outfile}"], check=True, cwd=tmp)
        return outfile.read_bytes()


def pod2text(src: Path) -> bytes | None:
    """The text pod2text writes for ``src`` (its defaults: 76 columns); None if missing."""
    if not src.is_file():
        print(f"missing source, not rendered: {src}", file=sys.stderr)
        return None
    return subprocess.run(["pod2text", str(src)], check=True, capture_output=True).stdout


# --- reading a pod2html page ----------------------------------------------------------------------


def _index(tag: str, attrs: dict[str, str | None]) -> bool:
    """pod2html's index of the page's sections (``<ul id="index">``)."""
    return tag == "ul" and attrs.get("id") == "index"


def read_pod(src: Path) -> list[tuple] | None:
    """The blocks of ``src`` as pod2html renders it (its ``<body>`` but its index: ``=head1``
    is "h1", ``=head2`` "h2", deeper headings "h3"; an ``=item`` label of a definition list a
    "p" block of its own), the NAME section made the title; None if the source is missing."""
    page = pod2html(src)
    if page is None:
        return None
    reader = docsgen.HtmlBlocks("body", first_title=False, left_out=_index,
                                block_tags={"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre",
                                            "dt", "dd"})
    reader.feed(page.decode("utf-8"))
    blocks = reader.blocks
    if len(blocks) > 1 and blocks[0] == ("h1", "NAME") and blocks[1][0] == "p":
        blocks = [("title", blocks[1][1]), *blocks[2:]]
    return blocks


WRITE = docsgen.Writer("tests/data/make_docs_blind5.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "docs_blind5")
    for name, src in POD_HTML:
        page = pod2html(src)
        if page is not None:
            (out / name).write_bytes(page)
    for name, src in POD_TEXT:
        text = pod2text(src)
        if text is not None:
            (out / name).write_bytes(text)
    docsgen.copy_sources(out, COPIES)
    WRITE.generated(out, read_pod, GENERATED_PDF, GENERATED_DOCX)
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
