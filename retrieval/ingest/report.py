"""What qabot made of one document, block by block (``qabot show DOC``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..corpus import Document, titled
from ..errors import UnknownDocumentError
from ..language import ENGLISH
from ..layout import lay_out, parsed_of, section_name
from .read import base_of
from .repeated import RepeatedLines, repeated_in
from .sieve import sieve


@dataclass(frozen=True, slots=True)
class Row:
    """One block of a document and what became of it."""

    kind: str
    text: str
    section: str
    page: int | None
    status: str  # "indexed", "indexed, not quoted", "dropped: <reason>"


@dataclass(frozen=True, slots=True)
class DocumentReport:
    """A document's title and metadata, whether it was read as a web page, and its blocks."""

    doc: Document
    web: bool
    rows: tuple[Row, ...]
    languages: tuple[str, ...] = ()  # its passages' languages, in order of first passage


def find(docs: Sequence[Document], which: str) -> int:
    """The index of the document ``which`` names: its id, its file name, or its path (as
    given, or in the corpus)."""
    for test in (lambda d: d.id == which,
                 lambda d: d.path is not None and names_file(which, d.path)):
        for i, d in enumerate(docs):
            if test(d):
                return i
    near = ", ".join(d.id for d in docs[:8]) + (", ..." if len(docs) > 8 else "")
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
    repeated = RepeatedLines(repeated_in(parsed))
    sieved = sieve(parsed[i], repeated)
    doc = titled(docs[i], parsed[i], sieved)
    rows = tuple(Row(b.kind, b.text, section_name(b.section, doc.title), b.page, status)
                 for b, status in sieved.rows)
    laid = lay_out(docs[i], parsed[i], repeated, language)
    languages = tuple(dict.fromkeys(c or ENGLISH for c in laid.languages())) if laid else ()
    return DocumentReport(doc, sieved.web, rows, languages)


__all__ = ["DocumentReport", "Row", "explain_document", "find", "names_file"]
