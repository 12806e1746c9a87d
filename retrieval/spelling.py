"""Spelling: a question word the corpus lacks may be a typo of a word it has ("formd", "pacakges").

A word is corrected only when the correction is near-certain:

* a name (capitalised mid-question; the caller says so) is read only as a word in no common
  English use either, and only for the slips of one who writes a name from memory, a letter
  left out or two swapped: a name the corpus lacks is the surest sign that a question is
  about something else, and "Canarian" must not become "Canadian", "Priestley" "priestly",
  "KCachegrind" "Cachegrind" nor "CMake" "gmake" (other names differ from a corpus word by a
  letter more or replaced), but "Maastrich" is "Maastricht" and "Geegen" "Gegeen" (XQuAD's
  English questions misspell names; left unread, the unseen name sank the confidence of right
  answers: ``docs/benchmarks.md``);
* it has at least ``MIN_LETTERS`` letters and is not a word in common English use: wordfreq's
  small English list (words used at least once per million) holds neither it nor its stem, so
  "dairy" is never read as "daily" nor "ruined" as "run(ned)"; typos are not in that list;
* exactly one edit (a letter deleted, inserted, replaced, or two neighbours swapped) turns it
  into a word whose index term the corpus holds; when several do, the one in most passages wins.
  Its first letter is never the one deleted: a word that is another with a letter before it is
  mostly that word with a prefix ("async" is not "sync", "unmount" not "mount"), and a slip
  seldom adds a letter before a word's first.
  Two edits would reach too far: "Australia" would become "Austria".

Candidates are the word's edits looked up in the vocabulary (Norvig's method): nothing is
precomputed, and an unknown word costs a few hundred lookups.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import cache, lru_cache

from .heap import release_freed_memory

MIN_LETTERS = 5
# ... and at most this many: a longer "word" is no typo of a word, and its one-edit spellings
# (about 54 per letter) would cost time and memory in proportion to its length squared
MAX_LETTERS = 30


def edits1(word: str, slips: bool = False) -> set[str]:
    """Every string one edit away from ``word``, over the letters of the Latin alphabet and of
    ``word`` itself (so "müler" can become "müller"); with ``slips``, only those that put back
    a letter left out or swap two neighbours back."""
    letters = set("abcdefghijklmnopqrstuvwxyz") | set(word)
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    inserts = {a + c + b for a, b in splits for c in letters}
    if slips:
        return (swaps | inserts) - {word}
    deletes = {a + b[1:] for a, b in splits if b}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
    return (deletes | swaps | replaces | inserts) - {word}


@lru_cache(maxsize=65_536)
def common_word(word: str) -> bool:
    """Whether lower-cased ``word`` is in common English use: wordfreq's small list holds it.
    A lower-case ASCII word of letters is one token of that list, as it is written, so it is
    looked up in the list's words (``_common``); another is read by wordfreq."""
    if word.isascii() and word.isalpha() and word.islower():
        return word in _common()
    from wordfreq import zipf_frequency  # only questions with an unknown word need it

    return zipf_frequency(word, "en", wordlist="small") > 0


# A word rarer than this (wordfreq's Zipf scale: 2.5 is about 3 uses per billion words) is no
# word of common English: a tool's or a project's name ("tmux" 1.5, "conda" 1.9, "npm" 2.4)
# rather than a rare English word ("backer" 3.0, "snubbed" 2.8).
RARE_ZIPF = 2.5


@lru_cache(maxsize=65_536)
def rare_word(word: str) -> bool:
    """Whether lower-cased ``word`` is rare in English or not English: its Zipf frequency in
    wordfreq's large list is below ``RARE_ZIPF``. A word of letters alone is one token of that
    list, so it is looked up in the list's words at ``RARE_ZIPF`` or more (``_frequent``);
    another (an apostrophe) is read by wordfreq."""
    if word.isalpha():
        return word not in _frequent()
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en", wordlist="large") < RARE_ZIPF


def load_lists() -> None:
    """Read now the word list ``rare_word`` looks words up in, which every English question
    needs (0.7 s, once a process), instead of at the first question."""
    _frequent()


@cache
def _frequent() -> frozenset[str]:
    """The words of wordfreq's large English list whose Zipf frequency (as ``zipf_frequency``
    rounds it) is ``RARE_ZIPF`` or more (53,572 words), taken once. The list held whole is
    about 34 MiB resident, most of what answering adds to a process after its index and word
    vectors; these words are about 4 MiB."""
    return _listed("large", lambda zipf: zipf >= RARE_ZIPF)


@cache
def _common() -> frozenset[str]:
    """The words of wordfreq's small English list that ``zipf_frequency`` puts above 0 (every
    one of its 28,917: it lists words used once per million or more), taken once."""
    return _listed("small", lambda zipf: zipf > 0)


def _listed(wordlist: str, keep: Callable[[float], bool]) -> frozenset[str]:
    """The words of wordfreq's English ``wordlist`` whose Zipf frequency, rounded as
    ``zipf_frequency`` rounds it, ``keep`` keeps. The list is read by bands of one frequency
    (each band's words have ``cB_to_freq(-index)``, as ``get_frequency_dict`` gives them), not
    made into that dict: 12 MiB less at the first question's peak. wordfreq's tables are then
    let go, and the words kept are copied afresh once they are: made while the list was read,
    they sat scattered among its freed strings, and each kept a block of Python's object memory
    from being handed back (the large list's words held 20 MiB so; copied, 5 MiB)."""
    from wordfreq import cB_to_freq, freq_to_zipf, get_frequency_dict, get_frequency_list

    # one string while the list is let go (its words are tokens: no white space in them)
    joined = "\n".join(word for index, band in enumerate(get_frequency_list("en", wordlist))
                       if keep(round(freq_to_zipf(cB_to_freq(-index)), 2)) for word in band)
    get_frequency_dict.cache_clear()
    get_frequency_list.cache_clear()
    gc.collect()
    words = frozenset(joined.split("\n")) if joined else frozenset()
    del joined
    release_freed_memory()
    return words


def correct(
    word: str,
    term_of: Callable[[str], str | None],
    frequency: Callable[[str], int],
    common: Callable[[str], bool] = common_word,
    name: bool = False,
) -> tuple[str, str] | None:
    """The word one edit away from lower-cased ``word`` whose index term is in the most
    passages (``frequency``: 0 when the corpus lacks a term), with that term; ``None`` when
    there is none, or ``word`` is short, long or ``common`` (it or its stem). For a ``name``,
    only a word that is not ``common`` either (it or its term), with a letter the name left
    out put back or two of its letters swapped back."""
    if not MIN_LETTERS <= len(word) <= MAX_LETTERS or not word.isalpha():
        return None
    stem = term_of(word)
    if common(word) or (stem is not None and stem != word and common(stem)):
        return None
    best: tuple[str, str] | None = None
    best_key = (0, 0)
    for candidate in sorted(edits1(word, name)):  # sorted: ties go the same way every time
        if candidate == word[1:]:
            continue  # its first letter dropped: a prefix, not a slip ("async", "unmount")
        term = term_of(candidate)
        if term is None or (name and (common(candidate) or common(term))):
            continue
        # the most passages; between spellings of one term, the longer ("formd" is "formed"
        # rather than "form": a letter left out is the commoner slip)
        key = (frequency(term), len(candidate))
        if key[0] > 0 and key > best_key:
            best, best_key = (candidate, term), key
    return best
