"""The second stage of ranking: what the frozen English ranker (``selection.py``) does not see,
added to its logits (``models/rerank.json``, trained by ``training/train_rerank.py``).

A reworded question often names the heading its answer sits under, not the answer's words ("how
do I test that a function panics?" over "Testing panics › To check functions that should panic
..., use attribute #[should_panic]."), while another sentence restates the question and wins on
the words it shares. ``heading`` is how closely the heading a sentence sits under (the last of
its section's headings, not the document's title) meets the question's words: the idf-weighted
mean over the question's words of 1 where the heading holds the word's term, else the best
cosine of a heading word with it (WordLlama's vectors, as ``features.sem`` measures a sentence).
``heading_share`` is the other way round: how much of the heading is about what is asked, the
mean over its content words of 1 for a question term, else the best cosine of the word with a
question word. A heading that merely shares a word with the question ("Running specific tests"
for "how do I skip a slow test?") holds less of it than one that names the question's subject
("Ignoring tests").

The ranker learned mostly on encyclopaedia paragraphs; a manual, a spec or a guide sets its
answers otherwise (the first sentence of a section says what the heading promises, a "how do I"
is answered by an instruction, not by the sentence restating the goal). So for a candidate in a
document with sections the second stage also weighs each of the ranker's own features again
(``FEATURES``, as ``doc_<name>``): what documentation questions show those weights miss. A
candidate in a document without headings (a news page, an article's paragraph) gets none of
these (zeros): its order is the ranker's and its heading's.

A yes/no question about documentation ("Does HTTP::Tiny check SSL certificates by default?") is
answered by the sentence that commits to an answer ("By default, HTTP::Tiny does not verify
server identity."), more often than by the one that restates what is asked ("Setting the
verify_SSL attribute to a true value will make HTTP::Tiny verify ..."): ``doc_commits`` is 1 for
a candidate in a document with sections that says not, no, never, only, must or always
(``cues.commits``) when the question asks yes or no (``questiontypes.asks_yes_no``).

The weights are fitted on questions the frozen ranker was not trained on, with its logits as
they are (an offset): the learned adjustment is what those logits miss. Plain JSON, loaded once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .layout import SECTION_SEPARATOR
from .selection import FEATURES, load_model
from .similarity import WordVectors

# the second stage's features of a candidate, in the order of its weights: its heading (how
# closely it meets the question, how much of it does), then the ranker's features again for a
# candidate in a document with sections, and what the second stage reads of it there itself
HEADING_FEATURES: tuple[str, ...] = ("heading", "heading_share")
DOC_FEATURES: tuple[str, ...] = ("doc_commits",)
RERANK_FEATURES: tuple[str, ...] = (*HEADING_FEATURES, *(f"doc_{name}" for name in FEATURES),
                                    *DOC_FEATURES)
HEADS = len(HEADING_FEATURES)  # the columns a candidate's heading gives
RERANK_FILE = "rerank.json"
RERANK_VERSION = 4


@dataclass(frozen=True, slots=True)
class Rerank:
    """Weights added to the frozen ranker's logits, one per ``RERANK_FEATURES``."""

    coef: np.ndarray
    about: dict[str, Any]  # how it was trained and what it measured (not used to rank)

    def adjust(self, logits: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """``logits`` plus the weighted second-stage ``rows`` (candidates, features)."""
        if not len(logits):
            return logits
        return logits + rows @ self.coef

    def to_json(self) -> dict[str, Any]:
        return {"version": RERANK_VERSION, "names": list(RERANK_FEATURES),
                "coef": self.coef.tolist(), "about": self.about}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Rerank:
        if data.get("version") != RERANK_VERSION:
            raise ValueError(f"rerank version {data.get('version')!r}, expected {RERANK_VERSION}")
        if tuple(data["names"]) != RERANK_FEATURES:
            raise ValueError(f"the rerank features {data['names']} are not "
                             f"{list(RERANK_FEATURES)}")
        coef = np.asarray(data["coef"], dtype=np.float64)
        if coef.shape != (len(RERANK_FEATURES),) or not np.isfinite(coef).all():
            raise ValueError("the rerank weights are not a finite vector of its features' length")
        return cls(coef, dict(data.get("about", {})))

    @classmethod
    def load(cls, path: str | Path) -> Rerank:
        """The second stage from its JSON file; ``ModelError`` when it is not one."""
        return load_model(path, "rerank model", cls.from_json)


NONE = Rerank(np.zeros(len(RERANK_FEATURES)), {"none": True})  # no adjustment


@cache
def bundled() -> Rerank:
    """The second stage that ships in the package (read once)."""
    path = resources.files("retrieval") / "models" / RERANK_FILE
    with resources.as_file(path) as p:
        return Rerank.load(p)


def rows(headings: Sequence[Sequence[float]], features: Sequence[Sequence[float]],
         sectioned: Sequence[bool], own: Sequence[Sequence[float]] | None = None) -> np.ndarray:
    """The second-stage rows of candidates (``RERANK_FEATURES``): each one's ``headings``
    values (``HEADING_FEATURES``), then its ranker ``features`` and its ``own`` values
    (``DOC_FEATURES``; zeros when not given) when its document is ``sectioned``, else zeros."""
    out = np.zeros((len(headings), len(RERANK_FEATURES)))
    if not len(headings):
        return out
    out[:, :HEADS] = headings
    on = np.asarray(sectioned, dtype=bool)
    if on.any():
        end = HEADS + len(FEATURES)
        out[on, HEADS:end] = np.asarray(features, dtype=np.float64)[on]
        if own is not None:
            out[on, end:] = np.asarray(own, dtype=np.float64).reshape(len(headings), -1)[on]
    return out


def own_heading(section: str | None) -> str:
    """The heading a passage sits right under: the last of its ``section``'s ("" for none)."""
    return (section or "").rsplit(SECTION_SEPARATOR, 1)[-1]


def heading_meets(vectors: WordVectors | None, words: Mapping[str, str],
                  weights: Mapping[str, float], headings: Sequence[str],
                  term_set: Callable[[str], set[str]], lower_words: Callable[[str], list[str]]
                  ) -> np.ndarray:
    """For each of ``headings``, how closely it meets the question's ``words`` (term -> word,
    ``Query.words``) by meaning: the mean over them, each weighted by its term's ``weights``, of
    1 where the heading holds the term (``term_set``), else the best cosine (0 to 1) of one of
    its words of 3+ letters (``lower_words``) with it; 0 without vectors or words."""
    out = np.zeros(len(headings))
    terms = list(words)
    total = sum(weights[t] for t in terms)
    if vectors is None or not terms or total <= 0 or not headings:
        return out
    w = np.array([weights[t] for t in terms]) / total
    lists = [[x for x in lower_words(h) if len(x) > 2] for h in headings]
    _, best = vectors.compare(words, lists, 0.0)
    for k, h in enumerate(headings):
        if not lists[k]:
            continue
        held = term_set(h)
        out[k] = float(np.maximum(best[k], [t in held for t in terms]) @ w)
    return out


def heading_share(vectors: WordVectors | None, words: Mapping[str, str], terms: set[str],
                  headings: Sequence[str], term: Callable[[str], str | None],
                  lower_words: Callable[[str], list[str]]) -> np.ndarray:
    """For each of ``headings``, how much of it meets the question: the mean over its distinct
    content words of 3+ letters (those ``term`` reads as a term) of 1 where the word's term is
    one of the question's ``terms``, else its best cosine (0 to 1) with one of the question's
    ``words`` (term -> word, ``Query.words``); 0 without vectors, words or such heading words."""
    out = np.zeros(len(headings))
    if vectors is None or not words or not headings:
        return out
    lists = [list(dict.fromkeys(x for x in lower_words(h) if len(x) > 2 and term(x) is not None))
             for h in headings]
    pool = list(dict.fromkeys(x for xs in lists for x in xs))
    if not pool:
        return out
    # each heading word's best cosine with a question word (the question's words as the
    # sentence ``compare`` reads, the heading's as the words wanted)
    _, best = vectors.compare(dict(zip(pool, pool, strict=True)), [list(words.values())], 0.0)
    near = dict(zip(pool, best[0].tolist(), strict=True))
    for k, xs in enumerate(lists):
        if xs:
            out[k] = float(np.mean([1.0 if term(x) in terms else near[x] for x in xs]))
    return out


__all__ = ["DOC_FEATURES", "HEADING_FEATURES", "HEADS", "NONE", "RERANK_FEATURES", "Rerank",
           "bundled", "heading_meets", "heading_share", "own_heading", "rows"]
