"""Read one saved e-mail (.eml, RFC 5322: what a mail client's "Save as" writes) into blocks.

The message is read by ``mailmessage``: its Subject titles the document, its From, To and Date
are paragraphs a quote can cite (the sender is the source's publisher, the date its date), and
its body is the sender's own words, quoted replies and the signature listed as dropped.
"""

from __future__ import annotations

from .blocks import Parsed
from .mailmessage import parse_message, read_message

MAX_MAIL_BYTES = 64 << 20  # as the Word reader's XML: a message larger is mostly attachments


def read_eml(data: bytes) -> Parsed:
    """The blocks of one e-mail message, with its subject, sender and date; ``ValueError``
    when it is no message, is encrypted or too large."""
    if len(data) > MAX_MAIL_BYTES:
        raise ValueError(f"an e-mail of {len(data) >> 20} MB, over the "
                         f"{MAX_MAIL_BYTES >> 20} MB qabot reads of one")
    message = parse_message(data)
    if not any(k.lower() in ("from", "subject", "date", "to") for k in message.keys()):  # noqa: SIM118
        raise ValueError("not an e-mail message (no From, To, Subject or Date header)")
    mail = read_message(message)
    if not mail.blocks:
        raise ValueError("an e-mail with no text")
    return Parsed(mail.blocks, meta=mail.meta(), web=False, dropped=mail.dropped)


__all__ = ["MAX_MAIL_BYTES", "read_eml"]
