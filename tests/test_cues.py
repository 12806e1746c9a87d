"""``retrieval.cues``: whether a sentence holds the fact a question asks for, and what it is."""

from __future__ import annotations

import pytest

from retrieval.cues import (
    bare,
    commits,
    counts,
    dated_heading,
    has_code,
    has_evidence,
    is_question,
    numbered_heading,
    signature,
    states_default,
    verbless,
)
from retrieval.questiontypes import asks_default, question_type


def test_a_count_stands_just_before_what_is_counted() -> None:
    words = "they won 952 of their games and three more games later".split()
    assert counts(words, words, "games")
    assert not counts("games were won in 1952 by many".split(), "games were won in 1952 by "
                      "many".split(), "games")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The resulting files will be saved in the build/po/ directory.", True),
    ("It is installed as /usr/local/bin/python3.11 on most machines.", True),
    ("Both TCP/IP and and/or appear here.", False),
    ("The files end up in Paris.", True),
    ("The files end up somewhere.", False),
])
def test_a_path_is_where_a_documentation_question_is_answered(sentence: str,
                                                              expected: bool) -> None:
    assert has_evidence("where", sentence, "Where do the compiled files end up?") is expected


def test_may_and_march_in_lower_case_are_a_verb_and_a_noun_not_months() -> None:
    q = "When does the office open?"
    assert not has_evidence("when", "You may use the side door; the march passed it.", q)
    assert has_evidence("when", "It opens in May.", q)


def test_a_date_the_question_names_or_next_week_is_no_answer_to_on_what_date() -> None:
    q = "On what day in December will the bank announce its next rate decision?"
    assert not has_evidence("when", "The committee will announce its next decision in December.", q)
    assert has_evidence("when", "The committee will announce it on 11 December.", q)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Try the --track-origins=yes option.", True),
    ("Use -k to keep the input.", True),
    ("Set FC_DEBUG to 1024.", True),
    ("Call v8.getHeapStatistics() first.", True),
    ("Set historySize to 0.", True),
    ("A well-known tool, e.g. this one, between -20 and 19.", False),
    ("It runs on Node.js only.", False),  # the question's own
])
def test_code_a_documentation_question_is_answered_with(sentence: str, expected: bool) -> None:
    assert has_code(sentence, "How do I keep it in Node.js?") is expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Default: 30.", True),
    ("The default on most systems is 64.", True),
    ("It defaults to 4 tries.", True),
    ("Compression is on by default.", True),
    ("BROTLI_OPERATION_PROCESS (default for all operations)", True),
    ("Write to a file rather than to the default output file.", False),
])
def test_a_sentence_that_states_a_default(sentence: str, expected: bool) -> None:
    assert states_default(sentence) is expected
    assert asks_default("What's the default TTL?") and not asks_default("What is the TTL?")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("heap_size_limit <number>", True),
    ("buffer {Buffer|TypedArray|DataView|ArrayBuffer|string}", True),
    ("Returns: {readline.Interface}", True),
    ("heap_size_limit The value of heap_size_limit is the maximum size of the heap.", False),
    ("Prints to stderr with newline.", False),
])
def test_a_signature_line_is_bare(sentence: str, expected: bool) -> None:
    assert bare(sentence) is expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Diaphragm pump schematic.", True),  # a figure's caption
    ("World map showing the Arctic Circle in red.", True),  # "red" is no past tense
    ("The river flooded the town.", False),
    ("Official banner used on game covers from 2005-2010", False),
    ("A diaphragm pump is a positive displacement pump.", False),
    ("Albumin transports hormones and fatty acids.", False),
    ("The bridge opened in 1932.", False),
])
def test_a_caption_holds_no_word_that_may_be_a_verb(sentence: str, expected: bool) -> None:
    assert verbless(sentence) is expected


def test_a_version_written_with_a_v_is_a_number() -> None:
    question = "Since which util-linux version has the option been deprecated?"
    assert has_evidence("number", "since: v2.37", question)
    assert not has_evidence("number", "since: a later version", question)


@pytest.mark.parametrize(("sentence", "question", "expected"), [
    ("The opening dinner was attended by 2000 guests.", "How many guests attended?", True),
    ("The market opened in 1835 with a dinner.", "How many guests attended?", False),
    ("The theatre was in operation from 1870 to 1939.", "How long was the theatre open?", True),
    ("Ctenophores can eat ten times their own weight.", "How much do ctenophores eat?", True),
    ("The fonts are based on Vera fonts version 1.10.", "How many glyphs do they cover?", False),
    ("They cover 3000 glyphs since version 1.10.", "How many glyphs do they cover?", True),
    # the day of a date names a day, it counts nothing
    ("Walter O'Malley (October 9, 1903 - August 9, 1979) was an American sports executive.",
     "How many baseball clubs did Walter O'Malley buy?", False),
    ("The assassination took place on Good Friday, 14 April 1865.",
     "How many times did Lincoln take the bar exam?", False),
    ("By October 9, 1903 the league had 12 clubs.", "How many clubs were there?", True),
])
def test_what_counts_as_a_number_for_how_many(sentence: str, question: str,
                                              expected: bool) -> None:
    assert has_evidence("number", sentence, question) is expected


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("When does readline emit the 'line' event?",
     "The 'line' event is emitted whenever the input stream receives an end-of-line input.", True),
    ("When is a language code valid?",
     "A language code is valid when every part of it is assigned a meaning by IANA.", True),
    ("When was defusedxml 0.8.0 released?", "It is released if the tests pass.", False),
    ("When did the bridge open?", "It opened once the last span was in place.", False),
    ("When did the bridge open?", "It opened in 1932.", True),
    ("When does readline emit the 'line' event?", "The 'line' event carries the line.", False),
])
def test_a_when_of_the_present_is_answered_by_a_condition(question: str, sentence: str,
                                                           expected: bool) -> None:
    assert has_evidence("when", sentence, question) is expected


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    # a handbook's "when" is a time of day or a deadline; they were abstained
    ("When is the IT helpdesk open?", "The IT helpdesk is open from 8:00 to 18:00.", True),
    ("When does the shop close?", "The shop closes at 5 pm.", True),
    ("When does the shop close?", "The shop closes at noon.", True),
    ("When is the helpdesk open?", "The helpdesk is open on weekdays.", True),
    ("When must expense claims be submitted?",
     "Expense claims must be submitted within 30 days of purchase.", True),
    ("When does the shop close?", "The shop sells 5 amps fuses.", False),
    ("When did the shop close at 5 pm?", "The shop closed at 5 pm.", False),  # asked already
])
def test_a_time_of_day_or_a_deadline_answers_when(question: str, sentence: str,
                                                  expected: bool) -> None:
    assert has_evidence("when", sentence, question) is expected


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    # documentation dates a change by the release it came with
    ("When were single-DES encryption types removed?",
     "Beginning with the krb5-1.18 release, single-DES encryption types have been removed.", True),
    ("When was the timeout option added?", "Added in version 3.2.", True),
    ("When was the walrus operator added?", "Python 3.8 added assignment expressions.", True),
    ("When was the flag dropped?", "The 2.4 release dropped it.", True),
    ("When was the flag dropped?", "It costs 3.5 million.", False),  # an amount, no release
    ("When was the flag dropped?", "He scored 3.5 points.", False),
    # a question that names its release asks for a date
    ("When will Rust 1.96 be released?", "It needs at least Rust 1.29.", False),
    ("When does support for OpenSSL 3.0 end?", "Use OpenSSL 1.1.1 instead.", False),
    # ... and so does one naming a calendar's unit
    ("In what year was the flag dropped?", "The 2.4 release dropped it.", False),
    ("In what year was the flag dropped?", "The 2.4 release of 2019 dropped it.", True),
])
def test_a_release_answers_when_in_documentation(question: str, sentence: str,
                                                 expected: bool) -> None:
    assert has_evidence("when", sentence, question) is expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The alliance has four other members: Belarus, Kazakhstan, Kyrgyzstan and Tajikistan.", True),
    ("Six countries, including Armenia, Belarus, Kazakhstan, and Russia, are part of it.", True),
    ("It was founded by Bill Gates and Paul Allen.", True),
    # names, but none listed: a news sentence names people and places in passing
    ("Pashinian said his country had supported Kazakhstan when President Toqaev asked.", False),
    ("Russia and the Alliance met.", False),  # one of the two is what is asked of
])
def test_which_countries_asks_for_names_listed(sentence: str, expected: bool) -> None:
    assert has_evidence("names", sentence, "Which countries are members of the alliance?",
                        "en") is expected


def test_a_long_run_of_capitalised_words_that_lists_no_names_is_read_in_one_pass() -> None:
    """A table's cells run into one sentence ("Big5 Cp037, Cp1026 Cp1125, ..."): the list
    pattern once tried every split of every word, so that one "which ... ?" question over a
    page of encodings never returned (twelve names took minutes)."""
    cells = ", ".join(["Abcdefghij Klmnopq Rstuvw Xyzab"] * 200) + " x"  # four words: no name
    assert not has_evidence("names", cells, "Which encodings does it detect?", "en")
    names = ", ".join(["Abcdefghij Klmnopq"] * 200) + ". The end"
    assert has_evidence("names", names, "Which encodings does it detect?", "en")


@pytest.mark.parametrize(("heading", "question", "expected"), [
    ("Version 1.95 (2026-04-16)", "When was Rust 1.95 released?", True),
    ("Release 3.1 - March 2021", "In which year did release 3.1 come out?", True),
    ("Version 1.95", "When was Rust 1.95 released?", False),  # no date
    ("Changes in 2021", "What changed in 2021?", False),  # the question's own year
    ("Version 3.1 (February 2021)", "When is a language code valid?", False),  # a condition
    ("Released on 2026-04-16.", "When was Rust 1.95 released?", False),  # a sentence
])
def test_a_dated_heading_answers_when(heading: str, question: str, expected: bool) -> None:
    assert dated_heading(heading, question) is expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("heap_size_limit <number>", True),
    ("Returns: {readline.Interface}", True),
    ("Default: 30", False),  # a value, no type: it may answer
    ("heap_size_limit The value of heap_size_limit is the maximum size of the heap.", False),
    ("The callback receives an {Object} with two fields.", False),
])
def test_a_signature_line_is_a_name_and_its_type(sentence: str, expected: bool) -> None:
    assert signature(sentence) is expected


def test_a_list_of_platforms_is_evidence_for_which_operating_systems() -> None:
    question = "Which operating systems can Redis be compiled on?"
    assert question_type(question) == "names"
    assert has_evidence("names", "Redis can be compiled and used on Linux, OSX, OpenBSD, NetBSD, "
                        "FreeBSD.", question)
    assert not has_evidence("names", "It may compile on Solaris derived systems.", question)


@pytest.mark.parametrize(("sentence", "asks"), [
    ("Is zlib thread-safe?", True),
    ("Γιατί η Κρήτη έχει τόσους σεισμούς;", True),  # the ";" typed for the Greek mark
    ("Γιατί η Κρήτη έχει τόσους σεισμούς\u037e", True),
    ("لماذا اختير موقع ورزازات؟", True),
    ("Ե՞րբ է բացվել Երևանի մետրոն։", True),  # Armenian's mark over the word asked about
    ("なぜ東京なのですか？", True),
    ("„Warum gerade jetzt?“", True),
    ("Run the build; then stop;", False),  # a semicolon after a Latin word
    ("Երևանի մետրոն բացվել է 1981 թվականին։", False),
])
def test_a_question_is_told_by_its_scripts_own_mark(sentence: str, asks: bool) -> None:
    assert is_question(sentence) is asks


@pytest.mark.parametrize(("sentence", "expected"), [
    # a date of an era, a century written out and a time counted back from now answer "when";
    # they were no date, and the right sentence was abstained ("no_date")
    ("The valley was settled around 9,000 BP.", True),
    ("The shrine was built in c.650 AD and rebuilt twice.", True),
    ("The fort was founded in AD 79 by the legion.", True),
    ("The town grew in the early eighteenth century.", True),
    ("The lake formed some 40,000 years ago.", True),
    ("The sequence is 400 bp long.", False),  # base pairs, in lower case: no era
    ("The second bridge was wider.", False),  # an ordinal, no century
])
def test_an_era_a_century_in_words_or_years_ago_is_a_date(sentence: str,
                                                           expected: bool) -> None:
    assert has_evidence("when", sentence, "When did it happen?") is expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The band was formed in the 1960s.", True),
    ("It was popular in the 90s and in the mid-1980s.", True),
    # an age group, a plane's model: no decade (news_blind2's "free ferry travel for under-18s"
    # answered "When will building start ...?")
    ("She promised free ferry travel for under-18s.", False),
    ("Tickets for over-65s are free.", False),
    ("The airline flies three Boeing 747s.", False),
])
def test_a_decade_is_a_date_an_age_group_is_not(sentence: str, expected: bool) -> None:
    assert has_evidence("when", sentence, "When did it happen?") is expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("10.1. Si può installare e compilare un kernel senza alcun adattamento?", True),
    ("3.1.4. Wenn ich zu einer anderen Distribution wechseln wollte, ginge das?", True),
    # a licence's numbered clause says what is asked (docs_pkg_a: "within 30 days")
    ("8.1. This License will terminate automatically if You fail to cure such breach within 30 "
     "days of becoming aware of the breach.", False),
    ("1. Install the package first.", False),  # a numbered list's item
    ("3.2.3 is the release that fixed it.", False),  # a version
    ("2.5. 000 people came.", False),
])
def test_a_question_opening_with_a_sections_number_is_a_faq_entry(sentence: str,
                                                                 expected: bool) -> None:
    assert numbered_heading(sentence) is expected


@pytest.mark.parametrize(("sentence", "says"), [
    ("By default, HTTP::Tiny does not verify server identity.", True),
    ("No. The plan for Cargo is to use crates.io.", True),
    ("It won’t run the uninstall scripts.", True),
    ("Only the owner may change it.", True),
    ("Pyparsing now requires Python 3.6.8 or later.", False),
    ("Notes on the knowledge base are kept online.", False)])
def test_a_sentence_commits_to_yes_or_no_by_a_negation_restriction_or_obligation(
        sentence: str, says: bool) -> None:
    assert commits(sentence) is says
