"""Paragraphs -> passages, passages -> sentences.

Passages are the unit of retrieval: consecutive paragraphs of one document grouped up to about
``target_words`` words (a paragraph longer than ``max_words`` is cut at sentence boundaries), so a
passage carries enough context to rank while staying short enough to quote around.

Sentences are the unit of answering. ``split_sentences`` cuts after ``.``, ``!``, ``?`` (and any
closing quotes or brackets) when the next word starts a sentence, and not after abbreviations
("Mr.", "U.S.", "e.g."), initials ("J. Smith"), or inside numbers ("3.5", "100,000").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep pres rev hon "
    "no nos vol pp fig figs art sec ch ed eds est approx dept univ inc ltd corp co bros vs etc "
    "al cf jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun "
    "u.s u.k u.n e.g i.e a.m p.m".split()
)

# A candidate boundary: terminal punctuation, optional closers, whitespace, then what follows.
_BOUNDARY_RE = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)(?=\S)")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")


@dataclass(frozen=True, slots=True)
class Span:
    """A slice ``[start, end)`` of a text."""

    start: int
    end: int


def sentence_spans(text: str) -> list[Span]:
    """Character spans of the sentences of ``text`` (whitespace between them excluded)."""
    spans: list[Span] = []
    start = _skip_space(text, 0)
    for m in _BOUNDARY_RE.finditer(text):
        end = m.end(2)
        nxt = text[m.end() : m.end() + 2]
        if not _starts_sentence(nxt):
            continue
        if m.group(1) == "." and _is_abbreviation(text[start : m.start(1)]):
            continue
        if end > start:
            spans.append(Span(start, end))
        start = m.end()
    tail_end = len(text.rstrip())
    if tail_end > start:
        spans.append(Span(start, tail_end))
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, verbatim."""
    return [text[s.start : s.end] for s in sentence_spans(text)]


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _starts_sentence(nxt: str) -> bool:
    """Whether the text after a boundary begins a sentence (upper case, digit, quote, bracket)."""
    if not nxt:
        return False
    c = nxt[0]
    if c in "\"'“‘«([":
        return len(nxt) < 2 or not nxt[1].islower()
    return c.isupper() or c.isdigit()


def _is_abbreviation(before: str) -> bool:
    m = _WORD_BEFORE_RE.search(before)
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if word in ABBREVIATIONS:
        return True
    # An initial ("J."), or a dotted acronym ("U.S.", "a.m.").
    return (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(?:\w\.)+\w", word))


def group_passages(
    paragraphs: Iterable[str], target_words: int = 90, max_words: int = 160
) -> list[str]:
    """Group consecutive paragraphs into passages of about ``target_words`` words.

    A paragraph is never split unless it alone exceeds ``max_words``; then it is cut between
    sentences.
    """
    pieces: list[str] = []
    for para in paragraphs:
        if len(para.split()) <= max_words:
            pieces.append(para)
            continue
        chunk: list[str] = []
        for sent in split_sentences(para):
            if chunk and len(" ".join([*chunk, sent]).split()) > max_words:
                pieces.append(" ".join(chunk))
                chunk = []
            chunk.append(sent)
        if chunk:
            pieces.append(" ".join(chunk))

    passages: list[str] = []
    current: list[str] = []
    size = 0
    for piece in pieces:
        n = len(piece.split())
        if current and (size + n > max_words or size >= target_words):
            passages.append("\n".join(current))
            current, size = [], 0
        current.append(piece)
        size += n
    if current:
        passages.append("\n".join(current))
    return passages
