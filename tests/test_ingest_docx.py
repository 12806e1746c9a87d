"""``retrieval.ingest.docx``: Word bytes -> blocks with kinds and section paths, tables by row."""

from __future__ import annotations

import ast
import io
import random
import zipfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from retrieval.ingest import docx as docx_module
from retrieval.ingest.blocks import Parsed
from retrieval.ingest.docx import read_docx

TITLE, OVERVIEW = ("Budget Report",), ("Overview",)
SPENDING = ("Overview", "Spending")


def _numbered(document: docx.document.Document, text: str, level: int) -> None:
    """A Normal paragraph given list numbering directly, as Word does for a quick bullet."""
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level - 1}"/><w:numId w:val="1"/></w:numPr>'
        )
    )


def _save(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def report(*, core_title: str = "") -> bytes:
    """A title, two levels of headings, paragraphs, lists, a table with a header row."""
    document = docx.Document()
    document.core_properties.title = core_title
    document.core_properties.created = datetime(2024, 3, 5, 9, 30)
    document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Budget Report", style="Title")
    document.add_paragraph("Contents", style="TOC Heading")  # the template's: on Heading 1
    document.add_paragraph("Overview\t3", style="toc 1")
    document.add_heading("Overview", level=1)
    document.add_paragraph("The council approved   the budget\non Tuesday.")
    document.add_paragraph("")  # an empty paragraph holds nothing
    document.add_paragraph("Schools", style="List Bullet")
    document.add_paragraph("New roofs", style="List Bullet 2")
    document.add_paragraph("First, the roofs.", style="List Number")
    _numbered(document, "Then the heating.", level=2)
    document.add_heading("Spending", level=2)
    table = document.add_table(rows=4, cols=3)
    for r, cells in enumerate(
        [
            ["Item", "Cost", "Note"],
            ["Schools", "4.2", ""],
            ["Roads", "1.1", "repairs"],
            ["", "", ""],
        ]
    ):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    table.cell(2, 1).merge(table.cell(2, 2))  # python-docx now repeats this cell in two columns
    nested = table.cell(1, 2).add_table(rows=1, cols=2)
    nested.cell(0, 0).text, nested.cell(0, 1).text = "from", "May"
    document.add_paragraph("After the table.")
    return _save(document)


@pytest.fixture(scope="module")
def parsed() -> Parsed:
    return read_docx(report())


def rows(parsed: Parsed) -> list[tuple[str, str, tuple[str, ...], int]]:
    return [(b.kind, b.text, b.section, b.level) for b in parsed.blocks]


def test_every_block_has_its_kind_section_path_and_level(parsed):
    assert rows(parsed) == [
        ("heading", "Budget Report", TITLE, 1),
        ("heading", "Overview", OVERVIEW, 1),
        ("paragraph", "The council approved the budget on Tuesday.", OVERVIEW, 0),
        ("list_item", "Schools", OVERVIEW, 1),
        ("list_item", "New roofs", OVERVIEW, 2),
        ("list_item", "First, the roofs.", OVERVIEW, 1),
        ("list_item", "Then the heating.", OVERVIEW, 2),
        ("heading", "Spending", SPENDING, 2),
        ("table_row", "Item | Cost | Note", SPENDING, 0),
        ("table_row", "Item: Schools; Cost: 4.2; Note: from May", SPENDING, 0),
        ("table_row", "Item: Roads; Cost / Note: 1.1 repairs", SPENDING, 0),
        ("paragraph", "After the table.", SPENDING, 0),
    ]
    assert all(b.page is None for b in parsed.blocks) and parsed.web is False


def test_a_merged_cell_is_rendered_once(parsed):
    (row,) = [b.text for b in parsed.blocks if b.text.startswith("Item: Roads")]
    assert row.count("1.1") == 1 and row.count("repairs") == 1


def test_the_table_of_contents_is_dropped_with_its_reason(parsed):
    assert [(d.block.text, d.reason) for d in parsed.dropped] == [
        ("Contents", "table of contents"),
        ("Overview 3", "table of contents"),
    ]


def test_metadata_title_from_the_title_paragraph_and_date_from_creation(parsed):
    assert parsed.meta == {"title": "Budget Report", "published": "2024-03-05"}


@pytest.mark.parametrize(
    "core_title, title",
    [("Annual Budget 2024", "Annual Budget 2024"), ("Word Document", "Budget Report")],
)
def test_the_core_title_comes_first_unless_it_is_a_placeholder(core_title, title):
    assert read_docx(report(core_title=core_title)).meta["title"] == title


def test_a_file_made_from_python_docxs_blank_template_is_not_dated_by_it():
    # its core properties say 2013-12-23, the template's date, whenever the file was written
    document = docx.Document()
    document.add_paragraph("The board met on Tuesday.")
    assert read_docx(_save(document)).meta.get("published") is None
    document.core_properties.created = datetime(2025, 2, 1, 9, 0)
    assert read_docx(_save(document)).meta["published"] == "2025-02-01"


def test_a_subtitle_whose_style_has_a_level_but_no_list_is_a_paragraph():
    # Word's template (python-docx's too) gives Subtitle a w:ilvl and no w:numId: no label shows
    document = docx.Document()
    document.add_paragraph("Annual Report 2024", style="Title")
    document.add_paragraph("Clean water for the upper valley", style="Subtitle")
    document.add_paragraph("Schools", style="List Bullet")
    _numbered(document, "Then the heating.", level=2)
    assert [(b.kind, b.text) for b in read_docx(_save(document)).blocks] == [
        ("heading", "Annual Report 2024"),
        ("paragraph", "Clean water for the upper valley"),
        ("list_item", "Schools"),
        ("list_item", "Then the heating."),
    ]


def test_a_title_row_merged_across_a_table_is_no_header_of_its_columns():
    # "Spending by area (EUR)" across the top named every column: "Spending by area (EUR): Staff"
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Spending by area (EUR)"
    for r, cells in enumerate([["Area", "2024", "2025"], ["Staff", "250,000", "268,000"],
                               ["Rent", "22,800", "13,800"]], start=1):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    assert [text for _, text, _, _ in rows(read_docx(_save(document)))] == [
        "Spending by area (EUR)",
        "Area | 2024 | 2025",
        "Area: Staff; 2024: 250,000; 2025: 268,000",
        "Area: Rent; 2024: 22,800; 2025: 13,800",
    ]


def _bold_line(document: docx.document.Document, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def test_bold_lines_head_sections_in_a_document_with_no_heading_styles():
    # minutes typed in Normal style with bold lines as headings had no sections at all
    document = docx.Document()
    _bold_line(document, "2. Office relocation")
    paragraph = document.add_paragraph("The lease ends on 30 June. ")
    paragraph.add_run("The board agreed").bold = True  # a bold phrase heads nothing
    paragraph.add_run(" to move.")
    _bold_line(document, "Action items")
    document.add_paragraph("Priya to give notice by 31 March.", style="List Bullet")
    _bold_line(document, "Note: the office is closed in August.")  # a sentence, not a heading
    document.add_paragraph("Keys are with the caretaker.")
    parsed = read_docx(_save(document))
    assert parsed.meta == {"title": "2. Office relocation"}  # the line opening it, as before
    assert [(k, t, sec) for k, t, sec, _ in rows(parsed)] == [
        ("heading", "2. Office relocation", ("2. Office relocation",)),
        ("paragraph", "The lease ends on 30 June. The board agreed to move.",
         ("2. Office relocation",)),
        ("heading", "Action items", ("Action items",)),
        ("list_item", "Priya to give notice by 31 March.", ("Action items",)),
        ("paragraph", "Note: the office is closed in August.", ("Action items",)),
        ("paragraph", "Keys are with the caretaker.", ("Action items",)),
    ]
    document.add_heading("Appendix", level=1)  # a document with heading styles keeps to them
    assert [k for k, *_ in rows(read_docx(_save(document)))][:3] == [
        "paragraph", "paragraph", "paragraph"]


def test_a_table_of_contents_field_never_updated_is_dropped_not_read():
    # a TOC field that Word has not filled in shows its placeholder, which was quoted as text
    document = docx.Document()
    document.add_paragraph("Contents", style="TOC Heading")
    document.add_paragraph()._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>'))
    field = document.paragraphs[-1]._p
    for xml in ('<w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText>',
                '<w:fldChar w:fldCharType="separate"/>',
                "<w:t>Right-click to update the table of contents.</w:t>",
                '<w:fldChar w:fldCharType="end"/>'):
        field.append(parse_xml(f'<w:r {nsdecls("w")}>{xml}</w:r>'))
    document.add_heading("Overview", level=1)
    document.add_paragraph("The plan has two parts.")
    parsed = read_docx(_save(document))
    assert [b.text for b in parsed.blocks] == ["Overview", "The plan has two parts."]
    assert [(d.block.text, d.reason) for d in parsed.dropped] == [
        ("Contents", "table of contents"),
        ("Right-click to update the table of contents.", "table of contents"),
    ]


def test_a_table_of_one_row_has_no_header():
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Opening hours", "9-17"
    assert rows(read_docx(_save(document))) == [("table_row", "Opening hours | 9-17", (), 0)]


def test_the_items_of_a_list_in_a_cell_are_apart_not_one_string():
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Attribute Information"
    values = table.cell(0, 1)
    values.paragraphs[0].text = "Alcohol"
    values.paragraphs[0].style = document.styles["List Bullet"]
    values.add_paragraph("Malic acid", style="List Bullet")
    assert rows(read_docx(_save(document))) == [
        ("table_row", "Attribute Information | Alcohol, Malic acid", (), 0)]


def _pairs(mark: str = "") -> bytes:
    """A table of two columns, "Capital | Oslo" ..., its first row marked as ``mark`` says."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=2, style="Light Grid Accent 1" if mark == "style"
                               else None)
    for r, (key, value) in enumerate([("Capital", "Oslo"), ("Currency", "Norwegian krone"),
                                      ("Population", "5.5 million")]):
        table.cell(r, 0).text, table.cell(r, 1).text = key, value
    first = table.rows[0]
    if mark == "repeated":
        first._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
    elif mark == "bold":
        for cell in first.cells:
            cell.paragraphs[0].runs[0].bold = True
    return _save(document)


def test_a_table_of_two_columns_without_a_marked_header_row_is_read_row_by_row():
    # a fact sheet: its first row is a pair like the others, no header ("Capital: Currency;
    # Oslo: Norwegian krone" was read)
    assert [b.text for b in read_docx(_pairs()).blocks] == [
        "Capital | Oslo", "Currency | Norwegian krone", "Population | 5.5 million"]


@pytest.mark.parametrize("mark", ["repeated", "bold", "style"])
def test_a_first_row_marked_as_the_header_keys_the_rows_under_it(mark):
    assert [b.text for b in read_docx(_pairs(mark)).blocks] == [
        "Capital | Oslo", "Capital: Currency; Oslo: Norwegian krone",
        "Capital: Population; Oslo: 5.5 million"]


def test_a_cell_merged_down_is_read_in_each_row_it_spans():
    # the rows under the merge were read without it ("Season: Winter; Duration: 22 hours"); a
    # note spanning the whole table is keyed by no header
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    for r, cells in enumerate([("Route", "Season", "Duration"), ("Oslo to Kiel", "Summer",
                               "20 hours"), ("", "Winter", "22 hours"), ("Daily.", "", "")]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(3, 0).merge(table.cell(3, 2))
    assert [b.text for b in read_docx(_save(document)).blocks] == [
        "Route | Season | Duration", "Route: Oslo to Kiel; Season: Summer; Duration: 20 hours",
        "Route: Oslo to Kiel; Season: Winter; Duration: 22 hours", "Daily."]


def test_hidden_text_and_the_old_place_of_a_move_are_not_read():
    # Word neither shows nor prints hidden text (w:vanish): it was quoted, and not listed as
    # dropped; a tracked move's old place (w:moveFrom) is deleted text, as w:del is
    def run(text: str, props: str = "") -> str:
        return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'

    hidden, shown = "<w:rPr><w:vanish/></w:rPr>", '<w:rPr><w:vanish w:val="0"/></w:rPr>'
    document = docx.Document()
    body = document.element.body
    for xml in (
        run("Staff enter by the side door.") + run(" The code is 4455.", hidden)
        + run(" Shown.", shown),
        run("It opens at ") + f'<w:moveFrom w:id="5" w:author="A">{run("nine")}</w:moveFrom>'
        + run(" ten."),
    ):
        body.insert(len(body) - 1, parse_xml(f"<w:p {nsdecls('w')}>{xml}</w:p>"))
    parsed = read_docx(_save(document))
    assert [b.text for b in parsed.blocks] == ["Staff enter by the side door. Shown.",
                                               "It opens at ten."]
    assert [(d.block.text, d.reason) for d in parsed.dropped] == [
        ("The code is 4455.", "hidden text")]


def _numbering(document: docx.document.Document, num_id: int, *levels: str,
               fmt: str = "decimal", restart: str = "") -> None:
    """List ``num_id``, its levels' patterns ``levels`` ("Article %1.") in format ``fmt``, and
    a list ``restart`` on the same definition restarting its first level."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>' for i, text in enumerate(levels))
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">'
                               f"{lvls}</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId '
                               f'w:val="{num_id}"/></w:num>'))
    if restart:
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{restart}"><w:abstractNumId w:val="{num_id}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))


def test_word_numbering_labels_headings_and_worded_items_not_plain_enumerators():
    # Word writes no label into the text: "Article 3." and a heading's "1.1" were lost; a plain
    # "1." or "(ii)" enumerator of a list item is left out, as other readers leave it out
    document = docx.Document()
    _numbering(document, 70, "Article %1.", restart="71")
    _numbering(document, 72, "%1.", "%1.%2")
    _numbering(document, 73, "(%1)", fmt="lowerRoman")
    numbered = [(70, 0, "The club is named."), (70, 0, "Members pay a fee."), (71, 0, "Again."),
                (72, 0, "Scope"), (72, 1, "Terms"), (72, 1, ""), (72, 1, "Fees"),
                (73, 0, "One."), (73, 0, "Two.")]
    for num_id, level, text in numbered:
        paragraph = document.add_paragraph(text, style="Heading 1" if num_id == 72 else None)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
            "</w:numPr>"))
    assert [b.text for b in read_docx(_save(document)).blocks] == [
        "Article 1. The club is named.", "Article 2. Members pay a fee.", "Article 1. Again.",
        "1. Scope", "1.1 Terms", "1.3 Fees", "One.", "Two."]


def test_code_in_a_monospaced_font_or_a_code_style_is_one_code_block():
    """Lines of code, each a paragraph in Courier New (or one in "HTML Preformatted"), are one
    code block kept apart from the prose; a command set in code font inside a sentence is not
    code, nor is an empty paragraph's absence of text."""
    document = docx.Document()
    document.add_paragraph("Either setup works:")
    for line in ("$ pip install keyring", "", "$ keyring set host user"):
        run = document.add_paragraph(style="No Spacing").add_run(line)
        run.font.name = "Courier New"
    document.add_paragraph("or")
    document.styles.add_style("HTML Preformatted", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("$ pipx install keyring", style="HTML Preformatted")
    mixed = document.add_paragraph("Then run ")
    mixed.add_run("keyring get").font.name = "Consolas"
    mixed.add_run(" to check it.")
    assert [(b.kind, b.text) for b in read_docx(_save(document)).blocks] == [
        ("paragraph", "Either setup works:"),
        ("code", "$ pip install keyring $ keyring set host user"),
        ("paragraph", "or"),
        ("code", "$ pipx install keyring"),
        ("paragraph", "Then run keyring get to check it."),
    ]


def test_a_document_typed_in_a_monospaced_font_is_prose():
    document = docx.Document()
    document.styles["Normal"].font.name = "Courier New"
    document.add_paragraph("MEMO. The committee met on Monday.")
    document.add_paragraph("It approved the budget for next year.")
    document.styles.add_style("HTML Preformatted", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("make install", style="HTML Preformatted")
    assert [(b.kind, b.text) for b in read_docx(_save(document)).blocks] == [
        ("paragraph", "MEMO. The committee met on Monday."),
        ("paragraph", "It approved the budget for next year."),
        ("code", "make install"),
    ]


def test_text_in_a_content_control_and_a_hyperlink_is_read_in_place():
    document = docx.Document()
    document.add_paragraph("Before.")
    body = document.element.body
    body.insert(
        len(body) - 1,  # before the section properties, which end the body
        parse_xml(
            f"<w:sdt {nsdecls('w', 'r')}><w:sdtContent><w:p>"
            "<w:r><w:t>See </w:t></w:r>"
            '<w:hyperlink r:id="rId99"><w:r><w:t>the plan</w:t></w:r></w:hyperlink>'
            "<w:ins><w:r><w:t> now</w:t></w:r></w:ins>"
            "<w:del><w:r><w:delText>never</w:delText></w:r></w:del>"
            "<w:r><w:t>.</w:t></w:r>"
            "</w:p></w:sdtContent></w:sdt>"
        ),
    )
    document.add_paragraph("After.")
    assert [b.text for b in read_docx(_save(document)).blocks] == [
        "Before.",
        "See the plan now.",
        "After.",
    ]


def test_a_text_box_is_read_once_after_its_paragraph():
    document = docx.Document()
    box = "<w:txbxContent><w:p><w:r><w:t>Boxed note.</w:t></w:r></w:p></w:txbxContent>"
    document.add_paragraph("Before the box.")._p.append(
        parse_xml(  # Word writes the box twice: a drawing, and a VML copy for old readers
            f"<w:r {nsdecls('w')} {_MC} {_WPS} {_VML}><mc:AlternateContent>"
            f"<mc:Choice Requires='wps'><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing>"
            f"</mc:Choice><mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    document.add_paragraph("After the box.")
    assert [b.text for b in read_docx(_save(document)).blocks] == [
        "Before the box.",
        "Boxed note.",
        "After the box.",
    ]


_MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
_WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
_VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def _zip(files: Mapping[str, str | bytes]) -> bytes:
    """A zip of ``files`` (name -> content), CRCs right whatever the content."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return out.getvalue()


def _broken_document_xml() -> bytes:
    with zipfile.ZipFile(io.BytesIO(report())) as good:
        files: dict[str, str | bytes] = {name: good.read(name) for name in good.namelist()}
    files["word/document.xml"] = "<w:document><w:body><w:p>"
    return _zip(files)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"this is not a Word file",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
        _zip({"hello.txt": "hi"}),
        _broken_document_xml(),
        report()[:500],
    ],
    ids=["empty", "text", "old-doc", "zip-without-word", "broken-xml", "cut-off"],
)
def test_bad_input_raises_value_error_with_a_reason(data):
    with pytest.raises(ValueError, match=r"Word|\.docx|empty") as caught:
        read_docx(data)
    assert len(str(caught.value)) > 10


@pytest.mark.parametrize("data", [b"<html><body><p>A page.</p></body></html>",
                                  b"{\\rtf1\\ansi Minutes of the meeting.}"])
def test_a_file_of_another_kind_named_docx_is_said_to_be_one_not_a_zip_error(data):
    # a page or an RTF saved as .docx: said so, not "BadZipFile: File is not a zip file"
    with pytest.raises(ValueError, match=r"it is no zip package \(a file of another kind") as err:
        read_docx(data)
    assert "Error" not in str(err.value) and "BadZip" not in str(err.value)


def test_a_zip_that_is_no_word_document_and_a_strict_one_are_told_apart():
    with pytest.raises(ValueError, match="a zip archive with no Word document in it"):
        read_docx(_zip({"hello.txt": "hi"}))
    with zipfile.ZipFile(io.BytesIO(report())) as good:
        files: dict[str, str | bytes] = {name: good.read(name) for name in good.namelist()}
    # Strict Open XML names the main part by another relationship type than python-docx reads
    rels = files["_rels/.rels"]
    files["_rels/.rels"] = (rels if isinstance(rels, bytes) else rels.encode()).replace(
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")
    with pytest.raises(ValueError, match="Strict Open XML"):
        read_docx(_zip(files))


def test_damaged_bytes_raise_nothing_but_value_error():
    """Bytes of the package, or of its XML, changed at random: text read or a reason given."""
    data, rng = report(), random.Random(7)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files: dict[str, str | bytes] = {name: archive.read(name) for name in archive.namelist()}
    xmls = sorted(name for name in files if name.endswith((".xml", ".rels")))
    for _ in range(40):
        damaged = bytearray(data)
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        name = rng.choice(xmls)
        xml = list(files[name].decode("utf-8") if isinstance(files[name], bytes) else files[name])
        for _ in range(rng.choice((1, 5))):
            xml[rng.randrange(len(xml))] = rng.choice('<>/"= w:0')
        for candidate in (bytes(damaged), _zip({**files, name: "".join(xml)})):
            try:
                read_docx(candidate)
            except ValueError as err:
                assert "Word" in str(err)


def test_a_style_with_an_outline_level_makes_a_heading():
    document = docx.Document()
    style = document.styles.add_style("Chapter Title", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    document.add_paragraph("Roads", style="Chapter Title")
    document.add_paragraph("The roads get new surfaces.")
    assert rows(read_docx(_save(document))) == [
        ("heading", "Roads", ("Roads",), 2),
        ("paragraph", "The roads get new surfaces.", ("Roads",), 0),
    ]


def test_the_module_name_does_not_shadow_python_docx():
    # ``import docx`` inside retrieval/ingest/docx.py is absolute: it is python-docx
    here = Path(docx_module.__file__).resolve().parent
    assert Path(docx_module.docx.__file__).resolve().parent.parent != here
    assert docx_module.docx.Document is docx.Document


def test_the_reader_imports_nothing_from_the_bot():
    tree = ast.parse(Path(docx_module.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        assert all(name.split(".")[0] != "bot" for name in names)


def _with_footnotes(data: bytes, notes: list[str]) -> bytes:
    """``data`` with a footnotes part holding ``notes`` (python-docx cannot write one)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:footnote>'
                   for i, t in enumerate(notes, start=1))
    part = (f'<w:footnotes xmlns:w="{w}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
            f"<w:separator/></w:r></w:p></w:footnote>{body}</w:footnotes>")
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", (
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
                    b'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>'))
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>"))
            z.writestr(item, content)
        z.writestr("word/footnotes.xml", part)
    return out.getvalue()


def test_footnotes_are_read_and_page_headers_listed_as_dropped():
    d = docx.Document()
    d.add_heading("Memo", 1)
    d.add_paragraph("The board met on Monday and approved the plan.")
    d.sections[0].header.paragraphs[0].text = "CONFIDENTIAL - Board memo"
    p = read_docx(_with_footnotes(_save(d), ["The vote was seven to two, with one abstaining."]))
    assert [(b.text, b.section) for b in p.blocks][-1] == (
        "The vote was seven to two, with one abstaining.", ("Notes",))
    assert [(x.block.text, x.reason) for x in p.dropped] == [
        ("CONFIDENTIAL - Board memo", "page header or footer")]


def test_styles_are_looked_up_once_a_document_not_once_a_paragraph(monkeypatch):
    """python-docx scans every style per paragraph: a small crafted file took minutes."""
    from docx.oxml.styles import CT_Styles

    document = docx.Document()
    for i in range(50):
        document.add_paragraph(f"Paragraph {i} of the harbour report.")
        document.add_paragraph(f"Item {i}", style="List Bullet")
    data = _save(document)
    calls = []
    for name in ("get_by_id", "default_for"):
        original = getattr(CT_Styles, name)
        monkeypatch.setattr(CT_Styles, name, lambda self, *a, _o=original, _n=name:
                            calls.append(_n) or _o(self, *a))
    parsed = read_docx(data)
    assert len(parsed.blocks) == 100 and len(calls) < 10


def test_a_word_file_holding_more_than_is_read_is_skipped_saying_why(monkeypatch):
    document = docx.Document()
    for i in range(20):
        document.add_paragraph(f"Paragraph {i} of the harbour report.")
    data = _save(document)
    monkeypatch.setattr(docx_module, "MAX_BODY_ITEMS", 10)
    with pytest.raises(ValueError, match=r"^20 paragraphs and tables, over the 10 qabot reads"):
        read_docx(data)
    monkeypatch.setattr(docx_module, "MAX_XML_BYTES", 1000)
    with pytest.raises(ValueError, match=r"^its XML inflates to \d+ MB, over the 0 MB"):
        read_docx(data)


def test_superscript_figures_after_a_word_are_a_footnotes_mark_left_out_an_exponent_kept():
    d = docx.Document()
    paragraph = d.add_paragraph("The water policy")
    for text, raised in (("3", True), (" states that the rate rose.", False), ("12", True),
                         (" The plant covers 25 m", False), ("2", True), (" of land.", False)):
        paragraph.add_run(text).font.superscript = raised
    assert [b.text for b in read_docx(_save(d)).blocks] == [
        "The water policy states that the rate rose. The plant covers 25 m2 of land."]


def _repacked(data: bytes, change) -> bytes:
    """The package ``data`` with each member's (name, bytes) passed through ``change``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w",
                                                                    zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(*change(info.filename, src.read(info)))
    return out.getvalue()


def test_a_word_file_is_bounded_by_all_its_parts_and_its_xml_by_type_not_name(monkeypatch):
    document = docx.Document()
    document.add_paragraph("The harbour report for the year.")
    data = _save(document)
    # the main part named "document.dat", padded: XML by its content type, and counted so
    # (a 1 MB file inflating such a part to 1 GB took 2 GB to read)
    def renamed(name: str, body: bytes) -> tuple[str, bytes]:
        body = body.replace(b"/word/document.xml", b"/word/document.dat").replace(
            b"word/document.xml", b"word/document.dat")
        if name == "word/document.xml":
            return "word/document.dat", body.replace(b"<w:body>", b"<w:body><!--" + b" " * 200_000
                                                    + b"-->")
        return name.replace("document.xml.rels", "document.dat.rels"), body
    padded = _repacked(data, renamed)
    assert read_docx(padded).blocks[0].text == "The harbour report for the year."
    monkeypatch.setattr(docx_module, "MAX_XML_BYTES", 900_000)  # its other XML: 818 KB
    with pytest.raises(ValueError, match=r"^its XML inflates to 0 MB, over the 0 MB"):
        read_docx(padded)
    # a picture inflating past what is read of a whole package (1.5 GB took 3 GB)
    def pictured(name: str, body: bytes) -> tuple[str, bytes]:
        if name == "word/_rels/document.xml.rels":
            body = body.replace(b"</Relationships>", b'<Relationship Id="rIdP" Type="http://sc'
                                b'hemas.openxmlformats.org/officeDocument/2006/relationships/'
                                b'image" Target="media/image1.png"/></Relationships>')
        elif name == "[Content_Types].xml":
            body = body.replace(b"</Types>", b'<Default Extension="png" ContentType="image/png"/>'
                                b"</Types>")
        return name, body
    buffer = io.BytesIO(_repacked(data, pictured))
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/image1.png", b"\0" * 200_000)
    pictures = buffer.getvalue()
    assert read_docx(pictures).blocks[0].text == "The harbour report for the year."
    monkeypatch.setattr(docx_module, "MAX_PACKAGE_BYTES", 900_000)
    with pytest.raises(ValueError, match=r"^it inflates to 0 MB, over the 0 MB"):
        read_docx(pictures)


def test_a_word_file_declaring_entities_is_skipped_not_read_without_its_text():
    document = docx.Document()
    document.add_paragraph("The harbour report for the year.")
    def declared(name: str, body: bytes) -> tuple[str, bytes]:
        if name == "word/document.xml":
            body = body.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
                                1).replace(b"The harbour", b"&x; The harbour")
        return name, body
    with pytest.raises(ValueError, match="declaring a DOCTYPE"):
        read_docx(_repacked(_save(document), declared))
