"""Documents and loading a corpus directory.

Every file under the directory (recursively, skipping hidden folders) in a format qabot reads
(``ingest.read.FORMATS``: plain text, Markdown, reStructuredText, HTML, PDF, Word; and a
project's ``LICENSE``, ``README``, ``COPYING``, ``NEWS`` ... named without an extension) is a
document whose id is its name without that extension; other files are counted in one warning
(``files_not_read``), and so are symbolic links that lead out of the directory or to a
hidden file in it (``symlinks_not_followed``): they are not read. Each format has its reader
(``ingest/``), which makes the document's blocks and the metadata it declares (an HTML page's
title and canonical URL, a PDF's or a Word file's properties, a Markdown front matter).
Optional metadata sits in a sidecar file beside it, ``<stem>.meta.json``::

    {"title": "Armenia freezes CSTO membership", "url": "https://example.org/a",
     "publisher": "Example News", "published": "2024-02-23"}

All keys are optional, and every key there overrides what the document declares. Without a
title, one is taken from the text (``titles.py``).

Bad files are skipped with a warning that names them: binary files, text in no encoding known,
empty files, broken PDF or Word files, HTML pages with no text, files with nothing quotable left
after cleaning, bad sidecars (``read_meta``: the checks a document passes, and a size cap);
in one warning (``paths_not_read``), what cannot be looked at: loops of links, folders that
cannot be read, named pipes and devices, names that are not UTF-8.
Text in a legacy encoding is read with a warning naming the encoding. A missing or empty
directory, or one with no usable document, raises ``NoDocumentsError``.
"""

from __future__ import annotations

import json
import os
import re
import stat as stat_mode
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import structlog

from .errors import NoDocumentsError
from .ingest.blocks import Parsed, one_line
from .ingest.html import LANG_HINT
from .ingest.read import BIDI_CONTROLS, SUFFIXES, base_of, format_of, printable, read_file
from .ingest.sieve import judged_text
from .language import ENGLISH, contradicted, knows, normalised

log = structlog.get_logger()

META_SUFFIX = ".meta.json"
# A sidecar holds a few short values: one larger than this is no sidecar (a link to /dev/zero,
# a file of nested brackets), not read
MAX_SIDECAR_BYTES = 1 << 20
# Why a symbolic link is not followed (``refused_link``)
LEADS_OUT = "leads out of the corpus folder"
LEADS_HIDDEN = "leads into a hidden file or folder"
# Why a file or folder whose name is in another encoding than UTF-8 is not read (``scan``)
NOT_UTF8_NAME = "its name is not UTF-8: rename it"
# A surrogate code point left alone in a string: JSON can spell one ("\ud83e", what a
# JavaScript tool writes when it cuts a title in the middle of an emoji), and text holding
# one cannot be encoded (json.loads has already joined every pair).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


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


@dataclass(frozen=True, slots=True)
class FileStat:
    """What the index fingerprint records of one corpus file."""

    relpath: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Walk:
    """What ``scan`` found: the document files (as paths in the corpus, ``rels``: strings, as
    100,000 ``Path`` objects take a second to make) with their stats and their sidecars'
    (``stats``: size, mtime, sidecar size, sidecar mtime; -1 where there is none), and what it
    passed over."""

    root: Path
    rels: list[str]  # the document files' paths in the corpus, in corpus order
    stats: list[tuple[int, int, int, int]]  # each one's, in the same order
    others: Counter[str]  # files of other types, by suffix (".zip": 3)
    outside: list[str]  # symbolic links that lead out of the corpus folder
    # symbolic links to a hidden file or into a hidden folder of the corpus (".git/config")
    hidden: list[str] = field(default_factory=list)
    # what could not be looked at (a loop of links, a folder it may not read, a named pipe or
    # a device, which a read would wait on for ever): (path, why)
    unreadable: list[tuple[str, str]] = field(default_factory=list)

    def file_stats(self) -> list[FileStat]:
        """Each document's stats, then its sidecar's (when it has one), in corpus order."""
        out = []
        for rel, (size, mtime, side_size, side_mtime) in zip(self.rels, self.stats, strict=True):
            if size < 0:  # a broken link: no fingerprint to take
                continue
            out.append(FileStat(rel, size, mtime))
            if side_size >= 0:
                out.append(FileStat(sidecar_of(rel), side_size, side_mtime))
        return out


def sidecar_of(rel: str) -> str:
    """The sidecar's path beside a document's (``a/b.html`` -> ``a/b.meta.json``,
    ``a/LICENSE`` -> ``a/LICENSE.meta.json``)."""
    return base_of(rel) + META_SUFFIX


def scan(root: Path, index_dir: Path | None = None) -> Walk:
    """The document files under ``root``, what was passed over, and the files' stats: one
    directory listing and one ``stat`` per file, so 100,000 files are walked in a fraction
    of a second. Hidden files and folders are passed over, and so are links to them
    (``refused_link``); linked folders are not entered; nor is ``index_dir``, the corpus's
    own index when it is kept inside it (``--index-dir corpus/index``)."""
    if not root.exists():
        raise NoDocumentsError(f"corpus directory {str(root)!r} does not exist: pass --corpus DIR")
    if not root.is_dir():
        raise NoDocumentsError(f"corpus path {str(root)!r} is not a directory: pass --corpus DIR")
    top = root.resolve()
    walk = Walk(root, [], [], Counter(), [])
    prefix = len(str(root)) + 1

    def stat(e: os.DirEntry[str]) -> tuple[int, int]:
        try:
            st = e.stat()
        except OSError:  # a broken link, or gone since the listing: read (and skipped) later
            return -1, -1
        return st.st_size, st.st_mtime_ns

    rels, stats, none = walk.rels, walk.stats, (-1, -1)

    # folders still to list, the next one last: a loop, not a call per level, so that a tree
    # of a few thousand nested folders (an extracted hostile archive) is walked, not a
    # RecursionError; in the order of a depth-first walk, each folder's files before its
    # subfolders'
    todo = [str(root)]
    own_index = os.path.abspath(index_dir) if index_dir is not None else None
    while todo:
        folder = todo.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted((e for e in it if e.name[0] != "."), key=_name)
        except OSError as exc:
            if folder == str(root):
                raise NoDocumentsError(f"corpus directory {str(root)!r} cannot be read "
                                       f"({exc.strerror or exc})") from None
            walk.unreadable.append((folder, exc.strerror or str(exc)))
            continue
        folders, docs, sidecars = [], [], {}
        for e in entries:
            name = e.name
            if not _utf8(name):
                walk.unreadable.append((_shown_path(e.path), NOT_UTF8_NAME))
                continue
            try:
                is_dir = e.is_dir()  # a folder, or a link to one
                special = not is_dir and not e.is_file()  # a named pipe, a socket, a device
            except OSError as exc:  # a loop of links
                walk.unreadable.append((e.path, exc.strerror or str(exc)))
                continue
            if special and os.path.exists(e.path):  # (a broken link is read, and skipped, later)
                walk.unreadable.append((e.path, "not a regular file"))
                continue
            if is_dir:
                if os.path.abspath(e.path) == own_index:
                    continue
                if not e.is_symlink():
                    folders.append(e.path)
                elif not _inside(Path(e.path), top):
                    walk.outside.append(e.path)
                continue
            if e.is_symlink() and (why := refused_link(Path(e.path), top)):
                (walk.outside if why == LEADS_OUT else walk.hidden).append(e.path)
            elif name.endswith(META_SUFFIX):
                sidecars[name] = stat(e)
            elif format_of(name):
                docs.append(e)
            else:
                walk.others[os.path.splitext(name)[1].lower() or "(no extension)"] += 1
        base = folder[prefix:] + os.sep if len(folder) > prefix else ""
        for e in docs:
            name = e.name
            rels.append(base + name)
            side = sidecars.get(base_of(name) + META_SUFFIX, none) if sidecars else none
            stats.append((*stat(e), *side))
        todo.extend(reversed(folders))
    return walk


def _name(e: os.DirEntry[str]) -> str:
    return e.name


def _utf8(name: str) -> bool:
    """Whether a name the disk gave is UTF-8. Python hands one in another encoding (Latin-1's
    "caf\xe9.txt" from an old archive) on with each stray byte as a lone surrogate, which no
    index fingerprint, log or reply can write: it was a traceback at every question."""
    if name.isascii():
        return True
    try:
        name.encode()
    except UnicodeEncodeError:
        return False
    return True


def _shown_path(path: str) -> str:
    """``path`` with the bytes that are not UTF-8 written as ``\\xff``, so it can be logged."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _inside(path: Path, top: Path) -> bool:
    """Whether ``path``, its links followed, is inside the folder ``top``."""
    return refused_link(path, top) != LEADS_OUT


def refused_link(path: Path, top: Path) -> str | None:
    """Why the symbolic link at ``path`` is not followed (``LEADS_OUT`` of the resolved corpus
    folder ``top``, or ``LEADS_HIDDEN``: to a file the walk passes over as hidden, such as
    ".git/config" or ".private/creds.txt"), or ``None`` when it is."""
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return LEADS_OUT
    if not target.is_relative_to(top):
        return LEADS_OUT
    if any(part[0] == "." for part in target.relative_to(top).parts):
        return LEADS_HIDDEN
    return None


def file_stats(root: Path) -> list[FileStat]:
    """Names, sizes and modification times of the corpus files and sidecars (for fingerprints)."""
    return scan(root).file_stats()


def _sidecar(path: Path) -> Path:
    return Path(sidecar_of(str(path)))


def read_meta(path: Path, root: Path) -> dict[str, str]:
    """The sidecar metadata of a document file in the corpus folder ``root``, or ``{}``; a bad
    sidecar is warned about and ignored. It passes the checks a document passes: a link out
    of ``root`` or to a hidden file is not followed, only a regular file is read (a named pipe
    waits for ever, a device has no end), ``MAX_SIDECAR_BYTES`` at most, and JSON nested too
    deep to parse is a bad sidecar, not a failed build."""
    side = _sidecar(path)
    try:
        if side.is_symlink() and (why := refused_link(side, root.resolve())):
            raise ValueError(f"a symbolic link that {why}: not followed")
        meta = json.loads(_small_file(side, MAX_SIDECAR_BYTES).decode("utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("not a JSON object")
    except FileNotFoundError:  # no sidecar (or a broken link to one)
        return {}
    except (OSError, ValueError, RecursionError) as exc:
        reason = "nested too deep" if isinstance(exc, RecursionError) else str(exc)
        log.warning("bad_sidecar_ignored", path=str(side), reason=reason)
        return {}
    keys = ("title", "url", "publisher", "published", "lang")
    return {k: single_line(_LONE_SURROGATE.sub("\ufffd", str(meta[k])))
            for k in keys if isinstance(meta.get(k), str | int | float)}


def _small_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``; ``ValueError`` for anything else (opened
    without blocking, so a named pipe is refused, not waited on) or one over ``limit`` bytes."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat_mode.S_ISREG(os.fstat(fd).st_mode):
            raise ValueError("not a regular file")
        data = f.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"over {limit // 1024} KB, too large for a sidecar")
    return data


def single_line(value: str) -> str:
    """A sidecar's value or a title as one line of text: no control characters (a NUL, a
    newline that split a Sources line) nor bidirectional overrides, its spaces one apart."""
    return one_line(BIDI_CONTROLS.sub("", printable(value)))


def load_directory(root: str | os.PathLike[str]) -> tuple[list[Document], list[Skipped]]:
    """Load every document under ``root``; returns the documents and the skipped files."""
    root = Path(root)
    docs: list[Document] = []
    skipped: list[Skipped] = []
    ids = DocumentIds()
    walk = walk_corpus(root)
    for rel in walk.rels:
        read = read_document(root / rel, ids.of(rel), root)
        if isinstance(read, Document):
            docs.append(read)
        else:
            skipped.append(read)
    if not docs:
        raise no_documents(root, skipped)
    return docs, skipped


def walk_corpus(root: Path) -> Walk:
    """The document files under ``root`` (``scan``); warns once about the files of other
    types and the symbolic links leading out of the folder, which are passed over."""
    return warn_passed_over(scan(root))


def warn_passed_over(walk: Walk) -> Walk:
    """``walk``, once its files of other types and links out of the folder are warned about."""
    if walk.others:  # a folder of spreadsheets or images should not look like a corpus with gaps
        log.warning("files_not_read", count=sum(walk.others.values()), types=dict(walk.others),
                    read=" ".join(SUFFIXES) + " LICENSE README COPYING NEWS ...")
    if walk.outside:
        log.warning("symlinks_not_followed", count=len(walk.outside), paths=walk.outside[:10],
                    reason="they lead out of the corpus folder")
    if walk.hidden:
        log.warning("symlinks_not_followed", count=len(walk.hidden), paths=walk.hidden[:10],
                    reason="they lead to hidden files or into hidden folders")
    if walk.unreadable:
        log.warning("paths_not_read", count=len(walk.unreadable),
                    paths=[f"{path} ({why})" for path, why in walk.unreadable[:10]])
    return walk


class DocumentIds:
    """Document ids in corpus order: a file's stem, or its path in the corpus (without the
    extension) when an earlier file had the same stem."""

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
            if doc_id in seen:  # same stem in two folders: keep both, disambiguated by path
                doc_id = base.replace(sep, "/")
                if doc_id in seen:  # "a.md" beside "a.txt": by the whole name
                    doc_id = rel.replace(sep, "/")
            seen.add(doc_id)
            out.append(doc_id)
        return out


def read_document(path: Path, doc_id: str, root: Path) -> Document | Skipped:
    """One file of the corpus folder ``root`` read (its sidecar too), or why it could not be
    (logged)."""
    try:
        parsed = read_file(path)
    except (OSError, ValueError) as exc:
        reason = _os_reason(exc, path) if isinstance(exc, OSError) else str(exc)
        log.warning("file_skipped", path=str(path), reason=reason)
        return Skipped(str(path), reason)
    except Exception as exc:  # a reader's library failing on a file it was not made for
        reason = f"could not be read ({type(exc).__name__}: {exc})"[:300]
        log.warning("file_skipped", path=str(path), reason=reason)  # no traceback for a user
        log.debug("file_skipped_traceback", path=str(path), exc_info=True)  # a bug report's
        return Skipped(str(path), reason)
    for note in parsed.notes:
        log.warning("file_read_with_note", path=str(path), note=note)
    meta = {**parsed.meta, **read_meta(path, root)}  # the sidecar has the last word
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


def _os_reason(exc: OSError, path: Path) -> str:
    """Why a file could not be opened, in a reader's words: a link to nothing, a file gone
    since the folder was listed, one qabot may not read; else the system's message."""
    if isinstance(exc, FileNotFoundError):
        return ("a symbolic link to a file that does not exist" if path.is_symlink()
                else "it was removed while the corpus was read")
    if isinstance(exc, PermissionError):
        return "permission denied: qabot's user may not read it"
    return str(exc)


def no_documents(root: Path, skipped: list[Skipped]) -> NoDocumentsError:
    detail = f"; skipped: {', '.join(s.path + ' (' + s.reason + ')' for s in skipped)}"
    return NoDocumentsError(
        f"no usable document in {str(root)!r}"
        + (detail if skipped else "")
        + ": add text, Markdown, reStructuredText, AsciiDoc, HTML, PDF or Word files or pass "
        "another --corpus"
    )


__all__ = ["Document", "FileStat", "Skipped", "file_stats", "load_directory", "read_meta",
           "single_line"]
