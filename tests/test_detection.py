"""Detection: the language of documents, passages and questions."""

from __future__ import annotations

from retrieval.detection import detect, detect_parts, readable
from retrieval.language import ENGLISH

GERMAN = ("Die Stadt wurde im Jahr 1250 von Kaufleuten gegründet, die an der Mündung des Flusses "
          "einen Hafen bauten. Heute leben dort mehr als zweihunderttausend Menschen.")
RUSSIAN = ("Город был основан в 1250 году купцами, которые построили гавань в устье реки. "
           "Сегодня там живут более двухсот тысяч человек.")
SPANISH = ("La ciudad fue fundada en el año 1250 por comerciantes que construyeron un puerto en "
           "la desembocadura del río. Hoy viven allí más de doscientas mil personas.")
ENGLISH_TEXT = ("The city was founded in 1250 by merchants who built a harbour at the mouth of "
                "the river. Today more than two hundred thousand people live there.")


def test_documents_in_four_languages_are_told_apart() -> None:
    assert [detect(t) for t in (ENGLISH_TEXT, GERMAN, RUSSIAN, SPANISH)] == [
        "en", "de", "ru", "es"]


def test_a_short_question_is_told_among_the_corpus_languages() -> None:
    assert detect("Wann wurde die Stadt gegründet?", among={"en", "de"}) == "de"
    assert detect("When was the city founded?", among={"en", "de"}) == "en"
    assert detect("¿Cuándo fue fundada la ciudad?", among={"en", "es", "de"}) == "es"
    # one language to choose from: no detection at all
    assert detect("Wann wurde die Stadt gegründet?", among={"ru"}) == "ru"


def test_without_the_model_only_english_is_decided() -> None:
    assert detect(ENGLISH_TEXT, model=False) == ENGLISH
    assert detect(GERMAN, model=False) is None
    assert detect_parts([GERMAN, GERMAN], model=False) is None
    assert detect_parts([ENGLISH_TEXT] * 4, model=False) == [ENGLISH] * 4


def test_a_document_that_mixes_languages_gets_a_language_per_passage() -> None:
    parts = [ENGLISH_TEXT, ENGLISH_TEXT, RUSSIAN, RUSSIAN, RUSSIAN]
    assert detect_parts(parts) == ["en", "en", "ru", "ru", "ru"]
    # a document in one language is detected three times, not once per passage
    assert detect_parts([GERMAN] * 6) == ["de"] * 6
    # what the document declares wins
    assert detect_parts([GERMAN, ENGLISH_TEXT], fixed="de") == ["de", "de"]


def test_languages_are_detected_but_pidgins_dialects_and_dead_ones() -> None:
    codes = readable()
    assert {"en", "de", "ru", "es", "hy", "tr", "el", "ro", "ar", "fr"} <= set(codes)
    # languages without a stemmer or stop words of their own are still told (their words cut)
    assert {"is", "az", "ka", "kk", "be", "mk", "sq"} <= set(codes)
    assert "pcm" not in codes  # an English-based creole: English text full of names is English
    assert not {"arz", "yue", "grc", "zxx"} & set(codes)  # they would take ar's, zh's texts


def test_a_question_of_a_few_letters_is_still_told_by_its_script_and_words() -> None:
    assert detect("Какова длина моста?", among={"en", "de", "ru"}) == "ru"
    assert detect("Wo liegt Lindholm?", among={"en", "de"}) == "de"


def test_a_question_whose_words_english_shares_is_told_by_the_model() -> None:
    # a quarter or a fifth of their words are English function words ("was", "a", "in")
    assert detect("Was ist die NASUWT?", among={"en", "de"}) == "de"
    assert detect("¿A quién controlan los gurús?", among={"en", "es"}) == "es"
    assert detect("In quale anno nacque Volta?", among={"en", "it"}) == "it"
    assert detect("What is the NASUWT?", among={"en", "de"}) == "en"


def test_a_part_of_identifiers_takes_its_documents_language_not_one_detected_on_it() -> None:
    table = "libuv constants / Constant | Description / Constant: UV_UDP_REUSEADDR"
    assert detect(table) == "la"  # what the model makes of it alone
    en = ("The operating system module provides methods and properties related to the operating "
          "system on which the program runs, such as its memory and its network interfaces.")
    de = ("Das Modul stellt Methoden und Eigenschaften bereit, die sich auf das Betriebssystem "
          "beziehen, auf dem das Programm läuft, etwa seinen Speicher und seine Schnittstellen.")
    # a document mixing languages: each part of words is told its own, the table the whole's
    assert detect_parts([en, en, table, en, de, de]) == ["en", "en", "en", "en", "de", "de"]
