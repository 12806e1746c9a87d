"""Documents laid out in passages: sieved, titled, cut at sections and pages, each passage's
language found; then packed into a ``Collection``.

    collection, texts = build_collection(docs)            # in one process
    laid = lay_out(doc, parsed_of(doc), repeated)         # one document (in a worker process)
    collection, texts = pack_laid(laid_documents)         # then all of them, in order
    packer.add(laid)                                      # ... or one at a time (``Packer``)
"""

from __future__ import annotations

from array import array
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import groupby

import numpy as np

from .collection import (
    CODE_LINE,
    ITEM_LINE,
    Collection,
    IndexedTexts,
    PassageTexts,
)
from .corpus import Document
from .detection import detect_parts
from .ingest.blocks import Parsed
from .ingest.read import printable
from .ingest.repeated import RepeatedLines, repeated_in
from .ingest.segment import group_lines
from .ingest.sieve import Kept, sieve
from .ingest.text import read_plain
from .language import ENGLISH, normalised
from .packing import PassagePacker
from .sources import PackedSources, Source
from .spans import sentence_layout
from .titles import title_of

SECTION_SEPARATOR = " › "


def build_collection(docs: Sequence[Document], language: str | None = None
                     ) -> tuple[Collection, list[str]]:
    """Read, sieve, title and segment ``docs``; returns the collection and the passage texts
    as indexed (without their lines of code: ``collection.IndexedTexts``).

    Documents with nothing quotable left are left out (the caller warns about them). A passage
    never spans two sections or two pages.
    """
    parsed = [parsed_of(d) for d in docs]
    repeated = RepeatedLines(repeated_in(parsed))
    collection, texts = pack_laid([lay_out(d, p, repeated, language)
                                   for d, p in zip(docs, parsed, strict=True)])
    return collection, list(texts)


@dataclass(frozen=True, slots=True)
class Laid:
    """One document laid out in passages: its citation, and each passage's lines (text and
    how it may be quoted), section path (``None``: under no heading) and page (0: none)."""

    source: Source
    passages: list[list[tuple[str, int]]]
    sections: list[str | None]
    pages: list[int]
    # each passage's language ("" for English); None: not yet known (``lay_out``)
    langs: list[str] | None = field(default_factory=list)
    spans: list[tuple[array[int], array[int]]] | None = None  # each passage's sentence_layout

    def __reduce__(self) -> tuple[type[Laid], tuple[object, ...]]:
        """Pickled as its fields (``Source.__reduce__`` says why)."""
        return Laid, (self.source, self.passages, self.sections, self.pages, self.langs,
                      self.spans)

    def texts(self) -> list[str]:
        return passage_texts(self.passages)

    def languages(self) -> list[str]:
        """Each passage's language ("" for English): ``langs``, or when ``lay_out`` left them
        to be told, told now (with the detection model)."""
        if self.langs is not None:
            return self.langs
        return [_code(c) for c in detect_parts(passage_texts(self.passages, code=False)) or []]

    def with_spans(self) -> Laid:
        """This document with its passages' sentences laid out too (in a worker process)."""
        return Laid(self.source, self.passages, self.sections, self.pages, self.langs,
                    [sentence_layout(text, [q for _, q in g])
                     for text, g in zip(self.texts(), self.passages, strict=True)])


def passage_texts(passages: Sequence[Sequence[tuple[str, int]]], code: bool = True
                  ) -> list[str]:
    """Each passage's text: its lines (text, quote tag) joined; without ``code``, its lines of
    code left out (what its language is told from, as its index terms are)."""
    return ["\n".join(t for t, q in g if code or not q & CODE_LINE) for g in passages]


# Why a document ``lay_out`` leaves nothing of is not indexed (`qabot index`, `qabot show`)
NOTHING_QUOTABLE = "no prose left after cleaning"


def lay_out(doc: Document, parsed: Parsed, repeated: Container[str],
            language: str | None = None) -> Laid | None:
    """``doc`` sieved (``repeated``: the normalised paragraphs repeated across the corpus),
    titled, cut into passages and each passage's language found (``language``: the corpus's,
    when it is set; else the one the document declares, else detected); ``None`` when nothing
    quotable is left."""
    sieved = sieve(parsed, repeated)
    if not sieved.quotable:
        return None
    title = title_of(doc, parsed, sieved)
    passages: list[list[tuple[str, int]]] = []
    sections: list[str | None] = []
    pages: list[int] = []
    for (path, page), run in groupby(sieved.kept, key=lambda k: (k.block.section,
                                                                 k.block.page)):
        # under a heading, if only the page's own (its section reads "", its title says it)
        section = section_name(path, title) if path else None
        kept = list(run)
        for group in _with_code(group_lines(((k.block.text, (n, k.quote | (
                ITEM_LINE if k.block.kind in ("list_item", "table_row") else 0)))
                for n, k in enumerate(kept)), is_item=lambda tag: _is_item(tag[1])), kept):
            passages.append(group)
            sections.append(section)
            pages.append(page or 0)
    fixed = normalised(language) or normalised(doc.lang or parsed.meta.get("lang"))
    # without the detection model: documents that do not read as English are told by
    # ``pack_laid``, in one process, which loads the model once (not once per index worker)
    if not fixed and parsed.english and len(passages) == 1:
        fixed = ENGLISH  # read_plain found it English: its one passage is
    langs = detect_parts(passage_texts(passages, code=False), fixed, model=False)
    return Laid(Source(doc.id, title, doc.url, doc.publisher, doc.published), passages, sections,
                pages, None if langs is None else [_code(c) for c in langs])


def _is_item(tag: int) -> bool:
    return bool(tag & ITEM_LINE)


def _with_code(groups: list[list[tuple[str, tuple[int, int]]]], kept: Sequence[Kept]
               ) -> list[list[tuple[str, int]]]:
    """The passages ``group_lines`` made of the ``kept`` blocks' lines (each tagged with its
    block's number and quote rule), each block's code lines (``Kept.code``, tagged
    ``CODE_LINE``) put right after its last piece: passages cut as they were without them
    (code is no part of a passage's size), the code in its lead-in's passage."""
    out: list[list[tuple[str, int]]] = []
    pieces = [(g, text, n, tag) for g, group in enumerate(groups) for text, (n, tag) in group]
    for at, (g, text, n, tag) in enumerate(pieces):
        if g == len(out):
            out.append([])
        out[g].append((text, tag))
        if kept[n].code and (at + 1 == len(pieces) or pieces[at + 1][2] != n):
            out[g].extend((line, CODE_LINE) for line in kept[n].code)
    return out


def _code(lang: str) -> str:
    return "" if lang == ENGLISH else lang


def pack_laid(laid: Iterable[Laid | None]) -> tuple[Collection, PassageTexts]:
    """The collection of laid-out documents (``None``: left out), and its passage texts as
    indexed (``IndexedTexts``: read from its text buffer when asked for)."""
    packer = Packer()
    for d in laid:
        packer.add(d)
    collection = packer.collection()
    return collection, IndexedTexts(collection)


class Packer:
    """Laid-out documents packed into a ``Collection`` as they come (``add``), each one's
    passages appended to growing flat arrays (``packing.PassagePacker``) and its ``Laid``
    let go: a build holds the corpus's passages once, packed, never as every document's Python
    objects at once.

        packer = Packer()
        for d in laid_documents:      # in corpus order, batch by batch
            packer.add(d)
        collection = packer.collection()

    A worker process packs its chunk of documents in a packer of its own (``tell=False``), sent
    back whole, and the building process appends it (``extend``): what comes back is a few
    flat arrays, not a ``Laid`` of Python objects a document to unpickle (which cost the
    building process more than packing them). The languages a worker could not tell without
    the detection model (``lay_out`` leaves them ``None``) are told by the packer it is
    appended to, which loads the model once (not once a worker).
    """

    def __init__(self, tell: bool = True) -> None:
        self.passages = PassagePacker()
        self.sources = PackedSources(self.passages.blob)  # titles read from the passages
        self.sections: dict[str, int] = {}
        self.tell = tell
        # (``tell`` False) the documents added whose passages' languages are left to be told
        self.untold: list[int] = []

    def add(self, d: Laid | None) -> None:
        """Append one document's passages (``None``: a document left out)."""
        if d is None:
            return
        doc, start = len(self.sources), len(self.passages.blob)
        if d.langs is None and not self.tell:
            self.untold.append(doc)
            langs = [""] * len(d.passages)
        else:
            langs = d.languages()
        for i, (group, lang, name, page) in enumerate(zip(
                d.passages, langs, d.sections, d.pages, strict=True)):
            self.passages.add(
                "\n".join(t for t, _ in group), doc, quote=[q for _, q in group],
                spans=None if d.spans is None else d.spans[i],
                section=-1 if name is None else self.sections.setdefault(name,
                                                                         len(self.sections)),
                page=page, lang=lang)
        self.sources.append(d.source, start)  # after its passages: its title may be their words

    def extend(self, other: Packer) -> None:
        """Append the documents ``other`` packed (after those added here, in corpus order),
        as ``add`` would have one by one, and tell the languages it left untold."""
        doc, first = len(self.sources), len(self.passages.passage_doc)
        text = len(self.passages.blob)
        sections = np.fromiter((self.sections.setdefault(name, len(self.sections))
                                for name in other.sections), dtype=np.int32,
                               count=len(other.sections))
        self.passages.extend(other.passages, doc, sections)
        self.sources.extend(other.sources, text)
        if other.untold:
            docs = np.frombuffer(other.passages.passage_doc, dtype=np.int32)
            for d in other.untold:
                lo, hi = (first + int(p) for p in np.searchsorted(docs, [d, d + 1]))
                told = detect_parts([self.passages.text(p, code=False)
                                     for p in range(lo, hi)]) or []
                for p, lang in zip(range(lo, hi), told, strict=True):
                    self.passages.set_lang(p, _code(lang))

    def collection(self) -> Collection:
        """The collection of the documents added, over this packer's buffers: asked for once,
        after the last ``add``."""
        return self.passages.collection(self.sources, list(self.sections))


def parsed_of(doc: Document) -> Parsed:
    """What the reader made of ``doc``, or its text read as plain text (as a file's text is
    read: ``printable``, composed, without control characters)."""
    return doc.parsed if doc.parsed is not None else read_plain(printable(doc.text))


def section_name(path: Sequence[str], title: str) -> str:
    """A section path as cited ("Installation › Linux"), without the document's own title (or
    the heading its title begins with, whole, before a separator: "2. Using Python" of "2. Using
    Python — Docs", not "Policy" of "Policy memo: Remote work")."""
    parts = list(path)
    if parts and title.casefold().startswith(parts[0].casefold()):
        rest = title[len(parts[0]):].lstrip()
        if not rest or not rest[0].isalnum():
            parts = parts[1:]  # the page's own heading
    return SECTION_SEPARATOR.join(parts)
