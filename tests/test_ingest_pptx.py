"""``retrieval.ingest.pptx``: a PowerPoint presentation read slide by slide, on files written
here by ``formatwriters``."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from retrieval import QAEngine
from retrieval.ingest.pptx import read_pptx
from retrieval.ingest.read import format_of

from .formatwriters import write_pptx

DECK = [
    {"title": "Water Plan 2025", "text": ["Riverbend Water Trust, board meeting of 6 May"]},
    {"title": "Why we act", "bullets": [
        (0, "Leaks cost the trust 14% of the water it treats."),
        (1, "Most leaks are in pipes laid before 1960."),
        (0, "Demand grows by 2% a year.")],
     "notes": ["Stress that the old pipes are the cause, not the pumps."],
     "footer": "Confidential"},
    {"title": "Budget", "table": [["Item", "Cost"], ["New pipes", "4.2 million euros"],
                                  ["Meters", "0.8 million euros"]], "footer": "Confidential"},
    {"title": "Draft figures", "bullets": [(0, "Nothing here is final.")], "hidden": True},
    {"bullets": [(0, "The board votes on the plan in June.")]},
]


def test_slides_are_read_in_order_titles_as_headings_bullets_as_list_items():
    parsed = read_pptx(write_pptx("Water Plan 2025", DECK))
    rows = [(b.kind, b.text, b.section, b.level) for b in parsed.blocks]
    assert rows[:2] == [("heading", "Water Plan 2025", ("Water Plan 2025",), 1),
                        ("paragraph", "Riverbend Water Trust, board meeting of 6 May",
                         ("Water Plan 2025",), 0)]
    assert ("list_item", "Most leaks are in pipes laid before 1960.", ("Why we act",), 2) in rows
    assert ("paragraph", "Stress that the old pipes are the cause, not the pumps.",
            ("Why we act", "Notes"), 0) in rows
    assert ("table_row", "Item: New pipes; Cost: 4.2 million euros", ("Budget",), 0) in rows
    assert ("list_item", "The board votes on the plan in June.", ("Slide 5",), 1) in rows
    assert parsed.meta == {"title": "Water Plan 2025", "published": "2024-05-06"}
    assert not parsed.web


def test_hidden_slides_footers_and_slide_numbers_are_listed_as_dropped_not_read():
    parsed = read_pptx(write_pptx("Water Plan 2025", DECK))
    texts = " ".join(b.text for b in parsed.blocks)
    assert "Nothing here is final" not in texts and "Confidential" not in texts
    assert [(d.block.text, d.reason) for d in parsed.dropped] == [
        ("1", "slide number (on every slide)"),
        ("Confidential", "footer (on every slide)"),
        ("Draft figures", "hidden slide (not shown when presenting)")]


def test_a_file_that_is_no_presentation_or_a_locked_one_says_why():
    with pytest.raises(ValueError, match="password-protected or old binary PowerPoint"):
        read_pptx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ValueError, match="not a PowerPoint presentation"):
        read_pptx(out.getvalue())
    with pytest.raises(ValueError, match="no text on its slides"):
        read_pptx(write_pptx("Empty", [{}]))


def test_a_deck_in_a_corpus_answers_with_its_slide_cited(tmp_path: Path):
    assert format_of("plan.pptx") == "pptx"
    (tmp_path / "plan.pptx").write_bytes(write_pptx("Water Plan 2025", DECK))
    answer = QAEngine.from_directory(tmp_path).ask("How much do the new pipes cost?")
    assert answer.sentences[0].text == "Item: New pipes; Cost: 4.2 million euros"
    assert answer.sentences[0].where == "Budget"


def test_every_paragraph_of_the_deck_is_read_or_listed_as_dropped():
    """Found by a reading of the XML independent of the reader: each ``a:p``'s text."""
    data = write_pptx("Water Plan 2025", DECK)
    pkg = zipfile.ZipFile(io.BytesIO(data))
    units = {"".join(t.text or "" for t in p.iter("{http://schemas.openxmlformats.org/drawingml/"
                                                   "2006/main}t"))
             for name in pkg.namelist() if name.endswith(".xml") and "slide" in name.lower()
             for p in ET.fromstring(pkg.read(name)).iter(
                 "{http://schemas.openxmlformats.org/drawingml/2006/main}p")} - {""}
    parsed = read_pptx(data)
    seen = " ".join([b.text for b in parsed.blocks] + [d.block.text for d in parsed.dropped])
    missing = {u for u in units if u not in seen and not u.isdigit()}
    # a hidden slide's text is dropped with its slide (named by its title)
    assert missing == {"Nothing here is final."}


def test_a_slide_the_presentation_lists_again_is_read_once():
    data = write_pptx("Water Plan 2025", DECK[:2])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as z:
        for name in src.namelist():
            body = src.read(name)
            if name == "ppt/presentation.xml":
                body = body.replace(b'<p:sldId id="257" r:id="rId11"/>',
                                    b'<p:sldId id="257" r:id="rId11"/>' * 500)
            z.writestr(name, body)
    texts = [b.text for b in read_pptx(out.getvalue()).blocks]
    assert texts.count("Demand grows by 2% a year.") == 1


def test_a_damaged_slide_costs_that_slide_alone_saying_why():
    data = write_pptx("Water Plan 2025", DECK[:3])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as z:
        for name in src.namelist():
            body = src.read(name)
            z.writestr(name, body[:200] if name == "ppt/slides/slide2.xml" else body)
    parsed = read_pptx(out.getvalue())
    texts = [b.text for b in parsed.blocks]
    assert "Why we act" not in texts and "Item: New pipes; Cost: 4.2 million euros" in texts
    assert [d.reason.split(" (")[0] for d in parsed.dropped if d.block.text == "slide 2"] == [
        "slide not read: PowerPoint presentation's 'ppt/slides/slide2.xml' is not well-formed XML"]
