"""Question types: what kind of fact a question asks for, read from its wording.

"when", "how many", "who", "which countries", "where", "what does X stand for", "what is X?"
(``definitions.py``); a question asking how to do something asks for none of them but "stand
for". In another language only those whose evidence reads the same in any language are read
(``interrogatives.PLAIN_TYPES``). Also what a "how many" question counts, the kind of names a
"which countries" question lists, and whether a question asks for a default. Whether a sentence
holds the fact asked for is ``cues.py``'s.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .definitions import WHAT_IS, head
from .interrogatives import PLAIN_TYPES
from .scripts import without_in_word_marks

_TYPES = (
    ("define", re.compile(r"\b(stand for|stands for|acronym|abbreviat\w*|full name)\b", re.I)),
    ("when", re.compile(
        # (not a "when" that opens a clause before the question's own interrogative: "When
        # many people are arrested, what is a common tactic?" asks "what")
        r"^\s*(when(?![^,?]*,\s*(?:what|which|who|whom|whose|how|where|why)\b)"
        r"|what (year|date|day|month|time|decade|century)(?!\s+(?:units?|zones?|limits?"
        r"|outs?|stamps?|steps?|slices?|complexity|series|formats?|values?|fields?)\b)"
        r"|(in|during|since) (what|which)"
        r" (years?|decades?|century|centuries|months?|period)|how long ago"
        # "On what date will she be sworn in?", "At what time ...", "By which day ..."
        r"|^\s*(on|at|by|until|till|from|before|after) (what|which) (dates?|days?|years?|months?"
        r"|time|hour|night|morning|evening|weekend))\b", re.I)),
    ("number", re.compile(
        r"\b(how (many|much|long|far|old|large|big|tall|high|often)|what (number|percentage|"
        r"percent|share|proportion|amount|size|population)|(which|what) (?:(?!(?:is|are|was|were|"
        r"did|does|do|has|have|had|can|will|would|should)\b)[\w.+-]+\s+){0,3}?(?:version|release)s?"
        r"(?!\s+(?:v?\d|series|notes?|cycles?|schedules?|process|branch(?:es)?|candidates?|lines?|"
        r"steward|team|manager|control|string|numbering)\b)"
        r"|(which|what) (?:(?!(?:is|are|was|were|did|does|do|has|have|had)\b)[\w.+-]+\s+){0,2}?"
        r"(?:uids?|gids?|pids?|exit (?:code|status)|error codes?|status codes?|port numbers?"
        r"|ports?(?=\s+(?:does|do|is|should|will|did|must|can)\b))"
        r"|(what|which) is "
        r"the (maximum|minimum|largest|smallest|highest|lowest) (number|value|length|size|"
        r"amount|count))\b", re.I)),
    ("names", re.compile(
        r"\b(which|what) (countries|nations|states|members|cities|people|leaders|groups|"
        r"organi[sz]ations|companies|parties|platforms|operating systems|browsers|"
        r"distributions|distros|databases|editors|compilers|languages)\b", re.I)),
    ("where", re.compile(r"^\s*(where|from where|in (what|which) (place|area|region|location))\b",
                         re.I)),
    ("what_is", WHAT_IS),
    ("who", re.compile(
        r"^\s*(who|whom|whose)\b|\b(which|what) (country|nation|state|city|person|man|woman|"
        r"leader|group|organi[sz]ation|company|party|team|president|minister|official"
        # a people or a faith is named as a person is: "American", "Anglican"
        r"|nationality|ethnicity|citizenship|religion|faith|denomination)\b", re.I)),
)


def plain_question_type(question: str, lang: str) -> str | None:
    """``when``, ``number`` or ``who`` (or ``None``), in language ``lang``: what a question
    read without English's other lists asks for (English's own wording, or a table of other
    languages')."""
    if lang == "en":
        kind = question_type(question)
        return kind if kind in ("when", "number") else None
    question = without_in_word_marks(question)
    for name, rx in PLAIN_TYPES.get(lang, ()):
        if rx.search(question):
            return name
    return None


_NAMES = dict(_TYPES)["names"]


def names_kind(question: str) -> str | None:
    """The kind of names a "which countries / companies ...?" question asks for (its noun,
    lower case): a word its answer lists instances of ("Belarus, Kazakhstan and ..."), not a
    word the answer need hold."""
    m = _NAMES.search(question)
    return m.group(2).lower() if m else None


# "How do I / can we / should you ..." asks for a way of doing something: a "which version" or
# "which port" inside it is what the way finds ("How do I tell Clippy which Rust version my crate
# must support?"), not what the answer is
_HOW_TO = re.compile(r"^\s*how\s+(?:do|does|did|can|could|should|would|will|may|might|shall|to)\b",
                     re.I)


def question_type(question: str) -> str | None:
    """One of ``define``, ``when``, ``number``, ``names``, ``where``, ``what_is``, ``who``, or
    ``None`` (a question asking how to do something asks for none of them but ``define``)."""
    how_to = _HOW_TO.match(question) is not None
    for name, rx in _TYPES:
        if how_to and name != "define":
            continue
        m = rx.search(question)
        if m and (name != "what_is" or head(question) is not None):
            return name
    return None


_ASKS_DEFAULT = re.compile(r"\bdefault", re.I)


# a yes/no question ("Is zlib.crc32 ok for verifying messages securely?")
_YES_NO = re.compile(r"^\s*(?:is|are|was|were|can|could|does|do|did|should|will|would|has|have"
                     r"|may|must)\b", re.I)


def asks_yes_no(question: str) -> bool:
    """Whether ``question`` asks yes or no: it opens on an auxiliary ("Does pyparsing 3 still
    support Python 2?")."""
    return _YES_NO.match(question) is not None


def asks_default(question: str) -> bool:
    """Whether a question asks for a default ("what's the default historySize", "by default")."""
    return _ASKS_DEFAULT.search(question) is not None


_COUNTED = re.compile(r"\b(?:how\s+many|how\s+much|number\s+of)\s+(?P<what>(?:[\w'’-]+\s+){0,3}?)"
                      r"(?P<noun>[a-z][\w'’-]*)(?=\s+(?:are|is|was|were|did|does|do|have|has|had|"
                      r"can|could|will|would|in|on|of|at|for|there|live|died)\b|\s*\??\s*$)",
                      re.I)


@lru_cache(maxsize=1024)
def counted(question: str) -> str | None:
    """What a "how many / how much / number of" question counts: its noun, lower-cased ("how
    many xbox 360 games are there" -> "games"), or ``None``."""
    m = _COUNTED.search(question)
    return m.group("noun").lower() if m else None
