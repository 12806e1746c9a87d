"""Passages packed into a collection's flat arrays: their texts' UTF-8 back to back with offsets
and CRC-32s, their sentence spans and flags, sections, pages and languages (``PassagePacker``,
one passage at a time; ``pack``, all at once), and sentence spans in the type a collection keeps
them in (``bounds_array``)."""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Sequence

import numpy as np

from .collection import CODE_AFTER, Collection, without_code
from .heap import release_freed_memory
from .ingest.segment import words
from .sources import Source
from .spans import sentence_layout


def pack(
    sources: Sequence[Source],
    passage_doc: Sequence[int] | np.ndarray,
    texts: Sequence[str],
    *,
    quote: Sequence[Sequence[int]] | None = None,
    passage_section: Sequence[int] | None = None,
    passage_page: Sequence[int] | None = None,
    passage_lang: Sequence[str] | None = None,
    sections: Sequence[str] = (),
    spans: Sequence[tuple[array[int], array[int]]] | None = None,
) -> Collection:
    """Lay out passages and their sentence spans in flat arrays.

    ``quote`` says for each passage how each of its lines may be quoted (``sieve.QUOTE_*``,
    with ``ITEM_LINE`` for a list item's or table row's line; default: as prose, the web-page
    rule); sections and pages default to none; ``spans``: each passage's
    ``sentence_layout`` when already made (by a worker process).
    """
    packer = PassagePacker()
    for i, text in enumerate(texts):
        packer.add(text, int(passage_doc[i]), quote=None if quote is None else quote[i],
                   spans=None if spans is None else spans[i],
                   section=-1 if passage_section is None else passage_section[i],
                   page=0 if passage_page is None else passage_page[i],
                   lang="" if not passage_lang else passage_lang[i])
    return packer.collection(sources, sections)


class PassagePacker:
    """Passages appended one at a time (``add``) to growing flat arrays: their texts' UTF-8
    back to back, their sentence spans, sections, pages and languages; then the ``Collection``
    over those arrays (``collection``, asked for once, after the last ``add``).

    An array smaller than glibc's mmap threshold (up to 32 MB) grows by ``realloc`` inside the
    heap, and each block it outgrows is left there, freed but resident: packing a million
    passages after an index build (whose freed temporaries leave the heap large) grew the
    process by about 900 MB for 610 MB of arrays. Handing the freed blocks back every
    ``TRIM_EVERY`` passages keeps that to what the arrays hold."""

    TRIM_EVERY = 20_000

    def __init__(self) -> None:
        self.passage_doc = array("i")
        self.blob = bytearray()  # every passage's UTF-8 text, back to back
        self.offsets = array("q", [0])
        self.crc = array("I")
        self.sent_indptr = array("q", [0])
        # start, end, start, end, ...: 4 bytes a sentence while every passage is shorter than
        # 65,536 characters (33 -> 17 MB at a million passages), 8 once one is not
        self.bounds = array("H")
        self.flags = array("B")  # each sentence's QUOTABLE | ITEM | FIRST
        self.passage_section = array("i")
        self.passage_page = array("i")
        # each passage's language code as ``Collection.passage_lang`` holds it (S3: 3 bytes,
        # cut or padded with NULs): a list of a million codes, then copied, was 11 MB more at
        # the end of packing, the peak of a benchmark that packs after building its index
        self.passage_lang = bytearray()

    def add(self, text: str, doc: int, *, quote: Sequence[int] | None = None,
            spans: tuple[array[int], array[int]] | None = None, section: int = -1,
            page: int = 0, lang: str = "") -> None:
        """Append one passage of document ``doc``: its lines quoted by ``quote`` (default: as
        prose), or its ``sentence_layout`` already made (``spans``)."""
        b, f = spans if spans is not None else sentence_layout(text, quote)
        if len(text) > WIDE_BOUND and self.bounds.typecode == "H":
            self.bounds = array("i", self.bounds)
        self.bounds.fromlist(b.tolist())
        self.flags.extend(f)
        self.sent_indptr.append(len(self.bounds) // 2)
        data = text.encode("utf-8")
        self.blob += data
        self.offsets.append(len(self.blob))
        self.crc.append(zlib.crc32(data))
        self.passage_doc.append(doc)
        self.passage_section.append(section)
        self.passage_page.append(page)
        self.passage_lang += _lang_bytes(lang)
        if len(self.passage_doc) % self.TRIM_EVERY == 0:
            release_freed_memory()

    def extend(self, other: PassagePacker, doc: int, sections: np.ndarray) -> None:
        """Append the passages ``other`` packed (in a worker process: its chunk of a corpus),
        as ``add`` would have one by one: its documents numbered from ``doc``, its sections
        by ``sections`` (each of its section ids' here)."""
        first = len(self.passage_doc)
        if other.bounds.typecode != self.bounds.typecode:  # a passage of either was wide
            if self.bounds.typecode == "H":
                self.bounds = array("i", self.bounds)
            self.bounds.extend(array("i", other.bounds))
        else:
            self.bounds.extend(other.bounds)
        self.flags.extend(other.flags)
        self.sent_indptr.frombytes(
            (_int64s(other.sent_indptr)[1:] + self.sent_indptr[-1]).tobytes())
        self.offsets.frombytes((_int64s(other.offsets)[1:] + len(self.blob)).tobytes())
        self.blob += other.blob
        self.crc.extend(other.crc)
        self.passage_doc.frombytes(
            (np.frombuffer(other.passage_doc, dtype=np.int32) + np.int32(doc)).tobytes())
        section = np.frombuffer(other.passage_section, dtype=np.int32)
        self.passage_section.frombytes(
            np.where(section >= 0, sections[np.maximum(section, 0)] if len(sections) else -1,
                     -1).astype(np.int32).tobytes())
        self.passage_page.extend(other.passage_page)
        self.passage_lang += other.passage_lang
        if first // self.TRIM_EVERY != len(self.passage_doc) // self.TRIM_EVERY:
            release_freed_memory()

    def set_lang(self, i: int, lang: str) -> None:
        """Passage ``i``'s language, told after it was added."""
        self.passage_lang[i * LANG_BYTES : (i + 1) * LANG_BYTES] = _lang_bytes(lang)

    def text(self, i: int, code: bool = True) -> str:
        """Passage ``i``'s text (without ``code``: as indexed, ``without_code``)."""
        text = self.blob[self.offsets[i] : self.offsets[i + 1]].decode("utf-8")
        lo, hi = self.sent_indptr[i], self.sent_indptr[i + 1]
        flags = self.flags[lo:hi]
        if code or not any(f & CODE_AFTER for f in flags):
            return text
        spans = self.bounds[2 * lo : 2 * hi]
        return without_code(text, list(zip(spans[::2], spans[1::2], strict=True)), flags)

    def collection(self, sources: Sequence[Source], sections: Sequence[str]) -> Collection:
        """The collection of the passages added, of ``sources``, over this packer's buffers.
        The words of the last paragraphs read, which laying out remembers
        (``segment.words``), are let go: of no use once every passage is laid out, they were
        about 5 MB of strings held for good (answering asks for few)."""
        words.cache_clear()
        return Collection(
            sources=sources,
            passage_doc=np.frombuffer(self.passage_doc, dtype=np.int32),
            text_offsets=np.frombuffer(self.offsets, dtype=np.int64),
            text_blob=np.frombuffer(self.blob, dtype=np.uint8),
            passage_crc=np.frombuffer(self.crc, dtype=np.uint32),
            sent_indptr=np.frombuffer(self.sent_indptr, dtype=np.int64),
            sent_bounds=np.frombuffer(self.bounds, dtype=np.uint16 if self.bounds.typecode == "H"
                                      else np.int32).reshape(-1, 2),  # no copy
            sent_flags=np.frombuffer(self.flags, dtype=np.uint8),
            passage_section=np.frombuffer(self.passage_section, dtype=np.int32),
            passage_page=np.frombuffer(self.passage_page, dtype=np.int32),
            passage_lang=np.frombuffer(self.passage_lang, dtype=f"S{LANG_BYTES}"),
            sections=list(sections),
        )


# Bytes of a passage's language code in ``Collection.passage_lang`` (its dtype is S3).
LANG_BYTES = 3


def _lang_bytes(lang: str) -> bytes:
    """A language code as ``Collection.passage_lang`` holds it: cut or padded with NULs."""
    return lang.encode()[:LANG_BYTES].ljust(LANG_BYTES, b"\0")


def _int64s(values: array[int]) -> np.ndarray:
    return np.frombuffer(values, dtype=np.int64)


# The largest sentence bound a uint16 holds: a span's end is at most its passage's length.
WIDE_BOUND = 0xFFFF


def bounds_array(bounds: np.ndarray) -> np.ndarray:
    """Sentence spans ((n, 2) integers) in the type a collection keeps them in: uint16 when
    every one fits, else int32."""
    fits = len(bounds) == 0 or int(bounds.max()) <= WIDE_BOUND
    return bounds.astype(np.uint16 if fits else np.int32, copy=False).reshape(-1, 2)
