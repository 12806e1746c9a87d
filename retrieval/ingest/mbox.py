"""Read a mail archive (.mbox: a mail client's export, a mailing list's archive) into documents,
one a message.

The archive is split at its "From " separator lines (a line in a message that opens with
"From " is written ">From ", and read back so: mboxrd); each message is read by
``mailmessage`` as a saved e-mail is (``eml``): a document of its own (``Parsed.parts``, keyed
by its number in the archive: "nx-announce#2"), titled by its Subject, its sender the source's
publisher and its date the source's date, its From, To and Date paragraphs first, then the
sender's own words (quoted replies and signatures dropped). A citation so names the message,
not the archive. An encrypted or empty message is listed as dropped, not read. At most
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


def read_mbox(data: bytes) -> Parsed:
    """Every message of an mbox archive, a part each (``Parsed.parts``); ``ValueError`` when it
    is none or too large."""
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
    parts: list[tuple[str, Parsed]] = []
    dropped: list[Dropped] = []
    for n, (start, end) in enumerate(zip(starts, ends, strict=True), 1):
        try:
            message = parse_message(_ESCAPED_FROM_RE.sub(rb"\1", data[start:end]))
        except ValueError as err:  # one message not read, not the archive
            dropped.append(Dropped(Block("heading", f"Message {n}", level=1), str(err)))
            continue
        subject = header(message, "subject") or f"Message {n}"
        try:
            mail = read_message(message)
        except ValueError as err:
            dropped.append(Dropped(Block("heading", subject, level=1), str(err)))
            continue
        if not mail.blocks:  # no header a reader sees, and no text
            dropped.append(Dropped(Block("heading", subject, level=1), "an empty message"))
            continue
        meta = mail.meta() if mail.subject else {**mail.meta(), "title": f"Message {n}"}
        parts.append((str(n), Parsed(mail.blocks, meta=meta, web=False, dropped=mail.dropped)))
    if not parts:
        raise ValueError("a mail archive with no readable message")
    parts[0][1].dropped[:0] = dropped  # (the messages not read: `qabot show` lists them there)
    return Parsed([], web=False, parts=parts)


__all__ = ["MAX_MBOX_BYTES", "MAX_MESSAGES", "read_mbox"]
