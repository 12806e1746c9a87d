"""Answer composing: rank sentences inside the best passages, or abstain.

Every question term ``t`` gets a weight ``w(t)``: its idf when the corpus has it; when it does not,
the idf of a term seen once, times ``unseen_factor`` (``unseen_name_factor`` for a name, a
word capitalised mid-question, since a question about a name the corpus never mentions cannot be
answered from it). For a candidate sentence ``s`` in passage ``p``::

    cov(s)    = sum of w(t) for question terms in s / sum of w(t) for all question terms
    window(s) = the same over s and its neighbouring sentences in the passage
    score(s)  = a * cov(s) + b * window(s) + c * score(p) / best passage score + cue(s)

where ``cue`` rewards a sentence holding the kind of fact the question asks for and does not
already contain (a year for "when", a quantity for "how many", a name for "who"; ``cues.py``).

A question term the sentence lacks still counts when the sentence holds a word of like meaning
("help" ~ "assistance"; ``similarity.py``): it adds ``w(t) * cosine`` to the sums above when the
cosine reaches ``soft_min``. Such words are sought in the ``similar_passages`` best passages
(their words get vectors in one lookup; 4 or 8 passages did the same on the seeds and two
SQuAD questions better, at more cost per question), and only
sentences sharing a term with the question in their window are candidates. Names (capitalised
mid-question) never match that way: a question about Macron is not answered with a sentence
about Putin.

qabot answers only when the best sentence's window covers at least ``min_coverage`` of the
question's weight, holds at least ``min_known_share`` of the question's content terms that the
corpus has (both of them when there are two) and ``min_word_share`` of all its content words,
the corpus's or not ("What is the speed of light in a vacuum?" meets only "green light"): that
is term coverage, not a score threshold, so a question whose salient terms are not found
together in the corpus is abstained. A term met only by a word of like meaning counts as found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from .analyzer import lower_words, stem_term, term_of, term_set, tokens
from .answer import ELLIPSIS, NOT_FOUND, Answer, Quote, SourceRef
from .collection import Collection, Sentence, Source
from .cues import has_evidence, heads_definition, question_type
from .index import TermIndex
from .spelling import correct, rare_word


@dataclass(frozen=True, slots=True)
class ComposerConfig:
    """Tunable knobs of the composer (defaults tuned on the tune half of the question sets)."""

    a: float = 0.55  # weight of the sentence's own coverage
    b: float = 0.30  # weight of the window's coverage
    c: float = 0.15  # weight of the passage score
    cue_bonus: float = 0.08
    unseen_factor: float = 0.8
    unseen_name_factor: float = 3.0
    frame_factor: float = 0.3
    min_coverage: float = 0.33
    min_known_share: float = 0.5  # share of the question's known content terms the window needs
    pairs_need_both: bool = True  # a question with two known content terms needs both
    max_sentences: int = 3
    follow_ratio: float = 0.6  # further sentences need this share of the best score
    duplicate_jaccard: float = 0.6
    related: int = 3
    soft_min: float = 0.4  # the cosine at which a sentence word stands in for a question word
    similar_passages: int = 3  # words of like meaning are sought in this many best passages
    min_word_share: float = 0.5  # share of all its content words, known or not, likewise
    correct_spelling: bool = True  # read an unknown word as the corpus word one edit away
    # a question's specific words (rare or no English: "tmux", "conda") that the corpus has
    # must all be in the cited document; with names_in_document, its names too
    specific_in_document: bool = True
    names_in_document: bool = True
    # question types whose answer must show the evidence they ask for (a date for "when", a
    # quantity for "how many")
    evidence_needed: frozenset[str] = frozenset({"when", "number"})



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

def parse_query(
    question: str, index: TermIndex, config: ComposerConfig = ComposerConfig()
) -> Query:
    """Analyse ``question``: its salient terms with weights, and the question type. A word the
    corpus lacks that looks like a typo of one it has is read as that word (``spelling.py``)."""
    weights: dict[str, float] = {}
    order: list[str] = []
    words: dict[str, str] = {}
    unseen: set[str] = set()
    framing: set[str] = set()
    read_as: dict[str, str] = {}
    specific: set[str] = set()
    first_word = True
    for tok in tokens(question):
        word = question[tok.start : tok.end]
        is_name = not first_word and word[:1].isupper()
        first_word = False
        term = tok.term
        if term is None or term in weights:
            continue
        idf = index.idf(term)
        frame = word.lower() in FRAME_WORDS
        if idf is None and not frame and not is_name and config.correct_spelling:
            # the ~440 candidate spellings are stemmed uncached: they would only crowd the cache
            fixed = correct(word.lower(), stem_term, index.document_frequency)
            if fixed is not None and fixed[1] not in weights:
                read_as[word] = fixed[0]
                (word, term), idf = fixed, index.idf(fixed[1])
        if idf is None:
            if frame:  # an unknown word that only frames the question tells nothing
                continue
            factor = config.unseen_name_factor if is_name else config.unseen_factor
            idf = index.unseen_idf() * factor
            unseen.add(term)
        elif frame:
            idf *= config.frame_factor
            framing.add(term)
        weights[term] = idf
        order.append(term)
        if not is_name and not frame and word.isalpha() and len(word) >= 3:
            words[term] = word.lower()
        if not frame and ((is_name and config.names_in_document) or (not is_name
                                                                     and _specific(word))):
            specific.add(term)
    order = [t for t in order if t in weights]
    known = frozenset(t for t in order if t not in unseen and t not in framing)
    return Query(tuple(order), weights, question_type(question), known, words, frozenset(unseen),
                 read_as, frozenset(specific))


def _specific(word: str) -> bool:
    """A word of 3+ letters that is rare in English or no English word ("tmux", "conda",
    "libtasn1"): what a question is about, which its answer's document must hold. (Names are
    left to the weight an unseen name gets: one spelled two ways, "Pashinyan" / "Pashinian",
    is no sign that a question is about something else.)"""
    lower = word.lower()
    return (len(lower) >= 3 and any(c.isalpha() for c in lower) and lower.isascii()
            and rare_word(lower))


# (question term -> word, candidate words, min cosine) -> {word: {term: cosine}}
# (``WordVectors.matches``)
Similar = Callable[[Mapping[str, str], list[str], float], dict[str, dict[str, float]]]


@dataclass(slots=True)
class _Candidate:
    sentence: Sentence
    terms: set[str]  # every index term of the sentence
    matched: set[str]
    window: set[str]
    window_similar: dict[str, float]  # terms the window meets only by a similar word
    score: float = 0.0


def compose(
    question: str,
    query: Query,
    hits: Sequence[tuple[int, float]],
    collection: Collection,
    config: ComposerConfig = ComposerConfig(),
    similar: Similar | None = None,
    index: TermIndex | None = None,
) -> Answer:
    """Answer ``question`` from the retrieved passages ``hits`` ((passage, score), best first);
    ``similar`` finds words of like meaning (``WordVectors.matches``), ``None`` for none;
    ``index`` tells which documents hold the question's specific words (``None``: not checked)."""
    related = _related(hits, collection, config.related)
    if not query.terms or not hits or query.total <= 0:
        return _abstain(question, query, related)
    qset = set(query.terms)
    best_passage = hits[0][1] or 1.0
    seek_alike = similar is not None and bool(query.words)
    passages = []
    for rank, (p, pscore) in enumerate(hits):
        sents = collection.sentences(p)
        # each sentence's terms, and (in the best passages) its words that may stand in for one
        terms: list[set[str]]
        others: list[list[str]]
        if seek_alike and rank < config.similar_passages:
            parts = [_terms_and_others(s.text, query) for s in sents]
            terms, others = [ts for ts, _ in parts], [ws for _, ws in parts]
        else:
            terms, others = [term_set(s.text) for s in sents], [[] for _ in sents]
        matched = [ts & qset for ts in terms]
        passages.append((pscore, sents, terms, matched, others))
    table = _similar_table(similar, query, passages, config)
    candidates: list[_Candidate] = []
    for pscore, sents, terms, matched, others in passages:
        alike = ([_alike(table, o, m) for o, m in zip(others, matched, strict=True)]
                 if table else [{}] * len(sents))
        leads = lead_ins(sents)
        for i, s in enumerate(sents):
            if not s.quotable:
                continue
            window = set(matched[i])
            window_alike = dict(alike[i])
            for j in {i - 1, i + 1, leads.get(i, -1)}:  # a list item's lead-in is near it
                if 0 <= j < len(sents):
                    window |= matched[j]
                    for t, sim in alike[j].items():
                        window_alike[t] = max(sim, window_alike.get(t, 0.0))
            if not window:  # a sentence must share a term with the question, near it at least
                continue
            for t in window:
                window_alike.pop(t, None)
            # under a heading (a glossary's term) that is just what "what is X?" asks about,
            # a sentence defines X: the heading's words are its own
            defined = (query.cue == "what_is" and s.first and i > 0 and not sents[i - 1].quotable
                       and heads_definition(sents[i - 1].text, question))
            own = matched[i] | matched[i - 1] if defined else matched[i]
            cov = _mass(own, query, alike[i])
            win = _mass(window, query, window_alike)
            cue = config.cue_bonus if defined or has_evidence(query.cue, s.text, question) else 0.0
            score = config.a * cov + config.b * win + config.c * pscore / best_passage + cue
            candidates.append(_Candidate(s, terms[i], matched[i], window, window_alike, score))
    if not candidates:
        return _abstain(question, query, related)
    candidates.sort(key=lambda c: (-c.score, c.sentence.passage, c.sentence.number))
    best = candidates[0]
    lists = {p: items_after(collection.sentences(p)) for p in {c.sentence.passage
                                                               for c in candidates[:12]}}
    coverage = _mass(best.window, query, best.window_similar)
    met = best.window | best.window_similar.keys()  # exactly or by a word of like meaning
    found = len(met & query.known)
    known_share = found / len(query.known) if query.known else 1.0
    pair_missing = len(query.known) == 2 and found < 2 and config.pairs_need_both
    content = query.known | query.unseen
    word_share = len(met & content) / len(content) if content else 1.0
    if (coverage < config.min_coverage or known_share < config.min_known_share or pair_missing
            or word_share < config.min_word_share
            or not _specific_met(query, best.sentence.passage, collection, config, index)
            or (query.cue in config.evidence_needed and not has_evidence(
                query.cue, _quote_text(best.sentence, collection, lists), question))):
        return _abstain(question, query, related, coverage)

    chosen = [best]
    for c in candidates[1:]:
        if len(chosen) >= config.max_sentences or c.score < config.follow_ratio * best.score:
            break
        if any(_jaccard(c.terms, o.terms) >= config.duplicate_jaccard for o in chosen):
            continue
        if any(c.sentence.number in lists[o.sentence.passage].get(o.sentence.number, ())
               for o in chosen if o.sentence.passage == c.sentence.passage):
            continue  # an item of a list already quoted with its lead-in
        chosen.append(c)

    sources: list[SourceRef] = []
    numbers: dict[str, int] = {}
    quotes = []
    for c in chosen:
        src = collection.source_of(c.sentence.passage)
        if src.id not in numbers:
            sources.append(_ref(src))
            numbers[src.id] = len(sources)
        p = c.sentence.passage
        first, sep, rest = _quote_text(c.sentence, collection, lists).partition("\n")
        first = bounded(first, _highlights(first, qset, table, c.window_similar))[0]
        text = first + sep + rest  # a list after its lead-in is bounded by its own limits
        marks = _highlights(text, qset, table, c.window_similar)
        quotes.append(
            Quote(
                text=text, source=src.id, title=src.title, score=round(c.score, 4),
                citation=numbers[src.id], passage=p, highlights=marks,
                section=collection.section_of(p), page=collection.page_of(p),
            )
        )
    text = " ".join(f"“{q.text}” [{q.citation}]" for q in quotes)
    matched_terms = sorted(set().union(*(c.matched for c in chosen)))
    return Answer(
        question=question, answered=True, text=text, sentences=quotes, sources=sources,
        related=[], matched_terms=matched_terms, coverage=round(coverage, 4),
        read_as=dict(query.read_as),
    )


# A quote longer than this is shortened to about ``QUOTE_KEEP_CHARS`` around the words that met
# the question, with an ellipsis where it was cut (a sentence of a table dump or a page flattened
# without punctuation can run to megabytes).
MAX_QUOTE_CHARS = 500
QUOTE_KEEP_CHARS = 300


def bounded(text: str, highlights: list[tuple[int, int]]
            ) -> tuple[str, list[tuple[int, int]]]:
    """``text`` and its highlight spans, shortened when longer than ``MAX_QUOTE_CHARS``: the
    ``QUOTE_KEEP_CHARS`` window (cut at spaces) holding the most highlights, ellipses marking
    the cuts, the spans moved to match."""
    if len(text) <= MAX_QUOTE_CHARS:
        return text, highlights
    starts = [a for a, _ in highlights] or [0]
    best, most = 0, -1
    for a in starts:  # the window opening a little before each highlight
        lo = max(0, a - QUOTE_KEEP_CHARS // 4)
        n = sum(lo <= x and y <= lo + QUOTE_KEEP_CHARS for x, y in highlights)
        if n > most:
            best, most = lo, n
    lo, hi = best, min(len(text), best + QUOTE_KEEP_CHARS)
    if lo > 0:  # cut at the space after lo, the one before hi
        space = text.find(" ", lo, hi)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", lo, hi)
        hi = space if space > lo else hi
    head = ELLIPSIS if lo > 0 else ""
    tail = ELLIPSIS if hi < len(text) else ""
    shift = len(head) - lo
    marks = [(a + shift, b + shift) for a, b in highlights if lo <= a and b <= hi]
    return head + text[lo:hi] + tail, marks


# A sentence that opens by pointing back at the one before it says more of the same thing
# ("This can be done by passing -i before the script."): it is quoted with it.
_POINTS_BACK = re.compile(r"^(?:This|That|These|Those|Such|Doing so|To do (?:so|this|that)"
                          r"|In (?:this|that) case)\b")


def _follow_up(sents: Sequence[Sentence], number: int) -> str | None:
    """The sentence after ``number`` in its line when it points back at it, else ``None``."""
    nxt = sents[number + 1] if number + 1 < len(sents) else None
    if nxt is None or nxt.first or not _POINTS_BACK.match(nxt.text):
        return None
    return nxt.text


_MARKER_FORMS = ((re.compile(r"^\d+(?:\.\d+)*[.)]\s"), "1."),
                 (re.compile(r"^\(?[a-z][.)]\s"), "a)"), (re.compile(r"^\(?[A-Z][.)]\s"), "A)"),
                 (re.compile(r"^\(?[ivx]+[.)]\s"), "i)"))


def _marker(text: str) -> str | None:
    """The form of the enumerator opening a list item ("1.", "a)"), or ``None``."""
    return next((form for rx, form in _MARKER_FORMS if rx.match(text)), None)


def _quote_text(sentence: Sentence, collection: Collection,
                lists: Mapping[int, Mapping[int, tuple[int, ...]]]) -> str:
    """What is quoted for a chosen sentence: it, with the list it leads in to (an item a line,
    after ``BULLET``) or the sentence after it that points back at it."""
    sents = collection.sentences(sentence.passage)
    items = lists.get(sentence.passage, {}).get(sentence.number, ())
    if items:
        return "\n".join([sentence.text, *(BULLET + sents[k].text for k in items)])
    after = _follow_up(sents, sentence.number)
    return f"{sentence.text} {after}" if after else sentence.text


BULLET = "• "
MAX_LIST_ITEMS = 10
MAX_LIST_CHARS = 900


def lead_ins(sents: Sequence[Sentence]) -> dict[int, int]:
    """For each sentence of a list item, the sentence that leads in to its list ("... these
    locations:", or the heading it comes under), when there is one: item number -> lead-in
    number."""
    out: dict[int, int] = {}
    lead = -1
    for i, s in enumerate(sents):
        if s.text.rstrip().endswith(":"):  # a lead-in, an item's too ("4. ... conditions:")
            lead = i
        elif not s.item:  # a heading (never quoted) that a list comes under, or prose
            lead = i if not s.quotable else -1
        elif lead >= 0:
            out[i] = lead
    return out


def items_after(sents: Sequence[Sentence]) -> dict[int, tuple[int, ...]]:
    """For each lead-in sentence, the first sentence of each list item after it (at most
    ``MAX_LIST_ITEMS`` items and ``MAX_LIST_CHARS`` characters): lead-in number -> numbers."""
    out: dict[int, list[int]] = {}
    ended: set[int] = set()
    for item, lead in lead_ins(sents).items():
        got = out.setdefault(lead, [])
        marker = _marker(sents[item].text)
        opening = next(k for k in range(lead, -1, -1) if sents[k].first or k == 0)
        if lead in ended or (sents[lead].item and marker
                             and marker == _marker(sents[opening].text)):
            ended.add(lead)  # "3." after the items of "2. ... conditions:" is no item of it
            continue
        if (sents[item].first and len(got) < MAX_LIST_ITEMS
                and sum(len(sents[k].text) for k in got) + len(sents[item].text) <= MAX_LIST_CHARS):
            got.append(item)
    return {lead: tuple(items) for lead, items in out.items() if items}


def _specific_met(query: Query, passage: int, collection: Collection, config: ComposerConfig,
                  index: TermIndex | None) -> bool:
    """Whether the document of ``passage`` names every specific word of the question (none of
    which the corpus may lack)."""
    if not query.specific or index is None or not config.specific_in_document:
        return True
    lo, hi = collection.passage_range(int(collection.passage_doc[passage]))
    return all(index.holds_any(t, lo, hi) for t in query.specific - query.unseen)


def _mass(terms: set[str], query: Query, alike: Mapping[str, float]) -> float:
    """The share of the question's weight that ``terms`` (exact) and ``alike`` (term -> cosine
    of a similar word, for terms not in ``terms``) cover."""
    exact = sum(query.weights[t] for t in terms)
    return (exact + sum(query.weights[t] * sim for t, sim in alike.items())) / query.total


def _similar_table(
    similar: Similar | None,
    query: Query,
    passages: list[tuple[float, list[Sentence], list[set[str]], list[set[str]], list[list[str]]]],
    config: ComposerConfig,
) -> dict[str, dict[str, float]]:
    """Which words of the retrieved passages stand in for which question terms (one lookup)."""
    pool = [w for *_, others in passages for words in others for w in words]
    if similar is None or not pool:
        return {}
    return similar(query.words, pool, config.soft_min)


def _alike(table: dict[str, dict[str, float]], words: list[str], matched: set[str]
           ) -> dict[str, float]:
    """Question terms a sentence lacks but holds a word of like meaning for: term -> cosine."""
    out: dict[str, float] = {}
    for word in [w for w in words if w in table]:  # few words have a match: find them in C
        for t, sim in table[word].items():
            if t not in matched and sim > out.get(t, 0.0):
                out[t] = sim
    return out


def _terms_and_others(text: str, query: Query) -> tuple[set[str], list[str]]:
    """A sentence's index terms (``term_set``), and its content words (lower-cased, alphabetic,
    3+ letters) that are not question terms: the ones that may stand in for a question word."""
    words = lower_words(text)
    terms = list(map(term_of, words))
    others = [w for w, t in zip(words, terms, strict=True)
              if t is not None and t not in query.weights and len(w) >= 3 and w.isalpha()]
    found = set(terms)
    found.discard(None)
    return found, others  # type: ignore[return-value]


def _highlights(
    text: str, qset: set[str], table: dict[str, dict[str, float]], alike: Mapping[str, float]
) -> list[tuple[int, int]]:
    """Spans of the words that met the question: its terms, and words of like meaning that
    stood in for a term the sentence's window lacks."""
    out = []
    for t in tokens(text):
        stands_in = (t.term is not None and bool(alike)
                     and bool(table.get(text[t.start : t.end].lower(), {}).keys() & alike.keys()))
        if t.term in qset or stands_in:
            out.append((t.start, t.end))
    return out


def _jaccard(sa: set[str], sb: set[str]) -> float:
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def _ref(src: Source) -> SourceRef:
    return SourceRef(
        id=src.id, title=src.title, url=src.url, publisher=src.publisher, published=src.published
    )


def _related(hits: Sequence[tuple[int, float]], collection: Collection, n: int) -> list[SourceRef]:
    out: list[SourceRef] = []
    seen: set[str] = set()
    for p, _ in hits:
        src = collection.source_of(p)
        if src.id not in seen:
            seen.add(src.id)
            out.append(_ref(src))
        if len(out) >= n:
            break
    return out


def _abstain(
    question: str, query: Query, related: list[SourceRef], coverage: float = 0.0
) -> Answer:
    return Answer(
        question=question, answered=False, text=NOT_FOUND, related=related,
        coverage=round(coverage, 4), read_as=dict(query.read_as),
    )
