"""``retrieval.questiontypes``: what kind of fact a question asks for, from its wording."""

from __future__ import annotations

import pytest

from retrieval.questiontypes import asks_yes_no, counted, names_kind, question_type


@pytest.mark.parametrize(("question", "noun"), [
    ("how many xbox 360 games are there", "games"),
    ("How many people were killed in the bombing?", "people"),
    ("how many colors in the rainbow", "colors"),
    ("what is the number of planets", "planets"),
    ("How many?", None),
    ("When did it open?", None),
])
def test_what_a_how_many_question_counts(question: str, noun: str | None) -> None:
    assert counted(question) == noun


@pytest.mark.parametrize(("question", "kind"), [
    ("What time did the shop open?", "when"),
    ("What year saw the first use of the engine?", "when"),
    ("What time units can Massif use for profiling?", None),  # a noun after "time": no date
    ("What date format does the log use?", None),
])
def test_what_time_asks_when_unless_a_noun_follows(question: str, kind: str | None) -> None:
    assert question_type(question) == kind


@pytest.mark.parametrize(("question", "kind"), [
    ("On what date will Rosa Lindqvist be sworn in as mayor?", "when"),
    ("On what day in December will the bank announce its decision?", "when"),
    ("At what time does the helpdesk open?", "when"),
    ("By which date must the form be sent?", "when"),
    ("On what grounds was he dismissed?", None),
    ("On which platform does it run?", None),
])
def test_on_what_date_asks_when(question: str, kind: str | None) -> None:
    assert question_type(question) == kind


@pytest.mark.parametrize(("question", "kind"), [
    ("Which version of Meson is required?", "number"),
    ("In which psmisc version was the prtstat utility added?", "number"),
    ("Which Valgrind release first shipped the BBV tool?", "number"),
    ("Which GLib release series are supported upstream?", None),  # the series, not a number
    ("What did version 1.1 of the protocol add?", None),  # a version named, not asked
    ("Where are the release notes?", "where"),
])
def test_which_version_asks_for_a_number(question: str, kind: str | None) -> None:
    assert question_type(question) == kind


@pytest.mark.parametrize(("question", "kind"), [
    ("How do I tell Clippy which Rust version my crate must support?", None),
    ("How can I find out which port the daemon listens on?", None),
    ("how to check which company maintains a crate", None),
    ("How do you say what DNS stands for?", "define"),
    ("How many ports does the daemon open?", "number"),  # a count, not a way
    ("How long does a build take?", "number"),
    ("Which port does the daemon listen on?", "number"),
])
def test_a_question_asking_how_to_asks_for_a_way_not_its_clause(question: str,
                                                                kind: str | None) -> None:
    assert question_type(question) == kind


@pytest.mark.parametrize(("question", "kind"), [
    ("Which uid does the www-data user have on Debian?", "number"),
    ("Which GID must the tty group have?", "number"),
    ("What exit code does valgrind return when it finds errors?", "number"),
    ("What port does PostgreSQL listen on by default?", "number"),
    ("Which port number does the server use?", "number"),
    ("What port city was founded in 1800?", None),  # a harbour, not a number
])
def test_which_uid_port_or_exit_code_asks_for_a_number(question: str, kind: str | None) -> None:
    assert question_type(question) == kind


@pytest.mark.parametrize(("question", "kind"), [
    ("Which countries are members of the CSTO?", "countries"),
    ("what Companies make chips?", "companies"),
    ("Which operating systems can Redis be compiled on?", "operating systems"),
    ("Which languages does the library have bindings for?", "languages"),
    ("Which country won?", None),  # one, not names listed
    ("What is the CSTO?", None),
])
def test_a_names_question_says_what_kind_of_names_it_asks_for(question: str, kind: str | None
                                                               ) -> None:
    assert names_kind(question) == kind


@pytest.mark.parametrize(("question", "kind"), [
    # a "when" clause before the question's own interrogative asks for no date
    ("When the river floods, what do the farmers plant?", None),
    ("When prices rise, how much does the council pay?", "number"),
    ("When was the bridge opened?", "when"),
    ("When did Kiev, Minsk and Riga sign it?", "when"),
])
def test_a_when_clause_before_another_interrogative_is_no_when_question(
        question: str, kind: str | None) -> None:
    assert question_type(question) == kind


@pytest.mark.parametrize(("question", "polar"), [
    ("Does pyparsing 3 still support Python 2?", True), ("can zip make incremental backups?", True),
    ("Is X11 forwarding on?", True), ("How do I install pypdf?", False),
    ("Which programs can it read?", False), ("Isolation levels: what are they?", False)])
def test_a_question_opening_on_an_auxiliary_asks_yes_or_no(question: str, polar: bool) -> None:
    assert asks_yes_no(question) is polar


@pytest.mark.parametrize("question", [
    "what nationality is kris jenner", "What religion were the Normans?",
    "Students of what ethnicity came to public schools?",
])
def test_a_people_or_a_faith_is_asked_as_a_person_is(question: str) -> None:
    # its answer names it as a person is named: "an American socialite", "Anglican"
    assert question_type(question) == "who"
