#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind2/: a second held-out mixed-format documentation set (20 files),
written without running qabot, to measure it on documents and questions nobody tuned on.

* 14 files are copied from packages installed on the development machine (Debian packages --
  among them npm's files, shipped by ``nodejs``, and third-party files shipped by
  ``google-cloud-cli`` -- and one PyPI package of the project venv): byte for byte, gunzipped
  byte for byte (the Debian ``.gz`` files), or -- the PyPI ``METADATA`` file -- minus its
  RFC-822 header (everything up to the first blank line), leaving the Markdown README body.
* 6 files are generated here, deterministically (fixed dates and zip timestamps), from texts
  read from installed package files (not embedded: the same sources as the copies), as
  3 PDFs (fpdf2) and 3 DOCX files (python-docx).
  The three Markdown sources go through ``md_clean`` (badge lines, raw HTML and horizontal
  rules dropped, ``>`` quote markers and GitHub ``[!Important]`` alert labels turned into
  plain text, ``&nbsp;`` dropped) and the Markdown reader of mdreader.py; the three plain-text
  sources through ``parse_text`` below (paragraphs reflowed, underlined titles as headings,
  ``*``/``-``/``1.`` lines as list items), their words unchanged.

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind2.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx and the PyPI sources
    python tests/data/make_docs_blind2.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import gzip
import re
import sys
import sysconfig
from pathlib import Path

import docsgen
from mdreader import parse

DOC = Path("/usr/share/doc")
NPM = Path("/usr/lib/node_modules/npm")
GSDK = Path("/usr/lib/google-cloud-sdk/platform")
# site-packages of the interpreter running this script (the project venv, which holds the
# PyPI packages whose METADATA is read)
VENV = Path(sysconfig.get_paths()["purelib"])

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = decompressed byte
# for byte, "metadata" = PyPI METADATA minus its RFC-822 header block
COPIES = [
    ("npm-workspaces.html", NPM / "docs/output/using-npm/workspaces.html", "copy"),
    ("httplib2-http-objects.html", GSDK / "gsutil/third_party/httplib2/ref/http-objects.html", "copy"),
    ("valgrind-writing-tools.html", DOC / "valgrind/html/manual-writing-tools.html", "copy"),
    ("libffi-arrays-unions-enums.html", DOC / "libffi8/html/Arrays-Unions-Enums.html", "copy"),
    ("eclipse-user-agreement.html", GSDK / "google_appengine/google/appengine/tools/java/jetty94/jetty-home/notice.html", "copy"),
    ("threadpoolctl-readme.md", VENV / "threadpoolctl-3.8.0.dist-info/METADATA", "metadata"),
    ("semver-readme.md", NPM / "node_modules/semver/README.md", "copy"),
    ("gnutls-developers-readme.md", DOC / "libgnutls30/README.md.gz", "gunzip"),
    ("openssl-engines.md", DOC / "openssl/README-ENGINES.md.gz", "gunzip"),
    ("libpipeline-news.md", DOC / "libpipeline1/NEWS.md.gz", "gunzip"),
    ("lsof-quickstart.txt", DOC / "lsof/00QUICKSTART.gz", "gunzip"),
    ("debian-pam-minipolicy.txt", DOC / "libpam0g/Debian-PAM-MiniPolicy.gz", "gunzip"),
    ("sed-news.txt", DOC / "sed/NEWS.gz", "gunzip"),
    ("krb5-readme.txt", DOC / "libkrb5-3/README.gz", "gunzip"),
]

# (file name, source path, how it is read, title, author, subject, keywords); a DOCX also has
# comments (its source) -- see GENERATED_DOCX
GENERATED_PDF = [
    ("node-gyp-readme.pdf", NPM / "node_modules/node-gyp/README.md", "markdown",
     "node-gyp - Node.js native addon build tool", "The node-gyp contributors",
     "Installing node-gyp, building native addons, its commands, options and configuration",
     "node-gyp, Node.js, native addons, gyp"),
    ("policy-rc-d.pdf", DOC / "init-system-helpers/README.policy-rc.d.gz", "text",
     "policy-rc.d: the policy layer interface", "Henrique M Holschuh",
     "The interface of /usr/sbin/policy-rc.d as called by invoke-rc.d: actions, runlevels, exit status",
     "Debian, invoke-rc.d, policy-rc.d, init scripts"),
    ("starlette-readme.pdf", VENV / "starlette-1.10.0.dist-info/METADATA", "metadata-markdown",
     "Starlette", "The Starlette contributors",
     "The Starlette ASGI framework: features, installation, example, dependencies",
     "Starlette, ASGI, Python, web framework"),
]

GENERATED_DOCX = [
    ("ca-certificates-readme.docx", DOC / "ca-certificates/README.Debian", "text",
     "The Debian Package ca-certificates", "The ca-certificates maintainers",
     "CA certificates in Debian: installation, local certificates, acceptance of new certificates",
     "Debian package ca-certificates 20230311+deb12u1, /usr/share/doc/ca-certificates/README.Debian; GPL-2+",
     "Debian, CA certificates, SSL, update-ca-certificates"),
    ("libgcrypt-readme.docx", DOC / "libgcrypt20/README.gz", "text",
     "Libgcrypt - The GNU Crypto Library", "The Libgcrypt authors",
     "Building Libgcrypt: configure options, build problems, licence and contact",
     "Debian package libgcrypt20 1.10.1-3, /usr/share/doc/libgcrypt20/README.gz; the file's own permissive notice",
     "Libgcrypt, cryptography, GnuPG, configure"),
    ("pypdf-readme.docx", VENV / "pypdf-7.1.1.dist-info/METADATA", "metadata-markdown",
     "pypdf", "The pypdf contributors",
     "The pypdf library: what it does, installation, usage and contributing",
     "PyPI pypdf 7.1.1, METADATA description (README); BSD-3-Clause",
     "pypdf, PDF, Python"),
]

# --- reading the sources ----------------------------------------------------------------------

HTML_TAG_RE = re.compile(r"</?(?:a|p|em|i|b|strong|br|img|picture|source|div|span)\b[^>]*>", re.I)
FENCE_RE = re.compile(r"^\s*```")
CODE_SPAN_RE = re.compile(r"`[^`]+`")
# the characters of an inline code span that the Markdown reader would take for markup
# ("starlette[full]", "pypdf.__version__"), hidden from it and put back in the blocks
PROTECT = str.maketrans({"[": "\x01", "]": "\x02", "_": "\x03", "*": "\x04"})
UNPROTECT = str.maketrans({"\x01": "[", "\x02": "]", "\x03": "_", "\x04": "*"})


def unprotect(block: tuple) -> tuple:
    """A block with the characters hidden by md_clean put back."""
    return tuple(unprotect(x) if isinstance(x, (tuple, list)) else
                 x.translate(UNPROTECT) if isinstance(x, str) else x for x in block)


def md_clean(md: str) -> str:
    """A README's Markdown without what does not read as text: badge lines, lines of raw HTML,
    horizontal rules after a blank line and ``&nbsp;``; HTML tags inside a line are dropped
    (their text kept), ``>`` quote markers removed, GitHub alert labels such as
    ``[!Important]`` made a plain "Important:", ``__bold__`` made plain, and the ``[]_*``
    of inline code spans hidden from the reader (see ``unprotect``). Code fences are left
    as they are."""
    out: list[str] = []
    in_code = False
    for line in md.split("\n"):
        if FENCE_RE.match(line):
            in_code = not in_code
            out.append(line)
            continue
        if in_code:
            out.append(line)
            continue
        stripped = line.strip()
        if stripped.startswith(("[![", "![")):
            continue  # badges
        if stripped.startswith("<") and not stripped.startswith("<http"):
            continue  # raw HTML block lines
        if re.fullmatch(r"-{3,}", stripped) and (not out or not out[-1].strip()):
            continue  # horizontal rule
        line = line.replace("&nbsp;", "")
        line = HTML_TAG_RE.sub("", line)
        line = CODE_SPAN_RE.sub(lambda m: m.group(0).translate(PROTECT), line)
        line = re.sub(r"__(\S.*?)__", r"\1", line)  # __Note__ (bold)
        m = re.match(r"^\s*>\s?(.*)$", line)
        if m:
            line = re.sub(r"^\[!(\w+)\]\s*$", r"\1:", m.group(1))
        out.append(line)
    return "\n".join(out)


LIST_TEXT_RE = re.compile(r"^(\s*)([*-]|\d+[.)])\s+(.*)$")


def parse_text(text: str) -> list[tuple]:
    """Blocks of a plain-text README: a line underlined with ``=``, ``-`` or ``~`` is a heading
    (h1 for ``=``, else h2); a line starting with ``*``, ``-``, ``1.`` or ``1)`` starts a list
    item, which takes the more-indented lines after it; other lines are reflowed into
    paragraphs at blank lines. The words are kept as they are."""
    lines = [line.expandtabs(8).rstrip() for line in text.strip("\n").split("\n")]
    blocks: list[tuple] = []
    para: list[str] = []
    item: list | None = None  # [indent, marker, words]

    def flush() -> None:
        nonlocal para, item
        if para:
            blocks.append(("p", " ".join(para)))
            para = []
        if item is not None:
            _indent, marker, words = item
            ordered = marker[0].isdigit()
            number = int(re.sub(r"\D", "", marker)) if ordered else 0
            blocks.append(("li", 0, ordered, number, " ".join(words)))
            item = None

    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        i += 1
        if not line.strip():
            flush()
            continue
        if re.fullmatch(r"[=~-]{3,}", nxt) and not para and item is None:
            blocks.append(("h1" if nxt[0] == "=" else "h2", line.strip()))
            i += 1  # the underline
            continue
        if re.fullmatch(r"[=~-]{3,}", line.strip()):
            continue  # a rule of its own
        m = LIST_TEXT_RE.match(line)
        if m:
            flush()
            item = [len(m.group(1)), m.group(2), [m.group(3).strip()]]
            continue
        indent = len(line) - len(line.lstrip())
        if item is not None and indent > item[0]:
            item[2].append(line.strip())
            continue
        if item is not None:
            flush()
        para.append(line.strip())
    flush()
    return blocks


def read_blocks(src: Path, how: str) -> list[tuple] | None:
    """The blocks of a source: "markdown" (a README.md), "metadata-markdown" (a PyPI METADATA
    file's Markdown body) or "text" (plain text, maybe gzipped); None if it is missing."""
    if not src.is_file():
        print(f"missing source, not generated from: {src}", file=sys.stderr)
        return None
    data = src.read_bytes()
    if src.suffix == ".gz":
        data = gzip.decompress(data)
    text = data.decode("utf-8")
    if how == "metadata-markdown":
        text = text.split("\n\n", 1)[1]
    if how in ("markdown", "metadata-markdown"):
        return [unprotect(b) for b in parse(md_clean(text))]
    if how == "text":
        return parse_text(text)
    raise ValueError(f"unknown way of reading {how!r}")


WRITE = docsgen.Writer("tests/data/make_docs_blind2.py", docx_code="lines")


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "docs_blind2")
    docsgen.copy_sources(out, COPIES)
    for name, src, how, title, author, subject, keywords in GENERATED_PDF:
        blocks = read_blocks(src, how)
        if blocks is not None:
            WRITE.pdf(blocks, out / name, title, author, subject, keywords)
    for name, src, how, title, author, subject, comments, keywords in GENERATED_DOCX:
        blocks = read_blocks(src, how)
        if blocks is not None:
            WRITE.docx(blocks, out / name, title, author, subject, comments, keywords)
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
