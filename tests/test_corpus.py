"""Loading a corpus directory: ids, sidecar metadata, titles, bad files."""

from __future__ import annotations

import codecs
import json
import os
import threading
import time

import pytest
from structlog.testing import capture_logs

from retrieval import NoDocumentsError, QAEngine
from retrieval.corpus import Skipped, load_directory, read_document
from retrieval.ingest.meta import front_matter

from .conftest import SEEDS

ARTICLE = (
    "Harbour Plans Approved\n\n"
    "The city council approved the harbour plan on Monday after a long debate.\n\n"
    "Work on the new quay is expected to start in the spring and last two years.\n"
)


def test_loads_txt_and_md_recursively_with_stems_as_ids(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "c.markdown").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")  # a .csv is read since the CSV reader
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "scan.JPG").write_bytes(b"\xff\xd8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text(ARTICLE, encoding="utf-8")
    with capture_logs() as logs:
        docs, skipped = load_directory(tmp_path)
    assert sorted(d.id for d in docs) == ["a", "b", "c"] and skipped == []
    (warning,) = [e for e in logs if e["event"] == "files_not_read"]
    assert warning["count"] == 3 and warning["types"] == {".xlsx": 1, ".jpg": 2}


def test_a_title_from_markup_or_front_matter_loses_its_bidi_and_control_characters(tmp_path):
    """An override in a <title> showed "policy \u202eFDP.nettirwdnah" as "...handwritten.PDF"."""
    (tmp_path / "guide.html").write_text(
        "<html><head><title>Refund policy \u202eFDP.nettirwdnah &#27;[31m</title></head>"
        "<body><p>Refunds are paid within fourteen days of the return.</p></body></html>")
    (tmp_path / "notes.md").write_text('---\ntitle: "Approved by \u2067ecnaniF\u2069"\n---\n\n'
                                       "The quay is 300 metres long and was built in 1911.\n")
    engine = QAEngine.from_directory(tmp_path, save=False)
    assert sorted(s.title for s in engine.sources()) == [
        "Approved by ecnaniF", "Refund policy FDP.nettirwdnah [31m"]


@pytest.mark.parametrize("lang", ["zz", "und", "zz-Top", "x"])
def test_a_lang_naming_no_language_is_said_and_the_language_detected(tmp_path, lang):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"lang": lang}), encoding="utf-8")
    with capture_logs() as logs:
        docs, _ = load_directory(tmp_path)
    assert docs[0].lang is None
    assert any(e["event"] == "file_read_with_note" and repr(lang) in e["note"] for e in logs)
    engine = QAEngine.from_documents(docs)
    assert engine.collection.languages() == {"en"}


_MOSCOW = ("<!doctype html><html lang=\"{lang}\"><head><title>История Москвы</title></head>"
           "<body><main><h1>История Москвы</h1><p>Москва является столицей Российской Федерации "
           "и крупнейшим городом страны. Московский метрополитен был открыт в 1935 году после "
           "нескольких лет строительства. Храм Василия Блаженного был построен в шестнадцатом "
           "веке по приказу Ивана Грозного.</p></main></body></html>")


@pytest.mark.parametrize(("lang", "sidecar", "read_as", "said"), [
    ("en", None, None, True),  # a site template's default on a page in Russian: detected
    ("ru", None, "ru", False),
    ("en-US", "en", "en", False),  # a sidecar's lang is the user's word: kept
])
def test_an_html_lang_the_text_plainly_contradicts_gives_way_to_detection(
        tmp_path, lang, sidecar, read_as, said):
    (tmp_path / "moskva.html").write_text(_MOSCOW.format(lang=lang), encoding="utf-8")
    if sidecar:
        (tmp_path / "moskva.meta.json").write_text(json.dumps({"lang": sidecar}))
    with capture_logs() as logs:
        (doc,), _ = load_directory(tmp_path)
    assert doc.lang == read_as
    assert said == any(e["event"] == "file_read_with_note" and "<html lang=" in e["note"]
                       for e in logs)
    engine = QAEngine.from_documents([doc])
    assert engine.collection.languages() == {sidecar or "ru"}
    if not sidecar:
        assert engine.ask("Когда открыли московское метро?").sentences[0].text.startswith(
            "Московский метрополитен был открыт в 1935 году")


def test_headline_heuristic_skips_site_names_and_symbols():
    engine = QAEngine.from_directory(SEEDS, save=False)
    titles = {s.id: s.title for s in engine.sources()}
    assert titles["001_928fbbeead9e5df3"].startswith("Latest comments from Russian ally")
    assert titles["004_ecccbed35c387cb0"] == (
        "Armenia Says 'Froze' Participation in Russia-Led Security Bloc")
    assert titles["000_00f339de5ad54580"].startswith("Putin loses member of military alliance")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bin.txt", b"\x00\x01\x02binary", "binary"),
        ("noise.txt", bytes(range(128, 256)) * 4, "not UTF-8"),
        ("empty.txt", b"   \n", "empty"),
        ("broken16.txt", codecs.BOM_UTF16_LE + "Caf\xe9".encode("utf-16-le")[:-1], "UTF-16"),
        ("empty16.txt", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "empty"),
        ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
         "HTML page with no text"),
    ],
)
def test_bad_files_are_skipped_with_a_warning_naming_them(tmp_path, name, content, reason):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    with capture_logs() as logs:
        docs, skipped = load_directory(tmp_path)
    assert [d.id for d in docs] == ["good"]
    assert len(skipped) == 1 and skipped[0].path.endswith(name) and reason in skipped[0].reason
    assert any(e["event"] == "file_skipped" and e["path"].endswith(name) for e in logs)


def test_missing_directory_is_an_error_naming_it(tmp_path):
    with pytest.raises(NoDocumentsError, match="does not exist"):
        load_directory(tmp_path / "nope")


def test_empty_directory_is_an_error(tmp_path):
    with pytest.raises(NoDocumentsError, match="no usable"):
        load_directory(tmp_path)


def test_directory_of_only_bad_files_names_them(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\x00\x00")
    with pytest.raises(NoDocumentsError, match=r"x\.txt"):
        load_directory(tmp_path)


def test_documents_with_no_prose_are_skipped_and_all_empty_is_an_error(tmp_path):
    (tmp_path / "menu.txt").write_text("Home\nNews\nSport\nContact us\n", encoding="utf-8")
    with pytest.raises(NoDocumentsError, match="no prose"):
        QAEngine.from_directory(tmp_path, save=False)


def test_a_markdown_heading_is_a_title_without_its_marks(tmp_path):
    (tmp_path / "guide.md").write_text(
        "# Installing the Widget Server\n\nThe **Widget Server** runs on Linux and macOS. It "
        "needs Python 3.10 or newer and about 2 GB of memory.\n\n## Steps\n\nRun `./widget "
        "serve --port 8080` to start the server, then open the page in a browser.\n")
    engine = QAEngine.from_directory(tmp_path, save=False)
    assert engine.sources()[0].title == "Installing the Widget Server"
    answer = engine.ask("How much memory does the Widget Server need?")
    # (quoted with the sentence before, which says what "It" is; a later candidate's)
    assert answer.sentences[0].text in (
        "It needs Python 3.10 or newer and about 2 GB of memory.",
        "The Widget Server runs on Linux and macOS. It needs Python 3.10 or newer and about 2 GB "
        "of memory.")


def test_a_heading_after_the_text_is_a_section_not_the_title(tmp_path):
    body = ("This package contains the find, xargs and locate programs.\n\nSee the file NEWS "
            "for the changes in this release.\n\nSee the file INSTALL for how to build it.\n\n")
    (tmp_path / "findutils-readme.txt").write_text(
        body + "Project notice\n==============\nThe programs are part of the GNU system.\n")
    (tmp_path / "usage.txt").write_text(
        "NOTE: This file was edited for this release.\n\nUSAGE instructions for the JPEG tools"
        "\n==================================\n\n" + body)
    titles = {s.id: s.title for s in QAEngine.from_directory(tmp_path, save=False).sources()}
    # the closing section's heading is no title: the file's name stands in
    assert titles == {"findutils-readme": "findutils-readme",
                      "usage": "USAGE instructions for the JPEG tools"}  # past a note


def test_a_manual_pages_name_section_is_its_title(tmp_path):
    (tmp_path / "frob.txt").write_text(
        "NAME\n    frob - frob files in place\n\nDESCRIPTION\n    frob reads a file, frobs it "
        "and writes it back.\n\nOPTIONS\n    The -q option prints nothing at all.\n")
    assert QAEngine.from_directory(tmp_path, save=False).sources()[0].title == (
        "frob - frob files in place")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_text_with_a_byte_order_mark_is_read(tmp_path, encoding):
    # Windows editors save "Unicode" text as UTF-16 with a byte-order mark.
    data = ARTICLE.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    (tmp_path / "a.txt").write_bytes(data)
    docs, skipped = load_directory(tmp_path)
    assert skipped == [] and docs[0].text == ARTICLE


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_not_called_binary(tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode(encoding))
    with capture_logs() as logs:
        docs, skipped = load_directory(tmp_path)
    assert skipped == [] and docs[0].text == ARTICLE
    assert any("no byte-order mark" in e.get("note", "") for e in logs)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_in_another_script_is_read_not_called_binary(
        tmp_path, encoding):
    # Cyrillic and Japanese have few NUL bytes in UTF-16 (in their spaces, digits and line
    # ends): they were skipped as "binary file (contains NUL bytes)"
    texts = {"ru.txt": "Москва - столица России. Город основан в 1147 году князем Юрием.\n",
             "ja.txt": "東京は日本の首都です。\n人口は約千四百万人で、世界最大の都市圏です。\n"}
    for name, text in texts.items():
        (tmp_path / name).write_bytes(text.encode(encoding))
    (tmp_path / "bytes.txt").write_bytes(bytes(range(256)) * 8)  # binary, NULs and all
    docs, skipped = load_directory(tmp_path)
    assert {d.id: d.text for d in docs} == {"ru": texts["ru.txt"], "ja": texts["ja.txt"]}
    assert [(s.path.rsplit("/", 1)[1], s.reason) for s in skipped] == [
        ("bytes.txt", "binary file (contains NUL bytes)")]


def test_a_pdf_named_as_text_is_read_as_the_pdf_it_is(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "The harbour bridge was opened by the mayor in 1932 after a long vote.")
    (tmp_path / "report-pdf.txt").write_bytes(bytes(pdf.output()))
    docs, skipped = load_directory(tmp_path)
    assert skipped == [] and "opened by the mayor in 1932" in docs[0].text


HTML_ARTICLE = """<!DOCTYPE html><html><head><title>Harbour | City News</title>
<meta property="og:site_name" content="City News">
<link rel="canonical" href="https://city.example/harbour"></head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<h1>Harbour Plans Approved</h1>
<p>The city council approved the <b>harbour plan</b> on Monday after a long debate.</p>
<p>Work on the new quay is expected to start in the spring and last two years.</p>
<footer>&copy; City News</footer></body></html>"""


@pytest.mark.parametrize("name", ["harbour.html", "harbour.htm", "harbour.txt"])
def test_a_web_page_is_read_as_its_text_with_its_metadata(tmp_path, name):
    (tmp_path / name).write_text(HTML_ARTICLE, encoding="utf-8")
    engine = QAEngine.from_directory(tmp_path, save=False)
    answer = engine.ask("When did the council approve the harbour plan?")
    assert answer.answered and answer.sentences[0].text == (
        "The city council approved the harbour plan on Monday after a long debate.")
    src = engine.sources()[0]
    assert (src.id, src.title, src.url, src.publisher) == (
        "harbour", "Harbour", "https://city.example/harbour", "City News")
    assert not engine.ask("What is on the sport page?").answered  # the menu is not text


def test_a_sidecar_overrides_what_a_page_declares(tmp_path):
    (tmp_path / "harbour.html").write_text(HTML_ARTICLE, encoding="utf-8")
    (tmp_path / "harbour.meta.json").write_text('{"title": "Harbour vote"}', encoding="utf-8")
    (doc,), _ = load_directory(tmp_path)
    assert (doc.title, doc.url) == ("Harbour vote", "https://city.example/harbour")


def test_a_front_matter_is_metadata_not_text(tmp_path):
    (tmp_path / "harbour.md").write_text(
        '---\ntitle: "Harbour: plans approved"\nauthor: Jo\ntags:\n  - city\n'
        "permalink: https://city.example/harbour\ndate: 2024-03-05\n---\n" + ARTICLE,
        encoding="utf-8")
    (doc,), _ = load_directory(tmp_path)
    assert (doc.title, doc.url, doc.published) == (
        "Harbour: plans approved", "https://city.example/harbour", "2024-03-05")
    assert doc.text == ARTICLE
    (tmp_path / "harbour.meta.json").write_text('{"title": "Harbour vote"}', encoding="utf-8")
    (doc,), _ = load_directory(tmp_path)
    assert doc.title == "Harbour vote" and doc.url == "https://city.example/harbour"


@pytest.mark.parametrize(
    "text", ["---\nno closing line\n" + ARTICLE, "Intro.\n---\ntitle: x\n---\n"])
def test_text_that_only_looks_like_a_front_matter_is_left_alone(text):
    assert front_matter(text) == ({}, text)


def test_markdown_with_some_html_stays_markdown(tmp_path):
    text = ('<p align="center"><img src="logo.png"><br><b>Harbour</b></p>\n\n<div>x</div>'
            '<span>y</span><br>\n\n' + ARTICLE)
    (tmp_path / "readme.md").write_text(text, encoding="utf-8")
    (doc,), _ = load_directory(tmp_path)
    assert doc.text == text  # its paragraphs kept apart; the tags are left to cleaning


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_read_with_a_warning_naming_the_encoding(tmp_path, encoding):
    text = ("Café prices rose in Zürich — the “fair” price of a crème brûlée is now "
            "7.50 francs, the council’s report says.\n\nThe naïve façade of the old "
            "café on the Limmat is to be restored next year.\n")
    if encoding == "latin-1":
        text = text.replace("—", "-").replace("“", '"').replace("”", '"').replace("’", "'")
    (tmp_path / "cafe.txt").write_bytes(text.encode(encoding))
    with capture_logs() as logs:
        (doc,), skipped = load_directory(tmp_path)
    assert skipped == [] and doc.text == text
    (note,) = [e for e in logs if e["event"] == "file_read_with_note"]
    assert note["path"].endswith("cafe.txt") and note["note"].startswith("read as ")


@pytest.mark.parametrize(("encoding", "text"), [
    ("cp1254", "Köprü 1919 yılında inşa edildi, şehrin güneyinde. Uzunluğu iki yüz metredir. "
               "Şehrin iki semtini birbirine bağlar ve ülkenin en güzel köprülerinden biri "
               "sayılır. Köprünün mimarı İsmail Şahin, projeyi üç yılda tamamladı.\n\n"),
    ("koi8_r", "Мост был построен в 1919 году к югу от города. Его длина двести метров. Он "
               "соединяет два района города и считается одним из самых красивых мостов.\n\n"),
    ("cp1250", "Most został zbudowany w 1919 roku na południe od miasta. Jego długość wynosi "
               "dwieście metrów. Łączy dwie dzielnice i uchodzi za jeden z najpiękniejszych.\n\n"),
])
def test_a_legacy_code_page_is_told_from_its_neighbours(tmp_path, encoding, text):
    # charset-normalizer's first match for the Turkish text was Windows-1250, tied with -1252,
    # both less coherent than -1254: "yılında" was read "yýlýnda"
    (tmp_path / "most.txt").write_bytes((text * 4).encode(encoding))
    (doc,), _ = load_directory(tmp_path)
    assert doc.text == text * 4


@pytest.mark.parametrize("damage", [b"\xc3", b"\xe9"])  # cut mid-character; a stray byte
def test_utf8_with_one_damaged_byte_is_read_as_utf8(tmp_path, damage):
    # (charset-normalizer took the whole for Japanese cp932: "Brﾃｼcke ﾃｼber den Fluss")
    text = ("Die Brücke über den Fluss wurde 1962 für 3 Millionen Mark gebaut. Die Straße "
            "führt über die Höhe nach Süden.")
    (tmp_path / "bruecke.txt").write_bytes(text.encode() + damage)
    with capture_logs() as logs:
        (doc,), _ = load_directory(tmp_path)
    assert doc.text.startswith(text) and doc.text.rstrip().endswith("\ufffd")
    (note,) = [e for e in logs if e["event"] == "file_read_with_note"]
    assert "UTF-8 (1 byte that is not UTF-8" in note["note"]


def test_ligatures_and_control_characters_are_read_as_a_reader_reads_them(tmp_path):
    # "ﬁrst ﬁre" (a PDF's ligatures, copied) met no question typed "first fire"; a NUL past the
    # first 8 KB was quoted as "\u0000"
    filler = "The weather was mild for most of the year in the valley. " * 160
    (tmp_path / "station.txt").write_text(
        filler + "\n\nThe ﬁrst ﬁre station was staﬀed by ﬁfty oﬃcers in 1923.\x00\n")
    engine = QAEngine.from_directory(tmp_path, save=False)
    quote = engine.ask("How many officers staffed the first fire station?").sentences[0].text
    assert quote == "The first fire station was staffed by fifty officers in 1923."
    assert engine.ask("How many oﬃcers staﬀed the ﬁrst ﬁre station?").sentences[0].text == quote


def test_soft_hyphens_inside_words_are_read_as_the_whole_word(tmp_path):
    # a word processor's hyphenation hints (U+00AD, unseen unless a line breaks there) cut
    # "organi\xadsation" into two words no question typed "organisation" met
    (tmp_path / "style.txt").write_text(
        "House style\n\nWrite organi\xadsation and inter\xadnational with the British spelling.\n")
    (doc,), _ = load_directory(tmp_path)
    assert "organisation and international" in doc.text
    answer = QAEngine.from_directory(tmp_path, save=False).ask("How do I spell organisation?")
    assert answer.sentences[0].text == (
        "Write organisation and international with the British spelling.")


def test_text_in_decomposed_unicode_is_read_composed(tmp_path):
    """A file saved in NFD ("o" and a combining diaeresis for "ö": macOS tools, Vietnamese
    keyboards) and a question typed so are read in NFC: each matches the other's form."""
    import unicodedata

    text = ("Die Kölner Philharmonie hat 2000 Plätze. Die Hohenzollernbrücke überquert den "
            "Rhein in Köln.")
    nfd = unicodedata.normalize("NFD", text)
    (tmp_path / "koeln.txt").write_text(nfd)
    (doc,), _ = load_directory(tmp_path)
    assert doc.text.strip() == text
    question = "Welchen Fluss überquert die Hohenzollernbrücke?"
    for engine in (QAEngine.from_directory(tmp_path, save=False), QAEngine.from_texts([nfd])):
        for asked in (question, unicodedata.normalize("NFD", question)):
            answer = engine.ask(asked)
            assert answer.sentences and answer.sentences[0].text == (
                "Die Hohenzollernbrücke überquert den Rhein in Köln.")


def test_a_long_line_without_punctuation_is_quoted_shortened(tmp_path):
    filler = " ".join(f"the word{i % 50} of a log" for i in range(40000))  # ~900 KB, no stops
    (tmp_path / "dump.txt").write_text(
        filler[:300000] + " the zebrafish gene sonic hedgehog " + filler[300000:] + "\n")
    (tmp_path / "a.txt").write_text(ARTICLE)
    engine = QAEngine.from_directory(tmp_path, save=False)
    answer = engine.ask("Which zebrafish gene is sonic hedgehog?")
    quote = answer.sentences[0]
    assert quote.source == "dump" and "zebrafish gene sonic hedgehog" in quote.text
    assert len(quote.text) <= 320 and (quote.text.startswith("…") or quote.text.endswith("…"))
    for a, b in quote.highlights:  # the highlights still point at the words they mark
        assert quote.text[a:b].lower() in {"zebrafish", "gene", "sonic", "hedgehog"}
    assert {quote.text[a:b].lower() for a, b in quote.highlights} >= {"zebrafish", "hedgehog"}
    assert len(engine.passage(quote.passage)) <= 2500


def test_a_reader_failing_unexpectedly_skips_its_file_not_the_corpus(tmp_path, monkeypatch):
    import retrieval.ingest.pdf as pdf_reader

    def broken(data: bytes):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(pdf_reader, "read_pdf", broken)  # a library bug, as a user would meet it
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "spec.pdf").write_bytes(b"%PDF-1.7 whatever")
    with capture_logs() as logs:
        docs, skipped = load_directory(tmp_path)
    assert [d.id for d in docs] == ["a"]
    assert skipped[0].path.endswith("spec.pdf") and skipped[0].reason == (
        "could not be read (nested too deep to read: maximum recursion depth exceeded)")
    (warned,) = [e for e in logs if e["event"] == "file_skipped"]
    assert "exc_info" not in warned  # a user reads why, not a traceback (kept at debug level)
    assert any(e["event"] == "file_skipped_traceback" and e["log_level"] == "debug"
               for e in logs)


LICENCE = ("Permission is hereby granted, free of charge, to any person obtaining a copy of this "
           "software, to deal in the Software without restriction.\n\n"
           "The above copyright notice shall be included in all copies of the Software.\n")


def test_restructuredtext_and_documentation_files_named_without_an_extension_are_read(tmp_path):
    (tmp_path / "guide.rst").write_text(
        "Harbour Guide\n=============\n\nThe quay opens at *six* in the morning, see "
        ":ref:`hours <hours>`.\n", encoding="utf-8")
    (tmp_path / "LICENSE").write_text(LICENCE, encoding="utf-8")
    (tmp_path / "LICENSE-MIT").write_text(LICENCE, encoding="utf-8")
    (tmp_path / "README.Debian").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "LICENSE.meta.json").write_text('{"title": "MIT License"}', encoding="utf-8")
    (tmp_path / "Makefile").write_text("all:\n\tcc -o a a.c\n", encoding="utf-8")
    (tmp_path / "changelog.Debian.gz").write_bytes(b"\x1f\x8b\x08\x00")
    (tmp_path / "NEWS.json").write_text("{}", encoding="utf-8")
    with capture_logs() as logs:
        docs, skipped = load_directory(tmp_path)
    assert sorted(d.id for d in docs) == ["LICENSE", "LICENSE-MIT", "README.Debian", "guide"]
    assert skipped == []
    (warning,) = [e for e in logs if e["event"] == "files_not_read"]
    assert warning["types"] == {"(no extension)": 1, ".gz": 1, ".json": 1}
    engine = QAEngine.from_documents(docs)
    by_id = {s.id: s for s in engine.sources()}
    assert by_id["LICENSE"].title == "MIT License" and by_id["guide"].title == "Harbour Guide"
    (hit,) = engine.search("quay opens six morning", k=1)
    assert hit.doc_id == "guide"
    assert "The quay opens at six in the morning, see hours." in engine.passage(hit.passage)


def test_two_files_of_one_name_in_one_folder_keep_distinct_ids(tmp_path):
    (tmp_path / "notes.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.md").write_text(ARTICLE.replace("harbour", "airport"), encoding="utf-8")
    docs, _ = load_directory(tmp_path)
    assert sorted(d.id for d in docs) == ["notes", "notes.txt"]


@pytest.mark.parametrize("name", ["page.xhtml", "page.xht", "notes.mkd", "notes.mdown",
                                  "notes.mkdn", "notes.mdwn", "guide.rest"])
def test_other_extensions_of_the_formats_are_read_as_them(tmp_path, name):
    text = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            "<head><title>Harbour</title></head><body><h1>Harbour</h1><p>The harbour was built "
            "in 1871 by the engineer Ada Park.</p></body></html>\n" if "x" in name.split(".")[1]
            else "Harbour\n=======\n\nThe harbour was built in *1871* by the engineer Ada Park.\n")
    (tmp_path / name).write_text(text, encoding="utf-8")
    (doc,), _ = load_directory(tmp_path)
    assert doc.title == "Harbour" and doc.id == name.split(".")[0]
    engine = QAEngine.from_documents([doc])
    assert engine.ask("Who built the harbour?").sentences[0].text == (
        "The harbour was built in 1871 by the engineer Ada Park.")


def test_a_link_to_nothing_or_a_file_gone_is_skipped_in_a_readers_words(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    docs, skipped = load_directory(tmp_path)
    assert [d.id for d in docs] == ["good"]
    assert [s.reason for s in skipped] == ["a symbolic link to a file that does not exist"]
    assert "Errno" not in skipped[0].reason


def test_a_file_put_in_another_ones_place_after_the_walk_is_checked_as_it_is_opened(tmp_path):
    # the walk refuses links out of the folder and named pipes; a file replaced by one after
    # it (while a large corpus is read) was read all the same
    corpus, outside = tmp_path / "corpus", tmp_path / "secret.txt"
    corpus.mkdir()
    outside.write_text("The root password of the harbour server is kept in the top drawer.\n")
    (corpus / "notes.txt").symlink_to(outside)
    read = read_document(corpus / "notes.txt", "notes", corpus)
    assert isinstance(read, Skipped) and "leads out of the corpus folder" in read.reason
    (corpus / "inside.txt").write_text("The ferry to the island leaves the north pier at nine.\n")
    (corpus / "link.txt").symlink_to(corpus / "inside.txt")  # a link inside it is read
    assert not isinstance(read_document(corpus / "link.txt", "link", corpus), Skipped)
    # a named pipe was waited on (for ever, with no writer; here, for one that writes)
    pipe = corpus / "pipe.txt"
    os.mkfifo(pipe)

    def write() -> None:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                fd = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # no reader yet
                time.sleep(0.01)
                continue
            os.write(fd, b"Words from a pipe about the ferry to the island and its pier.\n")
            os.close(fd)
            return

    threading.Thread(target=write, daemon=True).start()
    read = read_document(pipe, "pipe", corpus)
    assert isinstance(read, Skipped)
    assert read.reason == "not a regular file (a named pipe or a device)"
