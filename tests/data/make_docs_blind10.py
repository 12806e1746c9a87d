#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind10/: a tenth held-out documentation set (20 files), written
without running qabot, to measure it on documents and questions nobody tuned on -- in genres
other than the earlier sets' READMEs, manuals and changelogs: reports (rustc's exploit
mitigations, pip's UX research and design), FAQs (Cargo), policies and process documents
(requests' release process, Node.js's collaborator guide, distribution policy, offboarding
and security-model strategy, pip's documentation conventions), announcements
(setuptools' Python 2 sunset, the Git 2.39 release notes), a specification (the X11 Security
extension, npm's package spec), design rationale (pip's dependency resolution), long-form prose
(the history of LZMA Utils and XZ Utils, how Rust is made), a code of conduct (google-auth) and
user guides (IDLE, npm's developer guide and organizations).

* 14 files are copied byte for byte, or gunzipped (``.html``, ``.md``, ``.rst``, ``.txt``).
* 3 PDF files (fpdf2) and 3 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by tests/data/docreaders.py's readers
  (``read_markdown``, ``read_rst``) -- the words are the sources'; only their markup is turned
  into headings, paragraphs, list items, code and tables. npm's pages open with a YAML front
  matter, which CommonMark reads as a rule and a heading ("title: ... section: 7
  description: ..."): ``read_npm_markdown`` makes that heading the title and the description
  a paragraph; pip's ``:orphan:`` page gets its first heading as its title
  (``read_orphan_rst``).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind10.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind10.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docreaders import read_markdown, read_rst

DOC = Path("/usr/share/doc")
TP = Path("/usr/lib/google-cloud-sdk/platform/gsutil/third_party")  # gsutil's vendored packages
RUST = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html")
NPM = Path("/usr/lib/node_modules/npm/docs/content")  # npm's documentation sources
IDLE = Path("/root/.pyenv/versions/3.12.1/lib/python3.12/idlelib")  # pyenv's Python 3.12.1

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = the decompressed .gz
COPIES = [
    ("rustc-exploit-mitigations.html", RUST / "rustc/exploit-mitigations.html", "copy"),
    ("cargo-faq.html", RUST / "cargo/faq.html", "copy"),
    ("rust-book-nightly-rust.html", RUST / "book/appendix-07-nightly-rust.html", "copy"),
    ("idle-help.html", IDLE / "help.html", "copy"),
    ("pip-more-dependency-resolution.md", DOC / "python3-pip/html/topics/more-dependency-resolution.md.gz", "gunzip"),
    ("nodejs-security-model-strategy.md", DOC / "nodejs/contributing/security-model-strategy.md", "copy"),
    ("nodejs-distribution-policy.md", DOC / "nodejs/contributing/distribution.md", "copy"),
    ("npm-package-spec.md", NPM / "using-npm/package-spec.md", "copy"),
    ("pip-ux-research-design.rst", DOC / "python3-pip/html/ux_research_design.rst", "copy"),
    ("setuptools-python-2-sunset.rst", DOC / "python3-setuptools/python 2 sunset.rst", "copy"),
    ("requests-release-process.rst", TP / "requests/docs/community/release-process.rst", "copy"),
    ("xz-history.txt", DOC / "xz-utils/history.txt.gz", "gunzip"),
    ("git-2.39.0-release-notes.txt", DOC / "git/RelNotes/2.39.0.txt", "copy"),
    ("x11-security-extension.txt", DOC / "xextproto/security.txt.gz", "gunzip"),
]


def read_npm_markdown(src: Path) -> list[tuple] | None:
    """``read_markdown``'s blocks of an npm documentation page, its front matter's heading
    ("title: T section: N description: D") made the title T and a paragraph D."""
    blocks = read_markdown(src)
    if blocks and blocks[0][0] in ("title", "h1"):
        m = re.fullmatch(r"title: (.*?) section: \S+ description: (.*)", blocks[0][1])
        if m:
            return [("title", m.group(1)), ("p", m.group(2)), *blocks[1:]]
    return blocks


def read_orphan_rst(src: Path) -> list[tuple] | None:
    """``read_rst``'s blocks of a Sphinx page marked ``:orphan:``, whose field list keeps
    docutils from making its first section title the document title: that heading made the
    title."""
    blocks = read_rst(src)
    if blocks and blocks[0][0] in ("h1", "h2", "h3"):
        return [("title", blocks[0][1]), *blocks[1:]]
    return blocks


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("nodejs-collaborator-guide.pdf", read_markdown, DOC / "nodejs/contributing/collaborator-guide.md",
     "The Node.js contributors (OpenJS Foundation)",
     "Node.js collaborator guide (doc/contributing/collaborator-guide.md of Node.js 20.20.2)",
     "Node.js, collaborators, pull requests, reviews, consensus, breaking changes, LTS, labels"),
    ("pip-documentation-conventions.pdf", read_orphan_rst, DOC / "python3-pip/html/development/conventions.rst",
     "The pip developers (PyPA)",
     "pip: Documentation Conventions (docs/html/development/conventions.rst)",
     "pip, documentation, conventions, reStructuredText, headings, line length"),
    ("npm-orgs.pdf", read_npm_markdown, NPM / "using-npm/orgs.md",
     "npm, Inc. and contributors",
     "npm: Organizations (docs/content/using-npm/orgs.md)",
     "npm, organizations, teams, package access, permissions"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("npm-developers-guide.docx", read_npm_markdown, NPM / "using-npm/developers.md",
     "npm, Inc. and contributors",
     "npm: Developers (docs/content/using-npm/developers.md)",
     "Rendered from the npm CLI's docs/content/using-npm/developers.md as installed with Node.js; Artistic License 2.0",
     "npm, package.json, .npmignore, npm link, npm publish, developer guide"),
    ("google-auth-code-of-conduct.docx", read_markdown, TP / "google-auth-library-python/CODE_OF_CONDUCT.md",
     "Google LLC (google-auth-library-python)",
     "google-auth for Python: Contributor Code of Conduct (CODE_OF_CONDUCT.md)",
     "Rendered from google-auth-library-python 2.24.0's CODE_OF_CONDUCT.md as the Google Cloud SDK's gsutil vendors it; Apache-2.0 licence",
     "google-auth, code of conduct, contributors, harassment, maintainers"),
    ("nodejs-offboarding.docx", read_markdown, DOC / "nodejs/contributing/offboarding.md",
     "The Node.js contributors (OpenJS Foundation)",
     "Offboarding (Node.js contributing guide)",
     "Rendered from doc/contributing/offboarding.md of Debian's nodejs 20.20.2; MIT licence",
     "Node.js, offboarding, collaborators, emeritus, access"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind10.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind10", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
