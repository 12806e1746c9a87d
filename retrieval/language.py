"""Languages: how the words of each become index terms.

Which language a text is in is ``detection.py``'s.

* **Terms**: per language, the Snowball stemmer PyStemmer has for it (Russian, German, Spanish,
  Armenian, Turkish, Greek, Romanian, Arabic, ... ``Stemmer.algorithms()``) and its stop words:
  the function-word lists of the ``stop-words`` package (Snowball's and similar conservative
  lists), else those of ``stopwordsiso`` (Armenian, ...; and Greek, whose list in ``stop-words``
  is Ancient Greek's; matched without accents, "πού" as "που"); without either, none (idf still
  weighs common words down). English keeps ``analyzer.py``'s own list and demonym folding.
  A language PyStemmer has no stemmer for (Ukrainian, Bulgarian, Slovak, Latvian, Hebrew, ...)
  has its words cut to their first ``TRUNCATE`` characters, which joins most of a word's
  inflected forms ("Дністра", "Дністрі" -> "дніст"): read so instead of by its Snowball
  stemmer, XQuAD's Russian questions were answered right as often (``tune`` half acc@1 0.721
  -> 0.723, answerable abstained 0.058 -> 0.045), and words left whole fell far behind (0.622,
  0.170 abstained). Korean, whose particles and endings are written onto the word ("한강의",
  "한강은"), has a light stemmer instead (``korean.py``), and so has Spanish, whose Snowball
  stemmer takes verb endings off nouns ("galería" and "Gales" both "gal"; ``spanish.py``).
* **Names**: a word capitalised mid-question is read as a name only where capitals mark names;
  not in German or Luxembourgish, which capitalise every noun.
"""

from __future__ import annotations

import contextlib
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

import Stemmer

from . import korean, spanish

ENGLISH = "en"
# ISO 639-1 code -> PyStemmer algorithm
STEMMERS = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
    "da": "danish", "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
    "ne": "nepali", "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "fa": "persian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}
# Languages without a Snowball stemmer of their own, read by a close language's: Malay by
# Indonesian's (one language in two standards: "dilahirkan", "kelahiran" -> "lahir"). Measured
# and left out, cut to their first characters instead: Croatian by Serbian's stemmer (own set
# 0.688 -> 0.562 first right), Slovak by Czech's (0.625 -> 0.562), Galician by Portuguese's (the
# same)
BORROWED_STEMMERS = {"ms": "indonesian"}
# languages whose capitals do not mark names (every noun is capitalised)
_ALL_NOUNS_CAPITALISED = frozenset({"de", "lb"})
# languages whose list in ``stop-words`` is not of the language written today (Greek's is Ancient
# Greek's, polytonic): ``stopwordsiso``'s is used
_MODERN_ISO = frozenset({"el"})
# languages whose stop words are matched without accents
_UNACCENTED_STOPS = frozenset({"el"})
# languages whose list in ``stop-words`` is written without the language's marks (Romanian's
# "adica", "cand"; "în", "să", "și" missing): ``stopwordsiso``'s, which has them, is added
_WITH_MARKS = frozenset({"ro"})
# lists saved in one encoding and read in another (read as, saved as): ``stopwordsiso``'s
# Lithuanian is Windows-1257 read as Latin-1 ("abiejø" for "abiejų", "að" for "aš")
_SAVED_AS = {"lt": ("latin-1", "cp1257")}
_GRAVE_QUOTE_RE = re.compile(r'([aeiou])"$')
_GRAVE = {"a": "à", "e": "è", "i": "ì", "o": "ò", "u": "ù"}
# Romanian's s and t with a cedilla (older fonts and lists) -> the comma-below letters
_COMMA_BELOW = str.maketrans("şţŞŢ", "șțȘȚ")
TRUNCATE = 5  # a word's characters kept as its term where the language has no stemmer


@dataclass(frozen=True, slots=True)
class Language:
    """How qabot reads one language."""

    code: str
    stemmer: str | None  # PyStemmer algorithm, or None: words are cut (``truncated``)
    stop_words: frozenset[str] = field(repr=False)
    capitals_mark_names: bool = True
    # its stop words are matched without accents (Greek's list is written without the tonos,
    # as Greek is often typed; its stemmer drops accents too)
    unaccented_stops: bool = False

    @property
    def english(self) -> bool:
        return self.code == ENGLISH


def normalised(code: str | None) -> str | None:
    """A declared language ("de-DE", "PT_br", "ru") as qabot's code ("de", "pt", "ru"), or
    ``None`` when it names none."""
    if not code:  # (most documents declare none)
        return None
    primary = code.strip().lower().replace("_", "-").split("-")[0]
    return primary if primary.isascii() and primary.isalpha() and 2 <= len(primary) <= 3 else None


@cache
def language(code: str) -> Language:
    """The reading of language ``code`` (ISO 639-1, lower case)."""
    unaccented = code in _UNACCENTED_STOPS
    stops = _stop_words(code)
    return Language(code, STEMMERS.get(code) or BORROWED_STEMMERS.get(code),
                    frozenset(map(strip_accents, stops)) if unaccented else stops,
                    code not in _ALL_NOUNS_CAPITALISED, unaccented)


def strip_accents(word: str) -> str:
    """``word`` without its combining accents ("πού" -> "που")."""
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


def _stop_words(code: str) -> frozenset[str]:
    import stop_words
    import stopwordsiso

    listed: Iterable[str] = ()
    if code in _MODERN_ISO and stopwordsiso.has_lang(code):
        listed = stopwordsiso.stopwords(code)
    else:
        try:
            listed = stop_words.get_stop_words(code)
        except stop_words.StopWordError:
            listed = stopwordsiso.stopwords(code) if stopwordsiso.has_lang(code) else []
    if code in _WITH_MARKS and stopwordsiso.has_lang(code):
        listed = [*listed, *stopwordsiso.stopwords(code)]
    return frozenset(repaired(listed, _SAVED_AS.get(code)))


def repaired(listed: Iterable[str], saved_as: tuple[str, str] | None = None) -> Iterable[str]:
    """A packaged stop list's words as the language writes them, lower-cased: without the byte
    order mark, quotes and commas some entries carry (``stop-words``' Hebrew list is
    ``"אבל",``: no Hebrew word ever matched one, its Slovak "a" is "\\ufeffa"), an Italian grave
    accent written as a quote after its vowel restored ("piu\"": "più"), Greek's delta written
    as U+2206 ("∆") restored; and, where the list was saved in another encoding than it was read in
    (``saved_as``: read as, saved as), read again in that one. A word with Romanian's s or t
    with a cedilla (older lists and text) comes with the comma-below letters too, which today's
    text and the stemmer use (no other language writes those: Turkish's "ş" stays as it is)."""
    for word in listed:
        word = _GRAVE_QUOTE_RE.sub(lambda m: _GRAVE[m.group(1)],
                                   word.strip().lstrip('\ufeff"').rstrip(","))
        word = word.strip('"').strip()
        if saved_as is not None:
            with contextlib.suppress(UnicodeError):
                word = word.encode(saved_as[0]).decode(saved_as[1])
        word = word.replace("\u2206", "δ").lower()
        if word:
            yield word
            if (comma := word.translate(_COMMA_BELOW)) != word:
                yield comma


@cache
def stem_function(code: str) -> Callable[[str], str]:
    """``stemWord`` of the language's Snowball stemmer (without one: the word's first
    ``TRUNCATE`` characters). A stemmer object is not thread-safe: each thread gets its own."""
    if code in _LIGHT_STEMMERS:
        return _LIGHT_STEMMERS[code]
    algorithm = language(code).stemmer
    if algorithm is None:
        return truncated
    local = threading.local()

    def stem(word: str) -> str:
        s = getattr(local, "s", None)
        if s is None:
            s = local.s = Stemmer.Stemmer(algorithm)
        return s.stemWord(word)

    return stem


# Languages read by a light stemmer of their own: Korean, which Snowball has no stemmer for (a
# word's particles and endings off, rather than cut), and Spanish, whose Snowball stemmer cuts
# nouns to stems unrelated words share (``spanish.py``: a word's plural ending off, no more).
_LIGHT_STEMMERS: dict[str, Callable[[str], str]] = {"ko": korean.stem, "es": spanish.stem}


def truncated(word: str) -> str:
    """``word``'s first ``TRUNCATE`` characters: the stem of a language without a stemmer."""
    return word[:TRUNCATE]


__all__ = ["BORROWED_STEMMERS", "ENGLISH", "STEMMERS", "Language", "language", "normalised",
           "stem_function", "truncated"]
