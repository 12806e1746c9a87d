"""``qabot show DOC``: what was indexed of one document, block by block, and what was dropped
and why; or why the file is not indexed at all."""

from __future__ import annotations

import argparse
import os
from dataclasses import asdict
from pathlib import Path

from retrieval import QAEngine
from retrieval.corpus import DocumentIds, Skipped, load_directory, read_document
from retrieval.errors import UnknownDocumentError
from retrieval.ingest.read import format_of
from retrieval.ingest.report import (
    DocumentReport,
    explain,
    explain_document,
    find,
    find_named,
    names_file,
)

from .config import Settings
from .engines import load_engine
from .render import document_text
from .streams import as_json
from .usage import EXIT_OK, UsageError


class NotIndexed(UsageError):
    """The file a document name names is not indexed (``reason``): `qabot show` says why."""

    def __init__(self, path: str, reason: str, doc_id: str | None = None) -> None:
        super().__init__(f"{path} is not indexed: {reason}")
        self.path, self.reason, self.doc_id = path, reason, doc_id


# Why a hidden file is not read (the walk passes over hidden files and folders, as README says)
HIDDEN = "hidden files and folders are not read (rename it without the leading dot)"


def cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    try:
        report = _explained(args.document, settings)
    except NotIndexed as exc:
        if not args.json:
            raise
        # (a script asking for JSON had an error line on stderr and exit 2 to parse)
        print(as_json({"id": exc.doc_id, "title": None, "path": exc.path, "web_page": False,
                       "languages": [], "skipped": exc.reason, "blocks": []}))
        return EXIT_OK
    if args.json:
        print(as_json({"id": report.doc.id, "title": report.doc.title, "path": report.doc.path,
                       "web_page": report.web, "languages": list(report.languages),
                       "skipped": report.skipped,
                       "blocks": [asdict(r) for r in report.rows]}))
        return EXIT_OK
    print(document_text(report))
    return EXIT_OK


def _explained(which: str, settings: Settings) -> DocumentReport:
    """What was made of the document ``which`` names: read alone, with the paragraphs repeated
    across the corpus from the saved index, which is brought up to date first when stale (as
    `ask` does: only the files changed since are read); when it cannot be saved, read with the
    whole corpus. (It used to read the whole corpus, on one core, whenever any file had
    changed.)"""
    root = settings.corpus_path()
    saved = QAEngine.saved_repeated(root, settings.index_dir, settings.language)
    if saved is None and load_engine(settings).report.index_dir is not None:
        saved = QAEngine.saved_repeated(root, settings.index_dir, settings.language)
    try:
        if saved is None:
            docs, skipped = load_directory(root)
            for s in skipped:  # a file that was not read: say why, not that there is none
                if names_file(which, s.path):
                    raise NotIndexed(s.path, s.reason)
            return explain_document(docs, which, settings.language)
        walk, repeated = saved
        ids = DocumentIds().all(walk.rels)
        paths = [str(root / rel) for rel in walk.rels]
        # (a broken link is named by its file, and said to be one, but holds no document)
        listed = [d for d, (size, *_) in zip(ids, walk.stats, strict=True) if size >= 0]
        i = _file_of(which, ids, walk.rels, paths, listed)
    except UnknownDocumentError:
        hidden = _hidden_file(which, root)
        if hidden is None:
            raise
        raise NotIndexed(hidden, HIDDEN) from None
    read = read_document(root / walk.rels[i], ids[i], root)
    if isinstance(read, Skipped):
        raise NotIndexed(read.path, read.reason, ids[i])
    return explain(read[find(read, which)], repeated, settings.language)


def _file_of(which: str, ids: list[str], rels: list[str], paths: list[str],
             listed: list[str]) -> int:
    """The corpus file ``which`` names: the mail archive of a message's id ("team#3"), before
    a file of that name ("team#3.txt", whose id is its whole name); else the file it names
    by id, file name or path, or the one that names with a part's key after it."""
    archive, _, key = which.rpartition("#")
    if key.isdecimal():
        for i, (doc_id, rel) in enumerate(zip(ids, rels, strict=True)):
            if doc_id == archive and format_of(rel) == "mbox":
                return i
    try:
        return find_named(ids, paths, which, listed)
    except UnknownDocumentError:
        if "#" not in which:  # else a part of a file ("archive#3": a mail archive's message)
            raise
        return find_named(ids, paths, archive, listed)


def _hidden_file(which: str, root: Path) -> str | None:
    """The path of the file in the corpus ``which`` names (as a path in it, or as given)
    when the walk passes over it as hidden (``.notes.md``, ``.drafts/plan.txt``)."""
    top = Path(os.path.abspath(root))
    for path in (root / which, Path(which)):
        try:
            rel = Path(os.path.abspath(path)).relative_to(top)
        except ValueError:  # outside the corpus
            continue
        if any(part.startswith(".") for part in rel.parts) and path.is_file():
            return str(path)
    return None
