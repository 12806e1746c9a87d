"""Sources kept by column or packed, read like the list they were made from."""

from __future__ import annotations

import pytest

from retrieval.sources import PackedSources, Source, SourceTable, source_columns, source_ids


def test_a_source_table_reads_like_the_list_it_was_made_from() -> None:
    sources = [Source("a", "A", url="https://a.example"), Source("b", "B", publisher="P")]
    table = SourceTable.of(sources)
    assert len(table) == 2 and list(table) == sources and table[-1] == sources[1]
    assert table[0:1] == sources[:1] and SourceTable(table.columns)[1].publisher == "P"
    with pytest.raises(IndexError):
        table[2]


PACKED = [
    Source("a", "A", url="https://a.example"),
    Source("", ""),  # empty id and title: not None
    Source("b/ü.md", "Ünïcode — 日本語 \U0001f600", publisher="", published="2024-01-02"),
    Source("c", "line\nbreak\ttab", url="", publisher="Pub", published=None),
    Source("d\udcff", "a file name's undecodable byte, kept as it came"),
]


def test_packed_sources_read_like_the_list_they_were_packed_from() -> None:
    packed = PackedSources()
    assert len(packed) == 0 and list(packed) == []
    for s in PACKED:
        packed.append(s)
    assert len(packed) == len(PACKED) and list(packed) == PACKED
    assert [packed[i] for i in range(len(PACKED))] == PACKED
    assert packed[-1] == PACKED[-1] and packed[1:3] == PACKED[1:3]
    assert packed[1].url is None and packed[2].publisher == "" and packed[3].url == ""
    with pytest.raises(IndexError):
        packed[len(PACKED)]
    # by column as a snapshot saves them, the same as from the list or from a table
    assert source_columns(packed) == source_columns(PACKED) == SourceTable.of(PACKED).columns
    assert SourceTable(source_columns(packed))[2] == PACKED[2]
    assert source_ids(packed) == source_ids(PACKED) == source_ids(SourceTable.of(PACKED)) == [
        s.id for s in PACKED]


def test_packed_sources_read_again_are_the_same_when_the_recent_ones_are_forgotten() -> None:
    packed = PackedSources()
    for s in PACKED:
        packed.append(s)
    packed.RECENT = 2  # forget the recently read ones every second new read
    assert [packed[i] for i in (0, 1, 0, 2, 3, 2, 4, 0, 4)] == [
        PACKED[i] for i in (0, 1, 0, 2, 3, 2, 4, 0, 4)]
    assert len(packed._recent) <= 2 and list(packed) == PACKED


def test_packed_titles_that_begin_a_documents_text_are_read_from_it() -> None:
    texts = bytearray()
    packed = PackedSources(texts)
    first = "Der Stadtrat hat am Montag den Plan für den Hafen gebilligt. Die Arbeiten beginnen."
    cases = [  # (title, the document's first passage)
        (first[:60], first),  # the text's first sentence, whole
        (first[:45].rsplit(" ", 1)[0] + "…", first),  # shortened
        ("Ein Titel, den der Text nicht hat, und der lang genug dafür ist", first),
        ("Short", "Short and to the point, as a title's first words can be."),  # a place is longer
        ("Ünïcode — 日本語 ends elsewhere in its text " * 2, "Ünïcode — 日本語 ends here è"),
        ("Ünïcode — 日本語 é differs in a character's second byte",
         "Ünïcode — 日本語 è differs in a character's second byte"),
        ("Ünïcode — 日本語 with no passage of its own at all", None),
    ]
    sources = []
    for k, (title, text) in enumerate(cases):
        start = len(texts)
        if text is not None:
            texts += text.encode()
        packed.append(src := Source(f"d{k}", title, url=f"https://{k}.example"), start)
        sources.append(src)
    assert list(packed) == sources and list(packed.values("title")) == [t for t, _ in cases]
    rows = [bytes(packed.blob[packed.offsets[i] : packed.offsets[i + 1]])
            for i in range(len(cases))]
    assert [PackedSources.AT in r for r in rows] == [True, True, False, False, True, True, False]
    assert len(rows[0]) < len(cases[0][0]) and rows[3].count(b"Short") == 1
    assert source_columns(packed) == source_columns(sources)
