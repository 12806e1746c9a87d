"""The shape of prose: whether a paragraph reads as prose, as a whole sentence, as English.

Prose ends with sentence punctuation, has several words and many function words; lists of names
or keywords, headlines, buttons and menu items do not (``is_prose``, ``stopword_density``). The
function words are English ones, so the density test says something only of a text that reads as
English (``reads_as_english``). These measures are what web-page cleaning (``clean.py``), the
plain-text reader and the question's language detection judge a text by.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence

from ..scripts import dense_words, unpunctuated
from .segment import words
from .sentences import ends_sentence, starts_sentence

# a sentence ending inside a text: a lower-case letter, digit or ")" of any script, its mark,
# then an upper-case letter ("... in 1250. Today ...", "... реки. Сегодня ...")
_INNER_END_RE = re.compile(r"([^\W_]|\))[.!?][\"'”’“»]?\s+([^\W\d_])")


_STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being "
    "it its this that these those he she they them his her their which who whom whose what "
    "when where why how not no so than then there here has have had do does did will would can "
    "could should may might must also about into over after before under between during while "
    "all any some such only own same too very just up out off again further once "
    # the pronouns of speech: a quote of someone's words is prose ("'I wasn't going to let him
    # take my late wife's jewellery,' Harold said." has no other function word but "to")
    "i me my mine him we us our you your "
    # and their contractions, as typed and with a typographic apostrophe ("I’m rereading ...")
    "i'm i've i'll i'd it's that's there's he's she's we're we've you're you've don't doesn't "
    "didn't isn't wasn't can't won't "
    "i’m i’ve i’ll i’d it’s that’s there’s he’s she’s we’re we’ve you’re you’ve don’t doesn’t "
    "didn’t isn’t wasn’t can’t won’t".split()
)


def _any_case(words: Iterable[str]) -> frozenset[str]:
    """Every way of writing ``words`` (lower-case ASCII) in upper and lower case: a word
    lower-cases to one of them exactly when it is one of these, so they are looked up as
    written, not lower-cased one by one (no character outside ASCII lower-cases to ASCII but
    the Kelvin sign, to a "k", which none of them has: a test checks)."""
    return frozenset("".join(chars) for w in words
                     for chars in itertools.product(*({c, c.upper()} for c in w)))


_STOPWORDS_ANY_CASE = _any_case(_STOPWORDS)


_MIN_PROSE_WORDS = 6


def is_prose(text: str) -> bool:
    """Whether a paragraph has the shape of prose: a sentence with closing punctuation, or a
    long run of text (several sentences, or one long sentence rich in function words)."""
    n = len(words(text)) + dense_words(text)
    if n < _MIN_PROSE_WORDS:
        return False
    if ends_sentence(text):
        return True
    # Thai and Lao end no sentence with a mark: a long run of them is prose
    return n >= 25 and (_inner_end(text) or stopword_density(text) >= 0.3 or unpunctuated(text))


def _inner_end(text: str) -> bool:
    return any(not m.group(1).isupper() and m.group(2).isupper()
               for m in _INNER_END_RE.finditer(text))


def stopword_density(text: str) -> float:
    """The share of function words among the words of ``text`` (prose: about 0.35-0.55)."""
    ws = words(text)
    return sum(map(_STOPWORDS_ANY_CASE.__contains__, ws)) / len(ws) if ws else 0.0


# A text whose words are this share or more English function words reads as English (English
# pages: 0.32-0.41 on the seeds); below it the stop-word density test says nothing (a French,
# German or Spanish paragraph scores 0.0-0.08 whatever its shape).
_ENGLISH_DENSITY = 0.2


def reads_as_english(text: str) -> bool:
    """Whether ``text`` reads as English: a fifth of its words or more are English function
    words (the signals here, and qabot's word lists, are English ones); or, in a text of some
    length with fewer (a list of commands and what they do: "Sample related events with: perf
    record -e ..."), most of its words are common English words."""
    if stopword_density(text) >= _ENGLISH_DENSITY:
        return True
    sample = _LONG_WORD_RE.findall(text[:_WORD_SHARE_CHARS])
    return len(sample) >= _WORD_SHARE_MIN_WORDS and _english_share(sample) >= _ENGLISH_WORD_SHARE


# Common English words (wordfreq's small list, Zipf 3 or more: once in a million words) among
# a text's lower-case words of 4+ letters (not names, nor short words other languages share with
# English: "die", "war", "also"): an English list of commands 0.75; XQuAD's paragraphs in Spanish
# at most 0.45 (Latin words English shares), in German 0.15, in Russian 0.01.
_ENGLISH_WORD_SHARE = 0.6


_COMMON_ZIPF = 3.0


_WORD_SHARE_CHARS = 2000


_WORD_SHARE_MIN_WORDS = 20  # a question is told by ``detection.detect``'s model, not so


_LONG_WORD_RE = re.compile(r"(?<![\w-])[^\W\d_A-Z]{4,}(?![\w-])")  # lower-case: not names


def _english_share(ws: Sequence[str]) -> float:
    return sum(map(_common_english, map(str.lower, ws))) / len(ws)


@functools.lru_cache(maxsize=16_384)
def _common_english(word: str) -> bool:
    """Whether ``word`` is at ``_COMMON_ZIPF`` or more in wordfreq's small English list,
    remembered: a corpus's texts with few function words share most of their words, and
    ``zipf_frequency`` (about 13 us a word) was a twentieth of laying out a synthetic corpus.
    A word of lower-case ASCII letters (one token to wordfreq, as it is) is looked up in the
    list's common words (``_common_ascii``), not rated: a corpus's texts with few function
    words may have more distinct words than are remembered."""
    if word.isascii() and word.isalpha() and word.islower():
        return word in _common_ascii()
    from wordfreq import zipf_frequency  # only texts with few function words need it

    return zipf_frequency(word, "en", wordlist="small") >= _COMMON_ZIPF


@functools.cache
def _common_ascii() -> frozenset[str]:
    """The words of lower-case ASCII letters at ``_COMMON_ZIPF`` or more in wordfreq's small
    English list, as ``zipf_frequency`` rates them: such a word is one token to it, so its
    rating is that of its list's frequency band (words alike in frequency), asked once a band
    of one of its words, from the most frequent band down to the first under the bar."""
    from wordfreq import get_frequency_list, zipf_frequency

    common: set[str] = set()
    for band in get_frequency_list("en", "small"):
        words = [w for w in band if w.isascii() and w.isalpha() and w.islower()]
        if words:
            if zipf_frequency(words[0], "en", wordlist="small") < _COMMON_ZIPF:
                break
            common.update(words)
    return frozenset(common)


def is_sentence(text: str) -> bool:
    """Whether ``text`` is a sentence, however short, that is whole: it opens as a sentence does
    (``sentences.starts_sentence``: a capital, a letter of a script without capitals, a digit,
    a quote), has a closing mark and 3+ words, a word past the first of them with letters and
    no capital (a verb, a function word: a run of capitalised words, "Der Pleistozän-
    Zeitabschnitt (P).", is a caption, a title or a name)."""
    ws = words(text)
    return (len(ws) >= 3 and starts_sentence(text[:2])
            and any(w.lower() == w and not w.isdigit() for w in ws[1:])
            and ends_sentence(text))
