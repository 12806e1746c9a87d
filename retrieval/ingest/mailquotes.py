"""An HTML e-mail's quoted parts told from the sender's own words, wherever they stand.

Mail clients mark what a reply quotes: Gmail a ``<div class="gmail_quote">`` (its "On ...
wrote:" line a ``gmail_attr`` inside it), Apple Mail and Thunderbird a ``<blockquote
type="cite">`` (Thunderbird's attribution a ``<div class="moz-cite-prefix">`` before it). A
reply may stand above the quote, below it (bottom-posting) or between its parts (inline
replies): only the marked elements are quoted, each to its own end tag, and what follows them
is the sender's again.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# an element that holds quoted text or its attribution line
_QUOTE_ATTRS_RE = re.compile(r"gmail_quote|gmail_attr|moz-cite-prefix", re.I)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


class _Quotes(HTMLParser):
    """The [start, end) character spans of the outermost quote elements of an HTML text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.lines = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", html)]
        self.spans: list[tuple[int, int]] = []
        self.tag = ""  # the open quote element's tag ("" when outside one)
        self.depth = 0  # how many of its tag are open within it, itself included
        self.start = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.tag:
            self.depth += tag == self.tag
            return
        if tag in _VOID or tag not in ("div", "blockquote"):
            return
        quoted = any(_QUOTE_ATTRS_RE.search(v or "") for k, v in attrs if k == "class") or (
            tag == "blockquote" and any(k == "type" and (v or "").lower() == "cite"
                                        for k, v in attrs))
        if quoted:
            self.tag, self.depth, self.start = tag, 1, self._offset()

    def handle_endtag(self, tag: str) -> None:
        if not self.tag or tag != self.tag:
            return
        self.depth -= 1
        if not self.depth:
            at = self._offset()
            close = self.html.find(">", at)
            self.spans.append((self.start, len(self.html) if close < 0 else close + 1))
            self.tag = ""

    def close(self) -> None:
        super().close()
        if self.tag:  # a quote never closed runs to the end
            self.spans.append((self.start, len(self.html)))
            self.tag = ""


def split_html_quotes(html: str) -> tuple[str, list[str]]:
    """The HTML of a message's own words (each quote replaced by an empty ``div``, so the
    words on either side stay apart) and each quoted element's HTML, in order."""
    parser = _Quotes(html)
    parser.feed(html)
    parser.close()
    if not parser.spans:
        return html, []
    own, quoted, at = [], [], 0
    for start, end in parser.spans:
        own += [html[at:start], "<div></div>"]
        quoted.append(html[start:end])
        at = end
    own.append(html[at:])
    return "".join(own), quoted


__all__ = ["split_html_quotes"]
