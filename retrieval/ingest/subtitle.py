"""A document's subtitle: the line under its title heading that says what it is, read as text.

A README or a manual often sets what it describes as a heading right under its title: "ReadMe
file for rpCalc", then "a reverse polish notation calculator", then the author, version and
date. Read as a heading, that line is never quoted, and "what is rpCalc?" had nothing to quote
but the sections that name rpCalc. A heading is such a subtitle when it comes right after the
document's first block, a heading of a higher level, reads as a phrase (three words or more,
of letters alone, opening in lower case or with an article: "a ...", "the ..."), and nothing
it would head is a sentence (a byline, a version, a date): it is then a paragraph under the
title, the opening the "what is X?" question's ``openings`` reads, and the blocks under it
stay under the title. A section's name ("Introduction", "The basic operations" over its text)
and a version line ("v1.11.1, Aug 2022") are none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .blocks import Block
from .sentences import ends_sentence

# a phrase of three words or more, letters alone (no version, date or name with digits: "v1.11.1,
# Aug 2022" under a manual's title is no subtitle), opening in lower case or with an article
_PHRASE_RE = re.compile(r"(?:[a-z][a-z-]*|[Aa]n?|[Tt]he)(?: [A-Za-z][A-Za-z-]*){2,11}")


def subtitled(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` with the document's subtitle heading (see above) read as a paragraph."""
    if len(blocks) < 2 or blocks[0].kind != "heading" or blocks[1].kind != "heading":
        return list(blocks)
    title, sub = blocks[0], blocks[1]
    if (sub.level <= title.level or sub.section[:-1] != title.section
            or not _PHRASE_RE.fullmatch(sub.text)):
        return list(blocks)
    for b in blocks[2:]:
        if b.kind == "heading":
            break
        if ends_sentence(b.text) and len(b.text.split()) > 3:
            return list(blocks)  # it heads text: a section's name
    under = sub.section
    out = [title, replace(sub, kind="paragraph", section=title.section, level=0)]
    for b in blocks[2:]:
        if b.section[: len(under)] == under:
            b = replace(b, section=title.section + b.section[len(under):])
        out.append(b)
    return out


__all__ = ["subtitled"]
