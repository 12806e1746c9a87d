"""What is quoted with a chosen sentence: the sentence that points back at it, or the answer under
a question."""

from __future__ import annotations

from retrieval.collection import Sentence
from retrieval.quotes import follow_up


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
    assert follow_up(s, 0) == "zlib doesn't support encryption."
    assert follow_up(s, 1) is None  # no question, no pointing back
    assert follow_up(s, 3) is None  # nor by another question


def test_a_sentence_pointing_back_in_its_line_and_not_in_the_next() -> None:
    s = sentences(["Frob keeps old copies.", "This can be done with --keep."],
                  ["This line stands alone."])
    assert follow_up(s, 0) == "This can be done with --keep."
    assert follow_up(s, 1) is None
