"""Raw text -> paragraphs -> passages, and sizes in words.

Paragraphs are what cleaning judges (``clean.py``): blank-line separated blocks, with
hard-wrapped lines re-joined, and a page flattened into one line cut back into runs of whole
sentences (``blocks``).

Passages are the unit of retrieval: consecutive paragraphs of one document grouped up to about
``target_words`` words (a paragraph longer than ``max_words`` is cut at sentence boundaries), so a
passage carries enough context to rank while staying short enough to quote around. Sentences,
the unit of answering, are cut by ``sentences.py``.

Sizes are counted in words (``word_count``): whitespace-separated ones, and in a text written in
an unspaced script (Chinese, Thai, ...) one word for every one and a half characters of it, about
the length of a Chinese word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
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
from .sentences import each_sentence_bounds, ends_sentence, split_sentences

T = TypeVar("T")

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
        wrapped = looks_wrapped(lines)
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
             for start, end in each_sentence_bounds(paragraph)
             for a, b in _gap_split(paragraph[start:end])]
    pieces: list[str] = []
    start = n = 0
    for i, (a, b) in enumerate(units):
        n += len(words(paragraph[a:b]))
        last = i == len(units) - 1
        # a unit that does not end a sentence (a headline, a credit) stands alone, as does the
        # unit before it; whole sentences gather up to PIECE_WORDS words
        if (last or n >= PIECE_WORDS or not ends_sentence(paragraph[a:b])
                or not ends_sentence(paragraph[units[i + 1][0] : units[i + 1][1]])):
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


def looks_wrapped(lines: Sequence[str]) -> bool:
    """Whether a block is prose hard-wrapped at a fixed width (most lines near the widest)."""
    if len(lines) < 3:
        return False
    width = max(len(ln) for ln in lines)
    if width < 50:
        return False
    near = sum(len(ln) >= 0.75 * width for ln in lines[:-1])
    open_ends = sum(not ends_sentence(ln) for ln in lines[:-1])
    return near >= 0.8 * (len(lines) - 1) and open_ends >= 0.5 * (len(lines) - 1)


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
