"""Boilerplate removal for text saved from web pages.

A page saved as text mixes the article with navigation, teaser headlines ("READ MORE: ..."),
newsletter, consent and donation appeals, photo credits and comment widgets. ``clean`` keeps the
article's prose paragraphs and drops the rest, using these general signals (none of them is a list
of any corpus's lines):

1. **Markers** (``markers.MARKERS``): a documented list of phrases that only page furniture uses
   ("read more", "sign up", "privacy policy", "via Getty Images", "[REPORT]", ...). A line that
   *starts* with a teaser marker, or is dominated by furniture phrases, is boilerplate.
2. **Teaser blocks**: a short line that names a list ("DON'T MISS:", "Read next", "Related",
   "Previous Story") starts a block; the headline-shaped lines that follow it, up to the next prose
   paragraph or blank line, are boilerplate with it.
3. **Line shape**: prose ends with sentence punctuation and has several words; lines that do not
   (headlines, buttons, menu items, bylines) are *fragments*: never quoted, never indexed.
4. **Reader address**: first-person-plural and second-person words ("we", "our", "your") outside
   quotation marks are rare in reporting and common in appeals. A paragraph dense in them is
   boilerplate when it also uses appeal words, or sits next to other boilerplate (the appeal block
   at the end of an article).
5. **Captions and credits**: a line that ends with an agency credit ("Name/AFP via Getty Images",
   "TASS / kremlin.ru") is a credit; the caption line glued to it is dropped with it.
6. **Repetition across documents**: a line found in several documents of the corpus (site chrome,
   footers) is boilerplate (``repeated_lines``).
7. **Stop-word density** (``prose.stopword_density``): prose has many function words; lists of
   names or keywords have few.
   The function words are English ones, so the test applies only to a text that reads as
   English (a fifth of its words or more); in another language it would take every short
   paragraph for a list.

``explain`` returns the decision and reason for every line, for tests and for tuning. Whether a
text is a web page at all, to be cleaned, is ``webpage``'s to tell.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from .markers import (
    COMMENT_COUNT_RE,
    CREDIT_TAIL_RE,
    LEADING_TEASER_RE,
    PICTURE_CREDIT_RE,
    marker_kinds,
)
from .prose import is_prose, is_sentence, reads_as_english, stopword_density
from .segment import blocks, paragraphs, words
from .webpage import page_shaped

GLUED_ITEM_WORDS = 20  # the longest line a list label takes with it for an item of its list
GLUED_BLOCK_LINES = 12  # ... in a block of at most this many lines (a page's list, not the page)
# A comment's Reply button, alone on its line (its count of likes after it, or none): what
# stands right above it is a reader's comment, not the article
_REPLY_RE = re.compile(r"^\W*reply\W*(?:\d[\d,.]*k?)?$", re.IGNORECASE)
_COMMENT_PARAGRAPHS = 3  # a comment's paragraphs above its Reply button, at most
# A reader's comment as a list of comments shows it: the commenter's name or handle, then a colon
# or a dash, then the comment ("GasMark4: Just been on hold ...", "Mercedes, Puerto Sol – About
# time."): under a comments label, such a line is a comment, however much a sentence it is
_COMMENTER_RE = re.compile(r"^(?:[\w.'’@-]+,?\s){0,4}[\w.'’@-]+(?::|\s[–—-])\s+\S")
_BRACKET_TAG_RE = re.compile(r"\[(?:REPORT|VIDEO|PICS?|PHOTOS?|LIVE|POLL|INSIGHT|REVEAL|LATEST)\]",
                             re.IGNORECASE)
_DOMAIN_RE = re.compile(r"\b[\w-]+\.(?:com|ru|org|net|co\.uk|gov|io)\b", re.IGNORECASE)
_QUOTED_RE = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|«[^»]*(?:»|$)")
# A sentence bidding the reader join, pay or sign up ("Become a member from £5 a month and keep
# Ellesford reported."): it addresses the reader as "you" does
_BIDDING_RE = re.compile(r"(?:^|[.!?]\s+)(?:become a (?:member|subscriber|supporter)|support us"
                         r"|support our|donate|subscribe|sign up|join us|make a gift)\b", re.I)
# A reader poll as a page saved as text shows it: its label alone on a line ("POLL", "Quick
# poll:"), the question, its options, and its button ("Vote", "View results") within
# ``_POLL_LINES`` lines: all of it is the page's, not the article's (the question reads as a
# sentence). Without a button in reach, only the label goes.
_POLL_LABEL_RE = re.compile(
    r"^\W*(?:(?:quick|reader|readers['’]?|our|today['’]s|daily)\s+)?poll\W*$", re.IGNORECASE)
_POLL_BUTTON_RE = re.compile(
    r"^\W*(?:vote(?: now)?|(?:view|see|show) (?:the )?results|results)\W*$", re.IGNORECASE)
_POLL_LINES = 10
_READER_WORDS = frozenset({"we", "our", "ours", "us", "you", "your", "yours", "you're", "you’re",
                           "you've", "you’ve", "we're", "we’re", "we've", "we’ve"})


@dataclass(frozen=True, slots=True)
class LineDecision:
    """What ``clean`` decided for one paragraph of the input, and why."""

    text: str
    keep: bool
    reason: str


def reader_address(text: str) -> int:
    """How many "we/our/you/your" words ``text`` has outside quotation marks."""
    unquoted = _QUOTED_RE.sub(" ", text)
    return sum(map(_READER_WORDS.__contains__, map(str.lower, words(unquoted))))


@functools.lru_cache(maxsize=4096)
def normalised(line: str) -> str:
    """A paragraph as compared across documents: its words, lower-cased, one space apart
    (asked for twice a paragraph: remembered for the last few thousand)."""
    return " ".join(words(line)).lower()


def repeated_lines(documents: Iterable[str], min_docs: int = 3, share: float = 0.2) -> set[str]:
    """Normalised paragraphs that occur in at least ``max(min_docs, share * n)`` documents."""
    counts: Counter[str] = Counter()
    n = 0
    for doc in documents:
        n += 1
        counts.update({normalised(p) for p in paragraphs(doc)} - {""})
    threshold = max(min_docs, int(share * n + 0.999))
    return {line for line, c in counts.items() if c >= threshold}


# (led by the first characters its phrases may start with, which the pattern engine looks for
# before trying each phrase: twice as fast on a paragraph without a notice, the same matches)
_NOTICE_RE = re.compile(r"(?=[c©(a])(?:\bcopyright\b|©|\(c\)\s*\d{4}|all rights reserved)",
                        re.IGNORECASE)


# A wire story's dateline opening its first paragraph: the place (a capitalised word and up to
# six more: "MOSCOW, Dec 3", "SANDOVAL, Calif.", "NORWICH, England, Dec. 2, 2026"), the agency
# in brackets or slashes ("(Reuters)", "(AP)", "/PRNewswire/"), then a dash before the story's
# first sentence: "MOSCOW, Dec 3 (Reuters) - Kestria exported ..."; or, as Russian agencies
# write it, a full stop after the agency in slashes: "МОСКВА, 3 декабря. /ТАСС/. ..."
_DATELINE_RE = re.compile(
    r"^(?-i:[A-ZÀ-ÞА-ЯЁ])[\w'’.-]*(?:,?[ \t]+[\w'’.-]+,?){0,6}[ \t]*"
    r"(?:\((?-i:[A-ZА-ЯЁ])[\w .&-]{0,30}\)[ \t]*(?:--|[-–—])"
    r"|/(?-i:[A-ZА-ЯЁ])[^/()\n]{0,40}/[ \t]*(?:--|[-–—.]))"
    r"[ \t]+(?=[\"“«‘']?(?-i:[A-ZÀ-ÞА-ЯЁ0-9]))")


def dateline(text: str) -> str:
    """The dateline opening ``text`` (a wire story's place, date and agency up to the dash
    before its first sentence, with the spaces after it), or "": furniture of the agency's,
    glued to the sentence a question finds ("MOSCOW, Dec 3 (Reuters) - "), and no part of what
    the sentence says."""
    m = _DATELINE_RE.match(text)
    return m.group(0) if m else ""


def is_notice(text: str) -> bool:
    """Whether ``text`` is (or holds) a copyright notice: content, but no title or heading.
    An ASCII text (whose letters match the pattern's regardless of case only as their lower
    case does) is first looked through for the pattern's phrases, lower-cased: most hold none,
    and the pattern tries every character of a paragraph."""
    if text.isascii():
        lower = text.lower()
        if "copyright" not in lower and "(c)" not in lower and "all rights reserved" not in lower:
            return False
    return bool(_NOTICE_RE.search(text))


# A page's own copyright line: a paragraph opening on the notice ("Copyright The Ledger Group Ltd
# 2025. All rights reserved. Please don't copy articles ...", "© 2024 Foo Media"), with a year or
# "all rights reserved" in it; "Copyright lawyers said ..." opens on no notice.
# A site's prompt to follow it elsewhere, opening a paragraph: "Follow Northern News on Facebook,
# X and Instagram.", "Follow us on Twitter" (a command, which reporting opens no paragraph with)
_FOLLOW_PROMPT_RE = re.compile(
    r"^\W*follow\b[^.!?\n]{0,60}?\bon\s+(?:facebook|twitter|x|instagram|tiktok|youtube|linkedin"
    r"|threads|bluesky|telegram|whatsapp|mastodon)\b", re.IGNORECASE)
_OPENING_NOTICE_RE = re.compile(r"^\W*(?:©|\(c\)|(?i:copyright)\s*(?:©|\(c\)|\d{4}|[A-Z]))")
_NOTICE_TAIL_RE = re.compile(r"\b(?:1[89]|20)\d\d\b|all rights reserved", re.IGNORECASE)


def _classify(
    para: str, repeated: Container[str], english: bool = True
) -> tuple[str, str]:
    """First pass: 'bad' (boilerplate), 'weak' (appeal-like prose), 'frag' or 'good'."""
    if normalised(para) in repeated:
        return "bad", "repeated across documents"
    if _OPENING_NOTICE_RE.match(para) and _NOTICE_TAIL_RE.search(para):
        return "bad", "copyright notice"
    if LEADING_TEASER_RE.match(para) or _BRACKET_TAG_RE.search(para):
        return "bad", "teaser marker"
    if _FOLLOW_PROMPT_RE.match(para):
        return "bad", "a prompt to follow the site elsewhere"
    if (CREDIT_TAIL_RE.search(para) or PICTURE_CREDIT_RE.search(para)
            or (_DOMAIN_RE.search(para) and not is_prose(para))):
        return "bad", "photo credit"
    kinds = marker_kinds(para)
    n_words = len(words(para))
    address = reader_address(para)
    furniture = kinds - {"credit"}
    if furniture and (n_words <= 12 or not is_prose(para)):
        return "bad", "furniture phrase: " + ",".join(sorted(furniture))
    if "disclaimer" in kinds:
        return "bad", "disclaimer"
    if (address or _BIDDING_RE.search(para)) and furniture:
        return "bad", "reader appeal: " + ",".join(sorted(furniture))
    if not is_prose(para):
        return "frag", "not a sentence (headline, menu, button or label)"
    if (address >= 2 and address >= 0.05 * n_words) or (address and n_words <= 12):
        return "weak", "addresses the reader"
    if english and stopword_density(para) < 0.1 and 8 <= n_words < 30:
        return "frag", "low stop-word density (a list, not prose)"
    return "good", "prose"


def explain(text: str, repeated: Container[str] = frozenset(),
            english: bool | None = None,
            found: Sequence[tuple[str, int]] | None = None) -> list[LineDecision]:
    """Decide for every paragraph of ``text`` whether it is article prose, with the reason;
    ``english``: whether ``text`` ``reads_as_english``, and ``found``: ``segment.blocks(text)``,
    when the caller has them already."""
    if found is None:
        found = blocks(text)
    paras = [p for p, _ in found]
    if english is None:
        english = reads_as_english(text)
    labels = [_classify(p, repeated, english) for p in paras]
    if not english and not page_shaped(paras):
        # text in another language is cleaned as a web page (the signals that tell one from a
        # document are English ones); one not laid out as a page (a note, a memo) keeps its
        # short sentences ("Der Eintritt ist frei.")
        labels = [("good", "prose") if k == "frag" and is_sentence(p) else (k, r)
                  for p, (k, r) in zip(paras, labels, strict=True)]
    kinds = [k for k, _ in labels]
    reasons = [r for _, r in labels]

    # Teaser blocks: a list label ("DON'T MISS:", "Previous Story", "312 comments", "Listen to
    # this article") swallows the fragments after it, and the short lines glued to it (no blank
    # line between: a list's items, a question-shaped headline or a comment among them); a
    # comments label, the comments after it (``_COMMENTER_RE``). A page
    # saved with no blank lines at all, or with few (its label in a block of more than
    # ``GLUED_BLOCK_LINES`` lines), keeps its paragraphs after the list, however short: there
    # a line glued to the label says nothing of what it belongs to.
    # A label inside a block taken already (before ``end``, where the walks so far stopped)
    # would walk to ``end`` at most, marking what is marked, unless it takes ``end`` as a line
    # glued to it: it is passed over (each walked the rest of the block: a 2 MB text of many
    # short labelled lines took a minute, 17 MB hours).
    lines_in = Counter(b for _, b in found)
    end = 0
    for i, p in enumerate(paras):
        if kinds[i] in ("bad", "frag") and len(words(p)) <= 6 and (
                LEADING_TEASER_RE.match(p) or COMMENT_COUNT_RE.match(p)
                or "widget" in marker_kinds(p)):
            glued = lines_in[found[i][1]] <= GLUED_BLOCK_LINES
            if i < end and not (glued and end < len(paras) and found[end][1] == found[i][1]
                                and len(words(paras[end])) <= GLUED_ITEM_WORDS):
                continue
            j = i + 1
            comments = COMMENT_COUNT_RE.match(p) is not None
            while j < len(paras) and (
                    (glued and found[j][1] == found[i][1]
                     and len(words(paras[j])) <= GLUED_ITEM_WORDS)
                    or (kinds[j] in ("frag", "weak", "bad") and not is_prose(paras[j]))
                    or (comments and _COMMENTER_RE.match(paras[j]) is not None)):
                kinds[j], reasons[j] = "bad", "inside a teaser block"
                j += 1
            end = max(end, j)

    # Comments: the prose right above a Reply button (up to ``_COMMENT_PARAGRAPHS`` paragraphs,
    # back to the commenter's name or the comment's date) is a reader's comment.
    for j, p in enumerate(paras):
        if _REPLY_RE.match(p):
            for c in range(j - 1, max(j - 1 - _COMMENT_PARAGRAPHS, -1), -1):
                if kinds[c] not in ("good", "weak"):
                    break
                kinds[c], reasons[c] = "bad", "a reader's comment (a Reply button under it)"

    # Reader polls: the label, and up to the last button within reach (``_POLL_LABEL_RE``).
    for i, p in enumerate(paras):
        if _POLL_LABEL_RE.match(p):
            ends = [j for j in range(i + 1, min(len(paras), i + 1 + _POLL_LINES))
                    if _POLL_BUTTON_RE.match(paras[j])]
            for j in range(i, ends[-1] + 1 if ends else i + 1):
                kinds[j], reasons[j] = "bad", "a reader poll (its label, question and options)"

    # Captions: prose glued (no blank line) to a credit line in the raw text is its caption.
    for i in range(len(paras)):
        if reasons[i] == "photo credit" and i > 0 and found[i - 1][1] == found[i][1]:
            kinds[i - 1], reasons[i - 1] = "bad", "photo caption"

    # Appeal-like paragraphs become boilerplate when they touch boilerplate and no prose. A
    # lead-in before them ("What we changed:", a fragment ending in a colon that no furniture
    # marks) opens the article's own list of what the writer did, not an appeal: it is no
    # boilerplate beside the items it leads in to.
    lead_in = [k == "frag" and p.rstrip().endswith(":") for p, k in zip(paras, kinds, strict=True)]
    changed = True
    while changed:
        changed = False
        for i, k in enumerate(kinds):
            if k != "weak":
                continue
            neighbours = [kinds[j] for j in (i - 1, i + 1) if 0 <= j < len(kinds)
                          and not (j == i - 1 and lead_in[j])]
            if "good" not in neighbours and ("bad" in neighbours or "frag" in neighbours):
                kinds[i], reasons[i] = "bad", "reader appeal block"
                changed = True

    # A prose paragraph inside a run of appeals (bad on both sides, up to fragments) is part of it.
    for i, k in enumerate(kinds):
        if k == "good" and reader_address(paras[i]) and _between_bad(kinds, i):
            kinds[i], reasons[i] = "bad", "inside a reader appeal block"

    return [
        LineDecision(p, k in ("good", "weak"), r)
        for p, k, r in zip(paras, kinds, reasons, strict=True)
    ]


def _between_bad(kinds: Sequence[str], i: int) -> bool:
    def side(rng: Iterable[int]) -> bool:
        for j in rng:
            if kinds[j] == "bad":
                return True
            if kinds[j] != "frag":
                return False
        return False

    return side(range(i - 1, -1, -1)) and side(range(i + 1, len(kinds)))


def clean(text: str, repeated: Container[str] = frozenset()) -> list[str]:
    """The article's prose paragraphs, in order, with boilerplate removed."""
    return [d.text for d in explain(text, repeated) if d.keep]
