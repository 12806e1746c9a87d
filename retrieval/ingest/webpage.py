"""Whether a text reads as a web page, so that its boilerplate is sought (``clean``): by the
furniture phrases only web pages have (``web_signals``, ``looks_like_web_page``: English ones),
or in any language by a page's layout, many short lines without a closing mark
(``page_shaped``). Any other document keeps every block whatever its shape."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .markers import (
    COMMENT_COUNT_RE,
    CREDIT_TAIL_RE,
    LEADING_TEASER_RE,
    PICTURE_CREDIT_RE,
    signal_phrases,
)
from .segment import words

# Furniture phrases that documentation, licences and READMEs use too ("Copyright 2020 ...", "See
# also: ...", "Subscribe by sending an email to list-subscribe@...", "3. Advertising", a home
# page's address): they do not tell a web page from a document.
_DOCUMENT_TOO = re.compile(
    r"copyright|©|all rights reserved|see also|more info|click here|mailing[- ]list|subscribe"
    r"|contribut\w*|create an account|advertising|(?<!\S)(?=\S+?@\S)\S+"
    r"|(?:https?://|www\.|\.?/)\S+",
    re.IGNORECASE)
_SIGNAL_MAX_WORDS = 15
# A word of code ("$ftp->login('user', 'pw');", "Net::FTP", "session.login()"): a furniture
# word in it is an identifier, not furniture. (An address and a word of code are matched whole
# from the word's start, the lookahead finding the "@" or the mark: "\S*(?:->|...)\S*" tried
# every start inside a long word without one, seconds on a 20,000-character word of base64.)
_CODE_WORD_RE = re.compile(r"(?<!\S)(?=\S*?(?:->|::|=>|\w\(|[$@]\w))\S+")


def web_signals(paragraphs: Iterable[str]) -> list[str]:
    """The page furniture phrases that only web pages have, one per paragraph that has one: a
    short line that starts with a teaser marker ("READ MORE: ..."), or names a subscription,
    consent, appeal, widget or disclaimer phrase, or ends with a photo credit (``"credit"``)."""
    found = []
    for p in paragraphs:
        if len(words(p)) > _SIGNAL_MAX_WORDS:
            continue
        rest = _CODE_WORD_RE.sub(" ", _DOCUMENT_TOO.sub(" ", p)).strip()
        hits = signal_phrases(rest)
        teaser = LEADING_TEASER_RE.match(rest)
        if hits or teaser or CREDIT_TAIL_RE.search(rest) or PICTURE_CREDIT_RE.search(p):
            found.append(hits[0] if hits else teaser.group(0).strip(" :-–—|").lower() if teaser
                         else "credit")
        elif COMMENT_COUNT_RE.match(p.strip()):  # "18 Comments": a comment widget's count
            found.append("comments")
    return found


# A page's furniture is of several kinds ("Previous Story" and "Next Story", "sign up" and
# "privacy policy"); one furniture word over and over in a long document is its subject
# ("register" in a CPU manual, "cookie" in an HTTP reference).
_REPEATED_SIGNAL_SHARE = 0.05


def looks_like_web_page(paragraphs: Sequence[str], chrome: Sequence[str] = ()) -> bool:
    """Whether text reads as a web page, so that its boilerplate is sought: two different
    furniture phrases (``web_signals``; ``chrome``: those an HTML page's elements left out as
    a news site's chrome are named by, ``htmlnav.news_chrome``: 'class "sharebar"'), or one on
    3 lines and 5% of its paragraphs or more.
    Any other document keeps every block whatever its shape. (Every saved news page of the
    seeds but one, which has no furniture at all, has two or more different ones; of 293 HTML
    manuals and API references on a Debian machine, the 25 with one phrase or more had one
    kind each, on at most 3% of their blocks, but two: a 30,000-block all-in-one reference and
    a manual whose "Recommended ..." headings read as teasers.)"""
    found = [*web_signals(paragraphs), *chrome]
    # "log in" and "login", "sign up" and "sign-up", "cookie" and "cookies" are one phrase (an
    # HTTP library's README says both)
    return len({re.sub(r"[\s-]+", "", f).removesuffix("s") for f in found}) >= 2 or (len(found) >= 3
                                     and len(found) >= _REPEATED_SIGNAL_SHARE * len(paragraphs))


# A page laid out as one: short lines without a closing mark (a menu's items, teasers'
# headlines, buttons), at least this many and this share of its paragraphs.
_PAGE_SHORT_WORDS = 6
_PAGE_MIN_SHORT = 3
_PAGE_SHORT_SHARE = 0.25
_CLOSED_RE = re.compile(r"[.!?:;…][\"'”’»)\]]*$")


def page_shaped(paragraphs: Sequence[str]) -> bool:
    """Whether text is laid out as a web page in any language (``_PAGE_MIN_SHORT`` short lines
    or more without a closing mark, ``_PAGE_SHORT_SHARE`` of its paragraphs): what tells a
    page saved as text from a note or a memo where ``web_signals``' English phrases cannot."""
    short = sum(1 for p in paragraphs if len(p.split()) <= _PAGE_SHORT_WORDS
                and not _CLOSED_RE.search(p.strip()))
    return short >= _PAGE_MIN_SHORT and short >= _PAGE_SHORT_SHARE * len(paragraphs)


__all__ = ["looks_like_web_page", "page_shaped", "web_signals"]
