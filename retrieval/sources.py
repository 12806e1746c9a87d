"""What a citation says about a document (``Source``), and the tables a collection keeps
sources in: by column, as a snapshot saves them (``SourceTable``), or packed as a build adds them
(``PackedSources``), a ``Source`` made only when one is read; and their fields read by column
whatever holds them (``source_columns``, ``source_fields``, ``source_ids``).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from typing import overload

import numpy as np

from .ondemand import OnDemand


@dataclass(frozen=True, slots=True)
class Source:
    """What a citation says about a document."""

    id: str
    title: str
    url: str | None = None
    publisher: str | None = None
    published: str | None = None

    def __reduce__(self) -> tuple[type[Source], tuple[str, str, str | None, str | None,
                                                       str | None]]:
        """Pickled as its fields, made again by ``Source(...)``: a frozen dataclass's own
        ``__setstate__`` looks its fields up for each object (9 us; sources come back from
        index workers by the hundred thousand)."""
        return Source, (self.id, self.title, self.url, self.publisher, self.published)


class SourceTable(OnDemand[Source]):
    """Sources kept by column, as saved: a ``Source`` is made only when one is read, so opening a
    corpus of 100,000 documents does not build 100,000 objects."""

    FIELDS = tuple(f.name for f in fields(Source))

    def __init__(self, columns: dict[str, list[str | None]]) -> None:
        self.columns = columns
        self._n = len(columns["id"])

    @classmethod
    def of(cls, sources: Iterable[Source]) -> SourceTable:
        return cls(source_columns(list(sources)))

    def __len__(self) -> int:
        return self._n

    def _at(self, i: int) -> Source:
        return Source(*(self.columns[name][i] for name in self.FIELDS))  # type: ignore[arg-type]


class PackedSources(OnDemand[Source]):
    """Sources packed as they are added (``append``): each one's fields as UTF-8, back to back in
    one buffer, with one offset per source, and a ``Source`` made only when one is read, so that
    a build of a million documents does not hold a million ``Source`` objects and their strings
    (about 330 bytes a document against 130, or 30 when its title is its first words).

    A row is its fields in ``Source`` order joined by ``SEPARATOR``, a field that is ``None``
    written as ``NONE``: neither byte occurs in UTF-8, so no text can be taken for them. A title
    that begins with the first words of its document's first passage (a title taken from the
    text, shortened or not) is written as where those words are in ``texts`` (the passages'
    UTF-8, ``packing.PassagePacker.blob``) and what follows them: ``AT``, the byte offset and
    length in ASCII digits (``b"1024,97;"``), then the rest of the title's UTF-8 (an ellipsis,
    say), when that is shorter than the title."""

    SEPARATOR = b"\xff"
    NONE = b"\xfe"
    AT = b"\xfd"  # a title read from ``texts``, as ``AT`` + b"offset,length;" + what follows
    RECENT = 4096  # Sources kept once read: ranking reads each candidate's title, again and again

    def __init__(self, texts: bytearray | None = None) -> None:
        self.blob = bytearray()
        self.offsets = array("q", [0])
        self.texts = texts if texts is not None else bytearray()
        self._recent: dict[int, Source] = {}

    def append(self, source: Source, start: int | None = None) -> None:
        """Add ``source``; ``start``: where its document's first passage begins in ``texts``
        (its title is written as a place there when it begins with that passage's words)."""
        none = self.NONE
        self.blob += self.SEPARATOR.join([
            _utf8(source.id), self._title(_utf8(source.title), start),
            *(none if v is None else _utf8(v)
              for v in (source.url, source.publisher, source.published))])
        self.offsets.append(len(self.blob))

    def _title(self, title: bytes, start: int | None) -> bytes:
        """``title`` as written in a row: the place in ``texts`` from ``start`` on that holds
        its first bytes and the rest of it, when that is shorter."""
        if start is None:
            return title
        texts = self.texts
        lo, hi = 0, max(0, min(len(title), len(texts) - start))  # title[:lo] is at start
        if texts[start : start + hi] == title[:hi]:
            lo = hi
        while lo < hi:  # the longest such prefix: a shortened title ends on "…" not in the text
            mid = (lo + hi + 1) // 2
            if texts[start : start + mid] == title[:mid]:
                lo = mid
            else:
                hi = mid - 1
        at = self._place(start, lo, title[lo:])
        return at if len(at) < len(title) else title

    def _place(self, start: int, n: int, rest: bytes | bytearray) -> bytes:
        """A title written as the ``n`` bytes of ``texts`` from ``start`` and then ``rest``
        (``_AT_FIELD_RE`` finds it in a row)."""
        return self.AT + b"%d,%d;" % (start, n) + rest

    def extend(self, other: PackedSources, shift: int) -> None:
        """Append the sources ``other`` packed (in a worker process), whose ``texts`` are at
        ``shift`` in this one's: each title written as a place in them moved by ``shift``, or
        written out when the place is no longer shorter, as ``append`` would have."""
        if not shift or self.AT not in other.blob:
            self.offsets.frombytes(
                (np.frombuffer(other.offsets, dtype=np.int64)[1:] + len(self.blob)).tobytes())
            self.blob += other.blob
            return
        blob, offsets = other.blob, other.offsets
        for i in range(len(other)):
            row = blob[offsets[i] : offsets[i + 1]]
            m = _AT_FIELD_RE.search(row)
            if m is not None:
                start, n = int(m[1]) + shift, int(m[2])
                end = row.find(self.SEPARATOR, m.end())
                rest = row[m.end() : end]
                at = self._place(start, n, rest)
                title = at if len(at) < n + len(rest) else self.texts[start : start + n] + rest
                row = row[: m.start() + 1] + title + row[end:]
            self.blob += row
            self.offsets.append(len(self.blob))

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @overload
    def __getitem__(self, i: int) -> Source: ...
    @overload
    def __getitem__(self, i: slice) -> list[Source]: ...
    def __getitem__(self, i: int | slice) -> Source | list[Source]:
        if isinstance(i, int) and i >= 0:  # the common case, without ``OnDemand``'s checks
            src = self._recent.get(i)
            if src is not None:
                return src
        return super().__getitem__(i)

    def _row(self, i: int) -> list[bytearray]:
        return self.blob[self.offsets[i] : self.offsets[i + 1]].split(self.SEPARATOR)

    def _at(self, i: int) -> Source:
        doc_id, title, url, publisher, published = self._row(i)
        none = self.NONE
        src = Source(_text(doc_id), self._title_text(title), None if url == none else _text(url),
                     None if publisher == none else _text(publisher),
                     None if published == none else _text(published))
        if len(self._recent) >= self.RECENT:
            self._recent.clear()
        self._recent[i] = src
        return src

    def _title_text(self, field: bytearray) -> str:
        """A row's title field read: its text, or the text at the place in ``texts`` it names
        followed by the rest."""
        if not field.startswith(self.AT):
            return _text(field)
        end = field.index(b";")
        start, n = map(int, field[1:end].split(b","))
        return _text(self.texts[start : start + n] + field[end + 1 :])

    def ids(self) -> Iterator[str]:
        """Every source's id, in order, each decoded as it is read."""
        blob, offsets, separator = self.blob, self.offsets, self.SEPARATOR
        for i in range(len(self)):
            lo = offsets[i]
            yield _text(blob[lo : blob.index(separator, lo)])

    def values(self, name: str) -> Iterator[str | None]:
        """One field of every source, in order, each decoded as it is read
        (``SourceTable.FIELDS`` names them)."""
        k = SourceTable.FIELDS.index(name)
        if k == 1:
            return (self._title_text(self._row(i)[1]) for i in range(len(self)))
        if k == 0:  # ids are never None
            return self.ids()
        return (None if v == self.NONE else _text(v)
                for v in (self._row(i)[k] for i in range(len(self))))


# A title field written as a place in the passages' text (``PackedSources.AT``): the only
# field that follows a separator with ``AT`` (neither byte occurs in UTF-8)
_AT_FIELD_RE = re.compile(rb"\xff\xfd(\d+),(\d+);")


def _utf8(text: str) -> bytes:
    # a lone surrogate (a file name's undecodable byte) kept as it came, not refused
    return text.encode("utf-8", "surrogatepass")


def _text(data: bytes | bytearray) -> str:
    return data.decode("utf-8", "surrogatepass")


def source_columns(sources: Sequence[Source]) -> dict[str, list[str | None]]:
    """The sources' fields by column, as ``SourceTable`` keeps them, without making a
    ``Source`` of each when they are a table or packed."""
    if isinstance(sources, SourceTable):
        return sources.columns
    return {name: list(values) for name, values in source_fields(sources)}


def source_fields(sources: Sequence[Source]) -> Iterator[tuple[str, Iterator[str | None]]]:
    """Each field's name and its values, source after source, one value at a time (as a
    snapshot saves them: no list of a column, no ``Source`` made when they are packed)."""
    for name in SourceTable.FIELDS:
        if isinstance(sources, SourceTable):
            yield name, iter(sources.columns[name])
        elif isinstance(sources, PackedSources):
            yield name, sources.values(name)
        else:  # attributes read directly: dataclasses.astuple deep-copies
            yield name, (getattr(s, name) for s in sources)


def source_ids(sources: Sequence[Source]) -> list[str]:
    """The sources' ids, in order (read by column when they are a table or packed)."""
    return list(each_source_id(sources))


def each_source_id(sources: Sequence[Source]) -> Iterator[str]:
    """The sources' ids, in order, one at a time: a walk over them that holds no list of
    every id (read by column when they are a table or packed)."""
    if isinstance(sources, SourceTable):
        return (str(i) for i in sources.columns["id"])
    if isinstance(sources, PackedSources):
        return sources.ids()
    return (s.id for s in sources)
