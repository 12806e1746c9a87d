"""Text -> words as written, with their spans: what every language's analyzer reads.

Runs of letters, or numbers with their inner separators, a language named by a letter and "++"
or "#" ("C++", "C#"); superscript and subscript figures are no letters (``SCRIPTED``). English
reads every text with ``ASCII_TOKEN_RE``; other languages read a letter's combining marks as part
of its word and a run of an unspaced script (Chinese, Japanese, Thai, ...) as its overlapping
pieces (``TOKEN_RE``, ``scripts.py``). How words become index terms is ``analyzer.py``'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .digitgroups import JOINER
from .scripts import (
    CJK,
    IN_WORD_MARKS,
    SOUTHEAST,
    UNSPACED,
    UNSPACED_RE,
    bigram_spans,
    marked_word,
    unspaced,
    with_bigrams,
)

# Superscript and subscript figures and signs: no part of a word, though Unicode calls them
# alphanumeric ("policy²", a footnote's mark, is the word "policy"; "m²" is "m"; "CO₂" is "co")
SCRIPTED = "\u00b2\u00b3\u00b9\u2070-\u209f"
# ASCII text's words: numbers with their inner separators, a language named by a letter and
# "++" or "#" ("C++", "C#", "F#", "C++17"; a letter alone is no term, and a question on C++ lost
# its subject; the look-ahead stays inside a whitespace-separated piece, as ``termcounts.py``
# needs), runs of letters with inner apostrophes
_LETTER_LANGUAGE = r"[A-Za-z](?:\+\+|#)(?![^\W\d_#+])"
ASCII_TOKEN_RE = re.compile(f"\\d+(?:[.,:{JOINER}]\\d+)*|{_LETTER_LANGUAGE}"
                            f"|[^\\W\\d_{SCRIPTED}]+(?:['’][^\\W\\d_{SCRIPTED}]+)*")
# Any text's: the same, a letter's combining marks part of its word, the Arabic decimal and
# thousands separators inside numbers, and a run of an unspaced script a word of its own (cut
# into bigrams by ``words``). It never matches whitespace and looks around no further than the
# next character, never across a space: the words of a text are those of its
# whitespace-separated pieces (``termcounts.py`` relies on it).
_LETTER = f"[^\\W\\d_{UNSPACED}{SCRIPTED}]"
_WORD = marked_word(_LETTER)
TOKEN_RE = re.compile(f"\\d+(?:[.,:\u066b\u066c{JOINER}]\\d+)*|{_LETTER_LANGUAGE}|[{CJK}]+"
                      f"|[{SOUTHEAST}]+"
                      f"|{_WORD}(?:['’{IN_WORD_MARKS}]{_WORD})*")


def english_words(text: str) -> list[str]:
    """The words of ``text`` as English reads them (``ASCII_TOKEN_RE``, whatever the script)."""
    return ASCII_TOKEN_RE.findall(text)


def english_spans(text: str) -> Iterator[tuple[int, int]]:
    for m in ASCII_TOKEN_RE.finditer(text):
        yield m.span()


def words(text: str) -> list[str]:
    """The words of ``text`` as written, as any language but English reads them: a run of an
    unspaced script as its bigrams. The words of a text are those of its whitespace-separated
    pieces."""
    if text.isascii():
        return ASCII_TOKEN_RE.findall(text)
    found = TOKEN_RE.findall(text)
    if UNSPACED_RE.search(text) is None:
        return found
    return with_bigrams(found)


def spans(text: str) -> Iterator[tuple[int, int]]:
    """The span of each of ``words(text)``."""
    if text.isascii():
        yield from english_spans(text)
        return
    if UNSPACED_RE.search(text) is None:
        for m in TOKEN_RE.finditer(text):
            yield m.span()
        return
    for m in TOKEN_RE.finditer(text):
        if unspaced(m.group()):
            yield from bigram_spans(*m.span(), m.group()[0])
        else:
            yield m.span()
