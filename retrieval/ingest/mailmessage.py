"""One e-mail message -> blocks: its fields, and the sender's own words without what it quotes.

Read with the standard library's ``email`` package (its modern policy decodes encoded headers
and each part's charset). Of a message qabot keeps:

* its **Subject**, which titles it (``Mail.subject``) and heads its text;
* its **fields** as rows a quote can cite: "From: Ann Lee <ann@example.org>", "To: ...",
  "Date: Tue, 3 Mar 2020 09:12:00 +0000" (as written; a record's fields, as a table's row is,
  not paragraphs: every message of a mailing list has the same "To:", and a paragraph repeated
  across documents is dropped as a site's footer is);
* its **body**: the plain-text part (else the HTML one, read by ``html.read_html``), read as the
  plain-text reader reads a file (``text.read_plain``: paragraphs, list items, headings by
  layout); a part that names no charset, or whose charset leaves bytes unread, is decoded as
  a text file is (its encoding detected).

Not the sender's words, so listed as dropped, never quoted as theirs: **quoted replies** (lines
opening with ">", with the attribution line before them, "On Mon, ... Ann wrote:"; everything
under Outlook's "-----Original Message-----" or a "From:" header block after a rule; in HTML,
the elements mail clients mark as quoted, ``mailquotes``: a reply below or between them is
the sender's), the **signature** (from the "-- " line on, as mail clients write it), and
attachments (named, not read). An encrypted message
(PGP/MIME, S/MIME, an inline PGP block) raises ``ValueError``: nothing in it can be read.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from email.message import EmailMessage, MIMEPart
from email.utils import parseaddr, parsedate_to_datetime

from .blocks import Block, Dropped, Parsed, one_line, usable_title
from .decoding import decode
from .html import read_html
from .mailquotes import split_html_quotes
from .text import read_plain

_ENCRYPTED_TYPES = ("multipart/encrypted", "application/pkcs7-mime", "application/x-pkcs7-mime")
_ATTRIBUTION_RE = re.compile(r"(?:wrote|writes|schrieb|a écrit|escribió|scrisse|napisał)\s*:\s*$",
                             re.I)
_ORIGINAL_RE = re.compile(r"^\s*-{3,}\s*(?:Original Message|Forwarded message)\s*-{3,}\s*$"
                          r"|^_{20,}\s*$", re.I)
# what a broken header or part raises in the email package's parsing of it
_BAD_PART = (LookupError, ValueError, TypeError, AttributeError, IndexError,
             email.errors.MessageError)


@dataclass(slots=True)
class Mail:
    """What a message gives: its subject, sender and date, and its blocks (under its subject)."""

    subject: str = ""
    sender: str = ""  # the sender's name, or address when no name
    published: str = ""  # the date as ISO 8601 (a day), "" when none or unreadable
    blocks: list[Block] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    def meta(self) -> dict[str, str]:
        """What the message declares of itself as a document: its subject the title, its
        sender the publisher, its date the date (only those it has)."""
        fields = {"title": self.subject, "publisher": self.sender, "published": self.published}
        return {k: v for k, v in fields.items() if v}


def parse_message(data: bytes) -> EmailMessage:
    """The message in ``data`` (RFC 5322 bytes); ``ValueError`` when its parts nest deeper
    than the email package's parser recurses (a part a level: 2,000 multiparts one in another,
    or forwarded messages, were a RecursionError)."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except RecursionError:
        raise ValueError("an e-mail whose parts nest deeper than qabot reads") from None
    assert isinstance(message, EmailMessage)
    return message


def read_message(message: EmailMessage) -> Mail:
    """The message's Subject as its heading, then its fields and the sender's own words as
    blocks under it; ``ValueError`` when it is encrypted."""
    mail = Mail(subject=usable_title(header(message, "subject")))
    section = (mail.subject,) if mail.subject else ()
    sender = header(message, "from")
    name, address = parseaddr(sender)
    mail.sender = one_line(name) or address
    when = header(message, "date")
    try:
        mail.published = parsedate_to_datetime(when).date().isoformat() if when else ""
    except (TypeError, ValueError, IndexError):
        mail.published = ""
    for label, value in (("From", sender), ("To", header(message, "to")), ("Date", when)):
        if value:
            mail.blocks.append(Block("table_row", f"{label}: {value}", section))
    if message.get_content_type() in _ENCRYPTED_TYPES:
        raise ValueError("an encrypted e-mail: qabot cannot read its text")
    kind, body = _body(message)
    if "-----BEGIN PGP MESSAGE-----" in body:
        raise ValueError("an encrypted e-mail (a PGP message): qabot cannot read its text")
    if kind == "html":
        body, quotes = split_html_quotes(body)
        mail.dropped.extend(Dropped(Block("paragraph", b.text, section), "quoted reply")
                            for quote in quotes for b in read_html(quote).blocks)
        parsed: Parsed | None = read_html(body)
    else:
        own, quoted, signature = split_reply(body)
        mail.dropped.extend(Dropped(Block("paragraph", q, section), "quoted reply")
                            for q in quoted)
        if signature:
            mail.dropped.append(Dropped(Block("paragraph", signature, section), "signature"))
        parsed = read_plain(own) if own.strip() else None
    if parsed is not None:
        mail.blocks.extend(Block(b.kind, b.text, section + b.section, None, b.level, b.lines)
                           for b in parsed.blocks)
        mail.dropped.extend(parsed.dropped)
    for part in message.iter_attachments():
        name = part.get_filename() or part.get_content_type()
        mail.dropped.append(Dropped(Block("paragraph", one_line(name), section),
                                    "an attachment, not read"))
    if mail.blocks and mail.subject:  # its words are the text's too ("NetworkX 3.2.1" is
        # named only there), as a page's title heading is
        mail.blocks.insert(0, Block("heading", mail.subject, section, level=1))
    return mail


def header(message: EmailMessage, name: str) -> str:
    """A header's decoded value on one line, "" when absent or unreadable."""
    try:
        value = message.get(name)
    except _BAD_PART:
        return ""
    return one_line(str(value)) if value is not None else ""


def _body(message: EmailMessage) -> tuple[str, str]:
    """("plain" or "html", the text) of the body part a reader is shown: the plain text, or
    the HTML when there is no plain text or it is blank; ("plain", "") for none."""
    for preference in (("plain", "html"), ("html",)):
        try:
            part = message.get_body(preferencelist=preference)
        except _BAD_PART:
            part = None
        if part is None:
            continue
        kind = "html" if part.get_content_subtype() == "html" else "plain"
        try:
            text = part.get_content()
        except _BAD_PART:  # a charset Python does not know
            text = None
        if not isinstance(text, str) or part.get_content_charset() is None or "\ufffd" in text:
            text = _detected(part, text if isinstance(text, str) else None)
        if text.strip():
            return kind, text
    return "plain", ""


def _detected(part: MIMEPart, read: str | None) -> str:
    """The text of a part that names no charset, names one Python does not know (``read`` is
    ``None``), or whose charset left bytes unread ("�"), its encoding detected as a text
    file's is (``decoding.decode``): a message without a charset was read as US-ASCII, each
    accented letter or Cyrillic one "�". ``read`` when the bytes are no text either."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return read or ""
    try:
        return decode(payload)[0]
    except ValueError:  # no encoding fits: what the charset made of it, else UTF-8's
        return read if read is not None else payload.decode("utf-8", errors="replace")


def split_reply(body: str) -> tuple[str, list[str], str]:
    """A plain-text body's own text (quoted lines blanked out, so paragraphs stay apart), the
    runs of quoted lines (each with its attribution line) as one line each, and the
    signature."""
    lines = body.splitlines()
    signature = ""
    for i, line in enumerate(lines):
        if line in ("-- ", "--"):
            signature = one_line(" ".join(lines[i + 1 :]))
            lines = lines[:i]
            break
    quoted: list[str] = []
    for i, line in enumerate(lines):
        if _ORIGINAL_RE.match(line) and i + 1 < len(lines):
            quoted.append(one_line(" ".join(lines[i:])))
            lines = lines[:i]
            break
    own: list[str] = []
    run: list[str] = []
    for line in lines:
        if line.lstrip().startswith(">"):
            if not run and own and _attribution(own):
                run.append(own.pop().strip())
            run.append(line.lstrip().lstrip(">").strip())
            own.append("")
            continue
        if run:
            quoted.append(one_line(" ".join(run)))
            run = []
        own.append(line)
    if run:
        quoted.append(one_line(" ".join(run)))
    return "\n".join(own), [q for q in quoted if q], signature


def _attribution(own: list[str]) -> bool:
    """Whether the last line before a quote (blank lines aside) introduces it ("On Mon, 2 Mar
    2020, Ann Lee wrote:"); blank lines above it are dropped so it can be popped."""
    while own and not own[-1].strip():
        own.pop()
    return bool(own) and bool(_ATTRIBUTION_RE.search(own[-1]))


__all__ = ["Mail", "header", "parse_message", "read_message", "split_reply"]
