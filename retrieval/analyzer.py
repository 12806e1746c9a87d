"""Text -> index terms: the one tokeniser shared by the index, the composer and highlighting.

Choices (measured in ``docs/benchmarks.md``):

* **Tokens** (``tokeniser.py``) are runs of letters, or numbers with their inner separators
  ("100,000" -> "100000", "3.5" stays "3.5"), lower-cased; possessive "'s" is dropped and
  one-letter words are dropped. Superscript and subscript figures are no letters
  (``SCRIPTED``): a footnote's mark typed as "²" leaves its word alone ("policy²" -> "policy").
* **Stop words**: a short list of function words and question words (``STOP_WORDS``).
  scikit-learn's built-in list is not used: it holds content words such as "fire", "system",
  "first" and "bill" that users ask about.
* **Demonyms** meet their country: a word ending in "-ian(s)" loses its "n(s)" and one ending in
  "-ani"/"-eli" its "i" before stemming ("Armenian" -> "armenia", "Azerbaijani" -> "azerbaijan",
  "Israeli" -> "israel"); the same rule runs on questions and text, so a wrong fold ("median" ->
  "media") only merges two rare forms.
* **British and American spellings** meet ("licence" / "license", "organisation" /
  "organization"; ``variants.py``): a word is read in its American form before stemming.
* **Stemming**: the Snowball English stemmer (PyStemmer, C) so "formed"/"formation" and
  "armenians"/"armenian" meet; stems are cached since vocabularies are small. A noun whose
  stem Snowball leaves apart from its verb's or adjective's is read as it ("verification" /
  "verify", "failure" / "fail", "length" / "long"; ``derivations.py``).
* **Other languages** (``analyzer(code)``, ``language.py``): the same tokens, that language's
  Snowball stemmer and stop words; a short elided article before an apostrophe is dropped
  ("l'armée" -> "armée", "dell'anno" -> "anno"), and in Turkish and Azerbaijani a name's
  suffix after one ("İzmir'de" -> "izmir"). The module-level functions are English's.
* **Other scripts** (``scripts.py``), in every language's analyzer but English's: a word takes
  in its combining marks (Devanagari's vowel signs: "भारत" is one word); a run of an unspaced
  script (Chinese, Japanese, Thai, ...) is read as its overlapping two-character pieces (three in
  Thai, Lao, Khmer and Myanmar), which are its "words" everywhere a word is read (the index, a
  question, a sentence's features, highlighting; a one-character run is that character, kept
  although one character long); any script's digits read as ASCII ones ("١٩٧٠" -> "1970").
  English reads every text with the original expression, ``ASCII_TOKEN_RE`` (a Chinese name in
  an English text stays one word: English results are what they were); other languages read
  ASCII text with it too (the same words there, faster).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import Stemmer

from . import derivations
from .digitgroups import glued, without_joiners
from .language import ENGLISH, Language, language, stem_function, strip_accents
from .scripts import (
    ascii_digits,
    halfwidth,
    unspaced,
    without_in_word_marks,
)
from .tokeniser import ASCII_TOKEN_RE, english_spans, english_words, spans, words
from .variants import american

STOP_WORDS = frozenset(
    """a about above after again against all am an and any are aren as at be because been
    before being below between both but by can cannot could couldn did didn do does doesn doing
    don down during each few for from further had hadn has hasn have haven having he her here hers
    herself him himself his how i if in into is isn it its itself let me more most mustn my myself
    no nor not of off on once only or other ought our ours ourselves out over own same shan she
    should shouldn so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was wasn we were weren what when where which
    while who whom whose why will with won would wouldn you your yours yourself yourselves
    s t d ll m re ve y also did does tell know please thanks thank hi hello hey ok okay yes
    does said says say get got go going like just would could shall may might must many much
    whats""".split()
)

_stemmer = Stemmer.Stemmer("english")
# a noun's stem read as its verb's or adjective's ("verif" as "verifi", "failur" as "fail")
_DERIVED = derivations.joined(lambda word: _stemmer.stemWord(american(word)))


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its span and its index term (``None`` for a stop word)."""

    start: int
    end: int
    term: str | None


def stem_term(word: str) -> str | None:
    """The index term of one lower-cased word, or ``None`` when it is not indexed (uncached:
    for words met once, such as the candidate spellings of a typo)."""
    if not word.isascii():
        word = halfwidth(word)
    if word[0].isdigit():
        return _decimal_point(without_joiners(word))
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    word = word.replace("’", "'")
    if len(word) < 2 or word in STOP_WORDS:
        return None
    stem = _stemmer.stemWord(_fold_demonym(american(word)))
    stem = _DERIVED.get(stem, stem)
    # a word that is its own stem (about half of them) is returned itself, not an equal copy:
    # ``term_of``'s cache then holds one string for it, not two
    return word if stem == word else stem


def memo(function: Callable[[str], str | None], size: int) -> Callable[[str], str | None]:
    """``function`` with its results remembered, up to ``size`` words: a plain dict cache
    (``functools.cache``, about 80 bytes a word besides the word and its term) emptied when it
    has taken ``size`` words, where ``lru_cache(maxsize=size)`` linked every entry into a list
    for its order (about 210 bytes a word: 15 MB for the 71,000 words a million passages'
    questions meet, against 5.5). A hit costs no more; past ``size`` words the cache starts
    over instead of forgetting its oldest words one by one. Safe across threads: at worst the
    cache empties a little early or late."""
    taken = 0

    def compute(word: str) -> str | None:  # a miss: ``remembered`` lacks ``word``
        nonlocal taken
        taken += 1
        if taken > size:
            remembered.cache_clear()
            taken = 1
        return function(word)

    remembered = cache(compute)
    return remembered


# ``stem_term``, cached: the words of a corpus and its questions come back again and again.
term_of = memo(stem_term, 500_000)


def _fold_demonym(word: str) -> str:
    if len(word) >= 6 and word.endswith("ian"):
        return word[:-1]
    if len(word) >= 7 and word.endswith("ians"):
        return word[:-2]
    if len(word) >= 7 and word.endswith(("ani", "eli")):
        return word[:-1]
    return word


def tokens(text: str) -> Iterator[Token]:
    """Every word of ``text`` with its span and term."""
    return analyzer().tokens(text)


def lower_words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, as ``tokens`` sees them (without a ``Token`` each)."""
    return analyzer().lower_words(text)


def term_set(text: str) -> set[str]:
    """The distinct index terms of ``text``: ``{t.term for t in tokens(text)} - {None}``, without
    building a ``Token`` per word (the composer reads every sentence of the top passages)."""
    return analyzer().term_set(text)


def analyze(text: str) -> list[str]:
    """The index terms of ``text``, in order (the analyzer given to scikit-learn)."""
    return analyzer().analyze(text)


_ELISION_MAX = 5  # letters of an elided word before an apostrophe ("l'", "qu'", "dell'")
# Languages that write a name's suffixes after an apostrophe ("İzmir'de", in İzmir; "Ankara'nın",
# Ankara's; Turkish spelling's rule, TDK Yazım Kılavuzu, "Kesme işareti"; Azerbaijani texts
# follow it): the word is the name before it, where elsewhere an elided word before it is
# dropped ("l'armée"). Read the other way, "İzmir'de" was the stop word "de" and the name lost.
SUFFIXED_NAMES = frozenset({"tr", "az"})
# Languages whose apostrophe is a letter of the word ("м'ясо", meat; "Кам'янець"; Uzbek's
# "o'zbek"): it is dropped, not read as an elision, so "п'ять" and "пʼять" (U+02BC) meet "пять".
# A word whose part before the apostrophe is not Latin is read so in any language (only Latin
# scripts elide).
APOSTROPHE_LETTER = frozenset({"uk", "be", "uz"})
# Languages that write a decimal comma and group thousands with a full stop ("6.400", "21,5"):
# their numbers are read as English's are written ("6400", "21.5"), so a figure meets itself
# however a question groups it.
DECIMAL_COMMA = frozenset(
    "de fr es pt it nl ru uk tr pl cs sk sv da no nb nn fi el ro hu bg hr sr sl et lv lt id ca "
    "eu gl hy".split())


def _decimal_point(word: str) -> str:
    """A number as English writes it, without its thousands separators ("100,000" ->
    "100000"); a release's number without the zeros that end it past its second part
    ("1.0.0" -> "1.0", "3.10.0" -> "3.10"): "mpmath 1.0" is the changelog's "1.0.0"."""
    if "," in word:
        return word.replace(",", "")
    while word.endswith(".0") and word.count(".") >= 2:
        word = word[:-2]
    return word


def _any_decimal_point(word: str) -> str:
    """``_decimal_point`` in ASCII digits ("١٩٧٠" -> "1970")."""
    return _decimal_point(word if word.isascii() else ascii_digits(word))


def _decimal_comma(word: str) -> str:
    """A number written with a decimal comma, as English writes it ("1.234,5" -> "1234.5";
    "1871", "3:15" stay)."""
    if not word.isascii():
        word = ascii_digits(word)
    if ":" in word:
        return word
    return word.replace(".", "").replace(",", ".")


@dataclass(frozen=True, slots=True)
class Analyzer:
    """Text -> index terms in one language: the module's functions, for that language."""

    lang: Language
    term: Callable[[str], str | None]  # a lower-cased word's term (cached)
    stem_term: Callable[[str], str | None]  # the same, uncached
    words: Callable[[str], list[str]] = words  # a text's words as written
    spans: Callable[[str], Iterator[tuple[int, int]]] = spans  # ... and where they are
    # the text with each number grouped by spaces made one word (``digitgroups.glued``): what
    # ``words`` and ``spans`` read, and the index's counting cuts into pieces
    glue: Callable[[str], str] = str

    def tokens(self, text: str) -> Iterator[Token]:
        for start, end in self.spans(text):
            yield Token(start, end, self.term(text[start:end].lower()))

    def lower_words(self, text: str) -> list[str]:
        """The words of ``text``, lower-cased, as ``tokens`` sees them (without a ``Token``
        each)."""
        # Lower-casing ASCII text first changes no match (letters stay letters, lengths stay);
        # other text is lower-cased word by word, as ``tokens`` does.
        text = self.glue(text)
        return (ASCII_TOKEN_RE.findall(text.lower()) if text.isascii()
                else [w.lower() for w in self.words(text)])

    def term_set(self, text: str) -> set[str]:
        out = set(map(self.term, self.lower_words(text)))
        out.discard(None)
        return out  # type: ignore[return-value]

    def analyze(self, text: str) -> list[str]:
        return [t for w in self.words(text.lower()) if (t := self.term(w)) is not None]


@cache
def analyzer(code: str | None = None) -> Analyzer:
    """The analyzer of language ``code`` (English for ``None`` or "")."""
    if not code or code == ENGLISH:
        return Analyzer(language(ENGLISH), term_of, stem_term, *_glued(english_words,
                                                                       english_spans, False))
    lang = language(code)
    stem, stops, unaccented = stem_function(code), lang.stop_words, lang.unaccented_stops

    number = _decimal_comma if code in DECIMAL_COMMA else _any_decimal_point
    suffixed = code in SUFFIXED_NAMES
    apostrophe_letter = code in APOSTROPHE_LETTER

    def term(word: str) -> str | None:
        if not word.isascii():
            word = halfwidth(word)
        if word[0].isdigit():
            return number(without_joiners(word))
        word = without_in_word_marks(word.replace("’", "'").replace("ʼ", "'"))
        if "\u0307" in word:  # "İ" lower-cased is "i" and a combining dot: Turkish's "i"
            word = word.replace("i\u0307", "i")
        if "'" in word:
            head, _, rest = word.partition("'")
            if suffixed:
                word = head or rest  # "izmir'de": İzmir, with "in"
            elif apostrophe_letter or not _latin(head):
                word = word.replace("'", "")
            elif len(head) <= _ELISION_MAX and len(rest) >= 2:
                word = rest
        if ((len(word) < 2 and not unspaced(word)) or word in stops
                or (unaccented and strip_accents(word) in stops)):
            return None
        return stem(word)

    return Analyzer(lang, memo(term, 200_000), term, *_glued(words, spans, True))


def _latin(word: str) -> bool:
    """Whether ``word`` is written in Latin letters (the scripts that elide: "l'", "dell'")."""
    return word.isascii() or all("LATIN" in unicodedata.name(c, "") for c in word if c.isalpha())


def _glued(find: Callable[[str], list[str]], where: Callable[[str], Iterator[tuple[int, int]]],
           spaced: bool) -> tuple[Callable[[str], list[str]],
                                  Callable[[str], Iterator[tuple[int, int]]],
                                  Callable[[str], str]]:
    """``find`` and ``where`` reading a text glued (``digitgroups.glued``; by plain spaces too
    when ``spaced``: outside English), and the glue."""
    def glue(text: str) -> str:
        return glued(text, spaced)

    def found(text: str) -> list[str]:
        return find(glued(text, spaced))

    def spans_of(text: str) -> Iterator[tuple[int, int]]:
        return where(glued(text, spaced))

    return found, spans_of, glue
