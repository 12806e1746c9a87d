"""Words a language uses very often: a general source of its function words.

Stop lists leave out many of a language's interrogatives, pronouns and auxiliaries, and
their inflected forms ("jakiej", "яке", "își", "bao nhiêu", "kterého"); qabot's tables of
interrogatives hold a dozen languages. A question's word that no list holds and the corpus
lacks was read as an unseen content word: rare in the corpus, so among the question's
heaviest, which lowered its coverage and the selector's confidence. wordfreq (Speer et al.,
Apache-2.0 code, CC BY-SA data; a dependency already) gives a word's general frequency in
about forty languages: a word used more than ``COMMON_ZIPF`` on its Zipf scale (about once
in 10,000 words at 5) is a function word or nearly one, whatever the topic. A language
wordfreq lacks has none (its questions are read as before). The lists read are wordfreq's
``small`` ones, which hold every word above a Zipf of 3; the words above ``COMMON_ZIPF``
are a few hundred to a thousand a language.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

# wordfreq's Zipf scale: log10 of a word's uses per billion words (5: once in 10,000)
COMMON_ZIPF = 5.0
# languages detection names otherwise than wordfreq does (Norwegian; Croatian, Bosnian and
# Serbian, which wordfreq lists together, in Latin letters; Tagalog as Filipino)
_WORDFREQ_CODES = {"no": "nb", "nn": "nb", "hr": "sh", "bs": "sh", "sr": "sh", "tl": "fil"}


@cache
def common_words(lang: str, zipf: float = COMMON_ZIPF) -> Mapping[str, float]:
    """The words of language ``lang`` (ISO 639-1) whose general frequency is ``zipf`` or more
    on wordfreq's Zipf scale, lower-cased as wordfreq lists them, each with its Zipf
    frequency; none for a language
    wordfreq does not cover. wordfreq's list is let go once read (5-7 MB a language held in
    its cache; the words kept are a few kB)."""
    from wordfreq import available_languages, cB_to_freq, freq_to_zipf, get_frequency_list

    lang = _WORDFREQ_CODES.get(lang, lang)
    if lang not in available_languages("small"):
        return MappingProxyType({})
    out: dict[str, float] = {}
    # the list is in bands of one frequency, most frequent first (band i: -i centibels)
    for index, band in enumerate(get_frequency_list(lang, "small")):
        level = freq_to_zipf(cB_to_freq(-index))
        if level < zipf:
            break
        out.update(dict.fromkeys(band, level))
    get_frequency_list.cache_clear()
    return MappingProxyType(out)


__all__ = ["COMMON_ZIPF", "common_words"]
