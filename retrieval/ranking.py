"""Ranking: every candidate sentence of the retrieved passages, its features, and the order the
selector (``selection.py``) puts them in.

Every question term ``t`` gets a weight ``w(t)``: its idf when the corpus has it; when it does not,
the idf of a term seen once, times ``unseen_factor`` (``unseen_name_factor`` for a name, a
word capitalised mid-question, since a question about a name the corpus never mentions cannot be
answered from it). For a candidate sentence ``s`` in passage ``p``::

    cov(s)    = sum of w(t) for question terms in s / sum of w(t) for all question terms
    window(s) = the same over s and its neighbouring sentences in the passage

These and the rest of a candidate's features (``features.py``: whether it holds the kind of fact
the question asks for and does not already contain, a year for "when", a quantity for "how
many", a name for "who", ``cues.py``; where it stands; ...), with what it means together with
the question (``meaning.py``), are what the selector's learned ranker scores. (Before it learned,
qabot ranked by ``a * cov + b * window + c * score(p) / best passage score + cue``; the ranker
starts from that formula and is kept only while it ranks better on held-out questions.)

A question term the sentence lacks still counts when the sentence holds a word of like meaning
("help" ~ "assistance"; ``similarity.py``): it adds ``w(t) * cosine`` to the sums above when the
cosine reaches ``soft_min``. Such words are sought in the ``similar_passages`` best passages
(their words get vectors in one lookup; 4 or 8 passages did the same on the seeds and two
SQuAD questions better, at more cost per question), and only
sentences sharing a term with the question in their window are candidates. Names (capitalised
mid-question) never match that way: a question about Macron is not answered with a sentence
about Putin.

In a language that compounds, a sentence that holds every part of a question's compound
(``Query.parts``, ``compounds.py``) holds the compound: "Bevölkerungsgröße" is met by "die Größe
der Bevölkerung".

A list item's window holds its list's lead-in, and "what is X?" takes a sentence under a heading
that is just X to define X (what surrounds a sentence: ``surroundings.py``). The candidates and
their order are ``candidates.py``'s values; the few rules that bring a candidate first when the
best lacks what the question plainly asks for, ``precedence.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from . import surroundings, whatis
from .analyzer import analyzer, lower_words, term_of
from .candidates import Candidate, Ranking
from .collection import Collection, Sentence
from .config import DEFAULT_CONFIG, ComposerConfig
from .cues import commits, dated_heading, has_evidence, numbered_heading, signature
from .definitions import (
    defining_heading,
    describes_itself,
    heads_definition,
    names_a_kind,
    subject,
)
from .features import Asked, Measured, row
from .index import TermIndex
from .language import ENGLISH
from .meaning import meaning
from .precedence import precede
from .query import Query
from .questiontypes import asks_yes_no
from .quotes import lead_ins
from .rerank import HEADS, Rerank, heading_meets, heading_share, own_heading
from .rerank import NONE as NO_RERANK
from .rerank import bundled as bundled_rerank
from .rerank import rows as rerank_rows
from .selection import FEATURES, Selector, sigmoid
from .selection import bundled as bundled_selector
from .similarity import WordForms, WordVectors

_DEFINED = FEATURES.index("defined")  # first under a heading that is X or asks what X is


def rank(
    question: str,
    query: Query,
    hits: Sequence[tuple[int, float]],
    collection: Collection,
    config: ComposerConfig = DEFAULT_CONFIG,
    vectors: WordVectors | None = None,
    index: TermIndex | None = None,
    selector: Selector | None = None,
    rerank: Rerank | None = None,
) -> Ranking | None:
    """Every candidate sentence of the retrieved passages ``hits`` ((passage, score), best
    first), with its features, ranked by ``selector`` (the bundled one by default) and, for a
    question read in English with word vectors, the second stage ``rerank`` (the bundled one
    by default; ``rerank.py``); ``None`` when there is none. ``vectors`` find words of like
    meaning (``None``: exact terms only). The confidence is the selector's in the best
    candidate of its own ranker, before the second stage."""
    if not query.terms or not hits or query.total <= 0:
        return None
    selector = selector or bundled_selector()
    asked = Asked.of(question, query)
    # the features again with the doubt the question's words carry (``Query.doubt``): how sure
    # the best candidate is, read with them; which is best, without
    doubting = query.doubted() if query.doubt else None
    doubt = (doubting, Asked.of(question, doubting)) if doubting is not None else None
    doubted: list[list[float]] = []
    qset = set(query.terms)
    best_passage = hits[0][1] or 1.0
    seek_alike = vectors is not None and bool(query.words)
    passages = []
    sents_of: dict[int, list[Sentence]] = {}  # each retrieved passage's sentences, read once
    words_of: dict[tuple[int, int], list[str]] = {}  # (passage, sentence) -> words of 3+ letters
    langs: dict[int, str] = {}  # each retrieved passage's language
    titled: dict[int, frozenset[str]] = {}  # the question terms each document's title holds
    for rank_, (p, pscore) in enumerate(hits):
        sents = sents_of[p] = collection.sentences(p)
        reading = analyzer(langs.setdefault(p, collection.lang_of(p)))
        # each sentence's terms in order, and (in the best passages) its words that may stand
        # in for one
        parts = [_terms_and_others(s.text, query, seek_alike and rank_ < config.similar_passages,
                                   reading.term, reading.lower_words) for s in sents]
        terms = [ts for ts, _, _ in parts]
        others = [ws for _, ws, _ in parts]
        for i, (_, _, longer) in enumerate(parts):
            words_of[p, i] = longer
        sets = [set(ts) for ts in terms]
        for compound, split in query.parts.items():  # met by a sentence with all its parts
            for held in sets:
                if compound not in held and held.issuperset(split):
                    held.add(compound)
        matched = [ts & qset for ts in sets]
        doc = int(collection.passage_doc[p])
        if doc not in titled:
            titled[doc] = frozenset(
                analyzer(langs[p]).term_set(collection.sources[doc].title) & qset)
        if config.pronoun_title and titled[doc]:  # "She lives ..." holds "Marta Ilves"
            matched = [m | titled[doc] if surroundings.about_title(s.text, langs[p]) else m
                       for m, s in zip(matched, sents, strict=True)]
        context = surroundings.context(p, collection, qset, config, reading.term_set)
        passages.append((rank_, p, pscore, sents, terms, sets, matched, others, context))
    table, aligned = _alike_words(vectors, query, passages, config)
    candidates: list[Candidate] = []
    specific: dict[int, bool] = {}
    asked_subject = (analyzer(query.lang).term_set(" ".join(subject(question))) & qset
                     if query.cue == "what_is" else set())
    # "what is X?" in English (its cue) or in another language (``whatis.subject``)
    asks_what_is = query.cue == "what_is" or (query.lang != ENGLISH
                                              and bool(whatis.subject(question, query.lang)))
    itself: set[tuple[int, int]] = set()  # "This package is ..." in a document X titles
    at = 0  # the first sentence of the passage in ``aligned``
    for rank_, p, pscore, sents, terms, sets, matched, others, context in passages:
        first_at, at = at, at + len(sents)
        alike = ([_alike(table, o, m) for o, m in zip(others, matched, strict=True)]
                 if table else [{}] * len(sents))
        leads = lead_ins(sents)
        leading = set(leads.values())
        heads = surroundings.item_heads(sents)
        doc = int(collection.passage_doc[p])
        opening = surroundings.opening(p, sents, collection)
        for i, s in enumerate(sents):
            # a heading saying what "what is X?" asks ("Cachegrind: a cache and ... profiler")
            # or dating what "when ...?" asks ("Version 1.95 (2026-04-16)")
            says = not s.quotable and not s.item and (
                (bool(asked_subject) and defining_heading(s.text, question))
                or (query.cue == "when" and bool(matched[i]) and dated_heading(s.text, question)))
            if not says and (not s.quotable or signature(s.text)
                             or (s.first and numbered_heading(s.text))):
                continue  # a signature line names what its item is about, it answers nothing;
                # nor does a FAQ's numbered question set as a line of text
            window = matched[i] | context
            window_alike = dict(alike[i])
            # a list item's lead-in is near it, and so is the item's first sentence (which names
            # what the item is about: "historySize {number} Maximum ...")
            for j in {i - 1, i + 1, leads.get(i, -1), heads.get(i, -1)}:
                if 0 <= j < len(sents):
                    window |= matched[j]
                    for t, sim in alike[j].items():
                        window_alike[t] = max(sim, window_alike.get(t, 0.0))
            if not window:  # a sentence must share a term with the question, near it at least
                continue
            for t in window:
                window_alike.pop(t, None)
            # under a heading (a glossary's term) that is just what "what is X?" asks about,
            # a sentence defines X (past a signature line: "{number|undefined}"): the heading's
            # words are its own
            h = surroundings.heading_above(sents, i) if asks_what_is and s.first else -1
            defined = says or (h >= 0 and heads_definition(sents[h].text, question,
                                                             collection.sources[doc].title,
                                                             query.lang))
            own = matched[i] | matched[h] if defined else matched[i]
            if (asked_subject and (describes_itself(s.text)
                                   or (i in opening[0] and names_a_kind(s.text)))
                    and len(asked_subject) <= 2 * len(asked_subject & titled[doc])):
                itself.add((p, i))
            if doc not in specific:
                specific[doc] = surroundings.specific_met(query, p, collection, config, index)
            measured = Measured(
                text=s.text, terms=terms[i], matched=frozenset(own), window=frozenset(window),
                own_alike=alike[i], window_alike=window_alike,
                passage_score=pscore / best_passage, passage_rank=rank_,
                position=i / (len(sents) - 1) if len(sents) > 1 else 0.0, first=s.first,
                item=s.item, defined=defined,
                evidence=defined or has_evidence(query.cue, s.text, question, query.lang),
                context=bool(context), specific_met=specific[doc],
                lead=i in opening[0], section_lead=opening[1] == i, title_terms=titled[doc],
                sem=float(aligned[first_at + i]), lead_in=i in leading)
            candidates.append(Candidate(s, sets[i], matched[i], window, window_alike,
                                        row(measured, query, asked)))
            if doubt is not None:
                doubted.append(row(measured, *doubt))
    if not candidates:
        return None
    meant = meaning(vectors, question, [words_of[c.sentence.passage, c.sentence.number]
                                        for c in candidates])
    for c, m in zip(candidates, meant, strict=True):
        c.meaning = m
    logits = selector.rank(np.hstack([np.array([c.features for c in candidates]), meant]))
    order = _order(candidates, logits)
    best, judging = np.asarray(candidates[order[0]].features), logits[order]
    if doubted:
        rows = np.array(doubted)
        best, judging = rows[order[0]], selector.rank(np.hstack([rows, meant]))[order]
    confidence = selector.confidence(best, judging, hits[0][1], collection.n_passages)
    judged = order
    if query.lang == ENGLISH and vectors is not None and not isinstance(vectors, WordForms):
        # the second stage: the heading each candidate sits under, met by meaning
        headings = {p: own_heading(collection.section_of(p)) for p in sents_of}
        distinct = list(dict.fromkeys(headings.values()))  # passages of a section share one
        met = dict(zip(distinct, heading_meets(vectors, query.words, query.weights, distinct,
                                               analyzer(ENGLISH).term_set, lower_words),
                       strict=True))
        shares = dict(zip(distinct, heading_share(vectors, query.words, qset, distinct,
                                                  analyzer(ENGLISH).term, lower_words),
                          strict=True))
        for c in candidates:
            c.heading = float(met[headings[c.sentence.passage]])
            c.heading_share = float(shares[headings[c.sentence.passage]])
        second = rerank or bundled_rerank()
        if second is not NO_RERANK:
            # the ranker's features weighed again (in documents with sections) choose what is
            # quoted first; answering is judged by the best of the heading alone
            # (``Ranking.judged``), another only when some candidate's features were weighed
            rows = second_rows(candidates, collection, question)
            reweighed = second.adjust(logits, rows)
            order = _order(candidates, reweighed)
            judged = order
            if rows[:, HEADS:].any():
                rows[:, HEADS:] = 0.0  # the heading alone
                judged = _order(candidates, second.adjust(logits, rows))
            logits = reweighed
    ranked = [candidates[k] for k in order]
    logits = logits[order]
    for c, prob in zip(ranked, sigmoid(logits).tolist(), strict=True):
        c.score = prob
    doc_of = collection.passage_doc.__getitem__
    logits = precede(question, query, ranked, logits, config, itself, doc_of)
    gate = None
    if judged != order:
        by_heading = [candidates[k] for k in judged]
        precede(question, query, by_heading, np.zeros(len(by_heading)), config, itself, doc_of)
        gate = by_heading[0]
    # outside English, the best saying what the question's X is answers, however little the
    # plain model (which reads no "what is X?" there) is sure of it: it opens by saying so, or
    # opens the text under a heading that is X or asks what X is (``defined``)
    says_what = (query.lang != ENGLISH and bool(config.definition_first) and bool(ranked)
                 and (whatis.defines(question, ranked[0].sentence.text, query.lang)
                      or bool(asks_what_is and ranked[0].features[_DEFINED])))
    return Ranking(ranked, logits, confidence, table, sents_of, hits[0][1], langs=langs,
                   following=lambda p: surroundings.opening_items(collection, p),
                   says_what=says_what, judged=gate)


def second_rows(candidates: Sequence[Candidate], collection: Collection,
                question: str) -> np.ndarray:
    """The second stage's rows of ``candidates`` of ``question`` (``rerank.rows``): a document
    has sections when a heading stands over any of its text (``Collection.sectioned``)."""
    docs = [int(collection.passage_doc[c.sentence.passage]) for c in candidates]
    sectioned = {d: collection.sectioned(d) for d in set(docs)}
    polar = asks_yes_no(question)
    return rerank_rows([(c.heading, c.heading_share) for c in candidates],
                       [c.features for c in candidates],
                       [sectioned[d] for d in docs],
                       [(float(polar and commits(c.sentence.text)),) for c in candidates])


def _order(candidates: Sequence[Candidate], logits: np.ndarray) -> list[int]:
    """The candidates' places, best ``logits`` first (ties: in the text's order)."""
    return sorted(range(len(candidates)), key=lambda k: (
        -logits[k], candidates[k].sentence.passage, candidates[k].sentence.number))


def _alike_words(vectors: WordVectors | None, query: Query, passages: list[tuple],
                 config: ComposerConfig) -> tuple[dict[str, dict[str, float]], np.ndarray]:
    """Words of like meaning in the ``similar_passages`` best passages, from one lookup: which
    of their words stand in for which question terms (cosine ``soft_min`` or more), and for
    every sentence of the retrieved passages how closely it meets the question's words (those
    with vectors) by meaning: the idf-weighted mean over them of 1 when the sentence has the
    word's term, else the best cosine of a word of the sentence with it (0 beyond those
    passages, and without vectors)."""
    n = sum(len(x[3]) for x in passages)
    if vectors is None or not query.words:
        return {}, np.zeros(n)
    terms = list(query.words)
    weights = np.array([query.weights[t] for t in terms])
    weights /= weights.sum()
    near = [(matched, others) for rank_, _, _, _, _, _, matched, others, _ in passages
            if rank_ < config.similar_passages]
    table, cos = vectors.compare(query.words, [o for _, others in near for o in others],
                                 config.soft_min)
    exact = np.array([[t in m for t in terms] for matched, _ in near for m in matched],
                     dtype=np.float64).reshape(len(cos), len(terms))
    out = np.zeros(n)
    out[: len(cos)] = np.maximum(cos, exact) @ weights
    return table, out


def _alike(table: dict[str, dict[str, float]], words: list[str], matched: set[str]
           ) -> dict[str, float]:
    """Question terms a sentence lacks but holds a word of like meaning for: term -> cosine."""
    out: dict[str, float] = {}
    for word in [w for w in words if w in table]:  # few words have a match: find them in C
        for t, sim in table[word].items():
            if t not in matched and sim > out.get(t, 0.0):
                out[t] = sim
    return out


def _terms_and_others(text: str, query: Query, others: bool,
                      term_of: Callable[[str], str | None] = term_of,
                      lower_words: Callable[[str], list[str]] = lower_words,
                      ) -> tuple[list[str], list[str], list[str]]:
    """A sentence's index terms in order; with ``others`` its content words (lower-cased,
    alphabetic, 3+ letters) that are not question terms: the ones that may stand in for a
    question word; and its words of 3+ characters (lower-cased), for ``meaning``."""
    words = lower_words(text)
    terms = list(map(term_of, words))
    found = [t for t in terms if t is not None]
    longer = [w for w in words if len(w) > 2]
    if not others:
        return found, [], longer
    return found, [w for w, t in zip(words, terms, strict=True)
                   if t is not None and t not in query.weights and len(w) >= 3 and w.isalpha()
                   ], longer


__all__ = ["rank", "second_rows"]
