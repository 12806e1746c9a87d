#!/usr/bin/env python3
# ruff: noqa: E501  (long source paths and metadata strings, as in the other make_docs_*.py scripts)
"""Build tests/data/docs_blind6/: a sixth held-out documentation set (20 files), written
without running qabot, to measure it on documents and questions nobody tuned on -- "Python
project docs in reStructuredText": the reStructuredText documentation that Python packages
installed on this machine ship (the AWS CLI's help topics, the standard library's email
package, numpy.ma, and the Sphinx sources of requests, urllib3, cachetools, chardet, Python-RSA,
google-auth, pyparsing and six vendored by the Google Cloud SDK's gsutil), and the
documentation files without an extension that come with them (a changelog, a NEWS file, a
CONTRIBUTING file, a README and a LICENSE).

* 13 ``.rst`` files and 5 extensionless files are copied byte for byte.
* 2 files are generated here, deterministically (fixed dates and zip timestamps), as a PDF
  (fpdf2) and a DOCX file (python-docx) from two more ``.rst`` sources: ``read_rst`` below
  parses the source with docutils (Sphinx's roles and directives registered as simple
  stand-ins, so that ``:func:`x``` shows ``x`` and ``.. code-block::`` is a code block) and
  turns the document tree into blocks (title, headings, paragraphs, list items, code, tables),
  its words unchanged.

The copying and the PDF/DOCX writing are tests/data/docsgen.py's (shared by the make_docs_*.py
scripts).

Provenance and licences: tests/data/docs_blind6.md.  Usage::

    . /work/venv/bin/activate   # the project venv: docutils, fpdf2, python-docx
    python tests/data/make_docs_blind6.py [OUT_DIR]

A source missing on this machine is reported and its file left as it is (or not made).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import ClassVar

import docsgen
from docutils import nodes, utils
from docutils.core import publish_doctree
from docutils.parsers.rst import Directive, directives, roles

SITE = Path("/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages")  # pyenv's Python 3.11.7
STDLIB = Path("/root/.pyenv/versions/3.11.7/lib/python3.11")
GS = Path("/usr/lib/google-cloud-sdk/platform/gsutil")  # the Google Cloud SDK's gsutil
TP = GS / "third_party"

# (file name, source path, transform): "copy" = byte for byte
COPIES = [
    ("awscli-s3-config.rst", SITE / "awscli/topics/s3-config.rst", "copy"),
    ("awscli-return-codes.rst", SITE / "awscli/topics/return-codes.rst", "copy"),
    ("python-email-architecture.rst", STDLIB / "email/architecture.rst", "copy"),
    ("numpy-ma-readme.rst", SITE / "numpy/ma/README.rst", "copy"),
    ("requests-authentication.rst", TP / "requests/docs/user/authentication.rst", "copy"),
    ("requests-faq.rst", TP / "requests/docs/community/faq.rst", "copy"),
    ("urllib3-v2-migration-guide.rst", TP / "urllib3/docs/v2-migration-guide.rst", "copy"),
    ("cachetools-docs.rst", TP / "cachetools/docs/index.rst", "copy"),
    ("chardet-how-it-works.rst", TP / "chardet/docs/how-it-works.rst", "copy"),
    ("rsa-usage.rst", TP / "rsa/doc/usage.rst", "copy"),
    ("google-auth-oauth2client-deprecation.rst", TP / "google-auth-library-python/docs/oauth2client-deprecation.rst", "copy"),
    ("pyparsing-whats-new-3.0.rst", TP / "pyparsing/docs/whats_new_in_3_0_0.rst", "copy"),
    ("six-docs.rst", TP / "six/documentation/index.rst", "copy"),
    # documentation files without an extension (the id is the whole name)
    ("CHANGES-six", TP / "six/CHANGES", "copy"),
    ("NEWS-mock", TP / "mock/NEWS", "copy"),
    ("CONTRIBUTING-boto", GS / "gslib/vendored/boto/CONTRIBUTING", "copy"),
    ("README-crcmod", TP / "crcmod/README", "copy"),
    ("LICENSE-python-dateutil", SITE / "python_dateutil-2.9.0.post0.dist-info/LICENSE", "copy"),
]

# (file name, rst source, author, subject, keywords); the title is the document's title
GENERATED_PDF = [
    ("chardet-faq.pdf", TP / "chardet/docs/faq.rst",
     "Mark Pilgrim, Dan Blanchard and the chardet contributors",
     "chardet documentation: frequently asked questions about character encoding detection",
     "Python, chardet, character encoding, auto-detection, FAQ"),
]

# (file name, rst source, author, subject, comments, keywords)
GENERATED_DOCX = [
    ("rsa-upgrading.docx", TP / "rsa/doc/upgrading.rst",
     "Sybren A. Stuvel",
     "Python-RSA documentation: upgrading from older versions",
     "Rendered from the Sphinx source of the Python-RSA documentation (third_party/rsa/doc/upgrading.rst of the Google Cloud SDK's gsutil); Apache License 2.0",
     "Python, RSA, PKCS#1, upgrading, keys"),
]

# --- Sphinx's roles and directives, as simple stand-ins for docutils --------------------------

XREF_ROLES = ["func", "meth", "class", "mod", "attr", "exc", "data", "const", "obj", "ref",
              "doc", "term", "envvar", "option", "program", "file", "samp", "command", "kbd",
              "any", "keyword", "token", "abbr", "dfn", "mimetype", "newsgroup", "makevar"]


def xref_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """A cross-reference shown as Sphinx shows it: the explicit title of ``title <target>``,
    else the target (``~a.b.c`` as ``c``, a leading ``!`` or ``.`` dropped)."""
    text = utils.unescape(text)
    m = re.fullmatch(r"(.*?)\s*<([^<>]+)>", text, re.S)
    if m and m.group(1):
        shown = m.group(1)
    else:
        shown = m.group(2) if m else text
        if shown.startswith("~"):
            shown = shown[1:].rsplit(".", 1)[-1]
        shown = shown.lstrip("!.")
    return [nodes.literal(rawtext, shown)], []


for _name in XREF_ROLES:
    roles.register_local_role(_name, xref_role)
    roles.register_local_role("py:" + _name, xref_role)


class AnyOption(dict):
    """An option spec taking every option (with its value, if any, unchanged); never empty,
    since docutils reads a directive's options only if its spec is true."""

    def __init__(self) -> None:
        super().__init__(name=directives.unchanged)

    def __missing__(self, key):
        return directives.unchanged


class Hidden(Directive):
    """A directive whose content Sphinx does not show in the page's text (module, toctree,
    testsetup...)."""
    optional_arguments = 10
    final_argument_whitespace = True
    has_content = True
    option_spec = AnyOption()

    def run(self):
        return []


class Code(Directive):
    """code-block, sourcecode, testcode, doctest, testoutput: the content as a code block."""
    optional_arguments = 10
    final_argument_whitespace = True
    has_content = True
    option_spec = AnyOption()

    def run(self):
        text = "\n".join(self.content)
        return [nodes.literal_block(text, text)]


class Version(Directive):
    """versionadded, versionchanged, deprecated: "New in version X." with the text after it."""
    required_arguments = 1
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = AnyOption()
    label: ClassVar[dict[str, str]] = {"versionadded": "New in version",
                                       "versionchanged": "Changed in version",
                                       "deprecated": "Deprecated since version"}

    def run(self):
        version = self.arguments[0].split()[0]
        rest = self.arguments[0][len(version):].strip() if len(self.arguments) == 1 else " ".join(self.arguments[1:])
        para = nodes.paragraph()
        para += nodes.Text(f"{self.label[self.name]} {version}" + (": " if rest or self.content else "."))
        if rest:
            inl, _msgs = self.state.inline_text(rest, self.lineno)
            para += inl
        out = [para]
        if self.content:
            box = nodes.container()
            self.state.nested_parse(self.content, self.content_offset, box)
            out.extend(box.children)
        return out


class ObjectDescription(Directive):
    """function, class, method, data, decorator, ... and their autodoc forms: the signature
    as a paragraph of its own ("class X(...)", "@decorator"), the content after it."""
    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = AnyOption()

    def run(self):
        name = self.name.split(":")[-1]
        prefix = {"class": "class ", "exception": "exception ", "decorator": "@",
                  "autoclass": "class ", "autoexception": "exception "}.get(name, "")
        out = []
        for sig in self.arguments[0].split("\n"):
            out.append(nodes.paragraph("", "", nodes.literal(sig, prefix + sig.strip())))
        if self.content:
            box = nodes.container()
            self.state.nested_parse(self.content, self.content_offset, box)
            out.extend(box.children)
        return out


class SeeAlso(Directive):
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self):
        box = nodes.container()
        box += nodes.paragraph("", "See also")
        if self.arguments:
            box += nodes.paragraph("", self.arguments[0])
        self.state.nested_parse(self.content, self.content_offset, box)
        return box.children


for _name in ("module", "currentmodule", "toctree", "testsetup", "testcleanup", "highlight",
              "sectionauthor", "moduleauthor", "index", "literalinclude", "automodule",
              "codeauthor", "only", "ifconfig", "tabularcolumns"):
    directives.register_directive(_name, Hidden)
    directives.register_directive("py:" + _name, Hidden)
for _name in ("code-block", "sourcecode", "testcode", "doctest", "testoutput"):
    directives.register_directive(_name, Code)
for _name in ("versionadded", "versionchanged", "deprecated"):
    directives.register_directive(_name, Version)
for _name in ("function", "class", "method", "data", "attribute", "decorator", "exception",
              "staticmethod", "classmethod", "property", "decoratormethod", "autoclass",
              "autofunction", "automethod", "autodata", "autoattribute", "autoexception"):
    directives.register_directive(_name, ObjectDescription)
    directives.register_directive("py:" + _name, ObjectDescription)
directives.register_directive("seealso", SeeAlso)

# --- reading a reStructuredText document into blocks ------------------------------------------

SETTINGS = {"report_level": 5, "halt_level": 5, "file_insertion_enabled": False,
            "raw_enabled": False, "warning_stream": False, "input_encoding": "utf-8"}


def _text(node: nodes.Node) -> str:
    return re.sub(r"\s+", " ", node.astext()).strip()


class _Blocks:
    def __init__(self) -> None:
        self.blocks: list[tuple] = []

    def walk(self, node: nodes.Node, depth: int, level: int) -> None:
        """``depth``: the section depth (0 outside sections); ``level``: the list level
        (-1 outside lists)."""
        for child in node.children:
            self.block(child, depth, level)

    def block(self, n: nodes.Node, depth: int, level: int) -> None:
        if isinstance(n, (nodes.comment, nodes.target, nodes.substitution_definition,
                          nodes.system_message, nodes.pending, nodes.raw)):
            return
        if isinstance(n, nodes.topic) and "contents" in n["classes"]:
            return
        if isinstance(n, nodes.title):
            kind = ("title" if isinstance(n.parent, nodes.document) else
                    f"h{min(depth, 3)}" if isinstance(n.parent, nodes.section) else "p")
            self.blocks.append((kind, _text(n)))
        elif isinstance(n, nodes.subtitle):
            self.blocks.append(("h1", _text(n)))
        elif isinstance(n, nodes.section):
            self.walk(n, depth + 1, level)
        elif isinstance(n, (nodes.paragraph, nodes.line_block, nodes.rubric, nodes.field_name,
                            nodes.term, nodes.caption, nodes.attribution)):
            self.blocks.append(("p", _text(n)))
        elif isinstance(n, (nodes.literal_block, nodes.doctest_block)):
            self.blocks.append(("code", n.astext()))
        elif isinstance(n, (nodes.bullet_list, nodes.enumerated_list)):
            ordered = isinstance(n, nodes.enumerated_list)
            for i, item in enumerate(n.children, start=n.get("start", 1)):
                first, rest = (item.children[0], item.children[1:]) if item.children else (None, [])
                if isinstance(first, nodes.paragraph):
                    self.blocks.append(("li", level + 1, ordered, i, _text(first)))
                else:
                    self.blocks.append(("li", level + 1, ordered, i, ""))
                    rest = item.children
                for sub in rest:
                    self.block(sub, depth, level + 1)
        elif isinstance(n, nodes.table):
            rows: list[list[str]] = []
            header: list[str] = []
            for part in n.findall(nodes.row):
                cells = [_text(e) for e in part.children]
                if isinstance(part.parent, nodes.thead) and not header:
                    header = cells
                else:
                    rows.append(cells)
            if not header and rows:
                header, rows = rows[0], rows[1:]
            width = max(len(r) for r in [header, *rows])
            self.blocks.append(("table", header + [""] * (width - len(header)),
                                [r + [""] * (width - len(r)) for r in rows]))
        elif isinstance(n, nodes.Admonition):
            label = n.tagname.capitalize() if not isinstance(n, nodes.admonition) else ""
            if label:
                self.blocks.append(("p", label))
            self.walk(n, depth, level)
        elif isinstance(n, nodes.docinfo):
            for field in n.children:
                self.blocks.append(("p", _text(field)))
        elif isinstance(n, nodes.transition):
            return
        else:  # containers, block quotes, definition lists, field lists, compound...
            self.walk(n, depth, level)


def read_rst(src: Path) -> list[tuple] | None:
    """The blocks of the rst document ``src`` as docutils parses it (the Sphinx stand-ins
    above registered): its title "title", its sections "h1".."h3", paragraphs, definition terms
    and field names "p", list items, literal blocks "code", tables; None if it is missing."""
    if not src.is_file():
        print(f"missing source, not read: {src}", file=sys.stderr)
        return None
    tree = publish_doctree(src.read_text(encoding="utf-8"), source_path=str(src),
                           settings_overrides=SETTINGS)
    b = _Blocks()
    b.walk(tree, 0, -1)
    if tree.get("title") and (not b.blocks or b.blocks[0][0] != "title"):
        b.blocks.insert(0, ("title", tree["title"]))
    return b.blocks


WRITE = docsgen.Writer("tests/data/make_docs_blind6.py", docx_code="lines", deepest_list=3,
                       headings={"h1": 14, "h2": 12, "h3": 11})


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "docs_blind6")
    docsgen.copy_sources(out, COPIES)
    WRITE.generated(out, read_rst, GENERATED_PDF, GENERATED_DOCX)
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
