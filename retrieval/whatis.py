""""What is X?" in languages other than English: the X a question asks about, and whether a
sentence opens by saying what X is.

English's reading is ``definitions.py`` (its cue, its features, its rules). Elsewhere a question
is read without English's lists, and "что такое pytils?" found pytils's README but quoted any of
its sentences naming pytils, not "pytils - простой обработчик русского текста". These tables,
written from each language's grammar, give ``subject`` (X: the words after "что такое", "was
ist", "qu'est-ce que", "qué es", ..., or the ways of asking what X is for, "a cosa serve",
"à quoi sert", "wozu dient", which a definition answers; before "是什么", "って何", ...; a
preposition ends it;
at most ``_MAX_WORDS`` words, or ``_MAX_CHARACTERS`` characters in a script without spaces: a
longer one asks for no definition) and ``defines`` (a sentence opening on X, an aside in
brackets and up to two more words ("Debian GNU/Linux"), then the way the language says what a
thing is: "ist ein", "est une", "es un", "é uma", "— это", "是", "は", or a glossary's dash).
"""

from __future__ import annotations

import re
from functools import lru_cache

# a question's article before X ("was ist ein Tag?"), per language
_ARTICLE = {
    "de": r"(?:(?:ein|eine|einen|der|die|das|den)\s+)?",
    "fr": r"(?:(?:un|une|le|la|les)\s+|l['’]\s*)?",
    "es": r"(?:(?:un|una|el|la|los|las)\s+)?",
    "pt": r"(?:(?:o|a|os|as|um|uma)\s+)?",
    "it": r"(?:(?:il|lo|la|i|gli|le|un|uno|una)\s+|l['’]\s*|un['’]\s*)?",
    "nl": r"(?:(?:een|de|het)\s+)?",
}
_X = r"(?P<x>[^?？]+?)\s*[?？]?\s*$"
_ASKS: dict[str, re.Pattern[str]] = {lang: re.compile(rx, re.I) for lang, rx in {
    "ru": (rf"^\s*(?:что\s+(?:такое|значит|означает)|кто\s+(?:такой|такая|такие)"
           rf"|(?:для\s+чего|зачем)\s+(?:нужен|нужна|нужно|нужны))\s+{_X}"),
    "uk": rf"^\s*(?:що\s+(?:таке|означає)|хто\s+(?:такий|така|такі))\s+{_X}",
    "de": (rf"^\s*(?:was\s+(?:ist|sind|bedeutet|heißt|heisst)|wozu\s+(?:dient|dienen))\s+"
           rf"{_ARTICLE['de']}{_X}"),
    "fr": (rf"^\s*(?:qu['’]est[- ]ce\s+(?:que|qu['’])\s*(?:c['’]est\s+)?|c['’]est\s+quoi\s+"
           rf"|que\s+(?:veut\s+dire|signifie)\s+|à\s+quoi\s+(?:sert|servent)\s+)"
           rf"{_ARTICLE['fr']}{_X}"),
    "es": (rf"^\s*¿?\s*(?:qué\s+(?:es|son|significa)|para\s+qué\s+(?:sirve|sirven))\s+"
           rf"{_ARTICLE['es']}{_X}"),
    "pt": (rf"^\s*(?:o\s+que\s+(?:é|são|significa)|para\s+que\s+(?:serve|servem))\s+"
           rf"{_ARTICLE['pt']}{_X}"),
    "it": (rf"^\s*(?:(?:che\s+)?cos['’]\s*è|che\s+cosa\s+(?:è|sono)|cosa\s+(?:è|sono)"
           rf"|cosa\s+significa|a\s+(?:che\s+)?cosa\s+(?:serve|servono)|a\s+che\s+serve)\s+"
           rf"{_ARTICLE['it']}{_X}"),
    "nl": rf"^\s*(?:wat\s+(?:is|zijn|betekent)|waarvoor\s+dient)\s+{_ARTICLE['nl']}{_X}",
    "pl": rf"^\s*(?:co\s+to\s+(?:jest|są|znaczy)|czym\s+(?:jest|są)|do\s+czego\s+służy)\s+{_X}",
    "cs": rf"^\s*(?:co\s+(?:je|jsou|znamená)|k\s+čemu\s+(?:je|slouží))\s+{_X}",
    "fi": rf"^\s*(?:mikä|mitkä|mitä)\s+(?:on|ovat|tarkoittaa)\s+{_X}",
    "id": rf"^\s*(?:apa\s+(?:itu|yang\s+dimaksud\s+dengan|arti)|apakah\s+itu)\s+{_X}",
    "zh": r"^\s*(?:什么是|何为|何谓)\s*(?P<x>[^?？]+?)\s*[?？]?\s*$"
          r"|^\s*(?P<y>[^?？]+?)\s*(?:是什么|是啥|是什么东西|指的是什么)\s*[?？]?\s*$",
    "ja": r"^\s*(?P<x>[^?？]+?)\s*(?:って|とは)\s*(?:何|なに|なん)?\s*(?:ですか|でしょうか)?"
          r"\s*[?？]?\s*$",
}.items()}
# what follows X in a sentence saying what X is, per language; a dash between X and what it is
# (a glossary's "Tag - набор граммем") in every one
_DASH = r"\s+[—–-]\s+"
_SAYS = {
    "ru": rf"(?:{_DASH}(?:это\s+)?|\s+(?:это|является|являются)\s+)",
    "uk": rf"(?:{_DASH}(?:це\s+)?|\s+(?:це|є)\s+)",
    "de": rf"(?:{_DASH}|\s+(?:ist|sind|bezeichnet|bedeutet)\s+(?:\w+\s+)?"
          r"(?:ein|eine|einer|der|die|das)\s)",
    "fr": rf"(?:{_DASH}|\s+(?:est|sont|désigne)\s+(?:\w+\s+)?(?:un|une|le|la|les|des|l['’]))",
    "es": rf"(?:{_DASH}|\s+(?:es|son)\s+(?:\w+\s+)?(?:un|una|el|la|los|las)\s)",
    "pt": rf"(?:{_DASH}|\s+(?:é|são)\s+(?:\w+\s+)?(?:um|uma|o|a|os|as)\s)",
    "it": rf"(?:{_DASH}|\s+(?:è|sono)\s+(?:\w+\s+)?(?:un|uno|una|il|lo|la|i|gli|le|l['’]))",
    "nl": rf"(?:{_DASH}|\s+(?:is|zijn)\s+(?:\w+\s+)?(?:een|de|het)\s)",
    "pl": rf"(?:{_DASH}(?:to\s+)?|\s+(?:to|jest|są)\s+)",
    "cs": rf"(?:{_DASH}|\s+(?:je|jsou)\s+)",
    "fi": rf"(?:{_DASH}|\s+(?:on|ovat)\s+)",
    "id": rf"(?:{_DASH}|\s+(?:adalah|merupakan|ialah|yaitu|yakni)\s+)",
    "zh": r"\s*(?:[—–-]+\s*|是|，?是一|，?即)",
    "ja": r"\s*(?:[—–-]+\s*|は|とは|、)",
}
# where X ends: a preposition after its name ("тег в pymorphy" asks what a tag is)
_PREPOSITIONS = {lang: frozenset(words.split()) for lang, words in {
    "ru": "в во на для из у по при о об с со к от",
    "uk": "в у на для з із зі по при про від до",
    "de": "in im bei für von vom zu zum zur mit auf an am aus",
    "fr": "de du des dans en pour sur avec à au aux chez",
    "es": "de del en para con por a al sobre",
    "pt": "de do da dos das em no na nos nas para com por",
    "it": "di del della dei delle in nel nella per con a al su sul",
    "nl": "in van voor bij met op uit",
    "pl": "w we na dla z ze u przy o po od do",
    "cs": "v ve na pro z ze u při o po od do k",
    "id": "di ke dari untuk dengan pada dalam",
}.items()}
_UNSPACED = ("zh", "ja")
_MAX_WORDS = 4
_MAX_ASKED = 6  # ... and before a preposition ends X
_MAX_CHARACTERS = 12
# a word of X: letters, digits and the marks inside a name ("GNU/Linux", "C++", "snownlp.py")
_WORD = re.compile(r"[\w.+#/-]+")
# what may stand before X at a sentence's opening: quotes, markup, a list's mark, and at most
# two words ("Il pacchetto pbuilder è ...", "Das Werkzeug dpkg ist ...": an article and the
# kind of thing X is); and after it, an aside in brackets ("jaconv (Japanese Converter) は ...")
_BEFORE = r"^[\W_]{0,3}"
_BEFORE_WORD = r"[^\W\d_]+\s+"  # ... none of them a preposition ("V aptitude je mnoho voleb")
_ASIDE = r"(?:\s*[(（][^)）]{0,80}[)）])?"


@lru_cache(maxsize=1024)  # asked again for every candidate sentence of the question
def subject(question: str, lang: str) -> tuple[str, ...]:
    """The words of X in a "what is X?" question in ``lang`` (other than English), or ``()``:
    no such question, or X too long to be a thing's name."""
    rx = _ASKS.get(lang)
    m = rx.match(question) if rx is not None else None
    if m is None:
        return ()
    x = next(g for g in m.groups() if g).strip(" \"'«»“”「」")
    if lang in _UNSPACED:
        return (x,) if 0 < len(x) <= _MAX_CHARACTERS else ()
    words = tuple(_WORD.findall(x))
    if len(words) > _MAX_ASKED:  # a question about what someone did, no thing's name
        return ()
    cut = next((k for k, w in enumerate(words)
                if k and w.lower() in _PREPOSITIONS.get(lang, ())), len(words))
    words = words[:cut]
    return words if 0 < len(words) <= _MAX_WORDS else ()


def defines(question: str, sentence: str, lang: str) -> bool:
    """Whether ``sentence`` opens by saying what the X of the "what is X?" ``question`` (in
    ``lang``) is: X (after at most two words: an article, the kind of thing it is), at most
    two more words, then the language's copula or a dash."""
    asked = subject(question, lang)
    says = _SAYS.get(lang)
    if not asked or says is None:
        return False
    named = r"[\s-]+".join(re.escape(w) for w in asked)
    more = r"" if lang in _UNSPACED else r"(?:\s+[^\s—–]+){0,2}?"
    return re.match(rf"{_BEFORE}{_before_words(lang)}{named}{_ASIDE}{more}{says}", sentence,
                    re.I) is not None


@lru_cache(maxsize=64)
def _before_words(lang: str) -> str:
    """At most two words before X at a sentence's opening, none of them ``lang``'s
    prepositions (none in a script without spaces)."""
    if lang in _UNSPACED:
        return ""
    prepositions = "|".join(sorted(map(re.escape, _PREPOSITIONS.get(lang, ()))))
    word = rf"(?!(?:{prepositions})\s){_BEFORE_WORD}" if prepositions else _BEFORE_WORD
    return rf"(?:{word}){{0,2}}?"


__all__ = ["defines", "subject"]
