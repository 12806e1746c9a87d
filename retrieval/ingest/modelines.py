"""Editors' mode lines in a plain text: Emacs's ``-*- text -*-`` and Vim's ``vim: set ...`` or
``vim:tw=78:ft=help:``, settings for an editor, no part of what the text says. ``text.read_plain``
drops them, with that reason: on a line of their own, or ending the first line after a title
("GNU sed NEWS   -*- outline -*-")."""

from __future__ import annotations

import re

_MODELINE_LINE_RE = re.compile(r"(?m)^[ \t]*-\*-.*-\*-[ \t]*$")
# (Vim's second form too, options alone: "vim:tw=78:ts=8:noet:ft=help:")
_MODELINE_RE = re.compile(r"^\W*-\*-.*-\*-\W*$|^\W*(?:vim?|ex):\s*set?\s"
                          r"|^\W*(?:vim?|ex):(?=\s*\S*=)\s*\w+(?:=[^\s:]*)?(?:[:\s]+\w+(?:=[^\s:]*)?)*:?$",
                          re.I)
# Emacs's mode line after a title on the first line (the second after a "#!" line): "GNU sed
# NEWS   -*- outline -*-"
_TRAILING_MODE_RE = re.compile(
    r"\A((?:#![^\n]*\n)?[^\n]*?\S)[ \t]+(-\*-[^\n]*?-\*-)[ \t]*(?=\n|\Z)")


def is_modeline(text: str) -> bool:
    """Whether a block of text is (or holds) an editor's mode line."""
    return _MODELINE_RE.search(text) is not None


def modelines_apart(text: str) -> str:
    """``text`` with each line that is an Emacs mode line set apart as a block of its own
    (looked for only in a text with its mark: most have none, and the pattern tries every
    line)."""
    if "-*-" not in text:
        return text
    return _MODELINE_LINE_RE.sub(lambda m: f"\n\n{m.group(0)}\n\n", text)


def without_trailing_mode(text: str) -> tuple[str, str]:
    """``text`` without a mode line ending its first line (its second after a ``#!`` line), and
    that mode line ("" for none): "GNU sed NEWS" is the title, not "... -*- outline -*-"."""
    m = _TRAILING_MODE_RE.match(text) if "-*-" in text[:300] else None
    if m is None:
        return text, ""
    return m.group(1) + text[m.end():], m.group(2)
