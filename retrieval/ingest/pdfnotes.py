"""A PDF page's footnotes: the lines at its foot set small, each note opening with its mark.

A paper or a report sets its footnotes under the text of the page, in type smaller than the body
text's, each opening with its mark ("1", "*", "†"). Read in the page's order they stand between
the page's last line and the next page's first: a sentence running over the page break was cut
in two by them ("... a batch size of" / "1Code and data are available ..." / "256, and the
learning rate ..."). Here the page's notes are found (its last lines, smaller than the body
text by ``SIZE_CHANGE`` at least, the first opening with a mark, after a line of body text), each
made a paragraph of its own without its mark, and, when the page's text breaks off mid-sentence,
read after the line of the next page that ends that sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .pdflines import CLOSES, SIZE_CHANGE, Line, Style

# a note's mark: a number or a printer's symbol, before a capital ("1Code", "* Equal contribution")
_MARK = re.compile(r"^(?:\d{1,3}|[*†‡§¶]{1,3})\s*(?=[A-Z“\"'(])")


def footnotes(pages: list[list[Line]], style: Style) -> list[list[Line]]:
    """``pages`` with each page's footnotes made paragraphs of their own without their marks,
    and moved past the end of a sentence the page break cuts."""
    if not style.body:
        return pages
    out = [list(page) for page in pages]
    for n in range(len(out)):
        start = _notes_start(out[n], style)
        if start is None:
            continue
        notes = []
        for line in out[n][start:]:
            if not line.text:
                continue
            mark = _MARK.match(line.text)
            if mark:  # a blank before each note: a paragraph of its own
                notes += [Line("", line.page), replace(line, text=line.text[mark.end():])]
            else:
                notes.append(line)
        notes.append(Line("", out[n][start].page))
        body = out[n][:start]
        last = next(line for line in reversed(body) if line.text)
        after = n + 1 < len(out) and not CLOSES.search(last.text)
        end = _sentence_end(out[n + 1]) if after else None
        if end is None:
            out[n] = body + notes
        else:  # the sentence goes on over the page: its end first, then the notes
            out[n] = body
            out[n + 1] = out[n + 1][: end + 1] + notes + out[n + 1][end + 1 :]
    return out


def _notes_start(page: list[Line], style: Style) -> int | None:
    """Where the page's footnotes start: the run of small lines ending it, the first opening
    with a mark, after a line set in the body text's size; ``None`` when it has none."""
    start = None
    for i in range(len(page) - 1, -1, -1):
        line = page[i]
        if not line.text:
            continue
        if not line.size or line.size * SIZE_CHANGE > style.body:
            break
        start = i
    if start is None or not _MARK.match(page[start].text):
        return None
    body = [line for line in page[:start] if line.text]
    if not body or not any(line.size * SIZE_CHANGE > style.body for line in body):
        return None
    return start


def _sentence_end(page: list[Line]) -> int | None:
    """The index of the page's first line ending a sentence, ``None`` when none does."""
    return next((i for i, line in enumerate(page) if line.text and CLOSES.search(line.text)),
                None)


__all__ = ["footnotes"]
