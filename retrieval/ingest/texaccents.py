"""TeX's accents and special letters as the characters they print: ``G\\"odel`` is "Gödel",
``\\'{E}cole`` "École", ``\\v{s}`` "š", ``na\\"{\\i}ve`` "naïve", ``\\ss`` "ß", ``{\\o}`` "ø".

What BibTeX files and LaTeX sources write names in; a reader sees the letters, and a question
is typed with them (or without the accent: the analyzer folds it either way).
"""

from __future__ import annotations

import re
import unicodedata

# an accent command -> the combining mark it sets over (or under) its letter
_MARKS = {"`": "\u0300", "'": "\u0301", "^": "\u0302", "~": "\u0303", "=": "\u0304",
          ".": "\u0307", '"': "\u0308", "u": "\u0306", "v": "\u030c", "H": "\u030b",
          "r": "\u030a", "c": "\u0327", "k": "\u0328", "d": "\u0323", "b": "\u0331"}
# letters TeX names by a command
_LETTERS = {"ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
            "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð",
            "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ"}
_LETTER = r"(?:\\[ij](?![A-Za-z])\s*|[A-Za-z])"
# \"o, \"{o}, \'\i, \v{s}, \c c: a symbol accent takes its letter at once, a letter one
# (\v, \c ...) after a space or in braces; braces around the whole ("{\"o}") are left to the
# caller, which drops a group's braces
_ACCENT_RE = re.compile(
    r"(?<!\\)\\(?:(?P<sym>[`'^~=.\"])\s*|(?P<word>[uvHrckdb])(?:\s+|(?=\{)))"
    r"(?:\{(?P<braced>" + _LETTER + r")\}|(?P<bare>" + _LETTER + r"))")
_LETTER_RE = re.compile(r"(?<!\\)\\(" + "|".join(sorted(_LETTERS, key=len, reverse=True))
                        + r")(?![A-Za-z])(?:\{\}|[ \t]+(?=[A-Za-z]))?")


def accented(text: str) -> str:
    """``text`` with TeX's accents and special letters as Unicode characters (composed)."""
    if "\\" not in text:
        return text

    def accent(m: re.Match[str]) -> str:
        letter = (m["braced"] or m["bare"]).strip().lstrip("\\")  # "\\'\\i": "í"
        return unicodedata.normalize("NFC", letter + _MARKS[m["sym"] or m["word"]])

    text = _ACCENT_RE.sub(accent, text)
    return _LETTER_RE.sub(lambda m: _LETTERS[m[1]], text)


__all__ = ["accented"]
