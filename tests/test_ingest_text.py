"""``retrieval.ingest.text``: plain text read by its layout; web pages left to cleaning."""

from __future__ import annotations

from retrieval.ingest.read import printable
from retrieval.ingest.text import read_plain

from .conftest import SEEDS

LICENCE = """\
                                 Apache License
                           Version 2.0, January 2004
                        http://www.apache.org/licenses/

   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION

   1. Definitions.

      "License" shall mean the terms and conditions for use, reproduction,
      and distribution as defined by Sections 1 through 9 of this document.

   2. Grant of Copyright License. Subject to the terms and conditions of
      this License, each Contributor hereby grants to You a perpetual,
      worldwide, non-exclusive, no-charge, royalty-free copyright license.
"""

README = """\
Welcome to frob!

frob is a tool that frobs files: it reads them, frobs them and writes
them back.

* Installation

To build and install frob from a release tarball, use:

\t$ ./configure && make
\t$ sudo make install

Options
=======

- --quiet: print nothing
- --level N: how hard to frob, from 1 to 9; the
  default is 5
- --dry-run: show what would be frobbed

The mayor abstained.
"""


def kinds(parsed):
    return [(b.kind, b.text) for b in parsed.blocks]


def test_a_licence_title_block_is_a_heading_and_its_lines_paragraphs():
    p = read_plain(LICENCE)
    assert not p.web
    assert kinds(p)[:4] == [
        ("heading", "Apache License"), ("paragraph", "Version 2.0, January 2004"),
        ("paragraph", "http://www.apache.org/licenses/"),
        ("heading", "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION")]
    grant = p.blocks[-1]
    assert grant.kind == "list_item" and grant.text.startswith("2. Grant of Copyright License.")
    assert grant.text.endswith("royalty-free copyright license.")  # wrapped lines joined
    assert grant.section == ("Apache License",
                             "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION")


def test_list_items_headings_code_and_short_paragraphs_are_blocks():
    p = read_plain(README)
    got = kinds(p)
    assert ("heading", "Installation") in got and ("heading", "Options") in got
    assert ("code", "$ ./configure && make $ sudo make install") in got
    assert ("list_item", "--level N: how hard to frob, from 1 to 9; the default is 5") in got
    assert ("list_item", "--dry-run: show what would be frobbed") in got
    assert ("paragraph", "The mayor abstained.") in got
    options = next(b for b in p.blocks if b.text.startswith("--quiet"))
    assert options.section == ("Options",)
    lead_in = next(b for b in p.blocks if b.text.startswith("To build"))
    assert lead_in.kind == "paragraph" and lead_in.section == ("Installation",)


def test_a_block_of_fields_is_read_a_line_each():
    """A proposal's header ("Status: ..." over "URL: ...") is two fields, not one sentence
    "Status: draft, experimental URL: https://..."; a field's value wrapped onto a line of its
    own keeps the lines together."""
    p = read_plain("Support for a Protected field\n=============================\n\n"
                   "Status: draft, experimental\nURL: https://wiki.example.org/Protected\n\n"
                   "Summary\n-------\n\nThe goal is to split the Essential packages.\n\n"
                   "Note: the field is new and\nnot yet supported by every tool.\n")
    got = kinds(p)
    assert ("paragraph", "Status: draft, experimental") in got
    assert ("paragraph", "URL: https://wiki.example.org/Protected") in got
    assert ("paragraph", "Note: the field is new and not yet supported by every tool.") in got


def test_a_saved_web_page_is_flagged_and_kept_as_saved():
    text = (SEEDS / "000_00f339de5ad54580.txt").read_text(encoding="utf-8")
    p = read_plain(text)
    assert p.web and p.source_text == text


def test_an_editors_mode_line_is_dropped_with_its_reason():
    p = read_plain("-*- text -*-\n\nGNU Wget\n\nGNU Wget is a free network utility to retrieve "
                   "files from the World Wide Web using HTTP and FTP.\n")
    assert [b.text for b in p.blocks][:1] == ["GNU Wget"]
    assert [(d.block.text, d.reason) for d in p.dropped] == [("-*- text -*-",
                                                             "an editor's mode line")]


def test_a_mode_line_ending_the_title_line_is_no_part_of_the_title():
    text = ("GNU sed NEWS                                    -*- outline -*-\n\n"
            "* Noteworthy changes in release 4.9 (2022-11-06) [stable]\n\n"
            "The sed program now reads the files and the streams of text it is given.\n")
    p = read_plain(text)
    assert p.blocks[0].text == "GNU sed NEWS"
    assert [(d.block.text, d.reason) for d in p.dropped] == [("-*- outline -*-",
                                                             "an editor's mode line")]
    # one on a later line is the text's (a note on Emacs's mode lines, say)
    later = read_plain("Editors\n\nEmacs reads a line such as -*- outline -*- at the top.\n")
    assert "-*- outline -*-" in later.blocks[-1].text and not later.dropped


def test_text_in_another_language_is_a_web_page_when_laid_out_as_one():
    # no English furniture phrase: its menus and link bars tell (``pagelayout``)
    german = ("Startseite\nNachrichten\nSport\nKultur\n\nDer Stadtrat hat am Montag den Plan für "
              "den Hafen nach einer langen Debatte gebilligt.\n\nDie Arbeiten sollen im Frühjahr "
              "beginnen.\n\nImpressum | Datenschutz | Kontakt\n")
    p = read_plain(german)
    assert p.web and p.source_text == german
    note = german.split("\n\n", 1)[1].rsplit("\n\n", 1)[0]  # the story alone: a document
    assert not read_plain(note).web


def test_a_list_of_commands_is_english_and_read_a_line_a_unit():
    tips = ("For a higher level overview, try: perf report --sort comm,dso\n"
            "Sample related events with: perf record -e '{cycles,instructions}:S'\n"
            "Compare performance results with: perf diff [<old file> <new file>]\n"
            "Search options using a keyword: perf report -h <keyword>\n"
            "Show individual samples with: perf script\n"
            "Treat branches as callchains: perf report --branch-history\n"
            "To count events in every 1000 msec: perf stat -I 1000\n"
            "Use parent filter to see specific call path: perf report -p <regex>\n")
    p = read_plain(tips)  # few function words, but common English ones: not a web page's text
    assert not p.web and not p.dropped
    assert [b.text for b in p.blocks] == tips.splitlines()
    wrapped = ("The first line of a paragraph wrapped\nbefore a word, and Again\n"
               "Before another capital, ending here.\n")  # one line opens in lower case
    assert [b.text for b in read_plain(wrapped).blocks] == [" ".join(wrapped.split("\n")).strip()]


def test_a_copyright_line_is_no_heading():
    p = read_plain("Copyright 2014 Pallets\n\nRedistribution and use in source and binary forms "
                   "are permitted provided that the conditions are met.\n")
    assert [b.kind for b in p.blocks] == ["paragraph", "paragraph"]


def test_a_line_that_ends_on_a_word_needing_more_is_no_heading():
    p = read_plain('9. Why do I get errors?\n\n    If "make test" produces something like\n\n'
                   "       example.o: undefined reference\n\ncheck that you have no old files.\n")
    assert [b.kind for b in p.blocks if "make test" in b.text] == ["paragraph"]
    assert not any(b.section for b in p.blocks)


POD = """\
NAME
    frobFAQ - frob Frequently Asked Questions

DESCRIPTION
  Where to get this document
    This document is distributed with frob, and is also
    available on the frob web page.

Author and Copyright Information
    Copyright (C) 1997 A. Author. This document is free.

Using frob
  How do I frob in binary mode ?
    To frob without <LF><CR> translation frob provides the
    "binary" method

        $frob->binary;

  Why is frob slow?
    A: Since frobbing is done by splitting the data into
       blocks, small files are slow.

OPTIONS
    -v, --verbose
        Print more.
"""


def test_a_line_set_out_left_of_the_text_under_it_heads_it():
    """Text laid out as a manual page or by ``pod2text``: a section's name at the margin, its
    body indented under it without a blank line; an FAQ's question over its answer."""
    p = read_plain(POD)
    assert not p.web
    heads = [(b.text, b.level) for b in p.blocks if b.kind == "heading"]
    assert heads == [("NAME", 1), ("DESCRIPTION", 1), ("Where to get this document", 2),
                     ("Author and Copyright Information", 1), ("Using frob", 1),
                     ("How do I frob in binary mode ?", 2), ("Why is frob slow?", 2),
                     ("OPTIONS", 1)]
    para = {b.text: b.section for b in p.blocks if b.kind == "paragraph"}
    assert para["To frob without <LF><CR> translation frob provides the \"binary\" method"] == (
        "Using frob", "How do I frob in binary mode ?")
    assert ("This document is distributed with frob, and is also available on the frob web page."
            in para)
    # a sentence wrapped under a hanging indent goes on in lower case: no heading
    assert ("A: Since frobbing is done by splitting the data into blocks, small files are slow."
            in para)
    # an option is no heading: it opens with no capital
    assert "-v, --verbose Print more." in para


def test_a_text_already_on_one_line_is_returned_as_it_is() -> None:
    """``one_line`` returns a printable text with single inner spaces unchanged, without
    splitting it: every other character ``str.split`` cuts at is unprintable, so the answers are
    those of joining the split text, for any text."""
    import random

    from retrieval.ingest.blocks import one_line

    assert all(not c.isprintable() for c in map(chr, range(0x110000))
               if c.isspace() and c != " ")
    spaces = [c for c in map(chr, range(0x3001)) if c.isspace()]
    rng = random.Random(4)
    parts = ["a", "b c", " ", "  ", "é", "\u200b", "x.", "\u00ad", *spaces]
    for _ in range(20_000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 8)))
        assert one_line(text) == " ".join(text.split()), repr(text)


def test_a_one_line_text_has_the_blocks_of_the_same_line_read_as_a_block() -> None:
    """A text of one line is read without the loop over blocks (``_one_line_units``): the same
    blocks as that loop makes of the line followed by a line break (rules, prompts, bullets,
    enumerators, headings' shapes, mode lines, notices and white space among them)."""
    import random

    from retrieval.ingest.text import layout_blocks

    rnd = random.Random(11)
    pieces = ["Word", "word", " ", "  ", "\t", "-", "*", "•", "1.", "(a)", "iv.", "$", ">>>",
              "===", "---", "~~~", "-*- text -*-", "vim: set", "Copyright 2020", ":", ".", "?",
              "Installation", "the", "\u00a0", "2.1", "C:\\>", "%", "...", "=", "x" * 30]
    texts = ["", " ", "===", "---", "-- ", "$ ls -l", ">>> 1 + 1", "- an item", "1. First",
             "Installation", "A heading of a few words", "-*- mode: text -*-"]
    for _ in range(3000):
        texts.append("".join(rnd.choice(pieces) for _ in range(rnd.choice([1, 2, 3, 6, 12]))))
    for text in texts:
        assert layout_blocks(text) == layout_blocks(text + "\n"), repr(text)


def test_a_wrapped_line_opening_with_a_dash_goes_on_with_its_sentence() -> None:
    text = ("The committee agreed that the new timetable starts in June. Tickets will cost 30\n"
            "crowns, and\n- as decided last year - children under 12 travel free of charge.\n\n"
            "We decided on these points:\n- a new pier\n- longer opening hours\n")
    blocks = read_plain(text).blocks
    assert blocks[0].kind == "paragraph" and blocks[0].text.endswith(
        "crowns, and - as decided last year - children under 12 travel free of charge.")
    assert [b.text for b in blocks if b.kind == "list_item"] == ["a new pier",
                                                               "longer opening hours"]



def test_a_line_ending_on_an_abbreviation_goes_on_with_its_sentence() -> None:
    # a wrapped line ending "Dr." or "о." (an abbreviation, an initial) ends no sentence: the
    # next line, though capitalised, goes on with it (it had been a paragraph of its own)
    text = ("The ship reached the island of St. Kilda in the spring, where it met Dr.\n"
            "Smith and his crew of seven sailors from the mainland.\n"
            "They stayed for two weeks.\n\n"
            "Наибольшая нагрузка приходится на о.\nОльхон и пос. Листвянка.\n")
    assert [b.text for b in read_plain(text).blocks] == [
        "The ship reached the island of St. Kilda in the spring, where it met Dr. Smith and his "
        "crew of seven sailors from the mainland.",
        "They stayed for two weeks.",
        "Наибольшая нагрузка приходится на о. Ольхон и пос. Листвянка."]

RECORDS = """\
This is a list of features that are scheduled to be removed.

What: -Zold (option value)
Status: removed
When: 1.18.11
Warning: program
Why:
 The old compression has some format deficiencies fixed by the new one,
 which is what upstream has replaced it with.

What --forget-old (option)
Status: obsolete
When: 1.16.x
Warning: man page
 This was a semi-public interface now superseded by --list, which is a
 better interface.

What:   CHS stuff in fdisk
Why:    use addressing by sectors, CHS does not work with modern disks,
        confusing for users...
"""


def test_a_run_of_fields_is_read_a_field_each_its_body_under_its_label():
    """Records of "Label: value" lines (RFC 822's fields) are not joined into one sentence;
    a label alone on its line takes the paragraph indented under it as its value; a line over
    the run is no heading."""
    got = kinds(read_plain(RECORDS))
    assert got[1:6] == [
        ("paragraph", "What: -Zold (option value)"), ("paragraph", "Status: removed"),
        ("paragraph", "When: 1.18.11"), ("paragraph", "Warning: program"),
        ("paragraph", "Why: The old compression has some format deficiencies fixed by the new"
                      " one, which is what upstream has replaced it with.")]
    assert got[6:11] == [
        ("paragraph", "What --forget-old (option)"), ("paragraph", "Status: obsolete"),
        ("paragraph", "When: 1.16.x"), ("paragraph", "Warning: man page"),
        ("paragraph", "This was a semi-public interface now superseded by --list, which is a"
                      " better interface.")]
    assert ("paragraph", "Why: use addressing by sectors, CHS does not work with modern disks,"
                         " confusing for users...") in got


def test_prose_with_a_line_opening_with_a_label_is_not_cut_into_fields():
    text = ("The build needs a compiler.\nNote: the compiler must be recent, and\n"
            "Version: 11 or later is best for it.\nIt is found on the PATH.\n")
    assert kinds(read_plain(text)) == [
        ("paragraph", "The build needs a compiler."),
        ("paragraph", "Note: the compiler must be recent, and Version: 11 or later is best for"
                      " it."), ("paragraph", "It is found on the PATH.")]


def test_a_label_hung_out_over_its_text_is_no_heading():
    """"Holland:<tab>Transfer to ..." over lines indented to "Transfer" is one paragraph, not
    a heading over the lines under it, nor a line each."""
    text = ("Ways to give:\n\nHolland:\tTransfer to the account of the foundation in\n"
            "\t\tAmersfoort. This will allow for tax deduction if you live in\n"
            "\t\tHolland. Bank: IBAN NL95 0000\n\nThanks.\n")
    assert kinds(read_plain(text))[1:] == [
        ("paragraph", "Holland: Transfer to the account of the foundation in Amersfoort. This"
                      " will allow for tax deduction if you live in Holland. Bank: IBAN NL95"
                      " 0000"), ("paragraph", "Thanks.")]


def test_a_vim_help_file_is_read_without_its_anchors_and_mode_line():
    text = ("*gift.txt*\tFor Vim version 9.0.  Last change: 2022 Mar 02\n\n"
            "\t\t\t*gift* *Gift*\nSUMMARY\n\t\t\t\t\t\t\t\t*iccf* *ICCF*\n"
            "Vim is Charityware.  You can use and copy it as much as you like, but you are\n"
            "encouraged to make a donation for the children.  See |kcc| for the ways.\n\n"
            " vim:tw=78:ts=8:noet:ft=help:norl:\n")
    p = read_plain(text)
    assert kinds(p) == [
        ("paragraph", "gift.txt For Vim version 9.0. Last change: 2022 Mar 02"),
        ("heading", "SUMMARY"),
        ("paragraph", "Vim is Charityware. You can use and copy it as much as you like, but you"
                      " are encouraged to make a donation for the children. See kcc for the"
                      " ways.")]
    assert [(d.block.text, d.reason) for d in p.dropped] == [
        ("*gift* *Gift*", "a Vim help file's tag anchors"),
        ("*iccf* *ICCF*", "a Vim help file's tag anchors"),
        ("vim:tw=78:ts=8:noet:ft=help:norl:", "an editor's mode line")]


def test_a_vim_help_file_on_giving_money_is_a_document_not_a_web_page():
    # its words are an appeal's ("donation", "register", "account page"), as a page's furniture
    text = ("*sponsor.txt*\tFor Vim version 9.0.  Last change: 2022 May 26\n\n"
            "SPONSOR VIM DEVELOPMENT\t\t\t\t\t\t*sponsor*\n\n"
            "Fixing bugs takes time.  To show your appreciation please send a donation.\n\n"
            "REGISTERED VIM USER\t\t\t\t\t\t*register*\n\n"
            "You can become a registered Vim user by sending at least 10 euro.\n\n"
            "More explanations can be found in the |register-faq|.\n\n"
            "2.  You will be e-mailed a registration key.  Enter this key on your account page."
            "\n\n vim:tw=78:ts=8:noet:ft=help:norl:\n")
    p = read_plain(text)
    assert not p.web
    assert ("paragraph", "You can become a registered Vim user by sending at least 10 euro.") \
        in kinds(p)
    assert ("heading", "REGISTERED VIM USER") in kinds(p)


def test_a_debian_changelogs_entry_lines_head_their_entries():
    text = ("apt (2.4.0) unstable; urgency=medium\n\n"
            "  GPG verification now first tries only the trusted.gpg.d keys, before\n"
            "  then falling back to the legacy trusted.gpg keyring.\n\n"
            " -- Julian Andres Klode <jak@debian.org>  Tue, 22 Feb 2022 20:01:00 +0100\n\n"
            "apt (2.3.12) unstable; urgency=medium\n\n"
            "  The solver will no longer try to remove Essential or Protected packages.\n\n"
            " -- Julian Andres Klode <jak@debian.org>  Wed, 17 Nov 2021 18:26:40 +0100\n")
    blocks = read_plain(text).blocks
    assert [(b.kind, b.level) for b in blocks if b.kind == "heading"] == [("heading", 1)] * 2
    assert blocks[4].section == ("apt (2.3.12) unstable; urgency=medium",)
    assert blocks[4].text.startswith("The solver")
    # a line that only looks a little like one heads nothing
    prose = read_plain("Use apt (the tool) daily; it works.\n\nIt installs packages for you.\n")
    assert all(b.kind == "paragraph" for b in prose.blocks)


def test_a_terminals_escape_sequences_are_no_part_of_the_text():
    # a log saved with its colours, a question pasted from a terminal: the terminal shows
    # nothing of "ESC [ 31 m", and without the escape its parameters were left as text
    assert printable("\x1b[31mCSTO\x1b[0m was formed\x1b[K in 2002.") == "CSTO was formed in 2002."
    assert printable("Köln \x1b[1;32mrot\x1b[0m") == "Köln rot"
    assert printable("a [31m bracket stays") == "a [31m bracket stays"


def test_a_terminals_title_and_link_strings_are_no_part_of_the_text():
    # a window title (ESC ] 0;... BEL) and a link (ESC ] 8;;URL ESC \) show nothing of their
    # text; without the escape it was glued to the next word ("0;titlewho owns ...")
    assert printable("\x1b]0;lab@host: ~\x07who owns the centrifuge?") == (
        "who owns the centrifuge?")
    assert printable("see \x1b]8;;https://x.org/a\x1b\\the guide\x1b]8;;\x1b\\ now") == (
        "see the guide now")
    # one never ended takes nothing past its escape: the rest of a file is text
    assert printable("\x1b]0;stray\nThe quay opens in May.") == "0;stray\nThe quay opens in May."


def test_the_last_item_of_a_list_spaced_by_blank_lines_is_an_item_not_a_heading():
    p = read_plain("Release notes\n\nThanks to everyone who helped:\n\n"
                   "- Jarrod Millman (@jarrodmillman)\n\n- Ross Barnowski (@rossbar)\n\n"
                   "The release is available from PyPI. It fixes twelve bugs.\n")
    assert kinds(p)[2:] == [
        ("list_item", "Jarrod Millman (@jarrodmillman)"),
        ("list_item", "Ross Barnowski (@rossbar)"),
        ("paragraph", "The release is available from PyPI. It fixes twelve bugs.")]
    assert p.blocks[-1].section == ("Release notes",)
