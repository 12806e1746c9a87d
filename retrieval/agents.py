"""Who does what a "who" question asks about: the sentence that names the doer of its verb.

"Who leads the CSTO?" asks for the doer of "lead" done to the CSTO. A sentence holding the verb
and a name may still name no doer of it: "He also accused Moscow of leading a propaganda
campaign" leads a campaign, not the CSTO, while "The bloc ... is led by Russia" and "the
Moscow-led Collective Security Treaty Organisation" name the doer. English only.

A sentence names the doer (``names_doer``) when it holds the verb as a participle followed by
"by" and a capitalised word ("is led by Russia", "was founded by Steve Jobs"), as a participle
joined to a capitalised word before it and followed by one of the question's terms (what it
qualifies is what is asked about: "the Moscow-led ... Organisation (CSTO)", not "a Russian-led
summit"), or in any form followed (past an article or a possessive) by one of the question's
terms ("Putin leads the CSTO": the doer comes before). Irregular forms ("led", "written",
"built") are read as their verb: the stemmer leaves them apart, and only here, in these frames,
are they read so ("led" alone is also a metal; docs/benchmarks.md measured reading them
everywhere and did not keep it).

"Who runs Millbrook's council?", "Who is in charge of the trust?", "Who speaks for the
drivers?" ask for the holder of a role (``asked_role``): a story names them by it, before or
after their name, rarely by the question's verb ("Council leader Margaret Doyle", "Dr Samuel
Achterberg, the trust's chief executive", "the festival's artistic director, Noor Haddad":
``names_holder``; ``precedence.doer_first`` asks its window to hold the question's other
terms but one).
"""

from __future__ import annotations

import re

from .analyzer import STOP_WORDS, term_of

# a verb, then its irregular past forms (the participle last)
_FORMS = """
lead led; write wrote written; choose chose chosen; speak spoke spoken; drive drove driven;
ride rode ridden; steal stole stolen; give gave given; take took taken; grow grew grown;
know knew known; throw threw thrown; draw drew drawn; sing sang sung; run ran; lose lost;
begin began begun; keep kept; send sent; spend spent; build built; hold held; win won;
sell sold; tell told; bring brought; buy bought; teach taught; catch caught; fight fought;
make made; pay paid; meet met; find found; bind bound; feed fed; lend lent; shoot shot;
break broke broken; wear wore worn; fly flew flown; hide hid hidden; see saw seen;
undertake undertook undertaken; oversee oversaw overseen; withdraw withdrew withdrawn;
forgive forgave forgiven; beat beaten; set; put; cut; hit; let; lay laid;
leave left; sit sat; stand stood; understand understood; strike struck; sweep swept;
shake shook shaken; eat ate eaten; fall fell fallen; freeze froze frozen; swear swore sworn;
think thought; seek sought; deal dealt; mean meant; spin spun; hang hung; dig dug; sink sank sunk
"""
_BASE: dict[str, str] = {}
_PARTICIPLES: set[str] = set()
for _row in _FORMS.split(";"):
    _verb, *_past = _row.split()
    for _form in _past:
        _BASE.setdefault(_form, _verb)
    _PARTICIPLES.add(_past[-1] if _past else _verb)

# the kinds of question (``questiontypes``) that ask who: for a person, a country, a company, ...
DOER_CUES = frozenset({"who", "names"})
# what stands between "who" (or "which country", "what company") and the verb it asks the doer
# of: an auxiliary of tense or voice, never "do" (which asks for the one done to: "who did
# Russia attack?")
_ASKS = re.compile(
    r"^\s*(?:who|(?:which|what)\s+([a-z]+))\s+(?:(is|are|was|were|has|have|had|will|would|"
    r"can|could)\s+(?:been\s+|being\s+)?)?(?:[a-z]+ly\s+)?([a-z]+)\b", re.I)
_NOT_ASKED = frozenset({"do", "does", "did", "be", "is", "are", "was", "were", "has", "have",
                        "had", "the", "a", "an", "of", "in", "on", "to"})
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_ARTICLES = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these",
                       "our", "your", "all"})


def _stem(word: str) -> str | None:
    """The term of ``word``'s verb (an irregular form read as its verb; ``term_of`` keeps the
    terms of the words it has seen, up to its bound)."""
    word = word.lower()
    return term_of(_BASE.get(word, word))


def asked_verb(question: str) -> str | None:
    """The verb (as written, lower-cased) whose doer a "who" question (``DOER_CUES``) asks for
    ("Who leads the CSTO?", "Which country leads ...?", "Who was the bloc founded by?":
    "leads", "founded"), or ``None`` (a "who is X?" asks no verb; "who did X attack?" asks for
    the one done to)."""
    by = re.search(r"\b([a-z]+)\s+by\s*\?*\s*$", question, re.I)
    if by and question.lstrip().lower().startswith("who"):
        word = by.group(1).lower()
    else:
        m = _ASKS.match(question)
        if not m:
            return None
        word = m.group(3).lower()
        if m.group(1) in STOP_WORDS:  # "what is X?": no noun asked for
            return None
        aux = (m.group(2) or "").lower()
        if aux in ("will", "would", "can", "could") and m.group(1):
            return None  # "which databases can Roundup use?": the one done to
        if aux and aux not in ("will", "would", "can", "could") and not (
                word.endswith("ing") or _participle(word)):
            return None  # "which countries are members": no verb after "are"
    if word in _NOT_ASKED or (word in STOP_WORDS and word not in _BASE):
        return None
    return word


def doer_terms(question: str, sentence: str, terms: frozenset[str]) -> frozenset[str]:
    """The term of the verb a "who" question asks the doer of (one of ``terms``, the
    question's), when ``sentence`` names its doer in a form the term does not meet ("is led
    by Russia" for "leads"): what the sentence states without the question's word. Likewise
    the terms a question asks for a role's holder with ("runs", ``asked_role``), when the
    sentence names someone by a role (``names_holder``)."""
    role = asked_role(question)
    if role and names_holder(sentence, terms - role):
        return role & terms
    verb = asked_verb(question)
    term = term_of(verb) if verb else None
    if verb is None or term not in terms or not names_doer(sentence, verb, terms):
        return frozenset()
    return frozenset({term})


# "who runs / heads / is in charge of / is the boss of / speaks for X?"
_ROLE_ASK = re.compile(
    r"^\s*who(?:['’]s|\s+is|\s+was|\s+will\s+be)?\s+(?:now\s+|currently\s+)?(?P<asked>"
    r"(?:runs?|running|ran|leads?|leading|led|heads?|heading|headed|manages?|managing|managed"
    r"|chairs?|chairing|chaired|directs?|directing|directed|governs?|governing|governed"
    r"|owns?|owned|(?:speaks?|speaking|spoke)\s+for|represents?|representing)\b"
    r"|in\s+charge\s+of\b|(?:the\s+)?(?:boss|head|leader|chief|chair|owner|director"
    r"|spokes(?:person|man|woman))\s+(?:of|for|at)\b)", re.I)
# the roles a story names a leader or a voice by (English)
_ROLES = frozenset("""leader head chief executive director chair chairman chairwoman chairperson
president boss manager governor mayor commander captain principal headteacher organiser
organizer secretary spokesperson spokesman spokeswoman owner founder editor coordinator
convenor minister ceo dean chancellor superintendent""".split())
_TITLES = frozenset("dr mr mrs ms miss prof professor sir dame lord lady rev".split())
# who holds a role but is not the one in charge
_NOT_HEAD = frozenset({"deputy", "vice", "assistant", "former", "ex", "acting", "interim"})
# "<Name>, the / its ... " right before a role ("Kev Mulligan, the ATU's regional organiser")
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*,\s+(?:the|its|their|his|her)\s+(?:[\w'’&-]+\s+){0,3}$")
_BEFORE_CHARS = 160  # how far before a role its "<Name>, the ..." is looked for


def asked_role(question: str) -> frozenset[str] | None:
    """The terms of what a "who runs / is in charge of / speaks for X?" ``question`` asks with
    ("run", "charg"), or ``None``: it asks for no holder of a role."""
    m = _ROLE_ASK.match(question)
    if m is None:
        return None
    words = (w.lower() for w in _WORD.findall(m.group("asked")))
    return frozenset(t for w in words if w not in STOP_WORDS and (t := term_of(w)))


def names_holder(sentence: str, whose: frozenset[str] = frozenset()) -> int:
    """Whether ``sentence`` names someone by a role (``_ROLES``) beside their name ("leader
    Margaret Doyle", "Doyle, the council's leader", "chief scientist, Dr Emeka Adeyemi"): 2
    when one of ``whose`` (the terms of whose role it is) stands just before the role ("union
    president Héctor Villalobos", "the trust's chief executive"), 1 when none does, 0 when no
    one is named so. A deputy's, a vice-chair's or a former holder's is none."""
    spans = [(m.group(0), m.start()) for m in _WORD.finditer(sentence)]
    lower = [w.lower().removesuffix("'s").removesuffix("’s") for w, _ in spans]
    found = 0
    for i, w in enumerate(lower):
        if w not in _ROLES or (i and lower[i - 1] in _NOT_HEAD):
            continue
        named = False
        # the name after the role, a word of the role's between ("chief scientist, Dr ...")
        for j in (i + 1, i + 2):
            if j < len(spans) and lower[j] in _TITLES:
                j += 1
            if j < len(spans) and spans[j][0][:1].isupper() and lower[j] not in _ROLES:
                named = True
        # the name before it: "<Name>, the X's <role>", in the words just before it
        start = spans[i][1]
        before = _NAME_BEFORE.search(sentence, max(0, start - _BEFORE_CHARS), start)
        named = named or before is not None
        if named:
            owner = any(term_of(x) in whose for x in lower[max(0, i - 3):i])
            found = max(found, 2 if owner else 1)
    return found



def _participle(word: str) -> bool:
    w = word.lower()
    return w.endswith(("ed", "en")) or w in _PARTICIPLES


def names_doer(sentence: str, verb: str, asked: frozenset[str]) -> bool:
    """Whether ``sentence`` names the doer of ``verb`` (a form of it, ``asked_verb``): "<verb>ed by
    <Name>", "<Name>-<verb>ed" before one of ``asked`` (the question's terms: "the Moscow-led
    ... Organisation (CSTO)", not "a Russian-led summit" for the CSTO), or "<verb> [the] <a term
    of ``asked``>"."""
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(sentence)]
    stem = _stem(verb)
    for i, (word, start, _) in enumerate(words):
        if _stem(word) != stem:
            continue
        if _participle(word):
            if i + 2 < len(words) and words[i + 1][0] == "by" and words[i + 2][0][:1].isupper():
                return True
            if (start > 1 and sentence[start - 1] == "-" and i
                    and words[i - 1][2] == start - 1 and words[i - 1][0][:1].isupper()
                    and any(term_of(w.lower()) in asked for w, _, _ in words[i + 1:i + 7])):
                return True
        rest = [w for w, _, _ in words[i + 1:i + 4]]
        while rest and rest[0].lower() in _ARTICLES:
            rest.pop(0)
        if rest and term_of(rest[0].lower()) in asked:
            return True
    return False


__all__ = ["DOER_CUES", "asked_role", "asked_verb", "doer_terms", "names_doer", "names_holder"]
