"""Raw text -> paragraphs -> passages -> sentences.

Paragraphs are what cleaning judges (``clean.py``): blank-line separated blocks, with
hard-wrapped lines re-joined, and a page flattened into one line cut back into runs of whole
sentences (``blocks``).

Passages are the unit of retrieval: consecutive paragraphs of one document grouped up to about
``target_words`` words (a paragraph longer than ``max_words`` is cut at sentence boundaries), so a
passage carries enough context to rank while staying short enough to quote around.

Sentences are the unit of answering. ``split_sentences`` cuts after ``.``, ``!``, ``?`` (and any
closing quotes or brackets) when the next word starts a sentence, and not after abbreviations
("Mr.", "U.S.", "e.g."), initials ("J. Smith"), an item's or section's number ("3. Fees"), or
inside numbers ("3.5", "100,000"). Other scripts' sentence ends (``scripts.py``) cut too: the
Arabic "؟", the Devanagari danda "।" (in a text that has one, "." ends no sentence: it marks
initials, "के. एस. कृष्णन"), the Greek question mark, and the full-width "。！？" with no space
after them. A word of a script without capitals (Arabic, Devanagari, Han, ...) starts a sentence
as a capitalised one does.

Sizes are counted in words (``word_count``): whitespace-separated ones, and in a text written in
an unspaced script (Chinese, Thai, ...) one word for every one and a half characters of it, about
the length of a Chinese word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from ..scripts import (
    CJK,
    SOUTHEAST,
    UNSPACED,
    dense_words,
    marked_word,
    unspaced_runs,
    with_bigrams,
    written_unspaced,
)

T = TypeVar("T")

_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
# Sentence ends other than ".!?…" followed by a space: the Arabic question mark, the Devanagari
# danda and double danda, the Armenian, Khmer and Myanmar full stops, the Greek question mark
# (and the ASCII semicolon Greek keyboards type for it, after a Greek letter)
_SPACED_ENDS = f"؟।॥։។။\u037e]|;(?<=[{_GREEK}];)"
# ... and the full-width ones, which need no space after them
_FULL_WIDTH_ENDS = "。！？｡"
# closing quotes and brackets of the full-width sentence ends
_FULL_WIDTH_CLOSERS = "”’」』）〕】》〉\"')"
# a line that ends a sentence (closing quotes of several languages, brackets; a reference
# mark after it: "...theory.[12]", "...théorie.:212–219")
TERMINAL_RE = re.compile(
    f"(?:[.!?…{_SPACED_ENDS}|[{_FULL_WIDTH_ENDS}])[\"'”“’»)\\]{_FULL_WIDTH_CLOSERS}]*"
    r"(?:\[[^\]]{1,40}\]|:\d+(?:[–-]\d+)?)*\s*$")
# What may follow a sentence end's mark to the end of a text (``TERMINAL_RE``): closers,
# references (any character but "]" inside their brackets, at most 40), digits, dashes, ":"
# and white space; and a character that may not, outside brackets
_TAIL_BRACKET_CHARS = 40
_NOT_TAIL_RE = re.compile(f"[^\\s\\d:–\\-\\[\\]\"'”“’»){_FULL_WIDTH_CLOSERS}]")
_TAIL_WINDOW = 128  # characters at the end of a text searched first (``ends_sentence``)
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# ... in ASCII text, where it is this one, whose character sets are tested faster (a third)
_ASCII_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")
# ... and in ASCII text without an apostrophe (which alone joins two runs), its runs: the same
# words, a third faster to find
_ASCII_RUN_RE = re.compile(r"[A-Za-z0-9]+")
# Other text's words: the same, a letter's combining marks part of its word (Devanagari's vowel
# signs, which ``\w`` misses)
_MARKED_PART = marked_word("[^\\W_]")
_MARKED_WORD_RE = re.compile(f"{_MARKED_PART}(?:['’]{_MARKED_PART})*")
# ... and in a text written in an unspaced script, a run of it a word of its own (cut into
# bigrams by ``words``)
_ANY_LETTER = f"[^\\W_{UNSPACED}]"
_ANY_PART = marked_word(_ANY_LETTER)
_UNSPACED_WORD_RE = re.compile(f"[{CJK}]+|[{SOUTHEAST}]+|{_ANY_PART}(?:['’]{_ANY_PART})*")
# A paragraph this long is a flattened page (``_pieces``); it is judged in runs of whole sentences.
LONG_PARAGRAPH_WORDS = 250
PIECE_WORDS = 60
_GAP_RE = re.compile(r"[ \t]{2,}")
_PARAGRAPH_GAP_RE = re.compile(r"\n\s*\n")  # between blank-line separated blocks

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep pres rev hon "
    "no nos vol pp fig figs art sec ch ed eds est approx dept univ inc ltd corp co bros vs etc "
    "al cf jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun "
    "u.s u.k u.n e.g i.e eg ie viz resp incl a.m p.m esp misc "
    # other languages' (German, Spanish, French, Italian, Russian, ...): "ca. 300", "т. е."
    "ca bzw vgl nr usw ggf evtl inkl sog str abs jh jhd mio mrd tsd sra srta ud uds pág "
    "mme mlle env av ecc sig dott ex ej "
    "г гг т тыс млн млрд руб ул им см стр проф кв соавт др".split()
)
# A day's ordinal before a month ("am 3. Oktober", "1. maj"), or an ordinal before a noun that
# takes one, capitalised as German nouns are ("im 18. Jahrhundert", "zum 3. Mal", "der 2.
# Weltkrieg"): no sentence end after its dot. (Other languages writing ordinals with a dot
# write such nouns in lower case, which starts no sentence.)
_MONTHS = frozenset({"jan", "feb", "mär", "mar", "apr", "mai", "maj", "jun", "jul", "aug",
                     "sep", "okt", "oct", "nov", "dez", "dec", "jän"})
_ORDINAL_NOUNS = ("jahrhundert", "jahrtausend", "jh", "weltkrieg", "mal ", "mal,", "platz",
                  "klasse", "auflage", "liga", "bundesliga", "jahrestag", "geburtstag", "todestag",
                  "stock", "kapitel", "armee", "division", "sinfonie", "symphonie", "runde",
                  "etappe", "spieltag", "legislaturperiode", "amtszeit", "dynastie")
_ORDINAL_RE = re.compile(r"(?<![\d.])\d{1,2}$")
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
    f"(?:(?P<end>[.!?…]+|(?:[{_SPACED_ENDS})+){_CLOSERS}"
    f"|(?P<wide>[{_FULL_WIDTH_ENDS}]+)(?P<wide_closers>[{_FULL_WIDTH_CLOSERS}]*)"
    f"(?![{_FULL_WIDTH_CLOSERS}])\\s*)(?=\\S)")
_OTHER_ENDS_RE = re.compile(f"[؟।॥։។။\u037e{_FULL_WIDTH_ENDS}]")
_GREEK_QUESTION_RE = re.compile(f"[{_GREEK}];")
_DOTTED_RE = re.compile(r"(?:\w\.)+\w")  # a dotted acronym: "u.s", "a.m"
# A list item's or section's number opening a sentence ("3. Fees", "1.7. Larger Work"): no end.
_ENUMERATOR_RE = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z]|[ivxIVX]{1,4})\.$")


@dataclass(frozen=True, slots=True)
class Span:
    """A slice ``[start, end)`` of a text."""

    start: int
    end: int


@functools.lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text``, as written (letters and digits together; in a text written in an
    unspaced script, a run of it as its bigrams). Remembered for the last few thousand texts:
    reading a document asks for a paragraph's words about ten times (its layout, its sieve
    rules, its cleaning signals, its sentences' quotability)."""
    return tuple(_words(text))


def has_words(text: str, k: int) -> bool:
    """``len(words(text)) >= k``, not remembered, found without making the words' strings
    (but in a text written in an unspaced script) and without looking past the ``k``-th: what
    telling a sentence from a fragment too short to quote asks of each sentence."""
    if k <= 0:
        return True
    if text.isascii():
        if "'" not in text:  # its words are its runs: one pattern tells whether it has k
            return _runs_from_start(k).match(text) is not None
        found = _ASCII_WORD_RE.finditer(text)
    elif not written_unspaced(text):
        found = _MARKED_WORD_RE.finditer(text)
    else:
        return len(_words(text)) >= k
    return next(islice(found, k - 1, None), None) is not None


@functools.cache
def _runs_from_start(k: int) -> re.Pattern[str]:
    """A pattern matching the start of an ASCII text that has ``k`` runs of letters and
    digits or more (``k`` >= 1): what passes before the first, then ``k`` runs apart, each
    taken whole (possessive: no backtracking into a run, so the time is the length of the
    text's start at most)."""
    return re.compile(f"[^A-Za-z0-9]*+[A-Za-z0-9]++(?:[^A-Za-z0-9]++[A-Za-z0-9]++){{{k - 1}}}")


def _words(text: str) -> list[str]:
    if text.isascii():
        return (_ASCII_WORD_RE if "'" in text else _ASCII_RUN_RE).findall(text)
    if not written_unspaced(text):
        return _MARKED_WORD_RE.findall(text)
    return with_bigrams(_UNSPACED_WORD_RE.findall(text))


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (``TERMINAL_RE.search(text)``), in time bounded by the
    length of its end, not of the text: a paragraph joined line by line is asked again at each
    line (a long hard-wrapped block cost time quadratic in its length). Only the last
    ``_TAIL_WINDOW`` characters are searched when no match could begin before them: a match
    that did would cover them with what may follow a sentence end's mark, and a run of more
    than 40 characters without brackets holding a character that may not (``_NOT_TAIL_RE``)
    rules that out; else the whole text is searched, as before."""
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


def on_one_line(text: str) -> bool:
    """Whether ``text`` is one line of pieces one space apart (``blocks.one_line`` of it is
    itself): printable (no white space but the ASCII space: every other character
    ``str.split`` cuts at is unprintable), no two spaces in a row, none at either end."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def word_count(text: str) -> int:
    """How many words ``text`` has, for sizes: its whitespace-separated pieces (of a text on
    one line, its spaces and one, without making the pieces), Korean's counted as the words
    they hold (``scripts.dense_words``), and in a text written in an unspaced script one more
    for every one and a half characters of each of its runs past the first."""
    n = text.count(" ") + 1 if text and on_one_line(text) else len(text.split())
    n += dense_words(text)
    if not written_unspaced(text):
        return n
    return n + sum((len(run) - 1) * 2 // 3 for run in unspaced_runs(text))


def paragraphs(text: str) -> list[str]:
    """Split raw text into paragraphs: blank-line separated, with hard-wrapped lines re-joined.

    A line is joined to the previous one when the previous one does not end a sentence and either
    the new line starts in lower case or the block is wrapped at a fixed width.
    """
    return [p for p, _ in blocks(text)]


def joined_paragraphs(texts: Sequence[str]) -> list[str]:
    """``paragraphs("\\n\\n".join(texts))`` without joining the texts to split them again,
    when none holds a line break (nor a no-break space, which ``blocks`` makes a space): each
    is then a paragraph of its own, stripped (cut in pieces when long, as ``blocks`` cuts)."""
    if any("\n" in t or "\r" in t or "\u00a0" in t for t in texts):
        return paragraphs("\n\n".join(texts))
    return [piece for t in texts if (line := t.strip()) for piece in _pieces(line)]


def blocks(text: str) -> list[tuple[str, int]]:
    """Paragraphs with the number of the blank-line separated block each came from."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    out: list[tuple[str, int]] = []
    for b, block in enumerate(_PARAGRAPH_GAP_RE.split(text)):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        wrapped = _looks_wrapped(lines)
        current = lines[0]
        for line in lines[1:]:
            prev_open = not ends_sentence(current) and not current.endswith(":")
            if prev_open and (line[:1].islower() or wrapped):
                current = f"{current} {line}"
            else:
                out.append((current, b))
                current = line
        out.append((current, b))
    return [(piece, b) for p, b in out for piece in _pieces(p)]


def _pieces(paragraph: str) -> list[str]:
    """A "paragraph" over ``LONG_PARAGRAPH_WORDS`` words is a page flattened into one line
    (text pulled from HTML often is): cut it back into runs of whole sentences of about
    ``PIECE_WORDS`` words, so that each is judged on its own and one teaser or appeal in it does
    not take the whole page with it. A gap of two or more spaces is where a line ended: a
    headline or credit set off by one is a piece of its own, so it is judged (and dropped) alone.
    """
    if len(words(paragraph)) <= LONG_PARAGRAPH_WORDS:
        return [paragraph]
    units = [(start + a, start + b)
             for start, end in _spans(paragraph)
             for a, b in _gap_split(paragraph[start:end])]
    pieces: list[str] = []
    start = n = 0
    for i, (a, b) in enumerate(units):
        n += len(words(paragraph[a:b]))
        last = i == len(units) - 1
        # a unit that does not end a sentence (a headline, a credit) stands alone, as does the
        # unit before it; whole sentences gather up to PIECE_WORDS words
        if (last or n >= PIECE_WORDS or not TERMINAL_RE.search(paragraph[a:b])
                or not TERMINAL_RE.search(paragraph[units[i + 1][0] : units[i + 1][1]])):
            pieces.append(paragraph[units[start][0] : b])
            start, n = i + 1, 0
    return pieces


def _gap_split(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` between gaps of two or more spaces."""
    out, start = [], 0
    for m in _GAP_RE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if b > a]


def _looks_wrapped(lines: Sequence[str]) -> bool:
    """Whether a block is prose hard-wrapped at a fixed width (most lines near the widest)."""
    if len(lines) < 3:
        return False
    width = max(len(ln) for ln in lines)
    if width < 50:
        return False
    near = sum(len(ln) >= 0.75 * width for ln in lines[:-1])
    open_ends = sum(not TERMINAL_RE.search(ln) for ln in lines[:-1])
    return near >= 0.8 * (len(lines) - 1) and open_ends >= 0.5 * (len(lines) - 1)


def sentence_spans(text: str) -> list[Span]:
    """Character spans of the sentences of ``text`` (whitespace between them excluded)."""
    return [Span(start, end) for start, end in _spans(text)]


@functools.lru_cache(maxsize=16)
def sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """``sentence_spans`` as ``(start, end)`` pairs: what laying out a corpus asks for, a
    passage at a time, where making a frozen ``Span`` for each sentence cost more than finding
    it. Remembered for the last few texts: laying a document out asks for the sentences of its
    first paragraph (its title, ``first_sentence``; a long one's cut, ``group_lines``) and then
    for them again (its passages' ``collection.sentence_layout``)."""
    return tuple(_spans(text))


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (``split_sentences(text)[0]``), or ``""``."""
    bounds = sentence_bounds(text)
    return text[bounds[0][0] : bounds[0][1]] if bounds else ""


def _spans(text: str) -> Iterator[tuple[int, int]]:
    start = _skip_space(text, 0)
    danda = "।" in text  # a text that ends sentences with the danda: "." only marks initials
    other = not text.isascii() and (_OTHER_ENDS_RE.search(text) is not None or (
        ";" in text and _GREEK_QUESTION_RE.search(text) is not None))
    for m in (_ANY_BOUNDARY_RE if other else _BOUNDARY_RE).finditer(text):
        if other and m.group("wide"):
            end = m.end("wide_closers")
        else:
            end = m.end("closers")
            after = m.end()
            # (an upper-case letter, the common case, starts a sentence: no quote or bracket
            # ``_starts_sentence`` looks past is one)
            if not text[after].isupper():
                nxt = text[after : after + 2]
                if not (_starts_sentence(nxt) or _lower_case_start(text, start, m, nxt)):
                    continue
            dot, marks_end = m.span("end")
            # (an enumerator has no space in it; an ordinal ends on a digit)
            if marks_end - dot == 1 and text[dot] == "." and (
                    danda or _abbreviation_ends(text, start, dot)
                    or (text.find(" ", start, dot) < 0
                        and _ENUMERATOR_RE.match(text, start, marks_end))
                    or (text[dot - 1 : dot].isdigit() and _ordinal_before_month(text, start, m))):
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


def _ordinal_before_month(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether the full stop of boundary ``m`` ends a day's ordinal before a month name, or an
    ordinal before a noun that takes one."""
    dot = m.start("end")
    if not text[dot - 1 : dot].isdigit():
        return False
    after = text[m.end() : m.end() + 20].lower()
    return ((after[:3] in _MONTHS or after.startswith(_ORDINAL_NOUNS))
            and bool(_ORDINAL_RE.search(text, start, dot)))


def _starts_sentence(nxt: str) -> bool:
    """Whether the text after a boundary begins a sentence (upper case, digit, quote, bracket,
    or a letter of a script without capitals)."""
    if not nxt:
        return False
    c = nxt[0]
    if c in "\"'“‘«‹„‚»([¿¡「『（":
        return len(nxt) < 2 or not nxt[1].islower()
    return c.isupper() or c.isdigit() or (c.isalpha() and not c.islower())


def _lower_case_start(text: str, start: int, m: re.Match[str], nxt: str) -> bool:
    """Whether a lower-case word after boundary ``m`` (of the sentence from ``start``) begins a
    sentence: after a full stop, yes (the abbreviations are ruled out after this):
    documentation opens sentences with names written in lower case ("... for Python. urllib3
    brings ...", "... by libffi. libffi provides ..."); after an ellipsis, "!" or "?" ("Yahoo!
    is"), or a full stop after a number or a Roman numeral, an ordinal ("Ludwig XIV. ließ",
    "am 3. und 4. Mai"), no."""
    return (m.group("end") == "." and nxt[0].islower()
            and not _ORDINAL_DOT_RE.search(text, start, m.start("end")))


_WORDISH_RE = re.compile(r"[\w.]+")  # \w: what ``str.isalnum`` accepts, and "_"


def _abbreviation_ends(text: str, start: int, dot: int) -> bool:
    """Whether the word before the full stop at ``dot`` (within the sentence from ``start``) is
    an abbreviation, an initial or a dotted acronym."""
    # back over the word (letters, digits, "_", ".") the full stop ends: from the last space
    # when all after it is such (one call), else character by character
    i = max(text.rfind(" ", start, dot) + 1, start)
    word = text[i:dot]
    # (letters and digits alone, the common case, are such without the pattern)
    if not word or not (word.isalnum() or _WORDISH_RE.fullmatch(word)):
        i = dot
        while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):
            i -= 1
        word = text[i:dot]
    if i == dot:
        return False
    word = word.lower().strip(".")
    if word in ABBREVIATIONS:
        return True
    # An initial ("J."), or a dotted acronym ("U.S.", "a.m."; none without a dot inside).
    return (len(word) == 1 and word.isalpha()) or ("." in word
                                                   and bool(_DOTTED_RE.fullmatch(word)))


def group_passages(
    paragraphs: Iterable[str], target_words: int = 90, max_words: int = 160
) -> list[str]:
    """Group consecutive paragraphs into passages of about ``target_words`` words.

    A paragraph is never split unless it alone exceeds ``max_words``; then it is cut between
    sentences (and a sentence longer than that between words).
    """
    groups = group_lines([(p, None) for p in paragraphs], target_words, max_words)
    return ["\n".join(text for text, _ in g) for g in groups]


_CLOSERS = " \t\n\"')”’»"


# A piece of a passage is cut at this many characters too, at a space where there is one: a line
# of one endless word (a data dump, a base64 blob) still makes bounded passages.
MAX_PIECE_CHARS = 2000


def group_lines(
    lines: Iterable[tuple[str, T]], target_words: int = 90, max_words: int = 160,
    is_item: Callable[[T], bool] | None = None,
) -> list[list[tuple[str, T]]]:
    """``group_passages`` for lines that carry a tag each (how they may be quoted): the groups,
    each a passage's lines with their tags; a line cut in pieces tags every piece alike. With
    ``is_item`` (whether a tag is a list item's), a lead-in keeps the items of its list that
    follow it, up to ``max_words``, not only the first."""
    pieces: list[tuple[str, T]] = []
    sizes: list[int] = []  # each piece's word count
    for text, tag in lines:
        n = word_count(text)
        if n <= max_words and len(text) <= MAX_PIECE_CHARS:
            pieces.append((text, tag))
            sizes.append(n)
            continue
        chunk: list[str] = []
        for sent in (run for s in split_sentences(text) for run in _runs(s, max_words)):
            if chunk and (word_count(" ".join([*chunk, sent])) > max_words
                          or len(" ".join([*chunk, sent])) > MAX_PIECE_CHARS):
                pieces.append((" ".join(chunk), tag))
                sizes.append(word_count(pieces[-1][0]))
                chunk = []
            chunk.append(sent)
        if chunk:
            pieces.append((" ".join(chunk), tag))
            sizes.append(word_count(pieces[-1][0]))

    passages: list[list[tuple[str, T]]] = []
    current: list[tuple[str, T]] = []
    size = 0
    listing = False  # the passage ends with a lead-in and items of its list
    for k, piece in enumerate(pieces):
        n = sizes[k]
        # a lead-in ("... the following options:") stays with what it leads to (and its list's
        # items), and a question ("38. How can I encrypt zip files?") with its answer, up to
        # max_words; a question whose answer would not fit opens the next passage instead
        lead_in = bool(current) and _leads_in(current[-1][0])
        item = is_item is not None and is_item(piece[1])
        kept = lead_in or (listing and item)
        opens = (_leads_in(piece[0]) and k + 1 < len(pieces)
                 and size + n + sizes[k + 1] > max_words and n + sizes[k + 1] <= max_words)
        if current and (size + n > max_words or (size >= target_words and not kept) or opens):
            passages.append(current)
            current, size, kept = [], 0, False
        listing = kept and item
        current.append(piece)
        size += n
    if current:
        passages.append(current)
    return passages


def _leads_in(text: str) -> bool:
    """A lead-in ("... the following options:") or a question: what comes after belongs to it."""
    return text.rstrip(_CLOSERS).endswith((":", "?"))


def _runs(sentence: str, max_words: int) -> list[str]:
    """A sentence longer than ``max_words`` words or ``MAX_PIECE_CHARS`` characters, cut into
    runs of words (a word longer than that, into runs of characters)."""
    ws = sentence.split()
    if len(ws) <= max_words and len(sentence) <= MAX_PIECE_CHARS:
        return [sentence]
    out: list[str] = []
    run: list[str] = []
    size = 0
    for w in ws:
        for part in (w[i : i + MAX_PIECE_CHARS] for i in range(0, len(w), MAX_PIECE_CHARS)):
            if run and (len(run) >= max_words or size + len(part) + 1 > MAX_PIECE_CHARS):
                out.append(" ".join(run))
                run, size = [], 0
            run.append(part)
            size += len(part) + 1
    if run:
        out.append(" ".join(run))
    return out
