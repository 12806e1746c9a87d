"""What an HTML page says of itself: its title, address, publisher, date, language and whether it
is an article, from its ``<meta>`` and ``<link>`` tags, ``<title>``, ``<html lang>`` and JSON-LD.

The title from ``og:title`` or ``<title>`` (without the site name it often carries); the URL
(http(s) only) from ``<link rel="canonical">`` or ``og:url``; the publisher from
``og:site_name``; the date from ``article:published_time`` (or ``date``/``pubdate`` metas, else a
JSON-LD ``datePublished``). An article: ``og:type``, an ``article:`` property, or a JSON-LD
``@type`` of a news article or a blog post (``NewsArticle``, ``ReportageNewsArticle``,
``Article``, ``BlogPosting``, as many news pages and AMP pages declare it, with no ``og:``
metas).
"""

from __future__ import annotations

import re

from .blocks import one_line
from .meta import web_url

# The key of ``<html lang>`` in a page's metadata: a hint, not a declaration (``lang``, which a
# sidecar or front matter sets): a site template's default ("en") is often left on pages in
# other languages, so the text may overrule it (``corpus.read_document``)
LANG_HINT = "lang_hint"
_TITLE_SEPARATOR_RE = re.compile(r"\s+[|\-–—:·•]\s+")
# JSON-LD's types of a news article or a blog post (schema.org's NewsArticle and its kinds,
# Article, BlogPosting, LiveBlogPosting; not TechArticle or APIReference, which documentation
# declares), as "@type": "NewsArticle" or in a list of types
_LD_ARTICLE_RE = re.compile(r'"@type"\s*:\s*(?:\[[^\]]*?)?"(?:\w*NewsArticle|Article|BlogPosting'
                            r'|LiveBlogPosting)"')
_LD_PUBLISHED_RE = re.compile(r'"datePublished"\s*:\s*"([^"]{1,64})"')
_META_KEYS = {
    "og:title": "title", "twitter:title": "title",
    "og:url": "url",
    "og:site_name": "publisher",
    "article:published_time": "published", "date": "published", "pubdate": "published",
    "dc.date": "published", "publish-date": "published",
}


class PageMeta:
    """The metadata of a page as its tags are parsed: ``start`` for each start tag, ``end`` for
    each end tag, ``data`` for each piece of text; then ``declared``."""

    def __init__(self) -> None:
        self.meta: dict[str, str] = {}
        self.title = ""
        self.article = False  # the page declares itself an article
        self._ld: list[str] | None = None  # the text of an open JSON-LD script
        self._in_title = False
        self._titled = False

    def start(self, tag: str, a: dict[str, str], in_svg: bool) -> None:
        """A start tag and its attributes (``in_svg``: inside an ``<svg>``, whose ``<title>``
        names a picture, not the page)."""
        if tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            content = a.get("content", "").strip()
            self.article |= key.startswith("article:") or (
                key == "og:type" and content.lower() == "article"
            )
            if key in _META_KEYS and content and (_META_KEYS[key] != "url" or web_url(content)):
                self.meta.setdefault(_META_KEYS[key], content)
        elif tag == "html" and a.get("lang", "").strip():
            self.meta.setdefault(LANG_HINT, a["lang"].strip())
        elif (tag == "link" and "canonical" in a.get("rel", "").lower().split()
              and web_url(a.get("href", ""))):
            self.meta["url"] = a["href"].strip()  # the canonical link wins over og:url
        elif tag == "title" and not self._titled and not in_svg:
            self._in_title = self._titled = True
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._ld = []

    def end(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "script" and self._ld is not None:
            self._linked_data("".join(self._ld))
            self._ld = None

    def data(self, data: str) -> bool:
        """Take a piece of text; whether it is the title's (and so none of the page's text)."""
        if self._ld is not None:
            self._ld.append(data)
        if self._in_title:
            self.title += data
        return self._in_title

    def declared(self, first_h1: str) -> dict[str, str]:
        """The page's metadata; its title, unless a meta names it, from ``<title>`` without the
        site's name, else its first ``h1``, ``first_h1``."""
        meta = dict(self.meta)
        if "title" not in meta:
            if title := one_line(self.title):
                meta["title"] = without_site(title, meta.get("publisher"))
            elif first_h1:
                meta["title"] = first_h1
        return meta

    def _linked_data(self, text: str) -> None:
        """What a JSON-LD script says of the page: that it is an article (its ``@type``), and
        when it was published, unless a meta said so. Read by pattern, not parsed: a page's
        JSON-LD is often cut or malformed, and only these two keys are asked of it."""
        self.article |= _LD_ARTICLE_RE.search(text) is not None
        if (m := _LD_PUBLISHED_RE.search(text)) and m.group(1).strip():
            self.meta.setdefault("published", m.group(1).strip())


def without_site(title: str, site: str | None) -> str:
    """``title`` without the site name a ``<title>`` often carries ("Harbour plans | City
    News"), when the page names its site; without a site name the whole title stays."""
    if site:
        parts = _TITLE_SEPARATOR_RE.split(title)
        kept = [p for p in parts if p.strip().casefold() != site.strip().casefold()]
        if kept and len(kept) < len(parts):
            return " | ".join(p.strip() for p in kept)
    return title


__all__ = ["LANG_HINT", "PageMeta", "without_site"]
