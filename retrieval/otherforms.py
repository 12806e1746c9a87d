"""A question's word the corpus lacks, read as the corpus's term for another form of it.

Two ways a word's forms fall apart in the index, each mended on the question's side only (the
index is not changed, so a document reads as it always did):

* ``restemmed``: a Snowball stemmer cuts a word's base form otherwise than its inflected forms
  (Russian's "Байкал" -> "байка", "Байкале" -> "байкал").
* ``other_ending``: a language without a stemmer has its words cut to their first five
  characters (``language.truncated``), which joins the forms of a long word ("Дністра",
  "Дністрі": "дніст") but not of a short one, whose ending is within the five: "море" /
  "моря" / "морі", "річка" / "річки", Slovak "rieka" / "rieky". A common word of four or five
  letters that ends in a vowel meets the corpus's term with another vowel at its end. Not for
  a name: a name in another case is met by no
  more than its first five letters, as before (questions about what a corpus lacks are mostly
  asked of its names); not in Vietnamese, whose words are syllables that do not inflect
  ("hồng" is not "hồn", "hoa" not "hoá").
"""

from __future__ import annotations

from collections.abc import Callable

from .common_words import common_words
from .index import TermIndex
from .language import TRUNCATE, language, stem_function, truncated

# vowels of the alphabets of languages read without a stemmer (Latin, Cyrillic: Bulgarian's
# "ъ" is one)
VOWELS = frozenset("aeiouyáéíóúýàèìòùâêîôûäëïöüåæøœãõąęěůőűāēīōūаеиоуыэюяіїєъ")
# languages without a stemmer whose words do not inflect
_ISOLATING = frozenset({"vi"})
_SHORTEST = 3  # letters a word keeps once its ending is off


def other_form(word: str, term: str, stem_term: Callable[[str], str | None],
               index: TermIndex, lang: str, zipf: float, name: bool, endings: bool
               ) -> str | None:
    """The corpus's term for another form of a question's ``word`` (a ``name`` or not) whose
    ``term`` the corpus lacks, in language ``lang``: ``restemmed`` where it has a stemmer, else
    (with ``endings``, and not for a name) ``other_ending``; ``None``: none."""
    if language(lang).stemmer is not None:
        return restemmed(word, term, stem_term, index, lang, zipf, name)
    if endings and not name and stem_function(lang) is truncated:
        return other_ending(word, term, index, lang)
    return None


def restemmed(word: str, term: str, stem_term: Callable[[str], str | None],
              index: TermIndex, lang: str, zipf: float, name: bool) -> str | None:
    """The corpus's term one stemming step from a question's ``word`` whose ``term`` the corpus
    lacks: the word itself, or, for a ``name`` whose stem is itself a word of ``lang``
    (wordfreq's, at ``zipf`` or more: a base form), its stem. A Snowball stemmer can cut a
    word's base form further than its inflected forms, or the other way round: Russian's reads
    the "-л" of "Байкал", "канал" as a past tense's ("байка", "кана", where "Байкале", "каналы"
    are "байкал", "канал"), Polish's cuts "tramwaj" to "tramw" ("tramwaje": "tramwaj"). Either
    step gives the term the other form of the word has; ``None`` when neither is the
    corpus's. (A stem stemmed again can join unrelated words: Spanish "progresistas",
    "progres", "progr"; Russian "покрова", "покров", "покр". Done for every word, three of
    XQuAD's Spanish and Russian questions about an article left out were answered by it.)"""
    again = stem_term(term) if name and term in common_words(lang, zipf) else None
    for other in (word, again):
        if other and other != term and index.idf(other) is not None:
            return other
    return None


def other_ending(word: str, term: str, index: TermIndex, lang: str) -> str | None:
    """The corpus's term for another form of a common ``word`` of a language without a stemmer
    whose ``term`` the corpus lacks, when the word is short enough to be its own term and ends
    in a vowel: the word with another vowel at its end ("море" -> "моря", "жовту" ->
    "жовти"), the most documents' when several are; ``None`` when the corpus has none, the word
    is longer or shorter, or ``lang`` does not inflect."""
    if (lang in _ISOLATING or word != term or not term.isalpha() or term[-1] not in VOWELS
            or not _SHORTEST < len(term) <= TRUNCATE):
        return None
    found = [t for t in (term[:-1] + v for v in sorted(VOWELS)) if t != term
             and index.idf(t) is not None]
    return min(found, key=lambda t: (index.idf(t), t), default=None)


__all__ = ["VOWELS", "other_ending", "other_form", "restemmed"]
