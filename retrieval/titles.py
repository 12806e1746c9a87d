"""A document's title: its sidecar's, else the one its file declares (an HTML page's
``og:title`` or ``<title>``, a PDF's or a Word file's properties, a Markdown front matter), else
one taken from its text: a web page's headline (``ingest/headline.py``); a manual page's NAME
line; a document's one outermost heading when it heads the text; its first sentence; at last
a PDF's running title or the file's name. Every title is one line of printable text without
bidirectional overrides, at most ``MAX_TITLE_CHARS`` characters (cut at a word, ``…``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .corpus import Document
from .ingest.blocks import Parsed
from .ingest.clean import is_notice
from .ingest.headline import guess_title
from .ingest.sentences import first_sentence
from .ingest.sieve import Sieved
from .marks import ELLIPSIS
from .sidecar import single_line

MAX_TITLE_CHARS = 120


def titled(doc: Document, parsed: Parsed, sieved: Sieved) -> Document:
    """``doc`` with a title: its own, the one its file declares, or one taken from its text."""
    return replace(doc, title=title_of(doc, parsed, sieved))


def title_of(doc: Document, parsed: Parsed, sieved: Sieved) -> str:
    """``titled``'s title of ``doc`` (laying a document out needs its title, not a copy of
    the document: ``dataclasses.replace`` cost more than the rest of titling it)."""
    title = doc.title or parsed.meta.get("title") or ""
    if not title:
        # the last resort: a PDF's running title, else the file's name
        fallback = parsed.meta.get("header") or doc.id
        if sieved.web:
            title = guess_title(sieved.decisions, fallback)
        else:
            title = _document_title(sieved, fallback)
    # cleaned here, where every title is set, whatever declared it (an HTML <title>, a front
    # matter, a PDF's properties, a sidecar): a right-to-left override in one showed
    # "...\u202eFDP.nettirwdnah" as "...handwritten.PDF" in Telegram and on a console
    return _short(single_line(title))


_MAX_BEFORE_TITLE = 2  # blocks before a title heading: a note, a notice ("NOTE: This file ...")
_WORD = re.compile(r"[^\W\d_]{2,}")
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _stamp(heading: str) -> bool:
    """Whether ``heading`` is a date or a number and no words ("February 15, 2018" over an
    announcement, "--1.4.1--" over a changelog's latest release): it dates or numbers what
    follows, it names nothing."""
    return any(c.isdigit() for c in heading) and all(
        w.lower() in _MONTHS for w in _WORD.findall(heading))


def _document_title(sieved: Sieved, fallback: str) -> str:
    """A document's title from its blocks: its one outermost heading, when it heads the text
    (``_MAX_BEFORE_TITLE`` blocks at most before it); with several (headings used as sections,
    "Summary", "Motivation"), or one that comes after text (a README's closing "GNU Project
    notice"), its id; without any, its first sentence that is no copyright notice (a document
    of table rows alone, a spreadsheet saved as CSV, is known by its id). A heading
    that is a date or a number (``_stamp``) is none of them."""
    headings = [k.block for k in sieved.kept
                if k.block.kind == "heading" and not _stamp(k.block.text)]
    named = _named(sieved)
    if named:
        return named
    if headings:
        top = min(h.level for h in headings)
        tops = [h for h in headings if h.level == top]
        if len(tops) != 1:
            return fallback
        before = next(i for i, k in enumerate(sieved.kept) if k.block is tops[0])
        return tops[0].text if before <= _MAX_BEFORE_TITLE else fallback
    if sieved.kept and all(k.block.kind == "table_row" for k in sieved.kept):
        return fallback  # a table alone (a CSV): its header row names columns, not the document
    # its first sentence (not a paragraph), past a copyright notice heading the file
    first = next((k.block.text for k in sieved.kept
                  if not is_notice(k.block.text) and not _stamp(k.block.text)), "")
    return first_sentence(first) or fallback


def _named(sieved: Sieved) -> str:
    """A manual page's title: the line its leading "NAME" section holds ("frob - frob files"),
    as ``man`` and ``pod2text`` lay it out; else ``""``."""
    kept = sieved.kept
    if (len(kept) > 1 and kept[0].block.kind == "heading" and kept[0].block.text == "NAME"
            and kept[1].block.kind in ("paragraph", "heading")):
        return kept[1].block.text
    return ""


def _short(title: str) -> str:
    if len(title) <= MAX_TITLE_CHARS:
        return title
    return title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + ELLIPSIS


__all__ = ["MAX_TITLE_CHARS", "title_of", "titled"]
