"""What qabot made of one document, block by block (``qabot show DOC``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..corpus import Document
from ..errors import UnknownDocumentError
from ..language import ENGLISH
from ..layout import NOTHING_QUOTABLE, lay_out, parsed_of, section_name
from ..titles import titled
from .blocks import Parsed
from .read import base_of
from .repeated import RepeatedLines, repeated_in
from .sieve import INDEXED, sieve

KEPT = "kept"  # a block kept of a document the index skips


@dataclass(frozen=True, slots=True)
class Row:
    """One block of a document and what became of it."""

    kind: str
    text: str
    section: str
    page: int | None
    status: str  # "indexed", "indexed, not quoted", "dropped: <reason>"; "kept" for indexed
    # when the whole document is skipped


@dataclass(frozen=True, slots=True)
class DocumentReport:
    """A document's title and metadata, whether it was read as a web page, and its blocks."""

    doc: Document
    web: bool
    rows: tuple[Row, ...]
    languages: tuple[str, ...] = ()  # its passages' languages, in order of first passage
    # why the index leaves the whole document out, as `qabot index` says, when it does (its
    # blocks may still be kept, none holding a sentence to quote)
    skipped: str | None = None

    @property
    def kept(self) -> int:
        """How many blocks are indexed (or, of a skipped document, kept): not those dropped,
        nor code kept only for the quote of its lead-in."""
        return sum(r.status.split(",")[0] in (INDEXED, KEPT) for r in self.rows)


def find(docs: Sequence[Document], which: str) -> int:
    """The index of the document ``which`` names: its id, its file name, or its path (as
    given, or in the corpus); a file of several documents (a mail archive's messages) is
    named by one's id."""
    ids = [d.id for d in docs]
    i = find_named(ids, [d.path for d in docs], which)
    if ids[i] != which and i + 1 < len(docs) and docs[i + 1].path == docs[i].path:
        parts = [d.id for d in docs if d.path == docs[i].path]
        near = ", ".join(parts[:8]) + (", ..." if len(parts) > 8 else "")
        raise UnknownDocumentError(f"{which!r} holds {len(parts)} documents ({near}): name one "
                                   "by its id")
    return i


def find_named(ids: Sequence[str], paths: Sequence[str | None], which: str,
               listed: Sequence[str] | None = None) -> int:
    """The index of the document ``which`` names among documents of these ``ids`` and
    ``paths`` (in order): by id first, then by file name or path (``names_file``). When none
    is, the error names the documents ``listed`` (by default ``ids``: not a broken link's,
    which names a file but no document)."""
    for test in (lambda i: ids[i] == which,
                 lambda i: paths[i] is not None and names_file(which, str(paths[i]))):
        for i in range(len(ids)):
            if test(i):
                return i
    listed = ids if listed is None else listed
    near = ", ".join(listed[:8]) + (", ..." if len(listed) > 8 else "")
    raise UnknownDocumentError(f"no document {which!r} in the corpus (documents: {near}): "
                               "name one by its id or file name")


def names_file(which: str, path: str) -> bool:
    """Whether ``which`` names the file at ``path``: its file name, its path as given, its
    path in the corpus ("sub/notes.txt"), or that without its format's extension, as a
    document's id is ("sub/notes": a file not read has no document to name it)."""
    inside = "/" + Path(which).as_posix().lstrip("./")
    posix = Path(path).as_posix()
    return (Path(path).name == which or Path(path).resolve() == Path(which).resolve()
            or posix.endswith(inside) or ("/" + base_of(posix)).endswith(inside))


def explain_document(docs: Sequence[Document], which: str, language: str | None = None
                     ) -> DocumentReport:
    """What was indexed of the document ``which`` names, and what was dropped and why (the
    corpus is needed: a paragraph repeated across its documents is dropped), and the language
    its passages are read in (``language``: the corpus's, when set)."""
    i = find(docs, which)
    parsed = [parsed_of(d) for d in docs]
    return explain(docs[i], repeated_in(parsed), language, parsed[i])


def explain(doc: Document, repeated: np.ndarray, language: str | None = None,
            parsed: Parsed | None = None) -> DocumentReport:
    """``explain_document`` for one document ``doc``, given the keys of the paragraphs
    repeated across its corpus (``repeated_in``; a current saved index holds them, so that
    one document is read, not the corpus)."""
    parsed = parsed_of(doc) if parsed is None else parsed
    lines = RepeatedLines(repeated)
    sieved = sieve(parsed, lines)
    titled_doc = titled(doc, parsed, sieved)
    laid = lay_out(doc, parsed, lines, language)
    # a skipped document's blocks the sieve kept are not in the index: "kept", not "indexed"
    rows = tuple(Row(b.kind, b.text, section_name(b.section, titled_doc.title), b.page,
                     status if laid or not status.startswith(INDEXED)
                     else KEPT + status.removeprefix(INDEXED))
                 for b, status in sieved.rows)
    languages = tuple(dict.fromkeys(c or ENGLISH for c in laid.languages())) if laid else ()
    return DocumentReport(titled_doc, sieved.web, rows, languages,
                          None if laid else NOTHING_QUOTABLE)


__all__ = ["DocumentReport", "Row", "explain", "explain_document", "find", "find_named",
           "names_file"]
