"""The text a reader sees of Markdown's inline markup: link text without its URL, an image's alt
text (none for a heading's badges, nor for a picture on a line of its own over its caption),
code spans without backticks, no emphasis marks, a MyST role as the text it shows, inline HTML
tags gone (a block's tag keeping the words either side apart, ``<li>`` items reading "PNG,
GIF"); and an HTML block's text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.parser import HTMLParser

from markdown_it.token import Token

from .blocks import then_item
from .sphinx import shown

_BR_RE = re.compile(r"<br\b", re.I)
_TAG_RE = re.compile(r"</?([A-Za-z][\w-]*)")  # an HTML tag's name
BREAK = "\n"  # a line break inside a block's inline text (kept only to read metadata lines)
# a MyST role's name ending the text before its code span ("see {ref}" then `install`)
_ROLE_END_RE = re.compile(r"(?<![\w$])\{[A-Za-z][\w:.-]*\}$")


def images_only(children: Sequence[Token]) -> bool:
    """The inline tokens are images, with the links around them and white space between."""
    return any(t.type == "image" for t in children) and all(
        t.type in ("image", "link_open", "link_close", "softbreak", "hardbreak")
        or (t.type == "text" and not t.content.strip()) for t in children)


def without_figures(children: Sequence[Token]) -> list[Token]:
    """The inline tokens without the images that stand on a line of their own among other
    lines (a read-later app's "![Mara Lindqvist at home](l.jpg)" over its caption line, "*Mara
    Lindqvist at home. Photo: ...*"): a reader sees a picture there, not its alt text, which
    read twice with the caption under it. An image inside a line of text stays its alt text."""
    lines: list[list[Token]] = [[]]
    for t in children:
        if t.type in ("softbreak", "hardbreak"):
            lines.append([])
        else:
            lines[-1].append(t)
    if len(lines) < 2:
        return list(children)
    kept = [line for line in lines if not images_only(line)]
    out: list[Token] = []
    for line in kept:
        if out:
            out.append(Token("softbreak", "br", 0))
        out.extend(line)
    return out


def render(children: Sequence[Token], alt: bool = True) -> str:
    """The text a reader sees of inline tokens; a line break is ``BREAK``. A MyST role
    (``{ref}`Title <install>```: a name in braces, then a code span) shows its text. An
    image is its alt text, or nothing without ``alt`` (a heading's badges: "Thread-pool
    Controls [![Build Status](...)](...)" is titled "Thread-pool Controls")."""
    out = []
    role = False
    for i, t in enumerate(children):
        if (t.type == "text" and i + 1 < len(children) and children[i + 1].type == "code_inline"
                and (m := _ROLE_END_RE.search(t.content))):
            out.append(t.content[: m.start()])
            role = True
        elif t.type == "code_inline" and role:
            out.append(shown(t.content))
            role = False
        elif t.type in ("text", "code_inline", "text_special"):
            out.append(t.content)
        elif t.type == "image" and alt:
            out.append(render(t.children or []))  # the alt text, its own markup rendered
        elif t.type in ("softbreak", "hardbreak"):
            out.append(BREAK)
        elif t.type == "html_inline" and _BR_RE.match(t.content):
            out.append(" ")  # the words either side of a <br> stay apart
        elif t.type == "html_inline" and (tag := _TAG_RE.match(t.content)):
            if tag.group(0).lower() == "<li":  # a list in a table's cell: "PNG, GIF"
                out[:] = [then_item("".join(out), "")]
            elif tag.group(1).lower() not in _INLINE_TAGS:
                out.append(" ")  # a block's tag ("</p>", "<ul>") keeps its words apart
    return "".join(out)


def html_text(markup: str) -> str:
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


__all__ = ["BREAK", "html_text", "images_only", "render", "without_figures"]
