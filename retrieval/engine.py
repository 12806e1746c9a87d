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

import numpy as np

from . import loading, parallel, snapshot
from .analyzer import analyzer
from .answer import Answer, Hit, SourceRef
from .candidates import Ranking
from .collection import Collection
from .composer import compose
from .config import ComposerConfig
from .corpus import Document
from .detection import preload
from .errors import DamagedIndexError, NoDocumentsError
from .index import TermIndex
from .language import ENGLISH
from .loading import LoadReport
from .openings import Titles, with_openings
from .query import Query, spaced
from .ranking import rank
from .reading import Reader
from .selection import Selector
from .selection import bundled as bundled_selector
from .similarity import WordVectors
from .sources import source_ids
from .spelling import load_lists
from .texts import TextDocuments
from .uncommon import common_terms
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
        languages' are (``Reader.read``; to train the plain selector)."""
        self.index = index
        self.collection = collection
        self.config = config or ComposerConfig()
        self.top_k = top_k
        self.report = report or LoadReport(built=True, seconds=0.0)
        self.reader = Reader(index, collection, language=language, plain=plain,
                             similar_words=similar_words,
                             selector=selector or bundled_selector())
        self._maps = snapshot.Maps(index, collection)  # a loaded snapshot's files, to see them cut
        self._titles = Titles(collection)  # its documents by title, for "what is X?"

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
        process: ``spelling.rare_word``) and the everyday words a "how do I" question's are
        weighed against (about 1 s: ``uncommon.common_terms``)."""
        _ = self.word_vectors
        if self.reader.language is None and self.reader.corpus_languages() - {ENGLISH}:
            preload()
        if questions:
            load_lists()
            for zipf in (self.config.uncommon_zipf, self.config.uncommon_can_zipf):
                if zipf > 0:
                    common_terms(ENGLISH, zipf)

    def question_language(self, question: str) -> str:
        """The language ``question`` is read in (``Reader.question_language``)."""
        return self.reader.question_language(question)

    def ask(self, question: str, *, top_k: int | None = None,
            min_confidence: float | None = None) -> Answer:
        """Answer ``question`` with quoted sentences and citations, or abstain; ``min_confidence``
        overrides the configured abstention threshold (0: answer whenever a sentence matches)."""
        self.intact()
        question = spaced(question)
        config = self.config if min_confidence is None else dataclasses.replace(
            self.config, min_confidence=min_confidence)
        r = self.reader.read(question, config)
        hits = self._retrieve(question, r.query, top_k or self.top_k)
        return compose(question, r.query, hits, self.collection, r.config, r.vectors, self.index,
                       r.selector)

    def rank(self, question: str, *, top_k: int | None = None) -> Ranking | None:
        """Every candidate sentence for ``question`` with its features, best first (what
        ``ask`` chooses from; for training and explaining), or ``None``."""
        self.intact()
        question = spaced(question)
        r = self.reader.read(question, self.config)
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
                             analyzer(query.lang).term_set, self._titles)

    @property
    def word_vectors(self) -> WordVectors | None:
        """The word vectors used for words of like meaning, or ``None`` when off or missing."""
        return self.reader.word_vectors

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
