"""Read a mail archive (.mbox: a mail client's export, a mailing list's archive) into blocks.

The archive is split at its "From " separator lines (a line in a message that opens with
"From " is written ">From ", and read back so: mboxrd); each message is read by
``mailmessage`` and is a section of the document headed by its Subject, its From, To and Date
paragraphs first, then the sender's own words (quoted replies and signatures dropped, as in a
saved e-mail). An encrypted message is listed as dropped, not read. The archive's title is its
thread's subject when every message is of one thread ("Re: " and "Fwd: " aside). At most
``MAX_MESSAGES`` messages and ``MAX_MBOX_BYTES`` are read: a larger archive is skipped, saying
so.
"""

from __future__ import annotations

import re

from .blocks import Block, Dropped, Parsed
from .mailmessage import header, parse_message, read_message

MAX_MESSAGES = 100_000
MAX_MBOX_BYTES = 256 << 20
_SEPARATOR_RE = re.compile(rb"^From [^\n]*\n", re.M)
_ESCAPED_FROM_RE = re.compile(rb"^>(>*From )", re.M)
_REPLY_RE = re.compile(r"^(?:(?:re|fwd?|aw|wg|sv|tr)\s*(?:\[\d+\])?\s*:\s*)+", re.I)


def read_mbox(data: bytes) -> Parsed:
    """The blocks of every message of an mbox archive, one section each; ``ValueError`` when
    it is none or too large."""
    if len(data) > MAX_MBOX_BYTES:
        raise ValueError(f"a mail archive of {len(data) >> 20} MB, over the "
                         f"{MAX_MBOX_BYTES >> 20} MB qabot reads of one")
    if not data.lstrip(b"\r\n").startswith(b"From "):
        raise ValueError("not an mbox mail archive (it does not open with a \"From \" line)")
    starts = [m.end() for m in _SEPARATOR_RE.finditer(data)]
    if len(starts) > MAX_MESSAGES:
        raise ValueError(f"{len(starts):,} messages, over the {MAX_MESSAGES:,} qabot reads of "
                         "a mail archive")
    ends = [*[m.start() for m in _SEPARATOR_RE.finditer(data)][1:], len(data)]
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    subjects: list[str] = []
    for n, (start, end) in enumerate(zip(starts, ends, strict=True), 1):
        message = parse_message(_ESCAPED_FROM_RE.sub(rb"\1", data[start:end]))
        subject = header(message, "subject") or f"Message {n}"
        section = (subject,)
        try:
            mail = read_message(message, section)
        except ValueError as err:
            dropped.append(Dropped(Block("heading", subject, section, level=1), str(err)))
            continue
        if not mail.blocks:  # no header a reader sees, and no text
            dropped.append(Dropped(Block("heading", subject, section, level=1), "an empty message"))
            continue
        subjects.append(_REPLY_RE.sub("", mail.subject))
        blocks.append(Block("heading", subject, section, level=1))
        blocks.extend(mail.blocks)
        dropped.extend(mail.dropped)
    if not blocks:
        raise ValueError("a mail archive with no readable message")
    thread = set(subjects)
    meta = {"title": subjects[0]} if len(thread) == 1 and subjects[0] else {}
    return Parsed(blocks, meta=meta, web=False, dropped=dropped)


__all__ = ["MAX_MBOX_BYTES", "MAX_MESSAGES", "read_mbox"]
