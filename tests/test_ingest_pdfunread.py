"""``retrieval.ingest.pdfunread``: what of a PDF is not read (scanned pages, form fields, fonts
with no map to Unicode) is reported as dropped and noted."""

from __future__ import annotations

import io

from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from retrieval.ingest.pdf import read_pdf

from .test_ingest_pdf import _paragraph, _raw_pdf

_SCAN = "an image, no text layer (scanned?): run OCR on the PDF to read it (ocrmypdf)"


def test_a_scanned_page_inside_a_pdf_of_text_is_reported_as_dropped():
    """A page that is only an image (a scanned appendix) is not read; ``qabot show`` lists it
    and the index's notes name it. A page left blank is nothing to report."""
    scan = io.BytesIO()
    Image.new("RGB", (400, 100), "white").save(scan, format="PNG")
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", "", 11)
    pdf.add_page()
    _paragraph(pdf, "The museum opened in 1911.")
    pdf.add_page()
    pdf.image(scan, x=10, y=10, w=180)
    pdf.add_page()
    pdf.add_page()
    _paragraph(pdf, "The museum has four floors.")
    parsed = read_pdf(bytes(pdf.output()))
    assert [(d.block.page, d.reason) for d in parsed.dropped] == [(2, _SCAN)]
    assert parsed.notes == ["pages 2, 3 of 4 have no text layer (scanned?)"]


def test_a_scanned_page_under_the_documents_running_header_is_reported_as_dropped():
    """A scan put among pages of text gets their running header and page number: its text is
    only furniture, dropped as such, and the page is still reported as an image not read."""
    scan = io.BytesIO()
    Image.new("RGB", (400, 100), "white").save(scan, format="PNG")

    class Framed(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, "Memorandum of Understanding - Lupota", align="C")
            self.ln(10)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Framed(format="A4")
    pdf.set_font("Helvetica", "", 11)
    for text in ("The committee collects the fees.", "The trust supplies the spare parts."):
        pdf.add_page()
        _paragraph(pdf, text)
    pdf.add_page()
    pdf.image(scan, x=10, y=30, w=180)
    parsed = read_pdf(bytes(pdf.output()))
    assert (3, _SCAN) in [(d.block.page, d.reason) for d in parsed.dropped]
    assert parsed.notes == ["page 3 of 3 has no text layer (scanned?)"]


def test_the_values_filled_into_a_form_are_reported_as_dropped():
    """A filled-in form: the values are drawn by its fields, not in the page's text, and are not
    read; ``qabot show`` lists each with its field's name, and the index's notes count them."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    _paragraph(pdf, "Application for a fishing permit.\n\nName of applicant:\n\nBoat:")
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(bytes(pdf.output()))))
    fields = ArrayObject()
    for n, (name, value) in enumerate((("applicant", "Margit Olsen"), ("boat", "NOR-4471"))):
        rect = ArrayObject(FloatObject(v) for v in (200, 700 - 40 * n, 400, 720 - 40 * n))
        fields.append(writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject(name),
            NameObject("/V"): TextStringObject(value),
            NameObject("/Rect"): rect,
        })))
    writer.pages[0][NameObject("/Annots")] = fields
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): fields}
    )
    out = io.BytesIO()
    writer.write(out)
    parsed = read_pdf(out.getvalue())
    assert [(d.block.text, d.block.page, d.reason) for d in parsed.dropped] == [
        ("applicant: Margit Olsen", 1, "a form field's value: not read"),
        ("boat: NOR-4471", 1, "a form field's value: not read"),
    ]
    assert parsed.notes == ["2 form field values not read"]


def test_a_page_in_a_font_with_no_unicode_map_is_reported_not_quoted_as_garbage():
    """A subset font with Identity-H glyph numbers and no ToUnicode map extracts as shifted
    letters ("7KH\\x03VHFRQG ..."): left out and said, not glued to the page before."""
    normal = b"BT /F1 12 Tf 72 720 Td (The normal page says the owl was ringed in 2011.) Tj ET"
    said = "The second page says the eagle nests on cliffs."
    glyphs = "".join(f"{ord(c) - 29:04X}" for c in said)
    garbled = f"BT /F2 12 Tf 72 720 Td <{glyphs}> Tj ET".encode()
    resources = b"<< /Font << /F%d %d 0 R >> >>"
    data = _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources "
        + resources % (1, 7) + b" >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R /Resources "
        + resources % (2, 8) + b" >>",
        b"<< /Length %d >>\nstream\n" % len(normal) + normal + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(garbled) + garbled + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Arial /Encoding /Identity-H "
        b"/DescendantFonts [9 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Arial /CIDSystemInfo << "
        b"/Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
    ])
    parsed = read_pdf(data)
    assert [b.text for b in parsed.blocks] == ["The normal page says the owl was ringed in 2011."]
    (dropped,) = [d for d in parsed.dropped if d.block.page == 2]
    assert "no map to Unicode" in dropped.reason
    assert any("page 2 not read" in note for note in parsed.notes)

