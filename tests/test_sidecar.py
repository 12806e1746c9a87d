"""Sidecar metadata: what it overrides, and the bad sidecars ignored with a warning."""

from __future__ import annotations

import json

from structlog.testing import capture_logs

from retrieval import QAEngine
from retrieval.corpus import load_directory

from .test_corpus import ARTICLE


def test_sidecar_metadata_overrides_the_title(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    meta = {"title": "Harbour vote", "url": "https://example.org/a", "publisher": "Example",
            "published": "2024-02-01"}
    (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    engine = QAEngine.from_directory(tmp_path, save=False)
    src = engine.sources()[0]
    assert (src.title, src.url, src.publisher, src.published) == (
        "Harbour vote", "https://example.org/a", "Example", "2024-02-01")


def test_a_bad_sidecar_is_ignored_with_a_warning(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{not json", encoding="utf-8")
    with capture_logs() as logs:
        engine = QAEngine.from_directory(tmp_path, save=False)
    assert engine.sources()[0].title == "Harbour Plans Approved"
    assert any(e["event"] == "bad_sidecar_ignored" for e in logs)


def test_a_sidecar_linked_out_of_the_corpus_or_to_a_hidden_file_is_not_read(tmp_path):
    """A link out once showed any JSON file's title and url (a password) in every answer."""
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (outside / "app.json").write_text('{"title": "db_password=SuperSecret123"}')
    (corpus / ".private").mkdir()
    (corpus / ".private" / "app.json").write_text('{"title": "token=abc123"}')
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "a.meta.json").symlink_to(outside / "app.json")
    (corpus / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "b.meta.json").symlink_to(corpus / ".private" / "app.json")
    with capture_logs() as logs:
        docs, _ = load_directory(corpus)
    assert [d.title for d in docs] == ["", ""]
    reasons = [e["reason"] for e in logs if e["event"] == "bad_sidecar_ignored"]
    assert len(reasons) == 2 and "not followed" in reasons[0]


def test_a_sidecar_that_is_a_pipe_too_large_or_nested_too_deep_is_ignored(tmp_path):
    """A named pipe hung the build, /dev/zero read without end, deep nesting ended it."""
    import os

    from retrieval import sidecar

    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "a.meta.json")
    (tmp_path / "b.meta.json").write_text(" " * (sidecar.MAX_SIDECAR_BYTES + 1))
    (tmp_path / "c.meta.json").write_text("[" * 100_000 + "]" * 100_000)
    with capture_logs() as logs:
        docs, _ = load_directory(tmp_path)
    assert len(docs) == 3
    reasons = sorted(e["reason"] for e in logs if e["event"] == "bad_sidecar_ignored")
    assert reasons == ["nested too deep", "not a regular file",
                       "over 1024 KB, too large for a sidecar"]


def test_a_half_emoji_in_a_sidecar_title_is_replaced_so_the_title_is_text(tmp_path):
    """JSON can hold half a surrogate pair (a JavaScript tool that cut a title in the middle
    of an emoji writes one); the title would not encode, and no message citing it be sent."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"title": "Harbour vote \\ud83e", '
                                          '"publisher": "Port \\ud83d\\ude00"}')
    src = QAEngine.from_directory(tmp_path, save=False).sources()[0]
    assert (src.title, src.publisher) == ("Harbour vote \ufffd", "Port \U0001f600")
    src.title.encode("utf-8")


def test_a_sidecar_title_is_one_line_of_text(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps(
        {"title": "Harbour\u0000 vote\nresults \u202eflipped\u202c text"}), encoding="utf-8")
    docs, _ = load_directory(tmp_path)
    assert docs[0].title == "Harbour vote results flipped text"


def test_a_sidecar_opening_with_a_byte_order_mark_is_read(tmp_path):
    """Windows Notepad saves UTF-8 with a byte-order mark: such a sidecar was ignored as
    "Unexpected UTF-8 BOM (decode using utf-8-sig)"."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(
        {"title": "Harbour plan approved"}).encode())
    with capture_logs() as logs:
        docs, _ = load_directory(tmp_path)
    assert docs[0].title == "Harbour plan approved"
    assert not [e for e in logs if e["event"] == "bad_sidecar_ignored"]
