"""Markdown footnotes (``[^1]`` in the text, ``[^1]: The note.`` below it), as GitHub-flavoured
Markdown, pandoc, PHP Markdown Extra and MyST write them, for markdown-it-py's parser.

CommonMark has no footnotes: without these rules the mark stays glued to its sentence
("21:00.[^1] It has ...") and the definitions run together into one paragraph with their syntax
("[^1]: The timetable changed ... [^note]: Sleeper cars ..."). The rules follow markdown-it's
footnote plugin: a definition is a block (``footnote_open`` ... ``footnote_close``) holding the
blocks of its text, its later paragraphs indented under it; a reference to a defined label is a
``footnote_ref`` inline token, which a rendered page shows as a superscript number. A label
nothing defines stays text, as it does on the page.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

_LABELS = "footnote_labels"  # the env key: the labels the document defines


def footnotes(md: MarkdownIt) -> None:
    """Add the footnote rules to the parser ``md``: a definition may interrupt a paragraph."""
    md.block.ruler.before("reference", "footnote_def", _definition,
                          {"alt": ["paragraph", "reference"]})
    md.inline.ruler.after("image", "footnote_ref", _reference)


def _definition(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``[^label]: text`` opening a line, and the blocks indented under it."""
    start = state.bMarks[start_line] + state.tShift[start_line]
    end = state.eMarks[start_line]
    src = state.src
    if state.is_code_block(start_line) or not src.startswith("[^", start) or start + 4 > end:
        return False
    pos = start + 2
    while pos < end and src[pos] not in " \t]":
        pos += 1
    if pos == start + 2 or pos + 1 >= end or src[pos] != "]" or src[pos + 1] != ":":
        return False
    if silent:
        return True
    state.env.setdefault(_LABELS, set()).add(src[start + 2 : pos].casefold())
    after = pos + 2  # the text starts past the colon, as if indented under the label
    indent = state.sCount[start_line] + after - start
    first = after
    while first < end and src[first] in " \t":
        indent += 4 - indent % 4 if src[first] == "\t" else 1
        first += 1
    saved = (state.bMarks[start_line], state.tShift[start_line], state.sCount[start_line],
             state.parentType)
    state.push("footnote_open", "", 1)
    state.bMarks[start_line] = after
    state.tShift[start_line] = first - after
    state.sCount[start_line] = indent - (state.sCount[start_line] + after - start)
    state.blkIndent += 4
    state.parentType = "footnote"
    if state.sCount[start_line] < state.blkIndent:
        state.sCount[start_line] += state.blkIndent
    state.md.block.tokenize(state, start_line, end_line)
    state.blkIndent -= 4
    (state.bMarks[start_line], state.tShift[start_line], state.sCount[start_line],
     state.parentType) = saved
    state.push("footnote_close", "", -1)
    return True


def _reference(state: StateInline, silent: bool) -> bool:
    """``[^label]`` where the document defines ``label``."""
    start, end, src = state.pos, state.posMax, state.src
    labels = state.env.get(_LABELS)
    if not labels or not src.startswith("[^", start) or start + 3 > end:
        return False
    pos = start + 2
    while pos < end and src[pos] not in " \t\n]":
        pos += 1
    if pos == start + 2 or pos >= end or src[pos] != "]":
        return False
    label = src[start + 2 : pos]
    if label.casefold() not in labels:
        return False
    if not silent:
        state.push("footnote_ref", "", 0).meta = {"label": label}
    state.pos = pos + 1
    return True


__all__ = ["footnotes"]
