"""Learned answer selection: which candidate sentence answers, and how sure qabot is of it.

Two logistic regressions, trained by ``training/train_selector.py`` on SQuAD 2.0, XQuAD English
and qabot's own question sets, ship as plain JSON (``models/selector.json``): no pickle, loaded
once.

* The **ranker** (a listwise logistic regression) scores each candidate sentence from its
  ``FEATURES`` (coverage of the question's idf weight by the sentence and its window, proximity
  of the terms, the passage's rank and score, the question's type against the evidence the
  sentence holds, ...) and ``MEANING`` (what it and the question mean together,
  ``meaning.py``): the order in which the candidates are quoted.
* The **trigger** turns the best candidate's features, its ranker score and its margin over the
  next one (``TRIGGER_EXTRA``) into a calibrated probability that it answers the question: the
  answer's ``confidence``. qabot abstains below a threshold (``QABOT_MIN_CONFIDENCE``; by default
  the one the training script chose on questions it did not train on).

Each model (the English one and the plain one, for questions in other languages) reads the best
passage's score of a corpus smaller than nearly all it learned on as at their size
(``Selector.passages``): idf, and every score with it, grows with the log of a corpus's size,
so in a corpus of a few documents a right answer scored like a wrong one in XQuAD's 240
passages, and answerable questions were abstained.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from .config import ComposerConfig
from .errors import ModelError
from .index import bm25_idf

T = TypeVar("T")

# A candidate sentence's features, in the order of a row (composer.py computes them).
FEATURES: tuple[str, ...] = (
    "cov",  # share of the question's weight in the sentence (words of like meaning in part)
    "win",  # ... in the sentence and its neighbours, headings and lead-in
    "cov_exact",  # ... exact terms only, in the sentence
    "alike",  # share met only by words of like meaning in the window
    "passage_score",  # the passage's score / the best passage's
    "passage_rank",  # 1 / (1 + rank of the passage)
    "top_passage",
    "defined",  # under a heading that is just the "what is X" subject
    "evidence",  # holds the kind of fact the question asks for
    "first",  # the first sentence of its paragraph
    "position",  # its place in the passage, 0 (first) to 1 (last)
    "length",  # log of its words
    "short",  # fewer than 6 words
    "proximity",  # matched terms / the span of words holding them
    "known_share",  # share of the question's known content terms in the window
    "word_share",  # share of all its content words in the window
    "pair_missing",  # a two-term question with one term missing in the window
    "specific_met",  # its document holds the question's specific words
    "max_missing",  # the largest weight share of a question term missing in the window
    "unseen_share",  # weight share of question terms the corpus lacks
    "terms",  # log of the question's terms
    "item",  # a list item
    "context",  # its headings hold question terms
    "copula",  # "X is a / are the / was an ..."
    "cause",  # "because", "due to", ... (for "why" questions)
    "order",  # question terms in the question's order in the sentence
    "q_when", "q_number", "q_names", "q_where", "q_what_is", "q_who", "q_define", "q_how",
    "q_why", "q_other",
    "ev_when", "ev_number", "ev_who", "ev_where", "ev_what_is",
    "copula_what_is", "cause_why",
    "lead",  # the first quotable sentence of its document
    "section_lead",  # ... of its section
    "title",  # share of the question's weight in its document's title
    "lead_title",  # lead x title: the opening of a document about what is asked
    "sem",  # how closely its words meet the question's by meaning (WordLlama cosines)
    "sem_gain",  # ... beyond its exact terms
    "focus",  # share of the question's weight outside its document's title that its window meets
    "focus_own",  # ... that the sentence itself meets
    "ev_count",  # a quantity just before what a "how many" question counts ("952 games")
    "lead_in",  # it leads in to a list (quoted with its items)
    "item_what_is",  # a list item saying what X is, for a "what is X?" question (a glossary)
    "code",  # it holds code the question does not (an option, an identifier)
    "code_how",  # ... for a "how ...?" question or one of no type ("which option ...")
    "ev_default",  # it states a default, for a question that asks for one
    "bare",  # a name and its type, little else ("heap_size_limit <number>")
)
# The ranker's features beyond ``FEATURES``: what the question and the sentence mean together,
# the elementwise product of the question's mean word vector (every word, "how many" included)
# and the sentence's (its words of 3+ letters), both normalised (WordLlama's 256 dimensions;
# zeros without vectors). Learned weights on them tell which kinds of sentence answer which
# kinds of question ("how many" ~ numbers, "where" ~ places) beyond the words they share.
MEANING_DIM = 256
MEANING: tuple[str, ...] = tuple(f"meaning{i}" for i in range(MEANING_DIM))
# The trigger's features beyond the best candidate's: its ranker logit, its margin over the
# second candidate, how many candidates there were (log), the top passage's raw score (log).
TRIGGER_EXTRA: tuple[str, ...] = ("logit", "margin", "candidates", "top_score")
# ... and for the plain model, whose questions the term-coverage rules do not gate, whether the
# best candidate meets them (``rules_met``): a learned weight instead of a gate.
RULES = "rules"
MODEL_FILE = "selector.json"
MODEL_VERSION = 2
MAX_MARGIN = 5.0  # a lone candidate's margin, and the most any margin counts
_RULES = ComposerConfig()


def sigmoid(z: np.ndarray | float) -> np.ndarray:
    """The logistic function, clipped so that it never overflows."""
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))


def rules_met(features: Sequence[float] | np.ndarray, config: ComposerConfig = _RULES) -> bool:
    """The term-coverage rules, on a candidate's ``features``: its window covers
    ``min_coverage`` of the question's weight, ``min_known_share`` of its known content terms
    (both of two) and ``min_word_share`` of all its content words."""
    f = dict(zip(FEATURES, features, strict=True))
    return not (f["win"] < config.min_coverage or f["known_share"] < config.min_known_share
                or (f["pair_missing"] and config.pairs_need_both)
                or f["word_share"] < config.min_word_share)


def read_score(top_score: float, passages: int, reference: int) -> float:
    """The best passage's score ``top_score`` in a corpus of ``passages`` read as in one of
    ``reference`` passages when the corpus is smaller (``reference`` 0: as it is): scaled by the
    ratio of their largest idf (a term met once), the unit every BM25 score grows with."""
    if reference <= 0 or not 0 < passages < reference:
        return top_score
    return top_score * float(bm25_idf(reference, 1)) / float(bm25_idf(passages, 1))


def trigger_row(best: np.ndarray, logits: np.ndarray, top_score: float, rules: bool = False
                ) -> np.ndarray:
    """The trigger's row: the best candidate's features (``best``), then ``TRIGGER_EXTRA`` from
    the ranker's ``logits`` of every candidate (best first) and the top passage's score; with
    ``rules``, then whether it meets the term-coverage rules (at their default thresholds)."""
    margin = float(logits[0] - logits[1]) if len(logits) > 1 else MAX_MARGIN
    extra = [logits[0], min(margin, MAX_MARGIN), math.log1p(len(logits)),
             math.log1p(max(top_score, 0.0))]
    if rules:
        extra.append(float(rules_met(best[: len(FEATURES)])))
    return np.concatenate([best, extra])


@dataclass(frozen=True, slots=True)
class Linear:
    """A logistic regression on standardised features: ``sigmoid(((x - mean) / scale) @ coef +
    intercept)``."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def logits(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.coef + self.intercept

    def to_json(self) -> dict[str, Any]:
        return {"names": list(self.names), "mean": self.mean.tolist(),
                "scale": self.scale.tolist(), "coef": self.coef.tolist(),
                "intercept": self.intercept}

    @classmethod
    def from_json(cls, data: dict[str, Any], names: tuple[str, ...]) -> Linear:
        if tuple(data["names"]) != names:
            raise ValueError(f"the model's features {data['names']} are not {list(names)}")
        arrays = [np.asarray(data[k], dtype=np.float64) for k in ("mean", "scale", "coef")]
        if any(a.shape != (len(names),) for a in arrays) or not all(
                np.isfinite(a).all() for a in arrays) or (arrays[1] <= 0).any():
            raise ValueError("the model's arrays are not finite vectors of its features' length")
        mean, scale, coef = arrays
        return cls(names, mean, scale, coef, float(data["intercept"]))


def load_model(path: str | Path, what: str, parse: Callable[[dict[str, Any]], T]) -> T:
    """A model shipped as plain JSON, read by ``parse``; ``ModelError`` (naming it ``what``)
    when the file is missing, is no JSON or is not such a model."""
    try:
        return parse(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{what} {str(path)!r} unusable ({exc!r}): reinstall qabot") from None


@dataclass(frozen=True, slots=True)
class Selector:
    """The ranker and the trigger, the default abstention threshold, and the confidence below
    which an answer is flagged as unsure."""

    ranker: Linear
    trigger: Linear
    threshold: float
    about: dict[str, Any]  # how it was trained and what it measured (not used to answer)
    sure: float = 0.5
    # the plain model: the same, trained on questions read without English's word lists and
    # vectors, for questions in other languages (``reading.Reader.read``); None: this one serves
    plain: Selector | None = None
    # the smallest corpus size (passages) it learned on, but for a few (the 5th percentile of
    # its questions'): a smaller corpus's best passage score is read as at this size
    # (``read_score``); 0: as it is
    passages: int = 0

    def rank(self, rows: np.ndarray) -> np.ndarray:
        """The ranker's logit for each candidate (one row of ``FEATURES + MEANING`` each)."""
        return self.ranker.logits(rows)

    def confidence(self, best: np.ndarray, logits: np.ndarray, top_score: float,
                   passages: int = 0) -> float:
        """The probability that the best candidate (its row ``best``; ``logits`` of every
        candidate, best first) answers the question, the best passage scoring ``top_score`` in a
        corpus of ``passages`` (0: not told)."""
        rules = self.trigger.names[-1] == RULES
        score = read_score(top_score, passages, self.passages)
        return float(sigmoid(self.trigger.logits(trigger_row(best, logits, score, rules))))

    def to_json(self) -> dict[str, Any]:
        out = {"version": MODEL_VERSION, "ranker": self.ranker.to_json(),
               "trigger": self.trigger.to_json(), "threshold": self.threshold,
               "sure": self.sure, "about": self.about}
        if self.passages:
            out["passages"] = self.passages
        if self.plain is not None:
            out["plain"] = self.plain.to_json()
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Selector:
        if data.get("version") != MODEL_VERSION:
            raise ValueError(f"model version {data.get('version')!r}, expected {MODEL_VERSION}")
        plain = data.get("plain")
        trigger = FEATURES + TRIGGER_EXTRA
        if data["trigger"].get("names", [None])[-1] == RULES:
            trigger += (RULES,)
        return cls(Linear.from_json(data["ranker"], FEATURES + MEANING),
                   Linear.from_json(data["trigger"], trigger),
                   float(data["threshold"]), dict(data.get("about", {})),
                   float(data.get("sure", 0.5)),
                   cls.from_json(plain) if isinstance(plain, dict) else None,
                   int(data.get("passages", 0)))

    @classmethod
    def load(cls, path: str | Path) -> Selector:
        """A selector from its JSON file; ``ModelError`` when it is not one."""
        return load_model(path, "answer selection model", cls.from_json)


@cache
def bundled() -> Selector:
    """The selector that ships in the package (read once)."""
    path = resources.files("retrieval") / "models" / MODEL_FILE
    with resources.as_file(path) as p:
        return Selector.load(p)


__all__ = ["FEATURES", "MEANING", "MEANING_DIM", "RULES", "TRIGGER_EXTRA", "Linear", "Selector",
           "bundled", "read_score", "rules_met", "sigmoid", "trigger_row"]
