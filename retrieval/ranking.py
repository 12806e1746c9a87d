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
that is just X to define X.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .analyzer import Token, analyzer, lower_words, term_of, tokens
from .collection import Collection, Sentence
from .cues import bare, dated_heading, has_evidence, signature, verbless
from .definitions import (
    defines_subject,
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
from .query import DEFAULT_CONFIG, ComposerConfig, Query
from .quotes import (
    bounded,
    follow_up,
    items_after,
    lead_ins,
    leads_in,
    outside_code,
    quote_text,
)
from .rerank import NONE as NO_RERANK
from .rerank import Rerank, heading_meets, own_heading
from .rerank import bundled as bundled_rerank
from .selection import MEANING_DIM, Selector, sigmoid
from .selection import bundled as bundled_selector
from .similarity import WordForms, WordVectors
from .units import asked_units, may_state, states_unit


@dataclass(slots=True)
class Candidate:
    """A sentence that may answer, what it holds of the question, and its ranker score."""

    sentence: Sentence
    terms: set[str]  # every index term of the sentence
    matched: set[str]
    window: set[str]
    window_similar: dict[str, float]  # terms the window meets only by a similar word
    features: list[float]  # ``selection.FEATURES``
    meaning: np.ndarray = field(default_factory=lambda: np.zeros(MEANING_DIM))
    score: float = 0.0  # the ranker's probability that it holds the answer
    # how closely the heading it sits under meets the question (``rerank.heading_meets``)
    heading: float = 0.0


@dataclass(frozen=True, slots=True)
class Ranking:
    """The candidates of one question, best first, and how sure the selector is of the best."""

    candidates: list[Candidate]
    logits: np.ndarray
    confidence: float
    table: dict[str, dict[str, float]]  # words of like meaning found (``_alike_words``)
    sents_of: dict[int, list[Sentence]]  # each retrieved passage's sentences
    top_score: float  # the best passage's score
    lists: dict[int, dict[int, tuple[int, ...]]] = field(default_factory=dict)
    langs: dict[int, str] = field(default_factory=dict)  # each retrieved passage's language
    # the list items the passage after a passage opens with (``None``: not looked for)
    following: Callable[[int], list[Sentence]] | None = None
    read: dict[int, list[Sentence]] = field(default_factory=dict)

    def items_of(self, p: int) -> dict[int, tuple[int, ...]]:
        """The lists of passage ``p`` (lead-in -> items), worked out once."""
        if p not in self.lists:
            self.lists[p] = items_after(self.quoted_from(p))
        return self.lists[p]

    def quoted_from(self, p: int) -> list[Sentence]:
        """The sentences quotes of passage ``p`` are made of: its own, then, when it ends in a
        list or a lead-in, the items the next passage of its document opens with (a long
        list is cut into passages as any text is)."""
        if p not in self.read:
            sents = self.sents_of[p]
            ends_listing = bool(sents) and (sents[-1].item or leads_in(sents[-1]))
            more = self.following(p) if self.following and ends_listing else []
            self.read[p] = [*sents, *more]
        return self.read[p]

    def follows(self, s: Sentence) -> tuple[int, ...]:
        """The sentences quoted after ``s`` (``quotes.follow_up``; numbers into
        ``quoted_from``)."""
        return follow_up(self.quoted_from(s.passage), s.number, self.lang_of(s.passage))

    def full_text(self, s: Sentence) -> str:
        """What is quoted for ``s`` before bounding: it, with its list or follow-up."""
        return quote_text(s, self.quoted_from(s.passage), self.items_of(s.passage),
                          self.lang_of(s.passage))

    def lang_of(self, p: int) -> str:
        """The language passage ``p`` is read in."""
        return self.langs.get(p, ENGLISH)

    def quote(self, c: Candidate, qset: set[str]) -> tuple[str, list[tuple[int, int]]]:
        """What is quoted for candidate ``c`` (bounded), and the spans of the words in it that
        met the question (terms in ``qset``, or words of like meaning)."""
        first, sep, rest = self.full_text(c.sentence).partition("\n")
        tokens = analyzer(self.langs.get(c.sentence.passage)).tokens
        first = bounded(first, _highlights(first, qset, self.table, c.window_similar, tokens))[0]
        text = first + sep + rest  # a list after its lead-in is bounded by its own limits
        return text, outside_code(text, _highlights(text, qset, self.table, c.window_similar,
                                                    tokens))


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
    qset = set(query.terms)
    best_passage = hits[0][1] or 1.0
    seek_alike = vectors is not None and bool(query.words)
    passages = []
    sents_of: dict[int, list[Sentence]] = {}  # each retrieved passage's sentences, read once
    words_of: dict[tuple[int, int], list[str]] = {}  # (passage, sentence) -> words of 3+ letters
    langs: dict[int, str] = {}  # each retrieved passage's language
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
        context = _context(p, collection, qset, config, reading.term_set)
        passages.append((rank_, p, pscore, sents, terms, sets, matched, others, context))
    table, aligned = _alike_words(vectors, query, passages, config)
    candidates: list[Candidate] = []
    specific: dict[int, bool] = {}
    titled: dict[int, frozenset[str]] = {}  # the question terms each document's title holds
    asked_subject = (analyzer(query.lang).term_set(" ".join(subject(question))) & qset
                     if query.cue == "what_is" else set())
    itself: set[tuple[int, int]] = set()  # "This package is ..." in a document X titles
    at = 0  # the first sentence of the passage in ``aligned``
    for rank_, p, pscore, sents, terms, sets, matched, others, context in passages:
        first_at, at = at, at + len(sents)
        alike = ([_alike(table, o, m) for o, m in zip(others, matched, strict=True)]
                 if table else [{}] * len(sents))
        leads = lead_ins(sents)
        leading = set(leads.values())
        heads = _item_heads(sents)
        doc = int(collection.passage_doc[p])
        if doc not in titled:
            titled[doc] = frozenset(
                analyzer(langs[p]).term_set(collection.sources[doc].title) & qset)
        opening = _opening(p, sents, collection)
        for i, s in enumerate(sents):
            # a heading saying what "what is X?" asks ("Cachegrind: a cache and ... profiler")
            # or dating what "when ...?" asks ("Version 1.95 (2026-04-16)")
            says = not s.quotable and not s.item and (
                (bool(asked_subject) and defining_heading(s.text, question))
                or (query.cue == "when" and bool(matched[i]) and dated_heading(s.text, question)))
            if not says and (not s.quotable or signature(s.text)):
                continue  # a signature line names what its item is about, it answers nothing
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
            h = _heading_above(sents, i) if query.cue == "what_is" and s.first else -1
            defined = says or (h >= 0 and heads_definition(sents[h].text, question,
                                                             collection.sources[doc].title))
            own = matched[i] | matched[h] if defined else matched[i]
            if (asked_subject and (describes_itself(s.text)
                                   or (i in opening[0] and names_a_kind(s.text)))
                    and len(asked_subject) <= 2 * len(asked_subject & titled[doc])):
                itself.add((p, i))
            if doc not in specific:
                specific[doc] = _specific_met(query, p, collection, config, index)
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
    if not candidates:
        return None
    meant = meaning(vectors, question, [words_of[c.sentence.passage, c.sentence.number]
                                        for c in candidates])
    for c, m in zip(candidates, meant, strict=True):
        c.meaning = m
    logits = selector.rank(np.hstack([np.array([c.features for c in candidates]), meant]))
    order = _order(candidates, logits)
    confidence = selector.confidence(np.asarray(candidates[order[0]].features), logits[order],
                                     hits[0][1], collection.n_passages)
    if query.lang == ENGLISH and vectors is not None and not isinstance(vectors, WordForms):
        # the second stage: the heading each candidate sits under, met by meaning
        headings = {p: own_heading(collection.section_of(p)) for p in sents_of}
        distinct = list(dict.fromkeys(headings.values()))  # passages of a section share one
        met = dict(zip(distinct, heading_meets(vectors, query.words, query.weights, distinct,
                                               analyzer(ENGLISH).term_set, lower_words),
                       strict=True))
        for c in candidates:
            c.heading = float(met[headings[c.sentence.passage]])
        second = rerank or bundled_rerank()
        if second is not NO_RERANK:
            logits = second.adjust(logits, np.array([[c.heading] for c in candidates]))
            order = _order(candidates, logits)
    ranked = [candidates[k] for k in order]
    logits = logits[order]
    for c, prob in zip(ranked, sigmoid(logits).tolist(), strict=True):
        c.score = prob
    if query.cue in ("what_is", "define") and config.definition_first:
        logits = _to_front(ranked, logits,
                           _definition_first(question, ranked, config.definition_first, itself))
    logits = _to_front(ranked, logits, _code_first(question, ranked, config.definition_first))
    if query.lang == ENGLISH:
        logits = _to_front(ranked, logits, _unit_first(question, ranked, config.unit_first))
    return Ranking(ranked, logits, confidence, table, sents_of, hits[0][1], langs=langs,
                   following=lambda p: _opening_items(collection, p))


def _order(candidates: Sequence[Candidate], logits: np.ndarray) -> list[int]:
    """The candidates' places, best ``logits`` first (ties: in the text's order)."""
    return sorted(range(len(candidates)), key=lambda k: (
        -logits[k], candidates[k].sentence.passage, candidates[k].sentence.number))


def _to_front(ranked: list[Candidate], logits: np.ndarray, k: int) -> np.ndarray:
    """Candidate ``k`` moved first in ``ranked`` (in place), and its logit with it."""
    if k == 0:
        return logits
    ranked.insert(0, ranked.pop(k))
    return np.concatenate([logits[k:k + 1], logits[:k], logits[k + 1:]])


# a word of letters and digits: a model's or a part's number ("X300", "A320"), a name with its
# version ("boto3"); the tokens read it as its letters and its number apart
_CODE_RE = re.compile(r"(?<![\w.])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{2,}(?![\w])")


def _code_first(question: str, ranked: Sequence[Candidate], among: int) -> int:
    """Which candidate comes first when the question names a word of letters and digits
    ("How much does the X300 weigh?") that the best lacks while holding its number on its own
    ("The X400 ... costs 300 euros", where "300" met the question's; a number of two digits or
    more: a model's, not the "2" of "oauth2client"): the first of the ``among`` best that holds
    every such word, or else the best (0)."""
    codes = _CODE_RE.findall(question)
    if not codes:
        return 0
    best = ranked[0].sentence.text
    missing = [c for c in codes if not _holds_code(best, c)]
    if not any(re.search(rf"(?<![\w.,]){n}(?![\d])", best)
               for c in missing for n in re.findall(r"\d{2,}", c)):
        return 0
    return _first_among(ranked, among,
                        lambda c: all(_holds_code(c.sentence.text, code) for code in missing))


def _unit_first(question: str, ranked: Sequence[Candidate], among: int) -> int:
    """Which candidate comes first when the question asks for a kind of quantity (money, an
    age, an area, ...: ``units.asked_units``) that the best does not state (nor may state in
    its own way, ``units.may_state``): the first of the ``among`` best that states one, or else
    the best (0)."""
    kinds = asked_units(question)
    best = ranked[0].sentence.text
    if not kinds or states_unit(kinds, best, question) or may_state(question, best):
        return 0
    return _first_among(ranked, among, lambda c: states_unit(kinds, c.sentence.text, question))


def _holds_code(text: str, code: str) -> bool:
    return re.search(rf"(?<![A-Za-z\d]){re.escape(code)}(?![A-Za-z\d])", text, re.I) is not None


def _definition_first(question: str, ranked: Sequence[Candidate], among: int,
                      itself: set[tuple[int, int]]) -> int:
    """Which candidate comes first: the first of the ``among`` best that says what the X of
    "what is X?" is ("libxcrypt is a modern library for ..."; in a document whose title names
    most of X, "This package is ...": ``itself``, (passage, number)s), or else the best (0)."""
    return _first_among(ranked, among, lambda c: defines_subject(question, c.sentence.text)
                        or (c.sentence.passage, c.sentence.number) in itself)


def _first_among(ranked: Sequence[Candidate], among: int,
                 wanted: Callable[[Candidate], bool]) -> int:
    """The place of the first of the ``among`` best candidates that is ``wanted``, else 0 (the
    best stays first): what ``_definition_first``, ``_code_first`` and ``_unit_first`` move."""
    return next((k for k, c in enumerate(ranked[:among]) if wanted(c)), 0)


def _opening_items(collection: Collection, p: int) -> list[Sentence]:
    """The list items that open the passage after ``p`` in its document."""
    nxt = p + 1
    if nxt >= collection.n_passages or collection.passage_doc[nxt] != collection.passage_doc[p]:
        return []
    sents = collection.sentences(nxt)
    k = 0
    while k < len(sents) and sents[k].item:
        k += 1
    return sents[:k]


def _item_heads(sents: Sequence[Sentence]) -> dict[int, int]:
    """For each later sentence of a list item, the item's first sentence: number -> number."""
    out: dict[int, int] = {}
    head = -1
    for i, s in enumerate(sents):
        if s.first or not s.item:
            head = i if s.item else -1
        elif head >= 0:
            out[i] = head
    return out


def _opening(p: int, sents: Sequence[Sentence], collection: Collection
             ) -> tuple[tuple[int, ...], int]:
    """Which sentences of passage ``p`` open its document (of more than one passage), and which
    opens its section (the first quotable one of the first passage of either; -1 for none). A
    document opening on an English caption (``cues.verbless``: a figure's caption before the
    text, "Diaphragm pump schematic.") opens with it and with its first sentence stating
    something ("A diaphragm pump ... is a positive displacement pump ..."). A line of fewer
    than two words (a memo's "2020-07-23" under its title, ``cues.bare``) opens no document."""
    first = next((i for i, s in enumerate(sents) if s.quotable), -1)
    lo, hi = collection.passage_range(int(collection.passage_doc[p]))
    starts_section = p == lo or collection.passage_section[p] != collection.passage_section[p - 1]
    # a document of one passage (a paragraph, a note) has no lead apart from its text: there
    # the first sentence is any paragraph's first (``first``)
    leads: tuple[int, ...] = ()
    lead = next((i for i, s in enumerate(sents) if s.quotable and not bare(s.text)), -1)
    if p == lo and hi - lo > 1 and lead >= 0:
        leads = (lead,)
        if collection.lang_of(p) == ENGLISH and verbless(sents[lead].text):
            stating = next((i for i, s in enumerate(sents)
                            if i > lead and s.quotable and not verbless(s.text)), -1)
            leads += (stating,) if stating >= 0 else ()
    return leads, (first if starts_section else -1)


def _heading_above(sents: Sequence[Sentence], i: int) -> int:
    """The heading sentence ``i`` opens the text under (past signature lines: a name's type),
    or -1."""
    j = i - 1
    while j >= 0 and (sents[j].quotable or sents[j].item) and bare(sents[j].text):
        j -= 1
    return j if j >= 0 and not sents[j].quotable else -1


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


def _specific_met(query: Query, passage: int, collection: Collection, config: ComposerConfig,
                  index: TermIndex | None) -> bool:
    """Whether the document of ``passage`` names every specific word of the question (none of
    which the corpus may lack)."""
    if not query.specific or index is None or not config.specific_in_document:
        return True
    doc = int(collection.passage_doc[passage])
    if config.specific_only_sectioned and not collection.sectioned(doc):
        return True
    lo, hi = collection.passage_range(doc)
    unmet = [t for t in query.specific - query.unseen if not index.holds_any(t, lo, hi)]
    return not unmet or not set(unmet) - document_names(collection, doc, query.lang)


_NAME_PARTS = re.compile(r"[-_./\\]+")


def document_names(collection: Collection, doc: int, lang: str) -> set[str]:
    """The terms of a document's id, its file's name and folders ("libcst-parser-conversions",
    "alsa-asoundrc"): what it is about, named where its text never does (LibCST's notes say
    "our parser"), read as the question's language ``lang`` reads words."""
    return analyzer(lang).term_set(_NAME_PARTS.sub(" ", collection.sources[doc].id))


def _context(p: int, collection: Collection, qset: set[str], config: ComposerConfig,
             term_set: Callable[[str], set[str]]) -> set[str]:
    """The question terms that the headings passage ``p`` sits under (and, in a document with
    sections, its title) hold, read by ``term_set`` (the passage's language's): "How do I
    install X?" is answered under "X › Installation"."""
    section = collection.section_of(p)
    if section == "" and not config.own_heading_context:
        section = None
    if section is None or not config.section_context:
        if config.title_context:
            return term_set(collection.source_of(p).title) & qset
        return set()
    return term_set(f"{collection.source_of(p).title} {section}") & qset


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


def _highlights(
    text: str, qset: set[str], table: dict[str, dict[str, float]], alike: Mapping[str, float],
    tokens: Callable[[str], Iterator[Token]] = tokens,
) -> list[tuple[int, int]]:
    """Spans of the words that met the question: its terms, and words of like meaning that
    stood in for a term the sentence's window lacks. Overlapping bigrams of an unspaced script
    ("临江", "江大", "大桥") make one span ("临江大桥")."""
    out: list[tuple[int, int]] = []
    for t in tokens(text):
        stands_in = (t.term is not None and bool(alike)
                     and bool(table.get(text[t.start : t.end].lower(), {}).keys() & alike.keys()))
        if t.term in qset or stands_in:
            if out and t.start < out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], t.end))
            else:
                out.append((t.start, t.end))
    return out


__all__ = ["Candidate", "Ranking", "rank"]
