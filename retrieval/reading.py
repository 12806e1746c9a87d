"""How the questions put to one index are read: the language each is read in, and the query,
composer settings, word vectors and selector it is answered with.

    reader = Reader(index, collection, language=None, plain=False, similar_words=True,
                    selector=bundled_selector())
    reader.question_language("Сколько нерп в Байкале?")   # "ru"
    r = reader.read(question, config)                     # a Reading

In English: with English's cues, typos, words of like meaning, term-coverage rules and the
selector. In another language (or with ``plain``, as the plain selector is trained): in that
language's terms, with words of like form, without the English-only parts, and with the
selector's plain model (``Reader.read``).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from .analyzer import analyzer
from .collection import Collection
from .compounds import Splitter, compounding, index_splitter
from .config import ComposerConfig
from .detection import close_calls, detect
from .index import TermIndex
from .language import ENGLISH, normalised
from .query import Query, parse_query
from .selection import Selector
from .similarity import WordForms, WordVectors, bundled


@dataclass(frozen=True, slots=True)
class Reading:
    """A question as read: its query, and what it is answered with."""

    query: Query
    config: ComposerConfig
    vectors: WordVectors | None
    selector: Selector


class Reader:
    """Reads the questions put to one index and its passages; what it finds once (the corpus's
    languages, compound splitters) it keeps."""

    def __init__(
        self,
        index: TermIndex,
        collection: Collection,
        *,
        language: str | None,
        plain: bool,
        similar_words: bool | WordVectors,
        selector: Selector,
    ) -> None:
        """As ``QAEngine``'s arguments of the same names."""
        self.index = index
        self.collection = collection
        self.language = normalised(language)
        self.plain = plain
        self.similar_words = similar_words
        self.selector = selector
        self._languages: frozenset[str] | None = None  # the corpus's, found at the first question
        self._splitters: dict[str, Splitter] = {}  # compound splitters by language

    def question_language(self, question: str) -> str:
        """The language ``question`` is read in: the corpus's when set; else English for an
        English corpus; else the one detected among the corpus's languages and English (between
        two of its other languages the model can hardly tell apart, the one under which the
        corpus has more of the question's words)."""
        if self.language:
            return self.language
        languages = self.corpus_languages()
        if languages <= {ENGLISH}:
            return ENGLISH
        found = detect(question, among=languages | {ENGLISH})
        others = languages - {ENGLISH}
        if found == ENGLISH or len(others) < 2:
            return found
        # a close call between two of the corpus's other languages (Russian and Ukrainian) is
        # the corpus's to decide: the first reading of the question whose best passage is in
        # the language it was read in (read as Russian, a Ukrainian question may find nothing
        # or a passage in Ukrainian only by the words the two languages share)
        close = [c for c in close_calls(question, others) if c != ENGLISH]
        if len(close) < 2 or found not in close:
            return found
        close.sort(key=lambda c: c != found)
        return next((c for c in close if self._finds_its_own(question, c)), found)

    def _finds_its_own(self, question: str, lang: str) -> bool:
        """Whether ``question`` read in ``lang`` finds a passage in ``lang`` first."""
        hits = self.index.search(analyzer(lang).analyze(question), 1)
        return bool(hits) and self.collection.lang_of(hits[0][0]) == lang

    def corpus_languages(self) -> frozenset[str]:
        """The languages of the corpus's passages, found once."""
        if self._languages is None:
            self._languages = self.collection.languages()
        return self._languages

    def read(self, question: str, config: ComposerConfig) -> Reading:
        """How ``question`` is read. In English: with English's cues, typos, words of like
        meaning, term-coverage rules and the selector. In another language (or with
        ``plain``, as the plain selector is trained): in that language's terms, with words of
        like form, without the English-only parts, and with the selector's plain model; the
        term-coverage rules are off, since inflection and compounds keep a question's words from
        meeting their forms in the text (on XQuAD de/es/ru they abstained on 9-10% of answerable
        questions and on none of the out-of-corpus ones the confidence did not abstain on); so is
        the subject gate (``subjects.py``: on XQuAD's test halves it abstained on 5 more
        answerable Spanish questions and 1 German one, for 0.006 more out of corpus). A title
        line is its text's title only, no heading (``own_heading_context``), as in the documents
        the plain model learned on."""
        lang = self.question_language(question)
        if lang == ENGLISH and not self.plain:
            return Reading(parse_query(question, self.index, config, lang), config,
                           self.word_vectors, self.selector)
        query = parse_query(question, self.index, config, lang, plain=True,
                            compounds=self.splitter(lang))
        return Reading(query, dataclasses.replace(config, rule_gates=False, specific_gate=False,
                                                  subject_gate=False,
                                                  evidence_needed=frozenset(),
                                                  value_gate=False,
                                                  own_heading_context=False),
                       _forms() if self.similar_words else None,
                       self.selector.plain or self.selector)

    def splitter(self, lang: str) -> Splitter | None:
        """The index's compound splitter of language ``lang`` (made once), or ``None`` when
        the language does not compound."""
        if not compounding(lang):
            return None
        found = self._splitters.get(lang)
        if found is None:
            found = self._splitters[lang] = index_splitter(lang, self.index.vocabulary,
                                                           self.index.df)
        return found

    @property
    def word_vectors(self) -> WordVectors | None:
        """The word vectors used for words of like meaning, or ``None`` when off or missing."""
        if self.similar_words is True:
            return bundled()
        return self.similar_words or None


@functools.cache
def _forms() -> WordForms:
    return WordForms()


__all__ = ["Reader", "Reading"]
