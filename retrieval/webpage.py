"""HTML pages -> text and metadata, with the standard library's ``html.parser``.

A saved web page (``.html``/``.htm``, or a ``.txt`` that holds markup) becomes the text a reader
sees, one paragraph per block element (``p``, ``div``, ``li``, headings, table rows, ...), with
entities decoded and inline markup gone. What is never article text is left out by its element:
``script``, ``style``, ``nav``, ``footer``, ``aside``, ``button``, ``select``, ``svg``,
``iframe``, ``noscript``, ``template`` and the ``head`` (not ``form``: some sites wrap the whole
page in one). The rest goes through the same boilerplate
removal as any text (``clean.py``).

The page's metadata fills what a sidecar does not give: the title from ``og:title`` or
``<title>``, the URL from ``<link rel="canonical">`` or ``og:url``, the publisher from
``og:site_name``, the date from ``article:published_time`` (or ``date``/``pubdate`` metas).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_SKIP = frozenset(
    "script style nav footer aside button select svg iframe noscript template head".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCKS = frozenset(
    "address article blockquote body dd details div dl dt figcaption figure h1 h2 h3 h4 h5 h6 "
    "header hr li main ol p pre section summary table tbody td th thead tr ul".split()
)
# Markup at the very start (a doctype, an <html> or <head> tag) or a high density of tags.
_START_RE = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_TAG_RE = re.compile(r"</?(?:p|div|span|a|br|li|h[1-6]|table|tr|td|img|section|article)\b[^>]*>",
                     re.I)
_SPACE_RE = re.compile(r"[ \t\r\n\f\v]+")
_SPACES_RE = re.compile(r" {2,}")  # where two text nodes meet ("One <b> two</b>")
_TITLE_SEPARATOR_RE = re.compile(r"\s+[|\-–—:·•]\s+")
_META_KEYS = {
    "og:title": "title", "twitter:title": "title",
    "og:url": "url",
    "og:site_name": "publisher",
    "article:published_time": "published", "date": "published", "pubdate": "published",
    "dc.date": "published", "publish-date": "published",
}


@dataclass(slots=True)
class Page:
    """The text of an HTML page and the metadata it declares (empty strings when it has none)."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML markup rather than text: it opens with a doctype, ``<html>``,
    ``<head>`` or ``<body>``, or holds at least 5 block or inline tags per 1,000 characters."""
    if _START_RE.match(text[:1000]):
        return True
    tags = len(_TAG_RE.findall(text))
    return tags >= 5 and tags >= 5 * len(text) / 1000


def html_to_text(markup: str) -> Page:
    """The readable text of ``markup``, a paragraph per block element, and its metadata."""
    parser = _Parser()
    parser.feed(markup)
    parser.close()
    paragraphs = [b for b in parser.blocks() if b]
    meta = dict(parser.meta)
    if "title" not in meta and parser.title.strip():
        meta["title"] = _without_site(" ".join(parser.title.split()), meta.get("publisher"))
    return Page("\n\n".join(paragraphs), meta)


def _without_site(title: str, site: str | None) -> str:
    """``title`` without the site name a ``<title>`` often carries ("Harbour plans | City
    News"), when the page names its site."""
    if site:
        parts = _TITLE_SEPARATOR_RE.split(title)
        kept = [p for p in parts if p.strip().casefold() != site.strip().casefold()]
        if kept and len(kept) < len(parts):
            return " | ".join(p.strip() for p in kept)
    return title


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []  # text, and "\n\n" where a block starts or ends
        self._open: list[str] = []  # the open elements, outermost first
        self._skipping = 0  # how many of them are skipped
        self._in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key in _META_KEYS and a.get("content", "").strip():
                self.meta.setdefault(_META_KEYS[key], a["content"].strip())
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.meta["url"] = a["href"].strip()  # the canonical link wins over og:url
        elif tag == "title":
            self._in_title = True
        elif tag == "body" and "head" in self._open:  # "</head>" may be left out
            self.handle_endtag("head")
        if tag not in _VOID:
            self._open.append(tag)
            self._skipping += tag in _SKIP
        if tag == "br":
            self._parts.append("\n")
        elif tag in _BLOCKS:
            self._parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._open:  # close it, and whatever was left open inside it
            while self._open:
                closed = self._open.pop()
                self._skipping -= closed in _SKIP
                if closed == tag:
                    break
        if tag in _BLOCKS:
            self._parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skipping:  # the page source's own line breaks are only spaces
            self._parts.append(_SPACE_RE.sub(" ", data))

    def blocks(self) -> list[str]:
        """The text between block boundaries, white space collapsed; a ``<br>`` stays a line
        break inside its block."""
        return ["\n".join(line for line in (_SPACES_RE.sub(" ", raw).strip()
                                             for raw in block.split("\n")) if line)
                for block in "".join(self._parts).split("\n\n")]
