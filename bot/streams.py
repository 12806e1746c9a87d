"""The command's standard streams: made safe to read and write whatever the caller left them
as (closed, in a locale that cannot write a character), JSON written in what stdout can hold,
and an output that cannot be written reported in one line.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import json
import os
import sys

# What writing the output meets on a full disk, over quota, past a file size limit or on a
# failing device (a pipe closed by its reader is BrokenPipeError, and no failure)
UNWRITABLE = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def prepare() -> None:
    """The standard streams made safe: a closed one opened on the null device, a character the
    locale cannot write escaped, a byte stdin's encoding cannot read replaced."""
    _closed_streams_to_null()
    for stream in (sys.stdout, sys.stderr):  # a character the locale cannot write: escaped
        if isinstance(stream, io.TextIOWrapper):  # (\u201c), not a traceback
            stream.reconfigure(errors="backslashreplace")
    if isinstance(sys.stdin, io.TextIOWrapper):  # a byte not in its encoding (a Latin-1 "ü"
        sys.stdin.reconfigure(errors="replace")  # in a UTF-8 file): "�", not a traceback


def _closed_streams_to_null() -> None:
    """A standard stream the caller closed (`<&-`, `>&-`, `2>&-`: Python leaves it ``None``)
    reads as empty and writes nowhere: each was an AttributeError (``isatty``), and with
    stderr closed a silent exit 1 without the answer."""
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            # (open for the rest of the process, as the stream it stands for)
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115


def as_json(value: object) -> str:
    """``value`` as JSON for stdout: its characters as they are where stdout writes UTF-8, else
    as ``\\u`` escapes (a Latin-1 or ASCII locale could not write a quote's “, nor any Cyrillic,
    and the answer was a traceback)."""
    encoding = codecs.lookup(getattr(sys.stdout, "encoding", None) or "utf-8").name
    return json.dumps(value, ensure_ascii=encoding != "utf-8")


def report_lost_output(exc: OSError) -> bool:
    """Whether ``exc`` is stdout that could not be written (``UNWRITABLE``, no file named): if
    so, said in one line on stderr, and nothing more tried (Python flushed what was left at
    exit, and failed again in a second message)."""
    if exc.errno not in UNWRITABLE or exc.filename is not None:
        return False
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    with contextlib.suppress(OSError):  # (stderr may be what failed)
        print(f"qabot: cannot write the output: {exc.strerror}", file=sys.stderr, flush=True)
    return True
