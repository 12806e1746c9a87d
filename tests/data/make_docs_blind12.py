#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind12/: a twelfth held-out documentation set (20 files), written
without running qabot, to measure it on documents and questions nobody tuned on -- in genres
the earlier sets have little of: command references and manual pages (cargo yank, npm audit,
npm unpublish, charset-normalizer's and Python-RSA's command-line tools), an API reference page
(Node.js's tty module), release notes with security fixes (OpenSSL's NEWS), design documents
(libxslt's internals, chardet's notes, Node.js's postmortem support), a style guide (Node.js's
C++ style guide), installation and build guides (npm's "download and install", CPython's
README, valgrind on Solaris), READMEs of tools and libraries (yq, argcomplete, pyasn1), a
licence's explanatory text (Vim's licence and charityware), a deprecation schedule (dpkg's
feature removals) and a how-to (OpenSSL's certificates HOWTO).

* 14 files are copied byte for byte, or gunzipped (``.html``, ``.md``, ``.rst``, ``.txt``).
* 3 PDF files (fpdf2) and 3 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by tests/data/docreaders.py's readers
  (``read_markdown``, ``read_rst``), make_docs_blind10.py's ``read_npm_markdown`` (an npm
  page's YAML front matter made its title and description) and ``read_sphinx_rst`` below
  (``read_rst`` with stand-ins for the ``py:func`` role and the ``index`` directive, which
  Python-RSA's page uses) -- the words are the sources'; only their markup is turned into
  headings, paragraphs, list items, code and tables.

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind12.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind12.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docreaders import read_markdown, read_rst
from make_docs_blind10 import read_npm_markdown

DOC = Path("/usr/share/doc")
TP = Path("/usr/lib/google-cloud-sdk/platform/gsutil/third_party")  # gsutil's vendored packages
RUST = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html")
NPM = Path("/usr/lib/node_modules/npm/docs/content")  # npm's documentation sources
VIMDOC = Path("/usr/share/vim/vim90/doc")  # Debian's vim-runtime

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = the decompressed .gz
COPIES = [
    ("cargo-yank.html", RUST / "cargo/commands/cargo-yank.html", "copy"),
    ("node-api-tty.html", DOC / "nodejs/api/tty.html", "copy"),
    ("valgrind-readme-solaris.html", DOC / "valgrind/html/dist.readme-solaris.html", "copy"),
    ("libxslt-internals.html", DOC / "libxslt1-dev/html/internals.html", "copy"),
    ("npm-audit.md", NPM / "commands/npm-audit.md", "copy"),
    ("openssl-news.md", DOC / "openssl/NEWS.md.gz", "gunzip"),
    ("nodejs-cpp-style-guide.md", DOC / "nodejs/contributing/cpp-style-guide.md", "copy"),
    ("nodejs-postmortem-support.md", DOC / "nodejs/contributing/node-postmortem-support.md", "copy"),
    ("yq-readme.rst", DOC / "yq/README.rst.gz", "gunzip"),
    ("cpython-readme.rst", DOC / "python3.11/README.rst.gz", "gunzip"),
    ("charset-normalizer-cli.rst", TP / "charset_normalizer/docs/user/cli.rst", "copy"),
    ("vim-uganda.txt", VIMDOC / "uganda.txt", "copy"),
    ("dpkg-feature-removal-schedule.txt", DOC / "dpkg/README.feature-removal-schedule.gz", "gunzip"),
    ("openssl-howto-certificates.txt", DOC / "openssl/HOWTO/certificates.txt.gz", "gunzip"),
]


def read_sphinx_rst(src: Path) -> list[tuple] | None:
    """``read_rst``'s blocks of a Sphinx page that also uses the ``py:func`` role (shown as its
    text, ``title <target>`` as ``title``) and the ``index`` directive (dropped), which plain
    docutils does not know."""
    import re

    from docutils import nodes
    from docutils.parsers.rst import Directive, directives, roles

    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        m = re.fullmatch(r"(.*?)\s*<[^<>]*>", text, re.S)
        return [nodes.literal(rawtext, m.group(1) if m else text)], []

    class Dropped(Directive):
        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True

        def run(self):
            return []

    roles.register_local_role("py:func", role)
    directives.register_directive("index", Dropped)
    return read_rst(src)


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("argcomplete-readme.pdf", read_rst, TP / "argcomplete/README.rst",
     "Andrey Kislyuk and argcomplete contributors",
     "argcomplete - Bash/zsh tab completion for argparse (README.rst of argcomplete, vendored by gsutil)",
     "argcomplete, argparse, bash, zsh, tab completion, global completion, completers"),
    ("chardet-notes.pdf", read_rst, TP / "chardet/NOTES.rst",
     "The chardet contributors",
     "chardet: notes on its class hierarchy and files (NOTES.rst of chardet, vendored by gsutil)",
     "chardet, character encoding detection, probers, state machines, language models"),
    ("pyasn1-readme.pdf", read_markdown, TP / "pyasn1/README.md",
     "Ilya Etingof and pyasn1 contributors",
     "pyasn1: ASN.1 library for Python (README.md of pyasn1, vendored by gsutil)",
     "pyasn1, ASN.1, BER, DER, codecs, Python"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("rsa-cli.docx", read_sphinx_rst, TP / "rsa/doc/cli.rst",
     "Sybren A. Stuvel and Python-RSA contributors",
     "Python-RSA: Commandline interface (doc/cli.rst)",
     "Rendered from Python-RSA's doc/cli.rst as vendored by gsutil; Apache License 2.0",
     "Python-RSA, command line, pyrsa-keygen, encrypt, decrypt, sign, verify"),
    ("npm-install.docx", read_npm_markdown, NPM / "configuring-npm/install.md",
     "npm, Inc. and contributors",
     "npm: Download and install node and npm (docs/content/configuring-npm/install.md)",
     "Rendered from the npm CLI's docs/content/configuring-npm/install.md as installed with Node.js; Artistic License 2.0",
     "npm, Node.js, installation, version manager, installers"),
    ("npm-unpublish.docx", read_npm_markdown, NPM / "commands/npm-unpublish.md",
     "npm, Inc. and contributors",
     "npm: npm-unpublish, remove a package from the registry (docs/content/commands/npm-unpublish.md)",
     "Rendered from the npm CLI's docs/content/commands/npm-unpublish.md as installed with Node.js; Artistic License 2.0",
     "npm, unpublish, registry, policy, deprecate"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind12.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind12", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
