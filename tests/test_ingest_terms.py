"""A definition list set as paragraphs (a Word file or a PDF made from a manual) is read as one."""

from __future__ import annotations

import io

import docx

from retrieval.ingest.blocks import TERM_LEVEL, Block
from retrieval.ingest.read import parse
from retrieval.ingest.terms import lone_terms

SECTION = ("Readline Init File", "Variables")


def para(text: str) -> Block:
    return Block("paragraph", text, SECTION)


VARIABLES = [
    para("You can set these variables:"),
    para("'bell-style'"),
    para("Controls what happens when Readline wants to ring the terminal bell."),
    para("If set to 'none', Readline never rings the bell."),
    para("'completion-ignore-case'"),
    para("If set to 'on', Readline performs filename completion in a case-insensitive fashion."),
]


def test_a_lone_term_heads_its_description_up_to_the_next_term():
    out = lone_terms(VARIABLES)
    assert [(b.kind, b.text, b.level) for b in out if b.kind == "heading"] == [
        ("heading", "'bell-style'", TERM_LEVEL),
        ("heading", "'completion-ignore-case'", TERM_LEVEL)]
    under = {b.text: b.section for b in out if b.kind == "paragraph"}
    assert under["If set to 'none', Readline never rings the bell."] == (*SECTION, "'bell-style'")
    assert under["You can set these variables:"] == SECTION
    assert len(out) == len(VARIABLES)  # nothing lost


def test_one_lone_word_an_address_or_code_is_no_term():
    once = VARIABLES[:4]
    assert lone_terms(once) == once  # one pair: a stray word, not a layout
    addresses = [para("https://example.org/docs"), para("The manual is kept there and updated."),
                 para("help@example.org"), para("Write to this address with any question.")]
    assert lone_terms(addresses + addresses) == addresses + addresses
    code = [Block("code", "make", SECTION), para("Builds the whole tree from scratch.")] * 2
    assert lone_terms(code) == code


def test_a_word_file_of_variables_reads_as_a_definition_list():
    d = docx.Document()
    d.add_heading("Variables", 1)
    for name, text in (("'bell-style'", "Controls what happens when Readline rings the bell."),
                       ("'blink-matching-paren'", "If set to 'on', Readline moves the cursor "
                                                  "to an opening parenthesis.")):
        d.add_paragraph(name)
        d.add_paragraph(text)
    out = io.BytesIO()
    d.save(out)
    parsed = parse(out.getvalue(), "docx")
    terms = [b.text for b in parsed.blocks if b.kind == "heading" and b.level == TERM_LEVEL]
    assert terms == ["'bell-style'", "'blink-matching-paren'"]
    assert parsed.blocks[-1].section[-1] == "'blink-matching-paren'"
