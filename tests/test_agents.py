"""``retrieval.agents``: the sentence that names the doer of the verb a "who" question asks
about."""

from __future__ import annotations

import pytest

from retrieval.agents import asked_role, asked_verb, doer_terms, names_doer, names_holder


@pytest.mark.parametrize(("question", "verb"), [
    ("Who leads the CSTO?", "leads"),
    ("Which country leads the CSTO bloc?", "leads"),
    ("Who is leading the CSTO?", "leading"),
    ("Who was the bloc founded by?", "founded"),
    ("Who wrote Hamlet?", "wrote"),
    ("Who will host the games?", "host"),
    ("Who actually came up with Python?", "came"),
    ("Who has been appointed?", "appointed"),
    # no verb whose doer is asked for
    ("Who is the president?", None),
    ("Which countries are members of the CSTO?", None),
    ("Who did Russia attack?", None),  # the one done to
    ("When was the CSTO founded?", None),
    ("Which databases can Roundup use?", None),  # the one done to
    ("What is stack clash protection?", None),
])
def test_the_verb_a_who_question_asks_the_doer_of(question: str, verb: str | None) -> None:
    assert asked_verb(question) == verb


ASKED = frozenset({"csto", "lead"})


@pytest.mark.parametrize(("sentence", "names"), [
    ("The bloc, a defence pact, is led by Russia and comprises former Soviet republics.", True),
    ("Pashinyan might leave the Moscow-led Collective Security Treaty Organisation (CSTO).",
     True),
    ("Putin leads the CSTO.", True),
    # a name and the verb, but the verb's doer of something else
    ('He also accused Moscow of leading a "coordinated propaganda campaign".', False),
    ("Tensions flared up at a Russian-led summit as Putin refused to support Armenia.", False),
    ("The CSTO was formed in 2002 by six countries.", False),  # another verb's doer
    ("The lead of the CSTO was lost by Russia.", False),  # the noun
])
def test_a_sentence_names_the_doer_of_the_verb(sentence: str, names: bool) -> None:
    assert names_doer(sentence, "leads", ASKED) is names


def test_an_irregular_participle_is_read_as_its_verb() -> None:
    assert names_doer("Hamlet was written by Shakespeare.", "wrote", frozenset({"hamlet"}))
    assert names_doer("The bridge was built by Roman engineers.", "builds", frozenset())
    assert not names_doer("The bridge was built by hand.", "builds", frozenset())  # no name


def test_the_verb_stated_in_another_form_counts_as_met() -> None:
    terms = frozenset({"csto", "lead"})
    assert doer_terms("Who leads the CSTO?", "The bloc is led by Russia.", terms) == {"lead"}
    assert doer_terms("Who leads the CSTO?", "Russia joined the bloc.", terms) == frozenset()
    assert doer_terms("Who is the CSTO's head?", "The bloc is led by Russia.",
                      terms) == frozenset()


@pytest.mark.parametrize(("question", "asked"), [
    ("Who runs Millbrook's council?", {"run"}), ("Who's in charge of the trust?", {"charg"}),
    ("Who is the boss of the bus company?", {"boss"}), ("Who speaks for the drivers?", {"speak"}),
    ("Who runs?", {"run"}),
    ("Who is the mayor?", None), ("Who did the council ask?", None),  # no role asked for
])
def test_a_question_asking_for_a_role_s_holder(question: str, asked: set[str] | None) -> None:
    assert asked_role(question) == (None if asked is None else frozenset(asked))


@pytest.mark.parametrize(("sentence", "level"), [
    ("Council leader Margaret Doyle said the authority had no alternative.", 2),
    ("Dr Samuel Achterberg, the trust's chief executive, said he was sorry.", 2),
    ('"We were surprised," said the council\'s chief scientist, Dr Emeka Adeyemi.', 2),
    ("Managing director Helen Acaster said: \"We are proud of Gary.\"", 1),  # whose: not said
    ("Deputy leader Tom Reyes voted against.", 0),  # a deputy is not the one in charge
    ("The council's leader said the plan was sound.", 0),  # no name
    ("Members of the council voted six to two.", 0),
])
def test_a_sentence_names_a_role_s_holder(sentence: str, level: int) -> None:
    assert names_holder(sentence, frozenset({"council", "trust"})) == level


def test_a_role_holder_counts_for_the_verb_asked_with() -> None:
    terms = frozenset({"run", "council", "millbrook"})
    assert doer_terms("Who runs Millbrook's council?", "Council leader Margaret Doyle spoke.",
                      terms) == {"run"}
    assert doer_terms("Who runs Millbrook's council?", "The council runs the bus.",
                      terms) == frozenset()
