"""Sentence splitting: abbreviations, numbers, quotes, other languages' sentence ends."""

from __future__ import annotations

import pytest

from retrieval.ingest.sentences import sentence_spans, split_sentences


def test_abbreviations_decimals_and_thousands_do_not_split():
    text = (
        "Mr. Smith paid $3.5 million for 100,000 shares. Dr Jones, of the U.S. Army, "
        "disagreed. J. K. Rowling wrote it."
    )
    assert split_sentences(text) == [
        "Mr. Smith paid $3.5 million for 100,000 shares.",
        "Dr Jones, of the U.S. Army, disagreed.",
        "J. K. Rowling wrote it.",
    ]


def test_undotted_eg_and_ie_do_not_split():
    text = ("It runs much slower (eg. 20 to 30 times slower) under Memcheck. Use a pool, ie. "
            "One per thread. Done.")
    assert split_sentences(text) == [
        "It runs much slower (eg. 20 to 30 times slower) under Memcheck.",
        "Use a pool, ie. One per thread.", "Done.",
    ]


def test_closing_quotes_stay_with_their_sentence():
    text = 'He said: “It is over.” Then he left. “Why?” she asked. Nobody knew.'
    assert split_sentences(text) == [
        "He said: “It is over.”",
        "Then he left.",
        "“Why?” she asked.",
        "Nobody knew.",
    ]


def test_sentences_are_verbatim_slices():
    text = "First one here.  Second one?   Third!"
    assert split_sentences(text) == ["First one here.", "Second one?", "Third!"]


def test_lower_case_after_an_abbreviation_does_not_split():
    assert split_sentences("Prices rose 2.5 p.c. in May. Rents fell.") == [
        "Prices rose 2.5 p.c. in May.",
        "Rents fell.",
    ]


def test_a_name_in_lower_case_opens_a_sentence_after_a_full_stop():
    text = ("urllib3 is an HTTP client for Python. urllib3 brings many features. It is safe, "
            "e.g. for threads, etc. and more... then it stops. Yahoo! is a name. Ludwig XIV. "
            "ließ es am 3. und 4. Mai bauen.")
    assert split_sentences(text) == [
        "urllib3 is an HTTP client for Python.",
        "urllib3 brings many features.",
        "It is safe, e.g. for threads, etc. and more... then it stops.",
        "Yahoo! is a name.",
        "Ludwig XIV. ließ es am 3. und 4. Mai bauen.",
    ]


@pytest.mark.parametrize(("text", "sentences"), [
    ("Er sagte: „Wir kommen morgen.“ Dann ging er nach Hause.",
     ["Er sagte: „Wir kommen morgen.“", "Dann ging er nach Hause."]),
    ("Он сказал: «Мы придём завтра». Потом он ушёл домой.",
     ["Он сказал: «Мы придём завтра».", "Потом он ушёл домой."]),
    ("Il a dit : « Nous viendrons demain. » Puis il est parti.",
     ["Il a dit : « Nous viendrons demain. »", "Puis il est parti."]),
    ("El Sr. García llegó ayer. ¿Quién lo recibió? Nadie lo sabe.",
     ["El Sr. García llegó ayer.", "¿Quién lo recibió?", "Nadie lo sabe."]),
    ("Das Dorf hat ca. 300 Einwohner. Am 3. Oktober 1990 wurde es vereint.",
     ["Das Dorf hat ca. 300 Einwohner.", "Am 3. Oktober 1990 wurde es vereint."]),
    ("Mitte des 18. Jahrhunderts wuchs die Stadt. Im 2. Weltkrieg fiel sie. Sie stieg auf 12. "
     "Dann kam der Rest.",
     ["Mitte des 18. Jahrhunderts wuchs die Stadt.", "Im 2. Weltkrieg fiel sie.",
      "Sie stieg auf 12.", "Dann kam der Rest."]),
    ("Это т. е. старый город. Он основан в 1250 году.",
     ["Это т. е. старый город.", "Он основан в 1250 году."]),
])
def test_sentences_of_other_languages_end_at_their_own_marks(text, sentences):
    assert [text[s.start : s.end] for s in sentence_spans(text)] == sentences


def test_ends_sentence_answers_as_the_terminal_pattern_searched_over_the_whole_text() -> None:
    """``ends_sentence`` searches a long text's end only when no match could begin before it:
    the same answer as ``TERMINAL_RE.search`` on texts built to defeat that (long chains of
    references and closers, brackets holding anything, Greek question marks) and on prose."""
    import random

    from retrieval.ingest.sentences import TERMINAL_RE, ends_sentence

    rnd = random.Random(13)
    pieces = ["word ", "Word", ".", "!", "?", "…", ";", "α", "。", "[", "]", "[12]", "[a b c]",
              ":12", ":3–4", "-", "”", "'", '"', ")", "」", " ", "  ", "\n", "7", "x" * 45,
              "[" + "y" * 39 + "]", "[" + "z" * 41 + "]"]
    texts = []
    for _ in range(4000):
        n = rnd.choice([1, 5, 20, 60, 150])
        texts.append("".join(rnd.choice(pieces) for _ in range(n)))
    for tail in ("[1]", ":12", '"', "[see p. 3]", ")"):  # a sentence end, then a long tail
        for k in (10, 40, 60):
            texts.append("Some prose here. It ends." + tail * k + " ")
            texts.append("Some prose here. It ends" + tail * k)
    texts.append("A long wrapped line of prose without an end " * 20)
    texts.append("A long wrapped line of prose with an end. " * 20)
    for text in texts:
        assert ends_sentence(text) == (TERMINAL_RE.search(text) is not None), repr(text)


def test_ends_sentence_on_any_last_character_answers_as_the_terminal_pattern() -> None:
    """A text whose last character (white space aside) no sentence end may close on is told
    without a search (``_LAST_CHARS``): the same answer as ``TERMINAL_RE`` for a text ending on
    each character of the scripts up to CJK's punctuation and of the full-width forms, and on a
    sample of the rest of Unicode, after a word, a sentence end, a reference's start, a Greek
    or an Armenian letter, and with white space after it."""
    import random
    import sys

    from retrieval.ingest.sentences import TERMINAL_RE, ends_sentence

    chars = [*range(0x3100), *range(0xFE00, 0x10000),
             *random.Random(7).sample(range(0x10000, sys.maxunicode + 1), 5000)]
    heads = ("a", "Ends.", "Ends. [1", "Ends.:1", "λ", "Արամ", "x" * 130 + ".")
    for c in map(chr, chars):
        for head in heads:
            for text in (head + c, head + c + " \n"):
                assert ends_sentence(text) == (TERMINAL_RE.search(text) is not None), text


def test_first_sentence_and_split_sentences_read_the_remembered_bounds() -> None:
    """``first_sentence`` and ``split_sentences`` read ``sentence_bounds``, remembered: the
    same sentences, however often asked."""
    from retrieval.ingest.sentences import first_sentence, sentence_bounds

    text = "Mr. Smith left. He came back! Did he? Yes."
    for _ in range(2):
        assert first_sentence(text) == "Mr. Smith left."
        assert split_sentences(text) == ["Mr. Smith left.", "He came back!", "Did he?", "Yes."]
        assert [text[s.start : s.end] for s in sentence_spans(text)] == split_sentences(text)
        assert list(sentence_bounds(text)) == [(s.start, s.end) for s in sentence_spans(text)]
    assert first_sentence("") == "" and first_sentence("   ") == ""



@pytest.mark.parametrize("sentences", [
    ["کراچی پاکستان کا سب سے بڑا شہر ہے۔", "مزار قائد 1970 میں مکمل ہوا۔"],  # Urdu "۔"
    ["አዲስ አበባ የኢትዮጵያ ዋና ከተማ ናት።", "የት ነው፧", "ከተማዋ በ1886 ተመሠረተች።"],  # Ethiopic
    ["თბილისი დიდი ქალაქია!", "როდის დაარსდა?", "ის V საუკუნეში დაარსდა."],  # Georgian
    ["Երևանը մայրաքաղաքն է:", "Այն հիմնադրվել է 782 թվականին:"],  # Armenian, ":" for "։"
    ["Note: This is English.", "Ratio 3: Something else."],  # no Armenian: a colon is one
])
def test_urdu_ethiopic_georgian_and_armenian_sentences_end_at_their_marks(sentences):
    """Urdu's and Ethiopic's full stops end a sentence; a Georgian word (lower case to Unicode)
    opens one after "?" and "!"; in Armenian, the colon typed for "։" before a capital does."""
    assert split_sentences(" ".join(sentences)) == sentences


@pytest.mark.parametrize("sentences", [
    ["Работы ведутся круглосуточно: на объекте заняты 140 ед. техники.", "Сроки сдвигались."],
    ["По мнению д-ра биол. наук О. А. Тимошкина, причина — стоки.", "Институт это подтвердил."],
    ["Η Περιφέρεια ενέκρινε 1.234,5 χιλ. ευρώ για τις ζημιές.", "Δεν υπήρξαν τραυματίες."],
    ["Σεισμός σημειώθηκε 25 χλμ. νότια της Ιεράπετρας.", "Το βάθος ήταν 10 χιλιόμετρα."],
    ["Շինարարությունը սկսվել է 2024 թ. մայիսին։", "Այն կտևի չորս տարի։"],
    ["Установите пакет через pip.", "pip скачает его сам."],  # a Latin name opens one
])
def test_a_greek_cyrillic_or_armenian_word_in_lower_case_goes_on_after_an_abbreviation(
        sentences):
    """In scripts with capitals other than Latin, sentences open with a capital: a lower-case
    word after a full stop goes on with the sentence an abbreviation ended, listed or not
    ("ед.", "биол.", "χιλ.", "χλμ.", "թ."); a lower-case Latin name still opens one."""
    assert split_sentences(" ".join(sentences)) == sentences


@pytest.mark.parametrize("sentences", [
    ["Die Messwerte liegen bei 12,4 mg/l.", "Der Bericht wurde beschlossen."],
    ["Er fuhr 50 km/h.", "Dann hielt er an.", "Siehe (J. Smith) und „A. Müller“."],
])
def test_a_unit_ending_in_a_letter_after_a_slash_ends_a_sentence(sentences):
    """"mg/l." ends on a letter, but after "/": a unit, no initial ("J. Smith", "(J. Smith)")."""
    assert split_sentences(" ".join(sentences)) == sentences


@pytest.mark.parametrize("sentences", [
    ["Бюджет вырос.", "— Мы планируем заменить трубы, — сказал директор.", "Все согласились."],
    ["La inversión fue alta.", "—¿Cuándo terminará la obra? —preguntó un vecino.",
     "—En 2030 —respondió la directora."],
    ["Wages rose. – the end of it, he said."],  # a dash before a lower-case word goes on
])
def test_a_dash_opening_a_line_of_dialogue_opens_a_sentence(sentences):
    assert split_sentences(" ".join(sentences)) == sentences


