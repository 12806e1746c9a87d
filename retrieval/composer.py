"""Answer composing: rank sentences inside the best passages, or abstain.

Every question term ``t`` gets a weight ``w(t)``: its idf when the corpus has it; when it does not,
the idf of a term seen once, times ``UNSEEN_FACTOR`` (times ``UNSEEN_NAME_FACTOR`` for a name, a
word capitalised mid-question, since a question about a name the corpus never mentions cannot be
answered from it). For a candidate sentence ``s`` in passage ``p``::

    cov(s)    = sum of w(t) for question terms in s / sum of w(t) for all question terms
    window(s) = the same over s and its neighbouring sentences in the passage
    score(s)  = A * cov(s) + B * window(s) + C * score(p) / best passage score + cue(s)

where ``cue`` rewards the kind of fact the question asks for (a year for "when", a number for
"how many", a name for "who"). qabot answers only when the best sentence's window covers at
least ``min_coverage`` of the question's weight: that is term coverage, not a score threshold,
so a question whose salient terms are not found together in the corpus is abstained.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# The analyzer's expression and word -> term map: ``_terms`` must equal the terms of ``tokens``.
from .analyzer import _TOKEN_RE, term_of, tokens
from .answer import NOT_FOUND, Answer, Quote, SourceRef
from .collection import Collection, Sentence, Source
from .index import TermIndex

UNSEEN_FACTOR = 0.6
UNSEEN_NAME_FACTOR = 3.0
A, B, C = 0.55, 0.30, 0.15
CUE_BONUS = 0.08


@dataclass(frozen=True, slots=True)
class ComposerConfig:
    """Tunable knobs of the composer (defaults tuned on the tune half of the question sets)."""

    min_coverage: float = 0.5
    max_sentences: int = 3
    follow_ratio: float = 0.8  # further sentences need this share of the best score
    duplicate_jaccard: float = 0.6
    related: int = 3


@dataclass(frozen=True, slots=True)
class Query:
    """The analysed question: its terms, their weights, and what kind of fact it asks for."""

    terms: tuple[str, ...]
    weights: dict[str, float]
    cue: str | None

    @property
    def total(self) -> float:
        return sum(self.weights.values())


_CUES = (
    ("when", re.compile(r"^\s*(when|what (year|date|day|month|time)|in (what|which) year)\b", re.I)),
    ("number", re.compile(r"\b(how (many|much|long|far|old)|what (number|percentage|share))\b",
                          re.I)),
    ("who", re.compile(r"^\s*(who|whom|whose)\b", re.I)),
    ("where", re.compile(r"^\s*(where|in (what|which) (country|city|region|place))\b", re.I)),
)
_YEAR_OR_DATE = re.compile(
    r"\b(1[5-9]\d\d|20\d\d|\d{1,2}(st|nd|rd|th)?|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|yesterday|today|century|decade|year)\b", re.I)
_NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|"
                     r"thousands?|millions?|billions?)\b", re.I)
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")
_PLACE = re.compile(r"\b(in|at|from|to|near)\s+[A-Z]")


def parse_query(question: str, index: TermIndex) -> Query:
    """Analyse ``question``: its salient terms with weights, and the question type."""
    weights: dict[str, float] = {}
    order: list[str] = []
    first_word = True
    for tok in tokens(question):
        word = question[tok.start : tok.end]
        is_name = not first_word and word[:1].isupper()
        first_word = False
        if tok.term is None or tok.term in weights:
            continue
        idf = index.idf(tok.term)
        if idf is None:
            factor = UNSEEN_NAME_FACTOR if is_name else UNSEEN_FACTOR
            idf = index.unseen_idf() * factor
        weights[tok.term] = idf
        order.append(tok.term)
    cue = next((name for name, rx in _CUES if rx.search(question)), None)
    return Query(tuple(order), weights, cue)


def _cue_matches(cue: str | None, text: str) -> bool:
    if cue == "when":
        return bool(_YEAR_OR_DATE.search(text))
    if cue == "number":
        return bool(_NUMBER.search(text))
    if cue == "who":
        return bool(_NAME.search(text))
    if cue == "where":
        return bool(_PLACE.search(text))
    return False


@dataclass(slots=True)
class _Candidate:
    sentence: Sentence
    terms: set[str]  # every index term of the sentence
    matched: set[str]
    window: set[str]
    score: float = 0.0


def compose(
    question: str,
    query: Query,
    hits: Sequence[tuple[int, float]],
    collection: Collection,
    config: ComposerConfig = ComposerConfig(),
) -> Answer:
    """Answer ``question`` from the retrieved passages ``hits`` (``(passage, score)``, best first)."""
    related = _related(hits, collection, config.related)
    if not query.terms or not hits or query.total <= 0:
        return _abstain(question, related)
    qset = set(query.terms)
    best_passage = hits[0][1] or 1.0
    candidates: list[_Candidate] = []
    for p, pscore in hits:
        sents = collection.sentences(p)
        terms = [_terms(s.text) for s in sents]
        matched = [ts & qset for ts in terms]
        for i, s in enumerate(sents):
            if not s.quotable or not matched[i]:
                continue
            window = set(matched[i])
            for j in (i - 1, i + 1):
                if 0 <= j < len(sents):
                    window |= matched[j]
            cov = _mass(matched[i], query)
            win = _mass(window, query)
            cue = CUE_BONUS if _cue_matches(query.cue, s.text) else 0.0
            score = A * cov + B * win + C * pscore / best_passage + cue
            candidates.append(_Candidate(s, terms[i], matched[i], window, score))
    if not candidates:
        return _abstain(question, related)
    candidates.sort(key=lambda c: (-c.score, c.sentence.passage, c.sentence.number))
    best = candidates[0]
    coverage = _mass(best.window, query)
    if coverage < config.min_coverage:
        return _abstain(question, related, coverage)

    chosen = [best]
    for c in candidates[1:]:
        if len(chosen) >= config.max_sentences or c.score < config.follow_ratio * best.score:
            break
        if any(_jaccard(c.terms, o.terms) >= config.duplicate_jaccard for o in chosen):
            continue
        chosen.append(c)

    sources: list[SourceRef] = []
    numbers: dict[str, int] = {}
    quotes = []
    for c in chosen:
        src = collection.source_of(c.sentence.passage)
        if src.id not in numbers:
            sources.append(_ref(src))
            numbers[src.id] = len(sources)
        quotes.append(
            Quote(
                text=c.sentence.text, source=src.id, title=src.title, score=round(c.score, 4),
                citation=numbers[src.id], passage=c.sentence.passage,
                highlights=[(t.start, t.end) for t in tokens(c.sentence.text) if t.term in qset],
            )
        )
    text = " ".join(f"“{q.text}” [{q.citation}]" for q in quotes)
    matched_terms = sorted(set().union(*(c.matched for c in chosen)))
    return Answer(
        question=question, answered=True, text=text, sentences=quotes, sources=sources,
        related=[], matched_terms=matched_terms, coverage=round(coverage, 4),
    )


def _mass(terms: set[str], query: Query) -> float:
    return sum(query.weights[t] for t in terms) / query.total


def _terms(text: str) -> set[str]:
    """The index terms of ``text``: ``{t.term for t in tokens(text)} - {None}``, without building
    a ``Token`` per word (the composer reads every sentence of the top passages)."""
    # Lower-casing ASCII text first changes no match (letters stay letters, lengths stay);
    # other text is lower-cased word by word, as ``tokens`` does.
    words = (_TOKEN_RE.findall(text.lower()) if text.isascii()
             else [w.lower() for w in _TOKEN_RE.findall(text)])
    out = set(map(term_of, words))
    out.discard(None)
    return out  # type: ignore[return-value]


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


def _abstain(question: str, related: list[SourceRef], coverage: float = 0.0) -> Answer:
    return Answer(
        question=question, answered=False, text=NOT_FOUND, related=related,
        coverage=round(coverage, 4),
    )
