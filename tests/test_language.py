"""Languages: each language's reading (detection is ``test_detection.py``'s)."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.analyzer import analyzer, term_of
from retrieval.detection import detect
from retrieval.language import language, normalised
from retrieval.questiontypes import plain_question_type
from retrieval.termcounts import count_terms


def test_declared_languages_are_normalised() -> None:
    assert normalised("de-DE") == "de"
    assert normalised(" PT_br ") == "pt"
    assert normalised("") is None
    assert normalised("not a language") is None


def test_armenian_marks_inside_a_word_are_part_of_it_and_not_of_its_term() -> None:
    reading = analyzer("hy")
    question = "Ե՞րբ է ստեղծվել կազմակերպությունը։"
    words = [(question[t.start:t.end], t.term) for t in reading.tokens(question)]
    assert words[0] == ("Ե՞րբ", "երբ")
    assert reading.term("ե՞րբ") == reading.term("երբ")


def test_malay_is_stemmed_as_indonesian_is() -> None:
    term = analyzer("ms").term
    assert term("dilahirkan") == term("kelahiran") == term("lahir")
    assert analyzer("hr").term("rijeka") == "rijek"  # Croatian: cut, no borrowed stemmer


def test_icelandic_is_icelandic_not_norwegian() -> None:
    text = ("Þjórsá er lengsta á Íslands og rennur frá Hofsjökli til sjávar. Áin er um 230 "
            "kílómetrar að lengd og í henni eru nokkrar virkjanir sem framleiða rafmagn.")
    assert detect(text) == "is"
    assert analyzer("is").term("virkjanir") == "virkj"  # no stemmer: the first characters


def test_capitals_mark_names_except_where_every_noun_has_one() -> None:
    assert language("en").capitals_mark_names
    assert language("ru").capitals_mark_names
    assert not language("de").capitals_mark_names


@pytest.mark.parametrize(("code", "word", "other"), [
    ("de", "Städte", "Stadt"), ("ru", "городов", "город"), ("es", "naciones", "nación"),
    ("tr", "şehirler", "şehir"), ("fr", "villes", "ville"),
])
def test_each_language_stems_its_own_inflections_together(code: str, word: str, other: str
                                                          ) -> None:
    term = analyzer(code).term
    assert term(word.lower()) == term(other.lower())
    # the English stemmer does not (the reason for this module)
    assert code == "fr" or term_of(word.lower()) != term_of(other.lower())


def test_a_language_without_a_stemmer_cuts_its_words() -> None:
    assert language("uk").stemmer is None
    term = analyzer("uk").term
    assert term("дністра") == term("дністрі") == "дніст"
    assert term("лиман") == "лиман"  # short words whole
    assert term("1362") == "1362"  # numbers as numbers


def test_each_language_drops_its_own_stop_words() -> None:
    assert analyzer("de").analyze("Die Stadt und der Fluss") == ["stadt", "fluss"]
    assert analyzer("ru").analyze("Город и река") == analyzer("ru").analyze("город река")
    # "die" is an English content word
    assert "die" in analyzer("en").analyze("Why did he die")
    # an elided article is not part of the word
    assert analyzer("fr").analyze("l'armée") == analyzer("fr").analyze("armée")


def test_counting_reads_each_passage_in_its_language() -> None:
    texts = ["Die Städte am Fluss", "The cities by the river", "Города у реки"]
    langs = np.array(["de", "", "ru"], dtype="S3")
    counts, terms = count_terms(texts, langs=langs)
    rows = [{terms[j] for j in counts[i].indices} for i in range(len(texts))]
    assert rows == [set(analyzer(c).analyze(t))
                    for t, c in zip(texts, ["de", "en", "ru"], strict=True)]
    # in worker processes, chunk by chunk, the same
    many, many_terms = count_terms(texts * 40, workers=2, chunk=7, langs=np.tile(langs, 40))
    assert many_terms == terms
    assert (many[:3] != counts).nnz == 0


@pytest.mark.parametrize(("question", "lang", "kind"), [
    ("Wann wurde der Hafen gegründet?", "de", "when"),
    ("Wie viele Einwohner hat die Stadt?", "de", "number"),
    ("¿Cuándo fue fundada la ciudad?", "es", "when"),
    ("¿Cuántos habitantes tiene?", "es", "number"),
    ("Когда был построен мост?", "ru", "when"),
    ("Сколько стоит билет?", "ru", "number"),
    ("Combien de kilomètres parcourt la Loire ?", "fr", "number"),
    ("Köprü ne zaman yapıldı?", "tr", "when"),
    ("Wer hat den Hafen gegründet?", "de", None),  # every German noun is capitalised
    ("¿Quién fundó la ciudad?", "es", "who"),
    ("Кто построил мост?", "ru", "who"),
    ("Köprüyü kim yaptı?", "tr", "who"),
    ("La ville qui a le plus d'habitants ?", "fr", None),  # "qui" not asking: a relative
    ("When was the bridge built?", "en", "when"),
    ("Who built the bridge?", "en", None),
    ("Wann wurde der Hafen gegründet?", "hy", None),  # no table for it: no type
    ("Hur många invånare har staden?", "sv", "number"),
    ("Hvornår blev byen grundlagt?", "da", "when"),
    ("Hvor mange bor i byen?", "no", "number"),  # Norwegian, however it is coded
    ("Kiedy powstało miasto?", "pl", "when"),
    ("Kdo postavil most?", "cs", "who"),
    ("Montako asukasta kaupungissa on?", "fi", "number"),
    ("Mikor épült a híd?", "hu", "when"),
    ("Berapa jumlah penduduk kota itu?", "id", "number"),
    ("Скільки коштує квиток?", "uk", "number"),
    ("Кой е построил моста?", "bg", "who"),
    ("Кой град е столица?", "bg", None),  # "which city": "кой" before a noun
    ("Kas įkūrė miestą?", "lt", None),  # "kas" is "who" and "what" alike
    ("מתי נוסדה העיר?", "he", "when"),
    ("באיזה תאריך נפתח הגשר?", "he", "when"),  # "on what date"
    ("자격루는 몇 년에 만들어졌나요?", "ko", "when"),  # "in what year", not "how many years"
    ("천마총에서 금관이 나온 것은 몇 년의 일인가요?", "ko", "when"),
    ("신라는 몇 년 동안 이어졌는가?", "ko", "number"),  # "for how many years"
    # Armenian's question mark sits over a word's stressed vowel, inside the word
    ("Ե՞րբ է ստեղծվել կազմակերպությունը։", "hy", "when"),
    ("Քանի՞ անդամ ունի կազմակերպությունը։", "hy", "number"),
    ("Ո՞վ է ղեկավարում կազմակերպությունը։", "hy", "who"),
    ("Hversu löng er Þjórsá?", "is", "number"),
    ("Hver teiknaði kirkjuna?", "is", "who"),
    ("Hvers vegna var kirkjan byggð?", "is", None),  # "hvers vegna": why
    ("Cando naceu Ramón Verea?", "gl", "when"),
    ("Azərbaycan nə vaxt müstəqil oldu?", "az", "when"),
    ("Абай кім?", "kk", "who"),
    ("როდის დაარსდა თბილისი?", "ka", "when"),
    ("Kor lang er Glomma?", "nn", "number"),
    ("Колку луѓе живеат во градот?", "mk", "number"),
    ("Колькі жыхароў у горадзе?", "be", "number"),
    ("สะพานเปิดใช้เมื่อไร", "th", "when"),
    ("สะพานยาวเท่าไร", "th", "number"),
    ("มีนักเรียนกี่คน", "th", "number"),
    ("หนังสือเกี่ยวกับสะพาน", "th", None),  # "กี่" inside "เกี่ยว" asks nothing
    ("长江流经几个省？", "zh", "number"),
    ("为什么没有 y, w 这几个声母？", "zh", None),  # "这几个": these few, no count asked
    ("哪几个城市有地铁？", "zh", None),  # which ones
])
def test_a_question_read_plainly_asks_for_a_year_a_number_or_a_name(question, lang, kind) -> None:
    assert plain_question_type(question, lang) == kind


def test_a_name_is_evidence_in_any_script_where_capitals_mark_names() -> None:
    from retrieval.cues import has_evidence

    question = "Кто построил мост?"
    assert has_evidence("who", "Мост построил инженер Шухов в 1903 году.", question, "ru")
    assert not has_evidence("who", "Мост был построен в 1903 году.", question, "ru")
    assert not has_evidence("who", "«Мост» был построен давно.", question, "ru")  # opening
    assert not has_evidence("who", "Мост построил инженер Шухов.", question)  # English: ASCII


@pytest.mark.parametrize(("kind", "sentence", "question", "lang"), [
    # a number written onto the word after it (Korean's counters and particles)
    ("when", "자격루는 1434년에 완성되었다.", "자격루는 언제 만들어졌나요?", "ko"),
    ("number", "길이는 약 494킬로미터이다.", "한강의 길이는 약 몇 킬로미터인가?", "ko"),
    ("number", "Мост длиной 20км.", "Сколько метров длина моста?", "ru"),
    # a year under 1000, marked as one by the script's word for "year"
    ("when", "公元105年，蔡伦把这种纸献给汉和帝。", "蔡伦在哪一年把纸献给汉和帝？", "zh"),
    ("when", "신라는 기원전 57년에 세워졌다.", "신라는 언제 세워졌는가?", "ko"),
])
def test_figures_written_onto_words_are_evidence(kind, sentence, question, lang) -> None:
    from retrieval.cues import has_evidence

    assert has_evidence(kind, sentence, question, lang)
    # ... but not a year the question names itself
    if kind == "when":
        year = "".join(c for c in sentence if c.isdigit())
        assert not has_evidence(kind, sentence, f"{question} {year}年", lang)


def test_a_name_ending_in_digits_is_no_figure() -> None:
    """"pymorphy2", "mp3": the digits after a word's letters are part of its name."""
    from retrieval.cues import has_evidence

    assert not has_evidence("number", "pymorphy2 умеет склонять слова.",
                            "сколько стоит коммерческая лицензия pymorphy?", "ru")
    assert has_evidence("number", "pymorphy2 знает 250 тысяч слов.",
                        "сколько слов знает pymorphy?", "ru")


def test_a_when_question_in_another_language_prefers_the_sentence_with_the_year(tmp_path) -> None:
    from retrieval import QAEngine
    from retrieval.corpus import Document

    text = ("Die Brücke über den Fluss verbindet die Altstadt mit dem Hafen. "
            "Gebaut wurde die Brücke im Jahr 1903 von einem Ingenieur aus Hamburg. "
            "Die Brücke ist heute für Autos gesperrt und nur für Fußgänger offen.")
    engine = QAEngine.from_documents([Document("bruecke", "", text)])
    answer = engine.ask("Wann wurde die Brücke gebaut?")
    assert answer.answered and "1903" in answer.sentences[0].text


def test_an_interrogative_frames_a_question_in_another_language_not_its_subject() -> None:
    """"¿Dónde ...?": "dónde" is in no Spanish stop list, and a corpus that uses it (rarely:
    a high idf) would make it the question's strongest word; read as framing, like English's
    "where", it weighs little, whichever word of the question it is."""
    from retrieval import QAEngine
    from retrieval.analyzer import analyzer
    from retrieval.corpus import Document
    from retrieval.query import parse_query

    texts = ["El puente de piedra une el casco antiguo con el puerto desde 1903.",
             "Nadie sabe dónde guardaba el alcalde las llaves del ayuntamiento.",
             "El puerto recibe barcos de pesca todas las mañanas."]
    engine = QAEngine.from_documents([Document(f"d{i}", "", t, lang="es")
                                      for i, t in enumerate(texts)])
    query = parse_query("¿Y dónde está el puente de piedra?", engine.index, lang="es", plain=True)
    where = analyzer("es").term("dónde")
    assert where in query.weights and where not in query.known  # framing, not the subject
    assert query.weights[where] < min(w for t, w in query.weights.items() if t != where)
    assert engine.ask("¿Y dónde está el puente de piedra?").sentences[0].source == "d0"


def test_a_thai_interrogative_frames_its_question_piece_by_piece() -> None:
    """Thai is read in three-character pieces across its words (``scripts.py``): the pieces
    that meet "เท่าไร" ("how much") frame the question and are not among what it asks about."""
    from retrieval import QAEngine
    from retrieval.corpus import Document
    from retrieval.query import parse_query

    texts = ["สะพานมีความยาวสี่ร้อยยี่สิบเมตรและกว้างสิบสองเมตร ทุกวันนี้มีรถยนต์หลายพันคันข้ามสะพานทุกวัน",
             "สะพานข้ามแม่น้ำแห่งนี้สร้างเสร็จในปี 1903 โดยวิศวกรชื่อสมชาย ใจดี"]
    engine = QAEngine.from_documents([Document(f"d{i}", "", t, lang="th")
                                      for i, t in enumerate(texts)])
    query = parse_query("สะพานยาวเท่าไร", engine.index, lang="th", plain=True)
    assert not any("เท่" in t or "ไร" in t for t in query.known | query.unseen)
    assert "สะพ" in query.known and "ยาว" in query.known


@pytest.mark.parametrize(("lang", "texts", "question", "frame"), [
    ("de", ["Die Brücke über den Fluss trägt seit 1903 den Namen Kaiserbrücke.",
            "Der Hafen liegt am Fluss."], "Wie heißt die Brücke über den Fluss?", "heißt"),
    ("es", ["El puente sobre el río recibió en 1903 el nombre de Puente Real.",
            "El puerto está junto al río."], "¿Cómo se llama el puente sobre el río?", "llama"),
    ("ru", ["Мост через реку с 1903 года носит имя Царский мост.",
            "Порт стоит на реке."], "Как называется мост через реку?", "называется"),
])
def test_a_word_framing_a_question_in_another_language_is_not_its_subject(
        lang, texts, question, frame) -> None:
    """"Wie heißt ...?", "¿Cómo se llama ...?", "Как называется ...?" ask for a name the text
    gives without the question's word for "is called" (as English's "called", a framing
    word): it is no unseen word of the question's subject, which would weigh the question down
    as if the corpus lacked what it asks about."""
    from retrieval import QAEngine
    from retrieval.corpus import Document
    from retrieval.query import parse_query

    engine = QAEngine.from_documents([Document(f"d{i}", "", t, lang=lang)
                                      for i, t in enumerate(texts)])
    query = parse_query(question, engine.index, lang=lang, plain=True)
    assert analyzer(lang).term(frame.lower()) not in query.weights
    assert not query.unseen


@pytest.mark.parametrize(("lang", "question", "sentence", "none"), [
    ("de", "Wie viele Universitäten hat Newcastle?", "Newcastle hat zwei Universitäten.",
     "Newcastle hat Universitäten."),
    ("es", "¿Cuántas universidades tiene Newcastle?", "Newcastle tiene dos universidades.",
     "Newcastle tiene universidades."),
    ("ru", "Сколько университетов в Ньюкасле?", "В Ньюкасле два университета.",
     "В Ньюкасле есть университеты."),
])
def test_a_count_written_out_is_evidence_for_how_many(lang, question, sentence, none) -> None:
    """A small count is as often written out as in digits ("zwei", "dos", "два")."""
    from retrieval.cues import has_evidence

    assert plain_question_type(question, lang) == "number"
    assert has_evidence("number", sentence, question, lang)
    assert not has_evidence("number", none, question, lang)
    # a count the question holds itself is not new
    assert not has_evidence("number", sentence, f"{question} {sentence}", lang)


def test_numbers_are_read_as_their_language_writes_them() -> None:
    assert analyzer("pt").analyze("6.400 quilômetros") == analyzer("pt").analyze("6400 quilômetros")
    assert analyzer("de").term("21,5") == "21.5" == term_of("21.5")
    assert analyzer("de").term("1.234,5") == "1234.5"
    assert analyzer("ru").term("1871") == "1871"
    # English groups thousands with a comma
    assert term_of("6,400") == "6400" and term_of("3.5") == "3.5"


def test_a_very_common_word_the_corpus_lacks_weighs_as_a_framing_word() -> None:
    """"Cầu Long Biên hiện nay có ...?" ("the Long Bien bridge today has ..."): "hiện" is in no
    Vietnamese stop list or table, and the corpus lacks it; wordfreq finds it among the
    language's most frequent words, so it weighs as a framing word (``frame_factor`` of an
    unseen word's weight), not as the question's subject. It stays unseen; a word of the topic
    that the corpus lacks ("nhịp", a span) keeps the full weight; the interrogatives' table
    ("bao nhiêu", how many) takes "bao" and "nhiêu" out of the subject whatever wordfreq says;
    English is read as before, and so is every word with the rule off."""
    import dataclasses

    from retrieval import QAEngine
    from retrieval.config import DEFAULT_CONFIG
    from retrieval.corpus import Document
    from retrieval.query import parse_query

    def engine(lang: str, texts: list[str]) -> QAEngine:
        return QAEngine.from_documents([Document(f"d{i}", "", t, lang=lang)
                                        for i, t in enumerate(texts)])

    vi = engine("vi", ["Cầu Long Biên dài 2.290 mét và được xây dựng từ năm 1898.",
                       "Cây cầu bắc qua sông Hồng ở Hà Nội."])
    question = "Cầu Long Biên hiện nay có bao nhiêu nhịp dài 2.290 mét?"
    query = parse_query(question, vi.index, lang="vi", plain=True)
    off = parse_query(question, vi.index, dataclasses.replace(DEFAULT_CONFIG, common_zipf=None),
                      lang="vi", plain=True)
    assert {"hiện", "nhịp"} <= query.unseen == off.unseen
    assert query.weights["hiện"] == pytest.approx(off.weights["hiện"] * DEFAULT_CONFIG.frame_factor)
    assert query.weights["nhịp"] == off.weights["nhịp"] > query.weights["hiện"]
    assert not {"bao", "nhiêu"} & (query.weights.keys() | off.weights.keys())
    en = engine("en", ["The Long Bien bridge is 2,290 metres long and was built from 1898.",
                       "The bridge crosses the Red River in Hanoi."])
    for plain in (False, True):
        today = parse_query("How long is the bridge today?", en.index, lang="en", plain=plain)
        assert "today" in today.unseen
        assert today.weights == parse_query(
            "How long is the bridge today?", en.index,
            dataclasses.replace(DEFAULT_CONFIG, common_zipf=None), lang="en", plain=plain).weights


def test_a_packaged_stop_list_is_read_as_the_language_writes_it() -> None:
    # stop-words' Hebrew entries carry their quotes and commas ('"של",'), its Slovak "a" a byte
    # order mark, its Italian "più" a quote for its accent; stopwordsiso's Lithuanian was saved
    # in Windows-1257 and read as Latin-1 ("að" for "aš")
    assert {"של", "את", "על"} <= language("he").stop_words
    assert "a" in language("sk").stop_words
    assert {"più", "già"} <= language("it").stop_words
    assert {"aš", "iš", "dėl"} <= language("lt").stop_words
    # Romanian's list in stop-words has no diacritics ("in", "sa"): "în", "să", "și" are
    # stop words, with s and t written with a comma below or a cedilla
    assert {"în", "să", "și", "şi", "acești", "aceşti"} <= language("ro").stop_words
    assert analyzer("ro").analyze("Râul și orașul în care") == analyzer("ro").analyze("râul oraș")
    assert not any("\u2206" in w for w in language("el").stop_words)


@pytest.mark.parametrize("lang, texts, question, want", [
    # Russian's stemmer reads the "-л" of "Байкал" as a past tense's: "байка", where "Байкале"
    # is "байкал"; a question in either form meets a text in the other
    ("ru", ["Уровень воды в озере Байкал составил 456 м.", "Нерпа живёт в Сибири."],
     "Каков уровень воды в Байкале?", "байка"),
    ("ru", ["Станция на Байкале работает с 1961 года.", "Нерпа живёт в Сибири."],
     "Какая станция работает на озере Байкал?", "байкал"),
    # Polish's cuts "tramwaj" to "tramw" ("tramwaje": "tramwaj")
    ("pl", ["Kraków kupi 40 nowych tramwajów.", "Autobusy jeżdżą co 10 minut."],
     "Ile kosztuje jeden tramwaj?", "tramwaj"),
])
def test_a_word_the_stemmer_cuts_otherwise_than_its_other_forms_meets_them(
        lang: str, texts: list[str], question: str, want: str) -> None:
    """A question's word whose stem the corpus lacks is read as the corpus's term one stemming
    step from it (the word itself, or a name's stem stemmed again), not as an unseen word."""
    from retrieval import QAEngine
    from retrieval.corpus import Document
    from retrieval.query import parse_query

    engine = QAEngine.from_documents([Document(f"d{i}", "", t, lang=lang)
                                      for i, t in enumerate(texts)])
    query = parse_query(question, engine.index, lang=lang, plain=True)
    assert want in query.known and want not in query.unseen
    answer = engine.ask(question)
    assert answer.answered and answer.sentences[0].source == "d0"


def test_an_apostrophe_inside_a_ukrainian_word_is_a_letter_not_an_elision() -> None:
    """Ukrainian writes an apostrophe inside words ("м'ясо", meat; "п'ять", five), typed as "'",
    "’" or "ʼ": the word is kept whole, not cut to what follows ("ясо"), and its three spellings
    meet; only a Latin word before an apostrophe is an elided article ("l'armée")."""
    uk = analyzer("uk")
    assert uk.analyze("п'ять") == uk.analyze("пʼять") == uk.analyze("п’ять") == uk.analyze("пять")
    assert uk.analyze("м'ясо") != uk.analyze("ясо")
    # a Cyrillic word is not elided in another language either (a quote in a French text)
    assert analyzer("fr").analyze("м'ясо") != analyzer("fr").analyze("ясо")
    assert analyzer("it").analyze("dell'anno") == analyzer("it").analyze("anno")


def test_a_turkish_names_suffix_after_an_apostrophe_leaves_the_name() -> None:
    """Turkish writes a name's suffixes after an apostrophe ("İzmir'de", in İzmir): the term is
    the name's, where an elided French article is the word after ("l'armée" -> "armée")."""
    tr = analyzer("tr")
    assert tr.analyze("İzmir'de Buca'da Ankara'nın") == tr.analyze("İzmir Buca Ankara")
    assert analyzer("az").analyze("Bakı'da") == analyzer("az").analyze("Bakı")
    assert analyzer("fr").analyze("l'armée") == analyzer("fr").analyze("armée")
    from retrieval import QAEngine
    from retrieval.corpus import Document

    engine = QAEngine.from_documents([
        Document("izmir", "", "İzmir'de yeni metro hattı 2028 yılında açılacak.", lang="tr"),
        Document("ankara", "", "Ankara'da yeni metro hattı 2030 yılında açılacak.", lang="tr")])
    answer = engine.ask("İzmir'de metro hattı ne zaman açılacak?")
    assert answer.answered and answer.sentences[0].source == "izmir"


def test_a_stem_that_is_no_word_is_not_stemmed_again_to_meet_another() -> None:
    """Portuguese "moderados" is "moder", no word, which stemmed again is "mod", the term of
    "moda": a question about moderates does not meet a text about fashion (a stem is stemmed
    again only when it is a word of the language, a base form, as Russian's "байкал")."""
    from retrieval import QAEngine
    from retrieval.corpus import Document
    from retrieval.query import parse_query

    texts = ["A moda de Paris muda todos os anos com as novas coleções.",
             "O museu abre todos os dias a partir das nove da manhã."]
    engine = QAEngine.from_documents([Document(f"d{i}", "", t, lang="pt")
                                      for i, t in enumerate(texts)])
    query = parse_query("O que pensam os moderados?", engine.index, lang="pt", plain=True)
    assert "mod" not in query.weights and "moder" in query.unseen


@pytest.mark.parametrize(("word", "other"), [
    ("ciudades", "ciudad"), ("años", "año"), ("países", "país"), ("franceses", "francés"),
    ("clases", "clase"), ("meses", "mes"), ("veces", "vez"), ("leyes", "ley"),
    ("casas", "casa"), ("galerías", "galería"),
])
def test_a_spanish_word_meets_its_plural(word: str, other: str) -> None:
    term = analyzer("es").term
    assert term(word) == term(other)


@pytest.mark.parametrize(("word", "other"), [
    ("galería", "gales"), ("pelos", "pelear"), ("áreas", "are"), ("año", "ano"),
])
def test_a_spanish_stem_is_no_piece_unrelated_words_share(word: str, other: str) -> None:
    """Snowball's Spanish stemmer takes verb endings off nouns: "galería" (a gallery) and
    "Gales" (Wales) were both "gal", "pelos" (hairs) and "pelear" (to fight) "pel"."""
    term = analyzer("es").term
    assert term(word) != term(other)


def test_a_spanish_question_about_what_the_corpus_lacks_finds_none_of_its_words() -> None:
    """"¿Cómo se llama la galería ...?" of a corpus about Wales and a fight: its words, read by
    Snowball's stems, met "Gales" and "pelear", and the question was answered from them."""
    from retrieval import QAEngine
    from retrieval.corpus import Document
    from retrieval.query import parse_query

    texts = ["El País de Gales tiene tres parques nacionales y una costa de 1.200 km.",
             "Los dos ejércitos decidieron pelear junto al río en el año 1403."]
    engine = QAEngine.from_documents([Document(f"d{i}", "", t, lang="es")
                                      for i, t in enumerate(texts)])
    query = parse_query("¿Cómo se llama la galería de los pelos?", engine.index, lang="es",
                        plain=True)
    assert not query.known
    assert query.unseen == {analyzer("es").term("galería"), analyzer("es").term("pelos")}


def test_a_rare_spanish_word_of_which_the_corpus_holds_no_form_doubts_the_answer() -> None:
    """A rare word the corpus lacks doubts the answer as an unseen name does ("plastoma": the
    corpus is not about it), unless the corpus writes it in another form ("catalogó" beside
    "catalogado", "dedicada" beside "dedicado": ``families.py``) or it is a conjugated verb."""
    from retrieval import QAEngine
    from retrieval.config import ComposerConfig
    from retrieval.corpus import Document
    from retrieval.families import family, has_family
    from retrieval.features import Asked
    from retrieval.query import parse_query

    texts = ["El mercado fue catalogado como edificio histórico en 1954.",
             "La galería está dedicada al arte de China y abrió en 1909."]
    engine = QAEngine.from_documents([Document(f"d{i}", "", t, lang="es")
                                      for i, t in enumerate(texts)])
    config = ComposerConfig()
    unseen = engine.index.unseen_idf()
    term = analyzer("es").term
    question = "¿Cuándo se descubrió el plastoma del mercado?"
    query = parse_query(question, engine.index, config, lang="es", plain=True)
    # it weighs as any unseen word in which sentence is quoted, as an unseen name in how sure
    # the quote is (the share of the question the corpus lacks)
    assert query.weights[term("plastoma")] == pytest.approx(unseen * config.unseen_factor)
    assert query.doubted().weights[term("plastoma")] == pytest.approx(
        unseen * config.rare_unseen_factor)
    assert query.doubt.keys() == {term("plastoma")}  # not "descubrió": a verb
    assert (Asked.of(question, query.doubted()).unseen_share
            > Asked.of(question, query).unseen_share)
    query = parse_query("¿Quién catalogó el mercado?", engine.index, config, lang="es",
                        plain=True)
    assert term("catalogó") in query.unseen  # no such term ...
    assert has_family(term("catalogó"), "es", engine.index)  # ... but a form of it
    assert not query.doubt
    # a conjugated verb of which the corpus holds no form asks how, not about what
    query = parse_query("¿Quién cartografió el mercado?", engine.index, config, lang="es",
                        plain=True)
    assert not has_family(term("cartografió"), "es", engine.index)
    assert not query.doubt
    assert family(term("dedicada"), "es") == family(term("dedicado"), "es")
    assert family("galeria", "de") == "galeria"  # families told in Spanish only


@pytest.mark.parametrize(("word", "verb"), [
    ("catalogó", True), ("soplaron", True), ("protegían", True), ("disminuirá", True),
    ("permitiéndose", True), ("centraban", True), ("plastoma", False), ("ctenóforos", False),
    ("geografía", False), ("diurna", False), ("codificar", False), ("estratigrafistas", False)])
def test_a_spanish_conjugated_verb_is_told_by_its_ending(word: str, verb: bool) -> None:
    from retrieval.spanish import conjugated

    assert conjugated(word) is verb


def test_the_doubt_of_a_rare_spanish_word_lowers_the_confidence_not_the_quote() -> None:
    """The doubt a rare word the corpus has no form of carries is read in how sure the best
    candidate is (its features read with the word weighing as an unseen name), not in which
    candidate is best: candidates are ordered by the words they meet."""
    import dataclasses

    from retrieval import QAEngine
    from retrieval.config import ComposerConfig
    from retrieval.corpus import Document

    texts = ["El mercado de la ciudad fue construido en 1835 por Richard Grainger.",
             "La ciudad tiene un puerto y un mercado de pescado desde 1900."]
    docs = [Document(f"d{i}", "", t, lang="es") for i, t in enumerate(texts)]
    question = "¿Cuándo se construyó el mercado de plastomas de la ciudad?"
    doubting = QAEngine.from_documents(docs).ask(question, min_confidence=0)
    plain = QAEngine.from_documents(
        docs, config=dataclasses.replace(ComposerConfig(), rare_unseen_factor=0.0)
    ).ask(question, min_confidence=0)
    assert doubting.text == plain.text
    assert doubting.confidence < plain.confidence


def test_arabic_script_s_short_vowels_and_kashida_are_no_part_of_a_term() -> None:
    """Harakat (tanwin, shadda, short vowels) and the kashida are written or not as a writer
    pleases: a Persian or Urdu word meets itself either way, as Arabic's did."""
    for code in ("fa", "ur", "ar"):
        a = analyzer(code)
        assert a.analyze("مُحَمَّد") == a.analyze("محمد")
        assert a.analyze("کتـــاب") == a.analyze("کتاب")
    assert analyzer("fa").analyze("کتابٌ") == analyzer("fa").analyze("کتاب")
