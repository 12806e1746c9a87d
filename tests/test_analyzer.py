"""The analyzer: one tokeniser for the index, the composer and highlighting."""

from __future__ import annotations

from retrieval.analyzer import analyze, analyzer, tokens
from retrieval.tokeniser import spans


def test_numbers_keep_their_separators_and_commas_fold():
    assert analyze("100,000 people, 3.5 percent, in 2020") == [
        "100000", "peopl", "3.5", "percent", "2020",
    ]


def test_stop_words_and_question_words_are_dropped():
    assert analyze("What is the name of the one who did it?") == ["name", "one"]


def test_stems_meet_across_inflections():
    assert analyze("formed")[0] == analyze("forming")[0]
    assert analyze("Russia’s")[0] == analyze("Russia")[0]


def test_demonyms_meet_their_country():
    assert analyze("Armenian Armenians Azerbaijani") == ["armenia", "armenia", "azerbaijan"]
    assert analyze("Armenia Azerbaijan") == ["armenia", "azerbaijan"]


def test_token_spans_point_into_the_text():
    text = "The CSTO was formed."
    spans = [(t.start, t.end, t.term) for t in tokens(text)]
    assert [text[a:b] for a, b, _ in spans] == ["The", "CSTO", "was", "formed"]
    assert [t for _, _, t in spans] == [None, "csto", None, "form"]


def test_a_word_that_is_its_own_stem_is_returned_itself():
    """``term_of``'s cache then holds one string for it, not the word and an equal stem."""
    from retrieval.analyzer import stem_term

    word = "".join(["lor", "van"])  # made at run time: no constant shared with the stemmer
    assert stem_term(word) is word
    assert stem_term("cats") == "cat"


def test_memo_remembers_up_to_its_size_then_starts_over():
    from retrieval.analyzer import memo

    calls = []

    def upper(word):
        calls.append(word)
        return word.upper()

    cached = memo(upper, 3)
    assert [cached(w) for w in ["a", "b", "a", "c", "b"]] == ["A", "B", "A", "C", "B"]
    assert calls == ["a", "b", "c"] and cached.cache_info().currsize == 3
    assert cached("d") == "D" and cached.cache_info().currsize == 1  # a fourth word: anew
    assert cached("a") == "A" and calls == ["a", "b", "c", "d", "a"]
    assert cached.cache_info().currsize == 2


def test_fullwidth_letters_and_digits_are_the_ascii_words_they_show():
    # what an East Asian input method types: "ＣＳＴＯ" is the word "CSTO", in any language
    assert [t.term for t in tokens("the ＣＳＴＯ of ２００２")] == [None, "csto", None, "2002"]
    spans = [(t.start, t.end) for t in tokens("the ＣＳＴＯ of ２００２")]
    assert spans == [(0, 3), (4, 8), (9, 11), (12, 16)]  # the text's own characters
    zh = analyzer("zh").analyze("组织（ＣＳＴＯ）成立于２００２年")
    assert "csto" in zh and "2002" in zh
    assert analyzer("de").analyze("Die ＯＶＫＳ") == analyzer("de").analyze("Die OVKS")


def test_a_language_named_by_a_letter_and_plus_plus_or_sharp_is_a_term():
    # a letter alone is no term: "C++" and "C#" were nothing, and a question on them lost its
    # subject; a word of letters before "++" keeps its own term, as before
    assert analyze("C++ and C# (F#), C++17; Notepad++ x#y") == [
        "c++", "c#", "f#", "c++", "17", "notepad"]
    assert analyzer("de").analyze("C++ und C# sind Sprachen")[:2] == ["c++", "c#"]
    text = "Ideas from C++: RAII."
    assert [text[s:e] for s, e in spans(text)] == ["Ideas", "from", "C++", "RAII"]


def test_superscript_and_subscript_figures_are_no_part_of_a_word():
    """A footnote's mark typed as "²" after a word leaves the word alone ("policy²" is
    "policy"), in English and other languages; "m²" and "CO₂" read their letters."""
    from retrieval.analyzer import analyzer

    assert analyze("The policy² states that 25 m² of CO₂ fell¹²") == [
        "polici", "state", "25", "co", "fell"]
    assert analyzer("de").analyze("Die Richtlinie³ sagt es") == analyzer("de").analyze(
        "Die Richtlinie sagt es")


def test_a_release_number_meets_it_without_its_trailing_zeros():
    # "mpmath 1.0" is the changelog's "--1.0.0--"; "3.10" is "3.10.0", never "3.1"
    assert analyze("--1.0.0-- Released") == analyze("1.0 released")
    assert analyze("Python 3.10.0") == ["python", "3.10"]
    assert analyze("2.0 and 10.0 and 1,000") == ["2.0", "10.0", "1000"]
    assert analyze("1.0.1") == ["1.0.1"]
