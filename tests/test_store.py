"""Saving an index and reading it back: round trip, permissions, format, manifest and corruption
checks (what opening a snapshot itself refuses: ``test_snapshot.py``)."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from retrieval import snapshot, store, writing
from retrieval.errors import DamagedIndexError, IndexFormatError
from retrieval.index import TermIndex
from retrieval.packing import pack
from retrieval.sources import Source, source_columns

ROOT = Path(__file__).resolve().parent.parent

TEXTS = ["Alpha beta gamma. Delta epsilon zeta.", "Beta gamma déjà vu.", "Gamma gamma omega."]


def _saved(tmp_path: Path) -> tuple[TermIndex, Path]:
    index = TermIndex.build(TEXTS)
    collection = pack([Source("d0", "Doc"), Source("d1", "Doc 1")], [0, 0, 1], TEXTS)
    store.save(tmp_path, index, collection, "fp")
    return index, tmp_path


def test_round_trip_gives_the_same_arrays_and_results(tmp_path: Path) -> None:
    index, where = _saved(tmp_path)
    loaded, collection, fp, _ = snapshot.load(where)
    assert fp == "fp" and loaded.vocabulary == index.vocabulary
    for key in ("indptr", "passages", "weights", "df", "maxw"):
        assert np.array_equal(getattr(loaded, key), getattr(index, key))
    assert loaded.search(["gamma", "beta"], 3) == index.search(["gamma", "beta"], 3)
    assert collection.passage_text(1) == TEXTS[1]
    assert list(collection.sources) == [Source("d0", "Doc"), Source("d1", "Doc 1")]


@pytest.mark.parametrize("batch", [1, 2, 10_000])
def test_sources_are_written_as_json_dumps_writes_them(tmp_path: Path, batch: int,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writing, "_BATCH", batch)
    sources = [Source("d0", "Déjà vu \"quoted\"", "https://x.org/a", None, "2024-01-02"),
               Source("d1", "Doc 1\n✓"), Source("d2", "")]
    collection = pack(sources, [0, 1, 2], TEXTS)
    store.save(tmp_path, TermIndex.build(TEXTS), collection, "fp")
    written = (store.live(tmp_path) / "sources.json").read_bytes()
    assert written == json.dumps(source_columns(sources), ensure_ascii=False).encode()
    path = tmp_path / "empty.json"
    writing.write_columns(path, [("id", []), ("title", iter([]))])
    assert path.read_bytes() == json.dumps({"id": [], "title": []}).encode()
    assert list(snapshot.load(tmp_path)[1].sources) == sources


@pytest.mark.parametrize(("umask", "folder", "file"), [(0o022, 0o755, 0o644),
                                                       (0o077, 0o700, 0o600)])
def test_a_snapshot_and_current_are_as_readable_as_the_umask_lets_files_be(
        tmp_path: Path, umask: int, folder: int, file: int) -> None:
    """Built by root (the image's `qabot index`), read by the bot's user: not 0700/0600 always,
    as ``tempfile`` made them."""
    old = os.umask(umask)
    try:
        _saved(tmp_path)
    finally:
        os.umask(old)
    snap = store.live(tmp_path)
    assert stat.S_IMODE(snap.stat().st_mode) == folder
    assert stat.S_IMODE((tmp_path / store.CURRENT).stat().st_mode) == file
    assert {stat.S_IMODE(p.stat().st_mode) for p in snap.iterdir()} == {file}


@pytest.mark.parametrize("array", [np.arange(5, dtype=np.int32), np.zeros(0, np.int64),
                                   np.array([b"de", b"", b"zh"], dtype="S3"),
                                   np.arange(8, dtype=np.uint16).reshape(4, 2),
                                   np.arange(6.0, dtype=np.float32)[::2]])
def test_arrays_are_written_as_np_save_writes_them(tmp_path: Path, array: np.ndarray) -> None:
    writing.save_array(tmp_path / "a.npy", array)
    np.save(tmp_path / "b.npy", array, allow_pickle=False)
    assert (tmp_path / "a.npy").read_bytes() == (tmp_path / "b.npy").read_bytes()


def test_a_write_the_disk_cuts_short_says_why(tmp_path: Path) -> None:
    """A file system that takes part of an array and then refuses (a full disk: ENOSPC; here a
    file size limit, EFBIG, which cuts a write short the same way) is named by the OS's reason,
    not by numpy's "800128 requested and 65408 written", which `qabot index` printed."""
    script = """
import resource, signal, sys
from pathlib import Path
import numpy as np
from retrieval import writing
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, not the process
resource.setrlimit(resource.RLIMIT_FSIZE, (65536, resource.RLIM_INFINITY))
try:
    writing.save_array(Path(sys.argv[1]), np.arange(100_000))
except OSError as exc:
    print(exc.errno, exc.strerror)
"""
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "a.npy")],
                          capture_output=True, text=True, timeout=60, cwd=ROOT, check=True)
    assert done.stdout.split(maxsplit=1) == [str(errno.EFBIG), "File too large\n"]


def test_an_older_format_is_refused(tmp_path: Path) -> None:
    _, where = _saved(tmp_path)
    snap = store.live(where)
    meta = json.loads((snap / "meta.json").read_text())
    meta["format"] = 1
    (snap / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(IndexFormatError, match="format 1"):
        snapshot.load(where)


def test_a_manifest_nested_too_deep_is_refused_as_damage_not_a_crash(tmp_path: Path) -> None:
    """(json raises RecursionError on it, which ended `qabot index` and hot reloading)"""
    _, where = _saved(tmp_path)
    (store.live(where) / "meta.json").write_text("[" * 100_000 + "]" * 100_000)
    assert store.live_fingerprint(where) is None
    with pytest.raises(IndexFormatError, match="unreadable"):
        snapshot.load(where)
    assert store.verify(where) == ["meta.json"]  # a file not as written, not "none saved"


def test_concurrent_saves_leave_a_loadable_index_every_time(tmp_path: Path) -> None:
    # two saves at once once left "CURRENT names no snapshot" in 37 of 40 rounds
    import threading

    index = TermIndex.build(TEXTS)
    collection = pack([Source("d0", "Doc"), Source("d1", "Doc 1")], [0, 0, 1], TEXTS)
    def saving(fp: str, errors: list[BaseException]) -> None:
        try:
            store.save(tmp_path, index, collection, fp)
        except BaseException as exc:  # a failed save is what this test looks for
            errors.append(exc)

    for round_ in range(20):
        errors: list[BaseException] = []
        threads = [threading.Thread(target=saving, args=(f"fp{round_}{k}", errors))
                   for k in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        _, _, fp, _ = snapshot.load(tmp_path)
        assert fp in (f"fp{round_}0", f"fp{round_}1")
        snaps = [p for p in tmp_path.iterdir() if p.name.startswith("snap-")]
        assert len(snaps) <= 3  # the live one, the one before it, at most one more


def test_a_killed_saves_temporary_is_removed_once_old(tmp_path: Path) -> None:
    import os
    import time

    _saved(tmp_path)
    old, fresh = tmp_path / ".tmp-killed", tmp_path / ".tmp-writing"
    old.mkdir()
    fresh.mkdir()
    past = time.time() - store.STALE_TMP_SECONDS - 60
    os.utime(old, (past, past))
    _saved(tmp_path)
    assert not old.exists() and fresh.exists()


def _flip(path: Path, at: int, bits: int = 0x01) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= bits
    path.write_bytes(bytes(data))


def _snapshot(where: Path) -> Path:
    return next(p for p in where.iterdir() if p.name.startswith("snap-"))


@pytest.mark.parametrize("bits", [0x01, 0x80])  # "y" read as "x"; a byte that is not UTF-8
def test_a_flipped_byte_of_text_is_never_quoted(tmp_path: Path, bits: int) -> None:
    # the same size, so loading (sizes only, for speed) takes it; once, a question then quoted
    # "2003" where the file said "2002", or raised UnicodeDecodeError at every asker
    _, where = _saved(tmp_path)
    assert store.verify(where) == []
    _flip(_snapshot(where) / "text_blob.npy", -3, bits)
    _, collection, _, _ = snapshot.load(where)
    assert collection.passage_text(0) == TEXTS[0]  # the other passages still read
    with pytest.raises(DamagedIndexError, match="passage 2 of the index"):
        collection.passage_text(2)
    with pytest.raises(DamagedIndexError):
        collection.sentences(2)
    assert store.verify(where) == ["text_blob.npy"]


def test_a_save_hands_back_what_writing_freed(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    released: list[int] = []
    monkeypatch.setattr(store, "release_freed_memory", lambda: released.append(1))
    _saved(tmp_path)
    assert released == [1]


@pytest.mark.parametrize("batch", [1, 2, 10_000])
def test_terms_are_written_as_json_dumps_writes_them(tmp_path: Path, batch: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writing, "_BATCH", batch)
    index, where = _saved(tmp_path)
    written = (store.live(where) / "vocab.json").read_bytes()
    assert written == json.dumps(index.vocabulary.terms(), ensure_ascii=False).encode()
    assert "déjà" in index.vocabulary and snapshot.load(where)[0].vocabulary == index.vocabulary
    path = tmp_path / "empty.json"
    writing.write_list(path, iter([]))
    assert path.read_bytes() == b"[]"


def test_spans_round_trip_as_uint16_and_another_type_is_refused(tmp_path: Path) -> None:
    _, where = _saved(tmp_path)
    loaded = snapshot.load(where)[1]
    assert loaded.sent_bounds.dtype == np.uint16
    assert [s.text for s in loaded.sentences(0)] == ["Alpha beta gamma.", "Delta epsilon zeta."]
    path = _snapshot(where) / "sent_bounds.npy"
    size = path.stat().st_size
    np.save(path, np.asarray(loaded.sent_bounds).astype(np.float16))  # the same size
    assert path.stat().st_size == size
    with pytest.raises(IndexFormatError, match="inconsistent"):
        snapshot.load(where)


def _edit_manifest(snap: Path, edit: str) -> None:
    meta = json.loads((snap / "meta.json").read_text())
    if edit == "count":
        meta["n_passages"] -= 1
    elif edit == "fingerprint":
        meta["fingerprint"] = "0" * 64
    elif edit == "file left out":
        del meta["files"]["text_blob.npy"]
    elif edit == "file renamed":
        meta["files"]["sources2.json"] = meta["files"].pop("sources.json")
    (snap / "meta.json").write_text(json.dumps(meta))


@pytest.mark.parametrize("edit", ["count", "fingerprint", "file left out", "file renamed"])
def test_a_manifest_edited_into_other_valid_json_is_found(tmp_path: Path, edit: str) -> None:
    """meta.json changed and still JSON (a count, the fingerprint, a file left out of its list):
    `verify` hashed only the files it lists and found all as written, and a load took the
    counts it says. Its own SHA-256, saved beside it in the snapshot, finds it."""
    _, where = _saved(tmp_path)
    snap = store.live(where)
    _edit_manifest(snap, edit)
    assert store.verify(where) == ["meta.json"]
    with pytest.raises(IndexFormatError, match=r"meta\.json"):
        snapshot.load(where)
    assert store.live_fingerprint(where) is None  # rebuilt as damaged, not taken as stale


def test_a_manifest_without_its_checksum_is_found(tmp_path: Path) -> None:
    _, where = _saved(tmp_path)
    (store.live(where) / store.MANIFEST_SEAL).unlink()
    assert store.verify(where) == [store.MANIFEST_SEAL]
    with pytest.raises(IndexFormatError, match=re.escape(store.MANIFEST_SEAL)):
        snapshot.load(where)
