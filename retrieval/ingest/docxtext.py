"""A Word paragraph's text as Word shows it (``visible_text``): its runs, tracked insertions,
fields and inline content controls; not deleted text, field codes, the old place of a tracked
move, hidden runs (``hidden_text`` lists them apart) or the text boxes anchored in it
(``text_boxes`` reads them apart); and whether it holds a table of contents' field
(``toc_field``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from docx.oxml.ns import qn

from .blocks import one_line
from .notemarks import note_mark

FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# not read as the paragraph's own text: text boxes (read apart), deleted runs and the old place
# of moved ones, properties
_OPAQUE = {qn("w:txbxContent"), FALLBACK, qn("w:del"), qn("w:moveFrom"), qn("w:pPr"),
           qn("w:rPr")}
OFF = ("0", "false", "off")  # an on/off property turned off


def visible_text(element: Any) -> str:
    """A paragraph's visible text, tracked insertions, fields and inline controls included.

    python-docx's ``Paragraph.text`` reads only direct runs and hyperlinks. Deleted text
    (``w:delText``) and field codes (``w:instrText``) are not ``w:t`` and stay out, and so do
    the old place of a tracked move (``w:moveFrom``) and hidden runs (``_hidden``); a text box
    anchored in the paragraph is read as paragraphs of its own (``text_boxes``).
    """
    parts: list[str] = []
    for child in element.iterchildren():
        tag = child.tag
        if tag == qn("w:r") and (_hidden(child) or _note_mark(child, parts)):
            continue
        if tag == qn("w:t"):
            parts.append(child.text or "")
        elif tag in (qn("w:tab"), qn("w:br"), qn("w:cr")):
            parts.append(" ")
        elif tag == qn("w:noBreakHyphen"):
            parts.append("-")
        elif tag not in _OPAQUE:
            parts.append(visible_text(child))
    return "".join(parts)


def _note_mark(run: Any, before: list[str]) -> bool:
    """Whether a run is a footnote's mark typed as superscript figures after the word it
    annotates ("policy" and a raised "3", from a document converted or pasted; Word's own
    footnote reference holds no text), not an exponent ("m" and a raised "2"; ``notemarks``)."""
    align = run.find(f"{qn('w:rPr')}/{qn('w:vertAlign')}")
    if align is None or align.get(qn("w:val")) != "superscript":
        return False
    text = "".join(t.text or "" for t in run.iter(qn("w:t")))
    return note_mark(text, "".join(before))


def toc_field(paragraph: Any) -> bool:
    """Whether a paragraph holds a table-of-contents field's code (``TOC \\o "1-3"``): its
    text is the field's result, the contents' first entry or, never updated, Word's "Right-click
    to update the table of contents." or "No table of contents entries found."."""
    codes = [t.text or "" for t in paragraph.iter(qn("w:instrText"))]
    codes += [f.get(qn("w:instr")) or "" for f in paragraph.iter(qn("w:fldSimple"))]
    return any(re.match(r"\s*TOC\b", code) for code in codes)


def _hidden(run: Any) -> bool:
    """Whether a run is hidden text (``w:vanish`` set on it): Word neither shows nor prints it
    (a note to the author, an answer key, a code kept out of the printout)."""
    vanish = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
    return vanish is not None and vanish.get(qn("w:val")) not in OFF


def hidden_text(paragraph: Any) -> list[str]:
    """The hidden text of a paragraph (not of its text boxes), each stretch of it once."""
    stretches: list[list[str]] = [[]]
    for run in paragraph.iter(qn("w:r")):
        if any(a.tag in _OPAQUE for a in run.iterancestors() if a is not paragraph):
            continue
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        if _hidden(run):
            stretches[-1].append(text)
        elif text.strip() and stretches[-1]:
            stretches.append([])
    return [line for parts in stretches if (line := one_line("".join(parts)))]


def text_boxes(paragraph: Any) -> Iterator[str]:
    """The text of the paragraphs in text boxes anchored in ``paragraph``, each once."""
    for box in paragraph.iter(qn("w:txbxContent")):
        # Word stores each box twice: the drawing, and a VML fallback for old readers
        if not any(a.tag == FALLBACK for a in box.iterancestors()):
            for inner in box.iterchildren(qn("w:p")):
                if text := one_line(visible_text(inner)):
                    yield text
