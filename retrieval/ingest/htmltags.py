"""HTML's elements as the page reader sorts them, and whether a text is markup at all.

Void elements (no end tag), block elements (each starts a block), headings and definition terms
(what names the text under them), elements read as one line, the elements that say what the text
inside them is, the elements around a table row, what only a page's head holds, HTML's implied end
tags ("<li>a<li>b" are two items), lists and their entries, inline code. ``looks_like_html``: a
text that opens as a page or is dense in tags is markup, read by ``html.read_html``;
``without_open_comment``: what of a page's markup the parser is given.
"""

from __future__ import annotations

import re

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
BLOCKS = frozenset(
    "address article blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu ol p pre "
    "section summary table tbody td tfoot th thead tr ul".split()
)
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
TITLES = HEADINGS | {"dt"}  # what names the text under or after it
# read as one line: block elements inside them do not split them (a definition list's term too)
LITERAL = HEADINGS | {"pre", "dt"}
CONTEXT = LITERAL | {"li", "blockquote", "td", "th"}  # what the text inside them is
ROW_SCOPE = frozenset({"tr", "table", "thead", "tbody", "tfoot"})
HEAD_TAGS = frozenset("base head html link meta noscript script style template title".split())
# An element that starts while one of these is open closes it first (HTML's implied end tags),
# unless a boundary element comes first: "<li>a<li>b" are two items, not one inside the other.
IMPLIED: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "tr": (frozenset({"tr"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    **dict.fromkeys(
        ("thead", "tbody", "tfoot"),
        (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table"})),
    ),
}
# A list whose every entry (two or more) is only a link to a place in a page of the same site
# ("1.2. <a href="faq.html#faq.whence">Where does the name come from?</a>") is a table of
# contents: the page's text is where it leads. (A term, "<dt><a href=...>String Methods</a>",
# heads its definition: it stays.)
LISTS = frozenset({"ul", "ol", "dl", "menu"})
ENTRY = frozenset({"li", "dd"})
# Inline elements of code: a paragraph of nothing else is a code block ("<p><code>xslt-config
# --cflags</code></p>" between the sentences that explain it).
CODE_TAGS = ("code", "kbd", "samp", "tt")
# Markup at the very start (a doctype, an <html> or <head> tag) or a high density of tags.
_START_RE = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_TAG_RE = re.compile(r"</?(?:p|div|span|a|br|li|h[1-6]|table|tr|td|img|section|article)\b[^>]*>",
                     re.I)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML markup rather than text: it opens with a doctype, ``<html>``,
    ``<head>`` or ``<body>``, or holds at least 5 block or inline tags per 1,000 characters."""
    if _START_RE.match(text[:1000]):
        return True
    tags = len(_TAG_RE.findall(text))
    return tags >= 5 and tags >= 5 * len(text) / 1000


_DOCTYPE_SUBSET_RE = re.compile(r"<!DOCTYPE[^>\[]*\[.*?\]\s*>", re.I | re.S)


def without_open_comment(markup: str) -> str:
    """``markup`` without a comment left open at its end, which a browser shows none of (the
    parser gives it as text: "<!-- TODO remove <p>draft: ..." was quoted), nor a DOCTYPE's
    internal subset (an XHTML file's entity declarations: the parser ends the DOCTYPE at its
    first ">", and "]>" was read as a paragraph)."""
    markup = _DOCTYPE_SUBSET_RE.sub("", markup, count=1)
    start = markup.rfind("<!--")
    if start >= 0 and markup.find("-->", start + 4) < 0:
        return markup[:start]
    return markup
