"""A Markdown document's title, when no front matter declares one: a pandoc title block
(``% Title`` opening the text), else its one H1 when no heading comes before it, else the title
(or name) field of a metadata list opening it ("Feature Name: `foo`", "Title: Foo")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from .blocks import Block, one_line
from .mdinline import BREAK, render

# "Feature Name: `foo`", "Title: Foo", "Start Date: 2020-01-01": a short key, a colon, a value.
_FIELD_RE = re.compile(r"^([A-Za-z][A-Za-z0-9 _./-]{0,39}?)\s*:\s+(\S.*)$")
_MAX_KEY_WORDS = 4
_NO_VALUE = frozenset({"n/a", "na", "none", "-", "tbd", "todo"})  # a template's blank, no name


def pandoc_title(text: str) -> tuple[str, str]:
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


def document_title(blocks: Sequence[Block], tokens: Sequence[Token]) -> str:
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
            rendered = render(token.children or []).split(BREAK)
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


__all__ = ["document_title", "pandoc_title"]
