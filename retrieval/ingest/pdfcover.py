"""Find a PDF's cover page: a first page of a few short lines before the text begins.

A report's cover stacks lines that are no headings of what follows: the organisation's name, the
title, "Prepared for ...", "Version 1.2", a date. Guessed by their look, each stood alone and
headed the sections after it ("7 December 2026" › "Introduction"); read as text, they ran
together into one paragraph ("Prepared for the Town Council Version 1.2 7 December 2026"). On a
cover each line is a block of its own (but a line going on in lower case with the one above
it, a wrapped subtitle), and only the title, set larger than every other line of
the page and than the body text, is a heading.
"""

from __future__ import annotations

from .pdflines import MAX_HEADING_WORDS, SENTENCE_END, SIZE_STEP, Line, Style, resized

COVER_LINES = 12  # lines on a cover page, at the most
COVER_WORDS = 60  # ... and words


def cover_lines(lines: list[Line]) -> set[int]:
    """The indices of the lines on the document's cover page, or none: the first page, when
    more pages follow and it holds at most ``COVER_LINES`` lines and ``COVER_WORDS`` words,
    each line short (a title's length at most) and none ending a sentence, while the pages
    after it hold more words than it does."""
    if not lines:
        return set()
    first = lines[0].page
    on_cover = [i for i, line in enumerate(lines) if line.page == first]
    words = [len(lines[i].text.split()) for i in on_cover]
    rest = sum(len(line.text.split()) for line in lines[len(on_cover):])
    if (rest <= sum(words) or len(on_cover) > COVER_LINES or sum(words) > COVER_WORDS
            or max(words) > MAX_HEADING_WORDS
            or any(SENTENCE_END.search(lines[i].text) for i in on_cover)):
        return set()
    return set(on_cover)


def cover_title(lines: list[Line], cover: set[int], style: Style) -> set[int]:
    """Of the ``cover``'s lines, those that are its title: set in the largest type on the
    page, larger than every other line of it and than the body text by a heading's step (its
    lines when it is wrapped); none when no line is set so."""
    sized = [i for i in cover if lines[i].size]
    if not sized or not style.body:
        return set()
    largest = max(lines[i].size for i in sized)
    title = {i for i in sized if lines[i].size == largest}
    others = [lines[i].size for i in sized if i not in title]
    if largest < style.body * SIZE_STEP or (others and largest < max(others) * SIZE_STEP):
        return set()
    return title


def cover_breaks(lines: list[Line], cover: set[int]) -> set[int]:
    """Of the ``cover``'s lines, those that begin a block: all but one going on in lower case
    with the line above it in the same type ("... library for the GNU system" over "for
    version 4.19.0")."""
    return {i for i in cover
            if not (i - 1 in cover and lines[i].text[:1].islower()
                    and not resized(lines[i - 1], lines[i]))}


__all__ = ["cover_breaks", "cover_lines", "cover_title"]
