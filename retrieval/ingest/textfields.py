"""Runs of fields in a plain text: "Label: value" lines read one field each, not as one sentence.

A record laid out as an e-mail's header or a Debian control file is (RFC 822's fields)::

    What: -Zlzma (dpkg-deb option value)
    Status: removed
    When: 1.18.11
    Why:
     LZMA compression has some format deficiencies fixed by XZ, ...

is a run of fields, each a line at the block's margin opening with a short label (up to three
words, the first capitalised) and a colon, its value after it. Lines indented under a field
are its body (a label with no value on its line, "Why:", takes them as its value), or go on
with its value when they open in lower case (a value folded, as RFC 822 folds it); so does a
line at the margin opening in lower case. A run is three fields or more
in a row, or a block that is two fields or more and their bodies: prose whose line happens to
open with "Note: ..." is no run, and reads on as it did.

``record_parts`` cuts a block into its runs of fields (``Record`` values: ``Field`` values and
the text around them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a field's label: up to three words, the first capitalised ("Status", "Upstream-Name", "Swift
# code"); the plain-text reader's other field-like lines are made of it too (``text.py``)
LABEL = r"[A-Z][\w-]*(?: [\w-]+){0,2}"
# a label, then a colon and the value, or nothing (the value is the body under it)
_FIELD_RE = re.compile(rf"^({LABEL}):(?:[ \t]+(\S.*))?$")
_MAX_LABEL_CHARS = 30
_MIN_RUN = 3  # fields in a row, in a block with other lines
_MIN_BLOCK = 2  # fields making up a whole block


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record: its label, its value on the label's line (with the lines going
    on with it), and its body, the lines indented under it (stripped)."""

    label: str
    value: str
    body: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Record:
    """A run of fields, and the lines of its block before and after it (stripped): the block's
    text, read as such, but never a heading over the fields ("What --forget-old-unavail" over
    "Status: obsolete" is a field whose colon was left out)."""

    before: tuple[str, ...]
    fields: tuple[Field, ...]
    after: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Line:
    text: str  # stripped
    indent: int
    field: tuple[str, str] | None  # (label, value) when it reads as a field at the margin


Part = str | Record  # a block of lines, or a run of fields


def record_parts(block: str) -> list[str | Record]:
    """``block`` (lines as written, indentation kept) as its runs of fields, each with the
    lines of the block before and after it; ``[block]`` when it holds no run. A block that is
    nothing but fields one a line, none with a body, is left whole: the plain-text reader reads
    it a line each already."""
    lines = [ln.expandtabs() for ln in block.split("\n") if ln.strip()]
    if len(lines) < _MIN_BLOCK:
        return [block]
    indents = [len(ln) - len(ln.lstrip()) for ln in lines]
    margin = min(indents)
    read = [_Line(ln.strip(), at, _field(ln.strip()) if at == margin else None)
            for ln, at in zip(lines, indents, strict=True)]
    if sum(r.field is not None for r in read) < _MIN_BLOCK:
        return [block]
    groups = _groups(read, margin)
    runs = _runs(groups, margin)
    if not runs or (runs == [(0, len(groups))] and all(len(g) == 1 for g in groups)):
        return [block]  # no run; or fields a line each, and nothing else: read so already
    parts: list[str | Record] = []
    at = 0
    for k, (start, end) in enumerate(runs):
        after = runs[k + 1][0] if k + 1 < len(runs) else len(groups)
        parts.append(Record(_texts(groups[at:start]),
                            tuple(_to_field(g, margin) for g in groups[start:end]),
                            _texts(groups[end:after])))
        at = after
    return parts


def _texts(groups: list[list[_Line]]) -> tuple[str, ...]:
    return tuple(r.text for g in groups for r in g)


def _field(line: str) -> tuple[str, str] | None:
    m = _FIELD_RE.match(line)
    if not m or len(m.group(1)) > _MAX_LABEL_CHARS:
        return None
    return m.group(1), (m.group(2) or "").strip()


def _groups(read: list[_Line], margin: int) -> list[list[_Line]]:
    """The lines gathered under the field or margin line they go on from: indented lines, and
    lines at the margin opening in lower case, join the group before them."""
    groups: list[list[_Line]] = []
    for r in read:
        goes_on = r.indent > margin or (r.field is None and r.text[:1].islower())
        if groups and goes_on:
            groups[-1].append(r)
        else:
            groups.append([r])
    return groups


def _runs(groups: list[list[_Line]], margin: int) -> list[tuple[int, int]]:
    """The runs of fields among ``groups``, as (start, end): three in a row at least, or every
    group of the block (two at least). A label alone on its line must have a body under it."""
    def is_field(g: list[_Line]) -> bool:
        f = g[0].field
        return f is not None and (bool(f[1]) or any(r.indent > margin for r in g[1:]))

    runs: list[tuple[int, int]] = []
    start = None
    for i, g in enumerate([*groups, None]):
        if g is not None and is_field(g):
            start = i if start is None else start
            continue
        if start is not None and (i - start >= _MIN_RUN
                                  or (start == 0 and i == len(groups) and i >= _MIN_BLOCK)):
            runs.append((start, i))
        start = None
    return runs


def _to_field(group: list[_Line], margin: int) -> Field:
    label, value = group[0].field or ("", "")
    rest = group[1:]
    goes_on = []
    while rest and rest[0].indent == margin:  # lower-case lines at the margin: the value goes on
        goes_on.append(rest.pop(0).text)
    if value and rest and rest[0].text[:1].islower():  # the value folded onto lines under it
        goes_on.extend(r.text for r in rest)
        rest = []
    value = " ".join([value, *goes_on]).strip()
    return Field(label, value, tuple(r.text for r in rest))
