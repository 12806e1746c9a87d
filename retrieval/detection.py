"""Detection: which language a text is in, and whether qabot reads a language.

py3langid (langid.py's model, 97 languages, 4.6 MB, numpy only; 0.06 ms for a question, and on
XQuAD 99-100% of questions and 100% of paragraphs right in en/de/es/ru). It was chosen over
lingua (more accurate on very short texts, but a 96 MB wheel) and fastText (a model to fetch,
which qabot may not do). A question is told among the corpus's languages (and English), which
makes short questions reliable. A document that reads as English (a fifth of its words English
function words) is English without asking the model: English corpora cost nothing and never load
it. A question is not: that test misreads short questions in other languages ("Was ist die
NASUWT?", "¿A quién controlan los gurús?", "In quale anno ...?": "was", "a", "in" are English
function words), and an English corpus never asks. How each language's words become terms is
``language.py``'s.
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Iterable, Sequence
from functools import cache
from typing import overload

from .ingest.prose import reads_as_english
from .ingest.segment import words
from .language import BORROWED_STEMMERS, ENGLISH, STEMMERS
from .scripts import UNSPACED_RE

SAMPLE_CHARS = 2000  # how much of a text detection reads
ENGLISH_CHARS = 600  # ... and the English check before it (about 100 words)
MIN_DETECT_LETTERS = 20  # a document with fewer letters: too little to tell (the default)
MIN_PART_CHARS = 60  # a shorter part of a mixed document takes the document's language
MIN_PLAIN_WORDS, MIN_PLAIN_SHARE = 6, 0.6  # ... and one of fewer plain words (``_wordy``)
MIN_CONTRADICTING_WORDS = 20  # words a page needs to contradict its declared language


def contradicted(declared: str, text: str) -> bool:
    """Whether ``text`` plainly is not in the language a page's markup declares (``declared``,
    ``normalised``), judged without the detection model: declared English, it does not read
    as English (``prose.reads_as_english``: a page in English has a fifth of its words or more
    English function words; the test data's 48 English HTML pages 0.24-0.42, pages in the 36
    other languages of ``tests/data/languages`` at most 0.14, in Cyrillic or Arabic script
    none); declared another language, it does. A text of fewer than ``MIN_CONTRADICTING_WORDS``
    words tells too little. (``<html lang="en">`` is a site template's default that pages in
    Russian or German keep.)"""
    sample = text[:SAMPLE_CHARS]
    if len(words(sample)) < MIN_CONTRADICTING_WORDS:
        return False
    return reads_as_english(sample) != (declared == ENGLISH)


def knows(code: str) -> bool:
    """Whether ``code`` (``normalised``) names a language qabot reads: one detection tells, or
    one with a stemmer of its own or of a close language's."""
    return (code == ENGLISH or code in STEMMERS or code in BORROWED_STEMMERS
            or code in readable())


_MODEL: list[object] = []  # the detection model, once loaded
_MODEL_LOCK = threading.Lock()


def _identifier() -> object:
    with _MODEL_LOCK:
        if not _MODEL:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _MODEL.append(LanguageIdentifier.from_model_file(MODEL_FILE))
        return _MODEL[0]


def preload() -> None:
    """Start loading the detection model (0.7 s, mostly decompression, which lets other threads
    run) in the background: an index build does when a worker leaves a document's language to
    it, and tells those documents when the workers are done."""
    if not _MODEL and not _MODEL_LOCK.locked():
        threading.Thread(target=_identifier, name="language-model", daemon=True).start()


def model_loaded() -> bool:
    return bool(_MODEL)


def release() -> None:
    """Let go of the detection model (about 90 MB in memory) and of the words of the texts it
    was asked about: an index build does once every document is told English, since the
    questions of an English corpus never need it (another engine that does loads it again)."""
    with _MODEL_LOCK:
        _MODEL.clear()
        _restricted.cache_clear()
    words.cache_clear()


@cache
def _detector_labels() -> frozenset[str]:
    return frozenset(_identifier().labels)  # type: ignore[attr-defined]


# Languages detection leaves out: pidgins and creoles (XQuAD's list of Harvard alumni, English
# full of names, was "pcm" to the full model), dialects and regional languages a text in the
# standard language would pass for (Egyptian and Moroccan Arabic, Cantonese, Wu, Aragonese,
# Ligurian, Venetian, ...: it would lose that language's stemmer), ancient and constructed
# languages, and "zxx" (no language).
_NOT_TOLD = frozenset({
    "ace", "an", "ary", "arz", "bcl", "crh", "ext", "fuv", "gcf", "gcr", "gom", "grc", "gug",
    "guw", "hbo", "ht", "kab", "kik", "lg", "lij", "ln", "ltg", "nso", "pcm", "sa", "sdh", "uzs",
    "vec", "vo", "wa", "wuu", "yue", "zxx",
})


@cache
def readable() -> tuple[str, ...]:
    """The languages detection tells apart: every language of the model's but ``_NOT_TOLD``.
    One qabot has no stemmer for is read by its words' first ``TRUNCATE`` characters (and no
    stop words where neither package has its list): read as a language it is not, Icelandic
    was Norwegian Nynorsk, its words put through Norwegian's stemmer (qabot's own Icelandic
    set: acc@1 0.500 -> 0.750, answerable abstained 0.375 -> 0.188; XQuAD and the other sets
    the same)."""
    return tuple(sorted(_detector_labels() - _NOT_TOLD))


@cache
def _restricted(among: tuple[str, ...]) -> object:
    ident = copy.copy(_identifier())  # shares the model's arrays: loaded (0.7 s) once
    ident.set_languages(list(among))  # type: ignore[attr-defined]
    return ident


@overload
def detect(text: str, among: Iterable[str] | None = None, default: str = ENGLISH) -> str: ...
@overload
def detect(text: str, among: Iterable[str] | None = None, default: str = ENGLISH, *,
           model: bool) -> str | None: ...
def detect(text: str, among: Iterable[str] | None = None, default: str = ENGLISH, *,
           model: bool = True) -> str | None:
    """The language of ``text`` (its first ``SAMPLE_CHARS``), told among ``among`` when given
    (a question: by the model alone; ``default`` when it holds one language only, or the text
    has too few letters); without ``model``, ``None`` where only the model could tell (it
    takes 0.7 s to load)."""
    sample = text[:SAMPLE_CHARS]
    choices = tuple(sorted(set(among))) if among is not None else None
    if choices is not None and len(choices) == 1:
        return choices[0]
    if choices is None and reads_as_english(sample[:ENGLISH_CHARS]):
        return ENGLISH
    if choices is None and len(sample) < 4 * MIN_DETECT_LETTERS and sum(
            c.isalpha() for c in sample) < MIN_DETECT_LETTERS:
        return default  # a document with hardly a word (told among a few, a question is not)
    if not model:
        return None
    usable = tuple(c for c in (choices or readable()) if c in _detector_labels())
    if len(usable) < 2:
        return usable[0] if usable else default
    ident = _restricted(usable)
    code, _ = ident.classify(sample)  # type: ignore[attr-defined]
    return str(code)


def close_calls(text: str, among: Iterable[str]) -> tuple[str, ...]:
    """The languages of ``among`` that ``text`` reads as nearly as well as the best, best
    first: scored within ``CLOSE_CALL`` of it (the model's log-probabilities). A short
    question in one of two close languages (Russian, Ukrainian) often holds no letter or word
    only one of them writes ("Хто директорка фестивалю?" scores 5.6 better as Russian)."""
    usable = tuple(sorted({c for c in among if c in _detector_labels()}))
    if len(usable) < 2:
        return usable
    ranked = _restricted(usable).rank(text[:SAMPLE_CHARS])  # type: ignore[attr-defined]
    best = ranked[0][1]
    return tuple(str(code) for code, score in ranked if score >= best - CLOSE_CALL)


CLOSE_CALL = 10.0  # log-probability: Russian and Ukrainian questions without a telling letter
                   # differ by 4-7, questions with one by 15-35


def detect_parts(parts: Sequence[str], fixed: str | None = None, *, model: bool = True
                 ) -> list[str] | None:
    """The language of each of a document's ``parts`` (passages): ``fixed`` when the document
    says its language; else the document's, detected on its start, middle and end, and each
    part's own only when those disagree (a document that mixes languages). Without ``model``:
    ``None`` unless all three read as English (index workers leave the rest to the parent,
    which loads the model once)."""
    if fixed:
        return [fixed] * len(parts)
    if not parts:
        return []
    probes = sorted({0, len(parts) // 2, len(parts) - 1})
    found = {detect(" ".join(parts[i : i + 3]), model=model) for i in probes}
    if None in found:
        return None
    if len(found) == 1:
        return [str(found.pop())] * len(parts)
    whole = detect(" ".join(parts))
    return [detect(p, default=whole) if len(p) >= MIN_PART_CHARS and _wordy(p) else whole
            for p in parts]


_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’._][^\W\d_]+)*|\d[\w.,]*|\S")


def _wordy(text: str) -> bool:
    """Whether ``text`` holds words enough to tell its language: ``MIN_PLAIN_WORDS`` plain
    words (letters only, none upper-case but the first), ``MIN_PLAIN_SHARE`` of its tokens. A
    part of identifiers, names and figures (a table of constants, "libuv constants / Constant |
    Description / Constant: UV_UDP_REUSEADDR") tells none: read as Latin, it made a corpus read
    its questions as Latin."""
    tokens = [t for t in _WORD_RE.findall(text) if any(c.isalnum() for c in t)]
    plain = sum(1 for t in tokens if t.isalpha() and t[1:] == t[1:].lower())
    # a run of an unspaced script (Chinese, Thai) is as many words as its characters, halved
    plain += sum(len(t) // 2 - 1 for t in tokens if len(t) > 3 and UNSPACED_RE.match(t))
    return plain >= MIN_PLAIN_WORDS and plain >= MIN_PLAIN_SHARE * len(tokens)


__all__ = ["close_calls", "contradicted", "detect", "detect_parts", "knows", "model_loaded",
           "preload", "readable", "release"]
