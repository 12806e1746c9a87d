"""reStructuredText documents -> blocks, with docutils, the format's reference parser.

Python projects write their documentation in reStructuredText, most of it for Sphinx. A parser
rather than the plain-text reader because the markup is contextual: a section's level is the
order in which its underline style first appears, a ``::`` ends a paragraph and opens a code
block, a directive's body is indented under it, inline markup (``*x*``, ````x````, `` `x`_ ``,
``:func:`x```) must not reach a quoted sentence. The doctree says what each part is; the walk
makes the blocks a reader of the rendered page sees:

- a section's title is a heading of its depth (a rubric, one level deeper); a lone section
  opening the document titles it;
- a paragraph is one (a ``list_item`` inside a list, its level the nesting depth);
- a definition list's term, and a Sphinx object's signature (``.. function:: f(x)``), head what
  describes them (``TERM_LEVEL``); inside a list item a term is an item over its definition
  (``- class:`` over an indented list reads as the nested list it is drawn as);
- a field (``:param x: ...``) or an option reads ``name: text`` as a list item; a list, a table
  or code in its body is read under that item, not run into its line;
- a table's header row is a row ``A | B``, each body row ``A: 1; B: 2``; a simple table's header
  over the data columns only, which docutils drops, is read from the source (``rsttable.py``);
- literal blocks, doctests, math and code directives are ``code``; but a ``::`` block whose
  every line is words a reader reads (``_text_lines``: a cheat sheet's "Shift-Up-arrow
  (move-outline-up)" under "When focus is in the outline::") is a list of those lines;
- comments, hyperlink targets, substitution definitions and a table of contents are not text
  a reader sees: left out, with the reason, for ``qabot show``; a substitution (``|product|``)
  reads as its definition, a footnote's mark (``[#f1]_``) is left out of its sentence, and the
  footnote is read where it is written.

Sphinx's roles and directives are not docutils': an unknown role shows its text (``:ref:`Title
<label>``` reads "Title", ``:func:`~os.path.join``` reads "join"), an unknown directive keeps
its body as text (``.. versionadded:: 3.2`` reads "New in version 3.2."): ``rstsphinx.py``.
Nothing is read from outside the document: ``include`` and ``raw`` are disabled, and docutils
reports nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from docutils import nodes, utils
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.statemachine import string2lines

from .blocks import TERM_LEVEL, Block, Dropped, Outline, Parsed, code_block, one_line
from .rstsphinx import NotShown, register_unknown
from .rstsubst import substitute
from .rsttable import table_rows

_LEFT_OUT: dict[type[nodes.Element], str] = {
    nodes.comment: "a comment: not shown to a reader",
    nodes.target: "a hyperlink target: not shown to a reader",
    nodes.substitution_definition: "a substitution definition: not shown to a reader",
    nodes.pending: "a table of contents or other generated part: not text of the document",
    NotShown: "navigation or a generated part (toctree, autosummary): not text of the document",
}


# How deep the parts of a document may stand one in another, by their indentation (the deepest
# of the documentation sets qabot is measured on: 6). docutils parses each level anew from a
# copy of the lines under it, and recurses: a 4.5 MB file of lines each indented one space more
# than the last took 1.4 GB before it failed, at some 200 levels, with a RecursionError.
MAX_DEPTH = 100


def read_rst(text: str) -> Parsed:
    """The blocks of the reStructuredText document ``text`` in reading order, and its title;
    ``ValueError`` when its parts stand more than ``MAX_DEPTH`` deep."""
    lines = string2lines(text, convert_whitespace=True)
    if (depth := _depth(lines)) > MAX_DEPTH:
        raise ValueError(f"reStructuredText indented {depth} levels deep, over the "
                         f"{MAX_DEPTH} qabot reads")
    register_unknown(text)
    document = utils.new_document("<rst>", _settings())
    Parser().parse(text, document)
    substitute(document, len(text))
    for mark in list(document.findall(nodes.footnote_reference)):
        mark.parent.remove(mark)
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    meta = _docinfo(document, dropped)
    for b in _Walk(lines).walk(document):
        (dropped if isinstance(b, Dropped) else blocks).append(b)  # type: ignore[arg-type]
    if "title" not in meta and (title := _title(document)):
        meta["title"] = title
    return Parsed(blocks, meta, web=False, dropped=dropped)


def _depth(lines: list[str]) -> int:
    """How many indentations deep the most indented line stands: the lines above it each
    less indented than the next (what docutils nests)."""
    indents: list[int] = []
    deepest = 0
    for line in lines:
        stripped = line.lstrip(" ")
        if not stripped:
            continue
        indent = len(line) - len(stripped)
        while indents and indents[-1] >= indent:
            indents.pop()
        indents.append(indent)
        deepest = max(deepest, len(indents))
    return deepest


@cache
def _settings() -> Any:
    settings = get_default_settings(Parser)
    settings.report_level = 5  # report nothing: a reader's warnings are not the document's text
    settings.halt_level = 5  # and never stop on an error: what cannot be parsed stays text
    settings.warning_stream = False
    settings.file_insertion_enabled = False  # no ``include``: a corpus file reads only itself
    settings.raw_enabled = False
    settings.line_length_limit = 1_000_000
    # "a charger [#f1]_." reads "a charger." once its footnote's mark is gone, not "a charger ."
    settings.trim_footnote_reference_space = True
    return settings


# --- the metadata and the walk ----------------------------------------------------------------

# Bibliographic fields opening a document (":Title: ...", ":Author: ..."), as docutils reads them.
_DOCINFO = {"title": "title", "author": "publisher", "authors": "publisher",
            "organization": "publisher", "date": "published"}


def _docinfo(document: nodes.document, dropped: list[Dropped]) -> dict[str, str]:
    """The metadata of a field list opening the document (before any paragraph or section),
    which is then left out of its text."""
    parent: nodes.Element = document
    first = _first_of(document)
    if isinstance(first, nodes.section):  # a title section: the fields follow its title
        parent, first = first, _first_of(first)
    if not isinstance(first, nodes.field_list):
        return {}
    meta: dict[str, str] = {}
    for field in first.children:
        name, body = (one_line(c.astext()) for c in field.children[:2])
        if (key := _DOCINFO.get(name.casefold())) and body and key not in meta:
            meta[key] = body
        dropped.append(Dropped(Block("list_item", f"{name}: {body}", level=1),
                               "the document's metadata fields (docinfo)"))
    parent.remove(first)
    return meta


def _first_of(node: nodes.Element) -> nodes.Node | None:
    """The first child of ``node`` a reader sees, past its title."""
    return next((c for c in node.children
                 if not isinstance(c, (nodes.title, *_LEFT_OUT))), None)


def _title(document: nodes.document) -> str:
    """The title of a document made of one section, nothing of substance before it."""
    body = [c for c in document.children if not isinstance(c, tuple(_LEFT_OUT))]
    if len(body) == 1 and isinstance(body[0], nodes.section):
        titles = [c for c in body[0].children if isinstance(c, nodes.title)]
        return one_line(titles[0].astext()) if titles else ""
    return ""


def _left_out(node: nodes.Node) -> str:
    """Why ``node`` is not text a reader sees, or ``""``."""
    return next((r for t, r in _LEFT_OUT.items() if isinstance(node, t)), "")


def _refused(message: nodes.system_message) -> Iterator[Dropped]:
    """The markup docutils left out, which its message quotes (a directive it refused:
    ``include`` and ``raw`` are disabled; one that failed), with the reason it gave. A
    message quoting none (an unclosed ``*``), or a warning about markup it read all the same
    ("Title underline too short."), left its text in the tree."""
    said = [c for c in message.children if isinstance(c, nodes.paragraph)]
    written = [c for c in message.children if isinstance(c, nodes.literal_block)]
    reason = one_line(said[0].astext()) if said else "markup docutils could not read"
    refused = message["level"] >= utils.Reporter.ERROR_LEVEL or reason.endswith("disabled.")
    if refused and written and (text := one_line(written[0].astext())):
        yield Dropped(Block("paragraph", text), f"not read: {reason}")


class _Walk:
    def __init__(self, lines: list[str]) -> None:
        self.outline = Outline()
        self.lines = lines  # the document's lines as docutils reads them (tabs expanded)

    def walk(self, node: nodes.Element, depth: int = 0, lists: int = 0,
             item: bool = False, start: int = 0) -> Iterator[Block | Dropped]:
        """The blocks under ``node`` (its children from index ``start``): ``depth`` sections
        deep, ``lists`` lists deep, ``item`` inside a list item."""
        path = self.outline
        for child in node.children[start:]:
            if isinstance(child, nodes.section):
                yield from self.walk(child, depth + 1, lists, item)
            elif isinstance(child, nodes.title):
                if isinstance(node, nodes.section):
                    text = one_line(child.astext())
                    if text:
                        yield Block("heading", text, path.heading(depth, text), level=depth)
                elif text := one_line(child.astext()):  # a topic's, an admonition's title
                    yield Block("paragraph", text, path.path)
            elif isinstance(child, nodes.rubric):  # an informal heading, in no section's tree
                if text := one_line(child.astext()):
                    yield Block("heading", text, path.heading(depth + 1, text), level=depth + 1)
            elif isinstance(child, nodes.paragraph | nodes.line_block | nodes.caption
                            | nodes.attribution):
                if (text := one_line(child.astext())) and item:
                    yield Block("list_item", text, path.path, level=lists)
                elif text:
                    yield Block("paragraph", text, path.path)
            elif isinstance(child, nodes.bullet_list | nodes.enumerated_list):
                yield from self.walk(child, depth, lists + 1, item)
            elif isinstance(child, nodes.list_item):
                yield from self.walk(child, depth, lists, True)
            elif isinstance(child, nodes.definition_list_item):
                yield from self._term(child, depth, lists, item)
            elif isinstance(child, nodes.definition_list):
                # a term heads its definition, nothing after the list ends
                saved = path.copy()
                yield from self.walk(child, depth, lists, item)
                path.back_to(saved)
            elif isinstance(child, nodes.field | nodes.option_list_item):
                yield from self._field(child, depth, lists)
            elif isinstance(child, nodes.literal_block) and (lines := _text_lines(child)):
                yield from (Block("list_item", line, path.path, level=lists + 1)
                            for line in lines)
            elif isinstance(child, nodes.literal_block | nodes.doctest_block | nodes.math_block):
                if code := code_block(child.astext(), path.path):
                    yield code
            elif isinstance(child, nodes.table):
                for text in table_rows(child, self.lines):
                    yield Block("table_row", text, self.outline.path)
            elif isinstance(child, nodes.system_message):
                yield from _refused(child)
            elif isinstance(child, nodes.label | nodes.image | nodes.transition | nodes.raw
                            | nodes.decoration):
                continue
            elif reason := _left_out(child):
                if text := one_line(child.astext()):
                    yield Dropped(Block("paragraph", text, path.path), reason)
            elif isinstance(child, nodes.Element):  # quotes, admonitions, containers, footnotes
                yield from self.walk(child, depth, lists, item)

    def _term(self, entry: nodes.Element, depth: int, lists: int, item: bool
              ) -> Iterator[Block | Dropped]:
        terms = [c for c in entry.children if isinstance(c, nodes.term | nodes.classifier)]
        text = one_line(" : ".join(t.astext() for t in terms))
        if text and item:  # "- class:" over an indented list: a list nested, as it is drawn
            yield Block("list_item", text, self.outline.path, level=lists)
        elif text:
            yield Block("heading", text, self.outline.heading(TERM_LEVEL, text), level=TERM_LEVEL)
        for c in entry.children:
            if isinstance(c, nodes.definition):
                yield from self.walk(c, depth, lists, item)

    def _field(self, field: nodes.Element, depth: int, lists: int) -> Iterator[Block | Dropped]:
        """A field (``:param x: text``) or an option (``-v  text``): ``name: text`` as a list
        item. A body holding more than paragraphs (a list, a table, code) is not run into that
        line, where its items would read as one string with nothing between them: the name and
        the paragraphs opening the body lead in, and the rest is read under the item, as in a
        list item (":Attribute Information:" over a bullet list reads "Attribute
        Information:", then "Alcohol", "Malic acid" one level deeper)."""
        level = max(lists, 1)
        name, body = field.children[0], field.children[1:]
        lead: list[str] = []
        rest: tuple[nodes.Element, int] | None = None
        for part in body:
            if not isinstance(part, nodes.Element):
                continue
            opening = next((i for i, c in enumerate(part.children)
                            if not isinstance(c, nodes.paragraph)), len(part.children))
            lead.extend(c.astext() for c in part.children[:opening])
            if opening < len(part.children):
                rest = part, opening
                break
        text = one_line(f"{name.astext()}: {' '.join(lead)}")
        yield Block("list_item", text, self.outline.path, level=level)
        if rest:
            yield from self.walk(rest[0], depth, level, True, start=rest[1])

__all__ = ["read_rst"]


# A line of words and nothing else: each a word, hyphenated or not, or words in parentheses
# ("Alt-Shift-Down-arrow (move-outline-down)"); no punctuation, operator or path
_WORD_LINE_RE = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?: +(?:[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
                           r"|\([A-Za-z0-9]+(?:[- ][A-Za-z0-9]+)*\)))*")


def _text_lines(block: nodes.Element) -> list[str]:
    """The lines of a ``::`` literal block that holds text, not code: each line words and
    spaces alone (``_WORD_LINE_RE``), opening with a capital as a line of text does, where a
    command ("pip install beets"), a statement or an identifier opens in lower case, and no
    line in capitals (a query's "SELECT name FROM users"); all at one indentation (code nests).
    [] for any other block, and for a code directive's (``classes`` "code")."""
    if block.get("classes") or block.get("language"):
        return []
    raw = block.astext().splitlines()
    lines = [ln.rstrip() for ln in raw if ln.strip()]
    if not lines or any(ln[0].isspace() for ln in lines):
        return []
    for line in lines:
        first = line.split(" ", 1)[0]
        letters = [c for c in first if c.isalpha()]
        if (not _WORD_LINE_RE.fullmatch(line) or not first[0].isupper()
                or (len(letters) > 3 and all(c.isupper() for c in letters))):
            return []
    return lines


__all__ = ["read_rst"]
