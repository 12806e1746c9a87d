"""Word families: whether a corpus holds some form of a question's word, in a language read by
a light stemmer.

Spanish's terms are its words without their accents and plural endings (``spanish.py``), so a
question's verb or adjective in a form no text has ("catalogó", "dedicada") is a term the
corpus lacks although the corpus writes the word ("catalogado", "dedicado"). Such a word says
little of whether the corpus is about what is asked; a rare word of which the corpus holds no
form at all ("plastoma", "ctenóforos", "estratigrafistas") says much, as a name the corpus
lacks does. A word's family is its Snowball stem, which takes verb and gender endings off
(too much to match words by: it joins unrelated words, ``spanish.py``; enough to tell that a
corpus has no form of one).
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable

import numpy as np
import Stemmer

from . import spanish
from .index import TermIndex

# languages read by a light stemmer whose words' families a Snowball stemmer tells
FAMILY_STEMMERS = {"es": "spanish"}
_KEPT = 4  # the families of this many indexes are kept (an index and its folds, a reload)
_lock = threading.Lock()
# (the index's document frequencies, by a weak reference: an index let go is not held here;
# the language) -> the families of its terms
_kept: OrderedDict[tuple[int, str], tuple[weakref.ref[np.ndarray], frozenset[str]]] = (
    OrderedDict())
_local = threading.local()


def tells_families(lang: str) -> bool:
    """Whether ``lang``'s words' families are told apart from its terms."""
    return lang in FAMILY_STEMMERS


def family(term: str, lang: str) -> str:
    """The family of ``lang``'s ``term`` (its Snowball stem; the term itself in a language whose
    families are not told)."""
    algorithm = FAMILY_STEMMERS.get(lang)
    if algorithm is None:
        return term
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    stem: Callable[[str], str] | None = stemmers.get(algorithm)
    if stem is None:
        stem = stemmers[algorithm] = Stemmer.Stemmer(algorithm).stemWord
    return stem(term)


def names_subject(word: str, term: str, lang: str, index: TermIndex) -> bool:
    """Whether a question's ``word`` (lower-cased; its ``term`` the corpus lacks) names
    something the corpus has no form of, in a language whose families are told: no term of
    its family, and no conjugated verb ("¿Quién catalogó ...?" asks how the text may put it
    otherwise: "fue catalogado", "lo incluyó en el catálogo"; ``spanish.conjugated``)."""
    return (tells_families(lang) and not has_family(term, lang, index)
            and not (lang == "es" and spanish.conjugated(word)))


def has_family(term: str, lang: str, index: TermIndex) -> bool:
    """Whether ``index`` holds a term of the family of ``lang``'s ``term`` (always, in a language
    whose families are not told: its terms are its families). The index's families are worked
    out once, at its first question that needs them."""
    if not tells_families(lang):
        return True
    return family(term, lang) in _families(index, lang)


def _families(index: TermIndex, lang: str) -> frozenset[str]:
    """The families of ``index``'s terms in ``lang``, worked out once an index, at its first
    question that needs them (400,000 terms: 8 s on two loaded cores, where a question takes
    tens of milliseconds; held as a set of stems, not measured)."""
    key = (id(index.df), lang)
    with _lock:
        kept = _kept.get(key)
        if kept is not None and kept[0]() is index.df:
            _kept.move_to_end(key)
            return kept[1]
    families = frozenset(Stemmer.Stemmer(FAMILY_STEMMERS[lang]).stemWords(
        list(index.vocabulary.each_term())))
    with _lock:
        _kept[key] = (weakref.ref(index.df), families)
        _kept.move_to_end(key)
        while len(_kept) > _KEPT:
            _kept.popitem(last=False)
    return families


__all__ = ["FAMILY_STEMMERS", "family", "has_family", "names_subject", "tells_families"]
