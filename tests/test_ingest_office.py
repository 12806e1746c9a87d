"""The readers of an office's files besides PDF and Word: OpenDocument text (``odt``), EPUB
e-books (``epub``) and Rich Text (``rtf``), on files written here by ``formatwriters``."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from retrieval.ingest import package
from retrieval.ingest.read import format_of, parse, read_file

from .formatwriters import write_epub, write_odt, write_rtf, xhtml_body

GUIDE = [
    ("title", "Widget Guide"),
    ("h1", "Install"),
    ("p", "Run the installer from the release page. It takes two minutes."),
    ("li", 0, False, 1, "Linux: use the apt repository."),
    ("li", 1, False, 1, "Debian stable is supported."),
    ("li", 0, False, 2, "Windows: use the MSI package."),
    ("code", "pip install widget\nwidget --help"),
    ("h2", "Ports"),
    ("table", ["Service", "Port", "Notes"], [["web", "8080", "public"], ["db", "5432", ""]]),
    ("p", "Ünïcode café text survives."),
]


def _kinds(blocks) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks]


def test_odt_headings_lists_tables_code_and_title() -> None:
    parsed = parse(write_odt(GUIDE, title="The Widget Guide", date="2023-05-06T10:00:00"), "odt")
    assert parsed.meta == {"title": "The Widget Guide", "published": "2023-05-06"}
    by_text = {b.text: b for b in parsed.blocks}
    assert by_text["Install"].kind == "heading"
    assert by_text["Ports"].section == ("Install", "Ports")  # the Title is a level-1 heading too
    assert by_text["Run the installer from the release page. It takes two minutes."].section == (
        "Install",)
    assert [(b.text, b.level) for b in parsed.blocks if b.kind == "list_item"] == [
        ("Linux: use the apt repository.", 1), ("Debian stable is supported.", 2),
        ("Windows: use the MSI package.", 1)]
    assert [b.lines for b in parsed.blocks if b.kind == "code"] == [
        ("pip install widget", "widget --help")]
    assert [b.text for b in parsed.blocks if b.kind == "table_row"] == [
        "Service | Port | Notes", "Service: web; Port: 8080; Notes: public",
        "Service: db; Port: 5432"]
    assert "Ünïcode café text survives." in by_text


def test_odt_title_style_titles_a_document_without_declared_title() -> None:
    assert parse(write_odt(GUIDE), "odt").meta["title"] == "Widget Guide"


def test_odt_notes_spaces_toc_and_tracked_deletions() -> None:
    body = (
        '<text:tracked-changes><text:changed-region><text:deletion><text:p>Old wording.</text:p>'
        '</text:deletion></text:changed-region></text:tracked-changes>'
        '<text:table-of-content><text:index-body><text:p>Install ..... 1</text:p></text:index-body>'
        '</text:table-of-content>'
        '<text:h text:outline-level="2">Scope</text:h>'
        '<text:p>Two<text:s text:c="3"/>words<text:tab/>and a note<text:note><text:note-citation>1'
        '</text:note-citation><text:note-body><text:p>The note text.</text:p></text:note-body>'
        '</text:note>.<office:annotation><text:p>a comment</text:p></office:annotation></text:p>')
    parsed = parse(write_odt([], body=body), "odt")
    assert _kinds(parsed.blocks) == [("heading", "Scope"), ("paragraph", "Two words and a note."),
                                     ("paragraph", "The note text.")]
    assert parsed.blocks[-1].section == ("Notes",)
    assert {(d.block.text, d.reason) for d in parsed.dropped} == {
        ("Old wording.", "tracked deletion"), ("Install ..... 1", "table of contents or index")}


def test_odt_password_protected_damaged_and_bombs_say_why() -> None:
    with pytest.raises(ValueError, match="password-protected"):
        parse(write_odt(GUIDE, encrypted=True), "odt")
    with pytest.raises(ValueError, match="not a zip package"):
        parse(b"PK\x03\x04 cut short", "odt")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("content.xml",
                   '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    with pytest.raises(ValueError, match="XML entities"):
        parse(out.getvalue(), "odt")
    # ... in a part saved as UTF-16 too, whose entities were expanded
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("content.xml", '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY'
                   ' a "aaaa">]><x>&a;</x>'.encode("utf-16"))
    with pytest.raises(ValueError, match="XML entities"):
        parse(out.getvalue(), "odt")


def test_a_zip_bomb_is_bounded_by_what_is_inflated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_XML_BYTES", 20_000)
    big = [("p", "word " * 1000)] * 10  # 50 KB of text, a few hundred bytes deflated
    data = write_odt(big)
    assert len(data) < 5_000
    with pytest.raises(ValueError, match=r"over what qabot reads|inflates past"):
        parse(data, "odt")


def test_epub_chapters_in_spine_order_with_title_and_toc_dropped() -> None:
    chapters = [("One", xhtml_body(GUIDE[:6])), ("Two", xhtml_body(
        [("title", "Appendix"), ("p", "The appendix closes the book.")]))]
    parsed = parse(write_epub("Widget Book", chapters, date="2022-02-03",
                              publisher="Widget Press"), "epub")
    assert parsed.meta == {"title": "Widget Book", "publisher": "Widget Press",
                           "published": "2022-02-03"}
    texts = [b.text for b in parsed.blocks]
    assert texts.index("Install") < texts.index("Appendix")
    assert parsed.blocks[-1].section == ("Appendix",)
    assert ("OEBPS/nav.xhtml", "the e-book's table of contents") in {
        (d.block.text, d.reason) for d in parsed.dropped}
    assert not parsed.web


def test_an_epub_chapter_in_utf16_is_read_as_its_text_not_its_markup() -> None:
    data = write_epub("Widget Book", [("One", xhtml_body(GUIDE[:3]))])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as z:
        for name in src.namelist():
            body = src.read(name)
            if name == "OEBPS/text/ch01.xhtml":  # EPUB allows UTF-16, with or without a mark
                body = body.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode(
                    "utf-16")
            z.writestr(name, body)
    texts = [b.text for b in parse(out.getvalue(), "epub").blocks]
    assert "Run the installer from the release page. It takes two minutes." in texts
    assert not any("<" in text for text in texts)


def test_an_epub_chapter_the_spine_lists_again_is_read_once() -> None:
    data = write_epub("Widget Book", [("One", xhtml_body(GUIDE[:3]))], nav_in_spine=False)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as z:
        for name in src.namelist():
            body = src.read(name)
            if name == "OEBPS/content.opf":  # listed 500 times, by its id and by another's
                body = body.replace(b'<itemref idref="c1"/>', b'<itemref idref="c1"/>' * 250
                                    + b'<itemref idref="again"/>' * 250).replace(
                    b"</manifest>", b'<item id="again" href="text/ch01.xhtml" '
                    b'media-type="application/xhtml+xml"/></manifest>')
            z.writestr(name, body)
    texts = [b.text for b in parse(out.getvalue(), "epub").blocks]
    assert texts.count("Run the installer from the release page. It takes two minutes.") == 1


def test_an_epub_whose_spine_lists_no_chapter_is_read_in_manifest_order_saying_so() -> None:
    chapters = [("One", xhtml_body(GUIDE[:3])), ("Two", xhtml_body(
        [("title", "Appendix"), ("p", "The appendix closes the book.")]))]
    parsed = parse(write_epub("Widget Book", chapters, spine=False), "epub")
    texts = [b.text for b in parsed.blocks]
    assert texts.index("Run the installer from the release page. It takes two minutes.") < \
        texts.index("The appendix closes the book.")
    assert parsed.notes == ["its spine lists no chapter: read in the order its manifest lists them"]
    assert ("OEBPS/nav.xhtml", "the e-book's table of contents") in {
        (d.block.text, d.reason) for d in parsed.dropped}


def test_epub_encrypted_or_not_an_epub_says_why() -> None:
    with pytest.raises(ValueError, match="encrypted EPUB"):
        parse(write_epub("Locked", [("One", xhtml_body(GUIDE))], encrypt=True), "epub")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(ValueError, match="not an EPUB"):
        parse(out.getvalue(), "epub")


def test_rtf_paragraphs_headings_tables_title_and_code_page() -> None:
    parsed = parse(write_rtf(GUIDE, title="Widget Memo"), "rtf")
    assert parsed.meta == {"title": "Widget Memo"}
    texts = _kinds(parsed.blocks)
    assert ("paragraph", "Run the installer from the release page. It takes two minutes.") in texts
    assert ("table_row", "Service: web; Port: 8080; Notes: public") in texts
    assert ("paragraph", "Ünïcode café text survives.") in texts
    assert ("heading", "Install") in texts


def test_rtf_that_is_not_rtf_says_so() -> None:
    with pytest.raises(ValueError, match="not an RTF file"):
        parse(b"plain words", "rtf")


def test_new_formats_are_read_not_skipped(tmp_path: Path) -> None:
    for name in ("a.odt", "b.epub", "c.rtf", "d.eml", "e.mbox", "f.csv", "g.tsv"):
        assert format_of(name) is not None, name
    (tmp_path / "memo.rtf").write_bytes(write_rtf(GUIDE))
    assert read_file(tmp_path / "memo.rtf").blocks


def test_rtf_emoji_in_two_unicode_escapes_and_escapes_out_of_range_are_read() -> None:
    # Word writes a character past U+FFFF as its UTF-16 pair, two \u escapes: read as the
    # surrogates they are, they could not be written to the index (a traceback at each build)
    emoji = rb"{\rtf1\ansi The harbour festival was a success \u-10179?\u-8704? this year.\par}"
    assert [b.text for b in parse(emoji, "rtf").blocks] == [
        "The harbour festival was a success \U0001f600 this year."]
    lone = rb"{\rtf1\ansi A lone half \u-10179? of a pair.\par}"
    assert [b.text for b in parse(lone, "rtf").blocks] == ["A lone half \ufffd of a pair."]
    # \u is a signed 16-bit number: one past it skipped the whole file (chr() arg not in range)
    wide = rb"{\rtf1\ansi Past the range \u99999999? and \u-" + b"9" * 5000 + rb"? end.\par}"
    assert [b.text for b in parse(wide, "rtf").blocks] == ["Past the range \ufffd and \ufffd end."]


def test_rtf_table_sits_in_its_section_and_a_heading_after_it_keeps_its_level() -> None:
    """RTF's prose used to be read in pieces split at its tables: a table's rows sat under no
    heading, and the heading after one was the next piece's first, a level-1 heading that lost
    the section path it was under."""
    parsed = parse(write_rtf([
        ("h1", "Core developer guide"),
        ("p", "This guide tells developers how the project is run and released."),
        ("h2", "Release schedule"), ("p", "Releases are made every three months."),
        ("table", ["Version", "Date", "Notes"], [["3.1", "April 2023", "Ruff"]]),
        ("h2", "Deprecation policy"), ("p", "A deprecation lasts two releases."),
    ]), "rtf")
    by_text = {b.text: b for b in parsed.blocks}
    row = by_text["Version: 3.1; Date: April 2023; Notes: Ruff"]
    assert row.section == ("Core developer guide", "Release schedule")
    heading = by_text["Deprecation policy"]
    assert (heading.kind, heading.level) == ("heading", 2)
    assert by_text["A deprecation lasts two releases."].section == (
        "Core developer guide", "Deprecation policy")
