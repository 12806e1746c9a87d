"""A full stop that ends no sentence: after an abbreviation ("Mr.", "e.g.", "z. B.", "т. е.", the
everyday ones of the languages qabot reads), an initial ("J. Smith"), a dotted acronym ("U.S.",
"bl.a."), a day's ordinal before a month or an ordinal before a noun that takes one ("am 3.
Oktober", "im 18. Jahrhundert"); unless an abbreviation closes a list or a clause's year before
a capital ("... и т. д. Потом", "... в 1991 г. Это"). What ``sentences`` asks of a full stop
before a word that would start a sentence."""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep pres rev hon "
    "no nos vol pp fig figs art sec ch ed eds est approx dept univ inc ltd corp co bros vs etc "
    "al cf jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun "
    "u.s u.k u.n e.g i.e eg ie viz resp incl a.m p.m esp misc "
    # other languages' (German, Spanish, French, Italian, Russian, ...): "ca. 300", "т. е."
    "ca bzw vgl nr usw ggf evtl inkl sog str abs jh jhd mio mrd tsd sra srta ud uds pág "
    "mme mlle env av ecc sig dott ex ej "
    "г гг т ул им см стр проф кв соавт др "
    # ... and common ones of the languages qabot reads that are no word of another, none ending
    # a sentence as a rule (the entries of Moses' per-language ``nonbreaking_prefix`` lists,
    # mosesdecoder/scripts/share/nonbreaking_prefixes, that are in everyday use): Spanish and
    # Portuguese ("la Dra. Martínez", "los EE. UU.", "aprox. 12"), Polish, Czech and Slovak
    # ("np.", "tzw.", "ul.", "tzv.", "např."), Dutch ("bijv."), Finnish ("esim."), Hungarian
    # ("ún.", "pl."), Romanian ("cca."), Turkish ("örn.", "bkz."), the Nordic languages ("jfr.",
    # "bl. a."), German ("bspw.", "geb.", "Abb."), Russian and Ukrainian ("рис.", "напр.");
    # and "saint" before a name, Polish "św." and Russian and Ukrainian "св." ("ul. Św. Jana")
    "dra dras dres srs sres avda admón núm aprox exmo ee ee.uu ff.aa cc.aa rr.hh "
    "np tzw ul wg mgr inż godz św tzv např tzn popř tj "
    "bijv blz dhr mevr drs "
    "esim ks "
    "ún pl ld vö "
    "cca dl dna "
    "örn bkz doç "
    "jfr bl pga iflg "
    "bspw geb gest abb hrsg ebd verh "
    "рис напр табл гл обл див вул пос св".split()
)
# Abbreviations that are also words (English "ok", Spanish "mil", ...) or often end a sentence
# ("etc." of Czech, Dutch, Finnish, Hungarian, Turkish and the Nordic languages): no sentence
# end only before a lower-case word or a number, as in "ok. 800 tys. mieszkańców", "1,3 mil.
# obyvatel", "Ulus ve vb. kurumlar", "V ст. н. е."
_BEFORE_LOWER = frozenset(
    "ok ок tys mil kb mm ns atd enz jne stb vb osv mv ung uu ст грн es "
    # a sum's units in Russian and Ukrainian, which a noun in lower case follows inside a
    # sentence ("5 тыс. человек") and a capital only after its end ("340 млн руб. Средства
    # выделил бюджет."; German's "Mio." and "Mrd." are no such: "5 Mio. Euro")
    "тыс тис млн млрд руб "
    # months abbreviated before a year ("7. Dez. 2026", "7 déc. 2026", "7 дек. 2026 г.", "7 dic.
    # 2026"): German, French, Spanish, Italian, Portuguese, Russian, Ukrainian (English's are in
    # ``ABBREVIATIONS``; those that are English words, "may", "ago", "set", "out", left out)
    "mär okt dez janv févr fevr avr juil déc ene abr dic genn gen febbr mag giu lug ott fev "
    "янв фев февр мар апр авг сент окт нояб дек січ лют бер квіт трав черв серп вер жовт груд"
    .split()
)
# A day's ordinal before a month ("am 3. Oktober", "1. maj"), or an ordinal before a noun that
# takes one, capitalised as German nouns are ("im 18. Jahrhundert", "zum 3. Mal", "der 2.
# Weltkrieg"): no sentence end after its dot. (Other languages writing ordinals with a dot
# write such nouns in lower case, which starts no sentence.)
_MONTHS = frozenset({"jan", "feb", "mär", "mar", "apr", "mai", "maj", "jun", "jul", "aug",
                     "sep", "okt", "oct", "nov", "dez", "dec", "jän"})
_ORDINAL_NOUNS = ("jahrhundert", "jahrtausend", "jh", "weltkrieg", "mal ", "mal,", "platz",
                  "klasse", "auflage", "liga", "bundesliga", "jahrestag", "geburtstag", "todestag",
                  "stock", "kapitel", "armee", "division", "sinfonie", "symphonie", "runde",
                  "etappe", "spieltag", "legislaturperiode", "amtszeit", "dynastie")
_ORDINAL_RE = re.compile(r"(?<![\d.])\d{1,2}$")
# A dotted acronym or abbreviation: "u.s", "a.m", and of letters in parts of up to three, one
# of them a letter alone: "t.ex", "f.eks", "bl.a", "m.fl", "f.kr" (not "os.py", a file's name)
_DOTTED_RE = re.compile(r"(?:\w\.)+\w|(?=[^.]*(?:^|\.)[^\W\d_](?:\.|$))"
                        r"[^\W\d_]{1,3}(?:\.[^\W\d_]{1,3})+")


def ordinal_before_month(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether the full stop of boundary ``m`` ends a day's ordinal before a month name, or an
    ordinal before a noun that takes one."""
    dot = m.start("end")
    if not text[dot - 1 : dot].isdigit():
        return False
    after = text[m.end() : m.end() + 20].lower()
    return ((after[:3] in _MONTHS or after.startswith(_ORDINAL_NOUNS))
            and bool(_ORDINAL_RE.search(text, start, dot)))


_WORD_OPENERS = "\"'“‘«‹„‚([{¿¡-–—"  # what may stand right before an initial ("(J. Smith)")
_WORDISH_RE = re.compile(r"[\w.]+")  # \w: what ``str.isalnum`` accepts, and "_"


def abbreviation_ends(text: str, start: int, dot: int, following: str = "") -> bool:
    """Whether the word before the full stop at ``dot`` (within the sentence from ``start``) is
    an abbreviation, an initial or a dotted acronym; when the character ``following`` the
    boundary is a lower-case letter or a digit, also one of ``_BEFORE_LOWER`` ("vb. kurumlar",
    "mil. obyvatel"). (A rule of any short word in lower case before a lower-case word would
    not do: documentation writes "... at configure time. debuginfod is packaged ...".)"""
    # back over the word (letters, digits, "_", ".") the full stop ends: from the last space
    # when all after it is such (one call), else character by character
    i = max(text.rfind(" ", start, dot) + 1, start)
    word = text[i:dot]
    # (letters and digits alone, the common case, are such without the pattern)
    if not word or not (word.isalnum() or _WORDISH_RE.fullmatch(word)):
        i = dot
        while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):
            i -= 1
        word = text[i:dot]
    if i == dot:
        return False
    # a letter glued to what comes before it ends a unit ("12,4 mg/l.", "50 km/h."): no initial
    glued = i > start and not (text[i - 1].isspace() or text[i - 1] in _WORD_OPENERS)
    word = word.lower().strip(".")
    before_lower = following.islower() or following.isdigit()
    found = (word in ABBREVIATIONS or (word in _BEFORE_LOWER and before_lower)
             # an initial ("J."), or a dotted acronym ("U.S.", "a.m."; none without a dot inside)
             or (len(word) == 1 and word.isalpha() and not glued)
             or ("." in word and bool(_DOTTED_RE.fullmatch(word))))
    # ... but one closing a list or a clause's year ends its sentence before a capital
    return found and (before_lower or not _closes_sentence(text, start, dot))


# Abbreviations that close what they follow, not open what comes next as a title does ("Dr.
# Müller", "г. Москва", "la Dra. López", "M. Dupont", "z. B. Kapitel", "т. е. цифры"): a list's
# "and so on" ("etc.", "usw.", "ecc.", Russian "и т. д.", "и т. п.", "и др.", "и пр.") and a
# year's or a century's word after its number (Russian and Bulgarian "в 1991 г.", "1990-х гг.",
# "XIX в.", Ukrainian "у 1991 р."). Before a capital they end their sentence, a year's word when
# its number closes a clause that has more before it (``_year_closes_clause``). Written here
# squeezed: lower case, without dots and spaces.
_LIST_CLOSERS = frozenset({"etc", "usw", "ecc", "итд", "итп", "идр", "ипр"})
_YEAR_WORDS = frozenset({"г", "гг", "в", "вв", "р", "рр"})
_NUMBERISH_RE = re.compile(r"\d[\d\-–—/]*[^\W\d_]{0,3}$|[IVXLC]+(?:[–-][IVXLC]+)?$")
_CLAUSE_MARKS = (",", ";", ":")
_NON_WORD_RE = re.compile(r"[^\w]+")


def _closes_sentence(text: str, start: int, dot: int) -> bool:
    """Whether the abbreviation before the full stop at ``dot`` (in the sentence from
    ``start``) closes a list ("... и т. д.", "... etc.") or a clause with its year ("Это
    случилось в 1991 г."): a sentence end before a capital, where a title or a "that is"
    ("г. Москва", "т. е. Москва") goes on."""
    tokens = text[max(start, dot - 160) : dot].split()
    squeezed = [_NON_WORD_RE.sub("", t.lower()) for t in tokens[-3:]]
    if any("".join(squeezed[-n:]) in _LIST_CLOSERS for n in range(1, len(squeezed) + 1)):
        return True
    return bool(squeezed) and squeezed[-1] in _YEAR_WORDS and _year_closes_clause(tokens[:-1])


def _year_closes_clause(tokens: list[str]) -> bool:
    """Whether the words ``tokens`` end on a year's (or century's) number that closes their
    clause: a preposition in lower case of one or two letters before it ("в", "с", "до", "у")
    and two or more words before that. "Москва стала столицей в 1918" and "Это было в 1990-х"
    close a clause; "В 1991", "В конце 1991", "5 декабря 1991", "С 1991 по 1995" open one ("В
    1991 г. Москва стала столицей"), and so does "Договор подписали 8 декабря 1991" (with no
    preposition before it, a capital after it may be a name the date is told of: no end
    rather than a date cut from what happened on it); a date's month after its day ("8
    декабря 1991") and a word between two numbers ("с 1991 по 1995") are the number's."""
    clause = tokens
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k] in ("—", "–", "-") or tokens[k].endswith(_CLAUSE_MARKS):
            clause = tokens[k + 1 :]
            break
    i = len(clause)
    numbers = 0
    while i > 0:
        t = clause[i - 1]
        if _NUMBERISH_RE.match(t):
            numbers += 1
        elif not (i >= 2 and _NUMBERISH_RE.match(clause[i - 2]) and t.isalpha()
                  and t.islower()):
            break
        i -= 1
    rest = [t.lstrip("(«„\"“") for t in clause[:i]]
    return (numbers > 0 and len(rest) >= 3 and rest[-1].isalpha() and rest[-1].islower()
            and len(rest[-1]) <= 2)


__all__ = ["ABBREVIATIONS", "abbreviation_ends", "ordinal_before_month"]
