#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind9/: a ninth held-out documentation set (20 files), written
without running qabot, to measure it on documents and questions nobody tuned on -- the
build, contribution and maintenance documents a software team indexes next to its manuals:
build guides (Node.js), contribution guides (urllib3, pyparsing, google-auth, Node.js issues
and onboarding, Node.js internal errors), maintainer procedures (Node.js root certificates),
reference pages (rustc's jobserver and check-cfg, the Node.js "About this documentation"
page, httplib2's cache objects, charset-normalizer's supported encodings), how-tos (pyasn1
and SSH keys, boto3's S3 examples), a proposal/specification (dpkg's Protected field), a
troubleshooting FAQ (groff's PROBLEMS), an advanced user guide (urllib3) and changelogs
(oauth2client, Python-RSA).

* 14 files are copied byte for byte, or gunzipped (``.html``, ``.md``, ``.rst``, ``.txt``).
* 3 PDF files (fpdf2) and 3 DOCX files (python-docx) are generated here, deterministically
  (fixed dates and zip timestamps), from blocks read by the two small readers below -- the
  words are the sources'; only their markup is turned into headings, paragraphs, list items,
  code and tables:

  - ``read_rst``: a Sphinx page read by docutils (with stand-ins for the Sphinx roles and
    directives it uses: a role shows its text, ``~a.b.C`` as ``C`` and ``title <target>`` as
    ``title``; ``code-block`` is code; ``module``/``currentmodule``/``toctree`` are dropped);
  - ``read_markdown``: a Markdown file read by markdown-it-py.

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind9.md.  Usage::

    . /work/venv/bin/activate   # the project venv: fpdf2, python-docx, docutils, markdown-it-py
    python tests/data/make_docs_blind9.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import docsgen

DOC = Path("/usr/share/doc")
SDK = Path("/usr/lib/google-cloud-sdk")
GS = SDK / "platform/gsutil"  # the Google Cloud SDK's gsutil
TP = GS / "third_party"  # gsutil's vendored packages
RUST = Path("/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html")

# (file name, source path, transform): "copy" = byte for byte, "gunzip" = the decompressed .gz
COPIES = [
    ("rustc-jobserver.html", RUST / "rustc/jobserver.html", "copy"),
    ("rustc-check-cfg.html", RUST / "rustc/check-cfg.html", "copy"),
    ("nodejs-about-documentation.html", DOC / "nodejs/api/documentation.html", "copy"),
    ("httplib2-cache-objects.html", TP / "httplib2/ref/cache-objects.html", "copy"),
    ("nodejs-reporting-issues.md", DOC / "nodejs/contributing/issues.md", "copy"),
    ("nodejs-maintaining-root-certs.md", DOC / "nodejs/contributing/maintaining/maintaining-root-certs.md", "copy"),
    ("pyparsing-contributing.md", TP / "pyparsing/CONTRIBUTING.md", "copy"),
    ("oauth2client-changelog.md", GS / "gslib/vendored/oauth2client/CHANGELOG.md", "copy"),
    ("urllib3-contributing.rst", TP / "urllib3/docs/contributing.rst", "copy"),
    ("charset-normalizer-support.rst", TP / "charset_normalizer/docs/user/support.rst", "copy"),
    ("boto3-s3-examples.rst", SDK / "lib/third_party/boto3/examples/s3.rst", "copy"),
    ("dpkg-protected-field.txt", DOC / "dpkg/spec/protected-field.txt", "copy"),
    ("rsa-changelog.txt", TP / "rsa/CHANGELOG.txt", "copy"),
    ("groff-problems.txt", DOC / "groff-base/PROBLEMS.gz", "gunzip"),
]


def source_text(src: Path) -> str | None:
    """A source's text (gunzipped if ``.gz``), or None (reported) if it is missing."""
    if not src.is_file():
        print(f"missing source, not read: {src}", file=sys.stderr)
        return None
    data = src.read_bytes()
    if src.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8")


# --- a Sphinx page (reStructuredText, read by docutils) ---------------------------------------


def _setup_docutils() -> None:
    """Stand-ins for the Sphinx roles and directives the pages use."""
    from docutils import nodes
    from docutils.parsers.rst import Directive, directives, roles

    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        m = re.fullmatch(r"(.*?)\s*<[^<>]*>", text, re.S)
        shown = m.group(1) if m else text
        if shown.startswith("~"):
            shown = shown[1:].rsplit(".", 1)[-1]
        return [nodes.literal(rawtext, shown)], []

    for name in ("class", "func", "meth", "mod", "ref", "exc", "attr", "data", "obj", "doc"):
        roles.register_local_role(name, role)

    class CodeBlock(Directive):
        optional_arguments = 1
        has_content = True
        option_spec: ClassVar[dict] = {"linenos": directives.flag,
                                       "emphasize-lines": directives.unchanged,
                                       "caption": directives.unchanged}

        def run(self):
            text = "\n".join(self.content)
            return [nodes.literal_block(text, text)]

    class Dropped(Directive):
        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True
        option_spec: ClassVar[dict] = {"platform": directives.unchanged,
                                       "synopsis": directives.unchanged,
                                       "noindex": directives.flag,
                                       "maxdepth": directives.unchanged}

        def run(self):
            return []

    directives.register_directive("code-block", CodeBlock)
    directives.register_directive("sourcecode", CodeBlock)
    directives.register_directive("module", Dropped)
    directives.register_directive("currentmodule", Dropped)
    directives.register_directive("toctree", Dropped)


def rst_doctree(text: str):
    """The docutils document tree of a page (Sphinx stand-ins registered; no messages)."""
    from docutils.core import publish_doctree
    _setup_docutils()
    return publish_doctree(text, settings_overrides={
        "report_level": 5, "halt_level": 5, "syntax_highlight": "none",
        "file_insertion_enabled": False, "raw_enabled": False, "warning_stream": False})


def read_rst(src: Path) -> list[tuple] | None:
    """The blocks of a Sphinx page: the document title the title, section titles headings by
    depth, paragraphs, list items (their paragraphs joined; nested lists one level deeper),
    definition-list terms and definitions as paragraphs, admonitions' paragraphs as quotes,
    literal and doctest blocks as code, tables as tables; comments, targets and substitution
    definitions left out."""
    text = source_text(src)
    if text is None:
        return None
    from docutils import nodes
    doc = rst_doctree(text)
    blocks: list[tuple] = []

    def flat(node) -> str:
        return re.sub(r"\s+", " ", node.astext()).strip()

    def walk(node, depth: int, level: int, quote: bool) -> None:
        for child in node.children:
            if isinstance(child, (nodes.comment, nodes.target, nodes.substitution_definition,
                                  nodes.system_message, nodes.pending)):
                continue
            if isinstance(child, nodes.title):
                if isinstance(node, nodes.document):
                    blocks.append(("title", flat(child)))
                elif isinstance(node, nodes.section):
                    blocks.append((f"h{min(depth, 3)}", flat(child)))
                else:  # an admonition's title
                    blocks.append(("quote" if quote else "p", flat(child)))
            elif isinstance(child, nodes.section):
                walk(child, depth + 1, level, quote)
            elif isinstance(child, nodes.paragraph):
                blocks.append(("quote" if quote else "p", flat(child)))
            elif isinstance(child, (nodes.literal_block, nodes.doctest_block)):
                blocks.append(("code", child.astext()))
            elif isinstance(child, (nodes.bullet_list, nodes.enumerated_list)):
                ordered = isinstance(child, nodes.enumerated_list)
                for number, item in enumerate(child.children, start=1):
                    paras = [c for c in item.children if isinstance(c, nodes.paragraph)]
                    blocks.append(("li", level, ordered, number, " ".join(flat(p) for p in paras)))
                    rest = nodes.Element()
                    rest.children = [c for c in item.children if not isinstance(c, nodes.paragraph)]
                    walk(rest, depth, level + 1, quote)
            elif isinstance(child, nodes.definition_list):
                for item in child.children:
                    for part in item.children:
                        if isinstance(part, nodes.term):
                            blocks.append(("p", flat(part)))
                        elif isinstance(part, nodes.definition):
                            walk(part, depth, level, quote)
            elif isinstance(child, nodes.Admonition):
                walk(child, depth, level, True)
            elif isinstance(child, nodes.table):
                rows = [[flat(entry) for entry in row.children]
                        for row in child.findall(nodes.row)]
                if rows:
                    width = max(len(r) for r in rows)
                    rows = [r + [""] * (width - len(r)) for r in rows]
                    blocks.append(("table", rows[0], rows[1:]))
            elif isinstance(child, nodes.Element):
                walk(child, depth, level, quote)

    walk(doc, 1, 0, False)
    return blocks


# --- Markdown ---------------------------------------------------------------------------------


def read_markdown(src: Path) -> list[tuple] | None:
    """The blocks of a Markdown file, read by markdown-it-py: the first ``#`` heading the
    title, ``##`` "h1", ``###`` and deeper "h2"/"h3"; paragraphs; list items (a list inside
    an item one level deeper); code; inline markup and HTML left out, a link shown as its
    text."""
    text = source_text(src)
    if text is None:
        return None
    from markdown_it import MarkdownIt
    tokens = MarkdownIt("commonmark").parse(text)
    blocks: list[tuple] = []
    lists: list[list] = []  # [ordered, next number] of each open list
    in_item = 0

    def inline(tok) -> str:
        out = []
        for c in tok.children or []:
            if c.type in ("text", "code_inline"):
                out.append(c.content)
            elif c.type in ("softbreak", "hardbreak"):
                out.append(" ")
        return re.sub(r"\s+", " ", "".join(out)).strip()

    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            kind = "title" if level == 1 and not blocks else f"h{min(max(level - 1, 1), 3)}"
            blocks.append((kind, inline(tokens[i + 1])))
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            lists.append([tok.type == "ordered_list_open", int(tok.attrGet("start") or 1)])
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif tok.type == "list_item_open":
            in_item += 1
            first_para = True
        elif tok.type == "list_item_close":
            in_item -= 1
        elif tok.type == "paragraph_open":
            words = inline(tokens[i + 1])
            if not words:
                continue
            if in_item and first_para:
                ordered, number = lists[-1]
                lists[-1][1] += 1
                blocks.append(("li", len(lists) - 1, ordered, number, words))
                first_para = False
            else:
                blocks.append(("p", words))
        elif tok.type in ("fence", "code_block"):
            blocks.append(("code", tok.content.rstrip("\n")))
    return blocks


# --- the generated files ----------------------------------------------------------------------

# (file name, reader, source, author, subject, keywords)
GENERATED_PDF: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str]] = [
    ("nodejs-building.pdf", read_markdown, DOC / "nodejs/BUILDING.md",
     "The Node.js contributors (OpenJS Foundation)",
     "Building Node.js (BUILDING.md of Node.js 20.20.2)",
     "Node.js, building, compiling, toolchains, ICU, Intl, OpenSSL, Windows, macOS"),
    ("google-auth-contributing.pdf", read_rst, TP / "google-auth-library-python/CONTRIBUTING.rst",
     "Google LLC (google-auth-library-python)",
     "google-auth for Python: Contributing (CONTRIBUTING.rst)",
     "google-auth, contributing, tests, system tests, nox, coding style, CLA"),
    ("pyasn1-example-use-case.pdf", read_rst, TP / "pyasn1/docs/source/example-use-case.rst",
     "Ilya Etingof and the pyasn1 contributors",
     "pyasn1: Example use case (docs/source/example-use-case.rst)",
     "pyasn1, ASN.1, SSH keys, asn1ate, schema, decoder, encoder"),
]

# (file name, reader, source, author, subject, comments, keywords)
GENERATED_DOCX: list[tuple[str, Callable[[Path], list[tuple] | None], Path, str, str, str, str]] = [
    ("nodejs-using-internal-errors.docx", read_markdown, DOC / "nodejs/contributing/using-internal-errors.md",
     "The Node.js contributors (OpenJS Foundation)",
     "Using the internal/errors.js module (Node.js contributing guide)",
     "Rendered from doc/contributing/using-internal-errors.md of Debian's nodejs 20.20.2; MIT licence",
     "Node.js, internal/errors.js, error codes, contributing"),
    ("urllib3-advanced-usage.docx", read_rst, TP / "urllib3/docs/advanced-usage.rst",
     "Andrey Petrov and the urllib3 contributors",
     "urllib3: Advanced Usage (docs/advanced-usage.rst)",
     "Rendered from urllib3 2.2.2's docs/advanced-usage.rst as the Google Cloud SDK's gsutil vendors it; MIT licence",
     "urllib3, connection pools, proxies, SOCKS, TLS, certificates, Brotli, Zstandard"),
    ("nodejs-onboarding.docx", read_markdown, DOC / "nodejs/onboarding.md",
     "The Node.js contributors (OpenJS Foundation)",
     "Onboarding (Node.js collaborators)",
     "Rendered from onboarding.md of Debian's nodejs 20.20.2; MIT licence",
     "Node.js, onboarding, collaborators, pull requests, issue tracker"),
]

WRITE = docsgen.Writer("tests/data/make_docs_blind9.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "docs_blind9")
    docsgen.copy_sources(out, COPIES)
    for name, read, src, author, subject, keywords in GENERATED_PDF:
        if (blocks := read(src)) is not None:
            WRITE.pdf([docsgen.cp1252_only(b) for b in blocks], out / name,
                      docsgen.first_title(blocks, src.stem), author, subject, keywords)
    for name, read, src, author, subject, comments, keywords in GENERATED_DOCX:
        if (blocks := read(src)) is not None:
            WRITE.docx(blocks, out / name, docsgen.first_title(blocks, src.stem), author, subject,
                       comments, keywords)
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
