#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind7/: a seventh held-out documentation set (20 files), written
without running qabot, to measure it on documents and questions nobody tuned on -- "manuals
and developer notes of the tools and libraries on the machine": chapters of GNU Info manuals
(gzip, grep, ed, diffutils, Readline, findutils' maintainers' guide), the bzip2 manual, the
Expat and json-c HTML pages, and the Markdown, reStructuredText and AsciiDoc/plain-text notes
that Debian packages and Python packages ship (dataset descriptions of scikit-learn, PyJWT,
lazr.restfulclient, pyparsing, LibCST, nss-mdns, XMLSec, git-subtree, ALSA's .asoundrc).

* 13 files are copied byte for byte, or gunzipped (``.md``, ``.rst``, ``.html``, ``.txt``).
* 3 plain-text files (``.txt``) are chapters of GNU Info manuals: the named nodes of the
  ``.info.gz`` file, in the manual's order, each node's text unchanged but for the node's
  separator (``\\x1f``) and its ``File: ..., Node: ...`` header line, which are left out
  (``info_text``).
* 2 PDF files (fpdf2) and 2 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps): three from nodes of Info manuals, read into blocks by
  ``read_info`` below (headings from the underlined titles, definition tables as a term
  paragraph and its description, examples as code, menus left out -- the words unchanged), and
  one from a chapter of the bzip2 HTML manual (``read_html_chapter``: docsgen's HTML reader on
  that chapter's ``<div>``).

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind7.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx
    python tests/data/make_docs_blind7.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

import docsgen

DOC = Path("/usr/share/doc")
INFO = Path("/usr/share/info")
VENV = Path("/work/venv/lib/python3.11/site-packages")  # the project venv (Python 3.11)
PYENV = Path("/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages")  # pyenv's Python 3.11.7

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = the decompressed .gz
COPIES = [
    ("expat-reference.html", DOC / "libexpat1-dev/expat.html/reference.html", "copy"),
    ("json-c-readme.html", DOC / "libjson-c5/README.html", "copy"),
    ("pyparsing-best-practices.md", VENV / "pyparsing/ai/best_practices.md", "copy"),
    ("libcst-parser-conversions.md", PYENV / "libcst/_parser/conversions/README.md", "copy"),
    ("nss-mdns-readme.md", DOC / "libnss-mdns/README.md.gz", "gunzip"),
    ("xmlsec-examples-readme.md", DOC / "libxmlsec1-dev/examples/README.md", "copy"),
    ("sklearn-twenty-newsgroups.rst", VENV / "sklearn/datasets/descr/twenty_newsgroups.rst", "copy"),
    ("sklearn-kddcup99.rst", VENV / "sklearn/datasets/descr/kddcup99.rst", "copy"),
    ("sklearn-lfw.rst", VENV / "sklearn/datasets/descr/lfw.rst", "copy"),
    ("pyjwt-readme.rst", DOC / "python3-jwt/README.rst", "copy"),
    ("lazr-restfulclient-caching.rst", DOC / "python3-lazr.restfulclient/caching.rst.gz", "gunzip"),
    ("git-subtree.txt", DOC / "git/contrib/subtree/git-subtree.txt", "copy"),
    ("alsa-asoundrc.txt", DOC / "libasound2/examples/asoundrc.txt", "copy"),
]

# (file name, Info manual, nodes): plain text, the nodes' text as the manual has it
INFO_TEXT = [
    ("gzip-manual.txt", INFO / "gzip.info.gz",
     ["Overview", "Sample", "Invoking gzip", "Advanced usage", "Environment", "Tapes", "Problems"]),
    ("grep-usage-and-performance.txt", INFO / "grep.info.gz",
     ["Environment Variables", "Exit Status", "Usage", "Performance", "Known Bugs"]),
    ("ed-manual.txt", INFO / "ed.info.gz",
     ["Overview", "Invoking ed", "Line addressing", "Commands", "The 's' Command", "Limitations",
      "Diagnostics"]),
]

# (file name, Info manual, nodes, author, subject, keywords)
GENERATED_PDF_INFO = [
    ("diffutils-merging-with-patch.pdf", INFO / "diffutils.info.gz",
     ["Merging with patch", "patch Input", "Revision Control", "Imperfect", "Changed White Space",
      "Reversed Patches", "Inexact", "Dry Runs", "Creating and Removing", "Patching Timestamps",
      "Multiple Patches", "patch Directories", "Backups", "Backup Names", "Reject Names"],
     "David MacKenzie, Paul Eggert and Richard Stallman",
     "Comparing and Merging Files (GNU diffutils manual), chapter 10: Merging with patch",
     "GNU diffutils, patch, merging, backups, reject files"),
]

# (file name, HTML manual, chapter number, author, subject, keywords)
GENERATED_PDF_HTML = [
    ("bzip2-how-to-use.pdf", DOC / "bzip2/manual.html", 2,
     "Julian Seward",
     "bzip2 and libbzip2 manual (version 1.0.8), chapter 2: How to use bzip2",
     "bzip2, compression, command line, options, memory, recovery"),
]

# (file name, Info manual, nodes, author, subject, comments, keywords)
GENERATED_DOCX = [
    ("readline-init-file.docx", INFO / "rluserman.info.gz",
     ["Readline Init File", "Readline Init File Syntax", "Conditional Init Constructs",
      "Sample Init File"],
     "Chet Ramey",
     "GNU Readline Library User Interface (rluserman), section 1.3: Readline Init File",
     "Rendered from the Info manual rluserman.info of Debian's readline-common 8.2; GNU Free Documentation License 1.3, no invariant sections",
     "GNU Readline, inputrc, key bindings, variables, configuration"),
    ("findutils-maintenance.docx", INFO / "find-maint.info.gz",
     ["Design Issues", "Security", "Making Releases"],
     "James Youngman and the findutils maintainers",
     "Maintaining findutils (find-maint), chapters on design issues, security and releases",
     "Rendered from the Info manual find-maint.info of Debian's findutils 4.9.0; GNU Free Documentation License 1.3, no invariant sections",
     "GNU findutils, find, xargs, locate, security, releases, maintenance"),
]

# --- Info manuals ---------------------------------------------------------------------------------


def info_nodes(src: Path, names: list[str]) -> list[str] | None:
    """The text of the named nodes of an ``.info.gz`` manual, in the manual's order (the
    ``\\x1f`` separator and the ``File: ..., Node: ...`` header line left out); None if the
    file is missing. A node named but not found stops the script."""
    if not src.is_file():
        print(f"missing source, not read: {src}", file=sys.stderr)
        return None
    text = gzip.decompress(src.read_bytes()).decode("utf-8")
    found: dict[str, str] = {}
    order: list[str] = []
    for part in text.split("\x1f")[1:]:
        part = part.lstrip("\n")
        header, _, body = part.partition("\n")
        m = re.match(r"File: [^,]+,\s+Node: ([^,]+),", header + ",")
        if m and m.group(1).strip() in names:
            name = m.group(1).strip()
            found[name] = body.strip("\n")
            order.append(name)
    missing = [n for n in names if n not in found]
    if missing:
        raise SystemExit(f"{src}: no node {missing}")
    return [found[n] for n in order]


def info_text(out: Path) -> None:
    for name, src, nodes in INFO_TEXT:
        if (texts := info_nodes(src, nodes)) is not None:
            (out / name).write_text("\n\n".join(texts) + "\n", encoding="utf-8")


UNDERLINE = {"*": 0, "=": 1, "-": 2, ".": 3}


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _join(lines: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(x.strip() for x in lines)).strip()


def _code(lines: list[str], ctx: int) -> str:
    """An example's lines, less the indent of an example at the text's indent ``ctx``."""
    return "\n".join(x[ctx + 5:] if _indent(x) >= ctx + 5 else x.strip() for x in lines)


ITEM = re.compile(r"(\s*)(\*|\d+\.)\s+(.*)")


def _item_start(line: str, ctx: int) -> bool:
    m = ITEM.match(line)
    return m is not None and len(m.group(1)) in (ctx, ctx + 2, ctx + 3)


def _list(lines: list[str]) -> list[tuple]:
    """List items ("*" or "1."), each from its marker to the next marker at its indent."""
    first = ITEM.match(lines[0])
    assert first is not None
    indent = len(first.group(1))
    items: list[list[str]] = []
    for x in lines:
        m = ITEM.match(x)
        if m and len(m.group(1)) == indent:
            items.append([m.group(2), m.group(3)])
        else:
            items[-1].append(x)
    return [("li", 0, it[0] != "*", int(it[0][:-1]) if it[0] != "*" else 0, _join(it[1:]))
            for it in items]


def _para_and_code(lines: list[str], ctx: int) -> list[tuple]:
    """A paragraph at the text's indent ``ctx`` (its first line maybe 3 deeper), and what
    follows it without a blank line: a list, or an example (lines 5 or more deeper) as code."""
    items = next((i for i, x in enumerate(lines) if i and _item_start(x, ctx)), len(lines))
    cut = next((i for i, x in enumerate(lines) if i and _indent(x) >= ctx + 5), len(lines))
    if items < cut:
        return [("p", _join(lines[:items])), *_list(lines[items:])]
    out: list[tuple] = [("p", _join(lines[:cut]))]
    if lines[cut:]:
        out.append(("code", _code(lines[cut:], ctx)))
    return out


def read_info(src: Path, nodes: list[str]) -> list[tuple] | None:
    """The blocks of the named nodes of an Info manual: the manual's title (the underlined
    title of its ``Top`` node) the document's title, the nodes' underlined titles headings by
    their underline (``*`` ``=`` ``-`` ``.``; the shallowest of the nodes' "h1", the next
    "h2", deeper ones "h3"); paragraphs; a definition table's terms (short lines at the
    text's indent, each with lines 5 columns deeper after it) a paragraph each and their
    descriptions; bullet and numbered items; anything indented past the text (examples) as
    code; a node's menu (``* Menu:`` to the node's end) left out. The words are those of the
    manual."""
    texts = info_nodes(src, nodes)
    if texts is None:
        return None
    top_node = info_nodes(src, ["Top"])
    title = re.search(r"^(\S.*)\n\*{3,}$", top_node[0] if top_node else "", re.M)
    blocks: list[tuple] = [("title", title.group(1).strip())] if title else []
    shallowest = min(UNDERLINE[m.group(2)[0]] for t in texts
                     for m in re.finditer(r"^(\S.*)\n([*=\-.])\2{2,}$", t, re.M))
    for text in texts:
        text = text.split("\n* Menu:", 1)[0]
        groups: list[list[str]] = [[]]
        for line in text.split("\n"):
            if line.strip():
                groups[-1].append(line.rstrip())
            elif groups[-1]:
                groups.append([])
        ctx = 0  # the indent of the text being read (0, or a definition's description)
        for g in groups:
            if not g:
                continue
            if len(g) == 2 and re.fullmatch(r"([*=\-.])\1{2,}", g[1]) and len(g[1]) == len(g[0]):
                blocks.append((f"h{min(UNDERLINE[g[1][0]] - shallowest + 1, 3)}", g[0].strip()))
                ctx = 0
                continue
            first = _indent(g[0])
            if first <= 3 and not re.match(r"\s*(\*|\d+\.)\s", g[0]):
                ctx = 0
            elif first < ctx:
                ctx = first
            # a definition table's entries: short term lines at the text's indent, each term's
            # description deeper; an example inside a description (deeper still) is code
            deeper = next((i for i, x in enumerate(g) if _indent(x) >= first + 5), None)
            if ((first <= ctx or first == 0) and deeper and deeper <= 4
                    and all(_indent(x) == first and len(x.strip()) <= 60 for x in g[:deeper])):
                entries: list[tuple[list[str], list[str]]] = []
                for x in g:
                    if _indent(x) == first:
                        if not entries or entries[-1][1]:
                            entries.append(([], []))
                        entries[-1][0].append(x)
                    else:
                        entries[-1][1].append(x)
                for terms, body in entries:
                    blocks.extend(("p", t.strip()) for t in terms)
                    if body:
                        ctx = _indent(body[0])
                        blocks.extend(_para_and_code(body, ctx))
                continue
            if _item_start(g[0], ctx):
                blocks.extend(_list(g))
                continue
            if first > ctx + 3:
                blocks.append(("code", _code(g, ctx)))
                continue
            blocks.extend(_para_and_code(g, ctx))
    return blocks


# --- the bzip2 HTML manual's chapter ----------------------------------------------------------


def read_html_chapter(src: Path, number: int) -> list[tuple] | None:
    """The blocks of chapter ``number`` of a DocBook HTML manual (its ``<div class="chapter">``,
    up to the next one), read by docsgen's HTML reader: its title the document's title, the
    chapter's table of contents left out."""
    if not src.is_file():
        print(f"missing source, not read: {src}", file=sys.stderr)
        return None
    html = src.read_text(encoding="utf-8", errors="replace")
    parts = html.split('<div class="chapter"')
    chapter = '<div class="chapter"' + parts[number]
    chapter = chapter.split('<div class="navfooter"')[0]
    reader = docsgen.HtmlBlocks("body", True,
                                lambda tag, attrs: tag == "div" and attrs.get("class") == "toc")
    reader.feed("<body>" + chapter + "</body>")
    return reader.blocks


WRITE = docsgen.Writer("tests/data/make_docs_blind7.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "docs_blind7")
    docsgen.copy_sources(out, COPIES)
    info_text(out)
    for name, src, nodes, author, subject, keywords in GENERATED_PDF_INFO:
        if (blocks := read_info(src, nodes)) is not None:
            WRITE.pdf([docsgen.cp1252_only(b) for b in blocks], out / name,
                      docsgen.first_title(blocks, src.stem), author, subject, keywords)
    for name, src, number, author, subject, keywords in GENERATED_PDF_HTML:
        if (blocks := read_html_chapter(src, number)) is not None:
            WRITE.pdf([docsgen.cp1252_only(b) for b in blocks], out / name,
                      docsgen.first_title(blocks, src.stem), author, subject, keywords)
    for name, src, nodes, author, subject, comments, keywords in GENERATED_DOCX:
        if (blocks := read_info(src, nodes)) is not None:
            WRITE.docx(blocks, out / name, docsgen.first_title(blocks, src.stem), author, subject,
                       comments, keywords)
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
