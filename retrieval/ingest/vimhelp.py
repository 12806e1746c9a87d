"""Vim help files: their tag anchors and link bars, which Vim hides, left out of the text.

A Vim help file (``:help`` pages, a plugin's ``doc/*.txt``) is plain text with two marks of its
own: ``*tag*``, an anchor ``:help tag`` jumps to (set at the right margin, or in the file's
first line, ``*uganda.txt*  For Vim version 9.0``), and ``|tag|``, a link to one. Vim shows
neither mark's delimiters (its help syntax conceals them), and an anchor names a place rather
than saying anything: "*iccf* *ICCF*" run into "Vim is Charityware." is no part of the sentence.

A file is read as help only when it says it is one: its first line opens with its own anchor
(``*name.txt*``, which Vim's ``:helptags`` requires) or its mode line sets ``ft=help``. Then its
anchors are taken out (``without_anchors``, the anchors listed for the record of what was left
out) and its links read as the words they are (``|kcc|`` -> ``kcc``).
"""

from __future__ import annotations

import re

# Vim's help syntax (syntax/help.vim): a tag's characters are any printable but space, '"',
# '*' and '|'; an anchor ends at white space or the line's end
_ANCHOR_RUN_RE = re.compile(r"[ \t]*(?<!\S)\*[#-)!+-~]+\*(?:[ \t]+\*[#-)!+-~]+\*)*(?=\s|$)")
_LINK_RE = re.compile(r"(?<![\\|])\|([#-)!+-{}~]+)\|")
_HEADER_RE = re.compile(r"^\*[#-)!+-~]+\.txt\*\s")
_HELP_MODELINE_RE = re.compile(r"(?:^|\s)(?:vim?|ex):.*\b(?:ft|filetype)=help\b")
_TAIL_LINES = 5  # where a mode line is looked for


def is_vim_help(text: str) -> bool:
    """Whether ``text`` is a Vim help file: its first line opens with its own anchor
    (``*name.txt*``) or a mode line near its end sets the file type ``help``."""
    lines = text.lstrip("\ufeff\n\r").splitlines()
    if lines and _HEADER_RE.match(lines[0]):
        return True
    return any(_HELP_MODELINE_RE.search(ln) for ln in lines[-_TAIL_LINES:])


def without_anchors(text: str) -> tuple[str, list[str]]:
    """A help file's text with its anchors taken out and its links' bars dropped, and the
    anchors taken out, a line's run of them each (the first line's naming the file stays, as
    that name: "uganda.txt  For Vim version 9.0"). A line that held only anchors is left blank:
    an anchor marks where a topic starts, and what stands over it ("SUMMARY") is not run into
    the text under it."""
    kept: list[str] = []
    anchors: list[str] = []
    lines = text.split("\n")
    if lines and _HEADER_RE.match(lines[0]):  # the file's own name, read as its name
        lines[0] = lines[0][1:].replace("*", "", 1)
    for line in lines:
        runs = [m.group(0).strip() for m in _ANCHOR_RUN_RE.finditer(line)]
        if not runs:
            kept.append(_LINK_RE.sub(r"\1", line))
            continue
        anchors.extend(runs)
        rest = _ANCHOR_RUN_RE.sub("", line)
        kept.append(_LINK_RE.sub(r"\1", rest) if rest.strip() else "")
    return "\n".join(kept), anchors
