"""Whether the date or figure a quote gives is of what an English question asks, not only of
its kind.

A news story almost answers many questions it cannot: it gives a date or a figure, but of
another time or another thing. Three readings, each of the question's wording against the
evidence's (the quote and the sentences beside it, ``composer._evidence_text``):

* *a time to come* (``told_as_past``): "When will Marten Lake residents be allowed to return
  home?" asks for a date ahead; "About 4,300 residents ... were ordered to leave their homes
  late Monday" dates what happened. A "when will ...?" question is not answered by evidence whose
  every dated sentence tells of the past ("was", "had", "-ed") and of nothing ahead ("will",
  "expected", "next", "until", ...).
* *a count* (``states_count``): "How many nurses does St Bride's Hospital employ?" asks for a
  count of nurses; "waited longer than four hours" and "52% of A&E patients" measure something
  else. A "how many N?" question whose N is no unit ("nurses", "people", not "weeks" or "miles")
  needs a figure that is not a measure (of time, money, length, weight, ...), a share of
  something else (unless it asks for part of a whole) or a date.
* *a part of a whole* (``states_part``): "How many of the recalled air fryers have been
  returned so far?" asks for part of the fryers; "Some 48,000 air fryers ... are being
  recalled" counts them all. A "how many of the X ...?" question needs a figure of a part ("89%
  of drivers", "two of the six packages") or, in the figure's sentence, a word of what the
  question says of the part beyond naming X ("... refers to the ten southern-most counties").
"""

from __future__ import annotations

import re

from .analyzer import term_set
from .cues import has_evidence
from .language import ENGLISH
from .units import STATED

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")

# "When will ...?", "On what date will ...?", "What day in December will ...?", "When is X going
# to / due to / expected to ...?", "When do they plan to ...?"
_FUTURE_ASKED = re.compile(
    r"^\s*(?:(?:on|in|by|from|until)\s+)?(?:when|(?:what|which)\s+(?:date|day|year|month|week|"
    r"time)(?:\s+(?:in|of)\s+\w+)?)\s+(?:(?:will|shall)\b|(?:is|are)\b(?=.*\b(?:going|due|"
    r"expected|scheduled|set|planned|supposed|likely)\s+to\b)|(?:do|does)\b(?=.*\b(?:plan|"
    r"expect|intend|hope|aim)s?\s+to\b))", re.I)
# what tells of a time to come, or of one not yet reached
_AHEAD = re.compile(
    r"\b(?:will|shall|won['’]t|would|going to|due|expected|expects?|scheduled|set to|planned|"
    r"plans?|planning|intends?|intended|aims?|hopes?|until|till|next|upcoming|coming|later|soon|"
    r"tomorrow|forthcoming|proposed|could|(?-i:may)|might|should|is to|are to|to be|pending|yet)\b"
    r"|['’]ll\b", re.I)
# what tells of the past: a past auxiliary, "said", "ago", "yesterday", a past form in "-ed"
# (not "hundred", "need", "speed", ...)
_PAST = re.compile(r"\b(?:was|were|had|did|said|ago|yesterday|last)\b"
                   r"|\b(?!(?:hundred|indeed|need|speed|seed|feed|breed|bed|red|shed|proceed|"
                   r"exceed|succeed)\b)[a-z]{2,}ed\b", re.I)


def asks_future(question: str) -> bool:
    """Whether ``question`` asks when something will happen ("When will the line reopen?")."""
    return _FUTURE_ASKED.match(question) is not None


def told_as_past(evidence: str, question: str) -> bool:
    """Whether every sentence of ``evidence`` that dates something (a date the question does
    not hold, ``cues.has_evidence``) tells of the past, none of a time to come; ``False``
    when none dates anything."""
    dated = [s for s in _SENTENCE_END.split(evidence) if has_evidence("when", s, question)]
    return bool(dated) and all(_AHEAD.search(s) is None and _PAST.search(s) is not None
                               for s in dated)


# "How many nurses does ...", "How many active mineral chimneys did ...": the words before the
# verb or preposition that ends the counted noun's phrase
_HOW_MANY = re.compile(r"^\s*(?:roughly\s+|about\s+|approximately\s+)?how many\s+(?P<words>[\w'’-]+"
                       r"(?:\s+[\w'’-]+){0,3}?)(?=\s+(?:is|are|was|were|do|does|did|have|has|had|"
                       r"will|would|can|could|in|on|at|of|for|from|to|by|with|that|who|which|[a-z]+ed)\b"
                       r"|\s*\?|\s*$)", re.I)
# "How many of the X ...": X, its first word and up to three more before an auxiliary, a
# preposition or a participle ("the PulseTrack users | affected by the breach live in the UK",
# "the recalled air fryers | have been returned"); what the question says of the part follows
_NOT_WHOLE = (r"(?:is|are|was|were|do|does|did|have|has|had|will|would|can|could|should|may|"
              r"might|in|on|at|of|for|from|to|by|with|that|who|which|[a-z]+ed|[a-z]+ing)\b")
_HOW_MANY_OF = re.compile(r"\bhow many of\s+(?:the|these|those|its|their|his|her|our|your)?\s*"
                          rf"(?P<whole>[\w'’-]+(?:\s+(?!{_NOT_WHOLE})[\w'’-]+){{0,3}})"
                          r"(?P<rest>.*)", re.I)
# a part of a whole: "89% of", "two of the six", "half of", "most of", "one in five", "out of"
_PART = re.compile(
    r"(?:\d[\d,.]*\s?%?|\bper ?cent|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|"
    r"most|many|some|all|none|few|majority|minority|proportion|share|third|quarter|dozens|"
    r"hundreds|thousands|millions))\s+(?:of|in)\b|\bout of\b", re.I)
# the measures a figure can be of; a share counts a part of a whole, and an age is not read
# (its pattern takes a figure in brackets after a capitalised word: "Class A (59)" counts)
_MEASURES = tuple(k for k in STATED if k not in ("percent", "age"))
# a share of something named: "20% of Victorians", "20% of American gasoline stations"
_SHARE_OF = re.compile(r"(?:\d\s?%|\bper ?cent|\bhalf|\b(?:a|one|two) (?:third|quarter)s?)\s+of\s+"
                       r"(?P<of>(?:the\s+)?[\w'’&-]+(?:\s+[\w'’&-]+){0,2})", re.I)
_FIGURE = re.compile(r"[\d,.$£€¥₹₽]")
_TIME_OF_DAY = re.compile(r"\b\d{1,2}(?:[.:]\d\d)?\s?[ap]\.?m\b\.?", re.I)


def counted(question: str) -> str | None:
    """What a "how many N ...?" ``question`` counts: the words from N to the verb or preposition
    after it ("nurses", "active mineral chimneys", "gas stations ran out": no tagger tells the
    verb "ran"), or ``None``: not such a question, or a unit among them ("weeks", "miles",
    "percent"), asking for a measure."""
    m = _HOW_MANY.match(question)
    if m is None:
        return None
    words = m.group("words").lower().split()
    if words[-1] in ("more", "times") or any(p.search(f"2 {w}") for w in words
                                             for p in STATED.values()):
        return None
    return " ".join(words)


def states_count(evidence: str, question: str) -> bool:
    """Whether ``evidence`` holds a figure that counts (``cues.has_evidence``'s quantity) once
    its measures, dates and times of day are set aside; a share counts only for a question
    asking for part of a whole ("how many of ...")."""
    what = counted(question)
    if what is not None and any(term_set(what) & term_set(m.group("of"))
                                for m in _SHARE_OF.finditer(evidence)):
        return True  # "26.7% of the Victorian population" counts Victorians
    kinds = _MEASURES if _HOW_MANY_OF.search(question) else (*_MEASURES, "percent")
    text = evidence
    for pattern in (_TIME_OF_DAY, *(STATED[kind] for kind in kinds)):
        text = _blanked(text, pattern)
    return has_evidence("number", text, question)


def _blanked(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with what ``pattern`` finds made spaces, each with the whole figure it holds
    ("52%" where the pattern found "2%", "$29,500" where it found "$2")."""
    chars = list(text)
    for m in pattern.finditer(text):
        start, end = m.span()
        while start > 0 and _FIGURE.match(text, start - 1):
            start -= 1
        while end < len(text) and _FIGURE.match(text, end):
            end += 1
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def states_part(evidence: str, question: str) -> bool:
    """Whether ``evidence`` may count the part of a whole a "how many of the X ...?"
    ``question`` asks for: a figure of a part, or a sentence with a figure meeting a word of
    what the question says beyond X; ``True`` when it asks no such thing or says nothing
    beyond X."""
    m = _HOW_MANY_OF.search(question)
    if m is None:
        return True
    beyond = term_set(m.group("rest")) - term_set(m.group("whole")) - term_set(
        question[: m.start()])
    if not beyond or _PART.search(evidence):
        return True
    return any(has_evidence("number", s, question) and term_set(s) & beyond
               for s in _SENTENCE_END.split(evidence))


def fits_asked(cue: str | None, evidence: str, question: str) -> bool:
    """Whether ``evidence``, holding a fact of the kind an English ``question`` asks for (its
    ``cue``), may hold it for what is asked: a time to come, a count, a part of a whole."""
    if cue == "when":
        return not (asks_future(question) and told_as_past(evidence, question))
    if cue == "number":
        return (counted(question) is None or states_count(evidence, question)) and states_part(
            evidence, question)
    return True


def holds_asked(cue: str | None, evidence: str, question: str, lang: str, fit: bool) -> bool:
    """Whether ``evidence`` holds a fact of the kind ``question`` asks for, new to it
    (``cues.has_evidence``), and, in English when ``fit``, for what is asked (``fits_asked``)."""
    return has_evidence(cue, evidence, question, lang) and (
        not fit or lang != ENGLISH or fits_asked(cue, evidence, question))


__all__ = ["asks_future", "counted", "fits_asked", "holds_asked", "states_count", "states_part",
           "told_as_past"]
