"""A passage's sentences as a collection keeps them (``sentence_layout``): each one's span and
flags (``QUOTABLE | ITEM | FIRST | CODE_AFTER``), each line of the passage split into sentences
and judged by the rule it is quoted by (``sieve.QUOTE_*``: as prose, as a whole sentence, or any
with the words quoting asks)."""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from .collection import CODE_AFTER, CODE_LINE, FIRST, ITEM, ITEM_LINE, QUOTABLE
from .ingest.prose import is_prose, is_sentence
from .ingest.segment import has_words, word_count, words
from .ingest.sentences import sentence_bounds
from .ingest.sieve import MIN_DOCUMENT_QUOTE_WORDS, QUOTE_ANY, QUOTE_PROSE, QUOTE_SENTENCE

# A sentence shorter than this many words is kept for context but never quoted on its own.
MIN_QUOTE_WORDS = 4


def sentence_layout(text: str, rules: Sequence[int] | None) -> tuple[array[int], array[int]]:
    """A passage's sentences: their spans (start, end, start, end, ...) and flags
    (``QUOTABLE | ITEM | FIRST``), its lines quoted by ``rules`` (default: as prose)."""
    bounds, flags = array("i"), array("B")
    for n, (para_start, para) in enumerate(_lines(text)):
        rule = rules[n] if rules is not None else QUOTE_PROSE
        if rule & CODE_LINE:  # no sentence: the one before it leads in to it
            if flags:
                flags[-1] |= CODE_AFTER
            continue
        item = ITEM if rule & ITEM_LINE else 0
        if rule & ~ITEM_LINE == QUOTE_ANY:
            for k, (start, end, enough) in enumerate(_fragments_joined(para)):
                bounds.extend((para_start + start, para_start + end))
                flags.append(QUOTABLE * enough | item
                             | (FIRST if k == 0 else 0))
            continue
        for k, (start, end) in enumerate(sentence_bounds(para)):
            bounds.extend((para_start + start, para_start + end))
            flags.append(_quotable(para[start:end], rule & ~ITEM_LINE) | item
                         | (FIRST if k == 0 else 0))
    return bounds, flags


def _fragments_joined(line: str) -> list[tuple[int, int, bool]]:
    """A document line's sentence spans, each with whether it has the words quoting it asks
    (``MIN_DOCUMENT_QUOTE_WORDS``), a fragment with fewer ("Default: 'SIGTERM'", "(See
    below.)") ending the sentence before it instead of being lost to quotes. A sentence's
    words are counted up to that many, uncached (``segment.has_words``): a sentence is met
    once, and remembering it would push out the paragraphs laying out asks about again."""
    out: list[tuple[int, int, bool | None]] = []
    for start, end in sentence_bounds(line):
        enough = has_words(line[start:end], MIN_DOCUMENT_QUOTE_WORDS)
        if out and not enough:
            out[-1] = (out[-1][0], end, None)  # told below: joined, its words are counted anew
        else:
            out.append((start, end, enough))
    return [(start, end, enough if enough is not None
             else has_words(line[start:end], MIN_DOCUMENT_QUOTE_WORDS))
            for start, end, enough in out]


def _quotable(sentence: str, rule: int) -> int:
    if rule == QUOTE_PROSE:
        return QUOTABLE * (word_count(sentence) >= MIN_QUOTE_WORDS and is_prose(sentence))
    if rule == QUOTE_SENTENCE:
        return QUOTABLE * (is_sentence(sentence) or is_prose(sentence))
    return QUOTABLE * (rule == QUOTE_ANY and len(words(sentence)) >= MIN_DOCUMENT_QUOTE_WORDS)


def _lines(text: str) -> list[tuple[int, str]]:
    """The paragraphs of a passage (joined by newlines) with their start offsets."""
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, line))
        start += len(line) + 1
    return out
