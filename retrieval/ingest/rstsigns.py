"""Whether a plain text file is reStructuredText source, told by the markup's signs.

Projects keep reStructuredText in ``.txt`` files: Django's and Leo's documentation, many
``README.txt`` and ``CHANGES.txt``, files without an extension (``README``, ``NEWS``). Read as
plain text, its markup is quoted as words (".. contents::", "``x``", a title's "####" rule),
its sections are lost and its title is any early line. Such a file shows the markup's own
signs: explicit markup (``.. directive::``, ``.. _target:``, ``.. [#note]``, a comment),
Sphinx and docutils roles (``:ref:`x```), a paragraph ending in ``::`` over an indented block,
titles under (and over) a rule of one punctuation character as long as the title. Plain text
has rules under its headings too and sometimes a "::", so at least two kinds are asked for, one
of them explicit markup or a role, which no other plain text writes at a line's start.

This module is apart from ``rst.py`` so that sniffing a text file does not import docutils.
"""

from __future__ import annotations

import re

_HEAD = 200_000  # characters looked at
# ".. name::", ".. _target:", ".. [#note]", ".. |sub| ...", or a comment ".. words"
_EXPLICIT_RE = re.compile(r"(?m)^\.\. (?:[\w:-]+::|_[^\n:]+:|\[[^\]\n]+\]|\|[^|\n]+\||\w)")
_ROLE_RE = re.compile(r":[a-z][\w:+-]*:`[^`\n]+`")
_LITERAL_RE = re.compile(r"(?m)\S::[ \t]*\n[ \t]*\n[ \t]+\S")
# a title over a rule of one character of reST's adornments, as long as the title at least
_TITLE_RE = re.compile(r"(?m)^([^\s\n][^\n]*)\n([=\-`:'\"~^_*+#<>])\2{2,}[ \t]*$")


def looks_like_rst(text: str) -> bool:
    """Whether ``text`` (a file read as plain text) is reStructuredText source (see above)."""
    head = text[:_HEAD]
    explicit = len(_EXPLICIT_RE.findall(head)) >= 2
    roles = _ROLE_RE.search(head) is not None
    if not (explicit or roles):
        return False
    literal = _LITERAL_RE.search(head) is not None
    titles = sum(len(m.group(0).rsplit("\n", 1)[1].rstrip()) >= len(m.group(1).rstrip())
                 for m in _TITLE_RE.finditer(head))
    return explicit + roles + literal + (titles >= 2) >= 2
