"""What is quoted for a chosen sentence: the sentence, bounded in length, with the list it leads
in to or the sentence after it that points back at it.

* A quote longer than ``MAX_QUOTE_CHARS`` is shortened to about ``QUOTE_KEEP_CHARS`` around the
  words that met the question, an ellipsis marking each cut (``bounded``).
* A sentence that leads in to a list ("... for several reasons:", or a heading a list comes
  under) is quoted with the list's items after it, one ``BULLET`` line each, at most
  ``MAX_LIST_ITEMS`` items and ``MAX_LIST_CHARS`` characters (``lead_ins``, ``items_after``);
  an item's own lead-in ("4. ... the following conditions:") takes its sub-items, not its
  siblings.
* A sentence that leads in to a short code block ("If you want to install pytest, just type
  one of:" over ``pip install -U pytest``; ``sieve.Kept.code``) is quoted with its lines, one
  line each after ``CODE_INDENT`` (``Sentence.code``): the command the sentence points to.
* A sentence after it that points back at it ("This can be done by ...", "It has a default of
  25.", "However, ...") is quoted with it, and so is the sentence after a question (an FAQ's
  "38. How can I encrypt zip files with zlib?" is answered by the paragraph under it), and after
  a list item standing alone over a paragraph (an FAQ's problem over its answer) (``follow_up``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .answer import ELLIPSIS
from .collection import Sentence
from .cues import is_question

# A quote longer than this is shortened to about ``QUOTE_KEEP_CHARS`` around the words that met
# the question, with an ellipsis where it was cut (a sentence of a table dump or a page flattened
# without punctuation can run to megabytes).
MAX_QUOTE_CHARS = 500
QUOTE_KEEP_CHARS = 300


def bounded(text: str, highlights: list[tuple[int, int]]
            ) -> tuple[str, list[tuple[int, int]]]:
    """``text`` and its highlight spans, shortened when longer than ``MAX_QUOTE_CHARS``: the
    ``QUOTE_KEEP_CHARS`` window (cut at spaces) holding the most highlights, ellipses marking
    the cuts, the spans moved to match."""
    if len(text) <= MAX_QUOTE_CHARS:
        return text, highlights
    starts = [a for a, _ in highlights] or [0]
    best, most = 0, -1
    for a in starts:  # the window opening a little before each highlight
        lo = max(0, a - QUOTE_KEEP_CHARS // 4)
        n = sum(lo <= x and y <= lo + QUOTE_KEEP_CHARS for x, y in highlights)
        if n > most:
            best, most = lo, n
    lo, hi = best, min(len(text), best + QUOTE_KEEP_CHARS)
    if lo > 0:  # cut at the space after lo, the one before hi
        space = text.find(" ", lo, hi)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", lo, hi)
        hi = space if space > lo else hi
    head = ELLIPSIS if lo > 0 else ""
    tail = ELLIPSIS if hi < len(text) else ""
    shift = len(head) - lo
    marks = [(a + shift, b + shift) for a, b in highlights if lo <= a and b <= hi]
    return head + text[lo:hi] + tail, marks


# A sentence that opens by pointing back at the one before it says more of the same thing
# ("This can be done by passing -i before the script.", "It has a default of 25.", "However,
# ...", "For example, ..."): it is quoted with it. Per language: its demonstratives, its
# pronouns of the third person, "however", "instead", "for example" (not the articles that
# open most sentences: German "Das", Dutch "Het"); a language not here quotes no sentence after.
_POINTS_BACK_WORDS = {
    "en": "This|That|These|Those|Such|Doing so|To do (?:so|this|that)|In (?:this|that) case|It"
          "|Its|They|Their|He|She|His|Her|However|Instead|Otherwise|For (?:example|instance)"
          "|Examples|Therefore|Thus|Hence|Consequently|As a (?:result|consequence)"
          "|The (?:consequence|result|reason|former|latter)|The (?:first|second|other) one"
          "|(?:On|In|For) such",
    "de": "Dies|Diese[rsnm]?|Er|Sie|Es|Jedoch|Allerdings|Stattdessen|Zum Beispiel"
          "|Beispielsweise|Deshalb|Daher",
    "es": "Esto|Este|Esta|Estos|Estas|Eso|Ello|Él|Ella|Ellos|Ellas|Sin embargo|Por ejemplo"
          "|En cambio|No obstante|Por (?:ello|eso)",
    "pt": "Isto|Isso|Este|Esta|Estes|Estas|Ele|Ela|Eles|Elas|No entanto|Contudo|Por exemplo"
          "|Em vez disso",
    "fr": "Ceci|Cela|Ce|Cette|Ces|Il|Elle|Ils|Elles|Cependant|Toutefois|Par exemple"
          "|En revanche|Au lieu de cela",
    "it": "Questo|Questa|Questi|Queste|Ciò|Esso|Essa|Essi|Egli|Tuttavia|Per esempio"
          "|Ad esempio|Invece",
    "nl": "Dit|Deze|Hij|Zij|Ze|Echter|Bijvoorbeeld|In plaats daarvan",
    "ru": "Это|Этот|Эта|Эти|Он|Она|Оно|Они|Его|Её|Их|Однако|Например|Вместо этого"
          "|Тем не менее|Поэтому",
    "uk": "Це|Цей|Ця|Ці|Він|Вона|Воно|Вони|Його|Її|Їх|Однак|Проте|Наприклад",
    "tr": "Bu|Bunlar|Bunun|Bunu|O|Onlar|Onun|Ancak|Fakat|Örneğin|Bunun yerine",
    "el": "Αυτό|Αυτή|Αυτός|Αυτά|Αυτοί|Ωστόσο|Όμως|Για παράδειγμα",
    "ar": "هذا|هذه|ذلك|تلك|هو|هي|هم|لكن|ومع ذلك|وهذا|وهذه|وهو|وهي|وهم",
    "hi": "यह|वह|ये|वे|इसका|इसकी|इसके|उसका|उसकी|उसके|हालांकि|उदाहरण के लिए",
}
_POINTS_BACK = {code: re.compile(rf"^(?:{words})\b") for code, words in _POINTS_BACK_WORDS.items()}
# unspaced scripts: no word boundary after the opening word ("它的", "这种")
_POINTS_BACK["zh"] = re.compile(r"^(?:这|那|它|他们|她们|他|她|但是|然而|例如|因此)")
# A paragraph opening with a pronoun of the third person goes on about what the paragraph before
# ended on ("Sodium is a new, easy-to-use software library ..." / "It is a portable ... fork of
# NaCl ..."): it is quoted after that paragraph's last sentence too (a demonstrative there often
# points at the section instead: "This section describes ...").
_PRONOUN = {"en": re.compile(r"^(?:It|Its|They|Their|He|She|His|Her)\b")}


# After a question, its answer is quoted: the sentence after it and the rest of that sentence's
# paragraph up to this many characters ("No. The environment ... is different. Therefore
# Valgrind has to have full control from the very start.").
MAX_ANSWER_CHARS = 300


def follow_up(sents: Sequence[Sentence], number: int, lang: str = "en") -> tuple[int, ...]:
    """The numbers of the sentences quoted after sentence ``number``: the next one in its line
    when it points back at it, or the answer after a question (or after a list item of its own
    over a paragraph, ``_titles_paragraph``): the quotable sentence after it
    (in its line or the next) that is no question itself, with the sentences after that in its
    paragraph (and in the paragraph after a line ending in a colon) up to ``MAX_ANSWER_CHARS``;
    else none."""
    if number + 1 >= len(sents) or sents[number].code:
        return ()  # (code after it, quoted with it, stands between it and the next)
    nxt = sents[number + 1]
    if is_question(sents[number].text) or _titles_paragraph(sents, number):
        at = number + 1  # past the rest of a question of several sentences in its line
        while at < len(sents) and not sents[at].first and is_question(sents[at].text):
            at += 1
        if at >= len(sents) or not sents[at].quotable or is_question(sents[at].text):
            return ()
        size, k = len(sents[at].text), at + 1
        while k < len(sents) and sents[k].quotable and not is_question(sents[k].text) and (
                not sents[k].first or sents[k - 1].text.rstrip().endswith(":")) and (
                size + len(sents[k].text) <= MAX_ANSWER_CHARS):
            # the answer's paragraph, and the one its lead-in line introduces ("What is GNU
            # Nettle? A quote from the introduction in the Nettle Manual:" / "Nettle is ...")
            size += len(sents[k].text)
            k += 1
        return tuple(range(number + 1, k))  # the question's later sentences too
    points_back = _POINTS_BACK.get(lang)
    if not nxt.quotable or points_back is None or not points_back.match(nxt.text):
        return ()
    if nxt.first and (nxt.item or sents[number].item or lang not in _PRONOUN
                      or not _PRONOUN[lang].match(nxt.text)):
        return ()
    return (number + 1,)


def _titles_paragraph(sents: Sequence[Sentence], number: int) -> bool:
    """Whether sentence ``number`` is a list item of its own, no item before or after it, with
    a paragraph after it: the title of the paragraph, as an FAQ's problem is of its answer
    ("* My document says that the current year is 19100, not 2000." over "In groff, ... the yr
    number register yields the year minus 1900.")."""
    nxt = sents[number + 1]
    return (sents[number].item and not nxt.item and nxt.first and nxt.quotable
            and (number == 0 or not sents[number - 1].item))


_MARKER_FORMS = ((re.compile(r"^\d+(?:\.\d+)*[.)]\s"), "1."),
                 (re.compile(r"^\(?[a-z][.)]\s"), "a)"), (re.compile(r"^\(?[A-Z][.)]\s"), "A)"),
                 (re.compile(r"^\(?[ivx]+[.)]\s"), "i)"))


def marker(text: str) -> str | None:
    """The form of the enumerator opening a list item ("1.", "a)"), or ``None``."""
    return next((form for rx, form in _MARKER_FORMS if rx.match(text)), None)


def quote_text(sentence: Sentence, sents: Sequence[Sentence],
               items: Mapping[int, tuple[int, ...]], lang: str = "en") -> str:
    """What is quoted for a chosen sentence of the passage ``sents`` (whose lists ``items``,
    from ``items_after``, leads in to): it, with the list it leads in to (an item a line, after
    ``BULLET``; after the code it leads in to, when it does), or the code it leads in to (a
    line a code line, after ``CODE_INDENT``), or the sentence after it that points back at
    it."""
    listed = items.get(sentence.number, ())
    if listed:
        return "\n".join([sentence.text, *(CODE_INDENT + line for line in sentence.code),
                          *(BULLET + sents[k].text for k in listed)])
    # both run on from the sentence after it: the longer holds the other (an FAQ item's
    # question, "43. Is zlib subject to export controls? What is its ECCN?", with its answer)
    rest = max(_rest_of_item(sents, sentence), follow_up(sents, sentence.number, lang), key=len)
    last = sents[rest[-1]] if rest else sentence
    return "\n".join([" ".join([sentence.text, *(sents[k].text for k in rest)]),
                      *(CODE_INDENT + line for line in last.code)])


def _rest_of_item(sents: Sequence[Sentence], sentence: Sentence) -> tuple[int, ...]:
    """The later sentences of the list item (or table row) that ``sentence`` opens, when the
    item is short enough to quote whole (``MAX_ANSWER_CHARS``): an item is one unit of the
    document ("255 -- Command failed. There were errors from either the CLI or the service.")."""
    if not (sentence.item and sentence.first) or sentence.code:
        return ()
    k, size = sentence.number + 1, len(sentence.text)
    while k < len(sents) and sents[k].item and not sents[k].first and sents[k].quotable:
        size += len(sents[k].text) + 1
        k += 1
        if sents[k - 1].code:  # it leads in to code: the item goes on after it no more
            break
    return tuple(range(sentence.number + 1, k)) if size <= MAX_ANSWER_CHARS else ()


BULLET = "• "
# What a line of code quoted after its lead-in opens with: it reads as code in plain text (as
# Markdown sets it), and no line of prose or of a list opens so (a sentence opens on a word,
# an item on ``BULLET``), so a renderer knows it (Telegram sets it as ``<code>``).
CODE_INDENT = "    "
MAX_LIST_ITEMS = 10
MAX_LIST_CHARS = 900


def outside_code(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` of a quote's ``text`` without those on its lines of code (``CODE_INDENT``):
    no word of the code met the question (it is not indexed), it is shown as typed."""
    code = [m.span() for m in re.finditer(rf"(?m)^{CODE_INDENT}.*$", text)]
    return [(a, b) for a, b in spans if not any(a < y and b > x for x, y in code)]


def without_code(text: str) -> str:
    """A quote's ``text`` without its lines of code (``CODE_INDENT``): what it says in words
    (a number in a command is no evidence of what a question asks)."""
    return "\n".join(ln for ln in text.split("\n") if not ln.startswith(CODE_INDENT))


def leads_in(sentence: Sentence) -> bool:
    """Whether ``sentence`` leads in to a list: it ends in a colon ("... these locations:"; an
    item's too: "4. ... the following conditions:")."""
    return sentence.text.rstrip().endswith(":")


def lead_ins(sents: Sequence[Sentence]) -> dict[int, int]:
    """For each sentence of a list item, the sentence that leads in to its list ("... these
    locations:", or the heading it comes under), when there is one: item number -> lead-in
    number."""
    out: dict[int, int] = {}
    lead = -1
    for i, s in enumerate(sents):
        if leads_in(s):
            lead = i
        elif not s.item:  # a heading (never quoted) that a list comes under, or prose
            lead = i if not s.quotable else -1
        elif lead >= 0:
            out[i] = lead
    return out


def items_after(sents: Sequence[Sentence]) -> dict[int, tuple[int, ...]]:
    """For each lead-in sentence, the first sentence of each list item after it (at most
    ``MAX_LIST_ITEMS`` items and ``MAX_LIST_CHARS`` characters): lead-in number -> numbers."""
    out: dict[int, list[int]] = {}
    ended: set[int] = set()
    for item, lead in lead_ins(sents).items():
        got = out.setdefault(lead, [])
        form = marker(sents[item].text)
        opening = next(k for k in range(lead, -1, -1) if sents[k].first or k == 0)
        if lead in ended or (sents[lead].item and form and form == marker(sents[opening].text)):
            ended.add(lead)  # "3." after the items of "2. ... conditions:" is no item of it
            continue
        if (sents[item].first and len(got) < MAX_LIST_ITEMS
                and sum(len(sents[k].text) for k in got) + len(sents[item].text) <= MAX_LIST_CHARS):
            got.append(item)
    return {lead: tuple(items) for lead, items in out.items() if items}


__all__ = [
    "BULLET",
    "CODE_INDENT",
    "MAX_QUOTE_CHARS",
    "QUOTE_KEEP_CHARS",
    "bounded",
    "follow_up",
    "items_after",
    "lead_ins",
    "leads_in",
    "marker",
    "outside_code",
    "quote_text",
]
