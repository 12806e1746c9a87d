"""Paragraph splitting, passage grouping and word counting."""

from __future__ import annotations

import pytest

from retrieval.ingest.segment import group_lines, group_passages, paragraphs


def test_passages_group_paragraphs_up_to_the_bound():
    paras = [" ".join(["word"] * 40) + "." for _ in range(6)]
    passages = group_passages(paras, target_words=90, max_words=160)
    assert all(len(p.split()) <= 160 for p in passages)
    assert sum(len(p.split()) for p in passages) == 240
    assert len(passages) == 2


@pytest.mark.parametrize("last", ["The following options are valid:", "Can I use it twice?",
                                  '1.2. Where does the name "Valgrind" come from?'])
def test_a_lead_in_or_a_question_stays_with_what_follows(last):
    paras = [" ".join(["word"] * 88) + ".", last, "It can."]
    passages = group_passages(paras, target_words=90, max_words=160)
    assert passages[-1].endswith(f"{last}\nIt can.")


def test_a_question_whose_answer_would_not_fit_opens_the_next_passage():
    answer = "From Nordic mythology. " + " ".join(["word"] * 60) + "."
    paras = [" ".join(["word"] * 80) + ".", "Where does the name come from?", answer]
    passages = group_passages(paras, target_words=90, max_words=120)
    assert passages == [paras[0], f"{paras[1]}\n{answer}"]


def test_a_lead_in_keeps_the_items_of_its_list():
    lines = [(" ".join(["word"] * 80) + ".", False), ("It returns these properties:", False),
             *((f"space_{k} <number> Its size in bytes.", True) for k in range(5)),
             ("A paragraph after the list.", False), ("And more.", False)]
    groups = group_lines(lines, target_words=90, max_words=160, is_item=bool)
    assert [len(g) for g in groups] == [7, 2]  # the lead-in and its five items together
    assert [len(g) for g in group_lines(lines, target_words=90, max_words=160)] == [3, 6]


def test_a_long_paragraph_is_cut_between_sentences():
    para = " ".join(f"Sentence number {i} has some words in it." for i in range(60))
    passages = group_passages([para], max_words=100)
    assert all(len(p.split()) <= 100 for p in passages)
    assert all(p.endswith(".") for p in passages)
    assert " ".join(passages) == para


def test_hard_wrapped_paragraphs_are_rejoined():
    page = (
        "The committee met on Thursday to review the findings of the report,\n"
        "which were published after a two-year inquiry into the collapse of the\n"
        "company and the losses suffered by its pension fund members.\n"
    )
    assert paragraphs(page) == [
        "The committee met on Thursday to review the findings of the report, which were "
        "published after a two-year inquiry into the collapse of the company and the losses "
        "suffered by its pension fund members."
    ]


def test_the_words_of_ascii_text_are_those_of_the_unicode_word_pattern() -> None:
    """``words`` reads ASCII text with ASCII character sets (the runs of letters and digits of
    one without an apostrophe): the same words."""
    import random
    import string

    from retrieval.ingest.segment import _ASCII_WORD_RE, _WORD_RE, has_words, words

    rnd = random.Random(5)
    alphabet = string.printable + "''''____"
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 80)))
        assert _ASCII_WORD_RE.findall(text) == _WORD_RE.findall(text), repr(text)
        assert list(words(text)) == _WORD_RE.findall(text), repr(text)
        # without an apostrophe, ``words`` finds the runs of letters and digits
        without = text.replace("'", " ")
        assert list(words(without)) == _WORD_RE.findall(without), repr(without)
        assert has_words(without, 3) == (len(_WORD_RE.findall(without)) >= 3), repr(without)
    every = "".join(map(chr, range(128)))
    assert _ASCII_WORD_RE.findall(every) == _WORD_RE.findall(every)
    assert list(words(every)) == _WORD_RE.findall(every)


def test_joined_paragraphs_are_the_paragraphs_of_the_texts_joined() -> None:
    """``joined_paragraphs`` (a document's blocks, counted for repeated paragraphs) gives what
    splitting their texts joined by blank lines gives: white space of every kind at their ends,
    empty and blank texts, line breaks and no-break spaces inside them, long ones cut."""
    import random

    from retrieval.ingest.segment import joined_paragraphs, paragraphs

    rng = random.Random(2)
    parts = ["word", "Word.", " ", "  ", "\t", "\u2028", "\x0c", "\x85", "x", "\u00a0", "\n",
             "\r", "A long sentence here.", "é"]
    for _ in range(5_000):
        texts = ["".join(rng.choice(parts) for _ in range(rng.randint(0, 6)))
                 for _ in range(rng.randint(0, 5))]
        if rng.random() < 0.05:
            texts.append(" ".join(["Many words in a row."] * 80))
        assert joined_paragraphs(texts) == paragraphs("\n\n".join(texts)), texts


def test_has_words_answers_as_counting_every_word() -> None:
    """``has_words(text, k)`` stops at the ``k``-th word: the same answer as counting them all
    (``words``), in ASCII text, in other scripts, and in unspaced ones (bigrams)."""
    import random

    from retrieval.ingest.segment import has_words, words

    rnd = random.Random(13)
    pieces = ["word", "Word", "don't", "it’s", "'", "’", " ", "  ", ".", ",", "_", "-", "7",
              "é", "naïve", "हिन्दी", "कि", "中文", "日本語の", "ภาษาไทย", "Ωμέγα", "\n", "a_b"]
    texts = ["", " ", "One.", "One two.", "One two three.", "(See below.)", "Default: 'SIGTERM'"]
    for _ in range(3000):
        texts.append("".join(rnd.choice(pieces) for _ in range(rnd.choice([1, 2, 3, 5, 9]))))
    for text in texts:
        n = len(words(text))
        for k in range(6):
            assert has_words(text, k) == (n >= k), (repr(text), k)


def test_word_count_of_a_text_on_one_line_is_its_spaces_and_one() -> None:
    """``word_count`` counts a text on one line (``on_one_line``) by its spaces: the same count
    as splitting it, for any text (white space of every kind, printable or not)."""
    import random

    from retrieval.ingest.segment import word_count

    spaces = [c for c in map(chr, range(0x3001)) if c.isspace()]
    rng = random.Random(8)
    parts = ["a", "b c", " ", "  ", "é", "\u200b", "x.", "\u00ad", "中文", *spaces]
    for _ in range(20_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 8)))
        assert word_count(text) == word_count(" ".join(text.split()) + "\n"), repr(text)
        if not any("\u4e00" <= c <= "\u9fff" for c in text):
            assert word_count(text) == len(text.split()), repr(text)
