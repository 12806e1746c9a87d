"""Markdown documents -> blocks, with markdown-it-py's CommonMark parser (tables, strikethrough).

A parser rather than regular expressions because CommonMark's rules are contextual: a list item
wrapped over several lines, a nested list, a reference link (``[#55238][55238]`` with its
definition at the bottom), emphasis, a code span holding ``*`` or ``|``, an HTML block, a setext
heading (``===`` under a line) are each easy to get wrong line by line, and a wrong guess puts
markup into a quoted sentence or splits one item in two. The token stream says what each line is.

Every block is the text a reader of the rendered page sees: link text without its URL, image
alt text, code spans without backticks, no emphasis marks or inline tags, entities decoded. A
paragraph in a list item is a ``list_item`` (its level the list's nesting depth), a table's header
row is a row ``A | B`` and each body row ``A: 1; B: 2``, a code block is ``code``, an HTML block
keeps only its text. A YAML front matter (``meta.front_matter``) or a pandoc title block
(``% Title``) is metadata, not text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .blocks import Block, Dropped, Outline, Parsed, one_line, table_row_text
from .meta import front_matter

# "Feature Name: `foo`", "Title: Foo", "Start Date: 2020-01-01": a short key, a colon, a value.
_FIELD_RE = re.compile(r"^([A-Za-z][A-Za-z0-9 _./-]{0,39}?)\s*:\s+(\S.*)$")
_MAX_KEY_WORDS = 4
_NO_VALUE = frozenset({"n/a", "na", "none", "-", "tbd", "todo"})  # a template's blank, no name
_BR_RE = re.compile(r"<br\b", re.I)
_BREAK = "\n"  # a line break inside a block's inline text (kept only to read metadata lines)


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def read_markdown(text: str) -> Parsed:
    """The blocks of the Markdown document ``text`` in reading order, and its metadata."""
    meta, body = front_matter(text)
    pandoc_title, body = _pandoc_title(body)
    tokens = _parser().parse(body)
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    for b in _blocks(tokens):
        if isinstance(b, Dropped):
            dropped.append(b)
        else:
            blocks.append(b)
    title = meta.get("title") or pandoc_title or _title(blocks, tokens)
    if title:
        meta["title"] = title
    return Parsed(blocks, meta, web=False, dropped=dropped)


def _pandoc_title(text: str) -> tuple[str, str]:
    """The title of a pandoc title block (``% Title``, ``% Author``, ``% Date`` lines opening
    the text; an indented line continues the one above) and the text after the block."""
    if not text.startswith("% "):
        return "", text
    lines = text.splitlines(keepends=True)
    end = 1
    while end < len(lines) and lines[end][:1].isspace() and lines[end].strip():
        end += 1
    title = one_line(lines[0][2:] + " ".join(lines[1:end]))
    while end < len(lines) and lines[end].strip() and (
        lines[end].startswith("%") or lines[end][:1].isspace()
    ):
        end += 1
    return title, "".join(lines[end:])


def _blocks(tokens: Sequence[Token]) -> Iterable[Block | Dropped]:
    """Walk the block tokens: containers (lists, quotes, tables) open and close around leaves.
    A paragraph of images alone (a row of badges) is dropped: a reader sees pictures there, not
    their alt text ("Build Status Documentation Status codecov")."""
    outline = Outline()
    containers: list[str] = []  # the open list items and blockquotes, outermost first
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
        elif kind in ("list_item_open", "blockquote_open"):
            containers.append(kind)
        elif kind in ("list_item_close", "blockquote_close"):
            containers.pop()
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
            text = one_line(_render(token.children or []))
            if row is not None:
                row.append(text)
            elif not text:
                continue
            elif heading_level:
                yield Block("heading", text, outline.heading(heading_level, text),
                            level=heading_level)
            elif _images_only(token.children or []):
                yield Dropped(Block("paragraph", text, outline.path), IMAGES_REASON)
            elif containers and containers[-1] == "list_item_open":
                yield Block("list_item", text, outline.path, level=lists)
            else:
                yield Block("paragraph", text, outline.path)
        elif kind in ("fence", "code_block"):
            if text := one_line(token.content):
                yield Block("code", text, outline.path)
        elif kind == "html_block" and (text := one_line(_html_text(token.content))):
            yield Block("paragraph", text, outline.path)


IMAGES_REASON = "images only (badges, figures): a reader sees pictures, not their alt text"


def _images_only(children: Sequence[Token]) -> bool:
    """The inline tokens are images, with the links around them and white space between."""
    return any(t.type == "image" for t in children) and all(
        t.type in ("image", "link_open", "link_close", "softbreak", "hardbreak")
        or (t.type == "text" and not t.content.strip()) for t in children)


def _render(children: Iterable[Token]) -> str:
    """The text a reader sees of inline tokens; a line break is ``_BREAK``."""
    out = []
    for t in children:
        if t.type in ("text", "code_inline", "text_special"):
            out.append(t.content)
        elif t.type == "image":
            out.append(_render(t.children or []))  # the alt text, its own markup rendered
        elif t.type in ("softbreak", "hardbreak"):
            out.append(_BREAK)
        elif t.type == "html_inline" and _BR_RE.match(t.content):
            out.append(" ")  # the words either side of a <br> stay apart
    return "".join(out)


def _title(blocks: Sequence[Block], tokens: Sequence[Token]) -> str:
    """The document's title: its one H1 if no heading comes before it (two or more H1s are
    section headings), else a name field of a metadata list opening it, else ``""``."""
    headings = [b for b in blocks if b.kind == "heading"]
    h1s = [b for b in headings if b.level == 1]
    if len(h1s) == 1 and headings[0] is h1s[0]:
        return h1s[0].text
    return _field_title(_opening_lines(tokens))


def _opening_lines(tokens: Sequence[Token]) -> list[str]:
    """The lines of the document's first list (one per item) or first paragraph (one per
    source line), when that is where the document starts."""
    lines: list[str] = []
    in_list = False
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open") and not lines:
            in_list = True
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            return lines
        elif token.type == "inline":
            rendered = _render(token.children or []).split(_BREAK)
            if not in_list:
                return [one_line(line) for line in rendered]
            lines.append(one_line(" ".join(rendered)))
        elif token.type in ("heading_open", "fence", "code_block", "table_open", "hr") or (
            token.type == "html_block" and not in_list
        ):
            return lines
    return lines


def _field_title(lines: Sequence[str]) -> str:
    """The value of a title (or else name) field when every line is a ``Key: value`` field."""
    fields = [(m[1].casefold(), m[2].strip()) for m in map(_FIELD_RE.match, lines)
              if m and len(m[1].split()) <= _MAX_KEY_WORDS]
    if not fields or len(fields) < len(lines):
        return ""
    for word in ("title", "name"):
        for key, value in fields:
            if word in key and value.casefold() not in _NO_VALUE:
                return value
    return ""


def _html_text(markup: str) -> str:
    """The text of an HTML block: its tags, comments, scripts and styles gone, entities decoded."""
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


# Inline elements: the text either side of their tags runs on ("un<b>break</b>able").
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i img ins kbd mark q s samp small span strong "
    "sub sup time u var".split()
)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0  # inside script or style

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("script", "style")
        if tag not in _INLINE_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1
        if tag not in _INLINE_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)
