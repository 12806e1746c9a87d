"""Which blocks of a document are indexed, which may be quoted, and what is dropped, with why.

A **web page** (or text saved from one; ``Parsed.web``) goes through the web-page cleaning of
``clean.py``: its prose paragraphs are kept and quoted only when they read as whole sentences,
and page furniture (menus, teasers, appeals, credits, headlines) is dropped. A sentence of a
page that reads as English is quoted when it is prose (six words or more: English furniture,
"Share this article.", "All rights reserved.", is shorter); of a page in another language, when
it is a whole sentence of three words or more: other languages state a fact in fewer words
("Helsinki perustettiin 1550.", "Ayasofya 537 yılında inşa edildi."), and the six-word floor
was counted on English. A wire story's dateline ("MOSCOW, Dec 3 (Reuters) - ", ``clean.dateline``)
is cut from the paragraph it opens, listed as dropped: a quote of the first sentence is the
sentence.

Any **other document** keeps every block whatever its shape: a heading, a list item, a table row,
a short paragraph ("The mayor abstained.") is content. Headings, and the dated entries of a
reference list (``cited_work``), are indexed (their words help find the section) but never
quoted on their own; a sentence of any other block is quotable when
it has ``MIN_DOCUMENT_QUOTE_WORDS`` words. Dropped, with a reason each:

- code blocks: kept out of sentence quotes and of the index (the prose around them stays);
  a short one (``MAX_CODE_LINES`` lines, ``MAX_CODE_CHARS`` characters) right after a quotable
  paragraph or list item ending in a colon, in its section and on its page ("If you want to
  install pytest, just type one of:" over ``pip install -U pytest``), is kept for the quote of
  that lead-in (``Kept.code``), still out of the index and never a sentence of its own;
- blocks with no word in them (rules, ornaments: ``* * *``);
- paragraphs found in several documents of the corpus (``clean.repeated_lines``: a site's
  footer on every page of a book), unless they read as a whole sentence (what versions of one
  policy say alike);
- a table of contents: two or more list items or short paragraphs in a row, each naming a
  heading further on ("5. Other implementations of the .xz format"), numbering aside, in its
  words or all but one; and its heading ("Table of contents", "Contents"), which heads none of
  the sections after it.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, replace
from itertools import groupby, takewhile

from .blocks import Block, Dropped, Parsed, heads_row
from .clean import LineDecision, dateline, explain, normalised
from .labels import capitals_label, field_strip
from .prose import reads_as_english
from .segment import blocks, joined_paragraphs, words

# How a kept block's sentences may be quoted: never (a heading), when prose (web pages that read
# as English: a whole sentence of 6+ words with closing punctuation), when of 3+ words (any other
# document), or when a whole sentence of 3+ words (web pages in another language: ``is_sentence``).
QUOTE_NEVER, QUOTE_PROSE, QUOTE_ANY, QUOTE_SENTENCE = 0, 1, 2, 3
MIN_DOCUMENT_QUOTE_WORDS = 3
MIN_REPEATED_SENTENCE_WORDS = 8


# A code block after a lead-in is quoted with it when it has at most this many lines and
# characters (its lines' lengths, indentation included): a command or two to type ("pip install
# -U pytest" / "easy_install -U pytest"), which is what "how do I install / run / enable X?"
# asks for, and which a quote of a sentence stays short with (``quotes.MAX_QUOTE_CHARS`` is
# 500). A longer block is a program or a session, not an answer to read in a line of chat:
# quoted out of its page it would crowd out the answer, and it stays dropped.
MAX_CODE_LINES = 3
MAX_CODE_CHARS = 160


@dataclass(frozen=True, slots=True)
class Kept:
    """A block as indexed, and how its sentences may be quoted (``QUOTE_*``); ``code``: the
    lines of the short code block right after it, when it leads in to one (quoted with its
    last sentence, never indexed)."""

    block: Block
    quote: int
    code: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sieved:
    """A document's blocks sorted into kept and dropped (web pages: with cleaning's decisions)."""

    kept: list[Kept]
    dropped: list[Dropped]
    web: bool
    decisions: tuple[LineDecision, ...] = ()  # a web page's paragraph decisions (for its title)
    # every block in reading order with what became of it: "indexed", "indexed, not quoted"
    # (a heading), ``CODE_KEPT`` (a short code block after a lead-in) or "dropped: <reason>"
    # (``qabot show``)
    rows: tuple[tuple[Block, str], ...] = ()

    @property
    def quotable(self) -> bool:
        """Whether anything kept may be quoted (a document of only a menu or headings has
        nothing to answer with)."""
        return any(k.quote in (QUOTE_PROSE, QUOTE_SENTENCE) or (k.quote == QUOTE_ANY and len(
            words(k.block.text)) >= MIN_DOCUMENT_QUOTE_WORDS) for k in self.kept)


def sieve(parsed: Parsed, repeated: Container[str] = frozenset()) -> Sieved:
    """Sort ``parsed``'s blocks: see the module docstring for the rules."""
    if parsed.web:
        text = judged_text(parsed)
        # (read once: it weighs every word of the page; its reader has, when it read it)
        english = (parsed.source_english if parsed.source_text and parsed.source_english
                   is not None else reads_as_english(text))
        # (its paragraphs as the reader cut them, when it kept them: ``text`` is its source)
        decisions = explain(text, repeated, english, parsed.source_blocks or None)
        rule = QUOTE_PROSE if english else QUOTE_SENTENCE
        kept: list[Kept] = []
        dropped: list[Dropped] = []
        rows: list[tuple[Block, str]] = []
        for d in decisions:
            if not d.keep:
                dropped.append(Dropped(Block("paragraph", d.text), d.reason))
                rows.append((dropped[-1].block, f"dropped: {d.reason}"))
                continue
            # a wire story's dateline is no part of its first sentence's quote
            if (line := dateline(d.text)) and len(line) < len(d.text):
                dropped.append(Dropped(Block("paragraph", line.strip()), DATELINE_REASON))
                rows.append((dropped[-1].block, f"dropped: {DATELINE_REASON}"))
            kept.append(Kept(Block("paragraph", d.text[len(line):]), rule))
            rows.append((kept[-1].block, INDEXED))
        return Sieved(kept, [*parsed.dropped, *dropped], True, tuple(decisions),
                      (*_reader_rows(parsed), *rows))
    contents = _contents(parsed.blocks)
    blocks, heads = _lift_contents_headings(parsed.blocks, contents)
    kept, dropped, rows = [], list(parsed.dropped), _reader_rows(parsed)
    for i, b in enumerate(blocks):
        reason = (TOC_REASON if i in contents else TOC_HEADING_REASON if i in heads
                  else _drop_reason(b, repeated))
        if reason == CODE_REASON and (lines := _quoted_code(b, kept, blocks[i - 1] if i else None)):
            kept[-1] = replace(kept[-1], code=lines)
            rows.append((b, CODE_KEPT))
        elif reason:
            dropped.append(Dropped(b, reason))
            rows.append((b, f"dropped: {reason}"))
        else:
            quote = QUOTE_NEVER if (b.kind == "heading" or _header_row(blocks, i)
                                    or cited_work(b) or capitals_label(b)
                                    or field_strip(blocks, i)) else QUOTE_ANY
            kept.append(Kept(b, quote))
            rows.append((b, INDEXED if quote else INDEXED_NOT_QUOTED))
    return Sieved(kept, dropped, False, rows=tuple(rows))


INDEXED, INDEXED_NOT_QUOTED = "indexed", "indexed, not quoted"
DATELINE_REASON = "a wire story's dateline (place, date and agency before its first sentence)"
CODE_REASON = "code block: kept out of quotes and the index"
CODE_KEPT = "kept for the quote of the lead-in before it, not indexed"


def _quoted_code(b: Block, kept: Sequence[Kept], before: Block | None) -> tuple[str, ...]:
    """The lines of code block ``b`` when it is quoted with the lead-in just before it: the
    block before it was kept, a quotable paragraph or list item ending in a colon, leading in
    to no code yet, in its section and on its page; ``b`` short (``MAX_CODE_LINES``,
    ``MAX_CODE_CHARS``). Else ``()``: it stays dropped."""
    lines = b.lines or (b.text,)  # a reader that keeps no lines: its text, one line
    if (before is None or not kept or kept[-1].block is not before or kept[-1].code
            or kept[-1].quote != QUOTE_ANY or before.kind not in ("paragraph", "list_item")
            or not before.text.rstrip().endswith(":")
            or len(words(before.text)) < MIN_DOCUMENT_QUOTE_WORDS
            or (before.section, before.page) != (b.section, b.page)):
        return ()
    if len(lines) > MAX_CODE_LINES or sum(map(len, lines)) > MAX_CODE_CHARS:
        return ()
    return lines


# a reference list's heading, its numbering aside ("7. References", "Bibliography")
_BIBLIOGRAPHY_RE = re.compile(
    r"(?:[\dIVX]+\.?\s+)?(?:references|bibliography|works cited|literature cited|reference "
    r"list|literatur|literaturverzeichnis|références|bibliographie|referencias|bibliografía|"
    r"bibliografia|referências|riferimenti bibliografici)", re.IGNORECASE)
# what marks a cited work's entry: its year ("2019", "2019a"), or "et al."
_CITED_RE = re.compile(r"\b(?:1[6-9]|20)\d\d[a-z]?\b|\bet al\.")


def cited_work(b: Block) -> bool:
    """Whether a block is an entry of a reference list: under a heading naming one, and dated
    ("[7] P. Warden. Speech commands: A dataset for ... 2018."). It is indexed but never quoted:
    the titles of other works are not what the document says ("what dataset did they use?"
    was answered "Speech commands: A dataset for limited-vocabulary speech recognition.")."""
    return (b.kind in ("paragraph", "list_item")
            and any(_BIBLIOGRAPHY_RE.fullmatch(h.strip()) for h in b.section)
            and bool(_CITED_RE.search(b.text)))


def _header_row(blocks: Sequence[Block], i: int) -> bool:
    """Whether block ``i`` is a table's header row whose rows after it are read with its labels
    (``blocks.heads_row``): it heads them, as a heading does, and says nothing alone."""
    return i + 1 < len(blocks) and heads_row(blocks[i], blocks[i + 1])


TOC_REASON = "a table of contents (its entries name headings further on)"
_NUMBER_RE = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+")
_MAX_ENTRY_WORDS = 12


def _contents(blocks: Sequence[Block]) -> set[int]:
    """The blocks of a table of contents: runs of two or more list items or short paragraphs,
    each naming a heading that comes after it, in its words or in all of them but one (an
    entry written before its heading was reworded: "Avoid throwing JavaScript errors in C++
    methods" for "Avoid throwing JavaScript errors in C++")."""
    last: dict[str, int] = {}
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            last[_entry(b.text)] = i
    if not last:  # no heading for an entry to name (most documents given as texts)
        return set()
    later = _Headings(last)
    named = [b.kind in ("list_item", "paragraph") and len(b.text.split()) <= _MAX_ENTRY_WORDS
             and _names_heading(_entry(b.text), i, last, later) for i, b in enumerate(blocks)]
    out: set[int] = set()
    for is_named, run in groupby(range(len(blocks)), key=named.__getitem__):
        members = list(run)
        if is_named and len(members) >= 2:
            out.update(members)
    return out


def _entry(text: str) -> str:
    return " ".join(_NUMBER_RE.sub("", text).lower().split())


class _Headings:
    """A document's headings by their sets of words (``last``: each heading's entry and its
    last place), for ``_names_heading`` to look an entry's words up, a heading with one word
    more or one fewer among them, instead of comparing them with every heading: a long
    changelog has thousands of both (7,000 blocks: 0.5 s a document, growing as the square)."""

    def __init__(self, last: dict[str, int]) -> None:
        self.sets: dict[frozenset[str], int] = {}  # a heading's words: its last place
        self.less_one: dict[frozenset[str], int] = {}  # ... all but one of them (4 and more)
        for entry, i in last.items():
            words = frozenset(entry.split())
            self.sets[words] = max(i, self.sets.get(words, -1))
            if len(words) >= 4:
                for w in words:
                    fewer = words - {w}
                    self.less_one[fewer] = max(i, self.less_one.get(fewer, -1))


def _names_heading(entry: str, at: int, last: dict[str, int], later: _Headings) -> bool:
    """Whether the entry at block ``at`` names a heading after it: its words, or all of them
    but one more or one fewer (three words at least in common)."""
    if last.get(entry, -1) > at:
        return True
    mine = frozenset(entry.split())
    if len(mine) < 3:
        return False
    if later.less_one.get(mine, -1) > at:  # a heading with one word more
        return True
    # a heading with one word fewer (three in common: the entry has four or more)
    return len(mine) >= 4 and any(later.sets.get(mine - {w}, -1) > at for w in mine)


TOC_HEADING_REASON = "the heading of a table of contents (the sections after it are not in it)"
# The titles a table of contents goes by, in the languages qabot reads most: a heading so titled
# with no text of its own over the document's chapters (Sphinx's single-page "Contents") heads
# none of them.
_CONTENTS_TITLE_RE = re.compile(
    r"(?:table of )?contents|toc|inhalt(?:sverzeichnis)?|содержание|оглавление|зміст|índice|"
    r"table des matières|sommaire|indice|inhoud(?:sopgave)?|spis treści|içindekiler|obsah|"
    r"sisällys(?:luettelo)?|innehåll(?:sförteckning)?|indholdsfortegnelse|"
    r"innhold(?:sfortegnelse)?|目次|目录|目錄|목차|차례", re.IGNORECASE)


def _lift_contents_headings(blocks_in: Sequence[Block], contents: set[int]
                            ) -> tuple[list[Block], set[int]]:
    """The blocks with a table of contents' heading taken out of the sections after it, and
    where such headings are: a heading titled as one (``_CONTENTS_TITLE_RE``) with nothing of
    its own up to the next heading but the table (``contents``; or none: the reader dropped
    it) heads none of the sections it seems to ("Table of contents › Description", Sphinx's
    "Contents › 1. Copyright"): they are the document's own. (A chapter's heading over its own
    list of sections is no such heading: it is their chapter.)"""
    blocks = list(blocks_in)
    heads: set[int] = set()
    for i, h in enumerate(blocks):
        if (h.kind != "heading" or not h.section
                or _CONTENTS_TITLE_RE.fullmatch(_entry(h.text).rstrip(":")) is None):
            continue
        own = list(takewhile(lambda j: blocks[j].kind != "heading", range(i + 1, len(blocks))))
        if not all(j in contents for j in own):
            continue
        heads.add(i)
        nxt = i + 1 + len(own)
        path, cut = h.section, len(h.section) - 1
        for j in range(nxt, len(blocks)):
            b = blocks[j]
            if b.kind == "heading" and b.level <= h.level:
                break
            if b.section[:cut + 1] == path:
                blocks[j] = replace(b, section=b.section[:cut] + b.section[cut + 1:])
    return blocks, heads


def _reader_rows(parsed: Parsed) -> list[tuple[Block, str]]:
    return [(d.block, f"dropped: {d.reason}") for d in parsed.dropped]


def _drop_reason(b: Block, repeated: Container[str]) -> str | None:
    if b.kind == "code":
        return CODE_REASON
    if not words(b.text):
        return "no words (a rule or ornament)"
    if (b.kind == "paragraph" and repeated and normalised(b.text) in repeated
            and not _whole_sentence(b.text)):
        return "repeated across documents"
    return None


# a closing mark, and any quote or bracket after it
_CLOSED_RE = re.compile(r"[.!?][\"'”’)\]»]*$")


def _whole_sentence(text: str) -> bool:
    """Whether a paragraph reads as a whole sentence (``MIN_REPEATED_SENTENCE_WORDS`` words and a
    closing mark): what several versions of a policy, or the manuals of several models, say
    alike ("Employees receive 25 days of paid leave per year."), kept in each, where a label
    or a footer repeated on every page of a book ("Example:", "Stability: 2 - Stable", "Built
    with the book tool.") is not."""
    return len(words(text)) >= MIN_REPEATED_SENTENCE_WORDS and bool(_CLOSED_RE.search(text.strip()))


def judged_text(parsed: Parsed) -> str:
    """A document's text as ``clean.repeated_lines`` counts it across documents (a web page's
    as saved, any other's a block a paragraph)."""
    return parsed.source_text or "\n\n".join(b.text for b in parsed.blocks)


def judged_paragraphs(parsed: Parsed) -> list[str]:
    """``paragraphs(judged_text(parsed))``: a document's paragraphs as ``clean.repeated_lines``
    counts them, its blocks' texts not joined to be split again (``joined_paragraphs``)."""
    if parsed.source_text:
        return [p for p, _ in parsed.source_blocks or blocks(parsed.source_text)]
    return joined_paragraphs([b.text for b in parsed.blocks])


__all__ = ["MAX_CODE_CHARS", "MAX_CODE_LINES", "MIN_DOCUMENT_QUOTE_WORDS", "QUOTE_ANY",
           "QUOTE_NEVER", "QUOTE_PROSE", "QUOTE_SENTENCE", "Kept", "Sieved",
           "judged_paragraphs", "judged_text", "sieve"]
