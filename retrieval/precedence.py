"""Which candidate comes first when the selector's best lacks what the question plainly asks for:
a definition of X for "what is X?", the word of letters and digits it names ("X300"), the kind of
quantity it asks for (money, an age, an area); or when the best states nothing, a caption
opening its page, before the page's first statement; outside English, when the best is a
document's opening that meets the question only on its subject, the sentence after it that
holds the rest. Each looks among the few best only, and the
best stays first when none of them holds it; ``precede`` applies them in their order."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from .agents import DOER_CUES, asked_role, asked_verb, names_doer, names_holder
from .analyzer import term_of
from .candidates import Candidate
from .config import ComposerConfig
from .cues import verbless
from .definitions import defines_subject
from .language import ENGLISH
from .query import Query
from .selection import FEATURES
from .units import asked_units, may_state, states_unit
from .whatis import defines, subject

_DEFINED = FEATURES.index("defined")
_EVIDENCE = FEATURES.index("evidence")
# the kinds of question whose evidence reads the same in any language: outside English, a
# candidate holding a figure comes before a best that holds none. Not "when": outside English
# its evidence is a year, and a best giving a century ("Mitte des 18. Jahrhunderts", "siglo
# XVIII", "XVIII века") gave way to a sentence naming a later year (docs/benchmarks.md)
_EVIDENCE_FIRST = frozenset({"number"})


def precede(question: str, query: Query, ranked: list[Candidate], logits: np.ndarray,
             config: ComposerConfig, itself: set[tuple[int, int]],
             doc_of: Callable[[int], int] | None = None) -> np.ndarray:
    """``ranked`` (in place) and its ``logits`` with the rules above applied in turn:
    the candidate a question plainly asks for brought first (``doc_of``: a passage's
    document)."""
    if query.lang == ENGLISH:  # a caption opening its page states nothing (the rest may
        # bring it back first: a "what is X?" tagline, a unit asked for)
        logits = to_front(ranked, logits, statement_first(ranked, config.statement_first))
    if query.cue in ("what_is", "define") and config.definition_first:
        logits = to_front(ranked, logits,
                          definition_first(question, ranked, config.definition_first, itself))
    elif query.lang != ENGLISH and config.definition_first:  # among all: openings come last
        logits = to_front(ranked, logits, defined_first(question, query.lang, ranked,
                                                        len(ranked)))
    logits = to_front(ranked, logits, code_first(question, ranked, config.definition_first))
    if query.lang == ENGLISH:
        logits = to_front(ranked, logits, unit_first(question, ranked, config.unit_first))
        if query.cue in DOER_CUES:
            logits = to_front(ranked, logits, doer_first(question, query, ranked,
                                                         config.doer_first))
    elif doc_of is not None and config.subject_first and query.cue not in ("what_is", "define"):
        logits = to_front(ranked, logits, subject_first(query, ranked, doc_of,
                                                         config.subject_first,
                                                         config.evidence_share))
    if query.lang != ENGLISH and query.cue in _EVIDENCE_FIRST:
        logits = to_front(ranked, logits, evidence_first(ranked, config.evidence_first,
                                                          config.evidence_share))
    return logits


def to_front(ranked: list[Candidate], logits: np.ndarray, k: int) -> np.ndarray:
    """Candidate ``k`` moved first in ``ranked`` (in place), and its logit with it."""
    if k == 0:
        return logits
    ranked.insert(0, ranked.pop(k))
    return np.concatenate([logits[k:k + 1], logits[:k], logits[k + 1:]])


# a word of letters and digits: a model's or a part's number ("X300", "A320"), a name with its
# version ("boto3"); the tokens read it as its letters and its number apart
_CODE_RE = re.compile(r"(?<![\w.])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{2,}(?![\w])")


def code_first(question: str, ranked: Sequence[Candidate], among: int) -> int:
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


def unit_first(question: str, ranked: Sequence[Candidate], among: int) -> int:
    """Which candidate comes first when the question asks for a kind of quantity (money, an
    age, an area, ...: ``units.asked_units``) that the best does not state (nor may state in
    its own way, ``units.may_state``): the first of the ``among`` best that states one, or else
    the best (0)."""
    kinds = asked_units(question)
    best = ranked[0].sentence.text
    if not kinds or states_unit(kinds, best, question) or may_state(question, best):
        return 0
    return _first_among(ranked, among, lambda c: states_unit(kinds, c.sentence.text, question))


def doer_first(question: str, query: Query, ranked: Sequence[Candidate], among: int) -> int:
    """Which candidate comes first when a "who" question asks for the doer of a verb ("Who
    leads the CSTO?": ``agents.asked_verb``) and the best names none ("accused Moscow of
    leading a propaganda campaign"): the first of the ``among`` best that names one ("The bloc
    ... is led by Russia": ``agents.names_doer``) and whose window holds every content term of
    the question but the verb ("led" is no term of "lead"), or else the best (0). Likewise
    for the holder of a role ("Who runs the council?": ``agents.asked_role``; "Council leader
    Margaret Doyle": ``agents.names_holder``)."""
    if not among or not ranked:
        return 0
    asked, verb, role = frozenset(query.terms), asked_verb(question), asked_role(question)
    if verb is not None:
        if names_doer(ranked[0].sentence.text, verb, asked):
            return 0
        met = {t} if (t := term_of(verb)) else set()
        first = _first_among(ranked, among, lambda c: query.known <= c.window | met
                             and names_doer(c.sentence.text, verb, asked))
        if first or role is None:
            return first
    if role is None:
        return 0
    whose = asked - role  # whose role it is: the window holds one of its terms

    def level(c: Candidate) -> int:
        # ... and every other term of the question but one (a quote its terms are apart from
        # is abstained: "copper miners' union in Chile" / "union president Héctor Villalobos")
        if len(query.known - c.window - role) > 1 or not c.window & whose:
            return 0
        return names_holder(c.sentence.text, whose)

    levels = [level(c) for c in ranked[:2 * among]]  # each read once
    if levels[0] == 2:
        return 0
    # one named by whose role it is, else by a role alone
    return next((k for k, n in enumerate(levels) if n == 2), 0) or next(
        (k for k, n in enumerate(levels) if n > 0), 0)


def evidence_first(ranked: Sequence[Candidate], among: int, share: float) -> int:
    """Which candidate comes first, outside English, when the question asks "how many" (or
    "how long", "how high": ``interrogatives.PLAIN_TYPES``) and the best holds no figure new
    to the question (the ``evidence`` feature, ``cues.has_evidence``): the first of the
    ``among`` best that holds one and that the ranker scores at least ``share`` of the best's
    score, or else the best (0). English has its own gates and units for it; the plain model,
    which weighs the evidence as one feature among many, put "Gudenåen har en lang historie
    som transportvej." before "Åen er omkring 160 kilometer lang ..." for "Hvor lang er
    Gudenåen?". The score keeps a best whose count is written in words no table reads ("ne
    corrono soltanto dieci", "одинадцять веж") before a sentence that merely holds a year."""
    if not ranked or ranked[0].features[_EVIDENCE]:
        return 0
    least = share * ranked[0].score
    return _first_among(ranked, among,
                        lambda c: bool(c.features[_EVIDENCE]) and c.score >= least)


def subject_first(query: Query, ranked: Sequence[Candidate], doc_of: Callable[[int], int],
                  among: int, share: float) -> int:
    """Which candidate comes first, outside English, when the best is the opening of a
    document of two passages or more: the first of the ``among`` best of that document that
    holds a term of the question the opening lacks while its window holds every one the
    opening holds, and that the ranker scores at least ``share`` of the best's score, or else
    the best (0). A document names its subject in its opening ("Jan Evangelista Purkyně byl
    český přírodovědec ...") and then by a pronoun or not at all ("Narodil se ..."), and the
    plain ranker weighs what a sentence itself holds of the question most: the opening came
    first for "Kde se narodil Jan Evangelista Purkyně?"."""
    if not ranked or not ranked[0].features[_LEAD]:
        return 0
    best = ranked[0]
    doc = doc_of(best.sentence.passage)
    if len({c.sentence.passage for c in ranked if doc_of(c.sentence.passage) == doc}) < 2:
        return 0
    known = query.known
    met = best.matched & known
    least = share * best.score
    return _first_among(ranked, among, lambda c: doc_of(c.sentence.passage) == doc
                        and bool((c.matched & known) - met) and met <= c.window
                        and c.score >= least)


_LEAD = FEATURES.index("lead")


def statement_first(ranked: Sequence[Candidate], among: int) -> int:
    """Which candidate comes first when the best is a caption opening its document (a lead
    holding no word that may be a verb, ``cues.verbless``: "Diaphragm pump schematic."), which
    states nothing: the first of the ``among`` best that is its document's stating opening (a
    lead too, ``surroundings.opening``), or else the best (0)."""
    if not ranked or not ranked[0].features[_LEAD] or not verbless(ranked[0].sentence.text):
        return 0
    return _first_among(ranked, among, lambda c: bool(c.features[_LEAD])
                        and not verbless(c.sentence.text))


def _holds_code(text: str, code: str) -> bool:
    return re.search(rf"(?<![A-Za-z\d]){re.escape(code)}(?![A-Za-z\d])", text, re.I) is not None


def definition_first(question: str, ranked: Sequence[Candidate], among: int,
                      itself: set[tuple[int, int]]) -> int:
    """Which candidate comes first: the first of the ``among`` best that says what the X of
    "what is X?" is ("libxcrypt is a modern library for ..."; in a document whose title names
    most of X, "This package is ...": ``itself``, (passage, number)s), or else the best (0)."""
    return _first_among(ranked, among, lambda c: defines_subject(question, c.sentence.text)
                        or (c.sentence.passage, c.sentence.number) in itself)


def defined_first(question: str, lang: str, ranked: Sequence[Candidate], among: int) -> int:
    """``definition_first`` for a question in another language than English: the first of the
    ``among`` best that opens by saying what its X is (``whatis.defines``), else the first that
    opens the text under a heading that is X or asks what X is (the ``defined`` feature: a
    README's badges may stand under its title), or else the best."""
    if not subject(question, lang):  # no "what is X?": no candidate to look at
        return 0
    says = _first_among(ranked, among, lambda c: defines(question, c.sentence.text, lang))
    if says or (ranked and defines(question, ranked[0].sentence.text, lang)):
        return says
    return _first_among(ranked, among, lambda c: bool(c.features[_DEFINED]))


def _first_among(ranked: Sequence[Candidate], among: int,
                 wanted: Callable[[Candidate], bool]) -> int:
    """The place of the first of the ``among`` best candidates that is ``wanted``, else 0 (the
    best stays first): what ``definition_first``, ``code_first``, ``unit_first`` and
    ``evidence_first`` move."""
    return next((k for k, c in enumerate(ranked[:among]) if wanted(c)), 0)


__all__ = ["code_first", "defined_first", "definition_first", "doer_first", "evidence_first",
           "precede", "statement_first", "subject_first", "to_front", "unit_first"]
