"""Passages and sentence spans laid out in flat arrays."""

from __future__ import annotations

from retrieval.collection import (
    CODE_AFTER,
    CODE_LINE,
    ITEM_LINE,
    QUOTABLE,
    IndexedTexts,
)
from retrieval.ingest.sieve import QUOTE_ANY, QUOTE_PROSE, QUOTE_SENTENCE
from retrieval.packing import PassagePacker, pack
from retrieval.sources import Source
from retrieval.spans import sentence_layout

TEXTS = [
    "First sentence here. Second one follows!\nA new paragraph starts.",
    "Ünïcode text, déjà vu. Ça marche très bien.",
    "",
]


def test_passage_texts_round_trip_including_non_ascii() -> None:
    c = pack([Source("d", "Doc")], [0, 0, 0], TEXTS)
    assert [c.passage_text(p) for p in range(3)] == TEXTS
    assert c.text_offsets[-1] == len(c.text_blob) == sum(len(t.encode()) for t in TEXTS)


def test_sentence_spans_index_characters_of_each_passage() -> None:
    c = pack([Source("d", "Doc")], [0, 0, 0], TEXTS)
    assert [s.text for s in c.sentences(0)] == [
        "First sentence here.", "Second one follows!", "A new paragraph starts.",
    ]
    assert [s.text for s in c.sentences(1)] == ["Ünïcode text, déjà vu.", "Ça marche très bien."]
    assert c.sentences(2) == []
    assert c.sent_bounds.dtype.name == "uint16" and c.sent_bounds.shape == (5, 2)


def test_a_passage_of_65536_characters_or_more_widens_the_spans_to_int32() -> None:
    """Spans are kept in 2 bytes while every passage is shorter than 65,536 characters, and
    in 4 once one is not: the spans written before it are kept, widened."""
    long = "Word " * 20_000 + "the end is here."
    texts = [TEXTS[0], long, TEXTS[1]]
    c = pack([Source("d", "Doc")], [0, 0, 0], texts)
    assert c.sent_bounds.dtype.name == "int32"
    assert c.sentences(0)[0].text == "First sentence here."
    assert c.sentences(1)[-1].text.endswith("the end is here.") and c.sentences(1)[-1].text
    assert int(c.sent_bounds.max()) == len(long) > 0xFFFF
    assert [s.text for s in c.sentences(2)] == ["Ünïcode text, déjà vu.", "Ça marche très bien."]
    short = pack([Source("d", "Doc")], [0, 0, 0], [TEXTS[0], long[:0xFFFF], TEXTS[1]])
    assert short.sent_bounds.dtype.name == "uint16"
    assert [s.text for s in short.sentences(1)] == [s.text for s in pack(
        [Source("d", "Doc")], [0], [long[:0xFFFF]]).sentences(0)]


def test_joined_spans_keep_the_narrowest_type_that_holds_them() -> None:
    from retrieval.joining import Runs, concat

    narrow = pack([Source("a", "A")], [0, 0], TEXTS[:2])
    wide = pack([Source("b", "B")], [0], ["Word " * 14_000 + "last."])
    both = concat(Runs.of([(narrow, 0, 0, 2), (wide, 0, 0, 1)]))
    assert both.sent_bounds.dtype.name == "int32"
    assert [s.text for s in both.sentences(2)][-1].endswith("last.")
    alone = concat(Runs.of([(narrow, 0, 0, 2)]))
    assert alone.sent_bounds.dtype.name == "uint16"
    assert [s.text for s in alone.sentences(1)] == [s.text for s in narrow.sentences(1)]


def test_a_documents_short_fragment_ends_the_sentence_before_it_a_web_pages_does_not() -> None:
    line = "Name of the kill signal to send to the worker. Default: 'SIGTERM'"

    def sentences(rule: int) -> list[str]:
        bounds, _ = sentence_layout(line, [rule])
        return [line[bounds[k]:bounds[k + 1]] for k in range(0, len(bounds), 2)]

    assert sentences(QUOTE_ANY | ITEM_LINE) == [line]
    assert sentences(QUOTE_PROSE) == ["Name of the kill signal to send to the worker.",
                                      "Default: 'SIGTERM'"]


def test_a_short_whole_sentence_is_quotable_on_a_page_in_another_language_only() -> None:
    """A page in another language (``QUOTE_SENTENCE``) quotes a whole sentence of three words
    ("Helsinki perustettiin 1550."), where an English page (``QUOTE_PROSE``) asks six; a
    fragment of two words ("Lue lisää.") and a caption of capitalised words are quoted by
    neither."""
    line = ("Helsinki on Suomen pääkaupunki ja maan suurin kaupunki. Helsinki perustettiin "
            "1550. Lue lisää. Helsingin Tuomiokirkko (T).")
    assert [f & QUOTABLE for f in sentence_layout(line, [QUOTE_SENTENCE])[1]] == [1, 1, 0, 0]
    assert [f & QUOTABLE for f in sentence_layout(line, [QUOTE_PROSE])[1]] == [1, 0, 0, 0]


def test_passages_of_a_document() -> None:
    c = pack([Source("a", "A"), Source("b", "B")], [0, 1, 0], TEXTS)
    assert c.passages_of(0) == [0, 2] and c.source_of(1).id == "b"


def test_packing_lets_the_words_it_remembered_go() -> None:
    from retrieval.ingest.segment import words

    pack([Source("d", "Doc")], [0, 0, 0], TEXTS)
    assert words.cache_info().currsize == 0


def test_passage_languages_are_packed_as_a_list_of_their_codes_was() -> None:
    """Each passage's language code is packed as 3 bytes (cut or padded with NULs), not kept
    in a list and copied: the same S3 array as ``np.asarray`` of the codes gave."""
    import numpy as np

    langs = ["", "de", "zh", "", "abcd", "ru"]
    texts = [f"Passage number {i} is here." for i in range(len(langs))]
    c = pack([Source("d", "Doc")], [0] * len(langs), texts, passage_lang=langs)
    before = np.asarray([code.encode() for code in langs], dtype="S3")
    assert c.passage_lang.dtype == before.dtype and c.passage_lang.tolist() == before.tolist()
    assert c.passage_lang.tobytes() == before.tobytes()
    assert [c.lang_of(p) for p in range(len(langs))] == ["en", "de", "zh", "en", "abc", "ru"]
    assert c.languages() == {"en", "de", "zh", "abc", "ru"}
    empty = pack([], [], [])
    assert empty.passage_lang.dtype == np.dtype("S3") and len(empty.passage_lang) == 0
    english = pack([Source("d", "Doc")], [0, 0, 0], TEXTS)
    assert english.passage_lang.tolist() == [b"", b"", b""]


def test_a_lead_ins_code_lines_are_no_sentence_and_not_indexed() -> None:
    """Lines tagged ``CODE_LINE`` are in the passage's text, but no sentence: the sentence
    before them carries them (``Sentence.code``), and the text indexed leaves them out."""
    text = ("Frob is fast. To install it, type:\npip install frob\n  --user\n"
            "It takes a minute.\nTo run it, type:\nfrob")
    rules = [QUOTE_ANY, CODE_LINE, CODE_LINE, QUOTE_ANY, QUOTE_ANY, CODE_LINE]
    c = pack([Source("d", "Doc")], [0, 0], [text, "No code here."], quote=[rules, [QUOTE_ANY]])
    assert c.passage_text(0) == text
    sents = c.sentences(0)
    assert [(s.text, s.code) for s in sents] == [
        ("Frob is fast.", ()), ("To install it, type:", ("pip install frob", "  --user")),
        ("It takes a minute.", ()), ("To run it, type:", ("frob",))]
    assert [bool(f & CODE_AFTER) for f in c.sent_flags[:4]] == [False, True, False, True]
    indexed = "Frob is fast. To install it, type:\nIt takes a minute.\nTo run it, type:"
    assert list(IndexedTexts(c)) == [indexed, "No code here."]
    assert c.between(0, 1, 2) == "\npip install frob\n  --user\n"  # no sentence holds it
    packer = PassagePacker()
    packer.add(text, 0, quote=rules)
    assert (packer.text(0), packer.text(0, code=False)) == (text, indexed)
