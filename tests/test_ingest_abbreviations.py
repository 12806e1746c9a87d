"""``retrieval.ingest.abbreviations``: a full stop after an abbreviation, an initial or an
ordinal ends no sentence, unless it closes a list or a clause's year before a capital."""

from __future__ import annotations

import pytest

from retrieval.ingest.sentences import split_sentences


def test_the_word_before_a_full_stop_is_found_as_character_by_character() -> None:
    """``abbreviation_ends`` finds the word a full stop ends from the last space when it can:
    the same answers as walking back over it character by character."""
    import random

    from retrieval.ingest.abbreviations import (
        _DOTTED_RE,
        _WORD_OPENERS,
        ABBREVIATIONS,
        abbreviation_ends,
    )

    def walked(before: str) -> bool:
        i = len(before)
        while i and (before[i - 1].isalnum() or before[i - 1] in "._"):
            i -= 1
        word = before[i:].lower().strip(".")
        alone = i == 0 or before[i - 1].isspace() or before[i - 1] in _WORD_OPENERS
        return i != len(before) and (word in ABBREVIATIONS or (
            len(word) == 1 and word.isalpha() and alone) or bool(_DOTTED_RE.fullmatch(word)))

    rng = random.Random(1)
    parts = [*"abcJ. _-,é١²Ⅻ\u0301\t\u00a0", "Mr", "e.g", "U.S", "no", "x"]
    for _ in range(50_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        dot = rng.randint(start, len(text))
        assert walked(text[start:dot]) == abbreviation_ends(text, start, dot), (text, start)


@pytest.mark.parametrize("sentences", [
    ["Según el censo, los EE. UU. tienen 50 estados.", "La Dra. Martínez dirigió el estudio."],
    ["Los EE.UU. tienen 50 estados.", "Vive en la Avda. Diagonal 10."],
    ["Sverige har många städer, t.ex. Göteborg.", "Slottet har bl.a. Kungliga salen."],
    ["Norge har flere store byer, f.eks. Bergen med rundt 285 000 innbyggere."],
    ["Kraków liczy ok. 800 tys. mieszkańców.", "Jest np. Wawel na ul. Kanoniczej."],
    ["Je to tzv. Staré Město.", "Město má cca 1,3 mil. obyvatel, např. Praha."],
    ["Er zijn bijv. Amsterdam en Utrecht.", "Kaupungissa on esim. Tuomiokirkko."],
    ["Az ún. Budai Vár híres, kb. 300 éves.", "A cidade tem aprox. 12 milhões de habitantes."],
    ["Orașul are cca. 2 milioane de locuitori.", "Ulus ve vb. kurumlar var."],
    ["Es gibt bspw. Bayern.", "Johann Müller (geb. 12. März 1950) war Maler, siehe Abb. 3."],
    ["Кремль, см. рис. 3, стоит на холме.", "Это известно, напр. Москва, см. табл. 2."],
    ["Київ заснований у V ст. н. е. на Дніпрі.", "Він стоїть на Дніпрі."],
])
def test_abbreviations_of_other_languages_end_no_sentence(sentences):
    """Common abbreviations of Spanish, the Nordic languages, Polish, Czech, Dutch, Finnish,
    Hungarian, Portuguese, Romanian, Turkish, German, Russian and Ukrainian end no sentence."""
    assert split_sentences(" ".join(sentences)) == sentences


@pytest.mark.parametrize("sentences", [
    ["It was ok.", "Then we left."],
    ["Run os.py.", "Then stop."],
    ["Viajó a EE. UU.", "Luego volvió."],
])
def test_an_abbreviation_that_is_also_a_word_ends_a_sentence_before_a_capital(sentences):
    assert split_sentences(" ".join(sentences)) == sentences


@pytest.mark.parametrize("sentences", [
    ["Zajezdnia przy ul. Św. Wawrzyńca zostanie przebudowana.", "Prace potrwają rok."],
    ["Храм св. Николая построен в 1750 году.", "Его перестроили позже."],
])
def test_saint_before_a_name_ends_no_sentence(sentences):
    assert split_sentences(" ".join(sentences)) == sentences


@pytest.mark.parametrize("text, sentences", [
    ("Стоимость составила 340 млн руб. Средства выделил бюджет.",
     ["Стоимость составила 340 млн руб.", "Средства выделил бюджет."]),
    ("Выручка составила 5 млрд. Это рекорд.", ["Выручка составила 5 млрд.", "Это рекорд."]),
    ("Зібрали 20 тис. Решту передадуть армії.", ["Зібрали 20 тис.", "Решту передадуть армії."]),
    ("Ущерб составил 5 тыс. руб. за день.", ["Ущерб составил 5 тыс. руб. за день."]),
    ("Всего 5 тыс. 300 человек.", ["Всего 5 тыс. 300 человек."]),
])
def test_a_sums_unit_ends_a_sentence_before_a_capital(text, sentences):
    """Russian and Ukrainian units of a sum ("тыс.", "млн", "руб.") go on before a lower-case
    word or a number, and end their sentence before a capital."""
    assert split_sentences(text) == sentences


@pytest.mark.parametrize("sentences", [
    ["Город основан в 1147 г.", "Москва стала столицей в 1918 г.", "Это важно."],
    ["Это было в 1990-х гг.", "Затем всё изменилось."],
    ["Собор построен в XIX в.", "Его перестроили.", "Це сталося у 1991 р.", "Потім усе змінилося."],
    ["Мы купили хлеб, молоко и т. д.", "Потом пошли домой.", "Авторы: Иванов И. И. и др."],
    ["Prices rose, fell, etc.", "The next year was calm.", "Er kaufte Brot usw.", "Dann ging er."],
    # ... and a title's, a "that is"'s, and a year's opening its clause go on
    ["В 1991 г. Москва стала столицей, а в конце 1993 г. Ельцин ушёл.", "Он живёт в г. Москва."],
    ["С 1991 по 1995 гг. Россия росла, т. е. Москва тоже.", "Договор от 8 декабря 1991 г. Россия "
     "подписала."],
    ["Siehe z. B. Kapitel 3, Nr. 5 bei Dr. Müller.", "El Sr. García y la Dra. López, pág. 12."],
    ["M. Dupont a vu des fruits, p. ex. Pommes.", "It is safe, e.g. for threads, etc. and more."],
])
def test_a_list_or_a_year_closing_its_clause_ends_a_sentence_before_a_capital(sentences):
    """An abbreviation closing what it follows ends a sentence before a capital: a list's "and
    so on" ("и т. д.", "etc.", "usw.") and a year's word after the number that closes its
    clause ("... в 1147 г."); one opening what follows (a title: "г. Москва", "Dr. Müller"; "т.
    е.", "z. B.") and a year's word in a clause's opening phrase ("В 1991 г. Москва ...") do
    not."""
    assert split_sentences(" ".join(sentences)) == sentences


@pytest.mark.parametrize("sentences", [
    ["Le 7 déc. 2026, le conseil a voté.", "Il a approuvé."],
    ["Am 7. Dez. 2026 wurde abgestimmt.", "Es war knapp.", "Er kam im Okt.", "Dann ging er."],
    ["El 7 de dic. 2026 se votó.", "Fue ajustado.", "Сессия прошла 7 дек. 2026 года."],
])
def test_a_month_abbreviated_before_a_year_ends_no_sentence(sentences):
    assert split_sentences(" ".join(sentences)) == sentences

