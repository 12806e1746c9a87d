"""The phrases and line shapes of a web page's furniture, as patterns: ``MARKERS``, a documented
list of phrases that only page furniture uses ("read more", "sign up", "privacy policy", "via
Getty Images", ...), grouped by what they mark; a teaser label opening a line ("READ MORE: ...",
"Related: ..."); a comment widget's count ("312 comments"); a photo credit ending a line
("Name/AFP via Getty Images", "Photo: AP/John Smith").

``clean`` judges a paragraph by them, ``webpage`` a whole text."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Phrases used by page furniture, not by reporting. Matched case-insensitively on word bounds.
# Grouped by what they mark; extend here (and add a test) rather than special-casing a corpus.
MARKERS: dict[str, tuple[str, ...]] = {
    "teaser": (
        "read more", "read next", "read also", "read full article", "read the full",
        "don't miss", "don’t miss", "do not miss", "must read", "more from", "more stories",
        "related articles", "related stories", "related:", "recommended", "trending now",
        "most read", "most popular", "see also", "watch:", "watch now", "previous story",
        "next story", "previous article", "next article", "up next", "you may also like",
        "you might also like", "click here", "more info", "continue reading", "top stories",
        "most viewed", "related topics", "more on this story", "explore more", "latest news",
        "latest stories", "latest headlines", "more news",
    ),
    "subscription": (
        "sign up", "sign-up", "newsletter", "newsletters", "subscribe", "subscriber", "unsubscribe",
        "in your inbox", "in your mailbox", "mailing list", "log in", "login", "register",
        "create an account", "free trial", "you are receiving this", "you're receiving this",
        "you’re receiving this", "forwarded this email", "manage preferences",
        "manage your preferences", "email preferences",
    ),
    "consent": (
        "privacy policy", "cookie", "cookies", "terms of use", "terms of service",
        "you've consented", "you have consented", "consent", "adverts", "advertisement",
        "advertising", "sponsored", "ad-free", "ads", "partners based on",
    ),
    "appeal": (
        "support us", "support our", "donate", "donation", "contribution", "contribute",
        "your support", "your help", "not ready to support", "remind me later",
        "monthly", "make a gift", "become a member", "paywall", "independent journalism",
        "our journalism", "dear readers", "dear reader", "a message from", "help us keep",
        "for as little as", "local journalism",
    ),
    "widget": (
        "leave a reply", "leave a comment", "no comments", "view comments", "show comments",
        "comments are closed", "comment below", "add a comment", "join the conversation",
        "add your comment", "post a comment", "write a comment", "have your say",
        "advertise with us",
        "share this",
        "share on", "follow us", "back to top", "print this", "email address will not be",
        "required fields", "posted in", "tags:", "filed under", "all rights reserved",
        "copyright", "©", "listen to this article", "listen to this story", "text-to-speech",
    ),
    "credit": (
        "getty images", "via getty", "afp", "reuters", "ap photo", "associated press",
        "shutterstock", "epa-efe", "tass", "photo:", "image:", "credit:", "pictured:",
        "photograph:", "file photo",
    ),
    "disclaimer": (
        "not all news on the site", "does not necessarily reflect", "the views expressed",
        "this news automatically", "point of view of the site", "reader-supported",
        "reader-funded",
    ),
}


def _any_of(kinds: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching where any of ``kinds``' phrases is, on word bounds, in any case: a
    paragraph is searched once for them all, and kind by kind only when one is found (most
    have none). The phrases are alternatives of a tree of their letters (``_tree``), not a
    list tried one by one at every character: a fourth of the time, the same matches (at a
    place, at most one phrase of a kind is followed by no letter: none is the start of
    another but for letters)."""
    phrases = {p for kind in kinds for p in MARKERS[kind]}
    return re.compile(r"(?<![\w])" + _tree(phrases) + r"(?![\w])", re.IGNORECASE)


def _tree(phrases: set[str]) -> str:
    """A pattern matching exactly ``phrases`` (lower case), alternatives branching on their
    letters in turn: "ad(?:s|vert)" for "ads" and "advert"."""
    rests: dict[str, set[str]] = {}
    for p in phrases:
        if p:
            rests.setdefault(p[0], set()).add(p[1:])
    if not rests:
        return ""
    branches = [re.escape(c) + _tree(rest) for c, rest in sorted(rests.items())]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in phrases else body


_MARKER_RE = {kind: _any_of([kind]) for kind in MARKERS}
_ANY_MARKER_RE = _any_of(MARKERS)
_SIGNAL_KINDS = [kind for kind in MARKERS if kind not in ("teaser", "credit")]
_ANY_SIGNAL_RE = _any_of(_SIGNAL_KINDS)
# A teaser/list marker at the start of a line: "READ MORE: headline", "DON'T MISS:".
# A label ending on a colon ("Related:", "Watch:") is one when capitalised and followed by a
# headline (a capital, a digit or a quote) or nothing: an API index's "related: _xsltStylesheet
# xsltParseStylesheetOutput" is none. (Not "\b" after a phrase: one ending on a colon has no
# word boundary after it before a space.)
LEADING_TEASER_RE = re.compile(
    r"^\W*(?:(?:" + "|".join(re.escape(p) for p in MARKERS["teaser"] if not p.endswith(":"))
    + r")(?!\w)\s*[:\-–—|]?|(?:"
    + "|".join(f"(?-i:{re.escape(p[0].upper())}){re.escape(p[1:])}"
               for p in MARKERS["teaser"] if p.endswith(":"))
    + r")(?=\s*$|\s+[\"“‘']?(?-i:[A-Z0-9])))",
    re.IGNORECASE,
)
# A comment widget's count, the label of the comments listed under it: "312 comments", or
# "Comments (48)", "Your comments (2)", "Readers' comments" (not "Comments" alone: a style
# guide's section on comments in code)
_WHOSE = r"(?:your|readers?['’]?|user|latest|recent)\s+"
COMMENT_COUNT_RE = re.compile(
    rf"^(?:\d[\d,.]*k?\s+comments?|(?:{_WHOSE})?comments?\s*\(\d[\d,.]*k?\)|{_WHOSE}comments?)$",
    re.IGNORECASE)
CREDIT_TAIL_RE = re.compile(
    r"(?:/|\bvia\b|\bcredit\b|©)\s*[\w .,&'-]*(?:images?|photos?|press|afp|reuters|tass|ap|epa"
    r"|pool|wire|\.com|\.ru|\.org|\.net)\s*$",
    re.IGNORECASE,
)
# A picture's label over its source and photographer, a slash apart, ending the line: "Photo:
# AP/John Smith", "Image: NASA/ESA", "Photograph: Jonathan Brady/PA", "Foto: Christoph Soeder /
# dpa" (a name after the label, capitalised: a setting's "image: nginx/latest" is none)
PICTURE_CREDIT_RE = re.compile(
    r"\b(?i:photo(?:graph)?|image|picture|foto|фото)\s*:\s*[A-ZА-ЯЁ][\w .&'-]{0,40}/"
    r"[\w .&'-]{1,40}$")


def marker_kinds(text: str) -> set[str]:
    """The kinds of furniture phrase (``MARKERS`` keys) found in ``text``."""
    if not _ANY_MARKER_RE.search(text):
        return set()
    return {kind for kind, rx in _MARKER_RE.items() if rx.search(text)}


def signal_phrases(text: str) -> list[str]:
    """The furniture phrases of the kinds only web pages use (not a teaser's or a credit's)
    found in ``text``, the first of each kind, lower-cased, in ``MARKERS``' order."""
    if not _ANY_SIGNAL_RE.search(text):
        return []
    return [m.group(0).lower() for kind in _SIGNAL_KINDS for m in [_MARKER_RE[kind].search(text)]
            if m]


__all__ = ["COMMENT_COUNT_RE", "CREDIT_TAIL_RE", "LEADING_TEASER_RE", "MARKERS",
           "PICTURE_CREDIT_RE", "marker_kinds", "signal_phrases"]
