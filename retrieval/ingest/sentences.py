"""Text -> sentences, the unit of answering.

``split_sentences`` cuts after ``.``, ``!``, ``?`` (and any closing quotes or brackets) when the
next word starts a sentence, and not after abbreviations ("Mr.", "U.S.", "e.g."), initials
("J. Smith"), ordinals ("am 3. Oktober"; ``abbreviations.py``), an item's or section's number
("3. Fees"), or inside numbers ("3.5", "100,000").
Other scripts' sentence ends (``scripts.py``) cut too: the Arabic "؟", the Urdu "۔", the
Devanagari danda "।" (in a text that has one, "." ends no sentence: it marks initials, "के. एस.
कृष्णन"), the Ethiopic "።" and "፧", the Greek question mark, Armenian's "։" (and the colon typed
for it, before an Armenian capital), and the full-width "。！？" with no space after them. A word
of a script without capitals (Arabic, Devanagari, Han, Georgian, ...) starts a sentence as a
capitalised one does.

``TERMINAL_RE`` and ``ends_sentence`` tell whether a text ends a sentence: what joining
hard-wrapped lines into paragraphs asks of each line (``segment.blocks``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .abbreviations import abbreviation_ends, ordinal_before_month

_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
_ARMENIAN_LETTERS = "\u0531-\u0556\u0561-\u0587"
# Sentence ends other than ".!?…" followed by a space: the Arabic question mark, the Urdu full
# stop, the Devanagari danda and double danda, the Armenian, Khmer and Myanmar full stops, the
# Ethiopic full stop and question mark, the Greek question mark (and the ASCII semicolon Greek
# keyboards type for it, after a Greek letter)
_SPACED_ENDS = f"؟۔।॥։។။።፧\u037e]|;(?<=[{_GREEK}];)"
# ... and the ASCII colon Armenian text is often typed with for its full stop "։", after an
# Armenian letter and before an Armenian capital ("... մայրաքաղաքն է: Այն ..."; before anything
# else a colon is one)
_ARMENIAN_COLON = f":(?<=[{_ARMENIAN_LETTERS}]:)(?=\\s+[\u0531-\u0556])"
_ARMENIAN_COLON_RE = re.compile(_ARMENIAN_COLON)
# ... and the full-width ones, which need no space after them
_FULL_WIDTH_ENDS = "。！？｡"
# closing quotes and brackets of the full-width sentence ends
_FULL_WIDTH_CLOSERS = "”’」』）〕】》〉\"')"
# a line that ends a sentence (closing quotes of several languages, brackets; a reference
# mark after it: "...theory.[12]", "...théorie.:212–219"; Armenian's colon for "։" at its end)
TERMINAL_RE = re.compile(
    f"(?:[.!?…{_SPACED_ENDS}|:(?<=[{_ARMENIAN_LETTERS}]:)|[{_FULL_WIDTH_ENDS}])"
    f"[\"'”“’»)\\]{_FULL_WIDTH_CLOSERS}]*"
    r"(?:\[[^\]]{1,40}\]|:\d+(?:[–-]\d+)?)*\s*$")
# What may follow a sentence end's mark to the end of a text (``TERMINAL_RE``): closers,
# references (any character but "]" inside their brackets, at most 40), digits, dashes, ":"
# and white space; and a character that may not, outside brackets
_TAIL_BRACKET_CHARS = 40
_NOT_TAIL_RE = re.compile(f"[^\\s\\d:–\\-\\[\\]\"'”“’»){_FULL_WIDTH_CLOSERS}]")
_TAIL_WINDOW = 128  # characters at the end of a text searched first (``ends_sentence``)
# The characters a text ``TERMINAL_RE`` matches in may end on, white space aside (and any
# decimal digit, a reference's ":212"): a mark ending a sentence, a closer, a reference's "]"
_LAST_CHARS = frozenset(f".!?…؟۔।॥։។။።፧\u037e;:{_FULL_WIDTH_ENDS}\"'”“’»)]"
                        f"{_FULL_WIDTH_CLOSERS}")

# A number or a Roman numeral before a full stop and a lower-case word is an ordinal ("Ludwig
# XIV. ließ", "am 3. und 4. Mai"), not a sentence's end.
_ORDINAL_DOT_RE = re.compile(r"(?<![\w.])(?:\d+|[IVXLC]+)$")

# A candidate boundary: terminal punctuation, optional closers, whitespace, then what follows.
# Closers: quotation marks of several languages (”, German “, ’, », ›; French « » with a space
# inside), brackets. After a full-width end (group "wide"), closers of its own and no space
# needed.
_CLOSERS = r"(?P<closers>(?:[\"'”“’»›)\]]|[ \u00a0\u202f][»›])*)\s+"
_BOUNDARY_RE = re.compile(rf"(?P<end>[.!?…]+){_CLOSERS}(?=\S)")
# ... and in a text that has one of the other scripts' sentence ends (``_OTHER_ENDS_RE``), those
# too (a text without any is cut by the expression above: the same cuts, faster)
_ANY_BOUNDARY_RE = re.compile(
    f"(?:(?P<end>[.!?…]+|(?:[{_SPACED_ENDS})+|{_ARMENIAN_COLON}){_CLOSERS}"
    f"|(?P<wide>[{_FULL_WIDTH_ENDS}]+)(?P<wide_closers>[{_FULL_WIDTH_CLOSERS}]*)"
    f"(?![{_FULL_WIDTH_CLOSERS}])\\s*)(?=\\S)")
_OTHER_ENDS_RE = re.compile(f"[؟۔।॥։។။።፧\u037e{_FULL_WIDTH_ENDS}]")
_GREEK_QUESTION_RE = re.compile(f"[{_GREEK}];")
# A list item's or section's number opening a sentence ("3. Fees", "1.7. Larger Work"): no end.
_ENUMERATOR_RE = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z]|[ivxIVX]{1,4})\.$")


@dataclass(frozen=True, slots=True)
class Span:
    """A slice ``[start, end)`` of a text."""

    start: int
    end: int


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (``TERMINAL_RE.search(text)``), in time bounded by the
    length of its end, not of the text: a paragraph joined line by line is asked again at each
    line (a long hard-wrapped block cost time quadratic in its length). Only the last
    ``_TAIL_WINDOW`` characters are searched when no match could begin before them: a match
    that did would cover them with what may follow a sentence end's mark, and a run of more
    than 40 characters without brackets holding a character that may not (``_NOT_TAIL_RE``)
    rules that out; else the whole text is searched, as before. A text whose last character
    (white space aside) no match may end on is none, found without a search: most lines of a
    text end on a word."""
    last = text[-1:]
    if last.isspace():
        last = text.rstrip()[-1:]
    if last not in _LAST_CHARS and not last.isdecimal():
        return False
    start = len(text) - _TAIL_WINDOW
    if start <= 0:
        return TERMINAL_RE.search(text) is not None
    if TERMINAL_RE.search(text, start):  # a match there is one in the text (look-behinds
        return True                      # see the characters before ``start``)
    window = text[start:]
    first = min((i for i in (window.find("["), window.find("]")) if i >= 0), default=-1)
    runs = [window] if first < 0 else [window[:first],
                                       window[max(window.rfind("["), window.rfind("]")) + 1 :]]
    if any(len(r) > _TAIL_BRACKET_CHARS and _NOT_TAIL_RE.search(r) for r in runs):
        return False
    return TERMINAL_RE.search(text) is not None


def goes_on(text: str, following: str) -> bool:
    """Whether the sentence at the end of ``text`` goes on into ``following``: the two joined
    have no sentence end between them, since ``text`` ends on an abbreviation, an initial or an
    ordinal ("... where it met Dr." / "Smith and his crew", "140 ед." / "техники", "am 3." /
    "Oktober"), not on a sentence's end. What joining wrapped lines asks of a line that ends
    with a full stop (``ends_sentence`` says yes to "Dr."). Only the end of ``text`` is read."""
    tail = text[-_JOIN_TAIL:].rstrip()
    head = following.lstrip()[:_JOIN_HEAD]
    if not tail or not head:
        return False
    return all(end != len(tail) for _, end in each_sentence_bounds(f"{tail} {head}"))


_JOIN_TAIL, _JOIN_HEAD = 200, 40  # characters of a line's end and the next one's start read


def sentence_spans(text: str) -> list[Span]:
    """Character spans of the sentences of ``text`` (whitespace between them excluded)."""
    return [Span(start, end) for start, end in each_sentence_bounds(text)]


@functools.lru_cache(maxsize=16)
def sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """``sentence_spans`` as ``(start, end)`` pairs: what laying out a corpus asks for, a
    passage at a time, where making a frozen ``Span`` for each sentence cost more than finding
    it. Remembered for the last few texts: laying a document out asks for the sentences of its
    first paragraph (its title, ``first_sentence``; a long one's cut, ``group_lines``) and then
    for them again (its passages' ``spans.sentence_layout``)."""
    return tuple(each_sentence_bounds(text))


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (``split_sentences(text)[0]``), or ``""``."""
    bounds = sentence_bounds(text)
    return text[bounds[0][0] : bounds[0][1]] if bounds else ""


def each_sentence_bounds(text: str) -> Iterator[tuple[int, int]]:
    """``sentence_bounds``, one pair at a time and not remembered: what cutting a flattened
    page into pieces asks of it (``segment.blocks``), once."""
    start = _skip_space(text, 0)
    danda = "।" in text  # a text that ends sentences with the danda: "." only marks initials
    other = not text.isascii() and (_OTHER_ENDS_RE.search(text) is not None or (
        ";" in text and _GREEK_QUESTION_RE.search(text) is not None) or (
        ":" in text and _ARMENIAN_COLON_RE.search(text) is not None))
    for m in (_ANY_BOUNDARY_RE if other else _BOUNDARY_RE).finditer(text):
        if other and m.group("wide"):
            end = m.end("wide_closers")
        else:
            end = m.end("closers")
            after = m.end()
            # (an upper-case letter, the common case, starts a sentence: no quote or bracket
            # ``starts_sentence`` looks past is one)
            if not text[after].isupper():
                nxt = text[after : after + 4]
                if not (starts_sentence(nxt) or _lower_case_start(text, start, m, nxt)):
                    continue
            dot, marks_end = m.span("end")
            # (an enumerator has no space in it; an ordinal ends on a digit)
            if marks_end - dot == 1 and text[dot] == "." and (
                    danda or abbreviation_ends(text, start, dot, text[after : after + 1])
                    or (text.find(" ", start, dot) < 0
                        and _ENUMERATOR_RE.match(text, start, marks_end))
                    or (text[dot - 1 : dot].isdigit() and ordinal_before_month(text, start, m))):
                continue
        if end > start:
            yield start, end
        start = m.end()
    tail_end = len(text.rstrip())
    if tail_end > start:
        yield start, tail_end


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, verbatim."""
    return [text[start:end] for start, end in sentence_bounds(text)]


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def starts_sentence(nxt: str) -> bool:
    """Whether the text after a boundary begins a sentence (upper case, digit, quote, bracket,
    a dash opening a line of dialogue before one of those, or a letter of a script without
    capitals: Georgian's Mkhedruli letters are lower case to
    Unicode, its capitals, Mtavruli, written only in all-capital titles)."""
    if not nxt:
        return False
    c = nxt[0]
    if c in "—–" and len(nxt) > 1:  # a line of dialogue: "— Мы планируем ...", "—¿Cuándo?"
        rest = nxt[1:].lstrip()
        return bool(rest) and starts_sentence(rest)
    if c in "\"'“‘«‹„‚»([¿¡「『（":
        return len(nxt) < 2 or not (nxt[1].islower() and not _GEORGIAN_RE.match(nxt[1]))
    return (c.isupper() or c.isdigit() or (c.isalpha() and not c.islower())
            or _GEORGIAN_RE.match(c) is not None)


_GEORGIAN_RE = re.compile("[\u10d0-\u10ff]")  # Mkhedruli


def _lower_case_start(text: str, start: int, m: re.Match[str], nxt: str) -> bool:
    """Whether a lower-case word after boundary ``m`` (of the sentence from ``start``) begins a
    sentence: after a full stop, yes (the abbreviations are ruled out after this):
    documentation opens sentences with names written in lower case ("... for Python. urllib3
    brings ...", "... by libffi. libffi provides ..."); a Greek, Cyrillic or Armenian word in
    lower case (``_CASED_NON_LATIN_RE``), after an ellipsis, "!" or "?" ("Yahoo! is"), or a
    full stop after a number or a Roman numeral, an ordinal ("Ludwig XIV. ließ", "am 3. und 4.
    Mai"), no."""
    return (m.group("end") == "." and nxt[0].islower() and not _CASED_NON_LATIN_RE.match(nxt)
            and not _ORDINAL_DOT_RE.search(text, start, m.start("end")))


# Lower-case letters of the scripts with capitals other than Latin (Greek, Cyrillic, Armenian):
# their sentences open with a capital, and the names written in lower case that open a sentence
# of documentation are Latin; so a lower-case word of theirs after a full stop goes on with the
# sentence an abbreviation ended ("140 ед. техники", "1.234,5 χιλ. ευρώ", "2024 թ. մայիսին"),
# whatever the abbreviation, listed or not
_CASED_NON_LATIN_RE = re.compile("[\u03ac-\u03ce\u1f00-\u1fff\u0430-\u045f\u0461-\u052f"
                                 "\u0561-\u0587]")
