"""What is quoted with a chosen sentence: the sentence that points back at it, the answer under
a question, or the short code block it leads in to."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from retrieval import QAEngine
from retrieval.collection import Sentence
from retrieval.quotes import (
    CODE_INDENT,
    MAX_ANSWER_CHARS,
    follow_up,
    items_after,
    outside_code,
    quote_text,
)


def sentences(*lines: list[str]) -> list[Sentence]:
    out: list[Sentence] = []
    for line in lines:
        for k, text in enumerate(line):
            out.append(Sentence(0, len(out), text, quotable=len(text.split()) >= 3, first=k == 0))
    return out


def test_the_answer_under_an_faqs_question_is_quoted_with_it() -> None:
    s = sentences(["38. How can I encrypt zip files with zlib?"],
                  ["zlib doesn't support encryption.", "Use GnuPG for that."],
                  ["39. Is zlib thread safe?"], ["Yes?"], ["Yes, it is."])
    assert follow_up(s, 0) == (1, 2)  # the answer's paragraph, not the next question
    assert follow_up(s, 1) == ()  # no question, no pointing back
    assert follow_up(s, 3) == ()  # nor by another question


def test_the_paragraph_an_answers_lead_in_introduces_is_quoted_too() -> None:
    s = sentences(["What is GNU Nettle?", "A quote from the manual:"],
                  ["Nettle is a cryptographic library.", "It fits any context."],
                  ["Nettle is free software."])
    assert follow_up(s, 0) == (1, 2, 3)  # the lead-in, then the paragraph it introduces
    s = sentences(["What is GNU Nettle?", "It is a library."], ["Nettle is free software."])
    assert follow_up(s, 0) == (1,)  # no lead-in: the answer's own paragraph only


def test_an_answer_is_quoted_up_to_its_bound() -> None:
    long = "word " * (MAX_ANSWER_CHARS // 5 - 10) + "ends."
    s = sentences(["Can Valgrind attach to a running program?"],
                  ["No, it cannot do that.", "It needs full control from the start.", long])
    assert follow_up(s, 0) == (1, 2)


def test_a_consequence_or_the_one_named_before_is_quoted_with_its_sentence() -> None:
    for follows in ("The consequence is that you must install it there.",
                    "Therefore you must install it there.", "The first one is the default.",
                    "On such systems it is twice as fast."):
        s = sentences(["The prefix is baked into the program.", follows])
        assert follow_up(s, 0) == (1,), follows
    s = sentences(["The prefix is baked into the program.", "The first release was 1.0."])
    assert follow_up(s, 0) == ()  # "the first" of something else


def test_a_sentence_pointing_back_in_its_line_and_not_in_the_next() -> None:
    s = sentences(["Frob keeps old copies.", "This can be done with --keep."],
                  ["This line stands alone."])
    assert follow_up(s, 0) == (1,)
    assert follow_up(s, 1) == ()


def test_a_paragraph_opening_with_it_or_he_goes_on_from_the_paragraph_before() -> None:
    s = sentences(["Sodium is a new, easy-to-use software library."],
                  ["It is a portable fork of NaCl."],
                  ["This section describes the build."], ["Its goal is speed."])
    assert follow_up(s, 0) == (1,)  # "It" at a paragraph's opening: the paragraph before's subject
    assert follow_up(s, 1) == ()  # "This" at one points at the section as often
    assert follow_up(s, 2) == (3,) and follow_up(s, 2, "de") == ()  # English's pronouns only


def test_an_faq_question_marked_q_and_of_several_sentences_is_quoted_with_its_answer() -> None:
    s = sentences(["Q: I told xz to use many threads but it uses only one core.",
                   "What is wrong?"],
                  ["A: The input file is too small for the block size.", "Use smaller blocks."],
                  ["Q: Does xz support the .7z format?"], ["A: No, use 7-Zip for that."])
    assert follow_up(s, 0) == (1, 2, 3)  # the rest of the question, then its answer
    assert follow_up(s, 4) == (5,)
    assert follow_up(s, 2) == ()  # an answer's sentence is no question


def test_a_sentence_going_on_with_it_or_they_or_a_however_is_quoted_with_the_one_before() -> None:
    s = sentences(["The max_distance parameter sets a cutoff.", "It has a default of 25."],
                  ["Do not send pull requests to GitHub.", "Instead, we use GitLab."],
                  ["The cache is small.", "The index is large."])
    assert follow_up(s, 0) == (1,)
    assert follow_up(s, 2) == (3,)
    assert follow_up(s, 4) == ()  # a sentence of its own
    people = sentences(["The mayor spoke first.", "She thanked the council."])
    assert follow_up(people, 0) == (1,)


def test_what_points_back_is_read_in_the_passages_language() -> None:
    s = sentences(["Der Parameter setzt eine Grenze.", "Er hat den Standardwert 25."],
                  ["Параметр задаёт предел.", "Однако его можно изменить."])
    assert follow_up(s, 0, "de") == (1,)
    assert follow_up(s, 0, "en") == ()  # "Er" points back in German only
    assert follow_up(s, 2, "ru") == (3,)
    assert follow_up(s, 2, "xx") == ()  # a language without its words: nothing after


def items(*lines: list[str]) -> list[Sentence]:
    """List items, one a line, each of its sentences."""
    return [Sentence(0, s.number, s.text, s.quotable, item=True, first=s.first)
            for s in sentences(*lines)]


def test_a_short_list_item_is_quoted_whole_and_a_long_one_by_its_sentence() -> None:
    s = items(["0 -- The service responded with no errors."],
              ["255 -- Command failed.", "There were errors from the CLI or the service.",
               "See the log for them."],
              ["130 -- The process received a SIGINT (Ctrl-C)."])
    assert quote_text(s[1], s, {}) == ("255 -- Command failed. There were errors from the CLI "
                                       "or the service. See the log for them.")
    assert quote_text(s[2], s, {}) == "There were errors from the CLI or the service."
    assert quote_text(s[4], s, {}) == "130 -- The process received a SIGINT (Ctrl-C)."
    long = items(["A first sentence of a long item.", "x " * MAX_ANSWER_CHARS])
    assert quote_text(long[0], long, {}) == "A first sentence of a long item."
    faq = items(["43. Is zlib subject to export controls?", "What is its ECCN?"])
    faq += sentences(["zlib is not subject to export controls: it is EAR99."])
    assert quote_text(faq[0], faq, {}).endswith("What is its ECCN? zlib is not subject to "
                                                "export controls: it is EAR99.")


def test_a_list_item_standing_alone_over_a_paragraph_is_quoted_with_it() -> None:
    def item(text: str, number: int) -> Sentence:
        return Sentence(0, number, text, quotable=True, item=True)

    problem = item("My document says that the current year is 19100, not 2000.", 0)
    answer = sentences(["In groff the yr register yields the year minus 1900.",
                        "This has always been so."])
    s = [problem, *(dataclasses.replace(x, number=x.number + 1) for x in answer)]
    assert follow_up(s, 0) == (1, 2)  # an FAQ's problem, the title of its answer
    listed = [item("Set the GROFF_NO_SGR environment variable.", 0),
              item("Pass the -c option to grotty.", 1),
              *(dataclasses.replace(x, number=x.number + 2) for x in answer)]
    assert follow_up(listed, 1) == ()  # the last item of a list: no title of what follows


# --- a lead-in with the short code block it introduces ----------------------------------------


def test_a_lead_in_is_quoted_with_its_code_a_line_each_and_nothing_after_it() -> None:
    s = sentences(["If you want to install pytest, just type one of:"],
                  ["It installs the latest release."])
    s[0] = dataclasses.replace(s[0], code=("pip install -U pytest", "easy_install -U pytest"))
    assert quote_text(s[0], s, {}) == (
        "If you want to install pytest, just type one of:\n"
        f"{CODE_INDENT}pip install -U pytest\n{CODE_INDENT}easy_install -U pytest")
    assert follow_up(s, 0) == ()  # "It ..." comes after the code, not after the lead-in
    plain = [dataclasses.replace(s[0], code=()), s[1]]
    assert quote_text(plain[0], plain, {}) == ("If you want to install pytest, just type one "
                                               "of: It installs the latest release.")


def test_a_lead_ins_code_comes_before_the_items_of_its_list() -> None:
    s = sentences(["Example for a trust base record:"])
    s += items(["Field 2: Reason for staleness of trust."], ["Field 3: Trust model."])
    s = [dataclasses.replace(x, number=i) for i, x in enumerate(s)]
    s[0] = dataclasses.replace(s[0], code=("tru:o:0:1166697654:1:3:1:5",))
    assert items_after(s) == {0: (1, 2)}  # its code changes nothing of its list
    assert quote_text(s[0], s, items_after(s)) == (
        f"Example for a trust base record:\n{CODE_INDENT}tru:o:0:1166697654:1:3:1:5\n"
        "• Field 2: Reason for staleness of trust.\n• Field 3: Trust model.")
    text = quote_text(s[0], s, items_after(s))
    marks = [(m.start(), m.end()) for m in re.finditer("trust|tru:o", text, re.I)]
    assert [text[a:b] for a, b in outside_code(text, marks)] == ["trust", "trust", "Trust"]


# Each reader's code block after a lead-in, and a long one after another, in a tiny corpus.
_READERS = {
    "guide.md": """# Frobnicator

## Installing

The frobnicator ships as a package on the index.

To install the frobnicator, type:

```
pip install --upgrade frobnicator
```

## Profiling

To profile a run, start the frobnicator this way:

```
frob --profile \\
     --output report.txt
frob-report report.txt > summary.html
frob-clean
```
""",
    "guide.rst": """Frobnicator
===========

Installing
----------

The frobnicator ships as a package on the index.

To install the frobnicator, type::

    pip install --upgrade frobnicator

Profiling
---------

To profile a run, start the frobnicator this way::

    frob --profile \\
         --output report.txt
    frob-report report.txt > summary.html
    frob-clean
""",
    "guide.html": """<html><head><title>Frobnicator</title></head><body><main>
<h1>Frobnicator</h1>
<h2>Installing</h2>
<p>The frobnicator ships as a package on the index.</p>
<p>To install the frobnicator, type:</p>
<pre>pip install --upgrade frobnicator</pre>
<h2>Profiling</h2>
<p>To profile a run, start the frobnicator this way:</p>
<pre>frob --profile \\
     --output report.txt
frob-report report.txt &gt; summary.html
frob-clean</pre>
</main></body></html>
""",
}


@pytest.mark.parametrize("name", sorted(_READERS))
def test_each_reader_quotes_a_lead_in_with_its_short_code(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(_READERS[name], encoding="utf-8")
    engine = QAEngine.from_directory(tmp_path, save=False, similar_words=False)
    first = engine.ask("How do I install the frobnicator?").sentences[0]
    assert first.text == ("To install the frobnicator, type:\n"
                          f"{CODE_INDENT}pip install --upgrade frobnicator")
    assert first.highlights and all(b <= first.text.index("\n") for _, b in first.highlights)
    assert "pip install --upgrade frobnicator" in engine.passage(first.passage)
    # a block of four lines is no short command: the lead-in is quoted alone
    profile = engine.ask("How do I profile a run of the frobnicator?").sentences[0]
    assert profile.text == "To profile a run, start the frobnicator this way:"
    assert "frob-report" not in engine.passage(profile.passage)
    # the code's words are not indexed: no passage is found by them, and a question only they
    # answer is not answered from it
    assert engine.search("upgrade pip") == []
    assert not engine.ask("How do I upgrade with pip?").answered
