"""The second stage of ranking: what the frozen English ranker (``selection.py``) does not see,
added to its logits (``models/rerank.json``, trained by ``training/train_rerank.py``).

A reworded question often names the heading its answer sits under, not the answer's words ("how
do I test that a function panics?" over "Testing panics › To check functions that should panic
..., use attribute #[should_panic]."), while another sentence restates the question and wins on
the words it shares. ``heading`` is how closely the heading a sentence sits under (the last of
its section's headings, not the document's title) meets the question's words: the idf-weighted
mean over the question's words of 1 where the heading holds the word's term, else the best
cosine of a heading word with it (WordLlama's vectors, as ``features.sem`` measures a sentence).

The ranker learned mostly on encyclopaedia paragraphs; a manual, a spec or a guide sets its
answers otherwise (the first sentence of a section says what the heading promises, a "how do I"
is answered by an instruction, not by the sentence restating the goal). So for a candidate in a
document with sections the second stage also weighs each of the ranker's own features again
(``FEATURES``, as ``doc_<name>``): what documentation questions show those weights miss. A
candidate in a document without headings (a news page, an article's paragraph) gets none of
these (zeros): its order is the ranker's and its heading's.

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

# the second stage's features of a candidate, in the order of its weights: its heading, then
# the ranker's features again for a candidate in a document with sections
RERANK_FEATURES: tuple[str, ...] = ("heading", *(f"doc_{name}" for name in FEATURES))
RERANK_FILE = "rerank.json"
RERANK_VERSION = 2


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


def rows(headings: Sequence[float], features: Sequence[Sequence[float]],
         sectioned: Sequence[bool]) -> np.ndarray:
    """The second-stage rows of candidates (``RERANK_FEATURES``): each one's ``headings``
    value, then its ranker ``features`` when its document is ``sectioned``, else zeros."""
    out = np.zeros((len(headings), len(RERANK_FEATURES)))
    if not len(headings):
        return out
    out[:, 0] = headings
    on = np.asarray(sectioned, dtype=bool)
    if on.any():
        out[on, 1:] = np.asarray(features, dtype=np.float64)[on]
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


__all__ = ["NONE", "RERANK_FEATURES", "Rerank", "bundled", "heading_meets", "own_heading", "rows"]
