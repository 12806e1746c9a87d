#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind3/: a third held-out mixed-format documentation set (19 files),
written without running qabot, to measure it on documents and questions nobody tuned on.

* 13 files are copied from packages installed on the development machine (Debian packages --
  among them npm's files, shipped by ``nodejs`` -- and two PyPI packages of the project venv):
  byte for byte, gunzipped byte for byte (the Debian ``.gz`` files), or -- the PyPI
  ``METADATA`` files -- minus their RFC-822 header (everything up to the first blank line),
  leaving the Markdown README body.
* 6 files are generated here, deterministically (fixed dates and zip timestamps), from texts
  read from installed package files (not embedded), as 3 PDFs (fpdf2) and 3 DOCX files
  (python-docx). The Markdown sources go through ``md_clean`` and the Markdown reader of
  mdreader.py, the plain-text ones through ``parse_text`` -- both taken from
  make_docs_blind2.py, unchanged -- their words unchanged.

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind3.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx and the PyPI sources
    python tests/data/make_docs_blind3.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path

import docsgen
from make_docs_blind2 import read_blocks

DOC = Path("/usr/share/doc")
NPM = Path("/usr/lib/node_modules/npm")
# site-packages of the interpreter running this script (the project venv, which holds the
# PyPI packages whose METADATA is read)
VENV = Path(sysconfig.get_paths()["purelib"])

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = decompressed byte
# for byte, "metadata" = PyPI METADATA minus its RFC-822 header block
COPIES = [
    ("gcc-12-changes.html", DOC / "gcc-12-base/NEWS.html", "copy"),
    ("npm-scripts.html", NPM / "docs/output/using-npm/scripts.html", "copy"),
    ("npm-folders.html", NPM / "docs/output/configuring-npm/folders.html", "copy"),
    ("node-corepack.html", DOC / "nodejs/api/corepack.html", "copy"),
    ("libffi-introduction.html", DOC / "libffi8/html/Introduction.html", "copy"),
    ("redis-py-readme.md", VENV / "redis-8.2.0.dist-info/METADATA", "metadata"),
    ("charset-normalizer-readme.md", VENV / "charset_normalizer-3.5.3.dist-info/METADATA", "metadata"),
    ("systemd-coding-style.md", DOC / "systemd/CODING_STYLE.md.gz", "gunzip"),
    ("pacote-readme.md", NPM / "node_modules/pacote/README.md", "copy"),
    ("bash-posix-mode.txt", DOC / "bash/POSIX.gz", "gunzip"),
    ("openssh-debian-readme.txt", DOC / "openssh-client/README.Debian.gz", "gunzip"),
    ("dpkg-triggers.txt", DOC / "dpkg/spec/triggers.txt", "copy"),
    ("zip-whatsnew.txt", DOC / "zip/WHATSNEW", "copy"),
]

# (file name, source path, how it is read, title, author, subject, keywords); a DOCX also has
# comments (its source) -- see GENERATED_DOCX
GENERATED_PDF = [
    ("huggingface-hub-readme.pdf", VENV / "huggingface_hub-2.4.0.dist-info/METADATA", "metadata-markdown",
     "huggingface_hub", "The Hugging Face team",
     "The huggingface_hub library and hf CLI: installation, quick start, downloading and uploading",
     "Hugging Face, Hub, hf CLI, Python"),
    ("util-linux-pull-requests.pdf", DOC / "util-linux/howto-pull-request.txt.gz", "text",
     "util-linux: how to send pull requests", "The util-linux contributors",
     "Setting up a contributor repository, branches, and sending pull requests to util-linux",
     "util-linux, git, pull request, contributing"),
    ("gcc-debian-setup.pdf", DOC / "cpp/README.Debian", "text",
     "The Debian GNU Compiler Collection Setup", "The Debian GCC maintainers",
     "How Debian selects its default GCC version and how several versions coexist",
     "Debian, GCC, gcc-defaults, compilers"),
]

GENERATED_DOCX = [
    ("zstd-contributing.docx", DOC / "zstd/CONTRIBUTING.md.gz", "markdown",
     "Contributing to Zstandard", "The Zstandard contributors",
     "How to contribute to zstd: workflow, pull requests, testing, benchmarking and style",
     "Debian package zstd 1.5.4+dfsg2-5, /usr/share/doc/zstd/CONTRIBUTING.md.gz; BSD-3-Clause or GPL-2.0",
     "zstd, Zstandard, contributing"),
    ("narwhals-readme.docx", VENV / "narwhals-2.29.0.dist-info/METADATA", "metadata-markdown",
     "Narwhals", "The Narwhals contributors",
     "Narwhals, a compatibility layer between dataframe libraries: installation, usage, scope",
     "PyPI narwhals 2.29.0, METADATA description (README); MIT",
     "Narwhals, dataframes, pandas, Polars"),
    ("nopt-readme.docx", NPM / "node_modules/nopt/README.md", "markdown",
     "nopt", "The npm contributors",
     "nopt, npm's option parser: types, shorthands, abbreviations",
     "Debian package nodejs 20.20.2 (npm's bundled nopt 9.0.0), node_modules/nopt/README.md; ISC",
     "nopt, npm, Node.js, command-line options"),
]

def cp1252_only(block: tuple) -> tuple:
    """A block without the characters that the PDF's core fonts (windows-1252) cannot show --
    in these sources only emoji and their variation selectors, which are dropped."""
    def keep(text: str) -> str:
        return "".join(c for c in text if c.encode("cp1252", "ignore")).replace("  ", " ")
    return tuple(cp1252_only(x) if isinstance(x, (tuple, list)) else
                 keep(x) if isinstance(x, str) else x for x in block)


WRITE = docsgen.Writer("tests/data/make_docs_blind3.py", docx_code="lines")


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "docs_blind3")
    docsgen.copy_sources(out, COPIES)
    for name, src, how, title, author, subject, keywords in GENERATED_PDF:
        blocks = read_blocks(src, how)
        if blocks is not None:
            WRITE.pdf([cp1252_only(b) for b in blocks], out / name, title, author, subject, keywords)
    for name, src, how, title, author, subject, comments, keywords in GENERATED_DOCX:
        blocks = read_blocks(src, how)
        if blocks is not None:
            WRITE.docx(blocks, out / name, title, author, subject, comments, keywords)
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
