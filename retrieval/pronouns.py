"""A sentence opening on a pronoun of the third person, in the languages qabot reads with spaces.

"She lives in a farmhouse ...", "Ze ontspringt bij Gouy ...", "Він помер у Празі ...",
"Ia wafat di Jakarta ...": such a sentence speaks of what its document is about, which it does
not name (``surroundings.about_title``; English's are read there). The tables hold each
language's personal pronouns of the third person that open a sentence as its subject ("he",
"she", "they", and "it" where the word is no expletive or article as well), and their
possessives where they are no other word: not
Dutch "het" ("het is ..."), Swedish and Danish "det", "den", "de" (articles), German "es" ("es
gibt"), Dutch "zijn" ("to be"), Bulgarian "то" ("then"). Languages written without spaces
(Chinese, Japanese, Thai, ...) are not read: their pronouns are characters inside a run.
"""

from __future__ import annotations

import re

PRONOUNS: dict[str, frozenset[str]] = {code: frozenset(words.split()) for code, words in (
    ("de", "er sie sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer"),
    ("nl", "hij zij ze haar hun"),
    ("af", "hy sy hulle"),
    ("sv", "han hon hans hennes deras"),
    ("da", "han hun hans hendes deres"),
    ("nb", "han hun hans hennes deres"), ("no", "han hun hans hennes deres"),
    ("nn", "han ho hans hennar deira"),
    ("is", "hann hún þeir þær hans hennar þeirra"),
    ("fr", "il elle ils elles son sa ses leur leurs"),
    ("es", "él ella ellos ellas su sus"),
    ("pt", "ele ela eles elas seu sua seus suas"),
    ("gl", "el ela eles elas seu súa seus súas"),
    ("ca", "ell ella ells elles seu seva seus seves"),
    ("it", "egli lui lei essa esso essi esse loro suo sua suoi sue"),
    ("ro", "el ea ei ele"),
    ("ru", "он она оно они его её ее их"),
    ("uk", "він вона воно вони його її їх"),
    ("be", "ён яна яно яны яго яе іх"),
    ("bg", "той тя те неговият нейният техният"),
    ("mk", "тој таа тие"),
    ("sr", "он она оно они"),
    ("pl", "on ona ono oni one jego jej ich"),
    ("cs", "on ona ono oni jeho její jejich"),
    ("sk", "on ona ono oni ony jeho jej ich"),
    ("sl", "on ona ono oni njegov njegova njen njena"),
    ("hr", "on ona ono oni njegov njegova njezin njezina"),
    ("bs", "on ona ono oni njegov njegova njen njena"),
    ("lt", "jis ji jie jos jo"),
    ("lv", "viņš viņa viņi viņas viņa"),
    ("et", "ta tema nad nende"),
    ("fi", "hän he hänen heidän"),
    ("hu", "ő ők"),
    ("el", "αυτός αυτή αυτοί αυτές"),
    ("tr", "o onun onlar"),
    ("id", "ia dia beliau mereka"), ("ms", "ia dia beliau mereka"),
    ("vi", "ông bà họ"),
    ("he", "הוא היא הם הן"),
    ("ar", "هو هي هم"),
    ("fa", "او وی آنها"),
)}
_FIRST_WORD = re.compile(r"^\W*(\w+)")


def opens_on_pronoun(sentence: str, lang: str) -> bool:
    """Whether ``sentence`` (in language ``lang``) opens on a pronoun of the third person (the
    first word of it, any case); ``False`` in a language without a table."""
    words = PRONOUNS.get(lang)
    first = _FIRST_WORD.match(sentence) if words else None
    return first is not None and first.group(1).lower() in words  # type: ignore[operator]


__all__ = ["PRONOUNS", "opens_on_pronoun"]
