"""Plain text -> blocks: paragraphs, list items and the headings a text file shows by its layout.

Text saved from a web page (``webpage.looks_like_web_page``: its furniture's English phrases; in
a text that does not read as English, ``pagelayout.is_page_layout``: its menus and link bars)
is left to the web-page cleaning of ``clean.py``, which judges its paragraphs as saved (line
gaps and all): ``Parsed.source_text`` keeps them. Any other text (a licence, a README, a memo,
an RFC), in any language, is read by its layout:

- blocks are separated by blank lines; hard-wrapped lines of a block are joined, unless every
  line of it (three or more) opens with a capital and most end no sentence (a list of commands
  and what they do), and, in a text that does not read as English, it is not prose wrapped at
  a width (German capitalises its nouns: its wrapped lines may each open with a capital): then
  each line is a paragraph of its own;
- a line opening with a bullet (``-``, ``*``, ``•``, ``+``) or an enumerator (``1.``, ``2)``,
  ``(a)``, ``iv.``) starts a list item, and the lines wrapped under it continue it;
- the document's first block, when it is a stack of short lines none of which ends a clause
  (a licence's "Apache License / Version 2.0, January 2004 / http://..."), is a title heading
  and one paragraph a line;
- a run of "Label: value" lines (an RFC 822-like record: "Status: removed" / "When: 1.18")
  is a paragraph a field, a field's body indented under it read after it (``textfields``);
- a line that hangs a label out ("Holland:<tab>Transfer to ...", the lines under it indented
  to "Transfer") heads nothing: its block is one paragraph;
- an editor's mode line (``-*- text -*-``, ``vim: set ...``, ``vim:tw=78:ft=help:``), on a
  line of its own or ending the first line after a title, is dropped, with that reason
  (``modelines``), and so are a Vim help file's ``*tag*`` anchors (``vimhelp``);
- a block whose every line opens with a shell or REPL prompt (``$ ``, ``>>> ``) is code;
- a block of one short line (12 words at most) that does not end like a sentence or a clause
  (nor on a word that needs more after it: "... produces something like") and is followed by
  another block is a heading, opening with a capital, a digit or a letter of a script without
  capitals ("北极燕鸥", its length counted as ``segment.word_count`` does); so is a line
  underlined with ``===`` or ``---``, and a Debian changelog's entry line ("apt (2.4.0)
  unstable; urgency=medium"), each entry's alike.
  Its level: 1 for the underlined with ``=`` and for the document's first line, the depth of its
  number for "2.1 Scope", 2 otherwise;
- a short line set out left of the line under it, in the same block, heads what is indented
  under it (a manual page's or ``pod2text``'s "DESCRIPTION", an FAQ's question over its
  answer; ``textheadings.outdented_headings``), its level that of its indentation.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .blocks import Block, Dropped, Outline, Parsed, code_block, one_line
from .modelines import is_modeline, modelines_apart, without_trailing_mode
from .pagelayout import is_page_layout
from .prose import reads_as_english, stopword_density
from .segment import blocks, looks_wrapped, words
from .sentences import TERMINAL_RE, ends_sentence, goes_on
from .textfields import LABEL, Part, Record, record_parts
from .textheadings import (
    BULLET_MARK_RE,
    BULLET_RE,
    CLAUSE_END_RE,
    MAX_HEADING_WORDS,
    hangs,
    heading_level,
    is_heading,
    is_stack,
    outdented_headings,
)
from .vimhelp import is_vim_help, without_anchors
from .webpage import looks_like_web_page

# a dash and a lower-case word on a line after one that ends no sentence and leads in to no
# list goes on with that sentence ("... cost 30 crowns, and" / "- as decided last year - ..."):
# hard-wrapped prose, not an item
_DASH_GOES_ON_RE = re.compile(r"^[-–]\s+[a-z]")
_UNDERLINE_RE = re.compile(r"^(=+|-+|~+|\*+)\s*$")
_PROMPT_RE = re.compile(r"^(?:\$|>>>|\.\.\.|%|C:\\>)\s")
_UNDERLINED_RE = re.compile(r"(?m)^([ \t]*\S[^\n]*)\n[ \t]*(={3,}|-{3,}|~{3,})[ \t]*$")
_BLOCK_GAP_RE = re.compile(r"\n[ \t]*\n")  # between blocks
# a field: a name of up to three words and its value ("Status: draft, experimental", "URL:
# https://...", "Upstream-Name: dpkg"), as a document's header lists them
_FIELD_RE = re.compile(rf"^{LABEL}: \S")
_MIN_LINE_LIST = 3  # lines of a block, each opening with a capital, read one unit a line
_MIN_LAYOUT_LINES = 4  # lines of an HTML block read as a plain text's layout, at least
_MIN_LAYOUT_DENSITY = 0.2  # ... the share of function words among its words, at least
_MAX_STATEMENT_SHARE = 5  # ... one line in this many ending as a code statement, at most


def read_plain(text: str) -> Parsed:
    """The blocks of a plain text; a web page saved as text is flagged ``web`` and kept whole in
    ``source_text`` for the web-page cleaning."""
    found = blocks(text)
    paras = [p for p, _ in found]
    # a page is told by its furniture's English phrases, or, in a text in another language
    # (which has none of them), by its menus and link bars (``pagelayout``): a German README
    # or a Russian memo is read by its layout as an English one is. A text that says it is a
    # Vim help file is one, whatever its words: a help page on sponsoring reads "send a
    # donation", "register", "account page" as an appeal would
    english = reads_as_english(text)
    if ((looks_like_web_page(paras) and not is_vim_help(text))
            or (not english and is_page_layout(text))):
        return Parsed([Block("paragraph", one_line(p)) for p in paras], web=True,
                      source_text=text, source_blocks=found, source_english=english)
    blocks_: list[Block] = []
    dropped: list[Dropped] = []
    text, mode = without_trailing_mode(text)
    if mode:
        dropped.append(Dropped(Block("paragraph", mode), "an editor's mode line"))
    if is_vim_help(text):
        text, anchors = without_anchors(text)
        dropped.extend(Dropped(Block("paragraph", a), "a Vim help file's tag anchors")
                       for a in anchors)
    for b in layout_blocks(text, english):
        if is_modeline(b.text):
            dropped.append(Dropped(b, "an editor's mode line"))
        else:
            blocks_.append(b)
    return Parsed(blocks_, dropped=dropped, english=english)


def reads_as_layout(text: str) -> bool:
    """Whether lines set one under the other (an HTML page's ``<pre>``, or its lines broken by
    ``<br>``) read as a plain text's layout, not as code or as lines of a poem or an address:
    four lines or more, a heading underlined with a rule about its length (not ended like a
    sentence or a clause, as a program's output boxed in rules can be) or two items opened
    with a bullet, and the words those of prose (a fifth of them function words at least; few
    lines ending as code statements do, with ``;``, ``{`` or ``}``)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < _MIN_LAYOUT_LINES:
        return False
    underlined = any(
        _UNDERLINE_RE.match(under) and len(under) >= 3 and not _UNDERLINE_RE.match(line)
        and abs(len(under) - len(line)) <= max(2, len(line) // 4)
        and 1 <= len(words(line)) <= MAX_HEADING_WORDS and not CLAUSE_END_RE.search(line)
        for line, under in pairwise(lines))
    if not underlined and sum(bool(BULLET_MARK_RE.match(ln)) for ln in lines) < 2:
        return False
    statements = sum(ln.endswith((";", "{", "}")) for ln in lines)
    return (statements * _MAX_STATEMENT_SHARE < len(lines)
            and stopword_density(" ".join(lines)) >= _MIN_LAYOUT_DENSITY)


def layout_blocks(text: str, english: bool = True) -> list[Block]:
    """A plain text's blocks as its layout shows them (headings, paragraphs, list items, code),
    each with its section path; what ``read_plain`` reads of a text that is no web page, mode
    lines kept (``english``: whether it reads as English, ``_items``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    # an underlined heading, and a mode line, are blocks of their own wherever they stand
    # (each looked for only in a text with its marks: most have none, and the patterns try
    # every line)
    if "\n" in text and ("===" in text or "---" in text or "~~~" in text):
        text = _UNDERLINED_RE.sub(lambda m: f"\n\n{m.group(1)}\n{m.group(2)}\n\n", text)
    text = modelines_apart(text)
    units = _one_line_units(text.strip()) if "\n" not in text else _units(text, english)
    outline = Outline()
    out = []
    for kind, body, level in units:
        if kind == "heading":
            out.append(Block("heading", one_line(body), outline.heading(level, one_line(body)),
                             level=level))
        elif kind == "code":
            if code := code_block(body, outline.path):
                out.append(code)
        else:
            out.append(Block(kind, one_line(body), outline.path, level=level))  # type: ignore[arg-type]
    return out


def _one_line_units(line: str) -> list[tuple[str, str, int]]:
    """``_units`` of a text of one line (many texts given in memory), as that loop reads its
    one block: a rule or nothing is no unit, a prompt's line is code, and any other line a
    list item or a paragraph (``_items``): no heading (a lone line heads a block after it, and
    none follows), no title stack (one line)."""
    if not line or (len(line) >= 3 and _UNDERLINE_RE.match(line)):
        return []
    if _PROMPT_RE.match(line):
        return [("code", line, 0)]
    return _items([line])


def _units(text: str, english: bool) -> list[tuple[str, str, int]]:
    """A text's blocks as (kind, text, level): headings, paragraphs, list items, code."""
    parts: list[Part] = []
    for block in _BLOCK_GAP_RE.split(text):
        if block.strip():
            parts.extend(record_parts(block))
    raw, outdented = outdented_headings(parts)
    depths = sorted(set(outdented.values()))
    units: list[tuple[str, str, int]] = []  # (kind, text, level)
    for b, block in enumerate(raw):
        if isinstance(block, Record):  # a run of fields
            units.extend(_record_units(block, english))
            continue
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if b in outdented:
            units.append(("heading", lines[0], min(6, 1 + depths.index(outdented[b]))))
            continue
        if len(lines) == 2 and _UNDERLINE_RE.match(lines[1]) and len(lines[1]) >= 3:
            units.append(("heading", lines[0], 1 if lines[1][0] == "=" else 2))
            continue
        lines = [ln for ln in lines if not _UNDERLINE_RE.match(ln) or len(ln) < 3]
        if not lines:
            continue
        if all(_PROMPT_RE.match(ln) for ln in lines):  # a shell or REPL session
            units.append(("code", "\n".join(lines), 0))  # its lines: ``code_block``
            continue
        if len(lines) == 1 and is_heading(lines[0], b, raw):
            line = BULLET_MARK_RE.sub("", lines[0])
            units.append(("heading", line, heading_level(line, first=not units)))
            continue
        if hangs(block):  # "Holland:<tab>Transfer ..." over lines indented to "Transfer"
            units.append(("paragraph", " ".join(lines), 0))
            continue
        if not units and is_stack(lines):  # a title block: "Apache License / Version 2.0 / url"
            units.append(("heading", lines[0], 1))
            units.extend(("paragraph", ln, 0) for ln in lines[1:])
            continue
        units.extend(_items(lines, english))
    return units


def _record_units(record: Record, english: bool) -> list[tuple[str, str, int]]:
    """A run of fields a paragraph each ("Status: removed"), the lines of its block around it
    read as text is; a field's body indented under it is read after it, a label with no value
    on its line opening its body's first paragraph ("Why: LZMA compression has ...")."""
    units = _items(list(record.before), english) if record.before else []
    for f in record.fields:
        body = _items(list(f.body), english)
        if f.value:
            units.append(("paragraph", f"{f.label}: {f.value}", 0))
        elif body and body[0][0] == "paragraph":
            body[0] = ("paragraph", f"{f.label}: {body[0][1]}", 0)
        else:
            units.append(("paragraph", f"{f.label}:", 0))
        units.extend(body)
    return units + (_items(list(record.after), english) if record.after else [])


def _items(lines: list[str], english: bool = True) -> list[tuple[str, str, int]]:
    """A block's paragraphs and list items: bullets start items (but a dash going on with a
    sentence, ``_DASH_GOES_ON_RE``); other lines join the one before when it does not end a
    sentence (or ends on an abbreviation or an initial its sentence goes on from: "met Dr." /
    "Smith"), or always inside an item."""
    out: list[tuple[str, str, int]] = []
    kind, current = "", ""
    # a block of lines that each open with a capital, most of them ending no sentence, is a
    # list of lines, one unit each ("Show individual samples with: perf script" / "Treat
    # branches as callchains: ..."): English prose wrapped does not break before a capital
    # every time; in another language (``english`` false) prose hard-wrapped at a width
    # (``segment.looks_wrapped``) may: German capitalises its nouns ("... Seit dem" /
    # "Mittelalter ist sie ...")
    one_per_line = ((len(lines) >= _MIN_LINE_LIST and all(ln[:1].isupper() for ln in lines)
                     and sum(not TERMINAL_RE.search(ln) for ln in lines) * 2 > len(lines)
                     and (english or not looks_wrapped(lines)))
                    # ... as is a block of fields, a line each ("Status: draft" / "URL: ...")
                    or (len(lines) >= 2 and all(_FIELD_RE.match(ln) for ln in lines)))
    for line in lines:
        if BULLET_RE.match(line) and not (kind == "paragraph" and _DASH_GOES_ON_RE.match(line)
                                           and not ends_sentence(current)
                                           and not current.rstrip().endswith(":")):
            if current:
                out.append((kind, current, 1 if kind == "list_item" else 0))
            kind, current = "list_item", BULLET_MARK_RE.sub("", line)
        elif current and (kind == "list_item" or (not one_per_line and (
                not ends_sentence(current) or line[:1].islower() or goes_on(current, line)))):
            current = f"{current} {line}"
        else:
            if current:
                out.append((kind, current, 1 if kind == "list_item" else 0))
            kind, current = "paragraph", line
    if current:
        out.append((kind, current, 1 if kind == "list_item" else 0))
    return out
