"""Markdown documents -> blocks, with markdown-it-py's CommonMark parser (tables, strikethrough,
footnotes).

A parser rather than regular expressions because CommonMark's rules are contextual: a list item
wrapped over several lines, a nested list, a reference link (``[#55238][55238]`` with its
definition at the bottom), emphasis, a code span holding ``*`` or ``|``, an HTML block, a setext
heading (``===`` under a line) are each easy to get wrong line by line, and a wrong guess puts
markup into a quoted sentence or splits one item in two. The token stream says what each line is.

Every block is the text a reader of the rendered page sees (``mdinline.py``): link text without
its URL, image alt text, code spans without backticks, no emphasis marks or inline tags (a
block's tag, as in a table's cell, keeps the words either side apart, and ``<li>`` items read
"PNG, GIF"), entities decoded, no footnote marks (``[^1]``; a footnote's text is read where it is
defined, ``mdfootnotes.py``). A paragraph in a list item is a ``list_item`` (its level the list's
nesting depth), a table's header row is a row ``A | B`` and each body row ``A: 1; B: 2``, a
code block is ``code``, an HTML block keeps only its text (one holding a whole table is read by
the HTML reader, row by row). A front matter (``meta.front_matter``) or a pandoc title block
(``% Title``) is metadata, not text; the title is found by ``mdtitle.py``.

MyST Markdown (Sphinx's: Jupyter Book, many Python projects) is read as its rendered page: a
directive's fence (```` ```{note} ````, ``:::{tip}``) by what its body holds (``sphinx.py``:
prose parsed as Markdown, code, an object's signature, a toctree left out), ``{eval-rst}`` by
the reStructuredText reader, a role (``{ref}`Title <label>```) as the text it shows; target
lines (``(label)=``) and ``%`` comments are left out with their reason.

A web page saved as Markdown (a read-later app's or a clipper's copy of a news page: its share
buttons, "Most viewed" list, newsletter prompt and comments with it) reads as one by its blocks
(``webpage.looks_like_web_page``, as an HTML page without an article mark does), when its
furniture phrases stand on ``WEB_SIGNAL_SHARE`` of its blocks or more, and goes through the
web-page cleaning; any other Markdown is a document kept whole. (Markdown is mostly
documentation: a changelog of thousands of entries says "cookie" and "register" here and there,
a contributors' guide "log in" and "your help"; a page's furniture stands around a short
article.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from itertools import pairwise

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .blocks import (
    TERM_LEVEL,
    Block,
    Dropped,
    Outline,
    Parsed,
    code_block,
    dropped_lines,
    one_line,
    table_row_text,
)
from .html import read_html
from .mdfootnotes import footnotes
from .mdinline import html_text, images_only, render, without_figures
from .mdtitle import document_title, pandoc_title
from .meta import front_matter
from .sphinx import directive_kind, version_text
from .webpage import looks_like_web_page, web_signals

_HTML_TABLE_RE = re.compile(r"<table\b.*</table\s*>", re.I | re.S)  # a whole table


# How deep lists and quotes may nest: markdown-it's own default (CommonMark's preset stops at 20,
# and an outliner's notes or a long mail thread go deeper). What lies deeper is not parsed: it is
# listed as dropped (``_too_deep``).
_MAX_NESTING = 100


@cache
def _parser() -> MarkdownIt:
    return (MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING})
            .enable(["table", "strikethrough"]).use(footnotes))


def read_markdown(text: str) -> Parsed:
    """The blocks of the Markdown document ``text`` in reading order, and its metadata."""
    meta, body = front_matter(text)
    declared, body = pandoc_title(body)
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    myst = _MYST_RE.search(body) is not None
    if myst:
        body = _myst_source(body, dropped)
    env: dict[str, object] = {}  # the reference links it defines, for a directive's body too
    tokens = _parser().parse(body, env)
    dropped.extend(_too_deep(tokens, body))
    for b in _blocks(tokens, Outline(), myst, env):
        if isinstance(b, Dropped):
            dropped.append(b)
        else:
            blocks.append(b)
    title = meta.get("title") or declared or document_title(blocks, tokens)
    if title:
        meta["title"] = title
    return Parsed(blocks, meta, web=_saved_page([b.text for b in blocks]), dropped=dropped)


WEB_SIGNAL_SHARE = 0.05  # the blocks with a furniture phrase, at least, of a page saved as Markdown


def _saved_page(texts: Sequence[str]) -> bool:
    """Whether Markdown blocks ``texts`` are a web page saved as Markdown (the module docstring)."""
    return (looks_like_web_page(texts)
            and len(web_signals(texts)) >= WEB_SIGNAL_SHARE * len(texts))


def _blocks(tokens: Sequence[Token], outline: Outline, myst: bool = False,
            env: dict[str, object] | None = None, depth: int = 0) -> Iterable[Block | Dropped]:
    """Walk the block tokens: containers (lists, quotes, tables) open and close around leaves;
    a heading in a list item or a quote heads what follows it there, not the rest of the page.
    A paragraph of images alone (a row of badges) is dropped: a reader sees pictures there, not
    their alt text ("Build Status Documentation Status codecov"). In MyST Markdown (``myst``),
    a fence naming a directive (```` ```{note} ````) is read as Sphinx renders it, and a target
    line ("(install)=") is not text."""
    containers: list[str] = []  # the open list items and blockquotes, outermost first
    outside: list[Outline] = []  # the outline as each open container found it
    lists = 0  # how deep in lists the walk is
    header: list[str] = []  # the current table's header cells
    in_head = False
    row: list[str] | None = None  # the cells of the table row being read
    heading_level = 0
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif kind in ("list_item_open", "blockquote_open", "footnote_open"):
            containers.append(kind)
            outside.append(outline.copy())
        elif kind in ("list_item_close", "blockquote_close", "footnote_close"):
            containers.pop()
            outline.back_to(outside.pop())  # a heading inside heads only the container's text
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "table_open":
            header = []
        elif kind in ("thead_open", "thead_close"):
            in_head = kind == "thead_open"
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            if in_head:
                header = row
                text = table_row_text(row)
            else:
                text = table_row_text(row, header)
            row = None
            if text:
                yield Block("table_row", text, outline.path)
        elif kind == "inline":
            children = token.children or []
            text = one_line(render(children if images_only(children) or heading_level
                                    else without_figures(children)))
            if heading_level:  # its words, past its badges (the alt text when it has none)
                text = one_line(render(token.children or [], alt=False)) or text
            if row is not None:
                row.append(text)
            elif not text:
                continue
            elif heading_level:
                yield Block("heading", text, outline.heading(heading_level, text),
                            level=heading_level)
            elif images_only(token.children or []):
                yield Dropped(Block("paragraph", text, outline.path), IMAGES_REASON)
            elif myst and _TARGET_RE.fullmatch(text):
                yield Dropped(Block("paragraph", text, outline.path), TARGET_REASON)
            elif _DISPLAY_MATH_RE.fullmatch(token.content.strip()):
                # a formula set apart ("$$ \\mathrm{SNR} = ... $$"), as a code block: its TeX
                # source is no sentence to quote
                if code := code_block(token.content, outline.path):
                    yield code
            elif containers and containers[-1] == "list_item_open":
                # a task list's box ("- [x] check the logger"), which GitHub and GitLab draw
                # as a checkbox: no words of the item's
                yield Block("list_item", _TASK_BOX_RE.sub("", text, count=1), outline.path,
                            level=lists)
            else:
                yield Block("paragraph", text, outline.path)
        elif myst and kind == "fence" and (directive := _DIRECTIVE_RE.match(token.info)):
            yield from _directive(directive[1], directive[2], token.content, outline, env,
                                  depth + 1)
        elif kind in ("fence", "code_block"):
            if code := code_block(token.content, outline.path):
                yield code
        elif kind == "html_block" and _HTML_TABLE_RE.search(token.content):
            yield from _html_blocks(token.content, outline)
        elif kind == "html_block" and (text := one_line(html_text(token.content))):
            yield Block("paragraph", text, outline.path)


_DISPLAY_MATH_RE = re.compile(r"\$\$[^$]+\$\$")
_TASK_BOX_RE = re.compile(r"^\[[ xX]\]\s+(?=\S)")  # "[ ] ", "[x] " opening a list item
NESTING_REASON = f"nested deeper than {_MAX_NESTING} lists, quotes or directives: not read"
_MARKERS_RE = re.compile(r"^(?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t])*")  # quote and list marks


def _too_deep(tokens: Sequence[Token], body: str) -> Iterable[Dropped]:
    """What the parser left unread inside a list or quote at its nesting limit (markdown-it
    reads nothing of it, and says nothing): the lines of each such container, without their
    quote and list marks."""
    lines = body.splitlines()
    for token, after in pairwise(tokens):
        if (token.nesting == 1 and token.level + 1 >= _MAX_NESTING and token.map
                and after.nesting == -1):  # opened and closed with nothing read inside
            start, end = token.map
            yield from dropped_lines((_MARKERS_RE.sub("", line) for line in lines[start:end]),
                                     NESTING_REASON)


IMAGES_REASON = "images only (badges, figures): a reader sees pictures, not their alt text"
TARGET_REASON = "a MyST target: not shown to a reader"
COMMENT_REASON = "a MyST comment: not shown to a reader"
HIDDEN_REASON = "navigation or a generated part (toctree, autosummary): not text of the document"

# MyST Markdown: a directive's fence (```` ```{note} ````, ``:::{tip}``), a role
# (``{ref}`install```), a target line (``(install)=``).
_MYST_RE = re.compile(r"^ {0,3}(?:`{3,}|:{3,})\{[\w:.-]+\}|(?<![\w$])\{[A-Za-z][\w:.-]*\}`[^`]"
                      r"|^\([^()\n]+\)=\s*$", re.M)
_FENCE_LINE_RE = re.compile(r"^\s*(?:`{3,}|~{3,})")
_DIRECTIVE_RE = re.compile(r"^\{([\w:.-]+)\}\s*(.*)$")
_TARGET_RE = re.compile(r"\([^()\n]+\)=")
_COLON_FENCE_RE = re.compile(r"^( {0,3})(:{3,})(\{[\w:.-]+\}.*|\s*)$")
# A code cell of Quarto or R Markdown (```` ```{python} ````) names its language in braces too.
_CELL_LANGUAGES = frozenset(
    "python r julia bash sh shell zsh powershell js javascript typescript ojs sql dot ruby perl c "
    "cpp rust go java scala octave matlab stata sas".split())
_OPTION_RE = re.compile(r"^:[\w-]+:(?:\s.*)?$")


def _myst_source(body: str, dropped: list[Dropped]) -> str:
    """MyST's source made CommonMark's: a colon fence (``:::{note}`` ... ``:::``) becomes a
    backtick fence one longer (``::::`` still encloses ``:::``), a comment line ("% ...")
    goes, recorded in ``dropped``."""
    lines = []
    for line in body.splitlines(keepends=True):
        if m := _COLON_FENCE_RE.match(line):
            lines.append(f"{m[1]}{'`' * (len(m[2]) + 1)}{m[3].strip()}\n")
        elif line.startswith("%"):
            if text := one_line(line[1:]):
                dropped.append(Dropped(Block("paragraph", text), COMMENT_REASON))
        else:
            lines.append(line)
    return "".join(lines)


def _directive(name: str, argument: str, content: str, outline: Outline,
               env: dict[str, object] | None, depth: int = 1) -> Iterable[Block | Dropped]:
    """A MyST directive's fence, read as Sphinx renders it (``sphinx.directive_kind``); its
    options (``:key: value`` lines opening the body, or a YAML block) are not text. One
    ``depth`` directives deep past ``_MAX_NESTING`` is listed as dropped: a thousand fences
    one in another, each body parsed in turn, were a RecursionError."""
    body = _without_options(content)
    if depth > _MAX_NESTING:  # (its words, without the fences of the directives in it)
        yield from dropped_lines((line for line in body.splitlines()
                                  if not _FENCE_LINE_RE.match(line)),
                                 NESTING_REASON, outline.path)
        return
    kind = "code" if name.lower() in _CELL_LANGUAGES else directive_kind(name)
    if kind == "code":
        if code := code_block(body, outline.path):
            yield code
        return
    if kind == "hidden":
        if text := one_line(body or argument):
            yield Dropped(Block("paragraph", text, outline.path), HIDDEN_REASON)
        return
    if name.lower() == "eval-rst":  # reStructuredText inside Markdown
        from .rst import read_rst

        parsed = read_rst(body)
        yield from (replace(b, section=outline.path + b.section) for b in parsed.blocks)
        yield from parsed.dropped
        return
    if kind == "version":
        version, _, said = argument.partition(" ")
        yield Block("paragraph", version_text(name, version, one_line(said)), outline.path)
    elif kind == "object" and (signature := one_line(argument)):
        yield Block("heading", signature, outline.heading(TERM_LEVEL, signature),
                    level=TERM_LEVEL)
    elif argument.strip():  # an admonition's or a tab's title
        yield Block("paragraph", one_line(argument), outline.path)
    tokens = _parser().parse(body, dict(env or {}))
    yield from _too_deep(tokens, body)  # (what nests too deep in it, as in the page's body)
    yield from _blocks(tokens, outline, True, env, depth)


def _without_options(content: str) -> str:
    """A directive's body without the options opening it."""
    lines = content.splitlines(keepends=True)
    if lines and lines[0].strip() == "---" and "---\n" in lines[1:]:
        return "".join(lines[lines.index("---\n", 1) + 1:])
    start = 0
    while start < len(lines) and _OPTION_RE.match(lines[start].strip()):
        start += 1
    return "".join(lines[start:])


def _html_blocks(markup: str, outline: Outline) -> Iterable[Block | Dropped]:
    """An HTML block holding a table (many READMEs write one), read by the HTML reader: a row is
    a row, keyed by its header as a Markdown table's is, not one paragraph of every cell."""
    parsed = read_html(markup)
    for b in parsed.blocks:
        if b.kind == "heading":
            yield replace(b, section=outline.heading(b.level, b.text))
        else:
            yield replace(b, section=outline.path)
    yield from (replace(d, block=replace(d.block, section=outline.path)) for d in parsed.dropped)
