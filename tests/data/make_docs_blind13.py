#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind13/: a thirteenth held-out set (20 files), written without
running qabot, to measure it on documents and questions nobody tuned on -- in a genre the
earlier sets (mostly software documentation) have little of: the reports, memos and records a
project keeps -- governance documents (Django's organization, Clippy's team), policies (Django's
security policy, pytest's backwards-compatibility policy, Black's stability policy, Node.js's
policy on sharing project news), release processes (Django's, Black's), issue triage, a roadmap
and an enhancement proposal (Clippy's 2021 roadmap and its syntax tree patterns RFC, pytest's
proposal on fixtures in parametrize), a deprecation record (rustdoc's deprecated features),
security advisories and their archive (Django's archive of security issues, Git's 2.30.7
security release notes), notices to administrators (Debian's NEWS.Debian of apt and
openssh-client), a release announcement (pytest 2.0.0) and funding notes (pytest's Tidelift and
Open Collective pages).

* 14 files are copied byte for byte, or gunzipped (``.html``, ``.md``, ``.rst``, ``.txt``),
  from this machine's packages or from three PyPI sdists (below).
* 3 PDF files (fpdf2) and 3 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by tests/data/docreaders.py's ``read_rst``
  through ``read_sphinx_rst`` below (stand-ins for the Sphinx and Django roles and the
  ``glossary`` directive these pages use) -- the words are the sources'; only their markup is
  turned into headings, paragraphs, list items, code and tables.

The PyPI sdists (Django 5.2.8, pytest 8.4.2, Black 25.9.0) are read from ``SDISTS`` (the folder
given by the environment variable QABOT_SDISTS, default ~/.cache/qabot-sdists), where::

    pip download --no-deps --no-binary :all: -d ~/.cache/qabot-sdists \
        Django==5.2.8 pytest==8.4.2 black==25.9.0

puts them; their members are read straight from the tarballs (SHA-256 in docs_blind13.md).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind13.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind13.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import docsgen
from docreaders import read_rst
from docsgen import sdist

DOC = Path("/usr/share/doc")
RUST = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html")


DJANGO = "django-5.2.8.tar.gz"
PYTEST = "pytest-8.4.2.tar.gz"
BLACK = "black-25.9.0.tar.gz"

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = the decompressed .gz
COPIES = [
    ("clippy-roadmap-2021.html", RUST / "clippy/development/proposals/roadmap-2021.html", "copy"),
    ("clippy-syntax-tree-patterns.html", RUST / "clippy/development/proposals/syntax-tree-patterns.html", "copy"),
    ("clippy-the-team.html", RUST / "clippy/development/the_team.html", "copy"),
    ("rustdoc-deprecated-features.html", RUST / "rustdoc/deprecated-features.html", "copy"),
    ("black-release-process.md", sdist(BLACK, "black-25.9.0/docs/contributing/release_process.md"), "copy"),
    ("black-issue-triage.md", sdist(BLACK, "black-25.9.0/docs/contributing/issue_triage.md"), "copy"),
    ("black-code-style.md", sdist(BLACK, "black-25.9.0/docs/the_black_code_style/index.md"), "copy"),
    ("nodejs-sharing-project-news.md", DOC / "nodejs/contributing/sharing-project-news.md", "copy"),
    ("django-organization.rst", sdist(DJANGO, "django-5.2.8/docs/internals/organization.txt"), "copy"),
    ("django-security-policy.rst", sdist(DJANGO, "django-5.2.8/docs/internals/security.txt"), "copy"),
    ("django-security-archive.rst", sdist(DJANGO, "django-5.2.8/docs/releases/security.txt"), "copy"),
    ("apt-news-debian.txt", DOC / "apt/NEWS.Debian.gz", "gunzip"),
    ("openssh-client-news-debian.txt", DOC / "openssh-client/NEWS.Debian.gz", "gunzip"),
    ("git-2.30.7-release-notes.txt", DOC / "git/RelNotes/2.30.7.txt", "copy"),
]


def read_sphinx_rst(src: Path) -> list[tuple] | None:
    """``read_rst``'s blocks of a Sphinx page that also uses roles plain docutils and
    docreaders.py do not know (``issue``, ``pypi``, ``setting``, ...: shown as their text,
    ``title <target>`` as ``title``) and the ``glossary`` directive (its content read as the
    body it is: a definition list)."""
    from docutils import nodes
    from docutils.parsers.rst import Directive, directives, roles

    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        m = re.fullmatch(r"(.*?)\s*<[^<>]*>", text, re.S)
        return [nodes.literal(rawtext, m.group(1) if m else text)], []

    class Glossary(Directive):
        has_content = True
        option_spec = {"sorted": directives.flag}  # noqa: RUF012 (docutils' own API)

        def run(self):
            node = nodes.container()
            self.state.nested_parse(self.content, self.content_offset, node)
            return node.children

    for name in ("issue", "pull", "user", "pypi", "setting", "djadmin", "ticket", "confval",
                 "fixture", "term", "commit", "cve", "ghsa"):
        roles.register_local_role(name, role)
    directives.register_directive("glossary", Glossary)
    return read_rst(src)


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("django-release-process.pdf", read_sphinx_rst,
     sdist(DJANGO, "django-5.2.8/docs/internals/release-process.txt"),
     "Django Software Foundation and individual contributors",
     "Django's release process (docs/internals/release-process.txt of Django 5.2.8)",
     "Django, release process, versions, long-term support, deprecation policy, release cycle"),
    ("pytest-backwards-compatibility.pdf", read_sphinx_rst,
     sdist(PYTEST, "pytest-8.4.2/doc/en/backwards-compatibility.rst"),
     "Holger Krekel and pytest-dev team",
     "pytest: backwards compatibility policy (doc/en/backwards-compatibility.rst of pytest 8.4.2)",
     "pytest, backwards compatibility, deprecation, Python version support"),
    ("pytest-2.0.0-announcement.pdf", read_sphinx_rst,
     sdist(PYTEST, "pytest-8.4.2/doc/en/announce/release-2.0.0.rst"),
     "Holger Krekel and pytest-dev team",
     "pytest 2.0.0 release announcement (doc/en/announce/release-2.0.0.rst of pytest 8.4.2)",
     "pytest, release announcement, py.test, 2.0.0"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("pytest-tidelift.docx", read_sphinx_rst, sdist(PYTEST, "pytest-8.4.2/TIDELIFT.rst"),
     "Holger Krekel and pytest-dev team",
     "pytest: Tidelift (TIDELIFT.rst)",
     "Rendered from pytest's TIDELIFT.rst (sdist of pytest 8.4.2); MIT License",
     "pytest, Tidelift, funding, maintainers"),
    ("pytest-opencollective.docx", read_sphinx_rst, sdist(PYTEST, "pytest-8.4.2/OPENCOLLECTIVE.rst"),
     "Holger Krekel and pytest-dev team",
     "pytest: Open Collective (OPENCOLLECTIVE.rst)",
     "Rendered from pytest's OPENCOLLECTIVE.rst (sdist of pytest 8.4.2); MIT License",
     "pytest, Open Collective, funding, donations"),
    ("pytest-proposal-parametrize-with-fixtures.docx", read_sphinx_rst,
     sdist(PYTEST, "pytest-8.4.2/doc/en/proposals/parametrize_with_fixtures.rst"),
     "Holger Krekel and pytest-dev team",
     "pytest: a proposal, parametrize with fixtures (doc/en/proposals/parametrize_with_fixtures.rst)",
     "Rendered from pytest's doc/en/proposals/parametrize_with_fixtures.rst (sdist of pytest 8.4.2); MIT License",
     "pytest, proposal, parametrize, fixtures"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind13.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind13", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
