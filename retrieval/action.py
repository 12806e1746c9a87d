"""What a "how do I ...?" question asks to do, and a quote that never names it.

"how do I delete an S3 bucket with boto3?", "how do I enable HTTP/3 in urllib3?", "how do I
rotate the service account key ...?" ask for a way of doing one thing: the verb after "how do
I" (``asked_action``). The documentation sets' unanswerable questions of this kind were answered
by a sentence on the same subject that names another action ("... shows how to use an Amazon
S3 bucket resource to list the objects"): the subject's words met, the action's not. An answer
names the action, in its words or in words of like meaning ("turn on" is "enable", "activate"),
in the sentence, the sentences beside it or the headings it sits under (``names_action``).

A light verb ("make", "get", "set", "turn", "use") says little of the action by itself ("how do
I make Data::Dumper print ...", "how do I get rustc to share ...": the action is further on) and
is not read. Words of like meaning are WordLlama's (the cosine at which a sentence word stands in
for a question word, ``ComposerConfig.soft_min``), so a worded-otherwise answer is not taken for
silence; and the composer reads it only for an answer the selector is not sure of (below its
*sure* level): a sure answer holds what it holds whatever its words. English questions only.

Measured on the documentation sets (``docs/benchmarks.md``): on those read while writing it
(never trained on, and ``docs_blind2`` ... ``docs_blind10``) it withdrew 9 answers, 5 to
questions the corpus cannot answer, 2 wrong and 2 right; on the held-out ones 3, one to such a
question, one wrong and one whose right quote was second or third.
"""

from __future__ import annotations

import re

from .analyzer import lower_words
from .language import ENGLISH
from .similarity import WordVectors

# "How do I / can we / should you / to V ...": the asker's way of doing something (not "how do
# plants grow?", whose subject is no person asking)
_HOW_DO_I = re.compile(
    r"^\s*how\s+(?:(?:do|can|could|should|would|may|might|shall)\s+(?:i|we|you|one)|to)\s+"
    r"(?P<verb>[a-z]+)\b", re.I)
# verbs that say little of the action by themselves: the action is in the words after them
_LIGHT = frozenset({"be", "do", "find", "get", "give", "go", "have", "keep", "let", "make",
                    "put", "see", "set", "take", "turn", "use"})


def asks_how(question: str) -> bool:
    """Whether ``question`` asks the asker's way of doing something ("how do I / can we /
    should you / to V ...?"), whatever its verb."""
    return _HOW_DO_I.match(question) is not None


def asked_action(question: str, lang: str) -> str | None:
    """The verb a "how do I ...?" ``question`` asks a way to do (lower case), or ``None``: not
    such a question, not English, or a light verb."""
    if lang != ENGLISH:
        return None
    m = _HOW_DO_I.match(question)
    if m is None:
        return None
    verb = m.group("verb").lower()
    return None if verb in _LIGHT else verb


def names_action(verb: str, text: str, vectors: WordVectors, min_similarity: float) -> bool:
    """Whether ``text`` (a quote, the sentences beside it, its headings) names the action
    ``verb``: a word of it whose cosine with the verb reaches ``min_similarity`` (the verb
    itself among them)."""
    words = list(dict.fromkeys(lower_words(text)))
    if verb in words:
        return True
    _, best = vectors.compare({verb: verb}, [words], min_similarity)
    return bool(best.size) and float(best[0, 0]) >= min_similarity


__all__ = ["asked_action", "asks_how", "names_action"]
