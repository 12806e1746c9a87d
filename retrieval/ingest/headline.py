"""A web page's headline, for a page saved as text that declares no title.

A page saved from a browser opens on its furniture: a skip link, the site's name, a menu, a
ticker, a cookie notice, a breadcrumb; then the headline, the standfirst, the byline and the
date; then the article. The headline is the first line before the article's first prose
paragraph that

* is headline-shaped: 3 to 25 words, not ending like a sentence, no furniture phrase
  (``markers.marker_kinds``; a photo credit's agency name aside);
* is no row of links (``link_row``: a menu "News | Sport | Money", a breadcrumb "Home › News",
  a label "Nature | Long read"), no byline ("By Sarah Okafor", "Medically reviewed by ..."),
  and comes after the first row of links when there is one (the site's name is above its menu:
  "Millbrook & District Gazette", "KENMOOR EVENING POST"), or else before it;
* is about what the article is about: half its content words at least (four letters or more
  and no English function word, or a number), and two at least, are met in the article's first
  paragraphs (a word met by its first five letters: "fined" in "fine"), where a skip link, a
  site's name, a cookie notice or a date meets none.

Without one, the first headline-shaped line that meets the article at all stands in, then the
start of the first prose sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..analyzer import STOP_WORDS
from .clean import LineDecision
from .markers import marker_kinds
from .prose import is_prose
from .segment import words

# A Markdown heading's marks ("# Title", "## Title ##"): not part of the title.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+|\s+#+$")
# Where a row of links is cut into its links: a separator between spaces, or a run of spaces
_LINK_SEPARATOR = re.compile(r"\s+[|›>/·•»]\s+|\s{2,}")
_MAX_LINK_WORDS = 4  # a menu's entry, a breadcrumb's step ("You are here: Home")
_BYLINE = re.compile(r"^by\s|\b(?:reviewed|written|edited|reported|photographs?) by\b",
                     re.IGNORECASE)
_MIN_WORDS, _MAX_WORDS = 3, 25
_BODY_PARAGRAPHS = 8  # how much of the article a headline is compared with
_STEM = 5


def link_row(text: str) -> bool:
    """Whether a line is a row of links: two or more parts apart by a separator (``|``, ``›``,
    ``>``, ``/``, ``·``, ``•``, ``»`` or a run of spaces), each of at most four words."""
    parts = [p for p in _LINK_SEPARATOR.split(text.strip()) if p.strip()]
    return len(parts) >= 2 and all(len(words(p)) <= _MAX_LINK_WORDS for p in parts)


def guess_title(decisions: Iterable[LineDecision], fallback: str) -> str:
    """The headline of a web page from its cleaning's ``decisions`` (see the module docstring);
    ``fallback`` when there is neither a headline nor prose."""
    before: list[str] = []
    body: list[str] = []
    for d in decisions:
        if d.keep:
            body.append(d.text)
            if len(body) >= _BODY_PARAGRAPHS:
                break
        elif not body:
            before.append(d.text)
    rows = [i for i, text in enumerate(before) if link_row(text)]
    first_row = rows[0] if rows else -1
    met = {w.casefold()[:_STEM] for w in words(" ".join(body))}
    # past the first row of links first (the site's name is above its menu), then above it (a
    # page saved with its headline first and a share bar under it)
    about = [(text, *_meets(text, met)) for i, text in sorted(
        enumerate(before), key=lambda it: it[0] < first_row) if _headline_shaped(text)]
    title = next((t for t, m, n in about if m >= 2 and 2 * m >= n), None) or next(
        (t for t, m, _ in about if m), None)
    if title:
        return _MARKDOWN_HEADING.sub("", title.strip())
    if body:
        return body[0].split("\n")[0]
    return fallback


def _headline_shaped(text: str) -> bool:
    return (_MIN_WORDS <= len(words(text)) <= _MAX_WORDS and not is_prose(text)
            and not marker_kinds(text) - {"credit"} and not link_row(text)
            and not _BYLINE.search(text))


def _meets(text: str, met: set[str]) -> tuple[int, int]:
    """How many of a line's content words the article meets, and how many it has."""
    content = _content(words(text))
    return sum(w.casefold()[:_STEM] in met for w in content), len(content)


def _content(ws: Sequence[str]) -> list[str]:
    """The words that say what a line is about: numbers, and words of four letters or more
    that are no English function words ("about", "your": a cookie notice's "We care about
    your privacy" met an article in them)."""
    return [w for w in ws if any(c.isdigit() for c in w)
            or (len(w) >= 4 and w.casefold() not in STOP_WORDS)]


__all__ = ["guess_title", "link_row"]
