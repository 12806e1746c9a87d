"""The value every reader makes of a document: blocks with their kind and section path.

A reader (one module per format in this package) turns a file's bytes or text into a ``Parsed``:
the document's blocks in reading order, the metadata it declares, and whether it is a web page
(whose boilerplate the web-page signals of ``clean.py`` judge). Every block is one line of text
as a reader of the document sees it (no markup, white space collapsed), so a quote taken from it
is verbatim to the rendered document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from .segment import on_one_line

# A monospaced font's name: code is set in one (PDF base fonts, Word's run fonts).
MONOSPACED = re.compile(r"mono|monl|monaco|courier|cmtt|consol|menlo|typewriter|code", re.I)
TERM_LEVEL = 7  # below every heading: a term ("secrets.randbelow(n)") heads only its definition
Kind = Literal["heading", "paragraph", "list_item", "table_row", "code"]
KINDS: tuple[Kind, ...] = ("heading", "paragraph", "list_item", "table_row", "code")
# what a document declares as its title when it has none worth the name
_PLACEHOLDER_TITLES = set(
    "untitled|untitled document|document|title|no title|word document|microsoft word|"
    "powerpoint presentation|presentation|slide 1".split("|")
)


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of a document: a heading, a paragraph, a list item, a table row or a code block.

    ``section`` is the path of headings the block sits under, outermost first (a heading's own
    path ends with itself); ``page`` is the 1-based page of a paged document (PDF), else
    ``None``; ``level`` is a heading's level (1-6; ``TERM_LEVEL`` for a definition list's term,
    which heads its definition), a list item's nesting depth (1 = top), 0 otherwise. ``lines``:
    a code block's lines as laid out (``code_lines``; its ``text`` is them on one line), which a
    short block after a lead-in is quoted in; ``()`` for any other block, or a reader that
    keeps none.
    """

    kind: Kind
    text: str
    section: tuple[str, ...] = ()
    page: int | None = None
    level: int = 0
    lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Dropped:
    """A block a reader or cleaning left out of the index, and why."""

    block: Block
    reason: str


@dataclass(slots=True)
class Parsed:
    """What a reader made of one document.

    ``meta`` holds what the document declares of itself (``title``, ``url``, ``publisher``,
    ``published``; only keys it has). ``web``: the document is a web page or text saved from one,
    so page furniture is sought in it; in any other document nothing is dropped for its shape.
    ``dropped``: what the reader itself left out (a PDF's running headers, say), with reasons.
    ``source_text``: for a web page, its text as saved (``clean.explain`` reads its line gaps),
    and ``source_blocks`` its paragraphs.
    """

    blocks: list[Block]
    meta: dict[str, str] = field(default_factory=dict)
    web: bool = False
    dropped: list[Dropped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings worth a log line (the encoding)
    # A web page's text as saved, for the web-page cleaning, which reads its line gaps.
    source_text: str = ""
    # ... and its paragraphs as ``segment.blocks`` cuts it, each with its block's number: cut
    # once, where the reader, the cleaning and the repeated paragraphs' keys each cut it
    source_blocks: list[tuple[str, int]] = field(default_factory=list)
    # ... and whether it reads as English (``prose.reads_as_english``), when the reader told
    source_english: bool | None = None
    # A text file's text as decoded, front matter removed (``Document.text``); "" for PDF, Word.
    raw: str = ""
    # a plain text found to read as English as a whole (a fifth of its words English function
    # words): its language needs no detection when it is one passage
    english: bool = False
    # the documents of their own a file holds (a mail archive's messages), each with its key in
    # the file ("3": its id is the file's "#3"); a file of parts has no blocks of its own
    parts: list[tuple[str, Parsed]] = field(default_factory=list)


class Outline:
    """The section path as a reader walks a document: feed it each heading in order."""

    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []

    def heading(self, level: int, text: str) -> tuple[str, ...]:
        """Enter a heading of ``level`` (1 = outermost); returns its own path."""
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        self._stack.append((level, text))
        return self.path

    @property
    def path(self) -> tuple[str, ...]:
        """The headings the next block sits under, outermost first."""
        return tuple(t for _, t in self._stack)

    def copy(self) -> Outline:
        """The outline as it stands, to go ``back_to`` after a part whose headings head only
        that part (a heading in a quoted block)."""
        copy = Outline()
        copy._stack = list(self._stack)
        return copy

    def back_to(self, saved: Outline) -> None:
        """Leave the headings entered since ``saved`` was copied."""
        self._stack = list(saved._stack)


def one_line(text: str) -> str:
    """``text`` with every run of white space (line breaks included) made one space, stripped.
    A text already so is returned as it is, found without splitting it: printable (no white
    space but the ASCII space is), no two spaces in a row, none at either end."""
    if on_one_line(text):
        return text
    return " ".join(text.split())


def dropped_lines(lines: Iterable[str], reason: str, section: tuple[str, ...] = ()
                  ) -> Iterator[Dropped]:
    """The words of ``lines`` a reader leaves unread (nested past its bound), as one paragraph
    listed as dropped for ``reason``; nothing when they hold no words."""
    if text := one_line(" ".join(lines)):
        yield Dropped(Block("paragraph", text, section), reason)


# What the abbreviations or substitutions a document defines may add to its text in all (a
# definition may hold references to others, which expand in turn): this many times its length,
# or this many characters if more
EXPANDED_SHARE, EXPANDED_MORE = 10, 100_000


def expansion_budget(length: int) -> int:
    """The characters a document of ``length`` characters may read as with its abbreviations
    or substitutions expanded (``EXPANDED_SHARE``): a few hundred bytes must not read as
    megabytes."""
    return max(EXPANDED_MORE, EXPANDED_SHARE * length)


# white space that is no ASCII space, a code line's tab included (a passage's line holds none)
_OTHER_SPACE_RE = re.compile(r"[^\S ]")


def code_lines(text: str) -> tuple[str, ...]:
    """A code block's lines as laid out: blank lines left out, the indentation they all share
    taken off (each keeps the rest of its own), a tab as four spaces and any other white space
    but the space as one, trailing spaces cut."""
    lines = [_OTHER_SPACE_RE.sub(" ", ln.expandtabs(4)).rstrip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln.strip()]
    if not lines:
        return ()
    indent = min(len(ln) - len(ln.lstrip(" ")) for ln in lines)
    return tuple(ln[indent:] for ln in lines)


def code_block(content: str, section: tuple[str, ...] = (), page: int | None = None
               ) -> Block | None:
    """A code block of ``content`` as laid out: its text on one line, and its ``lines``;
    ``None`` when it holds nothing."""
    text = one_line(content)
    return Block("code", text, section, page, lines=code_lines(content)) if text else None


_CELLS, _KEYED = " | ", ": "  # how ``table_row_text`` joins cells, and keys a cell


def table_row_text(cells: Sequence[str], header: Sequence[str] | None = None) -> str:
    """A table row as one line: ``H1 | H2`` for a header row or a table without one (``header``
    ``None``), else ``H1: c1; H2: c2`` with each cell keyed by ``header`` at its index.

    An empty cell is left out; a cell with no header (an empty one, or none at its index) is its
    text alone, and one ending in a colon (a row's name written as a label, "Alcohol:" in a
    column of row names) leads the cells after it with a space, not a "; " ("Alcohol: Min:
    11.0; Max: 14.8", not "Alcohol:; Min: 11.0").
    """
    if header is None:
        return _CELLS.join(cell for cell in cells if cell)
    text, label = "", False
    for i, cell in enumerate(cells):
        if cell:
            key = header[i] if i < len(header) else ""
            gap = "" if not text else " " if label else "; "
            text += f"{gap}{key}{_KEYED}{cell}" if key else f"{gap}{cell}"
            label = not key and cell.endswith(":")
    return text


def cell_text(parts: Sequence[Block]) -> str:
    """A table cell's blocks as one line: a list's items apart by commas ("PNG, GIF"), not run
    into one string with nothing between them, and other blocks apart by a space."""
    text = ""
    for part in parts:
        text = then_item(text, part.text) if part.kind == "list_item" else (
            f"{text} {part.text}" if text else part.text)
    return text


def then_item(text: str, item: str) -> str:
    """``text`` followed by a list's ``item`` on one line: after a comma, unless ``text`` ends
    in punctuation of its own ("Formats:", "Use the flags.") or is empty."""
    text = text.rstrip()
    if not text:
        return item
    return f"{text} {item}" if text[-1] in ",;:.!?" else f"{text}, {item}"


def heads_row(header: Block, row: Block) -> bool:
    """Whether table row ``header`` ("#define | configure flag | Description") is the header
    row ``row`` is read with ("#define: TCPCONN; configure flag: ..."; "Alcohol: Min: 11.0;
    ..." under a header over the data columns only), as ``table_row_text`` writes them."""
    if header.kind != "table_row" or row.kind != "table_row":
        return False
    labels = [label for label in header.text.split(_CELLS) if label]
    # a label keys the row's first cell, or one after a row's name ("Alcohol; Min: 11.0")
    return len(labels) >= 2 and any(re.search(f"(?:^|; |: ){re.escape(label)}{_KEYED}", row.text)
                                    for label in labels)


def usable_title(raw: str) -> str:
    """A declared title as a reader would call the document; "" for a placeholder ("untitled").

    Word's PDF export declares "Microsoft Word - report.docx": the prefix and the extension go.
    """
    title = one_line(raw)
    title = re.sub(r"^Microsoft (?:Office )?(?:Word|PowerPoint|Excel) - ", "", title, flags=re.I)
    title = re.sub(r"\.(?:docx?|rtf|odt|pptx?|xlsx?|pdf|txt|tex|indd)$", "", title, flags=re.I)
    placeholder = re.fullmatch(r"(?:document|untitled|doc)\s*\d*", title, re.I)
    return "" if placeholder or title.casefold() in _PLACEHOLDER_TITLES else title


def iso_day(text: str) -> str:
    """The day an ISO 8601 date or timestamp names ("2024-05-06T09:00:00Z" -> "2024-05-06"); ""
    for any other text: the date an office file or an e-book declares (``dc:date``, its
    creation date)."""
    text = text.strip()
    return text[:10] if re.match(r"\d{4}-\d\d-\d\d", text) else ""


def error_reason(err: BaseException) -> str:
    """What went wrong, for a reader's ``ValueError``: the kind of fault in words
    (``fault_words``), then the exception's message."""
    text = one_line(str(err))
    return f"{fault_words(err)}: {text[:150]}" if text else fault_words(err)


# The faults whose class's name says little to a reader of a skip reason, in words
_FAULTS = {
    "LimitReachedError": "past a limit of what is read of a file (a part too large, or one "
                         "that loops)",
    "KeyError": "a part it refers to is missing",
    "IndexError": "a part it refers to is missing",
    "RecursionError": "nested too deep to read",
    "MemoryError": "too large to read in memory",
    "BadZipFile": "not a readable zip archive",
}
_NAME_WORD_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z]|\d|\b)|[A-Z]?[a-z]+|\d+")
_ACRONYMS = {"pdf": "PDF", "xml": "XML", "html": "HTML", "utf": "UTF"}


def fault_words(err: BaseException) -> str:
    """The kind of fault ``err`` is, in words and not its class's name, which a user reading
    why a file was skipped cannot read ("LimitReachedError"): "past a limit of what is read
    of a file ...", "PDF read error"."""
    name = type(err).__name__
    if name in _FAULTS:
        return _FAULTS[name]
    words = _NAME_WORD_RE.findall(name) or ["error"]
    return " ".join(_ACRONYMS.get(w.lower(), w if w.isupper() else w.lower()) for w in words)


__all__ = [
    "KINDS",
    "TERM_LEVEL",
    "Block",
    "Dropped",
    "Kind",
    "Outline",
    "Parsed",
    "cell_text",
    "code_block",
    "code_lines",
    "error_reason",
    "fault_words",
    "heads_row",
    "iso_day",
    "one_line",
    "table_row_text",
    "then_item",
    "usable_title",
]
