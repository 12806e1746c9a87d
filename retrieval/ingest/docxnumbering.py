"""Word's automatic numbering: the label a numbered paragraph shows ("Article 3.", "1.1").

Word writes no number into a numbered paragraph's text: the paragraph names a list and a level
(``w:numPr``, its own or its style's), and Word counts. The numbering part defines each list
(``w:num``, on an abstract definition ``w:abstractNum``, perhaps linked through a numbering
style) and, per level, a start value, a number format and a pattern (``w:lvlText``: "%1.",
"Article %1.", "%1.%2"). Paragraphs are counted in reading order: lists on one abstract
definition count on together (as Word continues them) unless a list restarts a level
(``w:startOverride``); a level counting on restarts the levels under it.

Formats: decimal (and zero-padded), letters, roman numerals, ordinals; any other counts in
decimal; a bullet or ``none`` shows no number. A level marked legal (``w:isLgl``) shows every
level's number in decimal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

_PLACEHOLDER_RE = re.compile(r"%([1-9])")
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


@dataclass(frozen=True, slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False


@dataclass(slots=True)
class _List:
    """A list (``w:num``): its abstract definition, and the levels it restarts or redefines."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)
    used: bool = False


class Numbering:
    """The numbering of one document: ask it for each numbered paragraph's label, in order."""

    def __init__(self, document: Any) -> None:
        self._lists: dict[str, _List] = {}
        self._abstracts: dict[str, dict[int, _Level]] = {}
        self._counts: dict[str, dict[int, int]] = {}
        root = _numbering_root(document)
        if root is None:
            return
        links: dict[str, str] = {}  # an abstract definition linked to a numbering style
        for abstract in root.iterchildren(qn("w:abstractNum")):
            ident = abstract.get(qn("w:abstractNumId"), "")
            self._abstracts[ident] = {int(lvl.get(qn("w:ilvl"), "0")): _level(lvl)
                                      for lvl in abstract.iterchildren(qn("w:lvl"))}
            link = abstract.find(qn("w:numStyleLink"))
            if link is not None and not self._abstracts[ident]:
                links[ident] = link.get(qn("w:val"), "")
        for num in root.iterchildren(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            listed = _List(ref.get(qn("w:val"), "") if ref is not None else "")
            for override in num.iterchildren(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    listed.starts[ilvl] = _int(start.get(qn("w:val")), 0)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    listed.levels[ilvl] = _level(lvl)
            self._lists[num.get(qn("w:numId"), "")] = listed
        for listed in self._lists.values():  # through the numbering style to its definition
            if style_id := links.get(listed.abstract):
                linked = self._lists.get(_style_num_id(document, style_id) or "")
                if linked is not None and linked.abstract not in links:
                    listed.abstract = linked.abstract

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Count a paragraph of list ``num_id`` at level ``ilvl``: the label it shows ("" for
        a bullet or an unknown list), and its level's pattern ("Article %1.")."""
        listed = self._lists.get(num_id)
        if listed is None or not 0 <= ilvl < 9:
            return "", ""
        counts = self._counts.setdefault(listed.abstract, {})
        if not listed.used:  # a list restarting levels starts them over
            listed.used = True
            for restarted, start in listed.starts.items():
                counts[restarted] = start - 1
        level = self._level(listed, ilvl)
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        for deeper in [d for d in counts if d > ilvl]:
            del counts[deeper]
        if level.fmt == "bullet":
            return "", level.text

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            shown = self._level(listed, at)
            value = counts.get(at, shown.start)
            return _formatted(value, "decimal" if level.legal else shown.fmt)

        return _PLACEHOLDER_RE.sub(number, level.text).strip(), level.text

    def _level(self, listed: _List, ilvl: int) -> _Level:
        return listed.levels.get(ilvl) or self._abstracts.get(listed.abstract, {}).get(
            ilvl, _Level())


def worded(pattern: str) -> bool:
    """Whether a level's pattern holds a word besides its numbers ("Article %1.", "Step %1:"),
    not only an enumerator ("%1.", "(%1)", "%1.%2")."""
    return bool(re.search(r"[^\W\d_]", _PLACEHOLDER_RE.sub("", pattern)))


def _numbering_root(document: Any) -> Any:
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype.endswith("/numbering"):
            return rel.target_part.element
    return None


def _style_num_id(document: Any, style_id: str) -> str | None:
    style = document.styles.element.get_by_id(style_id)
    found = style.xpath("./w:pPr/w:numPr/w:numId/@w:val") if style is not None else []
    return str(found[0]) if found else None


def _level(lvl: Any) -> _Level:
    def value(tag: str) -> str | None:
        child = lvl.find(qn(tag))
        return child.get(qn("w:val")) if child is not None else None

    return _Level(_int(value("w:start"), 1), value("w:numFmt") or "decimal",
                  value("w:lvlText") or "", lvl.find(qn("w:isLgl")) is not None)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _formatted(value: int, fmt: str) -> str:
    """A counter's value as its format shows it."""
    if fmt == "none" or fmt == "bullet":
        return ""
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = ""
        for size, digits in _ROMAN:
            count, value = divmod(value, size)
            roman += digits * count
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "ordinal":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
            value % 10, "th")
        return f"{value}{suffix}"
    return str(value)


__all__ = ["Numbering", "worded"]
