"""The headings a plain text shows by its layout, and the lines that are none.

A lone short line not ended like a sentence or a clause, with a block after it (``is_heading``);
a short line set out left of the lines indented under it (``outdented_headings``: a manual
page's "DESCRIPTION", an FAQ's question over its answer), unless it hangs a label out over them
(``hangs``: "Holland:<tab>Transfer to ..."); a stack of short lines opening a document, its
title block (``is_stack``); a heading's level by its number ("2.1 Scope") or its place
(``heading_level``). How a text's blocks are read is ``text.py``'s.
"""

from __future__ import annotations

import re

from .clean import is_notice
from .segment import word_count, words
from .sentences import TERMINAL_RE
from .textfields import LABEL, Part, Record

BULLET_RE = re.compile(r"^(?:[-*•+▪◦–]|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxlc]{1,5})[.)])\s+")
BULLET_MARK_RE = re.compile(r"^[-*•+▪◦–]\s+")
_NUMBERED_RE = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+\S")
# a label hung out before a gap ("Credit Card:<tab>You can use ..."), up to where the text after
# the gap starts
_HANGING_RE = re.compile(rf"^ *{LABEL}:(?:\t|  )[ \t]*(?=\S)")
CLAUSE_END_RE = re.compile(r"[.,;:!?…，、：；،؛]['\"”’)]*$")
# A line that ends on a word that needs more after it ("If make test produces something like")
# is a sentence that goes on past a break (a code sample, a table), not a heading.
_OPEN_END_RE = re.compile(r"\b(?:a|an|the|and|or|nor|but|of|than|that|like|as|is|are|was|were|be"
                          r"|whose|which|whether|if|because|such|e\.g|i\.e)$", re.I)
MAX_HEADING_WORDS = 12
# A Debian changelog's (or NEWS.Debian's) entry line, deb-changelog(5)'s "package (version)
# distributions; metadata": "apt (2.4.0) unstable; urgency=medium" heads its entry, each alike
_CHANGELOG_ENTRY_RE = re.compile(r"^[a-z0-9][a-z0-9+.-]+ \([^()\s]+\)(?: [\w./+-]+)+;"
                                 r"(?: [\w-]+=[\w-]+,?)+$")


def outdented_headings(raw: list[Part]) -> tuple[list[Part], dict[int, int]]:
    """``raw``'s blocks with each heading set out by its indentation made a block of its own,
    and those blocks' numbers -> their indentation. Such a heading is a short line less
    indented than the line under it, opening with a capital or a digit, not ended like a
    sentence or clause but for a question mark: text laid out as a manual page is, or as
    ``pod2text`` writes (a section's name at the margin, its body indented, no blank line
    between; an FAQ's question over its answer). A line whose text after a label and a gap (a
    tab, two spaces) starts where the line under it does is no heading: it hangs its label out
    ("Holland:<tab>Transfer to the account ..." over lines indented to "Transfer")."""
    out: list[Part] = []
    outdented: dict[int, int] = {}
    for block in raw:
        if isinstance(block, Record) or "\n" not in block:  # fields; one line: none to head
            out.append(block)
            continue
        lines = [ln.expandtabs() for ln in block.split("\n") if ln.strip()]
        indents = [len(ln) - len(ln.lstrip()) for ln in lines]
        start = 0
        for i, line in enumerate(lines[:-1]):
            # (a line the next one goes on from in lower case is a sentence wrapped under a
            # hanging indent: "A: Since ... splitting the data into / blocks that ...")
            if (indents[i] < indents[i + 1] and not lines[i + 1].lstrip()[:1].islower()
                    and _hanging_column(line) != indents[i + 1]
                    and _heads_indented(line.strip())):
                if i > start:
                    out.append("\n".join(lines[start:i]))
                outdented[len(out)] = indents[i]
                out.append(line)
                start = i + 1
        out.append("\n".join(lines[start:]) if start else block)
    return out, outdented


def hangs(block: str) -> bool:
    """Whether a block of lines hangs a label out: the text after its first line's label and
    gap starts where the lines under it do (none starting left of it)."""
    lines = [ln.expandtabs() for ln in block.split("\n") if ln.strip()]
    column = _hanging_column(lines[0]) if len(lines) > 1 else -1
    indents = [len(ln) - len(ln.lstrip()) for ln in lines[1:]]
    return column > 0 and min(indents, default=-1) == column


def _hanging_column(line: str) -> int:
    """Where the text after a line's label and gap (a tab or two spaces, tabs expanded) starts;
    -1 when it opens with none."""
    m = _HANGING_RE.match(line)
    return m.end() if m else -1


def _heads_indented(line: str) -> bool:
    n = len(words(line))
    return (1 <= n <= MAX_HEADING_WORDS and (line[:1].isupper() or line[:1].isdigit())
            and not BULLET_RE.match(line)
            and not CLAUSE_END_RE.search(line.removesuffix("?").rstrip())
            and not (n > 1 and _OPEN_END_RE.search(line)))


def is_heading(line: str, b: int, raw: list[Part]) -> bool:
    """A lone short line, not ended like a sentence or clause, with a block after it. In a
    script without capitals (Chinese, Arabic, Hindi: "北极燕鸥", "جامعة بولونيا") it opens with
    a letter, and its length is counted as sizes are (``segment.word_count``: a Chinese
    title's characters are not a word each)."""
    # (a letter of a script without capitals: neither upper nor lower case)
    caseless = line[:1].isalpha() and not line[:1].isupper() and not line[:1].islower()
    n = word_count(line) if caseless else len(words(line))
    if (not 1 <= n <= MAX_HEADING_WORDS or CLAUSE_END_RE.search(line) or b + 1 >= len(raw)
            or (caseless and TERMINAL_RE.search(line))
            or is_notice(line)  # "Copyright 2014 Pallets" heads nothing
            or (n > 1 and _OPEN_END_RE.search(line))):
        return False
    if BULLET_MARK_RE.match(line):  # "* Installation" alone, unless it is of a list: one
        after, before = raw[b + 1], raw[b - 1] if b else None  # goes on after it, or before
        return ((isinstance(after, Record) or not BULLET_MARK_RE.match(after.strip()))
                and (not isinstance(before, str) or not BULLET_MARK_RE.match(before.strip())))
    return (line[:1].isupper() or line[:1].isdigit() or caseless
            or bool(_CHANGELOG_ENTRY_RE.match(line)))


def is_stack(lines: list[str]) -> bool:
    """Short lines none of which ends a clause: set one under the other, not wrapped prose."""
    return len(lines) > 1 and all(
        len(words(ln)) <= MAX_HEADING_WORDS and not CLAUSE_END_RE.search(ln) for ln in lines)


def heading_level(line: str, first: bool) -> int:
    m = _NUMBERED_RE.match(line)
    if m:
        return min(6, 1 + m.group(1).count("."))
    return 1 if first or _CHANGELOG_ENTRY_RE.match(line) else 2
