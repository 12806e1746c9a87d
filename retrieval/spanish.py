"""Spanish's stemmer: a word without its accents and its plural ending, and nothing more.

Snowball's Spanish stemmer takes verb endings off every word, nouns too, and leaves stems of
two or three letters that unrelated words share: "galería" and "Gales" (Wales) are both
"gal", "pelos" (hairs) and "pelear" (to fight) "pel", "áreas" "are" (the English word in a
title); and it keeps some plurals apart from their singulars ("ciudad" "ciud", "ciudades"
"ciudad"; "año", "años"). A question about what a corpus lacks then found its words in the
corpus all the same: XQuAD's Spanish questions about an article left out were answered
more often than the same questions in German or Russian (tune half: 91 of 535, against 58 and
63), their words met in other articles by such stems (questions' words the corpus lacked: 0.38
of their weight, against 0.52 and 0.42).

So a Spanish word loses only its accents (not the tilde of "ñ": "año" is no "ano") and its
plural ending, as minimal stemmers for Spanish do (Savoy 2006; Lucene's
``SpanishMinimalStemmer``): "-ces" is "-z" ("veces": "vez"), "-es" after a consonant goes
("ciudades": "ciudad", "naciones": "nación"), "-s" after a vowel goes ("casas": "casa"). A word
ending in "-se" loses its "e", so that "clase" meets "clases" as "mes" meets "meses" (either
reads "-ses" as a plural). Measured on XQuAD-es's tune half (acc@1 / answerable abstained / out
of corpus): Snowball 0.755 / 0.034 / 0.830, this stemmer 0.742 / 0.049 / 0.862; Savoy's light
stemmer, which also takes a final "-o", "-a", "-e" off, 0.746 / 0.056 / 0.847; on the test
half, Snowball 0.785 / 0.041 / 0.842, this one 0.780 / 0.060 / 0.881 (``docs/benchmarks.md``).
"""

from __future__ import annotations

import re
import unicodedata

# the endings of a conjugated verb that few other words have: the preterite's ("catalogó",
# "cartografió", "soplaron", "surgieron"), the imperfect's plural ("protegían", "centraban"), the
# future's and the conditional's ("disminuirá", "serían"), the gerund's ("permitiéndose"); not
# the present's nor the imperfect's "-ía" ("economía", "geografía"), which nouns share
_CONJUGATED = re.compile(
    r"(?:ó|aron|ieron|aban|ían|[aei]rán?|[aei]rían|[iy]endo|[áé]ndo(?:se|la|lo)s?)$")
_TILDE = "\u0303"  # the combining tilde of "ñ", kept
_VOWELS = frozenset("aeiou")


def unaccented(word: str) -> str:
    """``word`` without its accents but for the tilde of "ñ" ("país" -> "pais")."""
    if word.isascii():
        return word
    return unicodedata.normalize("NFC", "".join(
        c for c in unicodedata.normalize("NFD", word)
        if not unicodedata.combining(c) or c == _TILDE))


def stem(word: str) -> str:
    """The term of a lower-cased Spanish ``word``: without its accents and its plural
    ending."""
    s = unaccented(word)
    if len(s) < 4 or word[-2] != s[-2]:
        return s  # short, or stressed on its last syllable: "francés", "país" are singular
    if s.endswith("se"):
        return s[:-1]  # "clase", as "clases" is read
    if s[-1] != "s":
        return s
    if s.endswith("ces"):
        return s[:-3] + "z"  # "veces": "vez" ("francés" is singular, above)
    if s[-2] in "ao":
        return s[:-1]  # "casas": "casa"
    if s[-2] == "e":
        # after a vowel, a plural "-s" ("leyes": "ley" below); after a consonant, "-es"
        return s[:-1] if s[-3] in _VOWELS else s[:-2]
    return s


def conjugated(word: str) -> bool:
    """Whether a lower-cased Spanish ``word`` has the ending of a conjugated verb (or a
    gerund): how a question asks rather than what it asks about."""
    return len(word) > 4 and _CONJUGATED.search(word) is not None


__all__ = ["conjugated", "stem", "unaccented"]
