"""Reading a research paper set as a PDF: two columns drawn column by column, numbered section
headings, a reference list."""

from __future__ import annotations

import pytest
from fpdf import FPDF

from retrieval.ingest.pdf import read_pdf

LEFT = (
    "Keyword spotting has moved from hidden Markov models to neural networks. Small models run "
    "on microcontrollers with a modest loss in accuracy. Classroom acoustics have been studied "
    "mostly for their effect on learning and rarely for their effect on machines."
)
RIGHT = (
    "We recorded audio in twelve primary schools between March and June. In total 96 "
    "participants took part, and each classroom was equipped with two microphone arrays."
)


def _columns(*, bold: bool, numbered: bool = True) -> bytes:
    """One page of a paper: a section in the left column, the next one opening the right
    column, its heading on the column's first line (bold, or set like the text)."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    top = 30

    def heading(x: float, y: float, text: str) -> float:
        pdf.set_font("Helvetica", "B" if bold else "", 11)
        pdf.set_xy(x, y)
        pdf.cell(85, 6, text)
        return y + 7

    y = heading(15, top, "2 Related Work" if numbered else "Related Work")
    pdf.set_font("Helvetica", "", 11)
    pdf.set_xy(15, y)
    pdf.multi_cell(85, 5.5, LEFT)
    y = heading(110, top, "3 Data Collection" if numbered else "Data Collection")
    pdf.set_font("Helvetica", "", 11)
    pdf.set_xy(110, y)
    pdf.multi_cell(85, 5.5, RIGHT)
    return bytes(pdf.output())


@pytest.mark.parametrize("bold", [True, False])
def test_a_numbered_section_heading_opening_the_right_column_is_a_heading(bold):
    # the left column's last line ends a sentence, and a column's first line after one was no
    # heading: "3 Data Collection" ran into the paragraph before it, its section lost
    blocks = read_pdf(_columns(bold=bold)).blocks
    assert [(b.kind, b.text) for b in blocks if b.kind == "heading"] == [
        ("heading", "2 Related Work"), ("heading", "3 Data Collection")]
    last = blocks[-1]
    assert last.text == RIGHT and last.section[-1] == "3 Data Collection"


def test_an_unnumbered_plain_line_opening_the_right_column_is_still_text():
    # set like the text and without a number, a short first line of a column may be a sentence
    # run on into its next line: it stays text
    blocks = read_pdf(_columns(bold=False, numbered=False)).blocks
    assert "Data Collection" not in [b.text for b in blocks if b.kind == "heading"]


REFERENCES = (
    "[1] A. Author and B. Writer. A survey of spoken term\ndetection. Speech Communication, "
    "52(3):201-215, 2010.",
    "[2] C. Lee. Speech recognition in classrooms. In\nProceedings of Interspeech, pages "
    "1021-1025, 2019.",
    "[3] T. Ko and D. Povey. Audio augmentation for speech\nrecognition. In Proceedings of\n"
    "Interspeech, 2015.",
)


def test_a_reference_lists_numbered_entries_are_items_each_whole():
    # "[2]" opened no item: the whole list ran into one paragraph, and a sentence split out of
    # it ("Speech recognition in classrooms.") was quoted as if the paper said it; a line back at
    # the marker's edge after one broken off ("In Proceedings of") goes on with its entry
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, "References", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    for text in REFERENCES:
        pdf.multi_cell(0, 4.5, text, new_x="LMARGIN")
    blocks = read_pdf(bytes(pdf.output())).blocks
    assert [(b.kind, b.text) for b in blocks[1:]] == [
        ("list_item", " ".join(text.split())) for text in REFERENCES]


def test_a_new_sentence_at_a_list_markers_edge_after_a_finished_item_is_text():
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for text in ("[1] Keep the receipt.", "[2] Ask for a refund in writing.",
                 "The shop must answer within fourteen days."):
        pdf.multi_cell(0, 6, text, new_x="LMARGIN")
    assert [b.kind for b in read_pdf(bytes(pdf.output())).blocks] == [
        "list_item", "list_item", "paragraph"]


def _footnoted(first: list[str], second: list[str]) -> bytes:
    """Two pages of text, the first with a footnote at its foot, set small after its mark."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for n, lines in enumerate((first, second)):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 11)
        for i, text in enumerate(lines):
            pdf.text(20, 40 + 5.5 * i, text)
        if n == 0:
            pdf.set_font("Helvetica", "", 7)
            pdf.text(20, 270, "1")
            pdf.text(21.5, 271, "Code and data are available from the authors on request.")
    return bytes(pdf.output())


def test_a_footnote_is_a_paragraph_without_its_mark_after_the_sentence_the_page_break_cuts():
    # read in the page's order, the note cut the sentence running onto the next page in two,
    # and was quoted with its mark glued to its first word ("1Code and data ...")
    first = ["We split the annotated audio by school, so that no classroom",
             "appears in more than one split. All models were trained for",
             "forty epochs with the Adam optimiser and a batch size of"]
    second = ["256, and the learning rate was halved whenever the loss",
              "stopped improving. Baselines were trained on the same data."]
    blocks = read_pdf(_footnoted(first, second)).blocks
    assert [(b.text, b.page) for b in blocks] == [
        (" ".join(first + second), 1),
        ("Code and data are available from the authors on request.", 1)]


def test_a_footnote_under_a_finished_sentence_stays_on_its_page():
    first = ["We split the annotated audio by school, so that no classroom",
             "appears in more than one split."]
    second = ["All models were trained for forty epochs with the Adam optimiser."]
    blocks = read_pdf(_footnoted(first, second)).blocks
    assert [b.text for b in blocks] == [
        " ".join(first), "Code and data are available from the authors on request.", second[0]]


def test_a_title_wrapped_over_two_lines_in_large_type_is_one_heading():
    # "Robust Keyword Spotting in Noisy Classrooms: A" ends on a word no title ends on, so
    # neither line was a heading; the paper, with no title in its properties, was titled by
    # its file name
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 8, "Robust Keyword Spotting in Noisy Classrooms: A\nField Study", align="C",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Maria Okafor and Lena Brandt", align="C", new_x="LMARGIN",
                   new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, "1 Introduction", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, LEFT)
    blocks = read_pdf(bytes(pdf.output())).blocks
    assert [(b.kind, b.text) for b in blocks[:2]] == [
        ("heading", "Robust Keyword Spotting in Noisy Classrooms: A Field Study"),
        ("paragraph", "Maria Okafor and Lena Brandt")]
    assert blocks[-1].section == (
        "Robust Keyword Spotting in Noisy Classrooms: A Field Study", "1 Introduction")


def test_two_headings_in_large_type_one_under_the_other_stay_two():
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 8, "Annual Report\nFinances of the Year", new_x="LMARGIN")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, LEFT)
    assert [b.text for b in read_pdf(bytes(pdf.output())).blocks][:2] == [
        "Annual Report", "Finances of the Year"]


def test_two_columns_drawn_line_by_line_with_headings_and_paragraph_breaks_read_column_by_column():
    # a heading beside a line of the other column's text, or a column's paragraph break
    # beside the other's text, broke the run of two-column lines: the columns' lines were
    # read across ("... rise sharply in Annotators marked the start ..."), short runs as
    # tables, and "1 Introduction 3 Results" as one heading
    left = [("1 Introduction", True),
            ("Voice interfaces in schools must work in", False),
            ("rooms where many children speak at once", False),
            ("and where chairs scrape and doors close", False),
            ("all through the lesson.", False),
            ("", False),
            ("Existing systems are trained on read speech", False),
            ("recorded in quiet rooms, and their error", False),
            ("rates rise sharply in classrooms.", False)]
    right = [("Annotators marked the start and end of", False),
             ("each keyword and noted overlapping speech", False),
             ("in every recording, and a third annotator", False),
             ("settled their disagreements.", False),
             ("3 Results", True),
             ("Our model reaches a false rejection rate of", False),
             ("4.1% at one false alarm per hour, against", False),
             ("6.5% for the strongest baseline.", False)]
    pdf = FPDF(format="A4")
    pdf.add_page()
    for i in range(len(left)):
        for x, column in ((18, left), (110, right)):
            if i < len(column) and column[i][0]:
                pdf.set_font("Helvetica", "B" if column[i][1] else "", 10)
                pdf.text(x, 35 + 5 * i, column[i][0])
    blocks = read_pdf(bytes(pdf.output())).blocks
    assert [(b.kind, b.text, b.section) for b in blocks] == [
        ("heading", "1 Introduction", ("1 Introduction",)),
        ("paragraph", "Voice interfaces in schools must work in rooms where many children speak "
         "at once and where chairs scrape and doors close all through the lesson.",
         ("1 Introduction",)),
        ("paragraph", "Existing systems are trained on read speech recorded in quiet rooms, and "
         "their error rates rise sharply in classrooms.", ("1 Introduction",)),
        ("paragraph", "Annotators marked the start and end of each keyword and noted overlapping "
         "speech in every recording, and a third annotator settled their disagreements.",
         ("1 Introduction",)),
        ("heading", "3 Results", ("3 Results",)),
        ("paragraph", "Our model reaches a false rejection rate of 4.1% at one false alarm per "
         "hour, against 6.5% for the strongest baseline.", ("3 Results",))]


def test_a_word_written_with_a_hyphen_keeps_it_at_a_line_end_a_hyphenated_one_is_joined():
    # "cross-" over "entropy" read "crossentropy", "signal-to-" over "noise" "signal-tonoise"
    lines = ("The objective is the cross-", "entropy loss at a signal-to-",
             "noise ratio that is well-", "known, and the model was develop-",
             "ed on audio annota-", "ted by two experts.")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "\n".join(lines))
    assert [b.text for b in read_pdf(bytes(pdf.output())).blocks] == [
        "The objective is the cross-entropy loss at a signal-to-noise ratio that is well-known, "
        "and the model was developed on audio annotated by two experts."]
