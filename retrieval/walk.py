"""Walking a corpus folder: the document files under it, with their stats and their sidecars',
and what is passed over.

Every file under the folder (recursively, skipping hidden files and folders) in a format qabot
reads (``ingest.read.FORMATS``) is a document file; other files are counted in one warning
(``files_not_read``), and so are symbolic links that lead out of the folder or to a hidden file
in it (``symlinks_not_followed``): they are not read; nor is a link to a document file the walk
finds under its own name, or that an earlier link leads to (the same text twice was two
sources, quoted side by side, each word's weight halved). In one warning (``paths_not_read``), what
cannot be looked at: loops of links, folders that cannot be read, named pipes and devices,
names that are not UTF-8. A missing folder, or one that cannot be listed, raises
``NoDocumentsError``.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import structlog

from .errors import NoDocumentsError
from .ingest.read import SUFFIXES, base_of, format_of

log = structlog.get_logger()

# A document's sidecar is named as the document without its extension, then this
# (``sidecar.py`` reads it)
META_SUFFIX = ".meta.json"
# Why a symbolic link is not followed (``refused_link``)
LEADS_OUT = "leads out of the corpus folder"
LEADS_HIDDEN = "leads into a hidden file or folder"
# Why a file or folder whose name is in another encoding than UTF-8 is not read (``scan``)
NOT_UTF8_NAME = "its name is not UTF-8: rename it"


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
    # symbolic links to a document file the walk finds already (under its own name, or by an
    # earlier link)
    repeated: list[str] = field(default_factory=list)

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

    def passed_over(self) -> frozenset[str]:
        """What a build says it did not read, by path: broken links (no stats), links out of
        the folder or to hidden files, links repeating a document, and what could not be
        looked at. A watch that listed only ``file_stats`` saw no change when one appeared,
        and said nothing of it until some other file changed."""
        broken = (rel for rel, (size, *_) in zip(self.rels, self.stats, strict=True) if size < 0)
        return frozenset((*broken, *self.outside, *self.hidden, *self.repeated,
                          *(path for path, _ in self.unreadable)))


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
    links: list[tuple[int, str]] = []  # the document files that are links: (index, path)

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
            if e.is_symlink():
                links.append((len(rels), e.path))
            rels.append(base + name)
            side = sidecars.get(base_of(name) + META_SUFFIX, none) if sidecars else none
            stats.append((*stat(e), *side))
        todo.extend(reversed(folders))
    if links:
        _drop_repeated(walk, top, links)
    return walk


def _drop_repeated(walk: Walk, top: Path, links: list[tuple[int, str]]) -> None:
    """Take out of ``walk`` the links (``(index, path)``, in corpus order) to a file it holds
    already: one it found under its own name (whose real path is ``top`` and its path in the
    corpus, as no linked folder is entered), or one an earlier link leads to."""
    linked = {i for i, _ in links}
    seen = {os.path.join(top, rel) for i, rel in enumerate(walk.rels) if i not in linked}
    drop = set()
    for i, path in links:
        target = os.path.realpath(path)
        if target in seen:
            drop.add(i)
            walk.repeated.append(path)
        seen.add(target)
    if drop:
        walk.rels[:] = [r for i, r in enumerate(walk.rels) if i not in drop]
        walk.stats[:] = [s for i, s in enumerate(walk.stats) if i not in drop]


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
    return refused_target(target, top)


def refused_target(target: Path, top: Path) -> str | None:
    """Why the file at the real path ``target`` may not be read as one of the resolved corpus
    folder ``top`` (``refused_link``'s reasons), or ``None``."""
    if not target.is_relative_to(top):
        return LEADS_OUT
    if any(part[0] == "." for part in target.relative_to(top).parts):
        return LEADS_HIDDEN
    return None


def watched(root: Path) -> tuple[list[FileStat], frozenset[str]]:
    """What a watch compares from one look to the next: the names, sizes and modification
    times of the corpus files and sidecars (``Walk.file_stats``), and what a build says it
    passed over (``Walk.passed_over``)."""
    walk = scan(root)
    return walk.file_stats(), walk.passed_over()


def walk_corpus(root: Path) -> Walk:
    """The document files under ``root`` (``scan``); warns once about the files of other
    types and the symbolic links leading out of the folder, which are passed over."""
    return warn_passed_over(scan(root))


def warn_passed_over(walk: Walk, others: bool = True) -> Walk:
    """``walk``, once its files of other types (``others``) and links out of the folder are
    warned about."""
    # a folder of spreadsheets or images should not look like a corpus with gaps
    if others and walk.others:
        log.warning("files_not_read", count=sum(walk.others.values()), types=dict(walk.others),
                    read=" ".join(SUFFIXES) + " LICENSE README COPYING NEWS ...")
    if walk.outside:
        log.warning("symlinks_not_followed", count=len(walk.outside), paths=walk.outside[:10],
                    reason="they lead out of the corpus folder")
    if walk.hidden:
        log.warning("symlinks_not_followed", count=len(walk.hidden), paths=walk.hidden[:10],
                    reason="they lead to hidden files or into hidden folders")
    if walk.repeated:
        log.warning("symlinks_not_followed", count=len(walk.repeated), paths=walk.repeated[:10],
                    reason="they lead to a document the corpus holds already")
    if walk.unreadable:
        log.warning("paths_not_read", count=len(walk.unreadable),
                    paths=[f"{path} ({why})" for path, why in walk.unreadable[:10]])
    return walk
