"""The cleaned corpus as qabot answers from it: documents, passages and their sentences.

Passage texts live in one UTF-8 buffer with offsets, and sentence spans in flat arrays, so a saved
collection memory-maps and a passage costs nothing until it is read. ``packing.py`` lays passage
texts out so, and ``spans.py`` their sentences; how documents become those passages is
``layout.py``; what is cited of each document, and how those sources are kept, is ``sources.py``.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .errors import DamagedIndexError
from .language import ENGLISH
from .ondemand import OnDemand
from .sources import Source


class PassageTexts(OnDemand[str]):
    """Every passage's text of a collection, decoded from its buffer when read: the texts of a
    corpus without a second copy of them as Python strings (no CRC-32 check: for a collection
    just built, not one read from disk)."""

    def __init__(self, collection: Collection) -> None:
        self.blob = collection.text_blob.data  # a memoryview of its bytes
        self.offsets = collection.text_offsets

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def _at(self, i: int) -> str:
        return str(self.blob[int(self.offsets[i]) : int(self.offsets[i + 1])], "utf-8")


class IndexedTexts(PassageTexts):
    """Every passage's text as it is indexed: without the lines of code a lead-in is quoted
    with (``CODE_LINE``), whose words are no passage's terms (``without_code``)."""

    def __init__(self, collection: Collection) -> None:
        super().__init__(collection)
        self.indptr, self.bounds = collection.sent_indptr, collection.sent_bounds
        self.flags = collection.sent_flags
        leads = np.flatnonzero(collection.sent_flags & CODE_AFTER)
        self.coded = frozenset(
            (np.searchsorted(collection.sent_indptr, leads, side="right") - 1).tolist())

    def _at(self, i: int) -> str:
        text = super()._at(i)
        if i not in self.coded:
            return text
        lo, hi = int(self.indptr[i]), int(self.indptr[i + 1])
        return without_code(text, self.bounds[lo:hi].tolist(), self.flags[lo:hi].tolist())


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a passage: its text and where it sits."""

    passage: int
    number: int  # position within the passage
    text: str
    quotable: bool
    item: bool = False  # of a list item or a table row
    first: bool = True  # the first sentence of its line (of its list item, say)
    # the lines of the short code block it leads in to, quoted after it (never indexed)
    code: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Collection:
    """Documents, their passages (text + document), and each passage's sentence spans."""

    sources: Sequence[Source]
    passage_doc: np.ndarray  # int32: passage -> index into ``sources``
    text_offsets: np.ndarray  # int64, n_passages + 1, byte offsets into ``text_blob``
    text_blob: np.ndarray  # uint8: every passage's UTF-8 text, back to back
    sent_indptr: np.ndarray  # int64, n_passages + 1: sentences of p are [sent_indptr[p], ...)
    # (n_sentences, 2): each sentence's character span within its passage; uint16 when every
    # passage is shorter than 65,536 characters (as passages laid out from documents are),
    # else int32 (``bounds_array``)
    sent_bounds: np.ndarray
    sent_flags: np.ndarray  # uint8, n_sentences: QUOTABLE | ITEM | FIRST
    passage_section: np.ndarray  # int32, n_passages: index into ``sections``, -1 for none
    passage_page: np.ndarray  # int32, n_passages: 1-based page of a paged document, 0 for none
    passage_crc: np.ndarray  # uint32, n_passages: CRC-32 of each passage's bytes in the blob
    passage_lang: np.ndarray  # S3, n_passages: each passage's language (b"": English)
    sections: Sequence[str] = ()  # "Installation › Linux": the section paths passages sit in

    @property
    def n_passages(self) -> int:
        return len(self.passage_doc)

    def passage_text(self, p: int) -> str:
        """Passage ``p``'s text, checked against its CRC-32 (~1 µs): a saved index damaged on
        disk raises ``DamagedIndexError`` instead of being quoted as the source's words."""
        lo, hi = int(self.text_offsets[p]), int(self.text_offsets[p + 1])
        data = bytes(self.text_blob[lo:hi])
        if zlib.crc32(data) != int(self.passage_crc[p]):
            raise DamagedIndexError(f"passage {p} of the index is not the text it was saved "
                                    "with (the index is damaged)")
        return data.decode("utf-8")

    def lang_of(self, p: int) -> str:
        """The language passage ``p`` is written in ("en", "de", ...)."""
        return self.passage_lang[p].decode() or ENGLISH

    def languages(self) -> frozenset[str]:
        """Every language the passages are written in."""
        return frozenset(c.decode() or ENGLISH for c in np.unique(self.passage_lang))

    def source_of(self, p: int) -> Source:
        return self.sources[int(self.passage_doc[p])]

    def sentences(self, p: int) -> list[Sentence]:
        text = self.passage_text(p)
        lo, hi = int(self.sent_indptr[p]), int(self.sent_indptr[p + 1])
        flags = self.sent_flags[lo:hi].tolist()
        bounds = self.sent_bounds[lo:hi].tolist()
        return [Sentence(p, i, text[int(a) : int(b)], bool(flags[i] & QUOTABLE),
                         bool(flags[i] & ITEM), bool(flags[i] & FIRST),
                         _code_lines(text, bounds, i) if flags[i] & CODE_AFTER else ())
                for i, (a, b) in enumerate(bounds)]

    def between(self, p: int, a: int, b: int) -> str:
        """The text of passage ``p`` between the end of its sentence ``a`` and the start of its
        sentence ``b`` (``a`` < ``b``): a space, a paragraph break, or what no sentence holds
        (a code block, say)."""
        lo = int(self.sent_indptr[p])
        start, end = int(self.sent_bounds[lo + a][1]), int(self.sent_bounds[lo + b][0])
        return self.passage_text(p)[start:end]

    def section_of(self, p: int) -> str | None:
        """The section path passage ``p`` sits in ("Installation › Linux"; "" under the
        document's own heading only), or ``None`` when no heading is above it."""
        i = int(self.passage_section[p])
        return self.sections[i] if i >= 0 else None

    def page_of(self, p: int) -> int | None:
        """The page of a paged document (PDF) passage ``p`` starts on, or ``None``."""
        return int(self.passage_page[p]) or None

    def passage_range(self, doc_index: int) -> tuple[int, int]:
        """The passages ``[lo, hi)`` of one document (a document's passages are consecutive)."""
        lo = int(np.searchsorted(self.passage_doc, doc_index, side="left"))
        return lo, int(np.searchsorted(self.passage_doc, doc_index, side="right"))

    def sectioned(self, doc_index: int) -> bool:
        """Whether a document has headings over its text (a manual, a spec: one topic)."""
        lo, hi = self.passage_range(doc_index)
        return bool((self.passage_section[lo:hi] >= 0).any())

    def passages_of(self, doc_index: int) -> list[int]:
        return [int(p) for p in np.flatnonzero(self.passage_doc == doc_index)]


# The version of what loading, cleaning and segmenting make of a corpus: part of a saved index's
# fingerprint, so an index built by an older qabot is rebuilt. Bump it whenever they change what
# is indexed. 2: HTML pages read as text, UTF-16 text, flattened pages judged in pieces, front
# matters read as metadata. 3: documents read as blocks (PDF, DOCX, Markdown and HTML structure),
# kept whole unless they are web pages; sections and pages. 4: each passage's language, read in
# its terms (stems, stop words, numbers); sentence ends of other languages (their quotation
# marks, abbreviations, a day's ordinal before a month). 5: a manual with one furniture word is
# no web page; DocBook, Texinfo and Node.js navigation left out; "eg."/"ie." end no sentence;
# a document's fragment too short to quote ends the sentence before it ("Default: 'SIGTERM'");
# an HTML paragraph's lines broken by <br> joined when they read as wrapped prose. 6: a
# Markdown paragraph of images alone dropped; English words read in their American spelling.
# 7: a full stop ending no abbreviation ends a sentence before a lower-case word too; a Word
# document's code (a code style, a monospaced font) and a PDF's code line after a line ending
# no sentence are code. 8: an HTML table cell holding more than three paragraphs or list items
# is layout, its blocks read as they are; an HTML paragraph of inline code alone is code.
# 9: a PDF line opening with a dash that another dash at its left edge follows opens a list.
# 10: a PDF's running header opening its first page titles it where its file name would.
# 11: an HTML "Skip to content" link, text for screen readers alone and a link opening a block
# that points at the element it is in (a permalink) left out. 12: not in a definition term (the
# Cargo book's options, "--workspace", are terms linked to themselves).
# 13: a plain text's line set out left of the text under it heads it (manual pages, pod2text);
# a furniture word in code ("$ftp->login(...)") is no sign of a web page; a manual page's NAME
# line titles it. 14: MyST Markdown read as Sphinx renders it (its directives' bodies, roles,
# targets and comments); Korean words count as the words they hold (a sentence of four eojeol
# is prose) and are stemmed by their particles. 15: AsciiDoc read as AsciiDoc (``.adoc``, and a
# ``.txt`` source that reads as one); a PDF's numbered title in capitals ("2.3. DESCRIPTION") is
# a heading whatever follows it; in a document, a lone term over its description (a variable
# list set as paragraphs, twice or more) heads it as a definition list's term. 16: Armenian's
# marks over a stressed vowel ("Ե՞րբ") are part of their word, not of its term; every language
# of the detection model is told (Icelandic was Nynorsk). 17: a plain text's block of fields
# ("Status: draft" / "URL: ...") is read a line each. 18: an English word's clipped form read as
# the word ("docs" as "documentation", ``variants.py``). 19: Malay read by Indonesian's stemmer.
# 20: an HTML footnote reference's marker left out ("every<sup>1</sup>" was "every1"); packaged
# stop lists read as their languages write them (Hebrew's had never matched, Romanian's "în");
# Thai, Lao, Khmer and Myanmar read in three-character pieces; a web page's list label takes
# the short lines glued to it ("312 comments" and the comments), more appeal and widget phrases.
# 21: UTF-8 with a few damaged bytes read as UTF-8; ligatures as their letters, no control
# characters. 22: an HTML comment left open at the end hides the rest. 23: PDFs (loose leading,
# a second column's first line, a warning repeated in the body, a title over numbered sections,
# page labels, AES, scanned pages and form fields reported), Word (a table without a header row,
# merged cells, hidden text and moves, numbering labels), HTML (row and column spans, a term
# heading nothing after its list, an aside in main), Markdown (footnotes, TOML and YAML front
# matter, an HTML table, a heading in a quote, deep nesting), AsciiDoc (cells a line each, a
# block's attributes, directives, footnotes), reST substitutions; a whole sentence repeated
# across documents kept; a note in another language keeps its short sentences; a part of a
# mixed document with few plain words takes the document's language; a legacy code page is
# the most coherent reading (Turkish Windows-1254 was read as -1252); UTF-16 without a
# byte-order mark, and a PDF whatever its name, read; a PDF page in a font with no map to
# Unicode left out and said; a wrapped line opening with a dash goes on with its sentence;
# an AsciiDoc labelled list's term heads no paragraph after the list.
# 24: a reST field holding a list leads in its items; a simple table's header over the data
# columns keys its cells; a PDF's lines each a label and figures are table rows; a list in a
# table's cell reads as its items apart (HTML, Markdown, DOCX); an AsciiDoc list under a term.
# 25: abbreviations of other languages end no sentence; Urdu, Ethiopic, Georgian and Armenian
# sentence ends; a page in another language quotes its short whole sentences; text is NFC; an
# HTML lang the text plainly contradicts gives way to detection.
# 26: a title loses its control and bidi characters wherever it was declared; a sidecar that
# leaves the corpus, is no regular file, too large or too deep is not read; a link into a
# hidden folder is not followed.
# 27: text laid out line by line in HTML (a <pre>, a <br>-broken block) reads as a text file; a
# text file's runs of "Label: value" fields are a field each; Vim help files lose their anchors
# and mode line; a label hung out over its text is no heading.
# 28: a web page's paragraph opening on a copyright notice is dropped; a news site's newsletter,
# cookie banner, paywall, advert, share bar and most-read list are left out by their class.
# 29: a table of contents' entry may name its heading in all of its words but one, and its
# heading ("Table of contents", "Contents") heads none of the sections after it.
# 30: a web page saved as text is titled by its headline, past its skip link, site name, menus,
# cookie notice and byline (``ingest/headline.py``); a Markdown heading's badges are no part of
# it; a mode line ending a text's first line is dropped; an HTML line of links to the next,
# previous and parent pages is navigation; a Debian changelog's entry lines are headings.
# 31: fullwidth letters and digits are the ASCII words they show ("ＣＳＴＯ" is "csto").
# 32: a wrapped line ending on an abbreviation or an initial goes on with its sentence (text,
# PDF); a Greek, Cyrillic or Armenian lower-case word goes on after a full stop; "св.", "św."
# end none; Russian and Ukrainian units of a sum end a sentence before a capital; Turkish and
# Azerbaijani names keep their term before a suffix's apostrophe ("İzmir'de").
# 33: soft hyphens are no part of the text; a Word subtitle is no list item, bold lines head a
# Word document without heading styles, a table's title row heads nothing, a TOC field is the
# table of contents, the blank template's date no publication date; PDF columns and tables drawn
# line by line read by their parts, "Page N of M" footers dropped, a scan framed by running
# text reported, a contents page with dot leaders read; a section like the title's start kept.
# 34: a short code block after a lead-in (a sentence ending in ":") is kept in its passage for
# that sentence's quote, as lines of no sentence, out of the index (``CODE_AFTER``).
# 35: a text that says it is a Vim help file is read as a document, never as a web page.
# 36: "C++", "C#", "F#" are terms (a letter alone is none).
# 37: news pages: picture credits, plural and colon teaser labels, wire datelines cut, readers'
# comments above "Reply", "follow us" prompts dropped; speech kept; Markdown read as a web page
# by its furniture, an image's alt text left out; JSON-LD's NewsArticle marks an HTML article.
# 38: numbers grouped by spaces are one term ("1 370"); superscript figures no part of a word,
# footnote marks dropped (PDF, DOCX); "г.", "и т. д." end a sentence before a capital; a
# dialogue dash opens one; short PDFs' running headers, cover pages; abbreviated months in dates.
# 39: a terminal's escape sequences (a colour's "ESC [ 31 m") are no part of the text.
# 40: a release's number meets it without its trailing zeros ("1.0.0" is the term "1.0"); a
# heading that is a date or a number ("February 15, 2018", "--1.4.1--") titles nothing.
# 41: plain text in another language read by its layout unless laid out as a web page
# (``pagelayout``); Spanish terms lose only accents and plurals (``spanish.py``); LaTeX read as
# it renders; PDF papers: columns through headings, references one entry each and never
# quoted, footnotes apart, a wrapped title one heading, a hyphen kept at a line end where it
# is the word's; a Markdown "$$" formula is code.
# 42: a Markdown task list's box ("- [x] ...") is no word of its item.
# 43: an English noun read as its verb or adjective ("verification" as "verify"; derivations).
# 44: a plain text file that is reStructuredText source read as reStructuredText (rstsigns).
# 45: OpenDocument text, EPUB, e-mail (.eml, .mbox), CSV/TSV and RTF read; a table alone is
# titled by its file's name.
# 46: the last item of a plain-text list spaced by blank lines is an item, not a heading.
# 47: an HTML definition list's question term (an FAQ's "How do I ...?") heads its answer,
# not read into it.
# 48: a mail archive is a document a message; HTML mail keeps replies below its quotes; RTF
# headings after tables; BibTeX; TeX accents; reST literal blocks of words; subtitles.
# 49: a link to a document the corpus holds is not read again; a terminal's title and link
# strings are taken out of a text whole.
# 50: a manual's commands and file names set one under the other are no web page's menu.
# 51: Korean: a name in another script loses its Hangul particle ("sid가"); polite endings.
# 52: (an HTML page's <title> cut to its first h1; measured, reverted.)
# 53: the titles as at 51 again.
# 54: a file named as a mail archive's message ("team#1.txt" beside team.mbox) keeps its
# extension in its id.
# 55: hostile and odd files read within bounds (merged HTML cells, EPUB chapters in UTF-16 or
# repeated, reST substitutions, UTF-16 without a mark, an XHTML DOCTYPE's subset, RTF escapes).
# 56: text over 16 million characters cut at a line end; e-mail parts without a charset
# decoded; a PDF page that fails costs only that page; NUL bytes in UTF-8 text dropped; BibTeX
# strings and deep MyST/AsciiDoc nesting bounded; a sidecar with a byte-order mark read.
# 57: HTML state classes without a hyphen ("withsidebar") and ids made of a heading's words are
# text, an element of chrome holding the page's text read; a PDF's titles in capitals, numbers
# of a line's own; an EPUB without a spine; a short Latin text in a code page; PowerPoint.
# 58: HTML: a sidebar in a section of the text is the text's (DocBook, docutils); a drop-down
# menu, what is shown only when printed, and a class ending in "nav" are chrome.
# 59: a news site's chrome classes (a share bar, a comments list, ...) tell a web page; readers'
# comments under a comments label, a sentence bidding the reader join, are furniture; in a
# document, a label typed in capitals and a lone strip of fields set apart by bars are never
# quoted.
# 60: an apostrophe inside a Ukrainian, Belarusian or Uzbek word, or after a part in a script
# other than Latin, is a letter of the word, not an elision ("м'ясо" is not "ясо").
# 61: a newsletter platform's subscription widget, a newsletter e-mail's footer, a publication
# calling itself reader-supported, a reader poll (label, question, options, button) are furniture.
# 62: an HTML tab's panel hidden until its tab is clicked (Docusaurus, sphinx-tabs) is read.
# 63: Arabic script's harakat and kashida are no part of a term (Persian, Urdu).
TEXT_VERSION = 63
# A sentence's flags (``Collection.sent_flags``): it may be quoted alone; it is of a list item
# or a table row (a line tagged ``ITEM_LINE``, beside its ``sieve.QUOTE_*`` rule); it opens its
# line; lines of code (tagged ``CODE_LINE``) follow its line, quoted after it.
QUOTABLE, ITEM, FIRST, CODE_AFTER = 1, 2, 4, 8
ITEM_LINE = 4  # above the QUOTE_* rules (0-3), which ``& ~ITEM_LINE`` gives back
# A line of a short code block a lead-in is quoted with (``sieve.Kept.code``): in the passage's
# text, right after its lead-in's line, but no sentence (never a candidate, nor of one's
# neighbours), and not indexed (``IndexedTexts``).
CODE_LINE = 8


def _code_span(text: str, bounds: Sequence[Sequence[int]], k: int) -> tuple[int, int]:
    """Where the code lines after sentence ``k`` (flagged ``CODE_AFTER``) are in its passage's
    ``text`` (``bounds``: its sentences' spans): from the line break ending ``k``'s line to the
    one before the next sentence's line, or to the end."""
    start = text.find("\n", int(bounds[k][1]))
    if start < 0:
        return len(text), len(text)
    end = (text.rfind("\n", start + 1, int(bounds[k + 1][0])) if k + 1 < len(bounds)
           else len(text))
    return start, max(end, start)


def _code_lines(text: str, bounds: Sequence[Sequence[int]], k: int) -> tuple[str, ...]:
    start, end = _code_span(text, bounds, k)
    return tuple(text[start + 1 : end].split("\n")) if end > start else ()


def without_code(text: str, bounds: Sequence[Sequence[int]], flags: Sequence[int]) -> str:
    """A passage's ``text`` without its lines of code (``CODE_LINE``: after each sentence
    flagged ``CODE_AFTER``), as it is indexed; ``bounds`` and ``flags``: its sentences'."""
    out, at = [], 0
    for k, f in enumerate(flags):
        if f & CODE_AFTER:
            start, end = _code_span(text, bounds, k)
            out.append(text[at:start])
            at = end
    return "".join([*out, text[at:]])
