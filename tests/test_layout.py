"""Documents laid out in passages: sections and pages kept apart and cited."""

from __future__ import annotations

import numpy as np

from retrieval.corpus import Document
from retrieval.ingest.blocks import Block, Parsed
from retrieval.layout import build_collection, section_name


def test_passages_keep_to_one_section_and_page_and_cite_them():
    blocks = [Block("heading", "Guide", ("Guide",), page=1, level=1),
              Block("paragraph", "The guide explains the widget server in short.", ("Guide",),
                    page=1),
              Block("heading", "Install", ("Guide", "Install"), page=1, level=2),
              Block("paragraph", "Run the installer as root to set it up.", ("Guide", "Install"),
                    page=1),
              Block("paragraph", "The installer asks for the port.", ("Guide", "Install"),
                    page=2)]
    doc = Document(id="g", title="", text="", parsed=Parsed(blocks))
    c, texts = build_collection([doc])
    assert c.sources[0].title == "Guide"
    assert texts == ["Guide\nThe guide explains the widget server in short.",
                     "Install\nRun the installer as root to set it up.",
                     "The installer asks for the port."]
    assert [c.section_of(p) for p in range(3)] == ["", "Install", "Install"]  # "": the title
    assert [c.page_of(p) for p in range(3)] == [1, 1, 2]
    assert [s.quotable for s in c.sentences(1)] == [False, True]  # a heading is never quoted


def test_a_section_path_drops_the_heading_the_title_begins_with():
    assert section_name(("2. Using the Interpreter", "2.1. Invoking"),
                        "2. Using the Interpreter — Python 3.11 documentation") == "2.1. Invoking"
    assert section_name(("Guide", "Install"), "Guide") == "Install"
    assert section_name(("Install", "Linux"), "Guide") == "Install › Linux"
    # a heading that is only the title's first word is a section of its own
    assert section_name(("Policy",), "Policy memo: Remote work") == "Policy"
    assert section_name(("Guide", "Install"), "Guide: Widgets") == "Install"


def test_documents_packed_one_at_a_time_are_what_collection_pack_makes():
    from retrieval.collection import PassageTexts
    from retrieval.ingest.repeated import RepeatedLines, repeated_in
    from retrieval.layout import Packer, lay_out, parsed_of
    from retrieval.packing import pack

    guide = Parsed([Block("heading", "Guide", ("Guide",), page=1, level=1),
                    Block("paragraph", "The guide explains the widget server in short.",
                          ("Guide",), page=1),
                    Block("heading", "Install", ("Guide", "Install"), page=2, level=2),
                    Block("list_item", "Run the installer as root to set it up.",
                          ("Guide", "Install"), page=2)])
    docs = [Document(id="g", title="", text="", parsed=guide),
            Document(id="menu", title="", text="Home\nNews\n"),  # nothing to quote
            Document(id="t", title="", text="Der Stadtrat hat am Montag den Plan für den "
                     "Hafen gebilligt. Die Arbeiten beginnen im Mai.\n\nÜber Kosten: £4 "
                     "Millionen — «viel» sagt man.\n"),
            Document(id="u", title="Ferry", text="The ferry carries cars and bicycles across "
                     "the bay. It sails every hour in summer.\n")]
    parsed = [parsed_of(d) for d in docs]
    repeated = RepeatedLines(repeated_in(parsed))
    laid = [lay_out(d, p, repeated) for d, p in zip(docs, parsed, strict=True)]
    assert laid[1] is None
    packer = Packer()
    for i, d in enumerate(laid):  # as a worker sends them (sentences laid out), or not
        packer.add(d.with_spans() if d is not None and i % 2 else d)
    got = packer.collection()

    kept = [d for d in laid if d is not None]
    groups = [g for d in kept for g in d.passages]
    texts = ["\n".join(t for t, _ in g) for g in groups]
    names = [n for d in kept for n in d.sections]
    sections = list(dict.fromkeys(n for n in names if n is not None))
    expected = pack([d.source for d in kept],
                    [k for k, d in enumerate(kept) for _ in d.passages], texts,
                    quote=[[q for _, q in g] for g in groups],
                    passage_section=[-1 if n is None else sections.index(n) for n in names],
                    passage_page=[p for d in kept for p in d.pages],
                    passage_lang=[c for d in kept for c in d.languages()], sections=sections)
    assert got.n_passages == len(texts) > 3
    for key in ("passage_doc", "text_offsets", "text_blob", "sent_indptr", "sent_bounds",
                "sent_flags", "passage_section", "passage_page", "passage_crc", "passage_lang"):
        a, b = getattr(got, key), getattr(expected, key)
        assert a.dtype == b.dtype and np.array_equal(a, b), key
    assert list(got.sources) == list(expected.sources) and got.sections == expected.sections
    assert list(PassageTexts(got)) == texts
    assert got.languages() == {"en", "de"}


def test_laid_documents_and_sources_come_back_from_a_worker_equal() -> None:
    """``Laid``, ``Source`` and ``Document`` are pickled as their fields (``__reduce__``),
    faster than a frozen dataclass's state: what a worker sends is what the parent gets, and
    what the parent sends the worker gets."""
    import pickle
    from array import array

    from retrieval.layout import Laid
    from retrieval.sources import Source

    source = Source("a", "Title", None, "Publisher", None)
    for laid in (Laid(source, [[("One line.", 1)]], [None], [0], None,
                      [(array("i", [0, 9]), array("B", [5]))]),
                 Laid(source, [], [], [])):
        back = pickle.loads(pickle.dumps(laid, pickle.HIGHEST_PROTOCOL))
        assert back == laid and type(back.source) is Source
    assert pickle.loads(pickle.dumps(source)) == source
    doc = Document(id="a", title="T", text="One line.", url="u", publisher=None,
                   published="2020", lang="de", path="a.txt",
                   parsed=Parsed([Block("paragraph", "One line.")]))
    for d in (doc, Document(id="b", title="", text="Two.")):
        back = pickle.loads(pickle.dumps(d, pickle.HIGHEST_PROTOCOL))
        assert back == d and type(back) is Document


def test_chunks_packed_in_workers_and_appended_are_what_packing_one_at_a_time_makes() -> None:
    """``Packer.extend``: chunks packed elsewhere (``tell=False``, sent pickled) and appended
    in order give the collection, to the byte, that adding each document here gives: documents
    and sections renumbered, titles written as places in the text moved (or written out, when
    a place no longer is shorter), the languages a worker left untold told, wide sentence
    bounds kept wide."""
    import pickle

    from retrieval.ingest.repeated import RepeatedLines, repeated_in
    from retrieval.layout import Packer, lay_out, parsed_of

    texts = [
        "Go a b.",  # a title of 7 bytes from the text: a place "0,7;" is shorter, "1234,7;" not
        "The ferry carries cars and bicycles across the bay. It sails every hour in summer.",
        "Der Stadtrat hat am Montag den Plan für den Hafen gebilligt. Die Arbeiten beginnen "
        "im Mai, und die Kosten trägt die Stadt allein.\n\nÜber Kosten: £4 Millionen.",
        "Home\nNews\n",  # nothing to quote
        "Install\n\nRun the installer as root to set it up.\n\nUsage\n\nCall it with a port.",
    ] * 7
    docs = [Document(id=f"d{i}", title="", text=t) for i, t in enumerate(texts)]
    parsed = [parsed_of(d) for d in docs]
    repeated = RepeatedLines(repeated_in(parsed[:3]))
    laid = [lay_out(d, p, repeated) for d, p in zip(docs, parsed, strict=True)]
    assert any(d is not None and d.langs is None for d in laid)  # left to be told
    one = Packer()
    for d in laid:
        one.add(d)
    chunked = Packer()
    for lo in range(0, len(laid), 4):
        worker = Packer(tell=False)
        for d in laid[lo : lo + 4]:
            worker.add(d)
        chunked.extend(pickle.loads(pickle.dumps(worker, pickle.HIGHEST_PROTOCOL)))
    a, b = one.collection(), chunked.collection()
    for key in ("passage_doc", "text_offsets", "text_blob", "sent_indptr", "sent_bounds",
                "sent_flags", "passage_section", "passage_page", "passage_crc", "passage_lang"):
        x, y = getattr(a, key), getattr(b, key)
        assert x.dtype == y.dtype and np.array_equal(x, y), key
    assert bytes(one.sources.blob) == bytes(chunked.sources.blob)
    assert list(one.sources.offsets) == list(chunked.sources.offsets)
    assert a.sections == b.sections and list(a.sources) == list(b.sources)
    assert b"\xfd" in one.sources.blob and "de" in b.languages()
    assert a.sources[0].title == "Go a b." == a.sources[-4].title
    assert b"\xfd0,7;" in one.sources.blob and b"\xffGo a b.\xff" in one.sources.blob


def test_passages_appended_keep_wide_sentence_bounds_wide() -> None:
    from retrieval.packing import PassagePacker

    wide = "A sentence. " * 6000  # 72,000 characters: bounds past 65,535
    for first, second in (("Short one.", wide), (wide, "Short one.")):
        one, parent, worker = PassagePacker(), PassagePacker(), PassagePacker()
        one.add(first, 0)
        one.add(second, 1)
        parent.add(first, 0)
        worker.add(second, 0)
        parent.extend(worker, 1, np.zeros(0, dtype=np.int32))
        assert parent.bounds.typecode == one.bounds.typecode == "i"
        assert list(parent.bounds) == list(one.bounds)
        assert list(parent.sent_indptr) == list(one.sent_indptr)
        assert list(parent.offsets) == list(one.offsets) and parent.blob == one.blob
        assert list(parent.passage_doc) == [0, 1]
