"""Read a PDF into blocks: wrapped lines re-joined, headings found, page furniture dropped.

pypdf does the reading: pure Python, no system libraries (no poppler, no Ghostscript). It gives
each page's text line by line and, through its text visitor, where each piece of text sits and
in which font and size. From those the reader rebuilds what a person sees on the page:

* **Page furniture**, each kind dropped and reported once, with its first occurrence. A line
  among the first or last three of a page that recurs (digits read as ``#``) on at least half
  the pages, and on three or more, is a running header or footer; so is one whose number runs
  with the pages ("Chapter 4: Functions 9", "... 10") on three pages, or on two when it agrees
  with the document's other page numbers, or one on every page but the first (a cover page
  without it) of three pages or more; in a document of two pages, a line among the first (or
  last) three of both is one (a memo's title as its header). Not one whose numbers are its
  own: on three pages or more, differing on most, neither the same nor running with the pages
  (form letters' "Invoice 10423", "Invoice 10588" are the letters' text). A bare page number
  ("4", "Page 4 of 10", "- 4 -", "iv") among the first or last two lines, recurring, is a
  page number; so is, there, a line opening or ending in "Page N of M" where M is the page
  count, words beside it (a footer's "Riverbend Water Trust   Page 1 of 1", even on one
  page). Either is dropped only with nothing but furniture between it and the page's top or
  bottom (a warning repeated under each short page's heading is text). Table-of-contents and
  index lines ("Scope . . . . 4") go too.
* **Paragraphs.** Hard-wrapped lines are joined with a space; a word hyphenated at a line end
  is rejoined ("hyphen-" + "ated"; "UTF-" + "encoded" keeps its hyphen, and so does a word
  written with one, "cross-" + "entropy": two English words that run together make none). A
  paragraph ends at a blank line, at white space over 1.35 line pitches (the body text's,
  never less than the step of a sentence wrapped to the next line: double spacing is no white
  space), at a change of type size by 15%, or where a line ending a sentence is followed by
  one starting a new sentence. It runs on over a page break and keeps the page it starts on.
* **Headings.** With an outline (bookmarks), a line on an entry's page (or the next) that
  matches its title, ignoring case, spaces, punctuation and a leading number ("3.2", "Appendix
  A"), is a heading at the entry's depth. Without one, a guess: a line of at most 12 words, not
  ending in ``. , ; :`` nor on "the", "of" and the like, starting with a capital or a section
  number ("2.1 Scope"), that stands alone (a blank, white space, a finished sentence or a change
  of size before it, but not a sentence finishing the column before: a column's first line is no
  heading for that; a new sentence after it) and is followed by a longer line or by another
  heading; a section number and a title in capitals ("2.3. DESCRIPTION") is one whatever follows
  it, and so is a title of up to four words in capitals ("SEE ALSO") where the document has
  three or more, never three in a row (a manual page's sections). When the PDF sets some such
  lines apart (type 12% above the body text's, or bold when the body is not), only lines set
  apart count, and they need no longer line after them. Level: the numbering's depth ("2.1",
  "A.1" -> 2; "Appendix B" -> 1), else that of the numbered headings set in the same size, else
  the rank of its size among the headings'; headings set larger than every numbered one (a title
  over "1. Finances") rank above the numbering, whose depth then counts from below them. A title
  set larger than the body text and wrapped so that its first line breaks off ("... Noisy
  Classrooms: A" over "Field Study") is one line, and so one heading. A bulleted item after a
  line counts as a new sentence after it whatever its first word ("• fix issue126").
* **A cover page** (``pdfcover``): a first page of at most 12 short lines, none ending a
  sentence, before pages holding more words: its lines (the organisation, "Prepared for ...",
  "Version 1.2", a date) are each a paragraph of their own (a line going on in lower case
  joins the one above), and none is a heading but its title, set larger than the page's other
  lines and the body text.
* **List items** start with a bullet glyph (removed from the text), or, where a sentence may
  start, with "-" / "*" / "–" (removed) or "1." / "a)" / "ii." / "(i)" (kept); wrapped lines
  join the item. Nesting comes from the marker's indent.
* **Code**: consecutive lines in a monospaced font, when the body text is not monospaced.
* **Table rows**: three or more lines in a row, each a label (or none) then only figures, as
  many on each ("radius (mean): 6.981 28.11"), at one left edge and size: a table set as lines
  of text (``pdflines.table_rows``). Each line is a ``table_row`` of its own, not wrapped prose.
  So are three or more lines parted by wide white space into as many cells at the same left
  edges, whatever they hold (a table drawn cell by cell): the first heads the columns ("Village
  | Pumps"), the others read "Village: Chiyanga; Pumps: 6" (``pdflines.tabulated``).
* **Columns drawn line by line** (each line of the page a left column's line and a right
  column's, at one edge each, both prose) are read column by column (``pdflayout.unweave``),
  a heading beside the other column's text, and a line where only one column has one, too.
* **Footnotes** (``pdfnotes``): the small lines ending a page, the first opening with a mark
  ("1", "*"), are each note a paragraph without its mark, read after the end of the sentence a
  page break cuts rather than inside it.
* **Pages.** A block's page is its index in the file, or, when the PDF labels its pages, the
  number printed on it ("3" for the fifth page after "i" and "ii"): what a reader looks up. A
  page labelled with no number ("iv", "A-2") is cited by none.
* **Not read**, and listed as dropped: a page that is only an image (scanned), whose pages
  the notes name too, and the values filled into a form's fields (drawn by the fields, not in
  the page's text), which the notes count.

The reading is split by concept: ``pdflayout`` rebuilds the lines, ``pdffurniture`` drops the page
furniture, ``pdfheadings`` finds the headings, ``pdfcover`` a cover page, ``pdfnotes`` the
footnotes, ``pdflines`` weighs a line, ``pdfblocks`` joins the lines into blocks, ``pdfunread``
finds what is not read; this module opens the file, puts the reading together and reads the
metadata and the printed page numbers.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import replace
from datetime import date

import pypdf

from .blocks import (
    Block,
    Dropped,
    Parsed,
    error_reason,
    one_line,
    usable_title,
)
from .pdfblocks import assemble
from .pdfcover import cover_breaks, cover_lines, cover_title
from .pdffurniture import furniture, leaders
from .pdfheadings import guess_headings, outline_entries, outline_headings, wrapped_titles
from .pdflayout import PageText, extract, page_lines, unweave
from .pdflines import body_style, gaps, table_rows, tabulated
from .pdfnotes import footnotes
from .pdfunread import FIELD, GARBLED, framed_scans, is_garbled, not_read


def read_pdf(data: bytes) -> Parsed:
    """The blocks of a PDF in reading order, its title and date; ``ValueError`` if unreadable."""
    reader = _open(data)
    texts, broken = _page_texts(reader)
    if not texts:
        raise ValueError("PDF has no pages")
    if len(broken) == len(texts):  # not one page read: the file is what cannot be
        raise _unreadable("unreadable PDF", next(iter(broken.values())))
    garbled = [n for n, (text, _) in enumerate(texts, 1) if is_garbled(text)]
    for n in garbled:  # read as no text, and said so (below)
        texts[n - 1] = ("", [])
    if garbled and not any(text.strip() for text, _ in texts):
        raise ValueError(f"PDF text {GARBLED}: run OCR on it (ocrmypdf --force-ocr)")
    if not any(text.strip() for text, _ in texts):
        raise ValueError("PDF has no text layer (scanned?): run OCR on it first (ocrmypdf)")
    notes: list[str] = []
    if garbled:
        notes.append(f"{_pages(garbled)} not read: {GARBLED}")
    not_read_why = {n: f"not read: {error_reason(err)}" for n, err in broken.items()}
    notes += [f"page {n} {why}" for n, why in not_read_why.items()]
    blank = [n for n, (text, _) in enumerate(texts, 1)
             if not text.strip() and n not in garbled and n not in broken]
    pages = [unweave(page_lines(text, pieces, n)) for n, (text, pieces) in enumerate(texts, 1)]
    pages, dropped = furniture(pages)
    # a scanned page among pages of text gets their running header and page number from the
    # tool that put them together: its text is only furniture, and its image is what it says
    blank = sorted(blank + framed_scans(reader, pages, blank, garbled))
    if blank:
        notes.append(f"{_pages(blank)} of {len(texts)} {'has' if len(blank) == 1 else 'have'} "
                     "no text layer (scanned?)")
    pages, listed = leaders(pages)
    dropped += listed
    unread = not_read(reader, blank)
    fields = sum(d.reason == FIELD for d in unread)
    if fields:
        notes.append(f"{fields} form field value{'s' * (fields > 1)} not read")
    pages_unread = [(n, GARBLED) for n in garbled] + list(not_read_why.items())
    dropped = ([Dropped(Block("paragraph", "(the text of the page)", page=n), why)
                for n, why in pages_unread] + unread + dropped)
    style = body_style(pages)
    pages = footnotes(pages, style)
    lines = wrapped_titles([line for page in pages for line in gaps(page, style)], style)
    entries = outline_entries(reader, notes)
    heads: dict[int, int] = {}
    if entries:
        lines, heads, missed = outline_headings(lines, entries)
        if missed:
            notes.append(f"{missed} of {len(entries)} outline entries not found on their pages")
    rows = table_rows(lines)
    cover = cover_lines(lines)
    if not heads:  # a table's row is no heading, however short and unpunctuated
        title = cover_title(lines, cover, style)
        # a cover page's lines are none, but for its title
        heads = {i: d for i, d in guess_headings(lines, style).items()
                 if i not in rows and (i not in cover or i in title)}
    # ... and each is a block of its own, not run into one paragraph
    breaks = cover_breaks(lines, cover)
    lines = [replace(line, gap=True) if i in breaks else line for i, line in enumerate(lines)]
    blocks = assemble(tabulated(lines), heads, style, rows)
    meta = _meta(reader)
    header = _running_title(texts[0][0], dropped)
    if header:
        meta["header"] = header
    printed = _printed_pages(reader)
    if printed is not None:
        blocks = [replace(b, page=printed.get(b.page or 0)) for b in blocks]
        dropped = [replace(d, block=replace(d.block, page=printed.get(d.block.page or 0)))
                   for d in dropped]
    return Parsed(blocks, meta=meta, web=False, dropped=dropped, notes=notes)


def _page_texts(reader: pypdf.PdfReader) -> tuple[list[PageText], dict[int, Exception]]:
    """Each page's text (``pdflayout.extract``), and the pages that could not be read (by
    number: why): one page past a limit of pypdf's (its content a zip bomb) or damaged costs
    that page, read as empty, where it cost the whole file."""
    try:
        pages = list(reader.pages)
    except Exception as err:  # pypdf raises whatever its parser trips on in a damaged file
        raise _unreadable("unreadable PDF", err) from err
    texts: list[PageText] = []
    broken: dict[int, Exception] = {}
    for n, page in enumerate(pages, 1):
        try:
            texts.append(extract(page))
        except Exception as err:  # (as above, for one page)
            texts.append(("", []))
            broken[n] = err
    return texts, broken


def _pages(numbers: list[int]) -> str:
    return f"page {numbers[0]}" if len(numbers) == 1 else f"pages {', '.join(map(str, numbers))}"


def _running_title(first_page: str, dropped: list[Dropped]) -> str:
    """The running header that opens the first page, when it is a name (no digits: not a
    chapter's "Chapter 4: Functions 9"): a document set by DocBook or LaTeX repeats its title
    there ("Shared MIME-info Database"). Only a title of last resort (``titles.titled``): a
    company's name is a running header too."""
    top = next((one_line(line) for line in first_page.splitlines() if line.strip()), "")
    for d in dropped:
        if (d.reason.startswith("running header") and d.block.page == 1 and d.block.text == top
                and not re.search(r"\d", top)):
            return usable_title(top)
    return ""


def _printed_pages(reader: pypdf.PdfReader) -> dict[int, int] | None:
    """The number printed on each page (1-based index: number), when the PDF labels its pages
    (``/PageLabels``) otherwise than 1, 2, 3...: a book's "i", "ii", then "1", "2" from its
    fifth page. A page labelled with no number ("iv", "A-2") is left out: cited without a
    page rather than by one the reader cannot find. ``None``: no labels, pages by index."""
    try:
        if "/PageLabels" not in reader.root_object:
            return None
        labels = reader.page_labels
    except Exception:  # a damaged label tree only costs the printed numbers
        return None
    printed = {n: int(label) for n, label in enumerate(labels, 1) if label.isdecimal()}
    return None if all(printed.get(n) == n for n in range(1, len(labels) + 1)) else printed


def _open(data: bytes) -> pypdf.PdfReader:
    """A reader of ``data``, decrypted when that takes no password."""
    if not data.strip():
        raise ValueError("empty file, not a PDF")
    if b"%PDF-" not in data[:1024]:  # where the format puts its header (readers look that far)
        raise ValueError("not a PDF: it has no %PDF- header (a file of another kind named .pdf?)")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as err:  # pypdf raises whatever its parser trips on in a damaged file
        raise _unreadable("not a readable PDF", err) from err
    if encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as err:  # pypdf raises whatever its parser trips on in a damaged file
            raise _unreadable("encrypted PDF, cannot decrypt it", err) from err
        if opened == pypdf.PasswordType.NOT_DECRYPTED:
            raise ValueError("encrypted PDF: it needs a password; save an unprotected copy")
    return reader


def _unreadable(what: str, err: Exception) -> ValueError:
    """Why a PDF cannot be read. pypdf decrypts AES (what Acrobat uses to restrict printing,
    with no password to open) only with the ``cryptography`` package, a dependency of qabot's;
    an installation without it says so rather than "DependencyError"."""
    if isinstance(err, pypdf.errors.DependencyError):
        return ValueError(
            "encrypted PDF (AES): reading it needs the cryptography package, which this "
            "installation lacks (pip install cryptography)"
        )
    return ValueError(f"{what}: {error_reason(err)}")


def _meta(reader: pypdf.PdfReader) -> dict[str, str]:
    """``title`` from the document information, ``published`` from its creation date."""
    meta: dict[str, str] = {}
    try:
        info = reader.metadata
        raw_title, raw_date = (info.get("/Title"), info.get("/CreationDate")) if info else ("", "")
    except Exception:  # a damaged information dictionary only costs the metadata
        return meta
    title = usable_title(str(raw_title or ""))
    if title:
        meta["title"] = title
    found = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", str(raw_date or "").strip())
    if found:
        with contextlib.suppress(ValueError):  # a date like 20240231 says nothing reliable
            meta["published"] = date(*map(int, found.groups())).isoformat()
    return meta


__all__ = ["read_pdf"]
