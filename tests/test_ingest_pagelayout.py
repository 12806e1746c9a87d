"""``retrieval.ingest.pagelayout``: a web page saved as text told by its menus and link bars in
any language; plain text in other languages read by its layout, as English is."""

from __future__ import annotations

from retrieval.ingest.pagelayout import is_page_layout, menus_and_bars
from retrieval.ingest.sieve import sieve
from retrieval.ingest.text import layout_blocks, read_plain

GERMAN_README = """\
Kassenbuch
==========

Kassenbuch ist ein kleines Werkzeug für Vereine, das Einnahmen und Ausgaben in einer
einfachen Textdatei verwaltet. Es läuft unter Linux, macOS und Windows.

Installation

Das Programm benötigt Python 3.10 oder neuer. Die Installation erfolgt mit pip.

Funktionen

- Buchungen erfassen, ändern und löschen
- Monatsberichte als PDF oder CSV
- Mehrere Kassen pro Verein

Lizenz

Kassenbuch steht unter der MIT-Lizenz.
"""

RUSSIAN_MEMO = """\
СЛУЖЕБНАЯ ЗАПИСКА

Кому: Директору по персоналу А. С. Волковой
От: Начальника отдела информационных технологий
Дата: 14 марта 2025 года
Тема: Переход на новую систему учёта рабочего времени

С 1 апреля 2025 года все подразделения переходят на новую систему учёта рабочего времени.
Старые табели больше не принимаются.

Для перехода необходимо:

1. Выдать сотрудникам электронные пропуска до 25 марта.
2. Провести обучение руководителей подразделений.

Сроки

Обучение проводится с 18 по 21 марта в конференц-зале.

Начальник отдела ИТ
И. П. Смирнов
"""

SPANISH_PAGE = """\
Inicio
Noticias
Deportes
Economía
Cultura

Inicio » Noticias » Madrid

El Ayuntamiento aprueba el nuevo plan de movilidad

Por María López | 12 de marzo de 2025, 10:34

El pleno del Ayuntamiento de Madrid aprobó este martes el nuevo plan de movilidad, que
reducirá la velocidad máxima a 30 kilómetros por hora en todo el centro de la ciudad.

El plan entrará en vigor el 1 de junio. La oposición votó en contra.

Compartir
Facebook
Twitter
WhatsApp

Aviso legal | Política de privacidad | Contacto
"""


def test_a_german_readme_is_read_by_its_layout_and_keeps_every_block():
    p = read_plain(GERMAN_README)
    assert not p.web
    kinds = [(b.kind, b.text) for b in p.blocks]
    assert ("heading", "Installation") in kinds and ("heading", "Funktionen") in kinds
    assert ("list_item", "Monatsberichte als PDF oder CSV") in kinds
    assert next(b for b in p.blocks if b.text == "Mehrere Kassen pro Verein").section == (
        "Kassenbuch", "Funktionen")
    sieved = sieve(p)
    assert not sieved.dropped and len(sieved.kept) == len(p.blocks)


def test_a_russian_memo_keeps_its_fields_items_and_short_sentences():
    p = read_plain(RUSSIAN_MEMO)
    assert not p.web and not p.english
    texts = [b.text for b in p.blocks]
    assert "Дата: 14 марта 2025 года" in texts  # a field, a paragraph of its own
    assert "Старые табели больше не принимаются." in " ".join(texts)
    assert [b.kind for b in p.blocks if b.text.startswith("2.")] == ["list_item"]
    assert [b.section for b in p.blocks if b.text.startswith("Обучение")] == [
        ("СЛУЖЕБНАЯ ЗАПИСКА", "Сроки")]
    assert not sieve(p).dropped


def test_a_spanish_page_saved_as_text_is_still_cleaned_as_a_web_page():
    assert menus_and_bars(SPANISH_PAGE) == 4  # two menus, a breadcrumb and a footer
    p = read_plain(SPANISH_PAGE)
    assert p.web
    kept = [k.block.text for k in sieve(p).kept]
    assert any(t.startswith("El pleno del Ayuntamiento") for t in kept)
    assert not {"Inicio", "Compartir", "WhatsApp", "Inicio » Noticias » Madrid"} & set(kept)


def test_a_document_with_one_list_set_without_bullets_is_no_page():
    # a table of contents, or the names a minute lists under a lead-in, is no page's menu
    minutes = ("Inhalt\nEinleitung\nInstallation\nKonfiguration\nLizenz\n\n"
               "Anwesend:\nAnna Schmidt\nPeter Braun\nMaria Weber\nJonas Koch\n\n"
               "Der Vorstand hat den Haushalt einstimmig beschlossen.\n")
    assert menus_and_bars(minutes) == 1 and not is_page_layout(minutes)
    # an address (digits) and a table (every line split by "|") are neither menu nor link bar
    letter = ("Musterfirma GmbH\nHauptstraße 5\n12345 Berlin\nDeutschland\n\n"
              "Name | Menge | Preis\nÄpfel | 3 | 2 Euro\n\nSehr geehrte Damen und Herren,\n")
    assert menus_and_bars(letter) == 0


def test_a_menu_saved_a_blank_line_apart_is_one_menu():
    page = "Startseite\n\nPolitik\n\nSport\n\nKultur\n\nDer Eintritt ist frei.\n"
    assert menus_and_bars(page) == 1
    assert menus_and_bars(page + "\nImpressum · Datenschutz · Kontakt\n") == 2


def test_german_prose_wrapped_before_its_nouns_is_one_paragraph():
    # every line opens with a capital (a German noun), most end no sentence: wrapped at a
    # width, not a list of lines
    text = ("Geschichte\n\nDie Stadt liegt am Rhein und hat heute etwa 50.000 Einwohner. Seit dem\n"
            "Mittelalter ist sie ein wichtiger Handelsplatz am Fluss, dessen\n"
            "Bedeutung im 19. Jahrhundert mit der Eisenbahn weiter wuchs.\n\nVerkehr\n\n"
            "Der Bahnhof liegt im Norden.\n")
    paragraphs = [b.text for b in layout_blocks(text, english=False) if b.kind == "paragraph"]
    assert paragraphs[0].endswith("dessen Bedeutung im 19. Jahrhundert mit der Eisenbahn weiter "
                                  "wuchs.")
    assert len(paragraphs) == 2


def test_a_title_in_a_script_without_capitals_heads_its_text():
    # as "Munții Atlas" heads its text: a heading, indexed, never quoted on its own
    text = ("北极燕鸥\n\n北极燕鸥是一种海鸟，每年在北极和南极之间迁徙，飞行距离超过七万公里。\n\n"
            "它的寿命可达三十年以上。\n")
    p = read_plain(text)
    assert [b.kind for b in p.blocks] == ["heading", "paragraph", "paragraph"]
    arabic = read_plain("جامعة بولونيا\n\nتأسست جامعة بولونيا عام 1088.\n")
    assert arabic.blocks[0].kind == "heading"


def test_a_manuals_commands_and_file_names_are_no_menu():
    # an Italian guide saved as text: its examples (helper names, shell commands, a package's
    # files) set one under the other are code, not link labels; read as a document, its
    # sentences are kept where a page's cleaning dropped them as headlines
    guide = ("Guida per il nuovo Maintainer\n\n"
             "    Il pacchetto usa questi comandi, eseguiti uno dopo l'altro:\n\n"
             "      dh_testdir\n      dh_auto_configure\n      dh_auto_build\n"
             "      dh_auto_test\n\n"
             "    Si prepari la directory dei sorgenti:\n\n"
             "      $ cd gentoo-0.9.12\n      $ dquilt push\n      $ dquilt refresh\n"
             "      $ dquilt header -e\n\n"
             "    I file installati sono README.gtkrc, pkg.conf e config.ini, come spiegato.\n")
    assert menus_and_bars(guide) == 0 and not is_page_layout(guide)
    assert not read_plain(guide).web
