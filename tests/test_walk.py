"""Walking a corpus folder: links out of it or to hidden files, deep trees, and what cannot be
looked at, passed over saying so."""

from __future__ import annotations

import pytest
from structlog.testing import capture_logs

from retrieval import NoDocumentsError, QAEngine
from retrieval.corpus import load_directory

from .test_corpus import ARTICLE


def test_symlinks_leading_out_of_the_corpus_are_not_followed(tmp_path):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("The vault code is 4471 and it opens at noon.\n")
    (outside / "more").mkdir()
    (outside / "more" / "x.txt").write_text(ARTICLE)
    (corpus / "a.txt").write_text(ARTICLE)
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")
    (corpus / "secret.txt").symlink_to(outside / "secret.txt")
    (corpus / "linked").symlink_to(outside / "more")
    with capture_logs() as logs:
        docs, _ = load_directory(corpus)
    assert sorted(d.id for d in docs) == ["a"]  # (inside.txt is a.txt: below)
    (warning,) = [e for e in logs if e["event"] == "symlinks_not_followed"
                  and "out of" in e["reason"]]
    assert warning["count"] == 2 and any(p.endswith("secret.txt") for p in warning["paths"])
    engine = QAEngine.from_directory(corpus, save=False)
    assert not engine.ask("What is the vault code?").answered


def test_a_link_to_a_document_the_corpus_holds_is_read_once(tmp_path):
    """A shared folder's "current-draft.txt" linked to "drafts/v7.txt" was two documents: the
    same text quoted side by side as two sources, and each of its words weighed half. A link
    to a file the walk does not read otherwise (a folder's link is not entered) is read, once
    however many links lead to it."""
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "v7.txt").write_text(ARTICLE)
    (tmp_path / "current-draft.txt").symlink_to(tmp_path / "drafts" / "v7.txt")
    (tmp_path / "zz-latest.md").symlink_to("drafts/v7.txt")
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "blob.dat").write_text(ARTICLE.replace("harbour", "airport"))
    (tmp_path / "osce.txt").symlink_to(tmp_path / "store" / "blob.dat")
    (tmp_path / "osce-again.txt").symlink_to("store/blob.dat")
    with capture_logs() as logs:
        docs, _ = load_directory(tmp_path)
    assert sorted(d.id for d in docs) == ["osce-again", "v7"]
    (warning,) = [e for e in logs if e["event"] == "symlinks_not_followed"]
    assert warning["count"] == 3 and "holds already" in warning["reason"]
    engine = QAEngine.from_directory(tmp_path, save=False)
    assert engine.n_documents == 2


def test_links_to_hidden_files_or_into_hidden_folders_are_not_followed(tmp_path):
    """Hidden folders are passed over; a link into one (".private/creds.txt") was read."""
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / ".private").mkdir()
    (tmp_path / ".private" / "creds.txt").write_text("The admin password is hunter2.\n")
    (tmp_path / ".notes.txt").write_text("The vault code is 4471.\n")
    (tmp_path / "faq.txt").symlink_to(tmp_path / ".private" / "creds.txt")
    (tmp_path / "notes.txt").symlink_to(".notes.txt")
    with capture_logs() as logs:
        docs, _ = load_directory(tmp_path)
    assert [d.id for d in docs] == ["a"]
    (warning,) = [e for e in logs if e["event"] == "symlinks_not_followed"]
    assert warning["count"] == 2 and "hidden" in warning["reason"]


def test_a_folder_tree_deeper_than_the_recursion_limit_is_walked(tmp_path):
    """A tree ~1,200 folders deep ended every build in a RecursionError; here the limit is
    lowered below what a tree of 60 folders needed, rather than the tree made that deep."""
    import sys

    from retrieval.walk import scan

    deep = tmp_path.joinpath(*(f"d{i}" for i in range(60)))
    deep.mkdir(parents=True)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (deep / "b.txt").write_text(ARTICLE)
    depth, frame = 0, sys._getframe()
    while frame:
        depth, frame = depth + 1, frame.f_back
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + 40)
    try:
        walk = scan(tmp_path)
    finally:
        sys.setrecursionlimit(limit)
    assert walk.rels == ["a.txt", str(deep.relative_to(tmp_path) / "b.txt")]


def test_a_loop_of_links_a_named_pipe_and_an_unreadable_folder_are_passed_over(
        tmp_path, monkeypatch):
    """Each once raised a traceback or hung (reading a named pipe waits for a writer)."""
    import os

    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(ARTICLE)
    scandir = os.scandir

    def refusing(path):  # (the tests may run as root, whom permissions do not stop)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    with capture_logs() as logs:
        docs, _ = load_directory(tmp_path)
    assert [d.id for d in docs] == ["a"]
    (warning,) = [e for e in logs if e["event"] == "paths_not_read"]
    assert warning["count"] == 3
    assert {p.rsplit(os.sep, 1)[1].split(" ")[0] for p in warning["paths"]} == {
        "loop.txt", "pipe.txt", "locked"}


def test_a_corpus_folder_that_cannot_be_read_is_said_plainly(tmp_path, monkeypatch):
    import os

    def refusing(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", refusing)
    with pytest.raises(NoDocumentsError, match="cannot be read"):
        load_directory(tmp_path)


def test_a_file_or_folder_named_in_another_encoding_is_passed_over_saying_so(tmp_path):
    """A Latin-1 name ("caf\\xe9.txt", from an old archive) was a traceback at every question:
    the index fingerprint could not encode it."""
    import os

    (tmp_path / "a.txt").write_text(ARTICLE)
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "w") as f:
        f.write(ARTICLE)
    os.mkdir(os.path.join(os.fsencode(tmp_path), b"r\xe9sum\xe9s"))
    with open(os.path.join(os.fsencode(tmp_path), b"r\xe9sum\xe9s", b"b.txt"), "w") as f:
        f.write(ARTICLE)
    with capture_logs() as logs:
        engine = QAEngine.from_directory(tmp_path, index_dir=tmp_path / "index")
    assert [s.id for s in engine.sources()] == ["a"]
    (warning,) = [e for e in logs if e["event"] == "paths_not_read"]
    assert sorted(p.rsplit(os.sep, 1)[1] for p in warning["paths"]) == [
        "caf\\xe9.txt (its name is not UTF-8: rename it)",
        "r\\xe9sum\\xe9s (its name is not UTF-8: rename it)"]
