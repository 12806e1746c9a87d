"""British and American spellings of one English word read as one term ("licence" and
"license", "colour" and "color", "organisation" and "organization", "travelled" and "traveled"),
and a word's clipped form as the word ("docs" and "documentation", "repo" and "repository").

A newsroom in London and a reader in Boston spell a word two ways; so do a manual and its
user: "Which licence is OpenSSL released under?" met no "license" in the text (the English
stemmer leaves "licenc" and "licens" apart). Every English word is read in its American form
before stemming, in the index and in questions alike.

The words are listed, not guessed by a suffix rule: "-our", "-ise", "-re" and "-ce" end many
words that have no second spelling ("hour", "promise", "acre", "France"). Each row is a stem
the British form shares with its inflections ("organis" in "organised", "organising",
"organisation") and what it becomes.
"""

from __future__ import annotations

import re
from functools import lru_cache

# "-our" -> "-or": colour(s/ed/ful/ing), favour(ite/able), neighbour(hood)
_OUR = ("arbour armour behaviour candour clamour colour demeanour endeavour favour flavour "
        "glamour harbour honour humour labour neighbour odour parlour rancour rigour rumour "
        "saviour savour splendour tumour valour vapour vigour")
# "-re" -> "-er": centre(s/d), theatre, kilometre
_RE = ("calibre centre centimetre fibre kilometre litre lustre meagre metre "
       "millimetre sabre sceptre sombre spectre theatre")
# "-ise" / "-isation" -> "-ize" / "-ization": the bases before "is"
_ISE = ("agon apolog author bapt capital categor central character civil colon critic custom "
        "democrat econom emphas energ equal fantas fertil final general global harmon hospital "
        "human hypnot ideal immun initial industrial internal legal liberal local marginal "
        "material maxim mechan memor minim mobil modern monopol national neutral normal optim "
        "organ penal personal polar popular priorit privat public rational real recogn "
        "revolution sanit satir scandal serial social special stabil standard steril subsid "
        "summar symbol sympath synchron terror theor util vandal visual vocal western")
# a doubled "l" before -ed, -ing, -er: travelled, cancelling, modeller
_LL = ("cancel channel counsel dial duel equal fuel jewel label level marshal marvel model "
       "pencil quarrel rival signal shovel total travel tunnel")
# whole words
_WORDS = {
    "licence": "license", "licences": "licenses", "licenced": "licensed",
    "defence": "defense", "defences": "defenses", "offence": "offense", "offences": "offenses",
    "pretence": "pretense", "catalogue": "catalog", "catalogues": "catalogs",
    "dialogue": "dialog", "dialogues": "dialogs", "analogue": "analog", "analogues": "analogs",
    "programme": "program", "programmes": "programs", "grey": "gray", "aluminium": "aluminum",
    "plough": "plow", "mould": "mold", "sceptic": "skeptic", "sceptical": "skeptical",
    "judgement": "judgment", "judgements": "judgments", "acknowledgement": "acknowledgment",
    "ageing": "aging", "fulfil": "fulfill", "fulfilment": "fulfillment", "enrol": "enroll",
    "enrolment": "enrollment", "skilful": "skillful", "wilful": "willful",
    "marvellous": "marvelous", "jewellery": "jewelry", "paediatric": "pediatric",
    "encyclopaedia": "encyclopedia", "anaemia": "anemia", "oestrogen": "estrogen",
    "manoeuvre": "maneuver", "manoeuvres": "maneuvers", "manoeuvred": "maneuvered",
}
# Clipped forms people type for the word a manual spells out ("the node docs" / "this
# documentation", "repo" / "repository", "config" / "configuration"): read as the whole word.
# Only clippings that mean one word: "auth" (authentication or authorization), "dev" (/dev),
# "min" (minute), "var" (/var), "tmp", "init" and "ref" are left as they are.
_CLIPPED = {
    "doc": "documentation", "docs": "documentation", "repo": "repository",
    "repos": "repositories", "config": "configuration", "configs": "configurations",
    "dir": "directory", "dirs": "directories", "env": "environment", "info": "information",
    "app": "application", "apps": "applications", "db": "database", "dbs": "databases",
    "pkg": "package", "pkgs": "packages", "lib": "library", "libs": "libraries",
    "arg": "argument", "args": "arguments", "param": "parameter", "params": "parameters",
    "spec": "specification", "specs": "specifications", "dep": "dependency",
    "deps": "dependencies", "msg": "message", "msgs": "messages", "max": "maximum",
    "perf": "performance", "impl": "implementation", "cert": "certificate",
    "certs": "certificates", "admin": "administrator", "admins": "administrators",
    "attr": "attribute", "attrs": "attributes", "func": "function", "prefs": "preferences",
    # "Py3.6", "py2": Python's versions as its projects write them ("mac" is left alone: a MAC
    # address is no macOS)
    "py": "python",
}
_WORDS.update(_CLIPPED)
_RULES = (
    (re.compile(rf"^({'|'.join(w[:-3] for w in _OUR.split())})our(\w*)$"), r"\1or\2"),
    (re.compile(rf"^({'|'.join(w[:-2] for w in _RE.split())})re(s?)$"), r"\1er\2"),
    (re.compile(rf"^({'|'.join(w[:-2] for w in _RE.split())})red$"), r"\1ered"),
    (re.compile(rf"^({'|'.join(_ISE.split())})is(e|ed|es|ing|er|ers|ation|ations|able)$"),
     r"\1iz\2"),
    (re.compile(r"^(anal|paral|catal)ys(e|ed|es|ing|er|ers)$"), r"\1yz\2"),
    (re.compile(rf"^({'|'.join(_LL.split())})l(ed|ing|er|ers)$"), r"\1\2"),
)


# Acronyms a question uses for what a text spells out ("Who is the CEO of Northgate Foods?" of
# "chief executive Angela Whitfield"): read as the words, when the corpus never has the acronym.
# Only acronyms of one meaning in general English.
SPELLED_OUT = {
    "ceo": "chief executive", "cfo": "chief financial officer", "coo": "chief operating officer",
    "cto": "chief technology officer", "gdp": "gross domestic product",
    "ipo": "initial public offering", "mp": "member of parliament", "mps": "members of parliament",
    "pm": "prime minister", "hq": "headquarters", "ngo": "non-governmental organisation",
    "ngos": "non-governmental organisations", "faq": "frequently asked questions",
    "un": "united nations", "eu": "european union", "uk": "united kingdom",
    "usa": "united states",
}


@lru_cache(maxsize=200_000)
def american(word: str) -> str:
    """The American spelling of the lower-cased English ``word`` (itself when it has no other)."""
    if word in _WORDS:
        return _WORDS[word]
    for rx, to in _RULES:
        if rx.match(word):
            return rx.sub(to, word)
    return word


__all__ = ["SPELLED_OUT", "american"]
