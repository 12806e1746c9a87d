"""``retrieval.ingest.sieve``: documents kept whole, web pages cleaned, each drop with a reason."""

from __future__ import annotations

import pytest

from retrieval.ingest.blocks import Block, Dropped, Parsed
from retrieval.ingest.sieve import (
    DATELINE_REASON,
    MAX_CODE_CHARS,
    QUOTE_ANY,
    QUOTE_NEVER,
    QUOTE_PROSE,
    QUOTE_SENTENCE,
    Kept,
    sieve,
)
from retrieval.ingest.text import read_plain

from .conftest import SEEDS


def test_a_document_keeps_headings_list_items_rows_and_short_paragraphs():
    blocks = [Block("heading", "Usage", ("Usage",), level=1),
              Block("paragraph", "The mayor abstained.", ("Usage",)),
              Block("list_item", "Rust 1.70 stabilises OnceCell", ("Usage",), level=1),
              Block("table_row", "Option: --quiet; Default: off", ("Usage",)),
              Block("code", "make install", ("Usage",)),
              Block("paragraph", "* * *", ("Usage",))]
    s = sieve(Parsed(blocks))
    assert [(k.block.kind, k.quote) for k in s.kept] == [
        ("heading", QUOTE_NEVER), ("paragraph", QUOTE_ANY), ("list_item", QUOTE_ANY),
        ("table_row", QUOTE_ANY)]
    assert [(d.block.kind, d.reason) for d in s.dropped] == [
        ("code", "code block: kept out of quotes and the index"),
        ("paragraph", "no words (a rule or ornament)")]
    assert [status for _, status in s.rows] == [
        "indexed, not quoted", "indexed", "indexed", "indexed",
        "dropped: code block: kept out of quotes and the index",
        "dropped: no words (a rule or ornament)"]


def test_a_tables_header_row_heads_its_keyed_rows_and_is_not_quoted():
    blocks = [Block("table_row", "#define | configure flag | Description"),
              Block("table_row", "#define: TCPCONN; configure flag: --enable-tcp-transport"),
              Block("table_row", "Red | Green"),  # a table without a header: its rows speak
              Block("table_row", "Blue | Yellow")]
    assert [k.quote for k in sieve(Parsed(blocks)).kept] == [
        QUOTE_NEVER, QUOTE_ANY, QUOTE_ANY, QUOTE_ANY]


def test_a_header_over_the_data_columns_heads_rows_led_by_their_names():
    """A header with no label over a column of row names keys the cells after the name."""
    blocks = [Block("table_row", "Min | Max"), Block("table_row", "Alcohol: Min: 11.0; Max: 14.8"),
              Block("table_row", "Min | Max"), Block("table_row", "Ash; Min: 1.36; Max: 3.23")]
    assert [k.quote for k in sieve(Parsed(blocks)).kept] == [
        QUOTE_NEVER, QUOTE_ANY, QUOTE_NEVER, QUOTE_ANY]


def test_a_reference_lists_dated_entries_are_indexed_but_never_quoted():
    # "what dataset did they use?" was answered with a cited paper's title, "Speech commands: A
    # dataset for limited-vocabulary speech recognition.", as if the paper said it
    refs = ("7. References",)
    blocks = [Block("heading", "7. References", refs, level=1),
              Block("list_item", "[7] P. Warden. Speech commands: A dataset for limited-vocabulary "
                    "speech recognition. arXiv preprint, 2018.", refs, level=1),
              Block("paragraph", "Chen, G., et al. Small-footprint keyword spotting.", refs),
              # undated: a note under the heading, or a link to a tool, is still text
              Block("list_item", "XZ Utils - the next generation of LZMA Utils", refs, level=1),
              Block("heading", "Results", ("Results",), level=1),
              Block("paragraph", "The 2018 model reached 93% accuracy.", ("Results",))]
    assert [k.quote for k in sieve(Parsed(blocks)).kept] == [
        QUOTE_NEVER, QUOTE_NEVER, QUOTE_NEVER, QUOTE_ANY, QUOTE_NEVER, QUOTE_ANY]


def test_a_paragraph_repeated_across_documents_is_dropped_but_not_a_heading():
    blocks = [Block("heading", "Summary"), Block("paragraph", "Built with the book tool."),
              Block("paragraph", "The book explains the tool.")]
    s = sieve(Parsed(blocks), {"summary", "built with the book tool"})
    assert [k.block.text for k in s.kept] == ["Summary", "The book explains the tool."]
    assert s.dropped == [Dropped(blocks[1], "repeated across documents")]


def test_a_whole_sentence_several_documents_share_is_kept_in_each():
    # three versions of a policy say it alike: dropped from all three, nothing would answer
    shared = "Employees receive 25 days of paid leave per year, plus public holidays."
    blocks = [Block("paragraph", shared), Block("paragraph", "Built with the book tool.")]
    s = sieve(Parsed(blocks), {"employees receive 25 days of paid leave per year plus public "
                               "holidays", "built with the book tool"})
    assert [k.block.text for k in s.kept] == [shared]
    assert s.dropped == [Dropped(blocks[1], "repeated across documents")]


def test_a_web_page_is_cleaned_and_its_reader_drops_are_listed_too():
    text = (SEEDS / "003_48dbabf1d7c8e91b.txt").read_text(encoding="utf-8")
    parsed = read_plain(text)
    parsed.dropped.append(Dropped(Block("paragraph", "Page 1"), "page number"))
    s = sieve(parsed)
    assert s.web and all(k.quote == QUOTE_PROSE for k in s.kept)
    reasons = {d.reason for d in s.dropped}
    assert "page number" in reasons and "teaser marker" in reasons
    assert len(s.rows) == len(s.kept) + len(s.dropped)


XZ_README = """XZ Utils
========

    0. Overview
    1. Documentation
       1.1. Overall documentation
    2. Version numbering


0. Overview
-----------

    XZ Utils provide a general-purpose data-compression library plus
    command-line tools. The native file format is the .xz format, but
    also the legacy .lzma format is supported. With typical files, XZ
    Utils create about 30 % smaller files than gzip.

1. Documentation
----------------

1.1. Overall documentation

    The documentation is in the doc directory. It is installed with
    the programs, so that it matches the version you have.

2. Version numbering
--------------------

    The version number format of XZ Utils is X.Y.Z, where X is the
    major version, Y the minor version and Z the bugfix release.
"""


def test_a_table_of_contents_is_dropped_but_the_headings_it_names_stay():
    s = sieve(read_plain(XZ_README))
    assert [d.block.text for d in s.dropped] == [
        "0. Overview", "1. Documentation", "1.1. Overall documentation", "2. Version numbering"]
    assert {d.reason for d in s.dropped} == {
        "a table of contents (its entries name headings further on)"}
    assert [k.block.text for k in s.kept if k.quote == QUOTE_NEVER] == [
        "XZ Utils", "0. Overview", "1. Documentation", "1.1. Overall documentation",
        "2. Version numbering"]


def test_one_item_that_names_a_heading_is_no_table_of_contents():
    blocks = [Block("list_item", "Installation"), Block("list_item", "Run the tests."),
              Block("heading", "Installation"), Block("paragraph", "Use pip.")]
    assert not sieve(Parsed(blocks)).dropped


def test_a_contents_entry_reworded_by_one_word_still_names_its_heading():
    # the entry was written before its heading lost a word: still the table of contents
    toc = [Block("list_item", "Formatting rules", ("Contents",), level=1),
           Block("list_item", "Avoid throwing JavaScript errors in C++ methods", ("Contents",),
                 level=1)]
    blocks = [Block("heading", "Contents", ("Contents",), level=2), *toc,
              Block("heading", "Formatting rules", ("Formatting rules",), level=2),
              Block("paragraph", "Use two spaces.", ("Formatting rules",)),
              Block("heading", "Avoid throwing JavaScript errors in C++",
                    ("Avoid throwing JavaScript errors in C++",), level=2),
              Block("paragraph", "Return the data instead.",
                    ("Avoid throwing JavaScript errors in C++",))]
    s = sieve(Parsed(blocks))
    assert [d.block.text for d in s.dropped] == ["Contents", *(b.text for b in toc)]
    # two words apart is another thing
    other = [Block("list_item", "Avoid throwing JavaScript errors in C++ methods please"),
             Block("list_item", "Formatting rules"),
             Block("heading", "Formatting rules", level=2),
             Block("heading", "Avoid throwing JavaScript errors in C++", level=2)]
    assert not sieve(Parsed(other)).dropped


def _names_by_comparing(blocks):
    """The contents entries by the rule's words, each entry compared with every heading after
    it (what ``sieve`` looks up by words instead)."""
    def entry(b):
        return " ".join(b.text.lower().split())
    heads = [(i, entry(b), frozenset(entry(b).split())) for i, b in enumerate(blocks)
             if b.kind == "heading"]
    named = []
    for at, b in enumerate(blocks):
        mine = frozenset(entry(b).split())
        named.append(b.kind != "heading" and len(b.text.split()) <= 12 and any(
            i > at and (text == entry(b) or (len(mine) >= 3 and len(mine ^ theirs) == 1
                        and len(mine & theirs) >= 3)) for i, text, theirs in heads))
    runs, run = set(), []
    for i, is_named in enumerate([*named, False]):
        if is_named:
            run.append(i)
        else:
            runs.update(run if len(run) >= 2 else ())
            run = []
    return runs


def test_contents_entries_name_the_headings_one_word_apart_after_them_only():
    import random
    rng = random.Random(7)
    words = "alpha beta gamma delta epsilon zeta eta theta".split()
    for _ in range(3000):  # small documents: every case of one word more or fewer, and after
        blocks = [Block(rng.choice(["heading", "list_item", "list_item", "paragraph"]),
                        " ".join(rng.sample(words, rng.randint(1, 6))))
                  for _ in range(rng.randint(2, 12))]
        dropped = {i for i, (b, status) in enumerate(sieve(Parsed(blocks)).rows)
                   if status == "dropped: a table of contents (its entries name headings "
                                "further on)"}
        assert dropped == _names_by_comparing(blocks), blocks
    # a long changelog: thousands of headings and entries, every entry named by the heading
    # three blocks on
    many = [Block("list_item" if i % 4 < 2 else "heading", f"release {i // 4} fixes bug {i % 2}")
            for i in range(8000)]
    assert sum(s == "dropped: a table of contents (its entries name headings further on)"
               for _, s in sieve(Parsed(many)).rows) == 4000


def _sections(s):
    return [(k.block.text, " › ".join(k.block.section)) for k in s.kept]


def test_the_heading_of_a_table_of_contents_heads_none_of_the_sections_after_it():
    # npm's pages: "## Table of contents" over its links, then "### Description" ...: the
    # reader dropped the links; the sections are the page's own, not the contents'
    toc_path = ("Workspaces", "Table of contents")
    blocks = [Block("heading", "Workspaces", ("Workspaces",), level=1),
              Block("heading", "Table of contents", toc_path, level=2),
              Block("heading", "Description", (*toc_path, "Description"), level=3),
              Block("paragraph", "Workspaces are packages.", (*toc_path, "Description")),
              Block("heading", "Running", (*toc_path, "Running"), level=3),
              Block("paragraph", "Use --workspace.", (*toc_path, "Running"))]
    dropped = [Dropped(Block("list_item", "Description", toc_path),
                       "a table of contents (a list whose entries only link to places in pages)")]
    s = sieve(Parsed(blocks, dropped=dropped))
    assert _sections(s) == [
        ("Workspaces", "Workspaces"), ("Description", "Workspaces › Description"),
        ("Workspaces are packages.", "Workspaces › Description"),
        ("Running", "Workspaces › Running"), ("Use --workspace.", "Workspaces › Running")]
    assert s.dropped[-1].block.text == "Table of contents"
    # a heading with nothing of its own over deeper ones heads them, unless titled as contents
    part = [Block("heading", "Part one", ("Part one",), level=1),
            Block("heading", "Setup", ("Part one", "Setup"), level=2),
            Block("paragraph", "Install it.", ("Part one", "Setup"))]
    assert _sections(sieve(Parsed(part)))[-1] == ("Install it.", "Part one › Setup")
    sphinx = [Block("heading", "Contents", ("Contents",), level=1),
              Block("heading", "1. Setup", ("Contents", "1. Setup"), level=2),
              Block("paragraph", "Install it.", ("Contents", "1. Setup")),
              Block("heading", "Appendix", ("Appendix",), level=1),
              Block("paragraph", "More.", ("Appendix",))]
    assert _sections(sieve(Parsed(sphinx))) == [
        ("1. Setup", "1. Setup"), ("Install it.", "1. Setup"), ("Appendix", "Appendix"),
        ("More.", "Appendix")]


def test_a_web_page_in_another_language_quotes_whole_sentences_an_english_one_prose():
    """The six-word floor of prose was counted on English: a page in another language quotes
    its kept paragraphs' whole sentences (``QUOTE_SENTENCE``), an English page its prose."""
    finnish = ("Helsinki\n\nHelsinki on Suomen pääkaupunki ja maan suurin kaupunki. Helsinki "
               "perustettiin 1550. Kaupungissa on noin 650 000 asukasta.\n")
    english = ("Copenhagen\n\nCopenhagen is the capital of Denmark and its largest city. It "
               "was founded in 1167. The metro opened in 2002 after long construction.\n")
    fi = sieve(Parsed([], web=True, source_text=finnish))
    en = sieve(Parsed([], web=True, source_text=english))
    assert fi.web and fi.quotable and {k.quote for k in fi.kept} == {QUOTE_SENTENCE}
    assert en.quotable and {k.quote for k in en.kept} == {QUOTE_PROSE}
    # the same text, not laid out as a page, is a document: its title a heading, its
    # sentences quoted as any document's are
    doc = sieve(read_plain(finnish))
    assert not doc.web and [k.quote for k in doc.kept] == [QUOTE_NEVER, QUOTE_ANY]


def test_a_short_code_block_after_a_lead_in_is_kept_for_its_quote_and_a_long_one_dropped():
    def code(*lines: str, section: tuple[str, ...] = ("Install",)) -> Block:
        return Block("code", " ".join(lines), section, lines=lines)

    lead = Block("paragraph", "If you want to install frob, just type one of:", ("Install",))
    blocks = [lead, code("pip install -U frob", "easy_install -U frob"),
              code("make"),  # a second block: the lead-in has its code already
              Block("paragraph", "To build it, run these:", ("Install",)),
              code("./configure", "make", "make check", "make install"),  # four lines
              Block("paragraph", "To test it, run:", ("Install",)),
              code("x" * (MAX_CODE_CHARS + 1)),  # too long
              Block("paragraph", "The tool is small.", ("Install",)), code("frob"),  # no lead-in
              Block("paragraph", "To run it, type:", ("Install",)),
              code("frob", section=("Usage",)),  # in another section
              Block("heading", "Synopsis:", ("Synopsis:",), level=1), code("frob [-q]")]
    s = sieve(Parsed(blocks))
    assert [k.code for k in s.kept if k.code] == [("pip install -U frob", "easy_install -U frob")]
    assert s.kept[0] == Kept(lead, QUOTE_ANY, ("pip install -U frob", "easy_install -U frob"))
    kept = "kept for the quote of the lead-in before it, not indexed"
    dropped = "dropped: code block: kept out of quotes and the index"
    assert [status for b, status in s.rows if b.kind == "code"] == [kept] + [dropped] * 6
    assert len(s.dropped) == 6  # the short block is no drop


def test_a_wire_story_s_dateline_is_cut_from_its_first_paragraph_and_listed_as_dropped():
    text = ("World\n\nSign up\n\nAdvertisement\n\n"
            "MOSCOW, Dec 3 (Reuters) - Kestria exported a record 6.4 million tonnes of wheat in "
            "November, its agriculture ministry said on Thursday.\n\n"
            "Traders said the surge had pushed wheat prices down 3% on the Paris exchange.\n")
    s = sieve(read_plain(text))
    assert s.web
    assert [k.block.text for k in s.kept] == [
        "Kestria exported a record 6.4 million tonnes of wheat in November, its agriculture "
        "ministry said on Thursday.",
        "Traders said the surge had pushed wheat prices down 3% on the Paris exchange."]
    assert ("MOSCOW, Dec 3 (Reuters) -", DATELINE_REASON) in [
        (d.block.text, d.reason) for d in s.dropped]
    assert len(s.rows) == len(s.kept) + len(s.dropped)


def test_a_web_page_saved_as_text_is_cut_into_paragraphs_once(monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    """A page saved as text is cut into paragraphs (``segment.blocks``) by its reader, which
    keeps them (``Parsed.source_blocks``) for its repeated paragraphs' keys and its cleaning:
    once, where a 16 MB text was cut three times; and whether it reads as English weighed
    once (``source_english``); sieved as when both are found again."""
    from dataclasses import replace

    import numpy as np

    from retrieval.ingest import clean, segment, text
    from retrieval.ingest import sieve as sieving
    from retrieval.ingest.repeated import RepeatedLines, line_keys

    cut: list[int] = []
    real = segment.blocks

    def counted(t: str) -> list[tuple[str, int]]:
        cut.append(len(t))
        return real(t)

    for module in (segment, clean, sieving, text):
        monkeypatch.setattr(module, "blocks", counted)
    weighed: list[int] = []
    english = sieving.reads_as_english
    monkeypatch.setattr(sieving, "reads_as_english", lambda t: weighed.append(1) or english(t))
    page = (SEEDS / "000_00f339de5ad54580.txt").read_text(encoding="utf-8")
    parsed = text.read_plain(page)
    assert parsed.web
    keys = line_keys(parsed)
    sieved = sieving.sieve(parsed, RepeatedLines(keys))
    assert cut == [len(page)] and not weighed
    again = sieving.sieve(replace(parsed, source_blocks=[], source_english=None),
                          RepeatedLines(keys))
    assert again == sieved and len(cut) == 2 and weighed == [1]
    assert np.array_equal(line_keys(replace(parsed, source_blocks=[])), keys)
