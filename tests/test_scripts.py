"""Other scripts (``retrieval/scripts.py``): unspaced runs read as bigrams, combining marks kept
in their word, any digits read as ASCII, other sentence ends; the same reading in the index's
counts, a question, a sentence's terms and its highlighted spans."""

from __future__ import annotations

import random

import numpy as np
import pytest

from retrieval.analyzer import analyze, analyzer, lower_words, tokens
from retrieval.ingest.segment import word_count, words
from retrieval.ingest.sentences import split_sentences
from retrieval.scripts import ascii_digits, bigrams, unstyled, written_unspaced
from retrieval.termcounts import count_terms


def test_an_unspaced_run_is_read_as_its_bigrams_and_a_lone_character_as_itself() -> None:
    assert bigrams("长江大桥") == ["长江", "江大", "大桥"]
    assert bigrams("长江") == ["长江"]
    assert bigrams("年") == ["年"]
    assert analyzer("zh").analyze("长江大桥，建于1957年。") == [
        "长江", "江大", "大桥", "建于", "1957", "年"]


def test_japanese_kana_and_han_run_together_and_a_middle_dot_separates() -> None:
    assert analyzer("ja").analyze("東京タワー") == ["東京", "京タ", "タワ", "ワー"]
    assert analyzer("ja").analyze("ジョン・スミス") == ["ジョ", "ョン", "スミ", "ミス"]


def test_thai_is_read_in_three_character_pieces() -> None:
    # an alphabet's two characters are a fraction of a syllable, in every text: its pieces are
    # three characters long
    assert analyzer("th").analyze("แม่น้ำ") == ["แม่", "ม่น", "่น้", "น้ำ"]
    assert bigrams("แม่") == ["แม่"]
    assert bigrams("ສະບາຍດີ")[0] == "ສະບ"  # Lao
    assert [len(p) for p in bigrams("ភាសាខ្មែរ")] == [3] * 7  # Khmer


def test_a_word_keeps_its_combining_marks() -> None:
    # Devanagari's vowel signs are marks, which \w misses: "भारत" is one word, not "भ" + "रत"
    assert analyzer("hi").lower_words("भारत की नदी") == ["भारत", "की", "नदी"]
    assert "महत्वपूर्ण" in analyzer("hi").analyze("सबसे महत्वपूर्ण नदी")


@pytest.mark.parametrize(("written", "read"), [
    ("١٩٧٠", "1970"), ("٣٫٤", "3.4"), ("١٢٬٥٠٠", "12,500"), ("१९३०", "1930"), ("๒๕๖๗", "2567"),
    ("1970", "1970"), ("abc", "abc"),
])
def test_any_script_digits_read_as_ascii(written: str, read: str) -> None:
    assert ascii_digits(written) == read


def test_a_figure_meets_itself_in_any_digits() -> None:
    assert analyzer("ar").analyze("سنة ١٩٧٠") == analyzer("ar").analyze("سنة 1970")
    assert "1930" in analyzer("hi").analyze("१९३० में")
    assert "12500" in analyzer("ar").analyze("١٢٬٥٠٠ نسمة")


def test_english_reads_every_script_as_it_always_did() -> None:
    # a Chinese name in an English text stays one word, a lone character is no term
    assert analyze("Zhang Heng (张衡) and 中") == ["zhang", "heng", "张衡"]
    assert lower_words("Zhang Heng (张衡)") == ["zhang", "heng", "张衡"]
    assert [t.term for t in tokens("张衡 १९३०")] == ["张衡", "१९३०"]


MIXED = [
    "长江是中国第一长河，全长约6300公里。它很长！",
    "गंगा भारत की सबसे महत्वपूर्ण नदी है। १९३० में",
    "نهر النيل يبلغ طوله ٦٦٥٠ كيلومترًا، وبين عامي ١٩٦٤ و١٩٦٨.",
    "Ο Αλιάκμονας έχει μήκος 297 χιλιομέτρων; Ναι.",
    "東京タワーは1958年に完成した。ジョン・スミス",
    "ภาษาไทย เป็นภาษา ๒๕๖๗",
    "Zhang Heng (张衡) İSTANBUL café naïve 3.5 100,000",
]


@pytest.mark.parametrize("code", ["zh", "hi", "ar", "el", "ja", "th", "de"])
def test_terms_counts_tokens_and_words_agree(code: str) -> None:
    reading = analyzer(code)
    for text in MIXED:
        terms = reading.analyze(text)
        toks = list(reading.tokens(text))
        assert [t.term for t in toks if t.term is not None] == terms, text
        assert [text[t.start : t.end].lower() for t in toks] == reading.lower_words(text)
        assert reading.term_set(text) == set(terms)


def test_tokens_agree_on_random_text_of_many_scripts() -> None:
    rng = random.Random(0)
    alphabet = "aZ9 .,'’长江大桥東京タワー・भारतीनद१९ت٣٫١Αλιάκμονταแม่น้ำ\u0307\u00a0"
    reading = analyzer("zh")
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert reading.term_set(text) == {t.term for t in reading.tokens(text)} - {None}, text
        assert [t.term for t in reading.tokens(text) if t.term] == reading.analyze(text), text


def test_counting_sees_exactly_the_analyzers_terms() -> None:
    codes = ["zh", "hi", "ar", "el", "ja", "th", "en"]
    texts = [t for t in MIXED for _ in codes]
    langs = np.array([c for _ in MIXED for c in codes], dtype="S3")
    counts, terms = count_terms(texts, langs=langs)
    for i, (text, code) in enumerate(zip(texts, langs, strict=True)):
        row = counts[i]
        got = {terms[j]: int(v) for j, v in zip(row.indices, row.data, strict=True)}
        expected: dict[str, int] = {}
        for t in analyzer(code.decode()).analyze(text):
            expected[t] = expected.get(t, 0) + 1
        assert got == expected, (code, text)
    # in worker processes, chunk by chunk, the same
    many, many_terms = count_terms(texts * 3, workers=2, chunk=5, langs=np.tile(langs, 3))
    assert many_terms == terms
    assert (many[: len(texts)] != counts).nnz == 0


def test_sentences_end_at_other_scripts_marks() -> None:
    assert split_sentences("长江是中国第一长河。它很长！真的吗？“是的。”") == [
        "长江是中国第一长河。", "它很长！", "真的吗？", "“是的。”"]
    assert split_sentences("ينبع النيل من بحيرة تانا. أين يلتقي الرافدان؟ عند الخرطوم.") == [
        "ينبع النيل من بحيرة تانا.", "أين يلتقي الرافدان؟", "عند الخرطوم."]
    assert split_sentences("Τι είναι; Είναι ποταμός. Ρέει\u037e Ναι.") == [
        "Τι είναι;", "Είναι ποταμός.", "Ρέει\u037e", "Ναι."]


def test_where_a_text_ends_sentences_with_the_danda_a_full_stop_marks_initials() -> None:
    assert split_sentences("गंगा एक नदी है। छात्र के. एस. कृष्णन के साथ प्रयोग किए। अंत") == [
        "गंगा एक नदी है।", "छात्र के. एस. कृष्णन के साथ प्रयोग किए।", "अंत"]


def test_an_ascii_semicolon_ends_only_a_greek_question() -> None:
    assert split_sentences("int x; Then go. A; B") == ["int x; Then go.", "A; B"]


def test_sizes_count_an_unspaced_text_by_its_characters() -> None:
    chinese = "长江是中国第一长河，也是亚洲最长的河流。"
    assert written_unspaced(chinese)
    assert word_count(chinese) >= 10
    assert len(words(chinese)) >= 10  # enough words to read as prose
    # an English sentence quoting a Chinese name counts as it always did
    english = "Zhang Heng (张衡) built a seismometer in 132."
    assert not written_unspaced(english)
    assert word_count(english) == len(english.split())
    assert words(english) == ("Zhang", "Heng", "张衡", "built", "a", "seismometer", "in", "132")


def test_styled_letters_and_digits_are_the_plain_ones_they_are_drawn_from() -> None:
    assert unstyled("𝐖𝐡𝐞𝐧 𝘪𝘴 𝓒𝓢𝓣𝓞 𝟐𝟎𝟐𝟐?") == "When is CSTO 2022?"
    assert unstyled("Ａ plain ü and ∑") == "Ａ plain ü and ∑"  # nothing else is touched
