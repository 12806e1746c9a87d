""""What is X?": the X it asks about, and whether a heading or a sentence says what X is.

A "what is X?" / "what does X mean?" / "define X" question asks about X (``subject``: its words
before a preposition, "a module in Python" -> "module"; none when X is long, for then it asks
for no definition). A sentence defines X when it opens by saying what X is ("X is a ...", "X
means ...", "X: ..."), names it in apposition ("..., X, a ..."), or is a reference's term and
its description, or spells out the acronym X in brackets beside it ("WebAssembly System
Interface (WASI)", ``expands``); a heading naming just X heads its definition
(``heads_definition``); "This package provides ..." says what a document is about
(``describes_itself``: what its title names).
``defines_subject`` is the strict form, on the whole X: "X is a ...", "X means ...".
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import whatis
from .language import ENGLISH

WHAT_IS = re.compile(
    # ("what's X?" and "whats X?", as people type it, too; "what's new / next / wrong ...?"
    # ask no thing's definition)
    r"^\s*what(?:\s+(?:is|are|was|were)|['’]s|s)\s+"
    r"(?!(?:new|next|wrong|up|left|going on|happening)\b)(?:(?:an?|the)\s+)?"
    r"(?P<subject>[^?]+?)\s*\??\s*$"
    r"|^\s*what\s+(?:does|do)\s+(?:(?:an?|the)\s+)?(?P<subject2>[^?]+?)\s+mean\b"
    # "What does HAL stand for?": what an acronym's letters are
    r"|^\s*what\s+(?:does|do)\s+(?:(?:an?|the)\s+)?(?P<subject6>[^?]+?)\s+stand\s+for\b"
    # "What does TTLCache do?", "What does the codegen-units setting do?": what X is for
    r"|^\s*what\s+(?:does|do)\s+(?!(?:i|you|we|they|he|she|it|one|people)\s)"
    r"(?:(?:an?|the)\s+)?(?P<subject5>[^?]+?)\s+do"
    r"(?:\s+(?:in|with|for|on|to)\s+[^?]+?)?\s*\??\s*$"
    r"|^\s*(?:define|what is meant by)\s+(?:(?:an?|the)\s+)?(?P<subject3>[^?]+?)\s*\??\s*$"
    # the way people ask what a thing is: "What do you know about X?", "Tell me about X"
    r"|^\s*(?:what\s+(?:do|can)\s+you\s+(?:know|tell\s+me|say)\s+about|(?:please\s+)?tell\s+me"
    r"\s+(?:more\s+)?about|explain)\s+(?!(?:how|why|what|when|where|which|who|whether|if)\b)"
    r"(?:(?:an?|the)\s+)?(?P<subject4>[^?.!]+?)\s*[?.!]?\s*$",
    re.I)
_PREPOSITION = re.compile(r"\s+(?:in|of|for|on|at|from|with|to|under|within|by|when|that)\s", re.I)
# "what is X used for?": what X is for, its purpose's word no part of X
_PURPOSE = re.compile(r"\s+(?:used|good|meant|useful|needed|designed|intended)$", re.I)
# "the command to do Y": what to use to do something, a "how do I ...?" ("the gpg command to
# generate a key pair", "the best way to install it"), not what X is
_TO_DO = re.compile(r"\b(?:commands?|ways?|options?|flags?|functions?|methods?|settings?|tools?"
                    r"|syntax|procedure|steps?)\s+to\s+[a-z]+\b")
_MAX_SUBJECT_WORDS = 4
_TERM_WORD = re.compile(r"[\w.+#-]+")  # a word of a term: "secrets.randbelow", "C#", "g++"


@lru_cache(maxsize=1024)  # asked again for every candidate sentence of the question
def subject(question: str, keep_case: bool = False) -> tuple[str, ...]:
    """The words of X in a "what is X?" question, before any preposition ("a module in
    Python" -> ("module",)), in lower case unless ``keep_case``; ``()`` when X is long (then it
    is no definition) or there is none."""
    m = WHAT_IS.search(question)
    if not m:
        return ()
    x = next(g for g in m.groups() if g)
    if _TO_DO.search(x):  # "the gpg command to generate a key": what to use, not what X is
        return ()
    x = _PURPOSE.sub("", _PREPOSITION.split(f" {x} ", maxsplit=1)[0].strip())
    ws = tuple(w.strip(".") if keep_case else w.strip(".").lower()
               for w in _TERM_WORD.findall(x))
    return ws if 0 < len(ws) <= _MAX_SUBJECT_WORDS and all(ws) else ()


def head(question: str) -> str | None:
    """The word a "what is X?" question asks about: the last word of X ("a module in Python"
    -> "module"), or ``None``."""
    words = subject(question)
    return words[-1] if words else None


# "X: ..." opening a sentence; "..., X, a ..." anywhere. "X is"/"X was" defines only when a class
# or a purpose follows ("is a library", "is one of", "is more of an attempt", "is used to"):
# "Uvicorn is BSD licensed", "libxcrypt is currently maintained at GitHub" say something of X
# without saying what it is.
_CLOSERS = r"[\"”’')*]*"
_OPEN_QUOTE = r"[\"“‘'(*]*"
# what follows "is" when it says what a thing is: a class or a purpose
_CLASS_OR_PURPOSE = (r"\s+(?:not\s+|also\s+|more of\s+|\w+ly\s+)?(?:an?|the|one|another"
                     r"|yet another|any|each|some|used|designed|intended|meant)")
_ASIDE = r"\s*(?:\([^)]{0,80}\)\s*)?"  # "X (Y) is ...", "X (since 2.1) means ..."
_VERB = (rf"{_ASIDE}(?:(?:is|was){_CLASS_OR_PURPOSE}|are|means|refers to|stands for"
         r"|shall mean|denotes|describes|deals with|is concerned with)\b")
_OPENING = r"^\W*(?:(?:an?|the)\s+)?(?:\S+\s+){0,2}\W*"
# what documentation calls the thing it defines: "The console.debug() function is ..."
_KIND = (r"(?:\(\))?(?:\s+(?:function|method|class|property|module|command|option|event|object"
         r"|variable|field|parameter|argument|constant|flag|setting|tool|program|library|package"
         r"|utility|api))?")


# What a reference's heading puts around the name it documents: a label ("Class: zlib.Unzip",
# "Event: 'line'") and a call's parameters ("zlib.crc32(data[, value])").
_NUMBER = r"\d+(?:\.\d+)*\.?"  # a heading's number: "1.7."
_LABEL = re.compile(rf"^\s*(?:{_NUMBER}\s+)?[A-Za-z]+:\s+(?=\S)")
_PARAMETERS = re.compile(r"[(\[].*$")
# ... and what kind of object it is and the module it is in: "class cachetools.TTLCache(...)",
# "@functools.cache", "exception zipfile.BadZipFile"
_OBJECT_KIND = re.compile(r"^\s*(?:(?:abstract|async|class|classmethod|coroutine|data|decorator|def"
                          r"|exception|function|method|property|staticmethod|attribute|type)\s+|@)")
_MODULE = re.compile(r"^(?:\w+\.)+(?=\w)")
_NUMBER_WORD = re.compile(_NUMBER)


def heads_definition(heading: str, question: str, title: str = "", lang: str = ENGLISH
                     ) -> bool:
    """Whether ``heading`` (a heading, a glossary's term) is just what a "what is X?" question
    (in ``lang``) asks about, so that the sentence under it defines X ("psmisc" / "A package of
    small utilities that use the proc file-system."): the same words, numbering, a label
    ("Class:") and a call's parameters aside; or the last of X's words, the words before them
    in the document's ``title`` ("split" heads "git subtree split" in "git-subtree(1)"); or
    a FAQ's heading asking the same question (``asks_what``)."""
    asked = _asked(question, lang)
    if not asked:
        return False
    if asks_what(heading, asked, lang):
        return True
    named = _PARAMETERS.sub("", _LABEL.sub("", heading, count=1))
    if len(asked) == 1 and "." not in asked[0]:  # "TTLCache" heads "class cachetools.TTLCache"
        named = _MODULE.sub("", _OBJECT_KIND.sub("", named).strip())
    for h in (heading, named):
        words = tuple(w.strip(".") for w in _TERM_WORD.findall(h) if not _NUMBER_WORD.fullmatch(w))
        if _same_terms(words, asked):
            return True
        if (title and 0 < len(words) < len(asked) and _same_terms(words, asked[-len(words):])
                and _in_title(asked[: -len(words)], title)):
            return True
    return False


def _asked(question: str, lang: str) -> tuple[str, ...]:
    """X of a "what is X?" ``question`` in ``lang``, in the question's case."""
    return subject(question, keep_case=True) if lang == ENGLISH else whatis.subject(question, lang)


# a FAQ heading's words after X: at most two, each a name's ("Debian GNU/Linux"), not a word
# saying which of X's kind it asks about ("Debian policy")
_MORE_NAMES = 2


def asks_what(heading: str, asked: tuple[str, ...], lang: str) -> bool:
    """Whether ``heading`` is itself a "what is X?" question (numbering aside) about ``asked``:
    a FAQ's entry ("1.2. Что такое Debian GNU/Linux?") answers "что такое Debian?" under it.
    Its X may name ``asked`` more fully, by at most two more words of a name."""
    text = re.sub(rf"^\s*{_NUMBER}\s+", "", heading)
    own = _asked(text, lang)
    more = own[len(asked):]
    return (len(own) >= len(asked) and _same_terms(own[:len(asked)], asked)
            and len(more) <= _MORE_NAMES and all(w[:1].isupper() or not w.isalpha() for w in more))


def _in_title(words: tuple[str, ...], title: str) -> bool:
    """Whether every one of ``words`` is a word of ``title``, case aside."""
    titled = {w.lower() for w in re.findall(r"[^\W_]+", title)}
    return all(w.lower() in titled for w in words)


# a heading that says what its subject is: "5. Cachegrind: a cache and branch-prediction
# profiler", "xsltproc — command line XSLT processor" (a manual page's NAME line)
_DEFINING_HEADING = re.compile(
    rf"^\s*(?:{_NUMBER}\s+)?(?P<subject>[^:—–]+?)(?::|\s+[—–-]\s+)\s*(?P<says>\S+(?:\s+\S+)+)$")


def defining_heading(heading: str, question: str) -> bool:
    """Whether ``heading`` names what a "what is X?" question asks about and then says what it
    is, after a colon or a dash ("Cachegrind: a cache and branch-prediction profiler"): two
    words or more, no sentence of their own."""
    asked = subject(question, keep_case=True)
    m = _DEFINING_HEADING.match(heading) if asked else None
    if not m or m.group("says").rstrip().endswith((".", "?", "!")):
        return False
    words = tuple(w.strip(".") for w in _TERM_WORD.findall(m.group("subject")))
    return _same_terms(words, asked)


# An identifier of code, whose case tells it from another ("zlib.Unzip", a class, is not
# "zlib.unzip", a function): dotted, with "_" or "::", or capitals inside it ("historySize").
_IDENTIFIER = re.compile(r"\w[.:_]\w|[a-z][A-Z]")


def _same_terms(words: tuple[str, ...], subject: tuple[str, ...]) -> bool:
    """The same words, an identifier's in its own case, other words in any."""
    return len(words) == len(subject) and all(
        w == s if _IDENTIFIER.search(s) else w.lower() == s.lower()
        for w, s in zip(words, subject, strict=True))


# "X, the latter ...": the apposition points back at X among others, it says nothing of X
_POINTING = r"(?:latter|former|same|other|rest)\b"


def defines(head: str, sentence: str) -> bool:
    """Whether ``sentence`` defines ``head``: "X is a ...", "X (Y) means ...", "X: ..." opening
    it, "..., X, a ..." anywhere, or a reference's term and its description ("historySize
    {number} Maximum number of history lines retained.")."""
    h = re.escape(head)
    return bool(re.search(rf"{_OPENING}{h}s?{_CLOSERS}{_KIND}(?:{_VERB}|\s*[:—–]\s)", sentence,
                          re.I)
                or re.search(rf"(?<![\w-]){h}s?{_CLOSERS},\s+(?:a|an|the)\s(?!{_POINTING})",
                             sentence, re.I)
                or _describes(h, sentence))


# What says what a thing is, not something of it: "X is a ...", "Xs are the ...", "X means ...".
_STRONG_VERB = (rf"{_ASIDE}(?:(?:is|was|are|were){_CLASS_OR_PURPOSE}|means|refers to|stands for"
                r"|denotes|deals with|is concerned with)\b")
_MAX_DEFINED_WORDS = 3


def defines_subject(question: str, sentence: str) -> bool:
    """Whether ``sentence`` opens by saying what the whole X of a "what is X?" question is
    ("libxcrypt is a modern library for ..."; X of at most ``_MAX_DEFINED_WORDS`` words, a
    context after it aside: "heap_size_limit in v8.getHeapStatistics()"): stricter than
    ``defines``, which reads X's last word alone and takes "X:" and a bare "are"; an acronym
    spelled out beside it, ``expands``, says what it is too."""
    asked = subject(question, keep_case=True)
    if not asked or len(asked) > _MAX_DEFINED_WORDS:
        return False
    named = r"[\s-]+".join(re.escape(w) for w in asked)
    return re.search(rf"{_OPENING}{named}s?{_CLOSERS}{_KIND}{_STRONG_VERB}", sentence,
                     re.I) is not None or expands(question, sentence)


# An acronym ("WASI", "AT-SPI", "IPv6") and its spelled-out name beside it in brackets, either
# way round: "WebAssembly System Interface (WASI)", "AT-SPI (Assistive Technology ...)". The name
# is capitalised words (a few small words between them) and starts with the acronym's letter.
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*$")
_SMALL = r"(?:(?:of|for|and|the|on|in|to|de|du|des|der|und)\s+)?"
_NAME = r"(?-i:[A-Z][\w-]*)(?:[\s-]+" + _SMALL + r"(?-i:[A-Z][\w-]*)){1,8}"


def expands(question: str, sentence: str) -> bool:
    """Whether ``sentence`` spells out the acronym a "what is X?" question asks about: in
    brackets beside it ("What is WASI?" / "WebAssembly System Interface (WASI)"), or as
    capitalised words whose initials are its letters ("What does HAL stand for?" / "A Hardware
    Abstraction Layer crate provides ...")."""
    asked = [w for w in subject(question, keep_case=True) if w.lower() not in _ACRONYM_WORDS]
    if len(asked) == 1 and asked[0].islower() and asked[0].upper() in sentence:
        asked = [asked[0].upper()]  # typed in lower case, written in capitals: "what is utc?"
    if len(asked) != 1 or not _ACRONYM.match(asked[0]) or len(asked[0]) > 12:
        return False
    x, first = re.escape(asked[0]), asked[0][0]
    return (re.search(rf"(?<![\w-])(?=(?i:{first})){_NAME}\s*\(\s*(?-i:{x})\s*\)"
                      rf"|(?<![\w-])(?-i:{x})\s*\(\s*(?=(?i:{first})){_NAME}\s*\)",
                      sentence) is not None
            or spelled_out(asked[0], sentence) or _named_as(asked[0], sentence))


def _named_as(acronym: str, sentence: str) -> bool:
    """Whether ``sentence`` says the acronym is a name whose capitals are its letters, in any
    order ("'UTC' is Coordinated Universal Time.", "JSON stands for JavaScript Object
    Notation", "LZMA stands for Lempel-Ziv-Markov chain-Algorithm": the name's words may be
    joined by hyphens and hold a lower-case word; it ends where its capitals are the letters)."""
    m = re.search(rf"(?<![\w-]){_OPEN_QUOTE}(?-i:{re.escape(acronym)}){_CLOSERS}\s+"
                  r"(?:is|means|stands\s+for)\s+(?P<name>[^\s.,;:!?()]+(?:\s+[^\s.,;:!?()]+){0,7})",
                  sentence)
    name = m.group("name").lstrip("\"“‘'*") if m else ""
    if not name[:1].isupper():
        return False
    letters = sorted(acronym.upper().replace("-", "").replace("/", ""))
    capitals: list[str] = []
    for word in name.split():
        capitals += [c for c in word if c.isupper()]
        if sorted(capitals) == letters:
            return word[0].isupper() or "-" in word
    return False


# what a question may call the acronym it asks about ("what does the acronym PAC mean?")
_ACRONYM_WORDS = frozenset({"acronym", "abbreviation", "initialism", "abbrev"})
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def spelled_out(name: str, sentence: str) -> bool:
    """Whether ``sentence`` holds capitalised words whose initials spell ``name`` ("Command
    Line Interface Creation Kit" for "Click", "Collective Security Treaty Organization" for
    "CSTO")."""
    n = len(name)
    ws = _WORD.findall(sentence)
    initials = "".join(w[0] for w in ws)
    target = name.lower()
    for i in range(len(ws) - n + 1):
        if initials[i : i + n].lower() == target and all(w[0].isupper() for w in ws[i : i + n]):
            return True
    return False


# A document saying what it is about: "This package is the union of ...", "This library provides
# ...". What the document's title names, such a sentence says.
_ITSELF = re.compile(
    r"^\W*this\s+(?:\w+\s+)?(?:package|library|program|project|module|tool|utility|software"
    r"|application|repository|directory|distribution|crate|extension|plugin|plug-in|framework"
    r"|toolkit|suite|service|daemon|driver|api)\s+(?:\w+ly\s+)?(?:is|provides|contains"
    r"|implements|offers|includes|defines|lets|allows|adds|helps|makes|supports|gives|enables"
    r"|consists)\b", re.I)


def describes_itself(sentence: str) -> bool:
    """Whether ``sentence`` opens by saying what its document's subject is or does ("This
    package provides metadata objects ...")."""
    return _ITSELF.match(sentence) is not None


# A phrase naming a kind of thing, and nothing else: an indefinite article and a few words, no
# sentence's end ("a reverse polish notation calculator", a README's subtitle under its title)
_KIND_RE = re.compile(r"\W*an?\s+[\w-]+(?:\s+[\w-]+){0,9}", re.I)


def names_a_kind(sentence: str) -> bool:
    """Whether ``sentence`` is only a phrase naming a kind of thing ("a reverse polish notation
    calculator"): what a document opening on it, under a title naming X, says X is."""
    return _KIND_RE.fullmatch(sentence.strip()) is not None


_TYPE = r"(?:[{<][^}>]{1,40}[}>]\s*)?"  # a reference's type: "{number}", "<string>"
_MIN_DESCRIPTION_WORDS = 6


def _describes(h: str, sentence: str) -> bool:
    """A term, its type, then a sentence about it: a definition list or a parameter list read
    as one line. Ending like a sentence and long enough, so that a title ("Valgrind User
    Manual") is not one."""
    return (sentence.rstrip().endswith((".", ")"))
            and len(sentence.split()) >= _MIN_DESCRIPTION_WORDS
            and re.match(rf"\W*{h}\W*\s+{_TYPE}(?-i:[A-Z])", sentence, re.I) is not None)


__all__ = ["WHAT_IS", "defines", "defines_subject", "describes_itself", "expands", "head",
           "heads_definition", "names_a_kind", "subject"]
