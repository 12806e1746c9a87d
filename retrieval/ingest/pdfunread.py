"""What of a PDF is not read, to say so: a page in a font with no map to Unicode (its letters
glyph numbers, not text), a page that is only an image (scanned), framed or not by the running
header and page number of the pages of text around it, and the values filled into a form's
fields (drawn by the fields, not in the page's text)."""

from __future__ import annotations

import contextlib
from typing import Any

import pypdf

from .blocks import Block, Dropped, one_line
from .pdflines import Line

_SCAN = "an image, no text layer (scanned?): run OCR on the PDF to read it (ocrmypdf)"
GARBLED = "in a font with no map to Unicode: its letters are glyph numbers, not text"
# a page's text that is no language: control characters where a font's glyph numbers stood
# for spaces, or runs of letters too long for words ("7KHVHFRQGSDJHVD\VWKHHDJOH")
_MIN_GARBLED_LETTERS = 20
_LONG_RUN = 25


def is_garbled(text: str) -> bool:
    """Whether a page's extracted text is glyph numbers rather than words: a twentieth of its
    characters control characters, or half its letters in runs of ``_LONG_RUN`` characters
    or more with no space."""
    letters = sum(c.isalpha() for c in text)
    if letters < _MIN_GARBLED_LETTERS:
        return False
    controls = sum(1 for c in text if c < " " and c not in "\n\r\t\f")
    # letters only: a contents page's dot leaders ("........ 3") are long runs of no letters
    long_runs = sum(sum(c.isalpha() for c in w) for w in text.split() if len(w) >= _LONG_RUN)
    return controls >= 0.05 * len(text) or long_runs >= 0.5 * letters


FIELD = "a form field's value: not read"


def framed_scans(reader: pypdf.PdfReader, pages: list[list[Line]], blank: list[int],
                 garbled: list[int]) -> list[int]:
    """The pages whose only text was running headers, footers and page numbers (dropped as
    furniture) and which draw an image: scanned pages framed by the text pages' furniture."""
    out = []
    for n, lines in enumerate(pages, 1):
        if n in blank or n in garbled or any(line.text for line in lines):
            continue
        with contextlib.suppress(Exception):  # a damaged resource dictionary: nothing to say
            if _has_image(reader.pages[n - 1]):
                out.append(n)
    return out


def not_read(reader: pypdf.PdfReader, blank: list[int]) -> list[Dropped]:
    """What a viewer shows and the text layer does not hold, to report as dropped: a page that
    is an image (a scanned page in a PDF of text), and the values filled into a form's fields
    (drawn by the fields, not the page). Neither is read; a reader of ``qabot show`` learns so."""
    out: list[Dropped] = []
    for n in blank:
        with contextlib.suppress(Exception):  # a damaged resource dictionary: nothing to say
            if _has_image(reader.pages[n - 1]):
                out.append(Dropped(Block("paragraph", "(an image of the page)", page=n), _SCAN))
    seen: set[str] = set()  # a field shown by several widgets is reported once
    for n, page in enumerate(reader.pages, 1):
        try:
            annots = [_resolved(a) for a in _resolved(page.get("/Annots")) or []]
        except Exception:  # a damaged annotation array costs the report of its fields
            continue
        for annot in annots:
            text = _field_value(annot)
            if text and text not in seen:
                seen.add(text)
                out.append(Dropped(Block("paragraph", text, page=n), FIELD))
    return out


def _field_value(annot: Any) -> str:
    """A form field's name and the text filled into it ("applicant: Margit Olsen"), when the
    annotation is one of its widgets and it holds text or a choice; else ``""``."""
    if not isinstance(annot, dict) or annot.get("/Subtype") != "/Widget":
        return ""
    # a field shown by one widget is that widget; one shown by several is their parent
    field = _resolved(annot["/Parent"] if "/V" not in annot and "/Parent" in annot else annot)
    if not isinstance(field, dict) or field.get("/FT") not in ("/Tx", "/Ch"):
        return ""
    value = field.get("/V")
    if not isinstance(value, str) or not value.strip():
        return ""
    return one_line(f"{field.get('/TU') or field.get('/T') or 'field'}: {value}")


def _has_image(page: pypdf.PageObject) -> bool:
    """Whether the page draws an image (directly or in a form of its own)."""

    def images(holder: Any, depth: int) -> bool:
        resources = _resolved(_resolved(holder).get("/Resources")) or {}
        for ref in (_resolved(resources.get("/XObject")) or {}).values():
            obj = _resolved(ref)
            if obj.get("/Subtype") == "/Image" or (depth and images(obj, depth - 1)):
                return True
        return False

    return images(page, 1)


def _resolved(obj: Any) -> Any:
    """A PDF object, an indirect reference followed."""
    return obj.get_object() if isinstance(obj, pypdf.generic.IndirectObject) else obj


__all__ = ["FIELD", "GARBLED", "framed_scans", "is_garbled", "not_read"]
