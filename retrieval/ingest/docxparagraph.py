"""What a Word paragraph's style and formatting make of it: its chain of styles (``StyleMap``,
looked up once a document), its heading level (a "Heading N" style, an outline level), its list
level and numbering (``w:numPr``, its own or its style's), and whether every run of its text is
bold or monospaced; read once a body item (``Item``)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.styles.style import StyleFactory

from .blocks import MONOSPACED, one_line
from .docxtext import OFF, visible_text

_MAX_BASED_ON = 10  # based-on styles followed at most: they can loop in a bad file


class StyleMap:
    """A document's paragraph styles by id, read once, and each one's chain of based-on styles.

    python-docx finds a paragraph's style by scanning every style of the document (and, for a
    paragraph with none, every style again for the default one), per paragraph: a file of
    35,000 one-line paragraphs, or one with thousands of styles, took minutes to read. Here a
    lookup is one dict access. The rules are python-docx's: the first style of an id; an id
    naming no paragraph style, or none, stands for the last paragraph style marked default.
    """

    def __init__(self, document: Any) -> None:
        self._by_id: dict[str, Any] = {}
        self._default: Any = None
        for element in document.styles.element.iterchildren(qn("w:style")):
            style_id = element.get(qn("w:styleId"))
            if style_id is not None:
                self._by_id.setdefault(style_id, element)
            if element.type == WD_STYLE_TYPE.PARAGRAPH and element.default:
                self._default = element
        self._chains: dict[str | None, list[Any]] = {}

    def of(self, paragraph: Any) -> list[Any]:
        """The style of the paragraph element ``paragraph`` and the styles it is based on,
        nearest first."""
        style_id = paragraph.style
        chain = self._chains.get(style_id)
        if chain is None:
            chain = self._chains[style_id] = self._chain(style_id)
        return chain

    def _chain(self, style_id: str | None) -> list[Any]:
        element = self._by_id.get(style_id) if style_id is not None else None
        if element is None or element.type != WD_STYLE_TYPE.PARAGRAPH:
            element = self._default
        chain: list[Any] = []
        while element is not None and len(chain) < _MAX_BASED_ON:
            chain.append(StyleFactory(element))
            based_on = element.basedOn
            element = self._by_id.get(based_on.val) if based_on is not None else None
        return chain


# paragraph styles for code: "Code", "HTML Preformatted", "Macro Text", "Plain Text", ...
CODE_STYLE = re.compile(r"code|preformatted|macro text|plain text|verbatim|listing")
_FONT_ATTRIBUTES = (qn("w:ascii"), qn("w:hAnsi"))


@dataclass(frozen=True, slots=True)
class Item:
    """A body item (paragraph or table) with what is read of it once: a paragraph's text, its
    styles (nearest first), its text's size and whether every run of it is monospaced."""

    element: Any
    raw: str = ""
    styles: list[Any] = field(default_factory=list)
    size: int = 0
    mono: bool = False
    numbered: tuple[str, int] | None = None  # the list and level Word numbers it in
    bold: bool = False  # every run of its text bold, by its own formatting or its style's

    @classmethod
    def of(cls, element: Any, styles_of: StyleMap) -> Item:
        if element.tag == qn("w:tbl"):
            return cls(element)
        raw = visible_text(element)
        if not one_line(raw):  # no text; yet a numbered paragraph shows a number and counts
            styles = [] if element.pPr is None else styles_of.of(element)
            return cls(element, raw, numbered=_numbered(element, styles))
        styles = styles_of.of(element)
        return cls(element, raw, styles, len(raw.strip()), _monospaced(element, styles),
                   _numbered(element, styles), _bold(element, styles))


def _bold(element: Any, styles: list[Any]) -> bool:
    """Whether every run of a paragraph's text is bold (its own formatting, else its paragraph
    style's)."""
    inherited = next((b.get(qn("w:val")) not in OFF for style in styles
                      if (b := style.element.find(f"{qn('w:rPr')}/{qn('w:b')}")) is not None),
                     False)
    runs = [r for r in element.iter(qn("w:r"))
            if any((t.text or "").strip() for t in r.iter(qn("w:t")))]
    own = [r.find(f"{qn('w:rPr')}/{qn('w:b')}") for r in runs]
    return bool(runs) and all(inherited if b is None else b.get(qn("w:val")) not in OFF
                              for b in own)


def _monospaced(element: Any, styles: list[Any]) -> bool:
    """Whether every run of a paragraph's text is set in a monospaced font (its own, else its
    paragraph style's)."""
    inherited = next((f for f in (_font(style.element) for style in styles) if f), "")
    fonts = [_font(run) or inherited for run in element.iter(qn("w:r"))
             if any((t.text or "").strip() for t in run.iter(qn("w:t")))]
    return bool(fonts) and all(MONOSPACED.search(f) for f in fonts)


def _font(owner: Any) -> str:
    """The font a run or style names for its text (``w:rPr/w:rFonts``), or ``""``."""
    props = owner.find(qn("w:rPr"))
    fonts = props.find(qn("w:rFonts")) if props is not None else None
    if fonts is None:
        return ""
    return next((fonts.get(a) for a in _FONT_ATTRIBUTES if fonts.get(a)), "")


def heading_level(element: Any, styles: list[Any], names: list[str]) -> int:
    """1-6 for a heading (its style's number, else an outline level), 0 for body text."""
    for name in names:
        found = re.fullmatch(r"heading\s*(\d)", name)
        if found:
            return min(6, max(1, int(found.group(1))))
    for owner in [element, *(style.element for style in styles)]:
        values = _vals(owner, "w:pPr/w:outlineLvl")
        if values:
            value = int(values[0])
            return min(6, value + 1) if 0 <= value < 9 else 0  # 9 is "body text"
    return 0


def list_level(element: Any, styles: list[Any], names: list[str]) -> int:
    """1 and up for a list item (its numbering level + 1, or its style's), 0 for none. A
    level without a list (``w:ilvl`` and no ``w:numId``, here or in a style: Word's own
    Subtitle style has one) numbers nothing: Word shows no label, and the subtitle was read as
    a list item."""
    own = element.find(_clark("w:pPr/w:numPr"))
    if own is not None and any(_vals(o, "w:pPr/w:numPr/w:numId")
                               for o in [element, *(style.element for style in styles)]):
        return _numbering_level(own)
    if any(n.startswith("list") and not n.startswith("list continue") for n in names):
        found = re.search(r"\s(\d)$", names[0])  # "List Bullet 2"
        return int(found.group(1)) if found else 1
    for style in styles:
        numbering = style.element.find(_clark("w:pPr/w:numPr"))
        if numbering is not None and _vals(numbering, "w:numId"):
            return _numbering_level(numbering)
    return 0


def _numbered(element: Any, styles: list[Any]) -> tuple[str, int] | None:
    """The list (``w:numId``) and level (``w:ilvl``) a paragraph is numbered in, each its own
    or else its style's; ``None`` if it is not numbered (or numbering is switched off)."""
    owners = [element, *(style.element for style in styles)]
    num_ids = [v for o in owners for v in _vals(o, "w:pPr/w:numPr/w:numId")]
    levels = [v for o in owners for v in _vals(o, "w:pPr/w:numPr/w:ilvl")]
    if not num_ids or num_ids[0] == "0":
        return None
    try:
        return str(num_ids[0]), int(levels[0]) if levels else 0
    except ValueError:
        return None


_VAL = qn("w:val")


@functools.cache
def _clark(path: str) -> str:
    """``"w:pPr/w:numPr"`` in the names lxml's ``find`` takes (``{namespace}pPr/...``)."""
    return "/".join(qn(step) for step in path.split("/"))


def _vals(owner: Any, path: str) -> list[str]:
    """The ``w:val`` of each element at ``path`` under ``owner``: what ``owner.xpath(
    "./<path>/@w:val")`` gives, without compiling an XPath expression each call (a few calls
    a paragraph were most of a long document's reading time)."""
    return [v for e in owner.iterfind(_clark(path)) if (v := e.get(_VAL)) is not None]


def _numbering_level(numbering: Any) -> int:
    if _vals(numbering, "w:numId") == ["0"]:
        return 0  # numbering switched off for this paragraph
    level = _vals(numbering, "w:ilvl")
    return int(level[0]) + 1 if level else 1
