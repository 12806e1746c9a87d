#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind11/: an eleventh held-out documentation set (20 files), written
without running qabot, to measure it on documents and questions nobody tuned on -- in genres
the earlier sets have little of: migration guides (moving a Rust project to a new edition,
bash's compatibility notes), a glossary (the Embedded Rust book), configuration references
(Cargo's configuration, npm's npmrc, systemd's transient settings), tutorials and
step-by-step procedures (writing Rust documentation, pyparsing, Node.js tests, updating
OpenSSL in Node.js, agetty with modems), troubleshooting guides (native memory leaks in
Node.js, debugging util-linux, npm's logging), dataset descriptions (scikit-learn's wine and
breast cancer data), a governance document (Node.js's social media accounts) and developer
guides (systemd's hacking guide, pip's codebase anatomy and upgrade options).

* 14 files are copied byte for byte, or gunzipped (``.html``, ``.md``, ``.rst``, ``.txt``).
* 3 PDF files (fpdf2) and 3 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by tests/data/docreaders.py's readers
  (``read_markdown``, ``read_rst``) and make_docs_blind10.py's ``read_npm_markdown`` (an npm
  page's YAML front matter made its title and description); systemd's hacking guide opens
  with a Jekyll front matter, which ``read_jekyll_markdown`` drops, the page's own heading
  made the title -- the words are the sources';
  only their markup is turned into headings, paragraphs, list items, code and tables.

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind11.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind11.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import re
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
SKL = Path("/work/venv/lib/python3.11/site-packages/sklearn/datasets/descr")  # scikit-learn 1.9.1

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = the decompressed .gz
COPIES = [
    ("rust-edition-guide-transitioning.html", RUST / "edition-guide/editions/transitioning-an-existing-project-to-a-new-edition.html", "copy"),
    ("embedded-rust-glossary.html", RUST / "embedded-book/appendix/glossary.html", "copy"),
    ("cargo-configuration.html", RUST / "cargo/reference/config.html", "copy"),
    ("rustdoc-how-to-write-documentation.html", RUST / "rustdoc/how-to-write-documentation.html", "copy"),
    ("nodejs-investigating-native-memory-leaks.md", DOC / "nodejs/contributing/investigating-native-memory-leaks.md", "copy"),
    ("npm-npmrc.md", NPM / "configuring-npm/npmrc.md", "copy"),
    ("systemd-transient-settings.md", DOC / "systemd/TRANSIENT-SETTINGS.md.gz", "gunzip"),
    ("nodejs-managing-social-media-accounts.md", DOC / "nodejs/contributing/managing-social-media-acounts.md", "copy"),
    ("pip-architecture-anatomy.rst", DOC / "python3-pip/html/development/architecture/anatomy.rst.gz", "gunzip"),
    ("sklearn-wine-dataset.rst", SKL / "wine_data.rst", "copy"),
    ("pyparsing-how-to-use.rst", TP / "pyparsing/docs/HowToUsePyparsing.rst", "copy"),
    ("bash-compat.txt", DOC / "bash/COMPAT.gz", "gunzip"),
    ("util-linux-modems-with-agetty.txt", DOC / "util-linux/modems-with-agetty.txt", "copy"),
    ("util-linux-howto-debug.txt", DOC / "util-linux/howto-debug.txt", "copy"),
]


def read_jekyll_markdown(src: Path) -> list[tuple] | None:
    """``read_markdown``'s blocks of a systemd documentation page, which opens with a Jekyll
    front matter (``---``, ``title:``, ``category:``, ``layout:``, ``SPDX-License-Identifier:``,
    ``---``) that CommonMark reads as a rule and a heading "title: T category: ..." followed by
    the page's own ``# T``: that heading dropped, and the page's heading made the title."""
    blocks = read_markdown(src)
    if blocks and blocks[0][0] in ("title", "h1") and re.match(r"title: .*? category: ", blocks[0][1]):
        rest = blocks[1:]
        if rest and rest[0][0] in ("title", "h1"):
            return [("title", rest[0][1]), *rest[1:]]
        return rest
    return blocks


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("nodejs-writing-tests.pdf", read_markdown, DOC / "nodejs/contributing/writing-tests.md",
     "The Node.js contributors (OpenJS Foundation)",
     "How to write a test for the Node.js project (doc/contributing/writing-tests.md of Node.js 20.20.2)",
     "Node.js, tests, common module, assertions, timers, fixtures, C++ unit tests"),
    ("sklearn-breast-cancer-dataset.pdf", read_rst, SKL / "breast_cancer.rst",
     "The scikit-learn developers",
     "scikit-learn: Breast cancer wisconsin (diagnostic) dataset (sklearn/datasets/descr/breast_cancer.rst)",
     "scikit-learn, datasets, breast cancer, Wisconsin, features, classification"),
    ("systemd-hacking.pdf", read_jekyll_markdown, DOC / "systemd/HACKING.md.gz",
     "The systemd developers",
     "systemd: Hacking on systemd (docs/HACKING.md of systemd 252)",
     "systemd, development, mkosi, building, testing, fuzzers"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("nodejs-maintaining-openssl.docx", read_markdown, DOC / "nodejs/contributing/maintaining/maintaining-openssl.md",
     "The Node.js contributors (OpenJS Foundation)",
     "Maintaining OpenSSL (Node.js contributing guide)",
     "Rendered from doc/contributing/maintaining/maintaining-openssl.md of Debian's nodejs 20.20.2; MIT licence",
     "Node.js, OpenSSL, dependencies, update, quictls"),
    ("npm-logging.docx", read_npm_markdown, NPM / "using-npm/logging.md",
     "npm, Inc. and contributors",
     "npm: Logging (docs/content/using-npm/logging.md)",
     "Rendered from the npm CLI's docs/content/using-npm/logging.md as installed with Node.js; Artistic License 2.0",
     "npm, logging, loglevel, logs-dir, timing, redaction"),
    ("pip-upgrade-options.docx", read_rst, DOC / "python3-pip/html/development/architecture/upgrade-options.rst",
     "The pip developers (PyPA)",
     "pip: Options that control the installation process (docs/html/development/architecture/upgrade-options.rst)",
     "Rendered from pip 23.0.1's docs/html/development/architecture/upgrade-options.rst (Debian python3-pip); MIT licence",
     "pip, upgrade, upgrade strategy, force reinstall, ignore installed, dependencies"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind11.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind11", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
