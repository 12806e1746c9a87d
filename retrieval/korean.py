"""Korean's light stemmer: a word (an eojeol, what spaces set apart) without the particles and
endings written onto it.

Korean writes a noun's case particle onto it ("한강의" the Han river's, "한강은", "한강에서" at
the Han) and a verb's tense and mood endings onto its stem ("시작되었다", "시작되나요"). Snowball
has no Korean stemmer, and cutting every word to its first characters (what qabot does for a
language without one) keeps "한강의" and "한강은" apart. So a word loses the longest particle or
ending it ends in, from a list of the grammar's common ones (longest first), as light stemmers
of agglutinative languages do (Savoy 2006); a morphological analyser (Lucene's Nori, MeCab-ko)
would be exact but needs a dictionary of several megabytes.

A one-syllable particle comes off only a word of three syllables or more ("나이", age, keeps
its "이"; "다리는" is "다리"), a longer one off any word it leaves one syllable of; a verb
made of a noun and 하 or 되 then loses those too ("시작되나요" and "시작된다": "시작"). The same
function reads the corpus and the questions, so where it errs it errs alike on both sides.

A name written in another script takes its particle in Hangul ("sid가", "pykrx는", "Python으로"):
the particle comes off whatever the name's length, leaving the name as the text writes it alone.
Questions are asked in the polite informal style ("뭐예요?", "필요해요?", "있어요?"), whose
endings are read as the formal ones are.
"""

from __future__ import annotations

import re

from .scripts import HANGUL

# Endings of predicates (copula, passive and active verbs, tense, politeness, questions) and
# case or topic particles, grouped by length; each group is tried longest first.
_PREDICATE_ENDINGS = (
    "하였습니다 되었습니다 하였는가 되었는가 하였는지 되었는지 이었습니다 였습니다 입니다 "
    "였나요 였는가 였는지 였을까 이었나요 였나 었나요 았나요 었는가 았는가 "
    "습니다 합니다 됩니다 하였다 되었다 하였고 되었고 하였으며 되었으며 이었다 이었고 이었으며 "
    "였으며 하였던 되었던 하는가 되는가 인가요 인가 인지 나요 는가 은가 는지 은지 "
    "하다 되다 한다 된다 했다 됐다 하며 되며 하고 되고 하는 되는 하던 되던 해서 되어 하여 "
    "했고 됐고 했던 됐던 였다 였고 이다 이며 이고 이라 라고 이라고 었다 았다 었고 았고 었던 "
    "았던 면서 으며 했으며 하면 되면 할 될 한 된 했 됐 "
    # the polite informal style of questions ("필요해요", "됐어요", "뭐예요", "있어요")
    "했어요 됐어요 였어요 었어요 았어요 해야 돼요 해요 이에요 예요 에요 어요 아요"
).split()
_PARTICLES = frozenset((
    "에서부터 으로부터 로부터 에게서 한테서 에서는 에서도 에서의 으로는 으로도 으로써 으로서 "
    "로써 로서 에게는 에게도 까지는 까지도 부터는 에서 에게 한테 까지 부터 처럼 보다 마다 "
    "조차 마저 밖에 이나 와의 과의 에는 에도 에의 으로 로는 로도 와는 과는 와도 과도 이란 란 "
    "은 는 이 가 을 를 의 에 로 와 과 도 만 나 며 고"
).split())
_BY_LENGTH = sorted({*_PREDICATE_ENDINGS, *_PARTICLES}, key=len, reverse=True)
_HANGUL = re.compile(f"[{HANGUL}]+")
# a name in another script with a Hangul particle written onto it ("sid가", "pykrx는")
_NAMED_RE = re.compile(f"([^{HANGUL}]*[^\\W\\d_{HANGUL}][^{HANGUL}]*)([{HANGUL}]+)")


def stem(word: str) -> str:
    """``word`` without the longest particle or ending it ends in (see the module's
    docstring); a word not all Hangul syllables as it is."""
    if not _HANGUL.fullmatch(word):
        named = _NAMED_RE.fullmatch(word)
        return named.group(1) if named and named.group(2) in _PARTICLES else word
    for ending in _BY_LENGTH:
        if word.endswith(ending):
            keep = len(word) - len(ending)
            if keep >= (2 if len(ending) == 1 else 1):
                return _noun_of(word[:keep])
    return word


def _noun_of(stem: str) -> str:
    """A verb made of a noun and 하 or 되 ("시작되" in "시작되나요", "시작하" in "시작하여") as
    its noun, the form "시작된다" and "시작했다" come to."""
    return stem[:-1] if len(stem) >= 3 and stem[-1] in "하되" else stem


__all__ = ["stem"]
