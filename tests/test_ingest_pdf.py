"""``retrieval.ingest.pdf``: PDF bytes -> blocks with kinds, section paths and pages."""

from __future__ import annotations

import ast
import io
import random
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fpdf import FPDF
from fpdf.enums import EncryptionMethod
from pypdf import PdfReader, PdfWriter, _encryption
from pypdf._crypt_providers import _fallback
from pypdf.constants import PageLabelStyle

from retrieval import QAEngine
from retrieval.ingest import pdf as pdf_module
from retrieval.ingest.blocks import Block, Parsed
from retrieval.ingest.pdf import read_pdf

SPEC = Path("/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf")

WRAPPED = (
    "The council approved a budget of four million euros on Tuesday, after a debate that lasted "
    "most of the evening and ended with a clear vote in favour of the plan put forward in May."
)
ACROSS = (
    "Road repairs take the second largest share of the money, and the works are planned so that "
    "no street is closed for more than two weeks at a time, which the traders of the old town "
    "asked for when the plan was first shown to them last winter, together with a promise that "
    "deliveries may still reach every shop in the early morning while the works go on."
)


class _Report(FPDF):
    """A small report laid out like a real one: a running header, a page number in the footer."""

    def __init__(self, page_number: str) -> None:
        super().__init__(format="A4")
        self.page_number = page_number
        self.core_fonts_encoding = "windows-1252"  # the bullet is in cp1252, not in latin-1

    def header(self) -> None:
        self.set_font("Helvetica", "I", 9)
        self.cell(0, 8, "Town Budget Report 2024", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 9)
        roman = ("i", "ii", "iii")[self.page_no() - 1]
        self.cell(0, 10, self.page_number.format(n=self.page_no(), roman=roman), align="C")


def _heading(pdf: FPDF, text: str, level: int, outline: bool) -> None:
    if outline:
        pdf.start_section(text, level=level - 1)
    pdf.set_font("Helvetica", "B", 16 if level == 1 else 13)
    pdf.ln(3)
    pdf.cell(0, 9, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.multi_cell(0, 6, text, new_x="LMARGIN")
    pdf.ln(3)


def _bullet(pdf: FPDF, text: str) -> None:
    pdf.cell(6, 6, "\u2022")
    pdf.multi_cell(0, 6, text)  # wrapped lines hang under the text, past the bullet
    pdf.ln(1)


def report(
    *,
    outline: bool = True,
    title: str = "Town Budget Report",
    page_number: str = "Page {n} of {{nb}}",
) -> bytes:
    """Three pages: two levels of headings, wrapped paragraphs, a list, a paragraph over a page
    break; headings in larger bold type, and bookmarks for them when ``outline``."""
    pdf = _Report(page_number)
    pdf.set_title(title)
    pdf.set_author("Town Clerk")
    pdf.set_creation_date(datetime(2024, 3, 5, 9, 30, tzinfo=UTC))
    pdf.add_page()
    _heading(pdf, "Introduction", 1, outline)
    _paragraph(pdf, WRAPPED)
    # hard line breaks, as a typesetter leaves them: a hyphenated word, a real hyphen
    _paragraph(
        pdf,
        "The plan was drawn up by the finance com-\nmittee, and it is published in UTF-\n"
        "encoded text for screen readers.",
    )
    _heading(pdf, "Scope", 2, outline)
    _paragraph(pdf, "The budget covers three areas:")
    _bullet(
        pdf, "Schools, which receive new roofs and better heating before the winter of next year."
    )
    _bullet(pdf, "Roads.")
    _bullet(pdf, "Parks.")
    _heading(pdf, "Spending", 1, outline)
    pdf.set_y(pdf.h - pdf.b_margin - 13)  # two lines fit on this page, the rest run over
    _paragraph(pdf, ACROSS)
    _paragraph(pdf, "Schools take the largest share.")
    pdf.add_page()
    _heading(pdf, "Outlook", 1, outline)
    _paragraph(pdf, "Next year the council expects to spend less on roads and more on parks.")
    return bytes(pdf.output())


def one_page(*cells: str) -> bytes:
    """A one-page PDF in one font and size, each of ``cells`` set as a cell of its own below the
    one before (lines broken where it has line breaks), without white space between them."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for text in cells:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN")
    return bytes(pdf.output())


def plain_layout() -> bytes:
    """One page in one font and size, no outline, no white space between paragraphs: only the
    words can tell headings from text."""
    return one_page(
        "1 Background",
        "The town has grown quickly over the last ten years, and its services have to grow "
        "with it as well.",
        "2.1 Scope of work",
        "The works cover the schools, the roads and the parks of the town and of its villages.",
        "The money goes to the\nCity Council\nwhich decides how it is spent.",
        "Summary",
        "Everything above was agreed by all parties at the meeting in June.",
    )


def test_a_numbered_title_in_capitals_is_a_heading_whatever_follows_it():
    """A manual page set in one type: "2.3. DESCRIPTION" over text opening with a command's
    name in lower case (no new sentence by its look) is still a heading."""
    parsed = read_pdf(one_page(
        "2.1. NAME",
        "bzip2, bunzip2 - a block-sorting file compressor",
        "2.3. DESCRIPTION",
        "bzip2 compresses files using the Burrows-Wheeler block sorting text compression "
        "algorithm.",
        "2.4. the next release",
        "is planned for spring and brings faster decompression of large files."))
    assert [(b.kind, b.text) for b in parsed.blocks if b.kind == "heading"] == [
        ("heading", "2.1. NAME"), ("heading", "2.3. DESCRIPTION")]
    assert "2.4. the next release is planned for spring" in parsed.blocks[-1].text


def rows(parsed: Parsed) -> list[tuple[str, str, tuple[str, ...], int | None]]:
    return [(b.kind, b.text, b.section, b.page) for b in parsed.blocks]


INTRO, SCOPE, SPENDING = ("Introduction",), ("Introduction", "Scope"), ("Spending",)
EXPECTED = [
    ("heading", "Introduction", INTRO, 1),
    ("paragraph", WRAPPED, INTRO, 1),
    (
        "paragraph",
        "The plan was drawn up by the finance committee, and it is published in UTF-encoded text "
        "for screen readers.",
        INTRO,
        1,
    ),
    ("heading", "Scope", SCOPE, 1),
    ("paragraph", "The budget covers three areas:", SCOPE, 1),
    (
        "list_item",
        "Schools, which receive new roofs and better heating before the winter of next year.",
        SCOPE,
        1,
    ),
    ("list_item", "Roads.", SCOPE, 1),
    ("list_item", "Parks.", SCOPE, 1),
    ("heading", "Spending", SPENDING, 1),
    ("paragraph", ACROSS, SPENDING, 1),
    ("paragraph", "Schools take the largest share.", SPENDING, 2),
    ("heading", "Outlook", ("Outlook",), 3),
    (
        "paragraph",
        "Next year the council expects to spend less on roads and more on parks.",
        ("Outlook",),
        3,
    ),
]


@pytest.fixture(scope="module")
def parsed() -> Parsed:
    return read_pdf(report())


@pytest.mark.parametrize("outline", [True, False], ids=["outline", "guessed-from-type"])
def test_every_block_has_its_kind_section_path_and_page(outline):
    parsed = read_pdf(report(outline=outline))
    assert rows(parsed) == EXPECTED
    assert [b.level for b in parsed.blocks if b.kind == "heading"] == [1, 2, 1, 1]
    assert parsed.web is False
    assert all("\n" not in b.text and "  " not in b.text for b in parsed.blocks)


def test_running_header_is_dropped_once_with_reason(parsed):
    headers = [d for d in parsed.dropped if d.reason.startswith("running header")]
    assert [(d.block.text, d.block.page, d.reason) for d in headers] == [
        ("Town Budget Report 2024", 1, "running header/footer (on 3 pages)")
    ]
    assert not any("Town Budget Report 2024" in b.text for b in parsed.blocks)


@pytest.mark.parametrize(
    "page_number, first",
    [("Page {n} of {{nb}}", "Page 1 of 3"), ("{n}", "1"), ("- {n} -", "- 1 -"), ("{roman}", "i")],
)
def test_page_numbers_are_dropped_once_with_reason(page_number, first):
    parsed = read_pdf(report(page_number=page_number))
    numbers = [d for d in parsed.dropped if d.reason == "page number"]
    assert [(d.block.text, d.block.page) for d in numbers] == [(first, 1)]
    assert rows(parsed) == EXPECTED


def test_a_word_hyphenated_at_a_line_end_is_joined_and_a_real_hyphen_kept(parsed):
    texts = [b.text for b in parsed.blocks]
    assert any("the finance committee, and" in t for t in texts)
    assert any("in UTF-encoded text" in t for t in texts)  # "UTF-" is no broken word


def test_a_paragraph_over_a_page_break_is_one_block_on_the_page_it_starts(parsed):
    (block,) = [b for b in parsed.blocks if b.text.startswith("Road repairs")]
    assert block.text == ACROSS and block.page == 1


def test_a_wrapped_list_item_is_one_block_without_its_bullet(parsed):
    items = [b for b in parsed.blocks if b.kind == "list_item"]
    assert items[0].text.startswith("Schools, which") and items[0].text.endswith("next year.")
    assert all(b.level == 1 and "\u2022" not in b.text for b in items)


def test_metadata_title_and_creation_date(parsed):
    assert parsed.meta == {"title": "Town Budget Report", "published": "2024-03-05"}


@pytest.mark.parametrize(
    "declared, title",
    [("Microsoft Word - budget.docx", "budget"), ("untitled", None), ("  ", None)],
)
def test_placeholder_titles_are_cleaned_or_ignored(declared, title):
    assert read_pdf(report(title=declared)).meta.get("title") == title


def test_outline_titles_match_lines_whatever_their_case_and_section_number():
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.start_section("METHODS")
    pdf.multi_cell(0, 6, "3.2 Methods", new_x="LMARGIN")
    pdf.multi_cell(
        0, 6, "We counted the cars on every street of the town for a week.", new_x="LMARGIN"
    )
    parsed = read_pdf(bytes(pdf.output()))
    assert rows(parsed)[0] == ("heading", "3.2 Methods", ("3.2 Methods",), 1)
    assert parsed.blocks[1].section == ("3.2 Methods",)


def test_numbered_and_plain_headings_are_guessed_from_words_alone():
    parsed = read_pdf(plain_layout())
    background, scope = ("1 Background",), ("1 Background", "2.1 Scope of work")
    assert [(b.kind, b.text, b.section, b.level) for b in parsed.blocks] == [
        ("heading", "1 Background", background, 1),
        (
            "paragraph",
            "The town has grown quickly over the last ten years, and its services have to grow "
            "with it as well.",
            background,
            0,
        ),
        ("heading", "2.1 Scope of work", scope, 2),
        (
            "paragraph",
            "The works cover the schools, the roads and the parks of the town and of its villages.",
            scope,
            0,
        ),
        (
            "paragraph",
            "The money goes to the City Council which decides how it is spent.",
            scope,
            0,
        ),
        ("heading", "Summary", ("Summary",), 1),
        (
            "paragraph",
            "Everything above was agreed by all parties at the meeting in June.",
            ("Summary",),
            0,
        ),
    ]


def test_a_title_set_above_numbered_sections_heads_them():
    """A title in 20 pt over sections numbered "1." and "2." in 15 pt: it is the one outermost
    heading, the sections under it (no outline, so their look and numbers tell)."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.cell(0, 12, "Report of the Library Committee", new_x="LMARGIN", new_y="NEXT")
    for section, text in (
        ("1. Loans", "The library lent out more than twelve thousand books in the year."),
        ("2. Opening hours", "The library now opens on Saturday mornings as well."),
    ):
        pdf.set_font("Helvetica", "B", 15)
        pdf.ln(4)
        pdf.cell(0, 9, section, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        _paragraph(pdf, text)
    blocks = read_pdf(bytes(pdf.output())).blocks
    assert [(b.text, b.level) for b in blocks if b.kind == "heading"] == [
        ("Report of the Library Committee", 1),
        ("1. Loans", 2),
        ("2. Opening hours", 2),
    ]


def test_a_short_line_inside_a_sentence_is_not_a_heading():
    parsed = read_pdf(plain_layout())
    assert "City Council" not in [b.text for b in parsed.blocks if b.kind == "heading"]


def test_a_paragraph_set_double_spaced_keeps_its_last_line():
    """Lines set 1.8 times their type size apart, a little white space after each paragraph: the
    leading of a sentence wrapped to the next line is the document's own, no white space."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for text in (
        "Fill the kettle with fresh water up to the line that is marked on its side, put it back "
        "on its stand and switch it on at the wall.",
        "Wait for the light to go out before you pour.",
        "Descale the kettle once a month with a cup of white vinegar in a litre of water and "
        "rinse it with clean water twice afterwards.",
    ):
        pdf.multi_cell(0, 7, text, new_x="LMARGIN")
        pdf.ln(4)
    assert [b.text for b in read_pdf(bytes(pdf.output())).blocks] == [
        "Fill the kettle with fresh water up to the line that is marked on its side, put it back "
        "on its stand and switch it on at the wall.",
        "Wait for the light to go out before you pour.",
        "Descale the kettle once a month with a cup of white vinegar in a litre of water and "
        "rinse it with clean water twice afterwards.",
    ]


def test_the_first_line_of_a_second_column_goes_on_with_its_sentence():
    """The left column ends a sentence at its foot; the right column's first line, run on into
    its next line, is no heading however short and capitalised it is."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    left = (
        "The mill on the river was built in 1850 to grind the grain of the valley. Its wheel "
        "was replaced twice. Farmers brought their sacks by cart every autumn and waited in the "
        "yard for the flour."
    )
    right = (
        "The last miller to work the great wheel was Olav Dahl, who ran it from 1931 to 1962 and "
        "then sold it to the town. The building is now a museum."
    )
    top = pdf.get_y()
    pdf.set_xy(10, top)
    pdf.multi_cell(90, 6, left)
    pdf.set_xy(110, top)
    pdf.multi_cell(90, 6, right)
    blocks = read_pdf(bytes(pdf.output())).blocks
    assert [b.kind for b in blocks] == ["paragraph"] * 3
    assert blocks[2].text.startswith("The last miller to work the great wheel was Olav Dahl, who")


def test_a_number_ending_a_one_page_document_is_kept_unless_it_is_page_one():
    for last, kept in (("2024", True), ("1", False)):
        parsed = read_pdf(one_page(f"The plan runs until the end of the year.\n\n{last}"))
        assert (parsed.blocks[-1].text == last) is kept
        assert [d.reason for d in parsed.dropped] == ([] if kept else ["page number"])


class _Paged(FPDF):
    """A footer of the report's name and "Page N of M" on one line, the name the chapter's."""

    chapter = "Riverbend Water Trust"

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"{self.chapter}    Page {self.page_no()} of {{nb}}", align="C")


@pytest.mark.parametrize("chapters", [("Working Paper 7",), ("Wells", "Pumps", "Fees")])
def test_a_footer_ending_in_page_n_of_the_page_count_is_dropped_on_any_number_of_pages(chapters):
    # on a one-page document, or beside words that change from page to page, it recurs on no
    # two pages alike and was read as the text's last sentence ("WP 7 Page 1 of 1")
    pdf = _Paged(format="A4")
    for chapter in chapters:
        pdf.add_page()
        pdf.chapter = chapter  # the footer is set when the page is done
        pdf.set_font("Helvetica", "", 11)
        _paragraph(pdf, f"The chapter on {chapter.lower()} ends the plan.")
    parsed = read_pdf(bytes(pdf.output()))
    assert [b.text for b in parsed.blocks] == [
        f"The chapter on {chapter.lower()} ends the plan." for chapter in chapters]
    assert [d.reason for d in parsed.dropped] == [
        "page header or footer (its page number)"] * len(chapters)


def test_two_columns_drawn_line_by_line_are_read_column_by_column():
    # a generator drawing each line across both columns: pypdf reads "... fund the The hygiene
    # campaign will visit twenty repair of eleven ...", both columns' sentences cut and mixed
    left = ("The district council agreed to fund the", "repair of eleven boreholes in 2025.",
            "Work will start in March, after the", "rains, and should be finished by June.",
            "Each repair costs about 400 dollars.")
    right = ("The hygiene campaign will visit twenty", "schools in Lupota. Teachers will be",
             "trained to run hand-washing clubs, and", "each school will receive two tanks.")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    for i, text in enumerate(left):
        pdf.text(20, 30 + 5 * i, text)
        if i < len(right):
            pdf.text(110, 30 + 5 * i, right[i])
    assert [b.text for b in read_pdf(bytes(pdf.output())).blocks] == [
        " ".join(left[:2]), " ".join(left[2:4]), left[4], " ".join(right)]


def test_a_table_drawn_cell_by_cell_reads_row_by_row_under_its_header():
    # a cell holding a word ("none") broke the run of rows of figures: the rows ran together
    # with the caption into one paragraph, and the header row was taken for a heading
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    _paragraph(pdf, "Only some committees collect fees.")
    for i, cells in enumerate([("Village", "Pumps", "Fee (ZMW)"), ("Chiyanga", "6", "10"),
                               ("Lubinda", "4", "none"), ("Nalikwanda", "9", "15")]):
        pdf.set_font("Helvetica", "B" if i == 0 else "", 10)
        for text in cells:
            pdf.cell(40, 7, text, border=1)
        pdf.ln()
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(0, 6, "Table 1: Water points and fees", new_x="LMARGIN", new_y="NEXT")
    assert [(b.kind, b.text) for b in read_pdf(bytes(pdf.output())).blocks] == [
        ("paragraph", "Only some committees collect fees."),
        ("table_row", "Village | Pumps | Fee (ZMW)"),
        ("table_row", "Village: Chiyanga; Pumps: 6; Fee (ZMW): 10"),
        ("table_row", "Village: Lubinda; Pumps: 4; Fee (ZMW): none"),
        ("table_row", "Village: Nalikwanda; Pumps: 9; Fee (ZMW): 15"),
        ("paragraph", "Table 1: Water points and fees"),
    ]


def test_table_of_contents_lines_are_dropped_once_with_their_count():
    parsed = read_pdf(one_page("Contents", "1 Roads . . . . . . . . . . 2",
                               "2 Parks . . . . . . . . . . 3", "The plan has two parts."))
    assert [(d.block.text, d.reason) for d in parsed.dropped] == [
        ("1 Roads . . . . . . . . . . 2", "table of contents or index (2 lines)")
    ]
    assert [b.text for b in parsed.blocks] == ["Contents", "The plan has two parts."]


def test_a_contents_page_with_unspaced_dot_leaders_is_read_not_taken_for_glyph_numbers():
    # word processors fill a leader with dots and no spaces: runs of 80 characters, none a letter
    leader = "." * 80
    parsed = read_pdf(one_page("Contents", f"1 Purpose of the visit {leader} 3",
                               f"2 Findings {leader} 4", f"3 Recommendations {leader} 5",
                               "The visit covered the three districts."))
    assert not parsed.notes
    assert [d.reason for d in parsed.dropped] == ["table of contents or index (3 lines)"]
    assert [b.text for b in parsed.blocks] == ["Contents", "The visit covered the three districts."]


class _Memo(FPDF):
    """A two-page memo whose header, its title, opens both pages."""

    def header(self) -> None:
        self.set_font("Helvetica", "B", 12)
        self.cell(0, 8, "Feature request management", new_x="LMARGIN", new_y="NEXT")


def test_a_two_page_documents_header_is_dropped_not_read_into_its_text():
    pdf = _Memo(format="A4")
    for text in ("Requests are input to the project.", "There has been no activity on it."):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, text)
    parsed = read_pdf(bytes(pdf.output()))
    assert [(d.block.text, d.reason) for d in parsed.dropped] == [
        ("Feature request management", "running header/footer (on 2 pages)")]
    assert [b.text for b in parsed.blocks] == [
        "Requests are input to the project.", "There has been no activity on it."]


class _Minutes(FPDF):
    """Pages under a header of ``heads`` lines and over a footer, left off the first page when
    ``cover``."""

    def __init__(self, heads: tuple[str, ...], cover: bool) -> None:
        super().__init__(format="A4")
        self.heads, self.cover = heads, cover

    def header(self) -> None:
        if not (self.cover and self.page_no() == 1):
            self.set_font("Helvetica", "I", 9)
            for head in self.heads:
                self.cell(0, 6, head, new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

    def footer(self) -> None:
        if not (self.cover and self.page_no() == 1):
            self.set_y(-15)
            self.set_font("Helvetica", "", 9)
            self.cell(0, 10, "Riverbend Water Trust - internal", align="C")


@pytest.mark.parametrize("pages, heads, cover", [
    (3, ("Water Board Minutes",), True),  # on every page but the first
    (2, ("Riverbend Water Trust", "Water Board Minutes, 7 December 2026"), False),  # two lines
])
def test_a_short_documents_header_after_its_first_page_or_of_two_lines_is_dropped(
        pages, heads, cover):
    pdf = _Minutes(heads, cover)
    texts = [f"The board met for the {n} time and agreed the plan." for n in
             ("first", "second", "third")[:pages]]
    for text in texts:
        pdf.add_page()
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, text)
    parsed = read_pdf(bytes(pdf.output()))
    assert [b.text for b in parsed.blocks] == texts
    assert {d.block.text for d in parsed.dropped} == {*heads, "Riverbend Water Trust - internal"}


def _covered(styled: bool) -> bytes:
    """A cover page (the organisation, the title, whom it is for, its version and date) over
    two sections; the title set large and the sections' headings bold when ``styled``."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B" if styled else "", 12)
    pdf.cell(0, 8, "Riverbend Water Trust", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B" if styled else "", 22 if styled else 11)
    pdf.cell(0, 12, "Annual Water Quality Report", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    for text in ("Prepared for the Riverbend Town Council", "Version 1.2", "7 December 2026"):
        pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    for heading, text in (("Introduction", "The trust tested the water of the town every week of "
                                           "the year, at twelve places along the river."),
                          ("Results", "Every sample met the national limits for lead and "
                                      "copper, and only two samples showed more nitrate.")):
        pdf.set_font("Helvetica", "B" if styled else "", 14 if styled else 11)
        pdf.cell(0, 9, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, text, new_x="LMARGIN")
    return bytes(pdf.output())


@pytest.mark.parametrize("styled", [True, False])
def test_a_cover_pages_lines_are_each_a_paragraph_and_head_nothing_but_its_title(styled):
    parsed = read_pdf(_covered(styled))
    title = ("Annual Water Quality Report",) if styled else ()
    cover = [(b.kind, b.text) for b in parsed.blocks if b.page == 1]
    assert cover == [("paragraph", "Riverbend Water Trust"),
                     ("heading" if styled else "paragraph", "Annual Water Quality Report"),
                     ("paragraph", "Prepared for the Riverbend Town Council"),
                     ("paragraph", "Version 1.2"), ("paragraph", "7 December 2026")]
    assert [(b.kind, b.section) for b in parsed.blocks if b.page == 2] == [
        ("heading", (*title, "Introduction")), ("paragraph", (*title, "Introduction")),
        ("heading", (*title, "Results")), ("paragraph", (*title, "Results"))]


def test_a_bold_line_over_a_bulleted_item_in_lower_case_is_its_heading():
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "The release brings many changes, listed below by kind.")
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, "Fixes", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    _bullet(pdf, "fix issue126 - introduce set_trace() to trace execution via PDB.")
    _bullet(pdf, "fix issue124 - make reporting more resilient.")
    parsed = read_pdf(bytes(pdf.output()))
    assert [(b.kind, b.section) for b in parsed.blocks][1:] == [
        ("heading", ("Fixes",)), ("list_item", ("Fixes",)), ("list_item", ("Fixes",))]


def test_a_footnotes_mark_set_small_after_a_word_is_left_out_an_exponent_kept():
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for text, raised in (("The water policy", False), ("3", True),
                         (" states that the rate rose by four percent.", False), ("12", True),
                         (" The plant covers 25 m", False), ("2", True), (" of land.", False)):
        pdf.char_vpos = "SUP" if raised else "LINE"
        pdf.write(6, text)
    assert [b.text for b in read_pdf(bytes(pdf.output())).blocks] == [
        "The water policy states that the rate rose by four percent. The plant covers 25 m2 of "
        "land."]


def test_a_line_of_dialogue_after_a_finished_sentence_starts_a_paragraph():
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_page()
    pdf.set_font("DejaVu", "", 11)
    texts = ["Расходы на ремонт сетей выросли до 12 400 000 руб.",
             "— Мы планируем заменить 14,5 км труб, — сказал директор.",
             "—¿Cuándo terminará la obra? —preguntó un vecino."]
    for text in texts:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    assert [b.text for b in read_pdf(bytes(pdf.output())).blocks] == texts


def test_a_two_page_documents_title_alone_is_kept():
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", "", 11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Feature request management\n\nRequests are input to the project.")
    pdf.add_page()
    pdf.multi_cell(0, 6, "There has been no activity on it.")
    parsed = read_pdf(bytes(pdf.output()))
    assert parsed.dropped == []
    assert parsed.blocks[0].text == "Feature request management"



def test_a_line_ending_on_an_abbreviation_goes_on_with_its_sentence():
    # a line ending "Dr." or "о." (an abbreviation, an initial) ends no sentence though the
    # next line opens with a capital: one paragraph (the sentence had been cut in two blocks)
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("DejaVu", "", 11)
    pdf.add_page()
    for text in ("The ship reached the island of St. Kilda in the spring, where it met Dr.\n"
                 "Smith and his crew of seven sailors.",
                 "В 2023 г. озеро посетили 2,3 млн туристов. Наибольшая нагрузка приходится на о.\n"
                 "Ольхон и пос. Листвянка.",
                 "The crew stayed for two weeks.\nThey sailed home in May."):
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    assert [b.text for b in read_pdf(bytes(pdf.output())).blocks] == [
        "The ship reached the island of St. Kilda in the spring, where it met Dr. Smith and his "
        "crew of seven sailors.",
        "В 2023 г. озеро посетили 2,3 млн туристов. Наибольшая нагрузка приходится на о. Ольхон "
        "и пос. Листвянка.",
        "The crew stayed for two weeks.", "They sailed home in May."]

class _Book(FPDF):
    """A book's running header: the chapter's name and the page number, on fewer than half
    the pages each."""

    chapter = ""

    def header(self) -> None:
        self.set_font("Helvetica", "I", 9)
        self.cell(0, 8, f"{self.chapter} {self.page_no()}", new_x="LMARGIN", new_y="NEXT")


def test_a_warning_repeated_in_the_body_of_each_page_is_kept():
    """Short pages, each a heading, a paragraph, the same warning and another paragraph: the
    warning is among the first three lines and the last three, but text sits above and below
    it; no running header."""
    pdf = FPDF(format="A4")
    for title, text in (
        ("Filling the boiler", "Open the valve under the boiler until the gauge shows two bars."),
        ("Bleeding the radiators", "Turn the key at the top of each radiator until water comes."),
        ("Resetting the boiler", "Hold the reset button down for five seconds and let it go."),
    ):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        _paragraph(pdf, text)
        _paragraph(pdf, "Switch the boiler off at the wall before you take its cover off.")
        _paragraph(pdf, f"More about {title.lower()} is in the installer's manual.")
    parsed = read_pdf(bytes(pdf.output()))
    assert parsed.dropped == []
    assert [b.text for b in parsed.blocks].count(
        "Switch the boiler off at the wall before you take its cover off."
    ) == 3


def test_a_chapter_header_carrying_the_page_number_is_dropped_on_few_pages():
    pdf = _Book(format="A4")
    pdf.set_font("Helvetica", "", 11)
    for chapter, pages in (("Chapter 1: Roads", 5), ("Chapter 2: Parks", 3), ("Chapter 3: Tax", 2)):
        for n in range(pages):
            pdf.chapter = chapter
            pdf.add_page()
            pdf.set_font("Helvetica", "", 11)
            part = ("one", "two", "three", "four", "five")[n]
            pdf.multi_cell(0, 6, f"This is part {part} of the chapter on {chapter[11:]}.")
    parsed = read_pdf(bytes(pdf.output()))
    assert [(d.block.text, d.reason) for d in parsed.dropped] == [
        ("Chapter 1: Roads 1", "running header/footer (on 5 pages)"),
        ("Chapter 2: Parks 6", "running header/footer (on 3 pages)"),
        ("Chapter 3: Tax 9", "running header/footer (on 2 pages)"),
    ]
    assert not any(b.text.startswith("Chapter") for b in parsed.blocks)


class _Spec(FPDF):
    """A specification set by DocBook: its name as the running header of every page, no title
    in its properties, numbered sections."""

    def header(self) -> None:
        self.set_font("Helvetica", "I", 9)
        self.cell(0, 8, "Shared Data Format", new_x="LMARGIN", new_y="NEXT")


def test_a_running_header_opening_the_first_page_titles_a_pdf_that_has_no_other(tmp_path):
    pdf = _Spec(format="A4")
    for n, name in enumerate(("Introduction", "Layout", "Encoding"), 1):
        pdf.add_page()
        _heading(pdf, f"{n}. {name}", 1, outline=False)
        _paragraph(pdf, f"This section of the specification describes the {name.lower()} of "
                        "the shared files that every program reads.")
    data = bytes(pdf.output())
    assert read_pdf(data).meta["header"] == "Shared Data Format"
    (tmp_path / "spec.pdf").write_bytes(data)
    engine = QAEngine.from_directory(tmp_path, save=False)
    assert [s.title for s in engine.sources()] == ["Shared Data Format"]  # not "spec"
    # a title the PDF declares comes first; a header carrying a number is no name
    assert read_pdf(report()).meta == {"title": "Town Budget Report", "published": "2024-03-05"}


def _set_in(runs: list[tuple[str, int, str]]) -> bytes:
    """A one-page PDF of ``runs``: (font, size, text), each text set as its own lines."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    for font, size, text in runs:
        pdf.set_font(font, "", size)
        pdf.multi_cell(0, size // 2 + 1, text, new_x="LMARGIN")
    return bytes(pdf.output())


def test_pages_are_cited_by_the_numbers_their_labels_print():
    """Front matter labelled "i", "ii", the text from "1": a paragraph on the fifth page is on
    page 3; one on a page labelled "ii" on none that a reader could find by number."""
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", "", 11)
    for text in ("Preface.", "Contents.", "Roads.", "Parks.", "The mayor opened the park."):
        pdf.add_page()
        _paragraph(pdf, text)
    labelled = _labelled(bytes(pdf.output()), (0, 1), (2, 4))
    assert [b.page for b in read_pdf(labelled).blocks] == [None, None, 1, 2, 3]
    assert [b.page for b in read_pdf(bytes(pdf.output())).blocks] == [1, 2, 3, 4, 5]


def test_a_running_title_on_a_page_labelled_with_no_number_still_titles_the_pdf():
    """The running header opening the first page names the document even when that page is
    labelled "i" (and so cited by no page)."""

    class _Book(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "I", 9)
            self.cell(0, 8, "The Lighthouse Keepers", new_x="LMARGIN", new_y="NEXT")

    pdf = _Book(format="A4")
    pdf.set_font("Helvetica", "", 11)
    for text in ("Preface.", "Roads.", "Parks.", "The mayor opened the park."):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 11)
        _paragraph(pdf, text)
    parsed = read_pdf(_labelled(bytes(pdf.output()), (0, 0), (1, 3)))
    assert parsed.meta["header"] == "The Lighthouse Keepers"
    assert [b.page for b in parsed.blocks] == [None, 1, 2, 3]


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n", b"hello, this is not a PDF", b"%PDF-1.7\n%garbage\n1 0 obj <<", b"\x00" * 64],
    ids=["empty", "blank", "text", "truncated-header", "zeros"],
)
def test_unreadable_input_raises_value_error_with_a_reason(data):
    with pytest.raises(ValueError, match=r"PDF|empty") as caught:
        read_pdf(data)
    assert len(str(caught.value)) > 10


@pytest.mark.parametrize("data", [b"hello, this is not a PDF", b"<html><p>A page.</p></html>",
                                  b"PK\x03\x04" + b"\x00" * 64])
def test_a_file_of_another_kind_named_pdf_is_said_to_be_one_not_a_parser_error(data):
    # a user's text or HTML saved as .pdf: the reason says so, not pypdf's "PdfStreamError"
    with pytest.raises(ValueError, match=r"^not a PDF: it has no %PDF- header") as caught:
        read_pdf(data)
    assert "Error" not in str(caught.value)


def _hand_made_pdf(*contents: bytes, flate: bool = False, loop: bool = False) -> bytes:
    """A PDF of a page a content stream (``flate``: each compressed), its page tree holding
    itself too when ``loop``."""
    import zlib

    kids = [b"%d 0 R" % (4 + 2 * i) for i in range(len(contents))] + [b"2 0 R"] * loop
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids)),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, content in enumerate(contents):
        stream = zlib.compress(content, 9) if flate else content
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * i))
        objects.append(b"<< /Length %d%s >>\nstream\n%s\nendstream"
                       % (len(stream), b" /Filter /FlateDecode" * flate, stream))
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref, size = len(out), len(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)


def _shown(text: str) -> bytes:
    return b"BT /F1 12 Tf 72 700 Td (%s) Tj ET\n" % text.encode()


def test_a_pdf_past_a_limit_of_the_reader_is_skipped_saying_why_in_words():
    """A stream that inflates past pypdf's bound (a zip bomb; its limit lowered here, as a
    real one takes 75 MB) was skipped as "LimitReachedError: ...", a name no user reads."""
    from pypdf import apply_configuration

    bomb = _shown("The council met on Tuesday.") + b" " * 400_000
    with apply_configuration(zlib_maximum_output_length=100_000), \
            pytest.raises(ValueError) as caught:
        read_pdf(_hand_made_pdf(bomb, flate=True))
    assert "past a limit of what is read" in str(caught.value)
    assert "Error" not in str(caught.value)
    looping = _hand_made_pdf(_shown("The council met on Tuesday."), loop=True)
    with pytest.raises(ValueError, match=r"PDF") as caught:  # a page tree that holds itself
        read_pdf(looping)
    assert "Error" not in str(caught.value)


def test_a_page_that_cannot_be_read_costs_that_page_not_the_file():
    """One page's content a zip bomb: the whole file was skipped for it."""
    from pypdf import apply_configuration

    data = _hand_made_pdf(_shown("The council met on Tuesday."),
                          _shown("The bridge opened in 1932.") + b" " * 400_000,
                          _shown("The library closes at six."), flate=True)
    with apply_configuration(zlib_maximum_output_length=100_000):
        parsed = read_pdf(data)
    assert [(b.text, b.page) for b in parsed.blocks] == [
        ("The council met on Tuesday.", 1), ("The library closes at six.", 3)]
    assert [(d.block.page, d.reason.partition(" (")[0]) for d in parsed.dropped] == [
        (2, "not read: past a limit of what is read of a file")]
    assert [n.split(":")[0] for n in parsed.notes] == ["page 2 not read"]


def test_a_cut_off_pdf_raises_value_error_or_reads_what_is_there():
    data = report()
    for cut in (len(data) // 4, len(data) // 2, len(data) - 40):
        try:
            read_pdf(data[:cut])
        except ValueError as err:
            assert "PDF" in str(err)


def test_damaged_bytes_raise_nothing_but_value_error():
    """Bytes changed at random: the reader reads what it can or says why it cannot."""
    data, rng = report(), random.Random(7)
    for _ in range(40):
        damaged = bytearray(data)
        for _ in range(rng.choice((1, 5, 20))):
            damaged[rng.randrange(len(damaged))] = rng.choice(b"<>/()[] 09objstreamTjBT\x00")
        try:
            read_pdf(bytes(damaged))
        except ValueError as err:
            assert "PDF" in str(err)


def test_a_password_protected_pdf_raises_value_error():
    pdf = FPDF()
    pdf.set_encryption(
        owner_password="owner", user_password="secret", encryption_method=EncryptionMethod.RC4
    )
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Secret minutes of the meeting.", new_x="LMARGIN")
    with pytest.raises(ValueError, match=r"^encrypted PDF"):
        read_pdf(bytes(pdf.output()))


def test_a_pdf_encrypted_only_against_editing_is_read():
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", encryption_method=EncryptionMethod.RC4)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Public minutes of the meeting.", new_x="LMARGIN")
    assert [b.text for b in read_pdf(bytes(pdf.output())).blocks] == [
        "Public minutes of the meeting."
    ]


def _aes(method: EncryptionMethod, user_password: str = "") -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password=user_password,
                       encryption_method=method)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Public minutes of the meeting.", new_x="LMARGIN")
    return bytes(pdf.output())


@pytest.mark.parametrize("method", [EncryptionMethod.AES_128, EncryptionMethod.AES_256])
def test_a_pdf_encrypted_with_aes_only_against_printing_is_read(method):
    """AES, as Acrobat restricts printing or copying: no password opens it, and pypdf decrypts
    it with the cryptography package, one of qabot's dependencies (pypdf[crypto])."""
    assert [b.text for b in read_pdf(_aes(method)).blocks] == ["Public minutes of the meeting."]
    with pytest.raises(ValueError, match=r"^encrypted PDF: it needs a password"):
        read_pdf(_aes(method, user_password="secret"))


def test_without_the_cryptography_package_an_aes_pdf_gets_a_clear_reason(monkeypatch):
    """An installation that lacks it says what is missing, not pypdf's "DependencyError"."""
    data = _aes(EncryptionMethod.AES_128)
    for name in ("CryptAES", "aes_cbc_decrypt", "aes_ecb_decrypt"):  # what pypdf has without it
        monkeypatch.setattr(_encryption, name, getattr(_fallback, name))
    with pytest.raises(ValueError, match=r"^encrypted PDF \(AES\): reading it needs the "
                                         r"cryptography package"):
        read_pdf(data)


def test_a_pdf_without_a_text_layer_raises_value_error():
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # what a scan looks like to a text extractor: no text
    with pytest.raises(ValueError, match=r"no text layer \(scanned\?\)"):
        read_pdf(bytes(pdf.output()))


@pytest.mark.skipif(not SPEC.exists(), reason="shared-mime-info's spec PDF is not installed")
def test_a_real_pdf_gives_headings_with_paths_and_pages_and_many_paragraphs():
    parsed = read_pdf(SPEC.read_bytes())
    kinds = Counter(b.kind for b in parsed.blocks)
    assert kinds["heading"] >= 20 and kinds["paragraph"] >= 80 and kinds["list_item"] >= 20
    assert (
        Block("heading", "2.4. The glob files", ("2. Unified system", "2.4. The glob files"), 7, 2)
        in parsed.blocks
    )
    under = [b for b in parsed.blocks if b.section[-1:] == ("2.4. The glob files",)]
    assert len(under) > 5 and all(b.page in (7, 8) for b in under)
    assert [d.reason for d in parsed.dropped] == [
        "running header/footer (on 17 pages)",
        "page number",
    ]
    assert not any(b.text == "Shared MIME-info Database" for b in parsed.blocks)
    # its /Title is empty; its running header, opening page 1, names it
    assert parsed.meta == {"published": "2022-04-29", "header": "Shared MIME-info Database"}


def test_the_reader_imports_nothing_from_the_bot():
    tree = ast.parse(Path(pdf_module.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        assert all(name.split(".")[0] != "bot" for name in names)


def _labelled(data: bytes, roman: tuple[int, int], decimal: tuple[int, int]) -> bytes:
    """The PDF ``data`` with its pages ``roman`` (first, last) labelled "i", "ii", ... and
    ``decimal`` "1", "2", ..."""
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(data)))
    writer.set_page_label(*roman, style=PageLabelStyle.LOWERCASE_ROMAN)
    writer.set_page_label(*decimal, style=PageLabelStyle.DECIMAL)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (the first the catalog), written by hand: what no generator the
    tests use writes."""
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    return out + (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
                  "%%EOF\n").encode()


def test_lines_each_a_label_and_figures_are_table_rows_and_wrapped_prose_still_joins():
    """A table set as lines of text (a label, then as many figures on each) gives a row a line,
    not one paragraph of every row; prose wrapped at figures ("rose by 12" / "per cent ...")
    still joins, as does the paragraph under the table."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "The statistics below were measured on every image of the set, "
                   "and each feature is given with its smallest and its largest value.",
                   new_x="LMARGIN")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 9)
    rows = ["radius (mean): 6.981 28.11", "texture (mean): 9.71 39.28",
            "perimeter (mean): 43.79 188.5", "area (mean): 143.5 2501.0"]
    for text in rows:
        pdf.cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    for text in ("The costs of the survey rose by 12", "per cent in the first year and by 15",
                 "per cent in the second year of 2", "phases, as the board had expected."):
        pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    blocks = read_pdf(bytes(pdf.output())).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "The statistics below were measured on every image of the set, and each "
         "feature is given with its smallest and its largest value."),
        *[("table_row", text) for text in rows],
        ("paragraph", "The costs of the survey rose by 12 per cent in the first year and by 15 "
         "per cent in the second year of 2 phases, as the board had expected.")]
