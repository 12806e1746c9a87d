"""Read a BibTeX database (.bib: a paper's or a lab's list of references) into blocks.

Each entry (``@article{key, title = {...}, ...}``) is a section headed by its title: a line
of what a reference list shows of it ("Authors: Ann Lee and Bob Smith; Year: 2020; Journal:
Nature; Volume: 12; Pages: 1–10"), then its abstract and its note as paragraphs. Values are
read as BibTeX reads them: in braces or quotes (braces nested), numbers, ``@string``
abbreviations and the month names (``jan`` ...), joined by ``#``; their LaTeX as rendered
(``latex.inline``: ``G{\\"o}del`` is "Gödel", ``\\emph{x}`` "x"). Names written "Last, First"
read "First Last". Fields a reference list does not show (a reference manager's ``file``,
``owner``, ``timestamp``, the cite key) are listed as dropped, as are ``@preamble`` and a
broken entry; ``@comment`` and the text between entries are comments, as BibTeX reads them.
A single entry's title titles the file; a database of several is titled by its file's name.

No library: BibTeX's grammar is a few rules (bibtexparser 2 reads it as this does, and brings
pylatexenc, a large table of LaTeX macros, for the accents ``texaccents`` reads), and what the
references say is rendered by the LaTeX reader's own inline rules.
"""

from __future__ import annotations

import re

from .blocks import Block, Dropped, Parsed, expansion_budget, one_line, usable_title
from .latex import inline

MAX_BIB_BYTES = 64 << 20
# the fields a reference list shows, in its order, with their labels
_SHOWN = {"author": "Authors", "editor": "Editors", "year": "Year", "month": "Month",
          "journal": "Journal", "journaltitle": "Journal", "booktitle": "In",
          "series": "Series", "edition": "Edition", "volume": "Volume", "number": "Number",
          "pages": "Pages", "chapter": "Chapter", "publisher": "Publisher",
          "school": "School", "institution": "Institution", "organization": "Organization",
          "address": "Address", "howpublished": "Published", "type": "Type",
          "date": "Date", "doi": "DOI", "isbn": "ISBN", "issn": "ISSN", "url": "URL",
          "keywords": "Keywords"}
_PROSE = ("abstract", "note", "annote", "annotation", "addendum")  # paragraphs of their own
_MONTHS = {m[:3].lower(): m for m in ("January February March April May June July August September "
                              "October November December").split()}
_ENTRY_RE = re.compile(r"@\s*([A-Za-z]+)\s*([{(])")
_NAME_RE = re.compile(r"[A-Za-z_][\w.:+/-]*")


class _Broken(ValueError):
    """An entry that cannot be read (a brace never closed, a field without a value)."""


def read_bibtex(text: str) -> Parsed:
    """The entries of a BibTeX database as blocks; ``ValueError`` when it has none."""
    if len(text) > MAX_BIB_BYTES:
        raise ValueError(f"a BibTeX file of {len(text) >> 20} MB, over the "
                         f"{MAX_BIB_BYTES >> 20} MB qabot reads of one")
    strings = dict(_MONTHS)
    # characters the values may yet hold, its abbreviations expanded (``expansion_budget``):
    # forty ``@string``s each joining the one before twice ("a1 = a0 # a0") made a value of
    # 2^40 characters, and the process was killed for its memory
    budget = [expansion_budget(len(text))]
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    titles: list[str] = []
    at = 0
    while (m := _ENTRY_RE.search(text, at)) is not None:
        kind = m[1].lower()
        close = "}" if m[2] == "{" else ")"
        end = _closing(text, m.end(), close)
        body = text[m.end(): end]
        at = end + 1
        if kind == "comment":
            continue
        if kind == "preamble":
            dropped.append(Dropped(Block("paragraph", one_line(body)), "a BibTeX preamble "
                                   "(LaTeX for the bibliography, not a reference)"))
            continue
        try:
            if kind == "string":
                strings.update(_fields(body, strings, budget))
                continue
            key, _, rest = body.partition(",")
            fields = _fields(rest, strings, budget)
        except _Broken as err:
            dropped.append(Dropped(Block("paragraph", one_line(body)[:200]),
                                   f"a BibTeX entry that cannot be read ({err})"))
            continue
        entry = _entry(kind, key.strip(), fields)
        blocks.extend(entry[0])
        dropped.extend(entry[1])
        titles.append(entry[0][0].text)
    if not blocks:
        raise ValueError("a BibTeX file with no entry")
    meta = {"title": titles[0]} if len(titles) == 1 and usable_title(titles[0]) else {}
    return Parsed(blocks, meta=meta, web=False, dropped=dropped)


def _closing(text: str, at: int, close: str) -> int:
    """Where the entry opened just before ``at`` closes (its ``close``, braces balanced); the
    text's end when it never does."""
    depth = 0
    for i in range(at, len(text)):
        ch = text[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            if depth == 0:
                return i if close == "}" else len(text)
            depth -= 1
        elif ch == close and depth == 0:
            return i
    return len(text)


def _fields(body: str, strings: dict[str, str], budget: list[int]) -> dict[str, str]:
    """The ``name = value`` fields of an entry's body (after its key), lower-case names; each
    value's length taken from ``budget`` (what the values may yet hold, ``expansion_budget``)."""
    out: dict[str, str] = {}
    at, n = 0, len(body)
    while True:
        while at < n and body[at] in " \t\r\n,":
            at += 1
        if at >= n:
            return out
        m = _NAME_RE.match(body, at)
        if m is None:
            raise _Broken(f"no field name at {body[at:at + 20]!r}")
        name, at = m[0].lower(), m.end()
        while at < n and body[at].isspace():
            at += 1
        if at >= n or body[at] != "=":
            raise _Broken(f"field {name!r} has no value")
        value, at = _value(body, at + 1, strings, budget[0])
        budget[0] -= len(value)
        out[name] = value


def _value(body: str, at: int, strings: dict[str, str], most: int) -> tuple[str, int]:
    """A field's value from ``at``: its pieces (braced, quoted, a number, an abbreviation)
    joined by ``#``, ``most`` characters at most; and where it ends."""
    pieces: list[str] = []
    n = len(body)
    while True:
        while at < n and body[at].isspace():
            at += 1
        if at >= n:
            raise _Broken("a value is missing")
        ch = body[at]
        if ch == "{":
            end = _group_end(body, at, "}")
            pieces.append(body[at + 1: end])
        elif ch == '"':
            end = _group_end(body, at, '"')
            pieces.append(body[at + 1: end])
        else:
            m = _NAME_RE.match(body, at) or re.compile(r"\d+").match(body, at)
            if m is None:
                raise _Broken(f"no value at {body[at:at + 20]!r}")
            word = m[0]
            pieces.append(word if word.isdigit() else strings.get(word.lower(), word))
            end = m.end() - 1
        at = end + 1
        while at < n and body[at].isspace():
            at += 1
        if sum(map(len, pieces)) > most:
            raise _Broken("its @string abbreviations expand past what qabot reads")
        if at < n and body[at] == "#":
            at += 1
            continue
        return "".join(pieces), at


def _group_end(body: str, at: int, close: str) -> int:
    """Where the value opened at ``at`` (a brace or a quote) ends, braces balanced inside."""
    depth = 0
    for i in range(at + 1, len(body)):
        ch = body[i]
        if ch == "\\":
            continue
        if ch == "{" and body[i - 1] != "\\":
            depth += 1
        elif ch == "}" and body[i - 1] != "\\":
            if depth == 0:
                if close == "}":
                    return i
                raise _Broken("a brace closed that was never opened")
            depth -= 1
        elif ch == close and depth == 0:
            return i
    raise _Broken("a value never closed")


def _entry(kind: str, key: str, fields: dict[str, str]) -> tuple[list[Block], list[Dropped]]:
    """An entry's blocks (its title heading it, a line of its fields, its abstract and note)
    and the fields left out."""
    title = inline(fields.get("title", "")) or key or kind
    section = (title,)
    blocks = [Block("heading", title, section, level=1)]
    shown = []
    for name, label in _SHOWN.items():
        if name in fields and (value := _rendered(name, fields[name])):
            shown.append(f"{label}: {value}")
    if shown:  # a reference's line ends as a sentence does: no sentence after it runs on
        line = "; ".join(shown)
        blocks.append(Block("table_row", line if line[-1] in ".?!" else line + ".", section))
    blocks += [Block("paragraph", text, section) for name in _PROSE if name in fields
               and (text := inline(fields[name]))]
    left = [name for name in fields if name != "title" and name not in _SHOWN
            and name not in _PROSE]
    dropped = [Dropped(Block("paragraph", f"{name}: {one_line(fields[name])}"[:200], section),
                       "a BibTeX field a reference list does not show") for name in left]
    return blocks, dropped


def _rendered(name: str, value: str) -> str:
    """A shown field's value as a reference list prints it."""
    if name in ("author", "editor"):
        return _names(value)
    if name in ("url", "doi"):
        return one_line(value)
    return inline(value)


def _names(value: str) -> str:
    """BibTeX's "Lee, Ann and Smith, Bob and others" as "Ann Lee, Bob Smith et al."."""
    out = []
    others = False
    for name in _split(value, r"\s+and\s+"):
        if name.strip().lower() == "others":
            others = True
            continue
        # "von Last, Jr, First" -> "First von Last Jr"; "Last, First" -> "First Last"; a
        # name in braces ("{Barnes and Noble, Inc.}") is one name as written
        parts = [inline(p) for p in _split(name, r",")]
        parts = [p for p in parts if p]
        if parts:
            out.append(" ".join([parts[-1], parts[0], *parts[1:-1]]) if len(parts) > 1
                       else parts[0])
    if others:
        return ", ".join(out) + " et al."
    return " and ".join(out) if len(out) <= 2 else ", ".join(out[:-1]) + " and " + out[-1]


def _split(value: str, separator: str) -> list[str]:
    """``value`` split at ``separator`` where it stands outside braces."""
    pieces, depth, start = [], 0, 0
    for m in re.finditer(r"[{}]|" + separator, value):
        if m[0] == "{":
            depth += 1
        elif m[0] == "}":
            depth -= 1
        elif depth == 0:
            pieces.append(value[start: m.start()])
            start = m.end()
    pieces.append(value[start:])
    return pieces


__all__ = ["MAX_BIB_BYTES", "read_bibtex"]
