"""``retrieval.ingest.pdffurniture``: a PDF's running headers, footers and page numbers found,
and lines that only look like them kept."""

from __future__ import annotations

from fpdf import FPDF

from retrieval.ingest.pdf import read_pdf


def _letters(numbers: list[tuple[str, str, str]]) -> bytes:
    """Form letters, one a page: an invoice number, a customer number and the date at the top,
    the same letter under them, the amount due last, the sender's name at the foot of every
    page."""
    pdf = FPDF(format="A4")
    for invoice, customer, amount in numbers:
        pdf.add_page()
        pdf.set_font("Helvetica", "", 11)
        for line in (f"Invoice {invoice}", f"Customer number {customer}",
                     "Date: 2024-03-15", "Dear customer,",
                     "Your water bill for the first quarter is enclosed with this letter.",
                     "Please pay within thirty days.", f"Amount due: {amount} EUR."):
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-30)
        pdf.cell(0, 6, "Riverbend Water Trust", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_form_letters_keep_their_own_numbered_first_lines_and_lose_the_running_footer():
    parsed = read_pdf(_letters([("10423", "55821", "312.50"), ("10588", "60214", "88.10"),
                                ("10611", "30087", "140.00"), ("10702", "71245", "95.25")]))
    texts = [b.text for b in parsed.blocks]
    for kept in ("Invoice 10423", "Invoice 10702", "Customer number 60214", "Amount due: 88.10"):
        assert any(kept in text for text in texts), kept
    assert [(d.block.text, d.reason) for d in parsed.dropped] == [
        ("Riverbend Water Trust", "running header/footer (on 4 pages)")]
    assert not any("Riverbend" in text for text in texts)


def test_a_header_whose_number_stays_or_counts_the_pages_is_still_furniture():
    pdf = FPDF(format="A4")
    for page in range(1, 5):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(0, 6, f"Annual Report 2023, page {page} of 4", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        for word in ("roads", "parks", "schools"):
            pdf.multi_cell(0, 6, f"In part {'ABCD'[page - 1]} the council spoke of {word}.",
                           new_x="LMARGIN", new_y="NEXT")
    parsed = read_pdf(bytes(pdf.output()))
    assert not any("Annual Report" in b.text for b in parsed.blocks)
    assert len(parsed.blocks) == 12
