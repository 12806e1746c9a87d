"""``retrieval.ingest.pdfblocks``: a PDF's lines joined into paragraphs, list items and code."""

from __future__ import annotations

from retrieval.ingest.pdf import read_pdf

from .test_ingest_pdf import _set_in, one_page


def test_list_markers_start_items_bullets_removed_numbers_kept():
    pdf = one_page("You need:", "- a pen", "* some paper", "a) a desk", "(ii) a lamp", "1. a chair")
    assert [(b.kind, b.text) for b in read_pdf(pdf).blocks] == [
        ("paragraph", "You need:"),
        ("list_item", "a pen"),
        ("list_item", "some paper"),
        ("list_item", "a) a desk"),
        ("list_item", "(ii) a lamp"),
        ("list_item", "1. a chair"),
    ]


def test_a_dash_starting_a_line_inside_a_sentence_is_no_bullet():
    pdf = one_page("The council\n- which met on Monday -\nagreed.")
    assert [(b.kind, b.text) for b in read_pdf(pdf).blocks] == [
        ("paragraph", "The council - which met on Monday - agreed.")
    ]


def test_dashes_at_one_left_edge_after_a_line_ending_no_sentence_are_a_list():
    pdf = one_page("Configuration hierarchy", "- /etc/app/users: maps users to clusters",
                   "- $HOME/.apprc: per-user preferences", "- /etc/app/main.conf: the rest")
    assert [(b.kind, b.text) for b in read_pdf(pdf).blocks] == [
        ("paragraph", "Configuration hierarchy"),
        ("list_item", "/etc/app/users: maps users to clusters"),
        ("list_item", "$HOME/.apprc: per-user preferences"),
        ("list_item", "/etc/app/main.conf: the rest"),
    ]


def test_lines_in_a_monospaced_font_are_one_code_block():
    data = _set_in([("Helvetica", 11, "Run the tool like this:"),
                    ("Courier", 10, "qabot index ./docs\nqabot ask 'when?'"),
                    ("Helvetica", 11, "It prints the answer.")])
    assert [(b.kind, b.text) for b in read_pdf(data).blocks] == [
        ("paragraph", "Run the tool like this:"),
        ("code", "qabot index ./docs qabot ask 'when?'"),
        ("paragraph", "It prints the answer."),
    ]


def test_code_after_a_line_that_ends_no_sentence_is_still_code():
    """A command block set smaller after "or" (two setups, one either side) is code, not the
    rest of the "or" sentence; a path in code font wrapped inside a sentence stays in it."""
    data = _set_in([
        ("Helvetica", 11, "The tool reads its credentials from a keyring, which is installed "
                          "apart from it, in its own environment or in any other that is on the "
                          "path. Either setup works:"),
        ("Courier", 9, "$ pip install keyring\n$ keyring set host user"),
        ("Helvetica", 11, "or"),
        ("Courier", 9, "$ pipx install keyring\n$ keyring set host user"),
        ("Helvetica", 11, "The settings are read from"),
        ("Courier", 11, "/etc/tool.conf"),
        ("Helvetica", 11, "at start-up."),
    ])
    assert [(b.kind, b.text) for b in read_pdf(data).blocks] == [
        ("paragraph", "The tool reads its credentials from a keyring, which is installed apart "
                      "from it, in its own environment or in any other that is on the path. "
                      "Either setup works:"),
        ("code", "$ pip install keyring $ keyring set host user"),
        ("paragraph", "or"),
        ("code", "$ pipx install keyring $ keyring set host user"),
        ("paragraph", "The settings are read from /etc/tool.conf at start-up."),
    ]

