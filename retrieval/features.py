"""The features of a candidate sentence (``selection.FEATURES``), from plain values.

The composer gathers, for each candidate, what it measured (which question terms the sentence and
its window hold, the passage's rank and score, ...) in a ``Measured``; ``row`` turns it into the
ranker's feature row. Pure functions: the same inputs, the same row, at training and at run time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .analyzer import lower_words, term_of
from .cues import bare, counts, has_code, states_default
from .query import Query
from .questiontypes import asks_default, asks_yes_no, counted
from .selection import FEATURES

_COPULA = re.compile(r"\b(?:is|are|was|were)\s+(?:an?|the|one)\b", re.I)
_CAUSE = re.compile(r"\b(?:because|due to|as a result|caused by|owing to|results? (?:from|in)|"
                    r"leads? to|so that|in order to|thanks to|sparked by|triggered by|"
                    r"blamed on|attributed to)\b", re.I)
_DEFAULT_OF_WHAT_IS_ASKED = 0.5  # share of the question's weight a stated default's window meets
_HOW = re.compile(r"^\s*how\b", re.I)
# what a question asks the default of: the word after "default" ("the default timeout for
# urllib3": "timeout", which a sentence stating the default SSL certificates lacks), past a
# "value/setting of the"
_DEFAULT_OF = re.compile(r"\bdefaults?\s+(?:(?:values?|settings?|options?)\s+(?:of|for)\s+"
                         r"(?:the\s+|an?\s+)?)?([^\W_][\w.+-]*)", re.I)
# ... or, with nothing after "default", the noun a "what / which" question opens on ("what
# font does IDLE use by default?": "font", which "By default, IDLE executes user code ..." lacks)
_ASKED_NOUN = re.compile(r"^\s*(?:what|which)\s+([^\W\d_][\w-]*)", re.I)
# "why", and a question for what caused something ("What started the wildfire?")
_WHY = re.compile(r"^\s*(?:why\b|what\s+(?:caused|causes|started|starts|triggered|triggers|"
                  r"sparked|sparks|led\s+to|leads\s+to)\b)", re.I)
_CUES = ("when", "number", "names", "where", "what_is", "who", "define")
_EVIDENCE = {"when": "ev_when", "number": "ev_number", "who": "ev_who", "names": "ev_who",
             "where": "ev_where", "what_is": "ev_what_is", "define": "ev_what_is"}
_INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(frozen=True, slots=True)
class Asked:
    """What the features need of the question, worked out once per question."""

    kind: str  # the cue, or "how", "why", "other"
    unseen_share: float
    log_terms: float
    content: frozenset[str]  # known and unseen content terms
    counted: str | None = None  # the term of what a "how many" question counts
    total: float = 1.0  # the question's weight (``Query.total``, summed once)
    text: str = ""  # the question
    default: bool = False  # it asks for a default
    polar: bool = False  # it asks yes or no
    default_of: str | None = None  # the term of what it asks the default of ("timeout")

    @classmethod
    def of(cls, question: str, query: Query) -> Asked:
        kind = query.cue or ("how" if _HOW.match(question) else
                             "why" if _WHY.match(question) else "other")
        total = query.total or 1.0
        noun = counted(question) if kind == "number" else None
        default = asks_default(question)
        of = (_DEFAULT_OF.search(question) or _ASKED_NOUN.match(question)) if default else None
        return cls(kind, math.fsum(query.weights[t] for t in query.unseen) / total,
                   math.log1p(len(query.terms)), query.known | query.unseen,
                   term_of(noun) if noun else None, total, question, default,
                   asks_yes_no(question),
                   _term_asked(of.group(1), query) if of else None)


@dataclass(frozen=True, slots=True)
class Measured:
    """What the composer measured of one candidate sentence."""

    text: str
    terms: Sequence[str]  # its index terms, in order
    matched: frozenset[str]  # question terms in it
    window: frozenset[str]  # question terms in its window
    own_alike: Mapping[str, float]  # terms it meets by words of like meaning
    window_alike: Mapping[str, float]  # ... its window does, not in ``window``
    passage_score: float  # / the best passage's
    passage_rank: int
    position: float
    first: bool
    item: bool
    defined: bool
    evidence: bool
    context: bool
    specific_met: bool
    lead: bool = False  # the first quotable sentence of its document
    section_lead: bool = False  # ... of its section
    title_terms: frozenset[str] = frozenset()  # the question terms its document's title holds
    sem: float = 0.0  # how closely it meets the question's words by meaning (0 to 1)
    lead_in: bool = False  # it leads in to a list


# Weights over sets of terms are summed with math.fsum, exact whatever the order: a set's order
# follows string hashing, which differs from process to process, and a plain sum's last bits
# with it (a tie between two candidates broke one way or the other from run to run).


def mass(terms: frozenset[str] | set[str], query: Query, alike: Mapping[str, float]) -> float:
    """The share of the question's weight that ``terms`` (exact) and ``alike`` (term -> cosine
    of a similar word, for terms not in ``terms``) cover."""
    exact = math.fsum(query.weights[t] for t in terms)
    return (exact + math.fsum(query.weights[t] * sim for t, sim in alike.items())) / query.total


def shares(window: frozenset[str] | set[str], alike: Mapping[str, float], query: Query,
           asked: Asked) -> tuple[float, float, bool]:
    """The shares of the question's known content terms and of all its content words that the
    window meets (exactly or by a word of like meaning), and whether a two-term question misses
    one."""
    met = window | alike.keys()
    found = len(met & query.known)
    known_share = found / len(query.known) if query.known else 1.0
    word_share = len(met & asked.content) / len(asked.content) if asked.content else 1.0
    return known_share, word_share, len(query.known) == 2 and found < 2


def row(m: Measured, query: Query, asked: Asked) -> list[float]:
    """The feature row of one candidate, in ``FEATURES`` order."""
    x = [0.0] * len(FEATURES)
    w, total, heading = query.weights, asked.total, m.title_terms
    # the weight each part meets, summed once: exact terms and words of like meaning, of the
    # sentence and of its window, and (for focus) the part of each inside the title
    own_exact = math.fsum(w[t] for t in m.matched)
    own_alike = math.fsum(w[t] * sim for t, sim in m.own_alike.items())
    win_exact = math.fsum(w[t] for t in m.window)
    win_alike = math.fsum(w[t] * sim for t, sim in m.window_alike.items())
    title_weight = math.fsum(w[t] for t in heading)
    cov_exact = own_exact / total
    title = title_weight / total
    win = (win_exact + win_alike) / total
    known_share, word_share, pair_missing = shares(m.window, m.window_alike, query, asked)
    met = m.window | m.window_alike.keys()
    missing = [w[t] for t in query.terms if t not in met]
    n = len(m.terms)
    copula = bool(_COPULA.search(m.text))
    cause = bool(_CAUSE.search(m.text))
    code = has_code(m.text, asked.text)
    values = {
        "cov": (own_exact + own_alike) / total, "win": win,
        "cov_exact": cov_exact, "alike": win_alike / total,
        "passage_score": m.passage_score, "passage_rank": 1.0 / (1 + m.passage_rank),
        "top_passage": float(m.passage_rank == 0), "defined": float(m.defined),
        "evidence": float(m.evidence), "first": float(m.first), "position": m.position,
        "length": math.log1p(n), "short": float(n < 6), "proximity": _proximity(m),
        "known_share": known_share, "word_share": word_share, "pair_missing": float(pair_missing),
        "specific_met": float(m.specific_met),
        "max_missing": max(missing, default=0.0) / total,
        "unseen_share": asked.unseen_share, "terms": asked.log_terms, "item": float(m.item),
        "context": float(m.context), "copula": float(copula), "cause": float(cause),
        "order": _order(m, query),
        f"q_{asked.kind}": 1.0,
        "copula_what_is": float(copula and asked.kind in ("what_is", "define", "who")),
        "cause_why": float(cause and asked.kind == "why"),
        "lead": float(m.lead), "section_lead": float(m.section_lead),
        "title": title, "lead_title": float(m.lead) * title,
        "focus": _focus(win_exact + win_alike, m.window, m.window_alike, heading, w,
                        total - title_weight, win),
        "focus_own": _focus(own_exact + own_alike, m.matched, m.own_alike, heading, w,
                            total - title_weight, (own_exact + own_alike) / total),
        "ev_count": float(asked.counted is not None and _counts(m.text, asked.counted)),
        "sem": m.sem, "sem_gain": max(m.sem - cov_exact, 0.0),
        "lead_in": float(m.lead_in and not asked.polar),  # a statement answers yes or no
        "item_what_is": float(m.item and m.evidence and asked.kind in ("what_is", "define")),
        "code": float(code), "code_how": float(code and asked.kind in ("how", "other")),
        # a default of what is asked: stated where half the question's weight is met
        # ("Corepack defaults to downloading the latest version" answers no "default port")
        # (a yes/no question's every word: "does git use sha-256 repositories by default?" is
        # not answered by "By default, use of fsmonitor on a repository ... is disabled")
        "ev_default": float(asked.default and win >= _DEFAULT_OF_WHAT_IS_ASKED
                            and (asked.default_of is None or asked.default_of in met)
                            and (not asked.polar or known_share == 1.0)
                            and states_default(m.text)),
        "bare": float(bare(m.text)),
    }
    if m.evidence and asked.kind in _EVIDENCE:
        values[_EVIDENCE[asked.kind]] = 1.0
    for name, v in values.items():
        x[_INDEX[name]] = v
    return x


def _term_asked(word: str, query: Query) -> str | None:
    """The term of ``word`` when the question weighs it (a content word), else ``None``."""
    term = term_of(word.lower())
    return term if term is not None and term in query.known else None


def _focus(weight: float, terms: frozenset[str], alike: Mapping[str, float],
           title: frozenset[str], w: Mapping[str, float], rest: float, share: float) -> float:
    """The share of the question's weight outside its document's title (``rest``: what the
    question asks of the topic the title names, "die" in "how did James Dean die") that
    ``terms`` and words of like meaning (``alike``; ``weight`` met by both) meet; ``share``
    (their share of all) when the title holds none of the question's terms."""
    if not title or rest <= 0:
        return share
    inside = math.fsum(w[t] for t in terms & title)
    inside += math.fsum(w[t] * sim for t, sim in alike.items() if t in title)
    return (weight - inside) / rest


def _counts(text: str, noun_term: str) -> bool:
    words = lower_words(text)
    return counts(words, [term_of(w) for w in words], noun_term)


def _proximity(m: Measured) -> float:
    """The matched terms over the span of words that holds them (1: side by side)."""
    where = [i for i, t in enumerate(m.terms) if t in m.matched]
    if not where:
        return 0.0
    return len({m.terms[i] for i in where}) / (where[-1] - where[0] + 1)


def _order(m: Measured, query: Query) -> float:
    """The share of successive matched question terms that the sentence has in the question's
    order (1 for one term or none)."""
    firsts: dict[str, int] = {}
    for i, t in enumerate(m.terms):
        if t in m.matched and t not in firsts:
            firsts[t] = i
    seq = [firsts[t] for t in query.terms if t in firsts]
    if len(seq) < 2:
        return 1.0
    return sum(a < b for a, b in pairwise(seq)) / (len(seq) - 1)


__all__ = ["Asked", "Measured", "mass", "row", "shares"]
