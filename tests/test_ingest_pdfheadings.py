"""``retrieval.ingest.pdfheadings``: a PDF's headings found by their look, without an outline."""

from __future__ import annotations

from fpdf import FPDF

from retrieval.ingest.pdf import read_pdf


def _page(lines: list[str]) -> bytes:
    """One page, every line in the same font and size, no white space between them (a manual
    page printed to PDF)."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


MANUAL = ["NAME", "frob - turn widgets into gadgets", "SYNOPSIS", "frob [-v] [-o FILE] WIDGET",
          "DESCRIPTION", "frob reads a widget and writes the gadget it becomes.",
          "EXIT STATUS", "BUGS", "frob cannot turn a gadget back into a widget."]


def test_a_manual_pages_sections_in_capitals_are_headings_over_text_in_lower_case():
    parsed = read_pdf(_page(MANUAL))
    rows = [(b.kind, b.text, b.section) for b in parsed.blocks]
    assert ("heading", "NAME", ("NAME",)) in rows
    assert ("paragraph", "frob - turn widgets into gadgets", ("NAME",)) in rows
    assert ("paragraph", "frob cannot turn a gadget back into a widget.", ("BUGS",)) in rows
    assert not any(text.startswith(("NAME frob", "SYNOPSIS frob")) for _, text, _ in rows)


def test_capitals_three_in_a_row_are_a_column_of_codes_not_headings():
    parsed = read_pdf(_page(["Codes in use", "ALPHA", "BRAVO", "DELTA",
                             "each code names one depot of the firm."]))
    assert not any(b.kind == "heading" and b.text in ("ALPHA", "BRAVO", "DELTA")
                   for b in parsed.blocks)
