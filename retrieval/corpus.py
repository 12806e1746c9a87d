"""Documents and loading a corpus directory.

Every ``*.txt``, ``*.md``, ``*.markdown``, ``*.html`` and ``*.htm`` file under the directory
(recursively, skipping hidden folders) is a document whose id is its file stem; other files are
counted in one warning (``files_not_read``). A web page (an HTML file, or a ``.txt`` file that
holds HTML markup) is read as the text a reader sees, with the title, URL, publisher and date its
markup declares (``webpage.py``); Markdown stays Markdown, inline HTML and all. Optional
metadata sits in a sidecar file beside it, ``<stem>.meta.json``::

    {"title": "Armenia freezes CSTO membership", "url": "https://example.org/a",
     "publisher": "Example News", "published": "2024-02-23"}

All keys are optional; a ``title`` there overrides the headline heuristic (``guess_title``), and
every key there overrides what an HTML page or a front matter declares. A Markdown file may open
with a YAML front matter (``---`` lines around ``key: value`` lines, as Jekyll and Hugo write):
its ``title``, ``url`` (or ``link``/``permalink``), ``publisher`` (or ``site``/``source``) and
``date`` (or ``published``) are read, and the block is not part of the text.

Text is UTF-8 (a byte-order mark is allowed), or UTF-16/UTF-32 with a byte-order mark, as
Windows editors save "Unicode" text. Bad files are skipped with a warning that names them: binary
files, files in another encoding, empty files, HTML pages with no text, files with no prose left
after cleaning, unreadable sidecars. A missing or empty directory, or one with no usable
document, raises ``NoDocumentsError``.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import structlog

from .clean import LineDecision, is_prose, marker_kinds
from .errors import NoDocumentsError
from .segment import words
from .webpage import html_to_text, looks_like_html

log = structlog.get_logger()

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
# Byte-order marks of the encodings read besides UTF-8 (UTF-32 first: its LE mark starts with
# UTF-16's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
META_SUFFIX = ".meta.json"
_MAX_TITLE_CHARS = 120


@dataclass(frozen=True, slots=True)
class Document:
    """One source document: its id, metadata, and raw text."""

    id: str
    title: str
    text: str
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    path: str | None = None


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


def corpus_files(root: Path) -> list[Path]:
    """The document files under ``root``, sorted, with their sidecars left out."""
    return _walk(root)[0]


def _walk(root: Path) -> tuple[list[Path], Counter[str]]:
    """``corpus_files``, and how many other files there are by suffix (``.pdf``: 3)."""
    if not root.exists():
        raise NoDocumentsError(f"corpus directory {str(root)!r} does not exist: pass --corpus DIR")
    if not root.is_dir():
        raise NoDocumentsError(f"corpus path {str(root)!r} is not a directory: pass --corpus DIR")
    found: list[Path] = []
    others: Counter[str] = Counter()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name.endswith(META_SUFFIX):
                continue
            if name.lower().endswith(SUFFIXES):
                found.append(Path(dirpath) / name)
            else:
                others[Path(name).suffix.lower() or "(no extension)"] += 1
    return found, others


def file_stats(root: Path) -> list[FileStat]:
    """Names, sizes and modification times of the corpus files and sidecars (for fingerprints)."""
    stats = []
    for path in corpus_files(root):
        for p in (path, _sidecar(path)):
            if p.exists():
                st = p.stat()
                stats.append(FileStat(str(p.relative_to(root)), st.st_size, st.st_mtime_ns))
    return stats


def _sidecar(path: Path) -> Path:
    return path.with_name(path.stem + META_SUFFIX)


def read_text(path: Path) -> str:
    """The text of one file; raises ``ValueError`` saying why it cannot be used."""
    data = path.read_bytes()
    if not data.strip():
        raise ValueError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise ValueError(f"broken {encoding.upper()} text; re-save it as UTF-8") from None
            if not text.strip():
                raise ValueError("empty file")
            return text
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not UTF-8 text (bad byte at offset {exc.start}); re-save it as UTF-8"
        ) from None


def read_meta(path: Path) -> dict[str, str]:
    """The sidecar metadata of a document file, or ``{}``; a bad sidecar is warned about."""
    side = _sidecar(path)
    if not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("not a JSON object")
    except (OSError, ValueError) as exc:
        log.warning("bad_sidecar_ignored", path=str(side), reason=str(exc))
        return {}
    keys = ("title", "url", "publisher", "published")
    return {k: str(meta[k]).strip() for k in keys if isinstance(meta.get(k), str | int | float)}


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_KEYS = {"title": "title", "url": "url", "link": "url", "permalink": "url",
               "publisher": "publisher", "site": "publisher", "source": "publisher",
               "date": "published", "published": "published"}


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The metadata of a YAML front matter opening ``text`` (its plain ``key: value`` lines;
    lists and nested keys are passed over), and the text after it; ``({}, text)`` without one."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        key, value = key.strip().lower(), value.strip().strip("\"'").strip()
        if sep and not line[:1].isspace() and key in _FRONT_KEYS and value:
            meta.setdefault(_FRONT_KEYS[key], value)
    return meta, text[m.end() :]


# A Markdown heading's marks ("# Title", "## Title ##"): not part of the title.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+|\s+#+$")


def guess_title(decisions: Iterable[LineDecision], fallback: str) -> str:
    """The headline: the first headline-shaped line before the article's first prose paragraph.

    Headline-shaped: 3 to 25 words, not ending like a sentence, no page-furniture phrase. When
    there is none, the start of the first prose sentence stands in.
    """
    first_prose = None
    for d in decisions:
        if d.keep:
            first_prose = d.text
            break
        n = len(words(d.text))
        if 3 <= n <= 25 and not is_prose(d.text) and not marker_kinds(d.text) - {"credit"}:
            return _MARKDOWN_HEADING.sub("", d.text.strip())
    if first_prose:
        text = first_prose.split("\n")[0]
        if len(text) <= _MAX_TITLE_CHARS:
            return text
        return text[: _MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return fallback


def load_directory(root: str | os.PathLike[str]) -> tuple[list[Document], list[Skipped]]:
    """Load every document under ``root``; returns the documents and the skipped files."""
    root = Path(root)
    docs: list[Document] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    paths, others = _walk(root)
    if others:  # a folder of PDFs or Word files should not look like a corpus with gaps
        log.warning("files_not_read", count=sum(others.values()), types=dict(others),
                    read=" ".join(SUFFIXES))
    for path in paths:
        try:
            text = read_text(path)
            meta = read_meta(path)
            front, text = front_matter(text)
            meta = {**front, **meta}
            suffix = path.suffix.lower()
            # Markdown may hold some HTML and stays Markdown; a .txt of markup is a saved page
            if suffix in HTML_SUFFIXES or (suffix == ".txt" and looks_like_html(text)):
                page = html_to_text(text)
                if not page.text:
                    raise ValueError("an HTML page with no text")
                text, meta = page.text, {**page.meta, **meta}  # the sidecar has the last word
        except (OSError, ValueError) as exc:
            skipped.append(Skipped(str(path), str(exc)))
            log.warning("file_skipped", path=str(path), reason=str(exc))
            continue
        doc_id = path.stem
        if doc_id in seen:  # same stem in two folders: keep both, disambiguated by path
            doc_id = str(path.relative_to(root).with_suffix("")).replace(os.sep, "/")
        seen.add(doc_id)
        docs.append(
            Document(
                id=doc_id,
                title=meta.get("title") or "",
                text=text,
                url=meta.get("url"),
                publisher=meta.get("publisher"),
                published=meta.get("published"),
                path=str(path),
            )
        )
    if not docs:
        detail = f"; skipped: {', '.join(s.path + ' (' + s.reason + ')' for s in skipped)}"
        raise NoDocumentsError(
            f"no usable .txt, .md or .html document in {str(root)!r}"
            + (detail if skipped else "")
            + ": add UTF-8 text or HTML files or pass another --corpus"
        )
    return docs, skipped


def titled(doc: Document, decisions: list[LineDecision]) -> Document:
    """``doc`` with a title, guessed from its text when the sidecar gave none."""
    if doc.title:
        return doc
    return Document(
        id=doc.id, title=guess_title(decisions, doc.id), text=doc.text, url=doc.url,
        publisher=doc.publisher, published=doc.published, path=doc.path,
    )


__all__ = ["Document", "FileStat", "Skipped", "corpus_files", "file_stats", "front_matter",
           "guess_title", "load_directory", "read_meta", "read_text", "titled"]
