"""Documents and loading a corpus directory.

Every document file the walk of the folder finds (``walk.py``: recursively, skipping hidden
files and folders, in a format qabot reads: plain text, Markdown, reStructuredText, HTML, PDF,
Word; and a project's ``LICENSE``, ``README``, ``COPYING``, ``NEWS`` ... named without an
extension) is a document whose id is its name without that extension (a mail archive is a
document a message, ``name#3`` the third). Each format has its reader (``ingest/``),
which makes the document's blocks and the metadata it declares (an HTML page's title and
canonical URL, a PDF's or a Word file's properties, a Markdown front matter); a sidecar file
beside it (``sidecar.py``) has the last word. Without a title, one is taken from the text
(``titles.py``).

Bad files are skipped with a warning that names them: binary files, text in no encoding known,
empty files, broken PDF or Word files, HTML pages with no text, files with nothing quotable left
after cleaning. Text in a legacy encoding is read with a warning naming the encoding. A missing
or empty directory, or one with no usable document, raises ``NoDocumentsError``.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import structlog

from .detection import contradicted, knows
from .errors import NoDocumentsError
from .ingest.blocks import Parsed, error_reason
from .ingest.htmlmeta import LANG_HINT
from .ingest.read import FORMATS, base_of, read_file
from .ingest.sieve import judged_text
from .language import ENGLISH, normalised
from .sidecar import read_meta
from .walk import Walk, refused_target, walk_corpus

log = structlog.get_logger()

# The end of a file of parts' document's id: the part's key (a mail archive's message number)
_PART_ID_RE = re.compile(r"#[0-9]+\Z")


@dataclass(frozen=True, slots=True)
class Document:
    """One source document: its id, metadata, and raw text."""

    id: str
    title: str
    text: str
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    lang: str | None = None  # the language it declares (sidecar, front matter, <html lang>)
    path: str | None = None
    parsed: Parsed | None = None  # what its reader made of it; None: ``text`` is plain text

    def __reduce__(self) -> tuple[type[Document], tuple[object, ...]]:
        """Pickled as its fields, made again by ``Document(...)``: a frozen dataclass's own
        pickling gets and sets its fields one by one (6 + 8 us a document, against 1.5 + 3.5):
        a build from texts in memory sends every document to a worker process."""
        return Document, (self.id, self.title, self.text, self.url, self.publisher,
                          self.published, self.lang, self.path, self.parsed)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was not loaded, and why."""

    path: str
    reason: str


def load_directory(root: str | os.PathLike[str]) -> tuple[list[Document], list[Skipped]]:
    """Load every document under ``root``; returns the documents and the skipped files."""
    root = Path(root)
    docs: list[Document] = []
    skipped: list[Skipped] = []
    ids = DocumentIds()
    walk = walk_corpus(root)
    for rel in walk.rels:
        read = read_document(root / rel, ids.of(rel), root)
        if isinstance(read, Skipped):
            skipped.append(read)
        else:
            docs.extend(read)
    if not docs:
        raise no_documents(root, skipped)
    return docs, skipped


class DocumentIds:
    """Document ids in corpus order: a file's stem, or its path in the corpus (without the
    extension) when an earlier file had the same stem. An id ending in "#" and digits is a
    mail archive's message's ("team#1": ``read_document``), never a file's: a file named so
    ("team#1.txt") is known by its path with the extension, as a taken name is."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def of(self, rel: str) -> str:
        """The id of the file at ``rel`` in the corpus."""
        return self.all((rel,))[0]

    def all(self, rels: Iterable[str]) -> list[str]:
        """The ids of the files at ``rels`` in the corpus, in order (one loop, no method call a
        file: 100,000 files at each build)."""
        out, seen, sep = [], self.seen, os.sep
        for rel in rels:
            base = base_of(rel)
            doc_id = base[base.rfind(sep) + 1 :]
            # (the "#" test first: no regular expression for a name without one)
            if doc_id in seen or ("#" in doc_id and _PART_ID_RE.search(doc_id)):
                # same stem in two folders: keep both, disambiguated by path
                doc_id = base.replace(sep, "/")
                if doc_id in seen or ("#" in doc_id and _PART_ID_RE.search(doc_id)):
                    doc_id = rel.replace(sep, "/")  # "a.md" beside "a.txt": by the whole name
            seen.add(doc_id)
            out.append(doc_id)
        return out


def read_document(path: Path, doc_id: str, root: Path) -> list[Document] | Skipped:
    """The documents of one file of the corpus folder ``root`` (its sidecar read too): the file,
    or each of its parts (a mail archive's messages, ids "``doc_id``#``key``"); or why it could
    not be read (logged)."""
    try:
        parsed = read_file(path, functools.partial(refused_target, top=resolved(root)))
    except (OSError, ValueError) as exc:
        reason = _os_reason(exc, path) if isinstance(exc, OSError) else str(exc)
        log.warning("file_skipped", path=str(path), reason=reason)
        return Skipped(str(path), reason)
    except Exception as exc:  # a reader's library failing on a file it was not made for
        reason = f"could not be read ({error_reason(exc)})"[:300]
        log.warning("file_skipped", path=str(path), reason=reason)  # no traceback for a user
        log.debug("file_skipped_traceback", path=str(path), exc_info=True)  # a bug report's
        return Skipped(str(path), reason)
    for note in parsed.notes:
        log.warning("file_read_with_note", path=str(path), note=note)
    sidecar = read_meta(path, root)
    if not parsed.parts:
        return [_document(path, doc_id, parsed, {**parsed.meta, **sidecar})]
    # the sidecar's title is the file's: each part keeps its own
    shared = {k: v for k, v in sidecar.items() if k != "title"}
    return [_document(path, f"{doc_id}#{key}", part, {**part.meta, **shared})
            for key, part in parsed.parts]


def _document(path: Path, doc_id: str, parsed: Parsed, meta: dict[str, str]) -> Document:
    """The document ``parsed`` is, with ``meta`` (what it declares, a sidecar's over it)."""
    hint = meta.pop(LANG_HINT, None)  # <html lang>: what a sidecar or front matter sets wins
    if hint and not meta.get("lang"):
        if (code := normalised(hint)) and contradicted(code, judged_text(parsed)):
            log.warning("file_read_with_note", path=str(path),
                        note=f"<html lang={hint!r}> but the text does not read as "
                             f"{'English' if code == ENGLISH else 'that language'}: "
                             "detected instead")
        else:
            meta["lang"] = hint
    declared = normalised(meta.get("lang"))
    if meta.get("lang") and (declared is None or not knows(declared)):
        # "xx", "und", "zz-Top": read in no language, its words met none of the question's
        log.warning("file_read_with_note", path=str(path),
                    note=f"lang {meta['lang']!r} names no language qabot reads: detected instead")
        del meta["lang"]
    return Document(
        id=doc_id,
        title=meta.get("title") or "",
        text=parsed.raw or judged_text(parsed),
        url=meta.get("url"),
        publisher=meta.get("publisher"),
        published=meta.get("published"),
        lang=meta.get("lang"),
        path=str(path),
        parsed=parsed,
    )


def not_found(walk: Walk) -> list[Skipped]:
    """The document files ``walk`` found but could not look at (a link to a file that does not
    exist, one qabot may not read), each with the reason a build skips it for. A saved index
    stays current when one is added, as it has no size or time to fingerprint: loaded, it
    still names them."""
    skipped = []
    for rel, stats in zip(walk.rels, walk.stats, strict=True):
        if stats[0] < 0:
            path = walk.root / rel
            try:
                path.stat()
            except OSError as exc:
                skipped.append(Skipped(str(path), _os_reason(exc, path)))
    return skipped


@functools.lru_cache(maxsize=8)
def resolved(root: Path) -> Path:
    """The corpus folder ``root``, its links resolved (once, not at each of its files)."""
    return root.resolve()


def _os_reason(exc: OSError, path: Path) -> str:
    """Why a file could not be opened, in a reader's words: a link to nothing, a file gone
    since the folder was listed, one qabot may not read; else the system's message."""
    if isinstance(exc, FileNotFoundError):
        return ("a symbolic link to a file that does not exist" if path.is_symlink()
                else "it was removed while the corpus was read")
    if isinstance(exc, PermissionError):
        return "permission denied: qabot's user may not read it"
    return str(exc)


# Each format qabot reads (``FORMATS``'s values) as a user knows it, for the error a corpus
# without a usable document is: it named the formats of a year before, and a folder of CSV
# tables, e-mails or EPUB books was told to hold something else
_FORMAT_NAMES = {"text": "text", "markdown": "Markdown", "rst": "reStructuredText",
                 "html": "HTML", "pdf": "PDF", "docx": "Word", "asciidoc": "AsciiDoc",
                 "latex": "LaTeX", "odt": "OpenDocument", "epub": "EPUB", "email": "e-mail",
                 "mbox": "mail archive", "csv": "CSV", "tsv": "TSV", "rtf": "RTF",
                 "bibtex": "BibTeX", "pptx": "PowerPoint"}


def formats_read() -> str:
    """"text, Markdown, ... or RTF": every format qabot reads, named."""
    names = [_FORMAT_NAMES.get(f, f) for f in dict.fromkeys(FORMATS.values())]
    return f"{', '.join(names[:-1])} or {names[-1]}"


def no_documents(root: Path, skipped: list[Skipped]) -> NoDocumentsError:
    detail = f"; skipped: {', '.join(s.path + ' (' + s.reason + ')' for s in skipped)}"
    return NoDocumentsError(
        f"no usable document in {str(root)!r}"
        + (detail if skipped else "")
        + f": add {formats_read()} files or pass another --corpus"
    )


__all__ = ["Document", "DocumentIds", "Skipped", "load_directory", "read_document"]
