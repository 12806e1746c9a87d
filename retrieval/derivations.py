"""An English word and the noun made from it read as one term ("verify" and "verification",
"describe" and "description", "fail" and "failure", "long" and "length").

People ask in verbs and adjectives what documents state in nouns, and the other way round:
"How do I verify a download?" against "Verification of downloads ...", "How long is the
bridge?" against "... a length of 300 metres". The Snowball stemmer joins the regular pairs
("configure" / "configuration", "install" / "installation") but not those whose noun changes
the word's end ("verifi" / "verif", "describ" / "descript", "fail" / "failur").

The pairs are listed, not guessed by a suffix rule, and only where the two words mean one
thing: a noun that is as often a word of its own is left apart ("product" / "produce",
"property" / "proper", "closure" / "close", "resolution" / "resolve", "procedure" /
"proceed", "concept" / "conceive", "pressure" / "press"). Each derived word's stem is read as
its base's stem, so every inflection of either meets the other.
"""

from __future__ import annotations

from collections.abc import Callable

# base word, then the words derived from it whose stems Snowball leaves apart
_PAIRS = """
verify verification; specify specification; classify classification; notify notification;
modify modification; identify identification; justify justification; simplify simplification;
qualify qualification; certify certification; clarify clarification; amplify amplification;
unify unification; describe description descriptive; prescribe prescription;
transcribe transcription; inscribe inscription; fail failure; expose exposure;
disclose disclosure; enclose enclosure; depart departure; solve solution;
dissolve dissolution; evolve evolution; decide decision decisive; divide division;
provide provision; permit permission; admit admission; omit omission; transmit transmission;
submit submission; emit emission; expand expansion; extend extension; suspend suspension;
deliver delivery; discover discovery; recover recovery; lose loss; choose choice;
exceed excess; analyze analysis; maintain maintenance; stable stability; long length;
wide width; deep depth; high height; strong strength; broad breadth; true truth; die death;
grow growth; weigh weight; fly flight; receive receipt; deceive deception;
perceive perception; assume assumption; consume consumption; presume presumption;
resume resumption; absorb absorption; destroy destruction; introduce introduction;
reduce reduction; explain explanation; pronounce pronunciation; repeat repetition;
compete competition; apply application; imply implication; comply compliance;
rely reliance; ally alliance; defend defense; offend offense; pretend pretense;
intend intention; attend attention; retain retention; detain detention;
sustain sustenance; abstain abstention; explode explosion; collide collision;
include inclusion; exclude exclusion; conclude conclusion; persuade persuasion;
invade invasion; evade evasion; erode erosion; corrode corrosion; convert conversion;
occur occurrence; defer deferral; transfer transferral; hinder hindrance; enter entrance;
remember remembrance; clear clarity; pure purity; simple simplicity; generous generosity;
curious curiosity; vary variety; anxious anxiety; sign signature; mix mixture;
please pleasure; seize seizure; moist moisture
"""


def joined(stem: Callable[[str], str]) -> dict[str, str]:
    """Each derived word's stem -> its base word's stem, by ``stem`` (the English stemmer,
    fed the American spelling: "defence" is read as "defense" before it)."""
    table: dict[str, str] = {}
    for row in _PAIRS.split(";"):
        base, *derived = row.split()
        for word in derived:
            if (to := stem(base)) != (frm := stem(word)):
                table[frm] = to
    return table
