"""Question types, and whether a sentence holds the kind of fact a question asks for.

A question's type comes from its wording ("when", "how many", "who", "which countries", "what
does X stand for"). A sentence shows *evidence* for the type when it holds such a fact that the
question itself does not already contain: a year or date for "when", a quantity for "how many",
a name for "who"/"which", a place after a preposition for "where", the spelled-out form of an
acronym for "stand for".
"""

from __future__ import annotations

import re

_TYPES = (
    ("define", re.compile(r"\b(stand for|stands for|acronym|abbreviat\w*|full name)\b", re.I)),
    ("when", re.compile(
        r"^\s*(when|what (year|date|day|month|time|decade|century)|(in|during|since) (what|which)"
        r" (years?|decades?|century|centuries|months?|period)|how long ago)\b", re.I)),
    ("number", re.compile(
        r"\b(how (many|much|long|far|old|large|big|tall|high|often)|what (number|percentage|"
        r"percent|share|proportion|amount|size|population))\b", re.I)),
    ("names", re.compile(
        r"\b(which|what) (countries|nations|states|members|cities|people|leaders|groups|"
        r"organi[sz]ations|companies|parties)\b", re.I)),
    ("where", re.compile(r"^\s*(where|from where|in (what|which) (place|area|region|location))\b",
                         re.I)),
    ("who", re.compile(
        r"^\s*(who|whom|whose)\b|\b(which|what) (country|nation|state|city|person|man|woman|"
        r"leader|group|organi[sz]ation|company|party|team|president|minister|official)\b", re.I)),
)

_DATE = re.compile(
    r"\b(1[0-9]\d\d|20\d\d|\d{2,4}s|\d{1,2}(st|nd|rd|th)|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|today|\d{1,2}(st|nd|rd|th)? century)\b", re.I)
_QUANTITY = re.compile(
    r"\b(\d+(?:[.,]\d+)*(?!\d)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|"
    r"a third|a quarter)\b", re.I)
_YEAR = re.compile(r"^(1[0-9]\d\d|20\d\d)$")
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]*[a-z][\w'’-]*")
_PLACE = re.compile(r"\b(?:in|at|from|near|to|into|across)\s+((?:the\s+)?[A-Z][\w-]+)")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


def question_type(question: str) -> str | None:
    """One of ``define``, ``when``, ``number``, ``names``, ``where``, ``who``, or ``None``."""
    for name, rx in _TYPES:
        if rx.search(question):
            return name
    return None


def has_evidence(kind: str | None, sentence: str, question: str) -> bool:
    """Whether ``sentence`` holds a fact of the kind the question asks for, new to the question."""
    if kind is None:
        return False
    q = question.lower()
    if kind == "when":
        return any(m.group(0).lower() not in q for m in _DATE.finditer(sentence))
    if kind == "number":
        return any(
            m.group(0).lower() not in q and not _YEAR.match(m.group(0))
            for m in _QUANTITY.finditer(sentence)
        )
    if kind in ("who", "names"):
        new = {m.group(0).lower() for m in _CAPITALISED.finditer(sentence)} - set(q.split())
        new = {w for w in new if w not in q}
        return len(new) >= (2 if kind == "names" else 1)
    if kind == "where":
        return any(m.group(1).lower() not in q for m in _PLACE.finditer(sentence))
    if kind == "define":
        for acr in _ACRONYM.findall(question):
            if re.search(rf"(?:[A-Z][\w-]*\s+){{1,8}}\(\s*{re.escape(acr)}\s*\)", sentence):
                return True
        return False
    return False
