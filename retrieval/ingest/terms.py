"""A definition list flattened into paragraphs, read as one: a lone term heads its description.

A Word file or a PDF made from a manual sets a variable list or an option list as paragraphs:
"'bell-style'", then "Controls what happens when Readline wants to ring the terminal bell. ...",
then "'bind-tty-special-chars'", and so on. Read as they are, the term is a paragraph of its own
(quoted alone, an answer to nothing) and its description does not say what it describes. Where
a document (not a web page) does this twice or more, each such term becomes a heading of
``TERM_LEVEL`` over the blocks up to the next term or heading, as a definition list's term is in
the readers that see the list (HTML's ``<dt>``, reStructuredText, AsciiDoc).

A term: one token of a name's characters ("'bell-style'", "--squash", "TTLCache",
"max_bandwidth"), quotes allowed, holding a letter, not ending a sentence, no address (a URL,
a mail address). Its description: a
paragraph right after it that reads as prose (four words or more, ending a sentence).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .blocks import TERM_LEVEL, Block
from .sentences import ends_sentence

_TERM_RE = re.compile(r"^['\"‘“`]?[-\w.:/@+=<>\[\]()#$%*~]{1,60}['\"’”`]?$")
_ADDRESS_RE = re.compile(r"\w@[\w-]+\.\w|^www\.")
_MIN_PAIRS = 2  # a layout, not a stray word: the document does it this often at least
_MIN_DESCRIPTION_WORDS = 4


def _is_term(block: Block) -> bool:
    """``block`` is a lone term: a name alone, no address (a URL, a mail address: what a
    sentence before it points to)."""
    text = block.text
    return (block.kind == "paragraph" and _TERM_RE.match(text) is not None
            and any(c.isalpha() for c in text) and not text.rstrip("'\"’”`").endswith((".", ","))
            and "://" not in text and not _ADDRESS_RE.search(text))


def _describes(block: Block) -> bool:
    return (block.kind == "paragraph" and len(block.text.split()) >= _MIN_DESCRIPTION_WORDS
            and ends_sentence(block.text))


def lone_terms(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` with each lone term over its description made a ``TERM_LEVEL`` heading, and
    the blocks it heads placed under it; as they are when the document has fewer than two."""
    terms = {i for i in range(len(blocks) - 1)
             if _is_term(blocks[i]) and _describes(blocks[i + 1])}
    if len(terms) < _MIN_PAIRS:
        return list(blocks)
    out: list[Block] = []
    under: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # (its section, with the term)
    for i, b in enumerate(blocks):
        if i in terms:
            path = (*b.section, b.text)
            out.append(Block("heading", b.text, path, b.page, TERM_LEVEL))
            under = (b.section, path)
        elif under is not None and b.kind != "heading" and b.section == under[0]:
            out.append(replace(b, section=under[1]))
        else:
            under = None
            out.append(b)
    return out


__all__ = ["lone_terms"]
