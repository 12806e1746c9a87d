"""What kind of quantity an English question asks for, and whether a sentence states one.

"How much has the project cost?" asks for money, "How old was she?" for an age, "How big has
the fire grown?" for an area, "How hot was the water?" for a temperature. The ranker's
``ev_number`` knows only that a sentence holds some number, and a news story's lead holds many
("rescued 14 passengers"): ``asked_units`` names the kinds of quantity a question asks for
(from its words: "cost", "how old", "temperature"), ``states_unit`` whether a sentence holds a
quantity of one of those kinds that the question does not (a currency, an age beside a name,
degrees, hectares, ...). ``precedence.unit_first`` brings such a sentence forward when the best
lacks one.
"""

from __future__ import annotations

import re

_WORD_COUNT = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
               r"a few|several|a|an)")

# each kind of quantity as a sentence states it
STATED: dict[str, re.Pattern[str]] = {
    "money": re.compile(
        r"[$£€¥₹₽]\s?\d|\d[\d,.]*\s?(?:(?:thousand|million|billion|trillion|bn|m)\s)?"
        r"(?:dollars|euros?|pounds sterling|pounds|yen|yuan|rupees|roubles|rubles|francs|pesos|"
        r"cents|pence)\b|\b(?:USD|EUR|GBP|JPY|CHF|AUD|CAD|CNY)\s?\d|\d\s?(?:USD|EUR|GBP|JPY|CHF)\b",
        re.I),
    # "aged 91", "a 47-year-old", "Gary Pembridge, 47, was ...", "one lady who was 91", "Gary
    # Pembridge (38)" (after a name: "step (2)" or "see (12)" is no age)
    "age": re.compile(r"\b(?:aged|age of|at age)\s+\d{1,3}\b|\b\d{1,3}[- ]years?[- ]old\b"
                      r"|[A-Za-z],\s\d{1,3},\s|\bwho (?:was|is) \d{1,3}\b"
                      r"|(?-i:[A-Z])[\w'’-]*\s\(\d{1,3}\)", re.I),
    "temperature": re.compile(r"\d\s?[°º]|\bdegrees?\b|\bcelsius\b|\bfahrenheit\b", re.I),
    "percent": re.compile(r"\d\s?%|\bper ?cent\b|\bpercentage points?\b|\bhalf\b"
                          r"|\b(?:a|one|two) (?:third|quarter)s?\b", re.I),
    "length": re.compile(r"\d\s?(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m|cm|mm|feet|foot|"
                         r"ft|inch(?:es)?|yards?|nautical miles?)\b", re.I),
    "area": re.compile(r"\d\s?(?:hectares?|ha|acres?|square (?:kilomet(?:er|re)s?|miles?|"
                       r"met(?:er|re)s?|feet)|sq\.? ?(?:km|mi|m|ft)|km²|km2|m²|mi²)(?!\w)", re.I),
    # "six weeks", "a few days", "from 1870 to 1939", "1914-18"
    "duration": re.compile(rf"\b{_WORD_COUNT}[- ](?:years?|months?|weeks?|days?|hours?|minutes?|"
                           r"seconds?|decades?|centuries)\b|\b(?:from|between)\s+\d{3,4}\s+"
                           r"(?:to|until|till|and)\s+\d{3,4}\b|\b1[0-9]\d\d\s?[-–]\s?\d{2,4}\b",
                           re.I),
    "weight": re.compile(r"\d\s?(?:kg|kilograms?|grams?|g|tonnes?|tons?|pounds?|lbs?|ounces?|oz)\b",
                         re.I),
    "speed": re.compile(r"\d\s?(?:km/h|kph|mph|miles per hour|knots?|m/s|"
                        r"kilomet(?:er|re)s (?:per|an) hour)\b", re.I),
}

# a question asking for a quantity ("how much / old / far ...", "what was the price ...")
_ASKS_QUANTITY = re.compile(
    r"\bhow (?:much|many|old|hot|cold|warm|far|tall|high|deep|wide|big|large|long|heavy|fast)\b"
    r"|\bwhat (?:was|is|were|are|will be)\s+(?:the|its|their|his|her)\s+\w+"
    r"|\bwhat (?:percent|percentage|share|proportion|age|temperature|speed)\b", re.I)
# the words that say which kind it asks for
_ASKED: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"\b(?:cost|costs|costing|price[sd]?|fees?|fined?|salary|salaries|budget|"
                r"revenues?|profits?|income|wages?|funding|worth|paid|pay|spend|spent|"
                r"earn(?:ed|s)?|money|raised?|bonus(?:es)?|fares?|rent|tax(?:es)?|loans?|"
                r"debts?|sales)\b", re.I), ("money",)),
    (re.compile(r"\bhow (?:old|young)\b|\bwhat age\b", re.I), ("age",)),
    (re.compile(r"\bhow (?:hot|cold|warm)\b|\btemperatures?\b", re.I), ("temperature",)),
    (re.compile(r"\bwhat (?:percent(?:age)?|share|proportion|fraction)\b|\bpercent(?:age)?\b",
                re.I), ("percent",)),
    (re.compile(r"\bhow (?:far|tall|high|deep|wide)\b|\b(?:distance|length|height|depth|width|"
                r"altitude|elevation)\b", re.I), ("length",)),
    (re.compile(r"\bhow (?:big|large)\b|\barea\b", re.I), ("area",)),
    (re.compile(r"\bhow long\b", re.I), ("duration", "length")),
    (re.compile(r"\bhow heavy\b|\bweigh(?:s|ed)?\b|\bweight\b", re.I), ("weight",)),
    (re.compile(r"\bhow fast\b|\bspeed\b|\bvelocity\b", re.I), ("speed",)),
)


def may_state(question: str, sentence: str) -> bool:
    """Whether ``sentence`` may state the quantity ``question`` asks for in a way ``STATED``
    does not read: it names that quantity in the question's words and holds a figure ("In the
    summers, temperature ranges are 90-60's" for "What is the temperature in summer?")."""
    return any(char.isdigit() for char in sentence) and any(
        pattern.search(question) and pattern.search(sentence) for pattern, _ in _ASKED)


def asked_units(question: str) -> tuple[str, ...]:
    """The kinds of quantity (``STATED``'s keys) an English ``question`` asks for, most likely
    first; ``()`` when it asks for none or for a plain count."""
    if _ASKS_QUANTITY.search(question) is None:
        return ()
    out: list[str] = []
    for pattern, kinds in _ASKED:
        if pattern.search(question):
            out += [k for k in kinds if k not in out]
    return tuple(out)


def states_unit(kinds: tuple[str, ...], sentence: str, question: str) -> bool:
    """Whether ``sentence`` states a quantity of one of ``kinds`` whose figures the question
    does not hold ("$10,315 a ton" for "What was the price of copper?")."""
    for kind in kinds:
        for m in STATED[kind].finditer(sentence):
            figures = re.findall(r"\d+", m.group(0))
            if not figures or not all(f in question for f in figures):
                return True
    return False


__all__ = ["STATED", "asked_units", "may_state", "states_unit"]
