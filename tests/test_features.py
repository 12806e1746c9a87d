"""``retrieval.features``: a candidate sentence's feature row, from what was measured of it."""

from __future__ import annotations

import pytest

from retrieval.features import Asked, Measured, row
from retrieval.query import Query
from retrieval.selection import FEATURES

QUESTION = "How many games did the Zorbex team win?"
QUERY = Query(terms=("game", "zorbex", "team", "win"),
              weights={"game": 2.0, "zorbex": 4.0, "team": 1.0, "win": 1.0}, cue="number",
              known=frozenset({"game", "zorbex", "team", "win"}))


def measured(text: str, terms: list[str], window: set[str], title: frozenset[str] = frozenset(),
             **kw: object) -> Measured:
    base = dict(text=text, terms=terms, matched=frozenset(window & set(terms)),
                window=frozenset(window), own_alike={}, window_alike={}, passage_score=1.0,
                passage_rank=0, position=0.0, first=True, item=False, defined=False,
                evidence=False, context=False, specific_met=True, title_terms=title)
    base.update(kw)
    return Measured(**base)  # type: ignore[arg-type]


def features(m: Measured) -> dict[str, float]:
    return dict(zip(FEATURES, row(m, QUERY, Asked.of(QUESTION, QUERY)), strict=True))


def test_focus_is_what_the_window_meets_outside_the_title() -> None:
    # the title names the topic (Zorbex); the question asks about games and wins
    title = frozenset({"zorbex"})
    topic_only = features(measured("The Zorbex team was founded in 1921.",
                                   ["zorbex", "team", "found", "1921"], {"zorbex", "team"},
                                   title))
    answering = features(measured("The Zorbex team won 40 games.",
                                  ["zorbex", "team", "won", "40", "game"],
                                  {"zorbex", "team", "game"}, title))
    assert topic_only["title"] == pytest.approx(0.5)
    assert topic_only["focus"] == pytest.approx(0.25)  # team: 1 of game + team + win = 4
    assert answering["focus"] == pytest.approx(0.75)
    assert (topic_only["ev_count"], answering["ev_count"]) == (0.0, 1.0)  # "40 games"
    no_title = features(measured("The Zorbex team won.", ["zorbex", "team", "won"],
                                 {"zorbex", "team"}))
    assert no_title["focus"] == no_title["win"]  # without a title it is the window's share


def test_openings_and_alignment_reach_the_row() -> None:
    f = features(measured("Zorbex is a team.", ["zorbex", "team"], {"zorbex", "team"},
                          lead=True, section_lead=True, sem=0.8))
    assert (f["lead"], f["section_lead"], f["sem"]) == (1.0, 1.0, 0.8)
    assert f["sem_gain"] == pytest.approx(0.8 - 5 / 8)  # beyond its exact terms' share


def test_a_lead_in_and_a_list_item_asked_what_it_is() -> None:
    lead = features(measured("The team won these games:", ["team", "win", "game"],
                             {"team", "win", "game"}, lead_in=True))
    assert lead["lead_in"] == 1.0 and lead["item_what_is"] == 0.0
    query = Query(terms=("zorbex",), weights={"zorbex": 1.0}, cue="what_is",
                  known=frozenset({"zorbex"}))
    item = measured("Zorbex: a game of rules", ["zorbex", "game", "rule"], {"zorbex"}, item=True,
                    evidence=True)
    f = dict(zip(FEATURES, row(item, query, Asked.of("What is Zorbex?", query)), strict=True))
    assert (f["item_what_is"], f["lead_in"]) == (1.0, 0.0)
    assert features(item)["item_what_is"] == 0.0  # a "how many" question's item
    # an item that names X without saying what it is ("1. Lxml is protected against Zorbex")
    naming = measured("Lxml is protected against Zorbex", ["lxml", "protect", "zorbex"],
                      {"zorbex"}, item=True)
    f = dict(zip(FEATURES, row(naming, query, Asked.of("What is Zorbex?", query)), strict=True))
    assert f["item_what_is"] == 0.0


def test_a_lead_in_does_not_count_for_a_yes_no_question() -> None:
    lead = measured("The team won these games:", ["team", "win", "game"],
                    {"team", "win", "game"}, lead_in=True)
    for question, counts in (("Did the Zorbex team win games?", 0.0),
                             ("Is the Zorbex team winning games?", 0.0),
                             ("Which games did the Zorbex team win?", 1.0)):
        f = dict(zip(FEATURES, row(lead, QUERY, Asked.of(question, QUERY)), strict=True))
        assert f["lead_in"] == counts, question


def test_code_and_a_default_reach_the_row() -> None:
    query = Query(terms=("histori", "size"), weights={"histori": 1.0, "size": 1.0}, cue=None,
                  known=frozenset({"histori", "size"}))
    default = measured("This option sets it. Default: 30.", ["option", "set", "default", "30"],
                       {"histori"})
    option = measured("Set it with --history-size=30.", ["set", "histori", "size", "30"],
                      {"histori", "size"})

    def f(m: Measured, question: str) -> dict[str, float]:
        return dict(zip(FEATURES, row(m, query, Asked.of(question, query)), strict=True))

    asked_default = f(default, "What's the default history size?")
    assert (asked_default["ev_default"], asked_default["code"]) == (1.0, 0.0)
    assert f(default, "What is the history size?")["ev_default"] == 0.0  # no default asked
    elsewhere = measured("Paging defaults to off.", ["page", "default", "off"], set())
    assert f(elsewhere, "What's the default history size?")["ev_default"] == 0.0  # not of it
    # half the question met, but not what the default is asked of: the default timeout is no
    # default SSL certificate
    urllib = Query(terms=("default", "timeout", "urllib"),
                   weights={"default": 1.0, "timeout": 1.0, "urllib": 1.0}, cue=None,
                   known=frozenset({"default", "timeout", "urllib"}))
    certificates = measured("urllib loads the default certificates by default.",
                            ["urllib", "load", "default", "certif", "default"],
                            {"urllib", "default"})
    timeout = measured("urllib waits forever by default: no timeout.",
                       ["urllib", "wait", "forev", "default", "timeout"],
                       {"urllib", "default", "timeout"})
    asked = Asked.of("What's the default timeout for urllib requests?", urllib)
    assert asked.default_of == "timeout"
    for m, stated in ((certificates, 0.0), (timeout, 1.0)):
        assert dict(zip(FEATURES, row(m, urllib, asked), strict=True))["ev_default"] == stated
    how = f(option, "How do I set the history size?")
    assert (how["code"], how["code_how"], how["q_how"]) == (1.0, 1.0, 1.0)
    assert f(option, "How do I set --history-size=30?")["code"] == 0.0  # the question's own



def test_weights_summed_over_terms_do_not_hang_on_their_order() -> None:
    # a set's order follows string hashing, which changes from process to process
    from retrieval.features import mass
    query = Query(terms=("a", "b", "c"), weights={"a": 0.1, "b": 0.2, "c": 0.3}, cue=None,
                  known=frozenset({"a", "b", "c"}))
    assert 0.1 + 0.2 + 0.3 != 0.3 + 0.2 + 0.1  # as a plain sum would
    assert mass(["a", "b", "c"], query, {}) == mass(["c", "b", "a"], query, {})  # type: ignore[arg-type]


@pytest.mark.parametrize(("question", "kind"), [
    ("Why did the fire spread?", "why"),
    ("What started the Birch Ridge wildfire?", "why"),  # what caused it: a cause is asked
    ("What caused the delay?", "why"),
    ("What led to the strike?", "why"),
    ("What is the Birch Ridge wildfire?", "other"),
])
def test_a_question_for_what_caused_something_asks_why(question: str, kind: str) -> None:
    query = Query(terms=("fire",), weights={"fire": 1.0}, cue=None, known=frozenset({"fire"}))
    asked = Asked.of(question, query)
    assert asked.kind == kind
    sparked = dict(zip(FEATURES, row(measured("The fire was sparked by lightning.", ["fire"],
                                              {"fire"}), query, asked), strict=True))
    assert sparked["cause_why"] == float(kind == "why")
