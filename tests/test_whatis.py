"""``whatis``: "what is X?" asked in another language than English, and the sentence that says
what X is brought first."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import QAEngine
from retrieval.corpus import Document
from retrieval.whatis import defines, subject


@pytest.mark.parametrize(("question", "lang", "x"), [
    ("что такое pytils?", "ru", ("pytils",)),
    ("Что такое тег в pymorphy?", "ru", ("тег",)),  # a preposition ends X
    ("was ist ein Paketmanager?", "de", ("Paketmanager",)),
    ("c'est quoi gramps ?", "fr", ("gramps",)),
    ("Qu'est-ce que l'apt-get ?", "fr", ("apt-get",)),
    ("¿Qué es aptitude?", "es", ("aptitude",)),
    ("o que é o CPF?", "pt", ("CPF",)),
    ("cos'è un pacchetto?", "it", ("pacchetto",)),
    ("pypinyin 是什么？", "zh", ("pypinyin",)),
    ("什么是拼音？", "zh", ("拼音",)),
    ("jaconv って何？", "ja", ("jaconv",)),
    # what X is for, which a definition answers
    ("a cosa serve synaptic?", "it", ("synaptic",)),
    ("à quoi sert apt ?", "fr", ("apt",)),
    ("wozu dient dpkg?", "de", ("dpkg",)),
    ("¿Para qué sirven las firmas gpg de los paquetes?", "es", ("firmas", "gpg")),
    ("для чего нужен pytils?", "ru", ("pytils",)),
    # Czech, Finnish, Indonesian
    ("co je aptitude?", "cs", ("aptitude",)),
    ("mikä on aptitude?", "fi", ("aptitude",)),
    ("apa itu popcon?", "id", ("popcon",)),
])
def test_the_x_of_what_is_x_in_other_languages(question, lang, x):
    assert subject(question, lang) == x


@pytest.mark.parametrize(("question", "lang"), [
    ("что такое pytils?", "en"),  # English is definitions.py's
    ("что он сказал о pytils?", "ru"),  # no "what is X"
    ("Qu'est-ce que la dame Carcas a lancé aux soldats de Charlemagne ?", "fr"),  # too long
    ("wie installiere ich debian?", "de"),
])
def test_no_x_where_no_thing_is_asked_about(question, lang):
    assert subject(question, lang) == ()


@pytest.mark.parametrize(("question", "sentence", "lang", "says"), [
    ("что такое pytils?", "pytils - простой обработчик русского текста.", "ru", True),
    ("что такое Debian?", "Debian GNU/Linux — это один из дистрибутивов Linux.", "ru", True),
    ("что такое Debian?", "В Debian есть описание стандартов качества.", "ru", False),
    ("c'est quoi gramps ?", "Gramps est une application de généalogie.", "fr", True),
    ("c'est quoi gramps ?", "Gramps peut lire trois ensembles de données.", "fr", False),
    ("was ist aptitude?", "Aptitude ist ein Paketmanager für Debian.", "de", True),
    ("was ist aptitude?", "Aptitude ist schnell.", "de", False),  # no class said
    ("jaconv って何？", "jaconv (Japanese Converter) はひらがなの変換を行います。", "ja", True),
    ("jaconv って何？", "normalize メソッドは jaconv の拡張です。", "ja", False),
    # an article and the kind of thing X is may come before it; a phrase X is part of may not
    ("cos'è pbuilder?", "Il pacchetto pbuilder è uno strumento di verifica.", "it", True),
    ("was ist dpkg?", "Das Werkzeug dpkg ist ein Paketverwalter.", "de", True),
    ("cos'è pbuilder?", "La directory di pbuilder è una cartella.", "it", False),
    ("apa itu popcon?", "Popcon adalah paket yang mengirim statistik.", "id", True),
    ("co je aptitude?", "Aptitude je správce balíků.", "cs", True),
    ("co je aptitude?", "V aptitude je mnoho voleb.", "cs", False),
])
def test_a_sentence_defines_x_when_it_opens_by_saying_what_x_is(question, sentence, lang, says):
    assert defines(question, sentence, lang) is says


def test_the_opening_that_says_what_x_is_comes_first_over_sentences_naming_x_more():
    """A README says once, in its opening, what its subject is, and names it in every example
    after: "что такое pytils?" quoted an example (the opening was not among the retrieved
    passages, nor first among the candidates)."""
    readme = ("pytils - простой обработчик русского текста, реализован на Python.\n\n"
              + "\n\n".join(f"При помощи pytils можно сделать транслитерацию номер {n}: "
                            f"pytils.translit.translify(pytils, {n}) и pytils.dt для pytils."
                            for n in range(150)))
    other = "Pymorphy - морфологический анализатор. Он разбирает слова русского языка."
    engine = QAEngine.from_documents([
        Document("pytils", "pytils - простой обработчик русского текста", readme, lang="ru"),
        Document("pymorphy", "pymorphy", other, lang="ru")])
    ranking = engine.rank("что такое pytils?")
    assert ranking is not None
    assert ranking.candidates[0].sentence.text.startswith("pytils - простой обработчик")


def test_the_sentence_saying_what_x_is_answers_however_unsure_the_plain_model_is():
    """The plain model reads no "what is X?" outside English: a one-word question met by many
    sentences naming X gives it no margin, and "cos'è pbuilder?" was abstained with the
    sentence saying what pbuilder is first. That sentence answers at the threshold, at least;
    a question whose X no sentence defines does not."""
    guide = ("Il pacchetto pbuilder è uno strumento che verifica le dipendenze di un pacchetto. "
             "Si configuri pbuilder come segue. Si esegua pbuilder come root. "
             "La directory di pbuilder contiene i risultati.")
    engine = QAEngine.from_documents([Document("guida", "Guida", guide, lang="it")])
    answer = engine.ask("cos'è pbuilder?", min_confidence=0.99)
    assert answer.answered and answer.sentences[0].text.startswith("Il pacchetto pbuilder è")
    assert answer.confidence >= 0.99
    assert not engine.ask("come si esegue pbuilder?", min_confidence=0.99).answered


def _faq(tmp_path: Path, name: str, text: str) -> QAEngine:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")


def test_a_faq_entry_asking_what_x_is_answers_it(tmp_path: Path) -> None:
    """A FAQ's entry is itself the question ("1.2. Что такое Debian GNU/Linux?"), and its
    answer names X once, among sections naming X more often: "что такое Debian?" retrieved
    them, not the entry, and was abstained (docs_blind17)."""
    others = "\n\n".join(
        f"## 1.{k}. Как установить пакет {k}?\n\nDebian хранит пакет {k} в архиве Debian; "
        f"пакеты Debian ставит программа apt, и Debian обновляет их сам." for k in range(3, 12))
    engine = _faq(tmp_path, "faq.md",
                  "# Глава 1. Определения и краткий обзор\n\n## 1.2. Что такое Debian GNU/Linux?"
                  "\n\nDebian GNU/Linux — это один из дистрибутивов операционной системы Linux с "
                  "большим количеством пакетов.\n\n" + others + "\n")
    answer = engine.ask("что такое Debian?")
    assert answer.answered
    assert answer.sentences[0].text.startswith("Debian GNU/Linux — это один из")


def test_the_text_under_a_heading_that_is_x_answers_what_x_is(tmp_path: Path) -> None:
    """"8.1.1. dpkg" heads "Questo è il principale programma di gestione dei pacchetti.",
    which does not name dpkg: "cos'è dpkg?" was abstained (docs_blind19)."""
    others = "\n\n".join(
        f"## 8.{k}. Comandi {k}\n\nSi esegua dpkg --install pacchetto{k}.deb; dpkg installa "
        f"il pacchetto {k} e dpkg-deb lo estrae." for k in range(2, 10))
    engine = _faq(tmp_path, "guida.md",
                  "# Gli strumenti di gestione dei pacchetti\n\n## 8.1.1. dpkg\n\n"
                  "Questo è il principale programma di gestione dei pacchetti. Ha molte "
                  "opzioni.\n\n" + others + "\n")
    answer = engine.ask("cos'è dpkg?")
    assert answer.answered
    assert answer.sentences[0].text.startswith("Questo è il principale programma")
