"""How much of a text file is read: its first ``MAX_TEXT_CHARS`` characters, cut at a line end.

    kept = bounded_bytes(data)        # before decoding: what that many characters take at most
    text, note = bounded_text(text, len(data), len(kept) < len(data))  # the text cut, and a
                                      # note saying what was kept

The other formats are bounded by what their containers declare or hold (an e-mail over 64 MB,
an RTF over 64 MB, an archive's parts inflating past 64 MB are skipped); a text file had no
bound, and its readers' cost grows with it: a 50 MB text of one line took 1.3-1.7 GB and four
minutes to index, a 50 MB one of wrapped paragraphs 0.9 GB. Its first 16 million characters
are read (a long book is 3 million: a log or a dump is what runs past it), with a note naming
what was kept, which the loader logs as a warning naming the file.
"""

from __future__ import annotations

import codecs

MAX_TEXT_CHARS = 16 << 20  # characters of a text file read, at most
_MOST_BYTES_A_CHAR = 4  # UTF-8's and UTF-32's longest character
# the marks of text whose code units are 4 or 2 bytes, cut whole by a cut at a multiple of 4
# bytes; any other is UTF-8 or a legacy code page, cut between characters
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def bounded_bytes(data: bytes) -> bytes:
    """``data``, or its first bytes when it holds more than ``MAX_TEXT_CHARS`` could take in
    any encoding read (4 bytes each): a file of gigabytes is not decoded whole only to be cut.
    The cut falls between two characters of UTF-8 (not inside one, which read as a damaged
    byte and sent the whole to the encoding detector)."""
    end = MAX_TEXT_CHARS * _MOST_BYTES_A_CHAR
    if len(data) <= end:
        return data
    if data.startswith(_UTF32_BOMS):
        return data[:end]  # (4 bytes a character)
    if data.startswith(_UTF16_BOMS) or b"\x00" in data[:8192]:  # UTF-16, marked or not
        if 0xD8 <= data[end - 1] < 0xDC or 0xD8 <= data[end - 2] < 0xDC:
            end -= 2  # not between the halves of a surrogate pair (either byte order)
        return data[:end]
    while end and 0x80 <= data[end] < 0xC0:  # a UTF-8 character's continuation byte
        end -= 1
    return data[:end]


def bounded_text(text: str, size: int, cut_short: bool = False) -> tuple[str, str | None]:
    """``text`` (of a file of ``size`` bytes; ``cut_short``: of its first bytes only), or its
    first ``MAX_TEXT_CHARS`` at most, cut at the last line end before them (else the last
    space, else there), and a note saying what was read; ``None`` when the whole is."""
    most = MAX_TEXT_CHARS
    if len(text) <= most and not cut_short:
        return text, None
    end = text.rfind("\n", 0, most)
    if end < most // 2:  # no line end near the bound: a text of one line
        end = text.rfind(" ", 0, most)
        if end < most // 2:
            end = most
    lines = text.count("\n", 0, end) + 1
    return text[:end], (
        f"too long to read whole: its first {end:,} characters read ({lines:,} "
        f"line{'s' * (lines > 1)}, of a file of {size / (1 << 20):,.1f} MB); split it to "
        "have the rest read")


__all__ = ["MAX_TEXT_CHARS", "bounded_bytes", "bounded_text"]
