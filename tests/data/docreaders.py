
"""Readers of the sources the held-out sets' PDF and DOCX files are made from (shared by
``make_docs_blind8.py`` and ``make_docs_blind9.py``): a source's text, a Sphinx page read by
docutils (with stand-ins for the Sphinx roles and directives its pages use: a role shows its
text, ``~a.b.C`` as ``C`` and ``title <target>`` as ``title``; ``code-block`` is code;
``module``, ``currentmodule`` and ``toctree`` are dropped), and a Markdown file read by
markdown-it-py, each as the blocks ``docsgen.Writer`` writes."""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path
from typing import ClassVar


def source_text(src: Path) -> str | None:
    """A source's text (gunzipped if ``.gz``), or None (reported) if it is missing."""
    if not src.is_file():
        print(f"missing source, not read: {src}", file=sys.stderr)
        return None
    data = src.read_bytes()
    if src.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8")


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
