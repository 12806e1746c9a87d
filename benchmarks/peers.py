"""The peers of the quality benchmark, answering the way the issue defines for them.

Each peer is a *scorer*: built over a list of texts, it scores a query against every one of them.
A peer is built twice over the same corpus, once over its paragraphs and once over all their
sentences, and answers a question so (``answer``):

1. score every paragraph; the 10 best are its retrieval ranking (R@k, MRR@10);
2. take the top ``TOP_PARAGRAPHS`` (5) paragraphs; score each of their sentences with the sentence
   scorer, and mix in the score of its paragraph::

       mixed(s) = ALPHA * S(s) / max S + (1 - ALPHA) * P(p(s)) / max P

   where ``S`` is the sentence score, ``P`` the paragraph score, and both maxima are taken over the
   candidates of this question (a maximum of 0 counts as 1); ``ALPHA`` is 0.5, fixed beforehand;
3. the sentences by ``mixed``, best first (ties: better paragraph, then earlier sentence), are its
   answer; the first is its answer sentence (acc@1), the first three count for acc@3.

Sentences are cut by qabot's own splitter (``retrieval.ingest.sentences.split_sentences``), so
every system quotes from the same sentences. A peer never abstains.

Peers (``PEERS``):

* ``bm25s``: ``bm25s.BM25()`` defaults (Lucene variant, k1 1.5, b 0.75), tokenised by
  ``bm25s.tokenize`` with its English stop words and the Snowball English stemmer (PyStemmer).
* ``rank_bm25``: ``rank_bm25.BM25Okapi`` defaults (k1 1.5, b 0.75, epsilon 0.25) over the same
  tokens, so the two BM25 rows differ by their scoring only.
* ``tfidf``: scikit-learn ``TfidfVectorizer()`` with its defaults (lower case, ``\\w\\w+`` tokens,
  no stop words, smooth idf, l2 norm) and cosine similarity.
* ``tfidf-tuned``: the same with the stemmed, stop-worded tokens above, sublinear tf and bigrams.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from retrieval.evaluation import Outcome, Quoted, Retrieved
from retrieval.ingest.sentences import split_sentences
from retrieval.questions import Question

TOP_PARAGRAPHS = 5
ALPHA = 0.5
RANKED = 10

Score = Callable[[str], np.ndarray]  # query -> one score per text
Build = Callable[[Sequence[str]], Score]


def _tokenizer() -> Callable[[Sequence[str]], list[list[str]]]:
    import bm25s
    import Stemmer

    # bm25s sets its logger to DEBUG on import and logs every index build.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    stemmer = Stemmer.Stemmer("english")

    def tokenize(texts: Sequence[str]) -> list[list[str]]:
        out = bm25s.tokenize(list(texts), stopwords="en", stemmer=stemmer, return_ids=False,
                             show_progress=False)
        return [[t for t in doc if t] for doc in out]

    return tokenize


def bm25s_scorer(texts: Sequence[str]) -> Score:
    """``bm25s.BM25`` (Lucene BM25) over stemmed tokens."""
    import bm25s

    tokenize = _tokenizer()
    retriever = bm25s.BM25()
    retriever.index(tokenize(texts), show_progress=False)

    def score(query: str) -> np.ndarray:
        toks = tokenize([query])[0]
        if not toks:
            return np.zeros(len(texts), dtype=np.float32)
        return np.asarray(retriever.get_scores(toks))

    return score


def rank_bm25_scorer(texts: Sequence[str]) -> Score:
    """``rank_bm25.BM25Okapi`` over the same stemmed tokens."""
    from rank_bm25 import BM25Okapi

    tokenize = _tokenizer()
    model = BM25Okapi(tokenize(texts))
    return lambda query: np.asarray(model.get_scores(tokenize([query])[0]))


def _tfidf(texts: Sequence[str], **options: object) -> Score:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(**options)
    matrix = vectorizer.fit_transform(texts)
    # Rows are l2-normalised, so the dot product is the cosine.
    return lambda query: (matrix @ vectorizer.transform([query]).T).toarray().ravel()


def tfidf_scorer(texts: Sequence[str]) -> Score:
    """scikit-learn ``TfidfVectorizer()`` defaults + cosine."""
    return _tfidf(texts)


def tfidf_tuned_scorer(texts: Sequence[str]) -> Score:
    """TF-IDF over stemmed, stop-worded tokens with sublinear tf and bigrams + cosine."""
    tokenize = _tokenizer()
    return _tfidf(texts, analyzer=lambda text: _with_bigrams(tokenize([text])[0]),
                  sublinear_tf=True)


def _with_bigrams(toks: list[str]) -> list[str]:
    return toks + [f"{a} {b}" for a, b in pairwise(toks)]


@dataclass(frozen=True, slots=True)
class Peer:
    """A named scorer, and the packages it needs."""

    name: str
    build: Build
    needs: tuple[str, ...] = ()


PEERS: dict[str, Peer] = {
    "bm25s": Peer("bm25s + PyStemmer", bm25s_scorer, ("bm25s", "Stemmer")),
    "rank_bm25": Peer("rank_bm25 BM25Okapi", rank_bm25_scorer, ("rank_bm25", "bm25s")),
    "tfidf": Peer("sklearn TF-IDF cosine", tfidf_scorer),
    "tfidf-tuned": Peer("sklearn TF-IDF tuned", tfidf_tuned_scorer, ("bm25s", "Stemmer")),
}


@dataclass(frozen=True, slots=True)
class Corpus:
    """Paragraphs (documents) and their sentences, cut once for every peer."""

    ids: tuple[str, ...]
    texts: tuple[str, ...]
    sentences: tuple[str, ...]
    sentence_paragraph: np.ndarray  # int: sentence -> paragraph
    first_sentence: np.ndarray  # int, len(texts) + 1: sentences of p are [first[p], first[p+1])

    @classmethod
    def of(cls, ids: Sequence[str], texts: Sequence[str]) -> Corpus:
        sentences: list[str] = []
        owner: list[int] = []
        first = [0]
        for p, text in enumerate(texts):
            for s in split_sentences(text):
                sentences.append(s)
                owner.append(p)
            first.append(len(sentences))
        return cls(tuple(ids), tuple(texts), tuple(sentences), np.asarray(owner), np.asarray(first))


@dataclass(frozen=True, slots=True)
class Fitted:
    """A peer built over one corpus: a paragraph scorer and a sentence scorer."""

    corpus: Corpus
    paragraphs: Score
    sentences: Score

    @classmethod
    def build(cls, peer: Peer, corpus: Corpus) -> Fitted:
        return cls(corpus, peer.build(corpus.texts), peer.build(corpus.sentences))


def _scaled(x: np.ndarray) -> np.ndarray:
    top = float(x.max()) if len(x) else 0.0
    return x / top if top > 0 else x


def answer(fitted: Fitted, q: Question, clock: Callable[[], float] = time.perf_counter) -> Outcome:
    """What the peer does with ``q``: its paragraph ranking and its sentences (module docstring)."""
    c = fitted.corpus
    started = clock()
    pscores = np.asarray(fitted.paragraphs(q.text), dtype=np.float64)
    order = sorted(range(len(pscores)), key=lambda p: (-pscores[p], p))
    top = order[:TOP_PARAGRAPHS]
    cand = np.concatenate([np.arange(c.first_sentence[p], c.first_sentence[p + 1]) for p in top])
    sscores = np.asarray(fitted.sentences(q.text), dtype=np.float64)[cand]
    para_rank = {p: i for i, p in enumerate(top)}
    owner = c.sentence_paragraph[cand]
    mixed = ALPHA * _scaled(sscores) + (1 - ALPHA) * _scaled(pscores[owner])
    best = sorted(range(len(cand)), key=lambda i: (-mixed[i], para_rank[int(owner[i])], cand[i]))
    quotes = tuple(Quoted(c.sentences[cand[i]], c.ids[owner[i]]) for i in best[:3])
    seconds = clock() - started
    return Outcome(
        question=q, expect=q.expect,
        retrieved=tuple(Retrieved(c.ids[p], c.texts[p], float(pscores[p])) for p in order[:RANKED]),
        answered=True, quotes=quotes, seconds=seconds,
    )
