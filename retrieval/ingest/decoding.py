"""Bytes -> text: UTF-8, UTF-16/UTF-32 with a byte-order mark, UTF-16 without one, or a legacy
encoding charset-normalizer detects (``decode``), with a note naming any but Unicode's.

UTF-8 with a few bytes that are not (a file cut mid-character, a stray byte) is read as UTF-8,
those bytes replaced with U+FFFD, with a note saying how many; UTF-8 with NUL bytes in it (a log
a crash padded) without them, with a note; data that is no text raises ``ValueError``.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata

# Control characters no reader sees (NUL, backspace, escape, ...; not tab, line ends, form feed)
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Byte-order marks of the encodings read besides UTF-8 (UTF-32 first: its LE mark starts with
# UTF-16's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


# Legacy encodings by how much text is written in them, for telling apart ones that read a short
# text equally well (Windows-1252 and Windows-1250 both read "café" from b"caf\xe9").
_COMMON = ("cp1252", "iso8859_15", "cp1251", "koi8_r", "cp1250", "iso8859_2", "cp1253",
           "cp1254", "cp1257", "shift_jis", "gb18030", "big5", "euc_kr")


# a text whose characters beyond ASCII read as UTF-8 this many times as often as they fail to is
# UTF-8 with a few damaged bytes (a legacy code page's accented letters, two in a row, are seldom
# UTF-8: a Windows-1252 text has next to none that are)
UTF8_MAJORITY = 3


def _utf16_unmarked(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``head`` reads as UTF-16 text without a byte-order mark,
    else ``None``: of a Latin script, nine in ten of the high or of the low bytes NUL, next to
    none of the others; of another (Cyrillic, Greek, Japanese: few NULs, in the ASCII
    characters only), read in full as assigned characters, no control character but a line's
    or a tab, and ASCII among them (spaces, line ends, digits), the more of it the likelier."""
    even, odd = head[0::2], head[1::2]
    if not odd:
        return None
    for nul, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nul.count(0) >= 0.9 * len(nul) and other.count(0) <= 0.05 * len(other):
            return encoding
    best, most = None, 0
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = head[: len(head) // 2 * 2].decode(encoding)
        except UnicodeDecodeError:  # a lone half of a surrogate pair (or one cut at the end)
            continue
        ascii_ = sum(c < "\x80" for c in text)
        if ascii_ > most and all(c in "\t\n\r\f" or unicodedata.category(c) not in _NOT_TEXT
                                 for c in text):
            best, most = encoding, ascii_
    return best


def _without_nuls(data: bytes) -> tuple[str, str] | None:
    """The text of ``data`` without its NUL bytes, and a note saying how many were left out,
    when the rest is UTF-8 text (no control character but a line's, a tab or a form feed): a
    log a crash padded with NULs, a text a tool wrote one into, was skipped as binary. Binary
    data is seldom UTF-8 past a few bytes; ``None`` for it."""
    kept = data.replace(b"\x00", b"")
    try:
        text = kept.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if not text.strip() or CONTROL_RE.search(text):
        return None
    nuls = len(data) - len(kept)
    return text, f"UTF-8, {nuls} NUL byte{'s' * (nuls > 1)} left out"


def _lone_high_bytes(data: bytes) -> bool:
    """Whether each byte past ASCII stands alone, ASCII on both sides, as a code page's accented
    letter does in a Latin text ("K\xf6ln"). A two-byte encoding (GB18030, Big5, Shift-JIS) pairs
    its lead byte with the next: read so, each lone letter became a Chinese character eating the
    next ASCII letter ("K鰈n"), which real text in those encodings, its characters in runs,
    next to never is."""
    high = [i for i, b in enumerate(data) if b > 0x7F]
    return bool(high) and all(
        (i == 0 or data[i - 1] < 0x80) and (i + 1 == len(data) or data[i + 1] < 0x80)
        for i in high)


@functools.lru_cache(maxsize=64)
def _single_byte(encoding: str) -> bool:
    """Whether ``encoding`` reads each byte as one character (a code page), not some bytes as
    the lead of two."""
    try:
        make = codecs.getincrementaldecoder(encoding)
    except LookupError:
        return False
    return all(make(errors="replace").decode(bytes([b])) for b in range(0x80, 0x100))


# Unicode's categories of no text: controls, unassigned, private use, surrogates
_NOT_TEXT = frozenset(("Cc", "Cn", "Co", "Cs"))


def decode(data: bytes) -> tuple[str, str | None]:
    """The text of ``data``, and the legacy encoding it was read in (``None`` for Unicode);
    raises ``ValueError`` for binary data and text in no encoding known."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise ValueError(f"broken {encoding.upper()} text; re-save it as UTF-8") from None
            if not text.strip():
                raise ValueError("empty file")
            return text, None
    if b"\x00" in data[:8192]:
        unmarked = _utf16_unmarked(data[:8192])
        if unmarked:  # UTF-16 saved without its byte-order mark: every other byte a NUL
            try:
                return data.decode(unmarked), f"{unmarked.upper()} (no byte-order mark)"
            except UnicodeDecodeError:
                pass
        if (kept := _without_nuls(data)) is not None:
            return kept
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    # UTF-8 but for a few bytes (a file cut mid-character, a stray byte pasted in): read as
    # UTF-8 with those replaced ("�"), not as whatever code page the whole fits best, which
    # turned every accented letter of a German text into Japanese ("Brﾃｼcke")
    text = data.decode("utf-8-sig", errors="replace")
    damaged = text.count("\ufffd")
    if sum(1 for c in text if c > "\x7f") - damaged >= UTF8_MAJORITY * damaged:
        many = f"{damaged} bytes that are" if damaged > 1 else "1 byte that is"
        return text, f"UTF-8 ({many} not UTF-8 replaced with \ufffd)"
    from charset_normalizer import from_bytes  # only for the rare file that is not UTF-8

    matches = list(from_bytes(data))
    if _lone_high_bytes(data):
        matches = [m for m in matches if _single_byte(m.encoding)]
        if not matches:  # charset-normalizer offered two-byte readings only (a short text)
            page = next(c for c in _COMMON if _single_byte(c))
            return data.decode(page, errors="replace"), page
    best = None
    if matches:  # the least chaos, then the most coherent (charset-normalizer's first match
        # may be less coherent: a Turkish text's Windows-1254 came after Windows-1250 and
        # -1252, which read "yılında" as "yýlýnda"); on a tie, the code page most text in it
        # was written in
        top = min((m.chaos, -m.coherence) for m in matches)
        ties = [m for m in matches if (m.chaos, -m.coherence) == top]
        best = min(ties, key=lambda m: min((_COMMON.index(c) for c in m.could_be_from_charset
                                            if c in _COMMON), default=len(_COMMON)))
    if best is None or best.encoding in ("utf_8", "utf_16", "utf_32"):
        raise ValueError(f"not UTF-8 text (bad byte at offset {bad}), and no other encoding "
                         "fits; re-save it as UTF-8")
    return str(best), best.encoding


__all__ = ["CONTROL_RE", "UTF8_MAJORITY", "decode"]
