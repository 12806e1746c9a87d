#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind8/: an eighth held-out documentation set (21 files), written
without running qabot, to measure it on documents and questions nobody tuned on -- "what a
research group or a small organisation indexes beyond software manuals": specifications (the
.xz file format, the Callgrind profile format, GnuPG's colon listings, pip's requirements
files, the X Composite extension protocol), policies (Rust's target tier policy, pip's release
and deprecation policy, requests' vulnerability disclosure, a code of conduct, the Redis
manifesto), FAQs, tutorials and user guides (requests' quickstart, google-auth's user guide), support and
contribution guides (libxslt, util-linux, pip's issue triage, streaming meetings to YouTube),
design notes and changelogs/release notes (idna, util-linux 2.38).

* 15 files are copied byte for byte, or gunzipped (``.html``, ``.md``, ``.rst``, ``.txt``).
* 3 PDF files (fpdf2) and 3 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by the small readers below -- the words
  are the sources'; only their markup is turned into headings, paragraphs, list items, code
  and tables:

  - ``read_xz_spec``: the plain-text .xz format specification (numbered headings at column 0,
    text indented 8, lists "  - ", diagrams, tables and C code indented deeper as code; the
    table of contents left out);
  - ``read_rst``: a Sphinx page read by docutils (with stand-ins for the Sphinx roles and
    directives it uses: a role shows its text, ``~a.b.C`` as ``C`` and ``title <target>`` as
    ``title``; ``code-block`` is code; ``module``/``currentmodule`` are dropped);
  - ``read_org``: the first chapter ("Format of the colon listings") of GnuPG's Org-mode
    ``DETAILS`` (``*`` headings, ``- term :: text`` items as "term: text", ``#+begin_example``
    and ``: `` lines as code, ``=code=`` and ``[[link][text]]`` markup dropped);
  - ``read_release_notes``: util-linux's plain-text release notes (underlined titles, one
    heading for each ``component:`` line, its ``   - `` entries as list items);
  - ``read_markdown``: a Markdown file read by markdown-it-py.

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind8.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind8.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import docsgen
from docreaders import read_markdown, read_rst, source_text

DOC = Path("/usr/share/doc")
TP = Path("/usr/lib/google-cloud-sdk/platform/gsutil/third_party")  # gsutil's vendored packages
RUST = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html")

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = the decompressed .gz
COPIES = [
    ("valgrind-callgrind-format.html", DOC / "valgrind/html/cl-format.html", "copy"),
    ("rustc-target-tier-policy.html", RUST / "rustc/target-tier-policy.html", "copy"),
    ("libxslt-reporting-bugs.html", DOC / "libxslt1-dev/html/bugs.html", "copy"),
    ("libxslt-python-bindings.html", DOC / "libxslt1-dev/html/python.html", "copy"),
    ("pip-requirements-file-format.md", DOC / "python3-pip/html/reference/requirements-file-format.md.gz", "gunzip"),
    ("pip-issue-triage.md", DOC / "python3-pip/html/development/issue-triage.md.gz", "gunzip"),
    ("urllib3-connection-lifecycle.md", TP / "urllib3/notes/connection-lifecycle.md", "copy"),
    ("nodejs-streaming-to-youtube.md", DOC / "nodejs/contributing/streaming-to-youtube.md", "copy"),
    ("requests-vulnerability-disclosure.rst", TP / "requests/docs/community/vulnerabilities.rst", "copy"),
    ("pip-release-process.rst", DOC / "python3-pip/html/development/release-process.rst.gz", "gunzip"),
    ("charset-normalizer-faq.rst", TP / "charset_normalizer/docs/community/faq.rst", "copy"),
    ("idna-history.rst", TP / "idna/HISTORY.rst", "copy"),
    ("x11-composite-extension.txt", DOC / "x11proto-dev/compositeproto.txt.gz", "gunzip"),
    ("util-linux-howto-contribute.txt", DOC / "util-linux/howto-contribute.txt.gz", "gunzip"),
    ("redis-manifesto.txt", DOC / "redis-server/MANIFESTO.gz", "gunzip"),
]




def _join(lines: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(x.strip() for x in lines)).strip()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _groups(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            groups[-1].append(line.rstrip())
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _add_code(blocks: list[tuple], text: str) -> None:
    """A code block; one right after another code block is joined to it (a blank line between)."""
    if blocks and blocks[-1][0] == "code":
        blocks[-1] = ("code", blocks[-1][1] + "\n\n" + text)
    else:
        blocks.append(("code", text))


# --- the .xz file format specification (plain text) -------------------------------------------

HEADING = re.compile(r"(\d+(?:\.\d+)*)\.\s+(\S.*)")


def read_xz_spec(src: Path) -> list[tuple] | None:
    """The blocks of the plain-text .xz specification: its underlined title the document's
    title, the version line a paragraph, the table of contents (the indented numbered lines
    before the first numbered heading at column 0) left out; numbered headings at column 0
    (one number "h1", two "h2", more "h3"); paragraphs (text indented 8); list items (lines
    "- " indented 10, with their continuation lines); anything indented deeper than the text,
    tables (a run of 3 spaces inside a line) and byte-box diagrams (lines of ``+--``, ``+==``,
    ``|``, ``--->``), as code -- the runs of such groups one example, its common indent
    removed."""
    text = source_text(src)
    if text is None:
        return None
    lines = text.expandtabs().split("\n")
    blocks: list[tuple] = []
    start = next(i for i, x in enumerate(lines) if HEADING.fullmatch(x.rstrip()))
    for g in _groups(lines[:start]):
        if len(g) == 2 and re.fullmatch(r"=+", g[1]):
            blocks.append(("title", g[0].strip()))
        elif not HEADING.match(g[0].strip()):
            blocks.append(("p", _join(g)))
    for g in _groups(lines[start:]):
        head = HEADING.fullmatch(g[0].rstrip())
        if head and _indent(g[0]) == 0:
            level = min(head.group(1).count(".") + 1, 3)
            blocks.append((f"h{level}", g[0].strip()))
            g = g[1:]
            if not g:
                continue
        base = _indent(g[0])
        if (base > 10 or any(re.search(r"\S {3,}\S", x) for x in g)
                or any(re.match(r"\s*(\+[-=+]|\||--->)", x) for x in g)):
            _add_code(blocks, "\n".join(g))
            continue
        para: list[str] = []
        item: list[str] | None = None
        for x in g:
            if re.match(r"\s*- ", x) and _indent(x) > base - 1 and _indent(x) >= 10:
                if para:
                    blocks.append(("p", _join(para)))
                    para = []
                if item:
                    blocks.append(("li", 0, False, 0, _join(item)))
                item = [x.strip()[2:]]
            elif item is not None:
                item.append(x)
            else:
                para.append(x)
        if para:
            blocks.append(("p", _join(para)))
        if item:
            blocks.append(("li", 0, False, 0, _join(item)))
    # each example (its runs of lines joined) keeps its own indents, less the common one
    return [("code", textwrap.dedent(b[1])) if b[0] == "code" else b for b in blocks]


# --- a Sphinx page (reStructuredText, read by docutils) ---------------------------------------








# --- GnuPG's DETAILS (Org mode), its first chapter --------------------------------------------


def _org_inline(text: str) -> str:
    text = re.sub(r"\[\[[^\]]*\]\[([^\]]*)\]\]", r"\1", text)
    text = re.sub(r"\[\[([^\]]*)\]\]", r"\1", text)
    return re.sub(r"(?<![\w=])=([^=\s](?:[^=]*[^=\s])?)=(?![\w=])", r"\1", text)


def read_org(src: Path, chapters: int = 1) -> list[tuple] | None:
    """The blocks of the first ``chapters`` top-level sections of an Org-mode file: its
    ``#+TITLE`` the title, ``*``/``**``/``***`` headings h1/h2/h3, paragraphs, ``- term :: text``
    items as list items "term: text" (``- text`` items as they are; an item indented past
    the text one level deeper), ``#+begin_example`` blocks and ``: `` lines as code, the
    ``#`` comment lines left out; ``=code=`` and ``[[target][text]]`` markup dropped."""
    text = source_text(src)
    if text is None:
        return None
    lines = text.expandtabs().split("\n")
    title = next((x.split(":", 1)[1].strip() for x in lines if x.startswith("#+TITLE:")), None)
    blocks: list[tuple] = [("title", title)] if title else []
    seen = 0
    para: list[str] = []
    item: tuple[int, list[str]] | None = None
    example: list[str] | None = None

    def flush() -> None:
        nonlocal para, item
        if para:
            blocks.append(("p", _org_inline(_join(para))))
            para = []
        if item:
            words = _join(item[1])
            m = re.fullmatch(r"(.*?) :: (.*)", words) or re.fullmatch(r"(.*?) ::()", words)
            words = f"{m.group(1)}: {m.group(2)}".strip() if m else words
            blocks.append(("li", item[0], False, 0, _org_inline(words)))
            item = None

    for line in lines:
        if example is not None:
            if line.strip().lower() == "#+end_example":
                _add_code(blocks, "\n".join(example))
                example = None
            else:
                example.append(line.rstrip())
            continue
        if line.strip().lower() == "#+begin_example":
            flush()
            example = []
            continue
        if line.startswith("#"):
            continue
        head = re.match(r"(\*+) (.*)", line)
        if head:
            flush()
            if len(head.group(1)) == 1:
                seen += 1
                if seen > chapters:
                    break
            blocks.append((f"h{min(len(head.group(1)), 3)}", _org_inline(head.group(2).strip())))
            continue
        if not seen:
            if line.strip():
                para.append(line)
            else:
                flush()
            continue
        if not line.strip():
            flush()
        elif re.match(r"\s*: ", line) or line.strip() == ":":
            flush()
            _add_code(blocks, line.strip()[2:])
        elif re.match(r"\s*- ", line):
            flush()
            item = (0 if _indent(line) <= 4 else 1, [line.strip()[2:]])
        elif item is not None:
            item[1].append(line)
        else:
            para.append(line)
    flush()
    return blocks


# --- util-linux release notes (plain text) ----------------------------------------------------


def read_release_notes(src: Path) -> list[tuple] | None:
    """The blocks of util-linux's release notes: the ``=``-underlined title the title, the
    ``-``-underlined titles "h1", each ``component:`` line (at column 0) an "h2", the
    ``   - `` entries list items (with their continuation lines), other text paragraphs."""
    text = source_text(src)
    if text is None:
        return None
    blocks: list[tuple] = []
    for g in _groups(text.expandtabs().split("\n")):
        if len(g) == 2 and re.fullmatch(r"([=-])\1+", g[1]):
            blocks.append(("title" if g[1][0] == "=" else "h1", g[0].strip()))
            continue
        para: list[str] = []
        item: list[str] | None = None
        for x in g:
            if _indent(x) == 0 and re.fullmatch(r"\S.*:", x) and len(x) <= 40:
                if para:
                    blocks.append(("p", _join(para)))
                    para = []
                if item:
                    blocks.append(("li", 0, False, 0, _join(item)))
                    item = None
                blocks.append(("h2", x.strip()[:-1]))
            elif re.match(r"\s+- ", x):
                if item:
                    blocks.append(("li", 0, False, 0, _join(item)))
                item = [x.strip()[2:]]
            elif item is not None and _indent(x) > 0:
                item.append(x)
            else:
                para.append(x)
        if para:
            blocks.append(("p", _join(para)))
        if item:
            blocks.append(("li", 0, False, 0, _join(item)))
    return blocks


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("xz-file-format.pdf", read_xz_spec, DOC / "liblzma-dev/xz-file-format.txt.gz",
     "Lasse Collin and Igor Pavlov",
     "The .xz File Format, version 1.1.0 (2022-12-11), from XZ Utils' xz-file-format.txt",
     "xz, LZMA2, file format, specification, stream, block, index, filters, CRC32"),
    ("google-auth-user-guide.pdf", read_rst, TP / "google-auth-library-python/docs/user-guide.rst",
     "Google LLC (google-auth-library-python)",
     "google-auth for Python: User Guide (docs/user-guide.rst)",
     "google-auth, credentials, service accounts, workload identity federation, OAuth 2.0"),
    ("requests-quickstart.pdf", read_rst, TP / "requests/docs/user/quickstart.rst",
     "Kenneth Reitz and the Requests contributors",
     "Requests: Quickstart (docs/user/quickstart.rst)",
     "requests, HTTP, Python, tutorial, quickstart"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("gnupg-colon-listings.docx", read_org, DOC / "gnupg/DETAILS.gz",
     "The GnuPG project (g10 Code GmbH and the Free Software Foundation)",
     "GnuPG Details, chapter 1: Format of the colon listings (doc/DETAILS)",
     "Rendered from doc/DETAILS of Debian's gnupg 2.2.40; GNU GPL 3 or later",
     "GnuPG, gpg, --with-colons, colon listings, key listing format, specification"),
    ("util-linux-2.38-release-notes.docx", read_release_notes, DOC / "util-linux/releases/v2.38-ReleaseNotes.gz",
     "Karel Zak and the util-linux contributors",
     "util-linux 2.38 Release Notes",
     "Rendered from Debian's util-linux 2.38.1 (Documentation/releases/v2.38-ReleaseNotes); GNU GPL 2 or later",
     "util-linux, release notes, changelog, 2.38"),
    ("urllib3-code-of-conduct.docx", read_markdown, TP / "urllib3/CODE_OF_CONDUCT.md",
     "The urllib3 project (Contributor Covenant 2.0)",
     "urllib3 Code of Conduct (Contributor Covenant)",
     "Rendered from urllib3's CODE_OF_CONDUCT.md as the Google Cloud SDK's gsutil vendors it; Contributor Covenant, CC BY 4.0",
     "code of conduct, community, enforcement, urllib3"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind8.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    return docsgen.generate(argv, "docs_blind8", COPIES, GENERATED_PDF, GENERATED_DOCX, WRITE)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
