"""Whether a plain text is a web page saved as text, told by its layout alone, in any language.

``webpage.looks_like_web_page`` finds a page by its furniture's English phrases ("read more",
"privacy policy"); a page saved in German, Russian or Spanish has none of them, and a German
README or a Russian memo has the short lines (headings, fields, a signature) that
``webpage.page_shaped`` counts as a page's. What a page saved as text has, and a document has not,
is its navigation, whatever the language:

- **menus**: ``MENU_RUN`` lines or more set one under the other (no blank line between, or
  each a block of its own), each a link's label: a word or a few (``MENU_WORDS``), no mark
  closing a sentence or clause, no colon (a field: "Кому: ...", "Datum: 3. März"), no digit
  (an address's street and postcode), no bullet or number (a list's items). A site's main
  menu, its share bar ("Compartir / Facebook / Twitter / WhatsApp"), its footer's links.
  Lines led in to by a line ending in a colon ("Anwesend:" over the names) are a list, not a
  menu;
- **link bars**: a line of ``BAR_PIECES`` short pieces or more set apart by a separator a page
  puts between links (``|``, ``»``, ``›``, ``·``, ``•``, ``/`` with spaces around): a
  breadcrumb ("Inicio » Noticias » Madrid") or a footer ("Aviso legal | Privacidad |
  Contacto"). A block of two lines or more split by ``|`` is a table, not a bar.

A text is a page when it has ``MIN_EVIDENCE`` of these or more (a table of contents, a list of
names set without bullets, is one menu; a page has its main menu and its footer at least).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .segment import words

MENU_RUN = 4  # lines of link labels one under the other, at least
MENU_WORDS = 3  # words of a link's label, at most
BAR_PIECES = 3  # pieces of a link bar, at least
BAR_PIECE_WORDS = 4  # words of each of them, at most
MIN_EVIDENCE = 2  # menus and link bars a page has, at least

_GAP_RE = re.compile(r"\n[ \t]*\n")
# the end of a sentence or clause, or a colon anywhere (a field, a lead-in)
_NOT_LABEL_RE = re.compile(r"[.,;!?…]['\"”’»)\]]*$|:|\d")
# code, not a link's label: an identifier's "_", a shell's "$", "=", "<", ">", "~", braces and
# backslashes, or a dot inside a word (a file's name, "README.gtkrc", "os.path")
_CODE_RE = re.compile(r"[_$=<>~{}\\]|\w\.\w")
_LIST_MARK_RE = re.compile(r"^(?:[-*•+▪◦–—>#=~_]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxlc]{1,5})[.)]\s)")
_BAR_RE = re.compile(r"\s(?:\||»|›|·|•|/)\s")
_LETTER_RE = re.compile(r"[^\W\d_]")


def is_page_layout(text: str) -> bool:
    """Whether ``text`` is laid out as a web page saved as text (see the module docstring)."""
    return menus_and_bars(text) >= MIN_EVIDENCE


def menus_and_bars(text: str) -> int:
    """How many menus and link bars ``text`` has (see the module docstring)."""
    found = 0
    alone: list[str] = []  # the lines of one-line blocks in a row: a menu saved a gap apart
    for block in _GAP_RE.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if len(lines) == 1:
            alone.append(lines[0])
        elif lines:
            found += _menus(alone) + _menus(lines)
            alone = []
        piped = sum("|" in ln for ln in lines)
        found += sum(_is_bar(ln) for ln in lines if piped < 2 or "|" not in ln)
    return found + _menus(alone)


def _menus(lines: Sequence[str]) -> int:
    """How many runs of ``MENU_RUN`` link labels or more ``lines`` (a block's) have."""
    runs = run = 0
    led_in = False  # the run follows a line ending in a colon: a list's items
    for i, line in enumerate(lines):
        if _is_label(line):
            if run == 0:
                led_in = i > 0 and lines[i - 1].endswith(":")
            run += 1
            continue
        runs += run >= MENU_RUN and not led_in
        run = 0
    return runs + (run >= MENU_RUN and not led_in)


def _is_label(line: str) -> bool:
    return (1 <= len(words(line)) <= MENU_WORDS and not _NOT_LABEL_RE.search(line)
            and not _LIST_MARK_RE.match(line) and not _CODE_RE.search(line))


def _is_bar(line: str) -> bool:
    """Whether ``line`` is ``BAR_PIECES`` short pieces or more between a page's separators."""
    if not _BAR_RE.search(line) or line.startswith("|") or line.endswith("|"):
        return False
    pieces = _BAR_RE.split(line)
    return len(pieces) >= BAR_PIECES and all(
        1 <= len(words(p)) <= BAR_PIECE_WORDS and _LETTER_RE.search(p)
        and not p.rstrip().endswith((".", "!", "?")) for p in pieces)
