"""``retrieval.definitions``: what a "what is X?" question asks about, and which headings and
sentences say what X is."""

from __future__ import annotations

import pytest

from retrieval.definitions import (
    defines,
    defines_subject,
    defining_heading,
    describes_itself,
    expands,
    heads_definition,
    subject,
)


@pytest.mark.parametrize(("heading", "question", "expected"), [
    ("psmisc", "What is psmisc?", True),
    ("1.7. psmisc", "what is psmisc", True),  # its number aside
    ("Class: zlib.Unzip", "What is zlib.Unzip?", True),  # a reference's label aside
    ("zlib.crc32(data[, value])", "What is zlib.crc32()?", True),  # and a call's parameters
    ("Event: 'line'", "What is line?", True),
    ("Class: zlib.Gunzip", "What is zlib.Unzip?", False),
    ("Cachegrind: a cache profiler", "What is Cachegrind?", False),  # itself a definition
    ("zlib.unzip(buffer[, options], callback)", "What is zlib.Unzip?", False),  # a function
    ("ZLIB.UNZIP", "What is zlib.Unzip?", False),  # an identifier's case tells it apart
    ("PSMISC", "What is psmisc?", True),  # a word's does not
    # an API reference's signature: its kind and module aside
    ("class cachetools.TTLCache(maxsize, ttl, timer=time.monotonic)", "What does TTLCache do?",
     True),
    ("exception zipfile.BadZipFile", "What is BadZipFile?", True),
    ("@functools.cache(user_function)", "What is cache?", True),
    ("class cachetools.TLRUCache(maxsize, ttu)", "What does TTLCache do?", False),
    ("TTLCache and its timer", "What does TTLCache do?", False),
])
def test_a_heading_that_names_what_is_asked(heading: str, question: str, expected: bool) -> None:
    assert heads_definition(heading, question) is expected


def test_a_term_heads_what_is_asked_with_the_rest_of_it_in_the_title() -> None:
    question = "What does git subtree split do?"
    assert heads_definition("split [<local-commit>] [<repository>]", question, "git-subtree(1)")
    assert not heads_definition("split [<local-commit>]", question, "git-merge(1)")
    assert not heads_definition("split [<local-commit>]", question)


@pytest.mark.parametrize(("heading", "question", "expected"), [
    ("5. Cachegrind: a cache and branch-prediction profiler", "What is Cachegrind?", True),
    ("xsltproc — command line XSLT processor", "What is xsltproc?", True),  # a NAME line
    ("ls - list directory contents", "what is ls", True),
    ("Memcheck: a memory error detector", "What is Cachegrind?", False),  # another subject
    ("Cachegrind: usage", "What is Cachegrind?", False),  # one word says nothing of what it is
    ("Cachegrind", "What is Cachegrind?", False),  # a name alone
    ("Note: Cachegrind is slow.", "What is Cachegrind?", False),
    ("Cachegrind: a profiler", "How do I run Cachegrind?", False),  # no "what is X?"
])
def test_a_heading_that_says_what_is_asked(heading: str, question: str, expected: bool) -> None:
    assert defining_heading(heading, question) is expected


@pytest.mark.parametrize(("head", "sentence", "expected"), [
    ("historysize", "historySize {number} Maximum number of history lines retained.", True),
    ("heap_size_limit", "heap_size_limit The value of heap_size_limit is the maximum size of "
     "the V8 heap.", True),
    ("valgrind", "Valgrind User Manual", False),  # a title: no sentence after the term
    ("Yerevan", "They met in Yerevan, the capital of Armenia.", True),  # an apposition
    # ... that points back at X among others says nothing of what X is
    ("Azerbaijan", "The conflict between Armenia and Azerbaijan, the latter not a member of "
     "the CSTO.", False),
    ("valgrind", "Valgrind Tools and what they do for your program", False),  # no full stop
    ("module", "A module is a file containing Python definitions.", True),
    # "is" defines with a class or a purpose after it, not with whatever follows it
    ("ninja", "Ninja is yet another build system.", True),
    ("disobedience", "Civil disobedience is more of an active attempt to overthrow it.", True),
    ("plugdev", "Group plugdev is used to mount removable devices.", True),
    ("uvicorn", "Uvicorn is BSD licensed code.", False),
    ("libxcrypt", "libxcrypt is currently maintained at Github.", False),
    ("truststore", "Truststore is installed from PyPI with pip:", False),
])
def test_a_definition_lists_term_and_its_description_define_it(head: str, sentence: str,
                                                                expected: bool) -> None:
    assert defines(head, sentence) is expected


def test_documentation_names_the_kind_of_what_it_defines() -> None:
    assert defines("console.debug", "The console.debug() function is an alias for console.log().")
    assert defines("zlib", "The zlib module is a binding to the zlib library.")
    assert not defines("console.debug", "The console.debug() output goes to stdout.")


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("What is libxcrypt?", "libxcrypt is a modern library for one-way hashing of passwords.", True),
    ("What is console.debug()?", "The console.debug() function is an alias for console.log().",
     True),
    ("What is the billion laughs attack?", "The billion laughs attack is one of the XML bombs.",
     True),
    ("What are wheels?", "Wheels are the new standard of Python distribution.", True),
    ("What is symbolic computation?", "Symbolic computation deals with the computation of "
     "mathematical objects symbolically.", True),  # what a field of study is
    ("What is thermodynamics?", "Thermodynamics is concerned with heat and work.", True),
    ("What is libxcrypt?", "libxcrypt is currently maintained at GitHub.", False),
    ("What is libxcrypt?", "libxcrypt: see the README.", False),  # ``defines`` takes "X:"
    ("What is a growing sport in southern California?",
     "College sports are also a big draw in southern California.", False),  # X is all its words
    ("What is the amount of money a lottery ticket of the state lottery costs?",
     "A ticket is a piece of paper.", False),  # a long X asks for no definition
])
def test_a_sentence_says_what_the_whole_x_is(question: str, sentence: str, expected: bool) -> None:
    assert defines_subject(question, sentence) is expected


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("What is WASI?", "WebAssembly System Interface (WASI). This provides access.", True),
    ("What is AT-SPI?", "The interfaces for AT-SPI (Assistive Technology Service Provider "
     "Interface), the core of a stack.", True),
    ("What is the CSTO?", "Members of the Collective Security Treaty Organization (CSTO) met.",
     True),
    ("What is the CSTO?", "Leaders Said Today (CSTO) it met.", False),  # not its initial
    ("What is the CSTO?", "The CSTO (a bloc) met.", False),  # no name spelled out
    ("What is WASI?", "We call it wasi (Web Assembly Interface).", False),  # not the acronym
    ("What is a cat?", "Cats And Tigers (cat) purr.", False),  # X is no acronym
    ("How does WASI work?", "WebAssembly System Interface (WASI).", False),  # no "what is X?"
    # its letters the initials of capitalised words, with no brackets
    ("What does HAL stand for?", "A Hardware Abstraction Layer crate provides an interface.",
     True),
    ("What does the acronym PAC mean?", "A Peripheral Access Crate is generated.", True),
    ("What does HAL stand for?", "It usually depends on a HAL crate.", False),
    ("What does HAL stand for?", "Hardware abstraction layers are common.", False),  # lower case
    # the name the acronym is, its capitals the letters in any order, asked in lower case too
    ("what is utc?", "'UTC' is Coordinated Universal Time.", True),
    ("What is JSON?", "JSON stands for JavaScript Object Notation.", True),
    ("what is wasi?", "WebAssembly System Interface (WASI). This provides access.", True),
    ("What is UTC?", "UTC is Greenwich Mean Time's successor.", False),  # not its letters
    # a name whose words are joined by hyphens, a lower-case word among them, or in quotes
    ("What does LZMA stand for?", "LZMA stands for Lempel-Ziv-Markov chain-Algorithm.", True),
    ("What is JSON?", 'JSON stands for "JavaScript Object Notation".', True),
    ("What is the CEO?", "The CEO is John Smith.", False),
])
def test_an_acronym_spelled_out_beside_it_says_what_it_is(question: str, sentence: str,
                                                          expected: bool) -> None:
    assert expands(question, sentence) is expected
    assert defines_subject(question, sentence) is expected


@pytest.mark.parametrize(("question", "expected"), [
    ("What is Armenia?", ("Armenia",)),  # an "a" that opens X is X's, not an article
    ("What is an apple?", ("apple",)),
    ("What are the anagrams in Python?", ("anagrams",)),
    ("What is theano?", ("theano",)),
    ("Define anaphora", ("anaphora",)),
    ("What does abort mean?", ("abort",)),
    ("What is Ninja used for?", ("Ninja",)),  # what it is for: "used" is no part of it
    ("what is start.conf good for in a cluster?", ("start.conf",)),
    ("What is a used car?", ("used", "car")),
    ("What does TTLCache do?", ("TTLCache",)),  # what it is for
    ("What does the codegen-units setting do?", ("codegen-units", "setting")),
    ("What does --squash do in git subtree?", ("--squash",)),  # what it does, and where
    ("What do they do with the money?", ()),  # a pronoun: no thing to define
    # the way people ask what a thing is
    ("What do you know about the CSTO?", ("CSTO",)),
    ("what can you tell me about libxcrypt", ("libxcrypt",)),
    ("Tell me more about the Harbour Bridge.", ("Harbour", "Bridge")),
    ("Explain anaphora", ("anaphora",)),
    ("Explain how to install pip", ()),  # how to do a thing: no definition
    ("Tell me about why the talks failed", ()),
    ("What do you know about the talks between Armenia and Russia?", ()),  # no definition
    # "what's X?" as people type it
    ("whats small-icu?", ("small-icu",)), ("What’s a jobserver?", ("jobserver",)),
    ("what's the Protected field?", ("Protected", "field")),
    ("What's new in Perl 5.38?", ()), ("whats wrong with my build?", ()),  # idioms
    # what to use to do something is a "how do I ...?"
    ("What's the gpg command to generate a new key pair?", ()),
    ("What is the best way to install it?", ()),
    ("What is the term used to identify it?", ("term",)),
])
def test_the_subject_keeps_its_own_letters_and_loses_its_article(question: str,
                                                                 expected: tuple) -> None:
    assert subject(question, keep_case=True) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("This package is the union of the GNU fileutils, sh-utils, and textutils packages.", True),
    ("This library provides metadata objects.", True),
    ("This directory contains the sources and documentation for Tk.", True),
    ("This Python module mainly implements a parser.", True),
    ("This is the Tk 8.6.13 source distribution.", False),  # says which release, not what
    ("The package provides objects.", False),
    ("Install this package with pip.", False),
])
def test_a_document_says_what_it_is_about(sentence: str, expected: bool) -> None:
    assert describes_itself(sentence) is expected


@pytest.mark.parametrize(("heading", "question", "lang", "expected"), [
    ("1.2. Что такое Debian GNU/Linux?", "что такое Debian?", "ru", True),  # a FAQ's entry
    ("1.2. Что такое Debian GNU/Linux?", "что такое Debian GNU/Linux?", "ru", True),
    ("Что такое политика Debian?", "что такое Debian?", "ru", False),  # another thing
    ("8.1.1. dpkg", "cos'è dpkg?", "it", True),  # a heading that is just X, in any language
    ("8.1.2. dpkg-deb", "cos'è dpkg?", "it", False),
    ("Was ist Debian GNU/Linux?", "Was ist Debian?", "de", True),
    ("1.2 What is Debian GNU/Linux?", "What is Debian?", "en", True),
    ("What is Debian policy?", "What is Debian?", "en", False),  # X's kind, not its name
    ("What is Debian?", "What is Debian GNU/Linux?", "en", False),  # less than X
])
def test_a_heading_asking_what_x_is_or_naming_x_in_any_language(
        heading: str, question: str, lang: str, expected: bool) -> None:
    assert heads_definition(heading, question, lang=lang) is expected
