"""AsciiDoc documents -> blocks: the markup git's, Asciidoctor's and many Java projects' manuals
are written in (``.adoc``, ``.asciidoc``, ``.asc``, and ``.txt`` sources that read as AsciiDoc).

The format's parsers are Ruby (Asciidoctor) or GPL-licensed and make HTML for a whole toolchain
(asciidoc-py); what qabot needs of it is its block structure, read line by line as its
reference describes:

- a section title (``== Options``, or a line underlined with ``=``, ``-``, ``~``, ``^``, ``+``
  of its length) is a heading of its level; the document's title (``= Title``, or the first
  underlined with ``=``) titles the document;
- paragraphs are lines between blank lines; an admonition (``NOTE: ...``) is its text;
- a list item (``*``, ``-``, ``.``, ``1.``, ``a.``) is a ``list_item`` of its depth; a labelled
  list's term (``split [<commit>]::``, ``;;``) heads its description (a list under it: item
  by item) and the blocks attached to it with ``+``, as a definition list's term does
  (``TERM_LEVEL``), not a paragraph after the list; a block title (``.Example``) heads the
  block under it likewise;
- listing, literal and fenced blocks (``----``, ``....``, ```` ``` ````), an indented
  paragraph and a ``[source]``, ``[listing]``, ``[literal]`` or ``[verse]`` one are ``code``;
- a table (``|===``) gives a row per row of cells, keyed by its header row: a row has as many
  cells as the table has columns (its ``cols`` attribute, else the cells of its first line),
  however many lines they are written on (``adoctable.py``);
- comments (``//``, ``////``), attribute entries (``:toc:``), passthrough blocks (``++++``, raw
  markup) and include or image directives are not text a reader sees: left out with the reason.

Inline markup is read as rendered: ``*bold*``, ``_emphasis_``, ```mono```, ``+passthrough+``,
and asciidoc-py's ``'emphasis'`` lose their marks; ``link:url[text]``, ``<<id,text>>``,
``linkgit:git-log[1]`` (git's) and other macros show their text; ``{attribute}`` references
show their value (``adocinline.py``). A footnote (``footnote:[text]``) leaves its sentence: its
text is a paragraph after the block it is marked in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .adocinline import rendered
from .adoctable import TABLE_RE, table_rows
from .blocks import (
    TERM_LEVEL,
    Block,
    Dropped,
    Outline,
    Parsed,
    code_lines,
    dropped_lines,
    one_line,
)

_TITLE_RE = re.compile(r"^(={1,6}|#{1,6})[ \t]+(\S.*?)(?:[ \t]+\1)?[ \t]*$")
_UNDERLINE_CHARS = {"=": 1, "-": 2, "~": 3, "^": 4, "+": 5}
_UNDERLINE_RE = re.compile(r"^([=\-~^+])\1+[ \t]*$")
_DELIMITERS = {"----": "code", "....": "code", "```": "code", "++++": "pass", "////": "comment",
               "____": "quote", "====": "example", "****": "sidebar", "--": "open"}
_DELIMITER_RE = re.compile(r"^(-{4,}|\.{4,}|`{3}\w*|\+{4,}|/{4,}|_{4,}|={4,}|\*{4,}|--)[ \t]*$")
# Delimited blocks one in another read at most (as reStructuredText's indentation, ``rst``)
MAX_DEPTH = 100
NESTING_REASON = f"nested deeper than {MAX_DEPTH} delimited blocks: not read"
_ATTRIBUTE_ENTRY_RE = re.compile(r"^:(!?[\w][\w-]*!?):(?:[ \t]+(.*))?$")
_BLOCK_ATTRIBUTES_RE = re.compile(r"^\[(?!\[)([^\]]*)\][ \t]*$")
_ANCHOR_RE = re.compile(r"^\[\[[^\]]*\]\][ \t]*$")
_BLOCK_TITLE_RE = re.compile(r"^\.([^\s.].*)$")
_ITEM_RE = re.compile(
    r"^[ \t]*(\*{1,5}|-|\.{1,5}|\d{1,3}\.|[a-zA-Z]\.|[ivxIVX]{1,4}\))[ \t]+(\S.*)$")
_LABELLED_RE = re.compile(r"^(?![ \t])(\S.{0,200}?)(:{2,4}|;;)(?:[ \t]+(\S.*))?$")
_ADMONITION_RE = re.compile(r"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+")
_DIRECTIVE_RE = re.compile(r"^(include|image|video|audio|toc|ifdef|ifndef|ifeval|endif)::")
_CODE_STYLES = frozenset({"source", "listing", "literal", "verse"})
_META_ATTRIBUTES = {"author": "publisher", "revdate": "published"}  # attribute -> metadata key
_LEFT_OUT = {"comment": "a comment: not shown to a reader",
             "pass": "passthrough markup: not text of the document"}

# What tells an AsciiDoc source saved as ``.txt`` from plain text: at least two of these kinds.
_SIGNS = (
    re.compile(r"(?m)^(?!\s)\S[^\n]*?(?::{2,4}|;;)[ \t]*$"),  # a labelled list's term
    re.compile(r"(?m)^\[(?:verse|source|literal|listing|quote|NOTE|TIP|IMPORTANT|WARNING|CAUTION"
               r"|abstract|horizontal|qanda|glossary|appendix|partintro|bibliography|cols=)"
               r"[^\]\n]*\][ \t]*$"),  # a block's attributes
    re.compile(r"(?m)^={2,5}[ \t]+\S"),  # a section title of the one-line kind
    re.compile(r"(?m)^:[\w][\w-]*:(?:[ \t]|$)"),  # an attribute entry
    re.compile(r"\blinkgit:[\w.-]+\[|\blink:\S+\[|<<[\w-]+(?:,[^>\n]*)?>>|\binclude::\S+\["),
    re.compile(r"(?m)^\|===[ \t]*$"),  # a table
)


def _labelled(line: str) -> re.Match[str] | None:
    """A labelled list's term on ``line`` ("-q::", "split [<commit>]:: Extract ..."), not a
    URL's "::" ("see http://host::port")."""
    m = _LABELLED_RE.match(line)
    return m if m and "://" not in m.group(1) else None


def looks_like_asciidoc(text: str) -> bool:
    """Whether a text file is an AsciiDoc source: it shows at least two kinds of the markup's
    signs (labelled lists, block attributes, ``==`` titles, attribute entries, its macros,
    tables), two labelled-list terms counting as one kind."""
    head = text[:200_000]
    kinds = 0
    for k, sign in enumerate(_SIGNS):
        found = sign.findall(head)
        if len(found) >= (2 if k == 0 else 1):
            kinds += 1
    return kinds >= 2


def read_asciidoc(text: str) -> Parsed:
    """The blocks of the AsciiDoc document ``text`` in reading order, and its metadata."""
    reader = _Reader(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    for b in reader.read():
        (dropped if isinstance(b, Dropped) else blocks).append(b)  # type: ignore[arg-type]
    meta = {k: v for k, v in reader.meta.items() if v}
    return Parsed(blocks, meta, web=False, dropped=dropped)


class _Reader:
    """One pass over the lines, keeping the section path, the attributes defined so far and
    what the lines before a block said of it (its title, its attributes)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.at = 0
        self.outline = Outline()
        self.attributes: dict[str, str] = {}
        self.meta: dict[str, str] = {}
        self.style = ""  # the next block's style ("source", "verse", "NOTE")
        self.attributes_line = ""  # the next block's attribute line as written
        self.footnotes: list[str] = []  # the text of the footnotes in the block being read
        # a labelled list read: the outline before its first term (a term heads its description
        # and the blocks attached to it with "+", not a paragraph after the list), and whether
        # the last term has its description yet (it may open the paragraph after a blank line)
        self.before_terms: Outline | None = None
        self.described = True
        self.depth = 0  # delimited blocks this reader's lines are in

    def read(self) -> Iterator[Block | Dropped]:
        lines = self.lines
        while self.at < len(lines):
            line = lines[self.at]
            stripped = line.strip()
            if not stripped:
                self.at += 1
                continue
            yield from self._one(line, stripped)
            for note in self.footnotes:  # read after the block they are marked in
                yield Block("paragraph", note, self.outline.path)
            self.footnotes.clear()

    def _one(self, line: str, stripped: str) -> Iterator[Block | Dropped]:
        lines, i = self.lines, self.at
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        attributes, self.attributes_line = self.attributes_line, ""  # for this block alone
        if stripped.startswith("//") and not stripped.startswith("////"):
            self.at += 1
            yield Dropped(Block("paragraph", one_line(stripped[2:]) or "//", self.outline.path),
                          _LEFT_OUT["comment"])
            return
        if m := _ATTRIBUTE_ENTRY_RE.match(line):
            self.attributes[m.group(1).strip("!")] = (m.group(2) or "").strip()
            if key := _META_ATTRIBUTES.get(m.group(1)):
                self.meta.setdefault(key, self._inline(m.group(2) or ""))
            self.at += 1
            return
        if _ANCHOR_RE.match(stripped):
            self.attributes_line = attributes
            self.at += 1
            return
        if m := _BLOCK_ATTRIBUTES_RE.match(stripped):
            self.style = m.group(1).split(",")[0].strip().strip('"')
            self.attributes_line = m.group(1)
            self.at += 1
            return
        # after attribute lines: "[NOTE]" over "====" opens a block, it is no underlined title
        if title := self._title(line, nxt):
            yield title
            return
        if (m := _BLOCK_TITLE_RE.match(stripped)) and not _ITEM_RE.match(line):
            self.attributes_line = attributes
            self.at += 1
            text = self._inline(m.group(1))
            yield Block("heading", text, self.outline.heading(TERM_LEVEL, text), level=TERM_LEVEL)
            return
        if _DIRECTIVE_RE.match(stripped):
            self.at += 1
            yield Dropped(Block("paragraph", stripped, self.outline.path),
                          "a directive (include, image, condition): not text of the document")
            return
        if TABLE_RE.match(stripped):
            yield from self._table(attributes)
            return
        if m := _DELIMITER_RE.match(stripped):
            yield from self._delimited(m.group(1))
            return
        if stripped == "+":  # a list continuation: the block after it is read as any other
            self.at += 1
            return
        yield from self._paragraph(line)

    def _title(self, line: str, nxt: str) -> Block | None:
        """A section title on this line (or this line and its underline), read and passed."""
        m = _TITLE_RE.match(line)
        if m:
            level, text = len(m.group(1)), self._inline(m.group(2))
            self.at += 1
        else:
            u = _UNDERLINE_RE.match(nxt.strip()) if nxt.strip() else None
            text = line.strip()
            if (u is None or line[:1].isspace() or _DELIMITER_RE.match(text)
                    or abs(len(nxt.strip()) - len(text)) > 2 or len(text) < 2):
                return None
            level, text = _UNDERLINE_CHARS[u.group(1)], self._inline(text)
            self.at += 2
        self.style = ""
        self.meta.setdefault("title", text)  # the document's title, else its first section's
        self.before_terms, self.described = None, True  # a section ends any labelled list
        return Block("heading", text, self.outline.heading(level, text), level=level)

    def _delimited(self, opening: str) -> Iterator[Block | Dropped]:
        """A delimited block: its lines up to the same delimiter."""
        fence = "```" if opening.startswith("```") else opening
        kind = _DELIMITERS[fence if fence in ("```", "--") else fence[:4]]
        self.at += 1
        body: list[str] = []
        while self.at < len(self.lines):
            line = self.lines[self.at]
            self.at += 1
            if line.strip() == fence:
                break
            body.append(line)
        style, self.style = self.style.lower(), ""
        text = "\n".join(body).strip("\n")
        if not text.strip():
            return
        if kind in _LEFT_OUT:
            yield Dropped(Block("code", one_line(text)[:500], self.outline.path), _LEFT_OUT[kind])
        elif kind == "code" or style in _CODE_STYLES:
            yield Block("code", text, self.outline.path, lines=code_lines(text))
        else:  # a quote, an example, a sidebar, an open block: blocks of their own
            yield from self._nested(body)

    def _nested(self, body: list[str]) -> Iterator[Block | Dropped]:
        """The blocks of a delimited block's lines, under the same sections; past
        ``MAX_DEPTH`` blocks one in another, its words listed as dropped (3,000 example blocks
        one in another were a RecursionError, after seconds copying their lines)."""
        if self.depth >= MAX_DEPTH:
            yield from dropped_lines((line for line in body
                                      if not _DELIMITER_RE.match(line.strip())),
                                     NESTING_REASON, self.outline.path)
            return
        inner = _Reader(body)
        inner.outline, inner.attributes = self.outline, self.attributes
        inner.depth = self.depth + 1
        yield from inner.read()

    def _table(self, attributes: str) -> Iterator[Block]:
        """A table's rows (``adoctable.table_rows``)."""
        self.style = ""
        rows, self.at = table_rows(self.lines, self.at + 1, attributes, self._inline)
        for text in rows:
            yield Block("table_row", text, self.outline.path)

    def _paragraph(self, line: str) -> Iterator[Block | Dropped]:
        """A paragraph, a list item, a labelled list's term and description, or an indented
        (literal) paragraph: its lines up to a blank line or the next block's start."""
        style, self.style = self.style, ""
        if line[:1].isspace() and not _ITEM_RE.match(line):
            body = self._lines_until_blank()
            yield Block("code", "\n".join(body), self.outline.path,
                        lines=code_lines("\n".join(body)))
            return
        if (m := _labelled(line)) and not _ITEM_RE.match(line):
            self.at += 1
            terms = [m.group(1)]
            while not m.group(3) and self.at < len(self.lines) and (
                    m := _labelled(self.lines[self.at])):  # "-q::" then "--quiet::"
                terms.append(m.group(1))
                self.at += 1
            term = ", ".join(self._inline(t) for t in terms)
            if self.before_terms is None:
                self.before_terms = self.outline.copy()
            yield Block("heading", term, self.outline.heading(TERM_LEVEL, term), level=TERM_LEVEL)
            rest = [m.group(3)] if m and m.group(3) else []
            # a list under the term ("Attributes::" over "* Alcohol") is its description, read
            # item by item, not run into one line with its markers
            rest += [s.strip() for s in self._lines_until_blank(started=True, items_end=True)]
            self.described = bool(rest)
            if rest:
                yield Block("paragraph", self._inline(" ".join(rest)), self.outline.path)
            return
        if m := _ITEM_RE.match(line):
            self.at += 1
            marker = m.group(1)
            depth = len(marker) if marker[0] in "*." else 1
            rest = [m.group(2)] + [s.strip() for s in self._lines_until_blank(True, True)]
            self.described = True  # an item under a labelled list's term describes it
            yield Block("list_item", self._inline(" ".join(rest)), self.outline.path,
                        level=depth)
            return
        if self.before_terms is not None and self.described and not self._attached():
            # a paragraph after a labelled list: the list's terms head it no more
            self.outline.back_to(self.before_terms)
            self.before_terms = None
        self.described = True
        body = self._lines_until_blank()
        text = _ADMONITION_RE.sub("", " ".join(s.strip() for s in body))
        if style.lower() in _CODE_STYLES:
            yield Block("code", "\n".join(body), self.outline.path,
                        lines=code_lines("\n".join(body)))
        elif text:
            yield Block("paragraph", self._inline(text), self.outline.path)

    def _attached(self) -> bool:
        """Whether the block at this line is attached to the one before it by a list
        continuation (a "+" line above it, blank lines aside)."""
        k = self.at - 1
        while k >= 0 and not self.lines[k].strip():
            k -= 1
        return k >= 0 and self.lines[k].strip() == "+"

    def _lines_until_blank(self, started: bool = False, items_end: bool = False) -> list[str]:
        """This line and those under it up to a blank line, a delimiter, a continuation
        (``+``), a comment, a labelled list's term or, with ``items_end``, the next list item;
        ``started``: the block's first line is read already (every line here continues it)."""
        out: list[str] = []
        while self.at < len(self.lines):
            line = self.lines[self.at]
            s = line.strip()
            if not s or s == "+" or ((out or started) and (
                    _DELIMITER_RE.match(s) or TABLE_RE.match(s) or s.startswith("//")
                    or (_DIRECTIVE_RE.match(s) and s.endswith("]"))  # "endif::[]"
                    or _BLOCK_ATTRIBUTES_RE.match(s) or (items_end and _ITEM_RE.match(line))
                    or _labelled(line))):  # a term opens its line (``_LABELLED_RE``)
                break
            out.append(line.rstrip())
            self.at += 1
        return out

    def _inline(self, text: str) -> str:
        """``text`` as rendered (``adocinline.rendered``), its footnotes kept for after the
        block."""
        return rendered(text, self.attributes, self.footnotes)


__all__ = ["looks_like_asciidoc", "read_asciidoc"]
