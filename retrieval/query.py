"""The analysed question: its terms and their weights, what kind of fact it asks for, its
specific words (read with the knobs of ``config.ComposerConfig``).

A question term's weight is its idf when the corpus has it; when it does not, the idf of a term
seen once times ``unseen_factor`` (``unseen_name_factor`` for a name, a word capitalised
mid-question), over the square root of the number of terms its written word holds
("at-spi2-core" holds three). Words that frame a question ("what is the *name* of ...", the
"countries" of "which countries ...") count at ``frame_factor`` of their weight. A word the
corpus lacks that looks like a typo of one it has is read as that word (``spelling.py``). A
question's *specific* words are its names and its words rare in English ("tmux", "npm"): the
document an answer is quoted from must hold them.

In a language that compounds (``compounds.py``), a question's compound keeps its weight (and,
when the corpus lacks it, stays unseen: out-of-corpus questions still show it), and its parts
(``Query.parts``) are sought in the index too, at ``part_factor``; a sentence holding all of a
compound's parts holds the compound (``ranking.py``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from .analyzer import Token, analyzer
from .common_words import common_words
from .compounds import Splitter
from .config import DEFAULT_CONFIG, ComposerConfig
from .families import names_subject
from .index import TermIndex
from .ingest.prose import reads_as_english
from .ingest.read import printable
from .interrogatives import ASKING_WORDS, FRAMES, INTERROGATIVE_CHARACTERS, INTERROGATIVES
from .language import ENGLISH
from .questiontypes import names_kind, plain_question_type, question_type
from .scripts import unspaced, unstyled
from .spelling import correct, rare_word
from .variants import SPELLED_OUT

# a release's number ("5.0", "3.12.1"): a specific word, as a name is; a manual that never
# writes it does not tell what that release does
_VERSION_NUMBER = re.compile(r"\d+\.\d+(?:\.\d+)*")

# A question opening on an English question word reads as English however few of its other
# words are English function words: "Does libxslt support XSLT 2.0?" is mostly names, and its
# names are what its answer's document must hold (``_specific``)
_ENGLISH_OPENING = re.compile(
    r"\s*(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|can|could|does|do|"
    r"did|should|will|would|has|have|may|must)\b", re.I)


@dataclass(frozen=True, slots=True)
class Query:
    """The analysed question: its terms, their weights, and what kind of fact it asks for."""

    terms: tuple[str, ...]
    weights: dict[str, float]
    cue: str | None
    known: frozenset[str] = frozenset()  # content terms the corpus has
    words: Mapping[str, str] = field(default_factory=dict)  # term -> word, for similar words
    unseen: frozenset[str] = frozenset()  # content terms the corpus lacks
    read_as: Mapping[str, str] = field(default_factory=dict)  # typo -> the corpus word read
    specific: frozenset[str] = frozenset()  # terms of words rare in English or not English
    lang: str = ENGLISH  # the language it was read in
    # its compounds, in a language that compounds: term -> the terms it splits into
    # (``compounds.py``); they are sought too, each counting ``part_factor`` times
    parts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    part_factor: float = 1.0
    # unseen terms' weight beyond their own in how sure an answer is (``doubted``), not in
    # which candidate it is
    doubt: Mapping[str, float] = field(default_factory=dict)

    def search_terms(self) -> tuple[list[str], dict[str, float] | None]:
        """What to search the index for: the terms, then the parts of its compounds that are
        not terms of it, and how many times a term counts where not once."""
        extra = list(dict.fromkeys(p for ps in self.parts.values() for p in ps
                                   if p not in self.weights))
        scale = ({p: self.part_factor for p in extra} if extra and self.part_factor != 1.0
                 else None)
        return [*self.terms, *extra], scale

    def doubted(self) -> Query:
        """The query with its ``doubt`` added to its terms' weights."""
        weights = {t: w + self.doubt.get(t, 0.0) for t, w in self.weights.items()}
        return replace(self, weights=weights, doubt={})

    @property
    def total(self) -> float:
        return sum(self.weights.values())


# Words that frame a question rather than name its subject ("what is the *name* of ...",
# "which *type* of ..."): they count, but at ``frame_factor`` of their weight.
FRAME_WORDS = frozenset(
    "name named term kind kinds type types example examples call called use used using known "
    "main primary basic common commonly typical typically specific particular describe described "
    "refer referred mean means meaning give given express expression phrase word words way ways "
    "thing things part parts number amount certain also often usually generally acronym "
    "abbreviation abbreviated stand stands full".split()
)

def _restemmed(word: str, term: str, stem_term: Callable[[str], str | None],
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


def parse_query(
    question: str, index: TermIndex, config: ComposerConfig = DEFAULT_CONFIG,
    lang: str = ENGLISH, plain: bool = False, compounds: Splitter | None = None,
) -> Query:
    """Analyse ``question``, read in language ``lang``: its salient terms with weights, and the
    question type. A word the corpus lacks that looks like a typo of one it has is read as that
    word (``spelling.py``). Typos, question types, framing and specific words are English's
    only (their word lists are; ``plain``: not even in English; there, an opening word the
    corpus lacks frames the question); a capitalised word is a name only where capitals mark
    names."""
    reading = analyzer(lang)
    english_lists = reading.lang.english and not plain
    weights: dict[str, float] = {}
    order: list[str] = []
    words: dict[str, str] = {}
    unseen: set[str] = set()
    framing: set[str] = set()
    read_as: dict[str, str] = {}
    doubt: dict[str, float] = {}
    specific: set[str] = set()
    # names and rare words tell what an English question is about; in German every noun is
    # capitalised and every word "rare in English"
    english = english_lists and (reads_as_english(question)
                                 or bool(_ENGLISH_OPENING.match(question)))
    names = reading.lang.capitals_mark_names
    interrogatives = (INTERROGATIVES.get(reading.lang.code, frozenset())
                      | FRAMES.get(reading.lang.code, frozenset()))
    asking = INTERROGATIVE_CHARACTERS.get(reading.lang.code, "")
    asked = ([m.span() for m in ASKING_WORDS[reading.lang.code].finditer(question)]
             if reading.lang.code in ASKING_WORDS and not english_lists else [])
    common = (config.common_zipf if not english_lists and not reading.lang.english
              else None)
    first_word = True
    kind = names_kind(question) if english_lists else None  # "countries" in "which countries"
    toks = list(reading.tokens(question))
    # the terms of one written word ("at-spi2-core": "spi", "2", "core") weigh less each, as
    # parts of one word (the square root of their number: a name written with hyphens is
    # not three times as much of the question as one without)
    joined = _joined_counts(question, toks)
    straddling = set() if question.isascii() else _straddling(question, toks, index)
    for k, tok in enumerate(toks):
        word = question[tok.start : tok.end]
        is_name = names and not first_word and word[:1].isupper()
        opening, first_word = first_word, False
        term = tok.term
        if term is None or term in weights or k in straddling:
            continue
        idf = index.idf(term)
        # without English's lists, a question's opening word that the corpus lacks is taken for
        # its interrogative ("Какова ...", "Qual ..."), which stop lists do not all hold
        frame = (word.lower() in FRAME_WORDS or word.lower() == kind if english_lists
                 else (opening and idf is None) or word.lower() in interrogatives
                 or term in interrogatives
                 or (bool(asking) and any(c in asking for c in word))
                 or any(a < tok.end and tok.start < b for a, b in asked))
        if idf is None and english_lists and word.isupper() and (
                spelled := _spelled_out(word, index, weights)):
            # an acronym the corpus never has, for words it does ("CEO": "chief executive"):
            # those words, sharing the acronym's place in the question
            read_as[word] = SPELLED_OUT[word.lower()]
            for part, part_idf in spelled.items():
                weights[part] = part_idf / len(spelled) / math.sqrt(joined[k])
                order.append(part)
            continue
        if idf is None and not frame and config.correct_spelling and english_lists:
            # the ~440 candidate spellings are stemmed uncached: they would only crowd the cache;
            # a name is read only as a word in no common use, for a letter left out or two
            # swapped ("Maastrich": "Maastricht"), never as another word ("Canarian": "Canadian")
            fixed = correct(word.lower(), reading.stem_term, index.document_frequency,
                            name=is_name)
            if fixed is not None and fixed[1] not in weights:
                read_as[word] = fixed[0]
                (word, term), idf = fixed, index.idf(fixed[1])
        if idf is None and not reading.lang.english and reading.lang.stemmer is not None and (
                restemmed := _restemmed(word.lower(), term, reading.stem_term, index,
                                        reading.lang.code, config.rare_zipf, is_name)) and (
                restemmed not in weights):
            term, idf = restemmed, index.idf(restemmed)
        if idf is None:
            if frame:  # an unknown word that only frames the question tells nothing
                continue
            factor = config.unseen_name_factor if is_name else config.unseen_factor
            if common is not None and not is_name and _function_word(
                    word.lower(), reading.lang.code, common):
                factor *= config.frame_factor
            elif (common is not None and not names and config.rare_unseen_factor
                  and _rare_in(word.lower(), reading.lang.code, config.rare_zipf)
                  and not (compounds is not None and compounds.parts(term))):
                factor = config.rare_unseen_factor
            elif (common is not None and not is_name and config.rare_unseen_factor
                  and _rare_in(word.lower(), reading.lang.code, config.rare_zipf)
                  and names_subject(word.lower(), term, reading.lang.code, index)):
                # where capitals mark names, a rare word of which the corpus holds no form
                # ("plastoma"; not "catalogó" beside "catalogado", nor a verb: ``families.py``)
                # weighs as an unseen name in how sure the answer is, not in which it is
                doubt[term] = index.unseen_idf() * (config.rare_unseen_factor - factor)
            idf = index.unseen_idf() * factor
            unseen.add(term)
        elif frame:
            idf *= config.frame_factor
            framing.add(term)
        weights[term] = idf / math.sqrt(joined[k])
        order.append(term)
        if not is_name and not frame and word.isalpha() and len(word) >= 3:
            words[term] = word.lower()
        if english and not frame and ((is_name and config.names_in_document) or (not is_name
                                                                     and _specific(word))):
            specific.add(term)
    order = [t for t in order if t in weights]
    parts = _parts(order, framing, compounds) if compounds is not None else {}
    known = frozenset(t for t in order if t not in unseen and t not in framing)
    cue = (question_type(question) if english_lists
           else plain_question_type(question, reading.lang.code))
    return Query(tuple(order), weights, cue, known, words, frozenset(unseen), read_as,
                 frozenset(specific), reading.lang.code, parts, config.part_factor, doubt)


def _spelled_out(acronym: str, index: TermIndex, weights: Mapping[str, float]
                 ) -> dict[str, float]:
    """The terms of what ``acronym`` stands for (``variants.SPELLED_OUT``) that the corpus has
    and the question does not already weigh, with their idf; none unless the corpus has all
    of them."""
    words = SPELLED_OUT.get(acronym.lower())
    if words is None:
        return {}
    idfs: dict[str, float] = {}
    for w in words.split():
        if (t := analyzer(ENGLISH).term(w)) is not None:
            if (idf := index.idf(t)) is None:
                return {}
            idfs[t] = idf
    return {t: idf for t, idf in idfs.items() if t not in weights}


def _function_word(word: str, lang: str, zipf: float) -> bool:
    """Whether a question's ``word`` (lower-cased) that the corpus lacks, no stop word and in
    no table, is most likely a function word of ``lang``: one it uses very often
    (``common_words.py``). Its absence from the corpus says little of whether the corpus
    answers the question, so it weighs as a framing word; it stays unseen, since common
    content words ("children", "price") that a corpus lacks are what its unanswerable
    questions often ask about (dropped as framing words are, more of those were answered:
    docs/benchmarks.md)."""
    return any(c.isalpha() for c in word) and word in common_words(lang, zipf)


def _rare_in(word: str, lang: str, zipf: float) -> bool:
    """Whether a question's ``word`` (lower-cased) is rare in ``lang``: wordfreq lists the
    language but not the word at ``zipf`` or more (a language it lacks has no rare words)."""
    listed = common_words(lang, zipf)
    return bool(listed) and any(c.isalpha() for c in word) and word not in listed


def _joined_counts(question: str, toks: list[Token]) -> list[int]:
    """For each token of ``question``, how many tokens the written word it is part of holds
    (tokens not parted by white space: "at-spi2-core" is three; an unspaced script's bigrams
    are words of their own)."""
    spaced = [not unspaced(question[tok.start:]) for tok in toks]
    groups: list[int] = []
    for k, tok in enumerate(toks):
        if (k and spaced[k] and spaced[k - 1]
                and not any(c.isspace() for c in question[toks[k - 1].end:tok.start])):
            groups.append(groups[-1])
        else:
            groups.append(k)
    size = Counter(g for g, tok in zip(groups, toks, strict=True) if tok.term is not None)
    return [max(size[g], 1) for g in groups]


def _parts(order: list[str], framing: set[str], compounds: Splitter
           ) -> dict[str, tuple[str, ...]]:
    """The question's compounds and the terms each splits into (``compounds.py``)."""
    out: dict[str, tuple[str, ...]] = {}
    for term in order:
        parts = () if term in framing else compounds.parts(term)
        if parts:
            out[term] = parts
    return out


def _straddling(question: str, toks: list[Token], index: TermIndex) -> set[int]:
    """Which of a question's words are bigrams of an unspaced script (``scripts.py``) that the
    corpus lacks, next to one it has: most likely a piece across the boundary of a word it has
    ("江全" in "长江全长"), which says nothing of the question, while a word the corpus lacks
    leaves a run of lacking bigrams ("市长" in "苏州现任市长": 现任, 任市, 市长)."""
    out: set[int] = set()
    for k, tok in enumerate(toks):
        if (tok.term is None or tok.end - tok.start != 2 or not unspaced(question[tok.start :])
                or index.idf(tok.term) is not None):
            continue
        for j in (k - 1, k + 1):
            if 0 <= j < len(toks):
                near = toks[j]
                if (abs(near.start - tok.start) == 1 and near.end - near.start == 2
                        and near.term is not None and index.idf(near.term) is not None):
                    out.add(k)
                    break
    return out


def _specific(word: str) -> bool:
    """A word of 3+ letters that is rare in English or no English word ("tmux", "conda",
    "libtasn1"), or a release's number ("5.0"): what a question is about, which its answer's
    document must hold. (Names are left to the weight an unseen name gets: one spelled two
    ways, "Pashinyan" / "Pashinian", is no sign that a question is about something else.)"""
    lower = word.lower()
    if _VERSION_NUMBER.fullmatch(lower) or (lower.isdigit() and len(lower) >= 2):
        return True
    return (len(lower) >= 3 and any(c.isalpha() for c in lower) and lower.isascii()
            and rare_word(lower))


# Characters that part words but are no white space to ``str.split``: a zero-width space
# (pasted from web pages: 13 of XQuAD's German questions read "In welchem\u200b\u200bJahr ...",
# whose "when" wording then went unseen) and a byte-order mark; and the word joiner, which
# joins them
_INVISIBLE = str.maketrans({"\u200b": " ", "\ufeff": " ", "\u2060": ""})


def spaced(question: str) -> str:
    """``question`` as the texts are read (``printable``: "ﬁre" is "fire"), in plain letters
    (``scripts.unstyled``: "𝐖𝐡𝐞𝐧"), each run of white space (invisible spaces too) one space."""
    return " ".join(unstyled(printable(question)).translate(_INVISIBLE).split())


__all__ = ["FRAME_WORDS", "Query", "parse_query", "spaced"]
