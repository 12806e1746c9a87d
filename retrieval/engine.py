"""``QAEngine``: the one facade the channels use.

    engine = QAEngine.from_directory("seeds")       # load the saved index, or build and save it
    answer = engine.ask("When was the CSTO formed?")
    hits = engine.search("CSTO summit", k=5)
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import loading, parallel, snapshot
from .analyzer import analyzer
from .answer import Answer, Hit, SourceRef
from .candidates import Ranking
from .collection import Collection
from .composer import compose
from .compounds import Splitter, compounding, index_splitter
from .config import ComposerConfig
from .corpus import Document
from .detection import close_calls, detect, preload
from .errors import DamagedIndexError, NoDocumentsError
from .index import TermIndex
from .language import ENGLISH, normalised
from .loading import LoadReport
from .openings import with_openings
from .query import Query, parse_query, spaced
from .ranking import rank
from .selection import Selector
from .selection import bundled as bundled_selector
from .similarity import WordForms, WordVectors, bundled
from .sources import source_ids
from .spelling import load_lists
from .texts import TextDocuments
from .walk import Walk

DEFAULT_TOP_K = 8


class QAEngine:
    """Answers questions from one corpus. Thread-safe for concurrent ``ask``/``search`` calls."""

    def __init__(
        self,
        index: TermIndex,
        collection: Collection,
        *,
        config: ComposerConfig | None = None,
        top_k: int = DEFAULT_TOP_K,
        report: LoadReport | None = None,
        similar_words: bool | WordVectors = True,
        selector: Selector | None = None,
        language: str | None = None,
        plain: bool = False,
    ) -> None:
        """``similar_words``: let question words meet words of like meaning (``True``: the
        bundled vectors, loaded at the first question; ``False``: exact terms only);
        ``language``: the corpus's language when it is set (questions are read in it), else each
        question's is detected among the corpus's; ``plain``: read English questions as other
        languages' are (``_read``; to train the plain selector)."""
        self.index = index
        self.collection = collection
        self.config = config or ComposerConfig()
        self.top_k = top_k
        self.report = report or LoadReport(built=True, seconds=0.0)
        self._similar_words = similar_words
        self.selector = selector or bundled_selector()
        self.language = normalised(language)
        self.plain = plain
        self._languages: frozenset[str] | None = None  # the corpus's, found at the first question
        self._splitters: dict[str, Splitter] = {}  # compound splitters by language
        self._maps = snapshot.Maps(index, collection)  # a loaded snapshot's files, to see them cut

    # --- construction -------------------------------------------------------------------------

    @classmethod
    def from_documents(cls, docs: Sequence[Document], **kwargs: object) -> QAEngine:
        """Build an engine in memory from loaded documents (on every core, for many)."""
        language = kwargs.get("language")
        index, collection = loading.build_documents(
            docs, language if isinstance(language, str) else None)
        return cls(index, collection, **kwargs)  # type: ignore[arg-type]

    @classmethod
    def from_texts(
        cls, texts: Sequence[str], ids: Sequence[str] | None = None, **kwargs: object
    ) -> QAEngine:
        """Build an engine in memory from raw texts (ids default to ``doc0``, ``doc1``, ...)."""
        if ids is not None and len(ids) != len(texts):
            raise ValueError(f"got {len(texts)} texts but {len(ids)} ids")
        if len(texts) == 0:
            raise NoDocumentsError("no texts given")
        return cls.from_documents(TextDocuments(texts, ids), **kwargs)

    @classmethod
    def from_directory(
        cls,
        path: str | os.PathLike[str],
        *,
        index_dir: str | os.PathLike[str] | None = None,
        rebuild: bool = False,
        save: bool = True,
        full: bool = False,
        progress: parallel.Progress | None = None,
        **kwargs: object,
    ) -> QAEngine:
        """Load the saved index of the corpus at ``path``, or build (and save) it when missing,
        stale, corrupt or ``rebuild`` is set (``loading.from_directory``)."""
        index, collection, report = loading.from_directory(
            path, index_dir=index_dir, rebuild=rebuild, save=save, full=full, progress=progress,
            language=kwargs.get("language"))
        return cls(index, collection, report=report, **kwargs)  # type: ignore[arg-type]

    @classmethod
    def load_saved(cls, index_dir: str | os.PathLike[str], **kwargs: object) -> QAEngine:
        """The engine of the snapshot the index folder's CURRENT names, whatever corpus state
        it was built from (for a running bot taking up what ``qabot index`` saved);
        ``IndexFormatError`` when it cannot be used."""
        index, collection, report = loading.load_saved(index_dir)
        return cls(index, collection, report=report, **kwargs)  # type: ignore[arg-type]

    @staticmethod
    def verify_saved(path: str | os.PathLike[str],
                     index_dir: str | os.PathLike[str] | None = None) -> tuple[str, list[str]]:
        """Check every byte of the saved index of the corpus at ``path`` against the hashes it
        was saved with: its folder and the files that differ (``[]``: all as written).
        ``IndexFormatError`` when there is no saved index."""
        return loading.verify_saved(path, index_dir)

    @staticmethod
    def saved_repeated(path: str | os.PathLike[str],
                       index_dir: str | os.PathLike[str] | None = None,
                       language: str | None = None) -> tuple[Walk, np.ndarray] | None:
        """The corpus at ``path`` as found and the keys of the paragraphs repeated across its
        documents, from its saved index when that is current; else ``None``
        (``loading.saved_repeated``)."""
        return loading.saved_repeated(path, index_dir, language)

    # --- questions ----------------------------------------------------------------------------

    def intact(self) -> None:
        """Raise ``DamagedIndexError`` when a file of the loaded snapshot was cut short since it
        was mapped: read through its map, the part cut off would kill the process (SIGBUS,
        ``snapshot.Maps``). Every question and passage is checked first (about 14 µs); a file cut
        during the milliseconds one is read still is not caught."""
        if self._maps and (cut := self._maps.cut()):
            raise DamagedIndexError(
                f"{cut} file(s) of index snapshot {self.report.snapshot} in "
                f"{self.report.index_dir} were cut short while in use (the index is damaged)")

    def search(self, query: str, k: int = 10) -> list[Hit]:
        """The ``k`` passages that best match ``query``, best first."""
        self.intact()
        return [
            Hit(doc_id=self.collection.source_of(p).id, passage=p, score=s)
            for p, s in self.index.search(analyzer(self.question_language(query)).analyze(query),
                                          k)
        ]

    def warm_up(self, *, questions: bool = False) -> None:
        """Load now what the first question would otherwise wait for: the word vectors, and
        the language detection model when the corpus is not all English (0.1 s and 0.7 s);
        with ``questions``, for a process that will answer them (a bot, the console), also the
        English word list every English question's words are looked up in (0.7 s, once a
        process: ``spelling.rare_word``)."""
        _ = self.word_vectors
        if self.language is None and self._corpus_languages() - {ENGLISH}:
            preload()
        if questions:
            load_lists()

    def question_language(self, question: str) -> str:
        """The language ``question`` is read in: the corpus's when set; else English for an
        English corpus; else the one detected among the corpus's languages and English (between
        two of its other languages the model can hardly tell apart, the one under which the
        corpus has more of the question's words)."""
        if self.language:
            return self.language
        languages = self._corpus_languages()
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

    def _corpus_languages(self) -> frozenset[str]:
        """The languages of the corpus's passages, found once."""
        if self._languages is None:
            self._languages = self.collection.languages()
        return self._languages

    def ask(self, question: str, *, top_k: int | None = None,
            min_confidence: float | None = None) -> Answer:
        """Answer ``question`` with quoted sentences and citations, or abstain; ``min_confidence``
        overrides the configured abstention threshold (0: answer whenever a sentence matches)."""
        self.intact()
        question = spaced(question)
        config = self.config if min_confidence is None else dataclasses.replace(
            self.config, min_confidence=min_confidence)
        r = self._read(question, config)
        hits = self._retrieve(question, r.query, top_k or self.top_k)
        return compose(question, r.query, hits, self.collection, r.config, r.vectors, self.index,
                       r.selector)

    def rank(self, question: str, *, top_k: int | None = None) -> Ranking | None:
        """Every candidate sentence for ``question`` with its features, best first (what
        ``ask`` chooses from; for training and explaining), or ``None``."""
        self.intact()
        question = spaced(question)
        r = self._read(question, self.config)
        hits = self._retrieve(question, r.query, top_k or self.top_k)
        return rank(question, r.query, hits, self.collection, r.config, r.vectors, self.index,
                    r.selector)

    def _retrieve(self, question: str, query: Query, k: int) -> list[tuple[int, float]]:
        """The ``k`` passages ``query`` retrieves, best first, with their scores. Its
        compounds' parts are sought with its terms, and count in the scores: the plain
        model's confidence learned on such scores (retrained with them, on XQuAD's German
        tune half 0.759 of answerable questions were answered right and 0.847 of
        out-of-corpus ones abstained, against 0.744 and 0.856 with the best score scaled to
        the question's own terms; docs/benchmarks.md). A "what is X?" question adds the
        opening of each retrieved document X titles (``openings.py``)."""
        terms, scale = query.search_terms()
        hits = self.index.search(terms, k, scale)
        return with_openings(hits, question, query.cue, query.lang, self.collection,
                             analyzer(query.lang).term_set)

    def _read(self, question: str, config: ComposerConfig) -> _Reading:
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
            return _Reading(parse_query(question, self.index, config, lang), config,
                            self.word_vectors, self.selector)
        query = parse_query(question, self.index, config, lang, plain=True,
                            compounds=self._splitter(lang))
        return _Reading(query, dataclasses.replace(config, rule_gates=False, specific_gate=False,
                                                   subject_gate=False,
                                                   evidence_needed=frozenset(),
                                                   own_heading_context=False),
                        _forms() if self._similar_words else None,
                        self.selector.plain or self.selector)

    def _splitter(self, lang: str) -> Splitter | None:
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
        if self._similar_words is True:
            return bundled()
        return self._similar_words or None

    # --- the corpus ---------------------------------------------------------------------------

    def sources(self) -> list[SourceRef]:
        """Every document of the corpus, in corpus order."""
        return [self.source(i) for i in range(len(self.collection.sources))]

    def source(self, i: int) -> SourceRef:
        """The document at position ``i`` of ``sources()`` (without making them all)."""
        s = self.collection.sources[i]
        return SourceRef(id=s.id, title=s.title, url=s.url, publisher=s.publisher,
                         published=s.published)

    def document_ids(self) -> list[str]:
        """The documents' ids, in corpus order (read straight from a loaded index's table)."""
        return source_ids(self.collection.sources)

    def passage(self, passage: int) -> str:
        """The full text of one passage (to show the context around a quoted sentence)."""
        if not 0 <= passage < self.collection.n_passages:
            raise IndexError(f"no passage {passage}")
        self.intact()
        return self.collection.passage_text(passage)

    @functools.cached_property
    def snapshot_id(self) -> str:
        """8 hex digits naming this index's passages (their documents, their places in the
        text and their text), the same for the same index in any process: what a Quote button
        was made from. The text counts by each passage's CRC-32 (4 bytes a passage, saved
        with it): an edit that kept every length ("4.50" made "7.90") gave the old id, and an
        old answer's Quote button showed the new words as the sentence it had quoted."""
        self.intact()
        c = self.collection
        h = hashlib.sha256()
        for array in (c.passage_doc, c.text_offsets, c.sent_indptr, c.passage_crc):
            h.update(np.ascontiguousarray(array).tobytes())
        h.update("\n".join(source_ids(c.sources)).encode())
        return h.hexdigest()[:8]

    def document_of(self, passage: int) -> int:
        """The position in ``sources()`` of the document passage ``passage`` is from."""
        if not 0 <= passage < self.collection.n_passages:
            raise IndexError(f"no passage {passage}")
        self.intact()
        return int(self.collection.passage_doc[passage])

    @property
    def n_documents(self) -> int:
        return len(self.collection.sources)

    @property
    def n_passages(self) -> int:
        return self.collection.n_passages

    @property
    def n_terms(self) -> int:
        return len(self.index.vocabulary)


@dataclass(frozen=True, slots=True)
class _Reading:
    query: Query
    config: ComposerConfig
    vectors: WordVectors | None
    selector: Selector


@functools.cache
def _forms() -> WordForms:
    return WordForms()
