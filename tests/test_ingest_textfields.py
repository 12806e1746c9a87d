"""``retrieval.ingest.textfields``: runs of "Label: value" lines in a plain text's block."""

from __future__ import annotations

from retrieval.ingest.textfields import Field, Record, record_parts


def test_a_run_of_fields_is_cut_from_the_lines_around_it():
    block = ("What --forget (option)\nStatus: obsolete\nWhen: 1.16.x\nWhy:\n Purged packages"
             " are\n cleaned up now.\nSee the manual.")
    assert record_parts(block) == [Record(
        ("What --forget (option)",),
        (Field("Status", "obsolete"), Field("When", "1.16.x"),
         Field("Why", "", ("Purged packages are", "cleaned up now."))),
        ("See the manual.",))]


def test_a_value_folded_onto_lines_under_it_goes_on_with_it():
    block = "What:   CHS stuff\nWhy:    use sectors, CHS does not work,\n        confusing users"
    assert record_parts(block) == [Record((), (
        Field("What", "CHS stuff"),
        Field("Why", "use sectors, CHS does not work, confusing users")))]


def test_two_fields_among_prose_or_fields_a_line_each_are_left_to_the_reader():
    """Two labelled lines inside prose are no run (three are needed there); a block of fields
    one a line, none with a body, the plain-text reader reads a line each already."""
    prose = "The build needs a compiler.\nNote: it must be recent.\nVersion: 11 is best.\nBye."
    assert record_parts(prose) == [prose]
    header = "Status: draft\nURL: https://example.org/x"
    assert record_parts(header) == [header]
    assert record_parts("Why:\nBecause.") == ["Why:\nBecause."]  # a label with no body under it
