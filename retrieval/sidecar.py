"""Sidecar metadata: ``<stem>.meta.json`` beside a document file, read as the document's
title, URL, publisher, publication date and language::

    {"title": "Armenia freezes CSTO membership", "url": "https://example.org/a",
     "publisher": "Example News", "published": "2024-02-23"}

All keys are optional, and every key there overrides what the document declares. A bad sidecar
(not JSON, not an object, a link out of the corpus, not a regular file, too large) is warned
about and ignored.
"""

from __future__ import annotations

import json
import os
import re
import stat as stat_mode
from pathlib import Path

import structlog

from .ingest.blocks import one_line
from .ingest.read import BIDI_CONTROLS, printable
from .walk import refused_link, sidecar_of

log = structlog.get_logger()

# A sidecar holds a few short values: one larger than this is no sidecar (a link to /dev/zero,
# a file of nested brackets), not read
MAX_SIDECAR_BYTES = 1 << 20
# A surrogate code point left alone in a string: JSON can spell one ("\ud83e", what a
# JavaScript tool writes when it cuts a title in the middle of an emoji), and text holding
# one cannot be encoded (json.loads has already joined every pair).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


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
        # (a byte-order mark opening it, as Windows Notepad writes one, is no fault)
        meta = json.loads(_small_file(side, MAX_SIDECAR_BYTES).decode("utf-8-sig"))
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
