"""``retrieval.ingest.vimhelp``: a Vim help file's anchors and link bars, which Vim hides."""

from __future__ import annotations

from retrieval.ingest.vimhelp import is_vim_help, without_anchors


def test_a_help_file_is_told_by_its_header_anchor_or_its_mode_line():
    assert is_vim_help("*uganda.txt*\tFor Vim version 9.0\n\nText.\n")
    assert is_vim_help("Text.\n\n vim:tw=78:ts=8:ft=help:norl:\n")
    assert not is_vim_help("Use *bold* words.\nvim: set ts=4:\n")
    assert not is_vim_help("*note* this is markdown emphasis.\n")


def test_anchors_go_and_links_read_as_their_words():
    text = ("*a.txt*\tFor Vim\n\t\t\t*iccf* *ICCF*\nVim is Charityware.  See |kcc| and"
            " *donate* below.\nA || b.")
    kept, anchors = without_anchors(text)
    assert kept == "a.txt\tFor Vim\n\nVim is Charityware.  See kcc and below.\nA || b."
    assert anchors == ["*iccf* *ICCF*", "*donate*"]
