"""Passages and sentence spans laid out in flat arrays."""

from __future__ import annotations

import pytest

from retrieval.collection import ITEM_LINE, Source, SourceTable, pack, sentence_layout
from retrieval.ingest.sieve import QUOTE_ANY, QUOTE_PROSE

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
    assert c.sent_bounds.dtype.name == "int32" and c.sent_bounds.shape == (5, 2)


def test_a_documents_short_fragment_ends_the_sentence_before_it_a_web_pages_does_not() -> None:
    line = "Name of the kill signal to send to the worker. Default: 'SIGTERM'"

    def sentences(rule: int) -> list[str]:
        bounds, _ = sentence_layout(line, [rule])
        return [line[bounds[k]:bounds[k + 1]] for k in range(0, len(bounds), 2)]

    assert sentences(QUOTE_ANY | ITEM_LINE) == [line]
    assert sentences(QUOTE_PROSE) == ["Name of the kill signal to send to the worker.",
                                      "Default: 'SIGTERM'"]


def test_passages_of_a_document() -> None:
    c = pack([Source("a", "A"), Source("b", "B")], [0, 1, 0], TEXTS)
    assert c.passages_of(0) == [0, 2] and c.source_of(1).id == "b"


def test_a_source_table_reads_like_the_list_it_was_made_from() -> None:
    sources = [Source("a", "A", url="https://a.example"), Source("b", "B", publisher="P")]
    table = SourceTable.of(sources)
    assert len(table) == 2 and list(table) == sources and table[-1] == sources[1]
    assert table[0:1] == sources[:1] and SourceTable(table.columns)[1].publisher == "P"
    with pytest.raises(IndexError):
        table[2]
