"""Whether a sentence holds the kind of fact a question asks for, and what a sentence is.

A question's type comes from its wording (``questiontypes.py``: "when", "how many", "who",
"which countries", "what does X stand for"). A sentence shows *evidence* for the type when it
holds such a fact that the question itself does not already contain: a year or date for "when",
a quantity for "how many", a name for "who"/"which", a place after a preposition for "where",
the spelled-out form of an acronym for "stand for", and for "what is X?" / "what does X mean?" a
sentence that defines X ("X is a ...", "X means ...", "X: ...", "X, a ..."; ``definitions.py``).
Also what a sentence is besides: a question, a caption, a signature line, one stating a
default, one holding code.
"""

from __future__ import annotations

import re
from itertools import islice

from .definitions import defines, expands, head, spelled_out
from .interrogatives import NUMBER_WORDS
from .scripts import UNSPACED_RE, ascii_digits

# A month's name, capitalised as English writes it ("may" and "march" are a verb and a noun)
_MONTH = (r"(?-i:January|February|March|April|May|June|July|August|September|October|November"
          r"|December)")
# an ordinal written out, as centuries are ("nineteenth", "twenty-first")
_ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
            r"|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
            r"|nineteenth|twentieth|twenty-first|twenty-second)")
_DATE = re.compile(
    # a day of a month, new though the question names the month ("on 11 December" answers "on
    # what day in December")
    rf"\b(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)"
    # a decade ("1960s", "the 90s"), not an age group ("under-18s", "over-65s")
    rf"|1[0-9]\d\d|20\d\d|(?<!under-)(?<!over-)\d{{1,3}}0s|\d{{1,2}}(st|nd|rd|th)|{_MONTH}"
    r"|monday|tuesday|wednesday"
    r"|thursday|friday|"
    r"saturday|sunday|yesterday|today|\d{1,2}(st|nd|rd|th)? century"
    # a century or millennium written out ("the early nineteenth century")
    rf"|{_ORDINAL} (?:century|centuries|millennium)"
    # a year of an era, before or after it ("~11,600 BP", "c.750 AD", "AD 43", "500 BCE"), and
    # a time counted back from now ("22,000 years ago", "a billion years ago")
    r"|\d[\d,.]*\s?(?-i:BC|BCE|AD|CE|BP)|(?-i:AD|CE)\s?\d+"
    r"|(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|"
    r"thousand|million|billion|hundreds|thousands|millions|billions|few|several|many)"
    r"\s+(?:years?|decades?|centuries)\s+ago"
    # a time of day, what a handbook answers "when is the helpdesk open?" with
    r"|\d{1,2}:\d\d|\d{1,2}\s?[ap]\.?m|noon|midnight|weekdays|weekends)\b", re.I)
_QUANTITY = re.compile(
    r"\b(v?\d+(?:[.,]\d+)*(?!\d)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|"
    r"a third|a quarter|once|twice|thrice|daily|weekly|monthly|yearly|annually|hourly|"
    r"every \w+)\b", re.I)
_YEAR = re.compile(r"^(1[0-9]\d\d|20\d\d)$")
# a number written onto the word after it, outside English ("1434년에", "20км"); a word with
# digits after its letters is a name, no figure ("pymorphy2", "mp3": "сколько стоит лицензия
# pymorphy?" was answered by any sentence naming pymorphy2)
_GLUED_DIGITS = re.compile(r"(?<=\d)(?=[^\W\d_])")
# a year marked as one by the word after it (Chinese and Japanese 年, Korean 년)
_MARKED_YEAR = re.compile(r"(?<![\d.,])(\d{1,4})\s*[年년]")
# the day of a date ("October 9, 1903", "14 November 565"): it names a day, it counts nothing
_DAY_OF_MONTH = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
                           rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d))")
# a release a thing came with, what documentation answers "when was X added?" with: a dotted
# version number after "version", "release", "since", "in", ... or a name ("krb5-1.18",
# "Python 3.8"), or before "release" ("the 2.4 release")
_VERSION = re.compile(
    r"(?:\b(?i:version|release|releases|v|since|in|until|before|after)\s+(?i:v)?"
    r"|\b[A-Za-z][\w+]*-v?|\b[A-Z][a-z]*[A-Z\d]?\w* v?)\d+(?:\.\d+)+\b"
    r"|\b\d+(?:\.\d+)+\s+(?i:release|version)\b")
_DOTTED_NUMBER = re.compile(r"\d\.\d")
# a question asking a calendar's unit by name ("In what year was X dropped?", "on which date"):
# a release is no answer to it
_ASKS_CALENDAR = re.compile(r"\b(?:what|which)\s+(?:year|date|day|month|decade|century)\b")
_COUNTING = re.compile(r"\bhow (?:many|much)\b")
_NAMES_VERSION = re.compile(r"\b(?:version|release|v)\s*$", re.I)  # "version 1.10", "v2"
# a plural noun after a number: "2000 guests"
_COUNTS_NOUN = re.compile(r"\s+(?!(?:was|has|does|is|as|its|this|thus|plus)\b)[a-z]{2,}s\b")
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]*[a-z][\w'’-]*")
# a word in any script, not opening a sentence (``has_evidence`` keeps those it capitalises)
_CAPITALISED_ANY = re.compile(r"(?<![.!?]\s)(?<!^)(?<![.!?]\s[«„“\"'(])\b[^\W\d_][\w'’-]*")
_WORD_ANY = re.compile(r"[^\W\d_][\w'’-]*")
# names listed: two or more capitalised names (of up to three words) joined by commas, "and",
# "or" ("Belarus, Kazakhstan, Kyrgyzstan and Tajikistan", "Google and Microsoft")
# (a capitalised word with a small letter, read whole: the lookahead checks for the small letter
# and the possessive ``*+`` takes the word without giving any back, so that a long list that is
# not one does not send the pattern trying every split of every word: "[A-Z]\w*[a-z]\w*" took
# seconds on eight names and grew by a power with each more)
_LISTED_WORD = r"[A-Z](?=[\w'’-]*[a-z])[\w'’-]*+"
_LISTED_NAME = rf"{_LISTED_WORD}(?:\s+{_LISTED_WORD}){{0,2}}"
_NAME_LIST = re.compile(rf"\b{_LISTED_NAME}(?:\s*,\s*{_LISTED_NAME})*,?\s+(?:and|or|&)\s+"
                        rf"{_LISTED_NAME}|\b{_LISTED_NAME}(?:\s*,\s*{_LISTED_NAME}){{2,}}")
_PLACE = re.compile(r"\b(?:in|at|from|near|to|into|across)\s+((?:the\s+)?[A-Z][\w-]+)")
# A file path or URL: where a "where" question over documentation is answered ("saved in the
# build/po/ directory", "/usr/local/bin"); two slashes, or one opening or closing it ("and/or"
# is none).
_PATH = re.compile(r"(?<![\w/])(?:~?/[\w.-]+(?:/[\w.-]*)*|[\w.-]+/(?:[\w.-]+/)+[\w.-]*"
                   r"|[\w.-]+/(?![\w]))")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


# Code in documentation: a command-line option ("--track-origins=yes", "-k"), an identifier
# (snake_case, camelCase, "a.b", "a::b", "f()"), an environment variable ("FC_DEBUG"): what a
# "how do I ..." or "which option ..." question over documentation is answered with.
_CODE = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*(?:=[^\s,;)]*[^\s,;).])?|\b[A-Za-z]\w*_\w+"
                   r"|\b[A-Za-z_]\w*(?:\.|::)[A-Za-z_]\w+(?:\(\))?|\b\w+\(\)|\b[a-z]+[A-Z]\w*")
# What every match of ``_CODE`` holds ("_", "()", "-x", "aB", "a.b" / "a::b"): most sentences
# hold none of it, and these are cheaper to look for than ``_CODE`` itself (every candidate
# sentence of every question is read for code).
_OPTION_HINT = re.compile(r"-[A-Za-z]")
_CAMEL_HINT = re.compile(r"[a-z][A-Z]")
_DOT_HINT = re.compile(r"[.:][A-Za-z_]")
_DOTTED_HINT = re.compile(r"\w(?:\.|::)[A-Za-z_]")


def _may_hold_code(sentence: str) -> bool:
    return bool("_" in sentence or "()" in sentence or _OPTION_HINT.search(sentence)
                or _CAMEL_HINT.search(sentence)
                or (_DOT_HINT.search(sentence) and _DOTTED_HINT.search(sentence)))


_STATES_DEFAULT = re.compile(r"\bdefaults?\s*(?::|(?:is|was|value|to|on|of|setting)\b)"
                             r"|\bby default\b|\b(?:is|are|as) the default\b|\(default\b", re.I)


_ANNOTATION = re.compile(r"[{<][^}>]{1,80}[}>]")  # a reference's type: "{number}", "<string>"
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def bare(sentence: str) -> bool:
    """Whether ``sentence`` is a name and its type and little else ("heap_size_limit <number>",
    "Returns: {readline.Interface}"): a reference's signature line, which answers nothing."""
    if "{" in sentence or "<" in sentence:
        sentence = _ANNOTATION.sub(" ", sentence)
    if _may_hold_code(sentence):
        sentence = _CODE.sub(" ", sentence)
    return next(islice(_LETTERS.finditer(sentence), 1, None), None) is None  # fewer than two


# a word that may be an English verb of a clause: an auxiliary or copula, a past form ("opened";
# not "red" or "bed"), a third person's present ("provides"; a plural noun passes too: the test
# errs towards a clause)
_MAY_BE_VERB = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|can|could|"
                          r"will|would|may|might|must|shall|should|\w\w+ed|\w+[^s\W]s)\b", re.I)


def verbless(sentence: str) -> bool:
    """Whether English ``sentence`` holds no word that may be a verb: a caption or a label
    ("Diaphragm pump schematic.", "World map showing the Arctic Circle in red."), which states
    nothing, however it opens a page."""
    return _MAY_BE_VERB.search(sentence) is None


def signature(sentence: str) -> bool:
    """Whether ``sentence`` is a reference's signature line: a name and its type in braces or
    angle brackets and little else ("heap_size_limit <number>", "Returns: {Object}"), never an
    answer ("Default: 30", with no type, may be one)."""
    return ("{" in sentence or "<" in sentence) and _ANNOTATION.search(sentence) is not None and (
        bare(sentence))


# a section's number of two levels or more and its dot opening a question: "10.1. Si può ...?"
_SECTION_NUMBER = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3})+\.\s+[^\W\d_]")


def numbered_heading(sentence: str) -> bool:
    """Whether ``sentence`` is a question opening with a section's number ("10.1. Si può
    installare e compilare un kernel senza alcun adattamento specifico per Debian?"): a FAQ's
    entry that a PDF or a text file set as a line of text, never its own answer. A numbered
    statement may be one: a licence's clause ("8.1. This License ... will terminate ...")."""
    return _SECTION_NUMBER.match(sentence) is not None and sentence.rstrip().endswith("?")


def has_code(sentence: str, question: str) -> bool:
    """Whether ``sentence`` holds code (an option, an identifier) that the question does not."""
    if not _may_hold_code(sentence):
        return False
    q = question.lower()
    return any(m.group(0).lower() not in q for m in _CODE.finditer(sentence))


_ASKED_MARK = re.compile(r"^\W*(?:Q|Question)\s*:\s", re.I)  # an FAQ's "Q: I told xz to ..."
# A question's end in the scripts that write their own mark: the Arabic (and Persian, Urdu)
# "؟", the full-width "？", the Ethiopic "፧", the Greek question mark (U+037E, or the ";" typed
# for it after a Greek word); and Armenian's "՞", written over the stressed vowel of the word
# asked about ("Ե՞րբ է բացվել ...։"), anywhere in the sentence
_ASKED_END_RE = re.compile("(?:[?？؟፧\u037e]|(?<=[\u0370-\u03ff\u1f00-\u1fff]);)$")
_ARMENIAN_ASKED = "\u055e"


def is_question(sentence: str) -> bool:
    """Whether ``sentence`` is a question ("21. Is zlib thread-safe?", "Γιατί η Κρήτη έχει
    τόσους σεισμούς;", "لماذا اختير موقع ورزازات؟"), or opens one marked as such ("Q: I told xz
    to use many threads but it is using only one core.")."""
    bare = sentence.rstrip("\"'”’“‘»›)」』） ")
    return (_ASKED_END_RE.search(bare) is not None or _ASKED_MARK.match(sentence) is not None
            or (_ARMENIAN_ASKED in sentence and bare.endswith(("։", ":"))))


def states_default(sentence: str) -> bool:
    """Whether ``sentence`` states a default: "Default: 30", "defaults to", "by default", "the
    default is", "(default for ...)"."""
    return _STATES_DEFAULT.search(sentence) is not None


# a statement committing to a yes or a no: a negation, a restriction or an obligation
_COMMITS = re.compile(r"\b(?:not|no|never|cannot|only|must|always)\b|n['’]t\b", re.I)


def commits(sentence: str) -> bool:
    """Whether ``sentence`` commits to a yes or a no, as an answer to a yes/no question does:
    it says not, no, never, only, must or always ("By default, HTTP::Tiny does not verify
    server identity.", "Pyparsing now requires Python 3.6.8 or later." does not)."""
    return _COMMITS.search(sentence) is not None


def _asked(text: str, question: str) -> bool:
    """Whether the (lower-cased) ``question`` holds ``text`` as words of its own: "ten" is not
    asked in "how much do ctenophores eat?"."""
    at = question.find(text)
    while at >= 0:
        end = at + len(text)
        if not (_word_char(question, at - 1) or _word_char(question, end)):
            return True
        at = question.find(text, at + 1)
    return False


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


# "When does readline emit 'line'?", "When is a language code valid?": a "when" of the present
# asks under what condition, which a clause answers ("whenever the input receives ..."); "when
# was", "when did", "when will" ask for a date.
_ASKS_CONDITION = re.compile(r"^\s*when\s+(?:does|do|is|are|can|should|must|may)\b", re.I)
_CONDITION = re.compile(r"\b(?:when|whenever|if|once|after|before|until|unless|as soon as|within"
                        r"|each time|every time)\b", re.I)


def dated_heading(heading: str, question: str) -> bool:
    """Whether ``heading`` dates what a "when" question asks about: a heading of release notes
    or a changelog ("Version 1.95 (2026-04-16)") holding a date the question lacks, and no
    sentence of its own."""
    return (not heading.rstrip().endswith((".", "?", "!", ":"))
            and _ASKS_CONDITION.match(question) is None  # "When is a code valid?": no date
            and has_evidence("when", heading, question))  # a date, as that asks no condition


def has_evidence(kind: str | None, sentence: str, question: str, lang: str = "en") -> bool:
    """Whether ``sentence`` holds a fact of the kind the question asks for, new to the question
    (read in language ``lang``: names in any script outside English)."""
    if kind is None:
        return False
    if lang != "en" and not sentence.isascii():
        # a figure in any digits, apart from the words around it: of an unspaced script
        # ("于1994年" has no word boundary before "1994") or written onto it (Korean's
        # "1434년에", "494킬로미터"); a year however small where the script marks one
        # ("公元105年", "기원전 57년")
        marked = _MARKED_YEAR.findall(ascii_digits(sentence))
        sentence = _GLUED_DIGITS.sub(" ", UNSPACED_RE.sub(" ", ascii_digits(sentence)))
        question = _GLUED_DIGITS.sub(" ", UNSPACED_RE.sub(" ", ascii_digits(question)))
        if kind == "when" and any(not _asked(year, question) for year in marked):
            return True
    q = question.lower()
    if kind == "who" and lang != "en":
        new = {w.lower() for w in _CAPITALISED_ANY.findall(sentence) if w[:1].isupper()}
        return bool(new - set(_WORD_ANY.findall(q)))
    if kind == "when":
        return (any(not _asked(m.group(0).lower(), q) for m in _DATE.finditer(sentence))
                or (_DOTTED_NUMBER.search(q) is None  # "When will 1.96 be released?": a date
                    and _ASKS_CALENDAR.search(q) is None
                    and _VERSION.search(sentence) is not None)
                or (_ASKS_CONDITION.match(question) is not None
                    and _CONDITION.search(sentence) is not None))
    if kind == "number":
        if lang in NUMBER_WORDS and any(not _asked(m.group(0).lower(), q)
                                         for m in NUMBER_WORDS[lang].finditer(sentence)):
            return True  # a count written out ("zwei", "dos", "двух")
        # a year is no quantity ("in 1998") unless it counts something ("2000 guests") or the
        # question asks how long ("from 1870 to 1939"); a version's number names, it does not
        # count ("version 1.10" for "how many glyphs")
        years = q.lstrip().startswith("how long")
        counting = _COUNTING.search(q) is not None
        days = [m.span() for m in _DAY_OF_MONTH.finditer(sentence)]
        return any(
            not _asked(m.group(0).lower(), q)
            and not any(a <= m.start() and m.end() <= b for a, b in days) and (
                years or not _YEAR.match(m.group(0)) or _COUNTS_NOUN.match(sentence, m.end()))
            and not (counting and _NAMES_VERSION.search(sentence, 0, m.start()))
            for m in _QUANTITY.finditer(sentence)
        )
    if kind == "names":  # "which countries ...?": names listed ("A, B and C", "A and B")
        return any(sum(not _asked(w.lower(), q) for w in _CAPITALISED.findall(m.group(0))) >= 2
                   for m in _NAME_LIST.finditer(sentence))
    if kind == "who":
        new = {m.group(0).lower() for m in _CAPITALISED.finditer(sentence)} - set(q.split())
        return any(not _asked(w, q) for w in new)
    if kind == "where":
        return (any(not _asked(m.group(1).lower(), q) for m in _PLACE.finditer(sentence))
                or any(not _asked(m.group(0).lower(), q) for m in _PATH.finditer(sentence)))
    if kind == "what_is":
        word = head(question)
        return (word is not None and defines(word, sentence)) or expands(question, sentence)
    if kind == "define":
        for acr in _ACRONYM.findall(question):
            if re.search(rf"(?:[A-Z][\w-]*\s+){{1,8}}\(\s*{re.escape(acr)}\s*\)", sentence):
                return True
        return any(spelled_out(w, sentence) for w in _NAME_WORD.findall(question))
    return False


_COUNT_WORD = re.compile(r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                         r"twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|"
                         r"billions?|dozens?|several|many|few)$")


def counts(words: list[str], terms: list[str | None], noun_term: str) -> bool:
    """Whether a quantity stands within three words before the counted noun (its term
    ``noun_term``) in a sentence (its lower-cased ``words`` and their ``terms``): "952 games",
    "three of his children"."""
    return any(t == noun_term and any(_COUNT_WORD.match(w) for w in words[max(0, i - 3) : i])
               for i, t in enumerate(terms))


_NAME_WORD = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][A-Za-z]{1,7}\b")
